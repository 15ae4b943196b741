"""`compliance letters` on the bundled 2019 data, through the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest

from compliance import paths
from compliance.assess import assess
from compliance.letters.office import load_office
from compliance.letters.typography import plain, typeset
from compliance.vocabulary import Grade, Obligation, RuleKind

DATA, RULES = paths.BUNDLED / "data", paths.BUNDLED / "rules"
FORMATS = ("pdf", "docx", "html", "txt", "eml")
LISTS = ["manifest.json", "seznam-dopisov.csv", "seznam-dopisov.xlsx"]
DATE = "2020-03-02"


@pytest.fixture(scope="module")
def findings_2019():
    registry, assessment = assess(DATA, RULES, 2019)
    return registry, assessment


def run(cli, out: Path, *args: str):
    return cli("letters", "--year", "2019", "--out", str(out), "--date", DATE, *args)


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def assert_clean_failure(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output + result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def test_2019_batch_goes_to_exactly_the_municipalities_the_policy_names(cli, tmp_path, findings_2019):
    registry, assessment = findings_2019
    result = run(cli, tmp_path / "letters")
    assert result.exit_code == 0, result.output
    # The policy, from the grades: no report (none in the overview, or not in it at all), or a
    # statutory duty not complied with.
    expected = [
        m for m in assessment.municipalities
        if any((f.obligation == Obligation.REPORTING and f.grade in (Grade.NON_COMPLIANT, Grade.NO_DATA))
               or (f.grade == Grade.NON_COMPLIANT and f.kind == RuleKind.DUTY)
               for f in assessment.of(m))
    ]
    listed = [entry["municipality"] for entry in manifest(tmp_path / "letters")["letters"]]
    assert listed == expected
    # The design names the municipalities that sent nothing for 2019, and Celje, with no entry.
    assert {"kuzma", "semic", "sentjernej", "skocjan", "celje"} <= set(listed)
    assert {"crnomelj", "cankova"}.isdisjoint(listed)  # programme in force, working body met
    files = sorted(p.name for p in (tmp_path / "letters").iterdir())
    assert files == sorted(LISTS + [f"{m}.{f}" for m in listed for f in FORMATS])
    for ident in listed:  # the table on stdout names everyone who gets a letter
        assert registry.get(ident).name in result.output


def test_each_reason_has_its_paragraph_and_the_dative_address(cli, tmp_path, findings_2019):
    registry, assessment = findings_2019
    out = tmp_path / "letters"
    assert run(cli, out).exit_code == 0
    for entry in manifest(out)["letters"]:
        municipality = registry.get(entry["municipality"])
        text = (out / entry["files"]["txt"]).read_text(encoding="utf-8")
        assert entry["reasons"], entry
        for reason in entry["reasons"]:
            # The rule's paragraph: what the Office holds, then (after its reasons) what it asks.
            paragraph = assessment.finding(municipality.id, Obligation(reason)).letter
            held, _, asked = paragraph.partition("||")
            for part in (held, asked):
                part = " ".join(part.split()).replace("člena ZRomS-1", "člena")
                for piece in typeset(part).split("člena"):
                    assert piece.strip() in text, (municipality.id, reason, piece)
        assert f"Poslati (po elektronski pošti):\n- {municipality.dative} ({', '.join(municipality.emails)})" in text
        assert entry["emails"] == list(municipality.emails) and entry["name"] == municipality.name
        assert "Datum: 2. 3. 2020\n" in plain(text)


def test_non_reporting_letters_request_the_report(cli, tmp_path, findings_2019):
    out = tmp_path / "letters"
    assert run(cli, out, "--municipality", "kuzma", "--municipality", "celje").exit_code == 0
    kuzma = plain((out / "kuzma.txt").read_text(encoding="utf-8"))
    assert kuzma.index("Za leto 2019 nam vaša občina informacij ni posredovala") < kuzma.index("S spoštovanjem,")
    # Kuzma's entry gives no year for the facts it repeats.
    assert "iz vašega zadnjega prispevka, s katerim razpolagamo" in kuzma and "2018" not in kuzma
    assert "zahvaljujemo se vam za prispevek" not in kuzma
    celje = plain((out / "celje.txt").read_text(encoding="utf-8"))
    # Celje is not in the overview: nothing is claimed about receiving or older facts
    assert "nismo prejeli" not in celje and "prejšnjih let" not in celje
    assert "V pregledu po občinah za leto 2019, ki je del tega poročila, podatkov za vašo občino ni." in celje
    assert "Mestni občini Celje (mestna.obcina.celje@celje.si)" in celje
    assert [e["reasons"][0] for e in manifest(out)["letters"]] == ["reporting", "reporting"]


def test_deadline_moves_past_presheren_day(cli, tmp_path):
    out = tmp_path / "letters"
    result = cli("letters", "--year", "2019", "--out", str(out), "--date", "2021-01-09",
                 "--municipality", "kuzma", "--format", "txt")
    assert result.exit_code == 0, result.output
    [entry] = manifest(out)["letters"]
    assert entry["deadline"] == "2021-02-09"  # 8 February 2021, a Monday, is Prešeren Day
    assert "najpozneje do 9. 2. 2021" in plain((out / "kuzma.txt").read_text(encoding="utf-8"))
    assert "9. 2. 2021" in result.output


def test_deadline_moves_past_a_weekend(cli, tmp_path):
    out = tmp_path / "letters"
    assert cli("letters", "--year", "2019", "--out", str(out), "--date", "2020-03-05",
               "--municipality", "kuzma", "--format", "txt").exit_code == 0
    assert manifest(out)["letters"][0]["deadline"] == "2020-04-06"  # Saturday 4 April -> Monday


def test_a_rerun_reproduces_every_file_byte_for_byte(cli, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run(cli, first).exit_code == 0
    assert run(cli, second).exit_code == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert any(n.endswith(".docx") for n in names) and any(n.endswith(".eml") for n in names)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_existing_letters_are_kept_without_force(cli, tmp_path):
    out = tmp_path / "letters"
    assert run(cli, out, "--lang", "en", "--municipality", "kuzma").exit_code == 0
    (out / "kuzma.txt").write_text("edited and signed", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = run(cli, out, "--lang", "en", "--municipality", "kuzma")
    assert_clean_failure(result, "already exist", "kuzma.txt", "--force")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    result = run(cli, out, "--lang", "en", "--municipality", "kuzma", "--force")
    assert result.exit_code == 0, result.output
    assert "edited and signed" not in (out / "kuzma.txt").read_text(encoding="utf-8")


def test_docx_from_the_command_reads_back(cli, tmp_path):
    out = tmp_path / "letters"
    assert run(cli, out, "--municipality", "kuzma", "--format", "docx").exit_code == 0
    document = docx.Document(io.BytesIO((out / "kuzma.docx").read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Datum: 2. 3. 2020" in plain(text) and "Zadeva: " in text
    assert "Občini Kuzma (info@obcina-kuzma.si)" in text
    assert "mag. Stanko Baluh" in text and "{{" not in text
    assert sorted(p.name for p in out.iterdir()) == sorted(["kuzma.docx"] + LISTS)


def test_a_municipality_without_a_shortfall_gets_no_letter(cli, tmp_path):
    out = tmp_path / "letters"
    result = run(cli, out, "--municipality", "crnomelj")
    assert result.exit_code == 0, result.output
    assert manifest(out)["letters"] == []
    assert "crnomelj" in result.output and "Brez pisma" in result.output


def test_english_summary(cli, tmp_path):
    result = run(cli, tmp_path / "letters", "--municipality", "kuzma", "--lang", "en", "--format", "txt")
    assert result.exit_code == 0, result.output
    assert "reply by" in result.output and "1 letter(s)" in result.output and "2020-04-01" in result.output
    assert "Zadeva: Poziv" in (tmp_path / "letters" / "kuzma.txt").read_text(encoding="utf-8")  # letters stay Slovenian


def test_unknown_municipality_suggests_the_closest(cli, tmp_path):
    result = run(cli, tmp_path / "letters", "--lang", "en", "--municipality", "kuzmaa")
    assert_clean_failure(result, "unknown municipality: kuzmaa", "kuzma")
    assert not (tmp_path / "letters").exists()


def test_unknown_year_lists_the_years_with_data(cli, tmp_path):
    result = cli("letters", "--lang", "en", "--year", "2031", "--out", str(tmp_path / "letters"), "--date", DATE)
    assert_clean_failure(result, "unknown year: 2031", "2019")
    assert not (tmp_path / "letters").exists()


def test_unknown_format_is_refused(cli, tmp_path):
    result = run(cli, tmp_path / "letters", "--format", "docx,odt")
    assert result.exit_code == 2 and "odt" in result.stderr
    assert not (tmp_path / "letters").exists()


def test_broken_office_configuration_is_located_and_nothing_is_written(cli, tmp_path, data_copy):
    path = data_copy / "office.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("reply_days: 30", "reply_days: many"), encoding="utf-8")
    line = next(n for n, l in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if l.startswith("reply_days"))
    result = run(cli, tmp_path / "letters", "--lang", "en", "--data-dir", str(data_copy))
    assert_clean_failure(result, f"office.yaml:{line}: field reply_days:")
    assert not (tmp_path / "letters").exists()


def test_broken_template_is_named_and_nothing_is_written(cli, tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    for source in paths.TEMPLATES_DIR.iterdir():
        (templates / source.name).write_bytes(source.read_bytes())
    (templates / "letter.html.j2").write_text("<p>{{ subject }</p>\n", encoding="utf-8")
    result = run(cli, tmp_path / "letters", "--lang", "en", "--templates-dir", str(templates))
    assert_clean_failure(result, "letter.html.j2:1: template error")
    assert not (tmp_path / "letters").exists()


def test_registry_notes_reach_the_manifest_but_not_the_slovenian_output(cli, tmp_path, findings_2019):
    registry, _ = findings_2019
    result = run(cli, tmp_path / "letters", "--format", "txt")
    for entry in manifest(tmp_path / "letters")["letters"]:
        assert entry["notes"] == list(registry.get(entry["municipality"]).notes)
        for note in entry["notes"]:  # curators' English notes are not printed in a Slovenian run
            assert note not in result.stderr


def test_the_format_option_offers_exactly_the_formats_the_letters_are_written_in():
    from compliance import letters
    from compliance.cli.options import LETTER_FORMATS  # declared apart, so --help imports no letter code

    assert LETTER_FORMATS == letters.FORMATS == FORMATS

"""What a letter says and how it is written, on assessments built here (no rule engine)."""

from __future__ import annotations

import datetime as dt
import email
import io
import json
import os
import subprocess
import sys
from email import policy
from pathlib import Path

import docx
import pytest

from compliance import paths
from compliance.errors import ComplianceError
from compliance.findings import Assessment, Finding, LegalBasis
from compliance.letters import batch, compose, eml
from compliance.letters.office import load_office
from compliance.letters.typography import NBSP, plain, slovenian_date, typeset
from compliance.models import Municipality
from compliance.registry import Registry
from compliance.vocabulary import Grade, Obligation, Provenance, RuleKind

ROOT = Path(__file__).resolve().parent.parent
OFFICE = load_office(paths.BUNDLED / "data" / "office.yaml")
DATE = dt.date(2020, 3, 2)  # deadline 30 days later: Wednesday 1. 4. 2020
O, G = Obligation, Grade

BASIS = {
    O.REPORTING: LegalBasis(act="ZRomS-1", article=4),
    O.PROGRAMME: LegalBasis(act="ZRomS-1", article=6, paragraph=2),
    O.WORKING_BODY: LegalBasis(act="ZRomS-1", article=7),
    O.COOPERATION: LegalBasis(act="Program ukrepov Vlade RS za Rome"),
}
# Paragraphs as a rule file would render them (what the record shows, which year, what is asked).
PARAGRAPHS = {
    O.REPORTING: "Prosimo, da nam podatke za leto {year} posredujete naknadno.",
    O.PROGRAMME: "Po podatkih iz leta {data_year} občina nima sprejetega programa ukrepov za romsko skupnost. PROGRAMME-{grade}",
    O.WORKING_BODY: "Po podatkih iz leta {data_year} delovno telo občinskega sveta ne deluje. BODY-{grade}",
    O.COOPERATION: "Priporočamo vzpostavitev medinstitucionalnega tima. COOPERATION-{grade}",
}


def municipality(ident: str, name: str, dative: str, emails=("obcina@example.si",), kind="obcina", notes=()) -> Municipality:
    short = name.split(" ", 2)[-1] if kind == "mestna_obcina" else name.split(" ", 1)[1]
    return Municipality(
        id=ident, name=name, short_name=short, kind=kind, dative=dative, genitive=name, region="Pomurska",
        roma_seat=True, emails=list(emails), notes=list(notes),
    )


REGISTRY = Registry(
    [
        municipality("beltinci", "Občina Beltinci", "Občini Beltinci"),
        municipality("murska-sobota", "Mestna občina Murska Sobota", "Mestni občini Murska Sobota",
                     emails=("mestna.obcina@murska-sobota.si",), kind="mestna_obcina"),
        municipality("kuzma", "Občina Kuzma", "Občini Kuzma", emails=("info@obcina-kuzma.si",)),
        municipality("celje", "Mestna občina Celje", "Mestni občini Celje", kind="mestna_obcina"),
        municipality("crnomelj", "Občina Črnomelj", "Občini Črnomelj",
                     emails=("obcina.crnatelj@siol.net", "kabinet.zupanje@crnomelj.si"), notes=("address looks mistyped",)),
    ],
    Path("municipalities.yaml"),
)


def provenance(data_year, obligation: Obligation) -> dict:
    """A finding's provenance from the year its facts were stated: 2019 the year's own, an
    earlier year carried over ("sporočeno v letu 2018"), None not in the overview (Celje)."""
    if data_year is None:
        return {"provenance": Provenance.NOT_IN_OVERVIEW}
    if data_year == "nothing":  # in the overview, sent nothing, nothing earlier repeated
        return {"provenance": Provenance.NOTHING_CARRIED} if obligation != O.REPORTING else provenance(2019, obligation)
    if data_year < 2019 and obligation != O.REPORTING:
        return {"provenance": Provenance.STATED_IN, "stated_in": data_year}
    return {"provenance": Provenance.CURRENT, "stated_in": 2019, "describes": 2019}


def finding(ident: str, obligation: Obligation, grade: Grade, data_year=2019, letter=True, message="") -> Finding:
    kind = {O.COOPERATION: RuleKind.RECOMMENDATION, O.REPORTING: RuleKind.REQUEST}.get(obligation, RuleKind.DUTY)
    text = PARAGRAPHS[obligation].format(year=2019, data_year=data_year, grade=grade.value) if letter else None
    return Finding(
        municipality=ident, year=2019, obligation=obligation, grade=grade, rule=f"{obligation.value}.{grade.value}",
        kind=kind, basis=BASIS[obligation], **provenance(data_year, obligation),
        messages={"sl": message or f"{obligation.value} {grade.value}", "en": message or "-"}, letter=text,
    )


def assessment(*rows: tuple[str, Grade, Grade, Grade, Grade], data_years=None) -> Assessment:
    """One row per municipality: grades for reporting, programme, working_body, cooperation."""
    findings = []
    for ident, *grades in rows:
        year = (data_years or {}).get(ident, 2019)
        for obligation, grade in zip(O, grades):
            findings.append(finding(ident, obligation, grade, data_year=year))
    return Assessment(2019, tuple(findings), "r", "d")


def one(*row, include_partial=False, data_years=None) -> compose.Letter:
    written = compose.letters(REGISTRY, assessment(row, data_years=data_years), OFFICE, DATE, include_partial)
    assert len(written) == 1
    return written[0]


def text_of(letter: compose.Letter) -> str:
    return batch.render_letter(letter, ["txt"])["txt"].decode("utf-8")


# --- who gets a letter -------------------------------------------------------------------

def test_recipients_follow_the_letter_policy():
    grades = assessment(
        ("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT),  # a duty not met
        ("murska-sobota", G.COMPLIANT, G.PARTIAL, G.PARTIAL, G.NON_COMPLIANT),  # partial + recommendation only
        ("kuzma", G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT, G.COMPLIANT),  # did not report
        ("celje", G.COMPLIANT, G.COMPLIANT, G.NOT_APPLICABLE, G.NO_DATA),  # nothing to ask
        ("crnomelj", G.COMPLIANT, G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT),  # working body not established
    )
    for include_partial in (False, True):  # --include-partial changes what letters say, not who gets one
        written = compose.letters(REGISTRY, grades, OFFICE, DATE, include_partial)
        assert [letter.municipality.id for letter in written] == ["beltinci", "kuzma", "crnomelj"]


# --- what a letter says ------------------------------------------------------------------

def test_shortfall_letter_reminds_of_each_duty_with_its_article():
    letter = one("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.NON_COMPLIANT, G.NON_COMPLIANT)
    text = text_of(letter)
    assert letter.subject == typeset(OFFICE.wording.subject_shortfall.format(year=2019))
    assert letter.reasons == (O.PROGRAMME, O.WORKING_BODY, O.COOPERATION)
    assert "PROGRAMME-non_compliant" in text and "BODY-non_compliant" in text
    # Each item under its title; the paragraph itself cites the provision (once).
    assert "\nProgram ukrepov\n" in text and "\nDelovno telo\n" in text
    # Two duties: the dual; one recommendation: the singular.
    assert "\nZAKONSKI OBVEZNOSTI\n" in text and "\nPRIPOROČILO\n" in text
    assert "ki ju ima občina po zakonu" in text
    assert PARAGRAPHS[O.REPORTING].format(year=2019) not in text  # it reported: no request to report
    assert "podatke za leto 2019 posredujete" not in text


def test_recommendations_form_their_own_gentler_section_after_the_duties():
    text = text_of(one("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.NON_COMPLIANT))
    duties = text.index("\n" + OFFICE.wording.duties_heading[0].upper() + "\n")
    recommendations = text.index("\n" + OFFICE.wording.recommendations_heading[0].upper() + "\n")
    assert duties < text.index("PROGRAMME-non_compliant") < recommendations < text.index("COOPERATION-non_compliant")
    assert "ki jo ima občina po zakonu" in text  # one duty: the singular


def test_partial_findings_only_with_include_partial():
    row = ("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.PARTIAL, G.PARTIAL)
    plain = text_of(one(*row))
    assert "BODY-partial" not in plain and "COOPERATION-partial" not in plain
    letter = one(*row, include_partial=True)
    assert "BODY-partial" in text_of(letter) and "COOPERATION-partial" in text_of(letter)
    assert letter.reasons == (O.PROGRAMME, O.WORKING_BODY, O.COOPERATION)


def test_non_reporting_letter_requests_the_report_and_names_the_older_facts():
    letter = one("kuzma", G.NON_COMPLIANT, G.COMPLIANT, G.PARTIAL, G.NO_DATA, data_years={"kuzma": 2018})
    text = text_of(letter)
    # A municipality that sent nothing is asked about everything the Office holds, partly met
    # obligations included; what is met is said once, in its own paragraph.
    assert letter.subject == typeset(OFFICE.wording.subject_both.format(year=2019))
    assert letter.reasons == (O.REPORTING, O.WORKING_BODY)
    # The reporting rule's paragraph opens the letter; no "you reported, but" introduction.
    request = text.index(PARAGRAPHS[O.REPORTING].format(year=2019))
    assert text.index("Spoštovana") < request < text.index("PROGRAMME-compliant") < text.index("BODY-partial")
    assert "zahvaljujemo se vam za prispevek" not in text
    assert text.count("PROGRAMME-compliant") == 1 and text.count("BODY-partial") == 1
    assert "\nMANJKAJOČI PODATKI\n" in text and "COOPERATION-no_data" in text


def test_non_reporting_with_an_older_shortfall_asks_for_both_and_says_the_year():
    letter = one("kuzma", G.NON_COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT, data_years={"kuzma": 2018})
    text = text_of(letter)
    assert letter.subject == typeset(OFFICE.wording.subject_both.format(year=2019))
    assert letter.reasons == (O.REPORTING, O.PROGRAMME)
    assert text.index(PARAGRAPHS[O.REPORTING].format(year=2019)) < text.index("PROGRAMME-non_compliant")
    assert "\nZAKONSKA OBVEZNOST\n" in text


def test_non_reporting_without_any_older_facts_asks_without_claiming_what_the_office_lacks():
    text = text_of(one("kuzma", G.NON_COMPLIANT, G.NO_DATA, G.NO_DATA, G.NO_DATA, data_years={"kuzma": "nothing"}))
    assert "prejšnjih let nimamo" not in text and "nismo prejeli" not in text
    assert "PROGRAMME-no_data" in text and "BODY-no_data" in text


def test_not_in_the_overview_still_gets_a_letter_that_claims_nothing_about_older_facts():
    # Celje in 2019: reporting no_data (not in the overview), nothing else known
    letter = one("celje", G.NO_DATA, G.NO_DATA, G.NOT_APPLICABLE, G.NO_DATA, data_years={"celje": None})
    text = text_of(letter)
    assert letter.reasons == (O.REPORTING,)
    assert PARAGRAPHS[O.REPORTING].format(year=2019) in text
    assert "prejšnjih let nimamo" not in text
    assert "PROGRAMME-no_data" in text


def test_letter_conventions_of_the_office():
    letter = one("murska-sobota", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)
    text = text_of(letter)
    assert "Številka: 54201-1/2020-UN/2\n" in text  # the date's year; its place in the registry
    assert f"Datum: 2.{NBSP}3.{NBSP}2020\n" in text  # a date does not break across lines
    assert "\nPri odgovoru se sklicujte na našo številko.\n" in text
    assert "Zveza:" not in text  # no request for contributions configured for 2019
    assert "Mestna občina Murska Sobota\nžupanja oziroma župan\n" in text  # addressee, generic
    assert "Spoštovana gospa županja, spoštovani gospod župan," in text
    assert "\nS spoštovanjem,\n" in text
    assert "mag. Stanko Baluh\nDIREKTOR\n" in text
    assert text.endswith("Poslati (po elektronski pošti):\n- Mestni občini Murska Sobota (mestna.obcina@murska-sobota.si)\n")
    assert "Odgovor pričakujemo najpozneje do 1. 4. 2020 na elektronskem naslovu gp.un@gov.si." in plain(text)
    assert letter.deadline == dt.date(2020, 4, 1)


def test_every_address_of_a_municipality_is_named_and_its_notes_reach_the_manifest():
    letter = one("crnomelj", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)
    assert "- Občini Črnomelj (obcina.crnatelj@siol.net, kabinet.zupanje@crnomelj.si)" in text_of(letter)
    assert [a.addr_spec for a in eml_of(letter)["To"].addresses] == [
        "obcina.crnatelj@siol.net", "kabinet.zupanje@crnomelj.si"]  # none flagged here
    manifest = json.loads(batch.render_batch([letter], 2019, DATE, ["txt"])["manifest.json"])
    assert manifest["letters"][0]["notes"] == ["address looks mistyped"]


def test_a_rule_without_a_letter_paragraph_stops_the_batch():
    findings = list(assessment(("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)).findings)
    findings[1] = finding("beltinci", O.PROGRAMME, G.NON_COMPLIANT, letter=False)
    with pytest.raises(ComplianceError, match=r"rule programme.non_compliant gives no letter paragraph"):
        compose.letters(REGISTRY, Assessment(2019, tuple(findings), "r", "d"), OFFICE, DATE)


# --- Slovenian typography -----------------------------------------------------------------

@pytest.mark.parametrize("day, expected", [(dt.date(2020, 3, 2), "2. 3. 2020"), (dt.date(2021, 12, 31), "31. 12. 2021")])
def test_slovenian_date(day, expected):
    assert slovenian_date(day) == expected


def test_typography_quotes_and_periods():
    assert typeset('program "Skupaj" za obdobje 2017-2021') == "program »Skupaj« za obdobje 2017–2021"
    assert typeset("„Akcijski načrt“ 2018 - 2022") == "»Akcijski načrt« 2018–2022"
    assert typeset("54201-1/2020-UN/2") == "54201-1/2020-UN/2"  # a file number is not a period


def test_rule_paragraphs_get_slovenian_typography():
    findings = list(assessment(("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)).findings)
    findings[1] = findings[1].model_copy(update={"letter": 'Program "Romi" za obdobje 2012-2016 je potekel.'})
    letter = compose.letters(REGISTRY, Assessment(2019, tuple(findings), "r", "d"), OFFICE, DATE)[0]
    assert "Program »Romi« za obdobje 2012–2016 je potekel." in text_of(letter)


# --- the formats ---------------------------------------------------------------------------

HOSTILE = 'Občina <script>alert("x")</script> & Co.'


def hostile_letter() -> compose.Letter:
    findings = list(assessment(("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)).findings)
    findings[1] = findings[1].model_copy(update={"letter": HOSTILE})
    return compose.letters(REGISTRY, Assessment(2019, tuple(findings), "r", "d"), OFFICE, DATE)[0]


def test_html_escapes_every_value_and_prints_on_a4():
    page = batch.render_letter(hostile_letter(), ["html"])["html"].decode("utf-8")
    assert "<script>" not in page
    assert "Občina &lt;script&gt;alert(»x«)&lt;/script&gt; &amp; Co." in page
    assert "size: A4" in page and '<html lang="sl">' in page


def test_docx_reads_back_with_the_letter_text():
    letter = one("murska-sobota", G.NON_COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.NON_COMPLIANT,
                 data_years={"murska-sobota": 2018})
    files = batch.render_letter(letter, ["docx", "txt"])
    document = docx.Document(io.BytesIO(files["docx"]))
    paragraphs = [p.text for p in document.paragraphs]
    # Every non-empty line of the plain-text letter is a paragraph of the Word letter.
    lines = [line.removeprefix("- ") for line in files["txt"].decode().splitlines() if line.strip()]
    # The draft mark heads the text; in Word it is in the page header (every page).
    assert letter.draft and lines[0] == OFFICE.wording.draft_mark
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == [OFFICE.wording.draft_mark]
    assert [p.text for p in section.first_page_header.paragraphs] == [OFFICE.wording.draft_mark]
    headings = {s.heading.upper(): s.heading for s in letter.sections}
    assert [headings.get(line, line) for line in lines[1:]] == [p for p in paragraphs if p.strip()]
    subject = next(p for p in document.paragraphs if p.text.startswith("Zadeva: "))
    assert [run.bold for run in subject.runs if run.text == letter.subject] == [True]
    assert "{{" not in "\n".join(paragraphs) and "{%" not in "\n".join(paragraphs)
    assert document.core_properties.created == dt.datetime(2020, 3, 2, tzinfo=dt.timezone.utc)
    assert document.core_properties.title == letter.subject


def test_docx_survives_hostile_values():
    files = batch.render_letter(hostile_letter(), ["docx"])
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(files["docx"])).paragraphs)
    assert "Občina <script>alert(»x«)</script> & Co." in text


def eml_of(letter: compose.Letter) -> email.message.EmailMessage:
    return email.message_from_bytes(batch.render_letter(letter, ["eml"])["eml"], policy=policy.default)


def test_eml_is_a_draft_with_a_cover_note_and_the_pdf():
    letter = one("crnomelj", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)
    files = batch.render_letter(letter, ["pdf", "eml"])
    assert b"\r\n" in files["eml"] and b"\n" not in files["eml"].replace(b"\r\n", b"")
    message = email.message_from_bytes(files["eml"], policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert message["From"].addresses[0].addr_spec == "gp.un@gov.si"
    assert message["Subject"] == plain(letter.subject)
    assert message["Date"].datetime.date() == DATE
    # The body is a short cover note naming the letter, not the letter again.
    note = message.get_body(("plain",)).get_content()
    assert (f"v prilogi vam pošiljamo dopis št. 54201-1/2020-UN/5 z dne 2. 3. 2020 z zadevo »{plain(letter.subject)}«."
            in " ".join(plain(note).split()))
    assert "najpozneje do 1. 4. 2020" in note and "Pri odgovoru se sklicujte na našo številko." in note
    assert "PROGRAMME-non_compliant" not in note and len(note) < 1000
    assert message.get_body(("html",)) is None
    # The letter goes as the PDF, under a name the recipient understands (ASCII only).
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "54201-1-2020-UN-5_Obcina-Crnomelj.pdf"
    assert attachment.get_content() == files["pdf"]


def test_eml_leaves_out_the_addresses_the_registry_doubts():
    doubtful = municipality("crnomelj", "Občina Črnomelj", "Občini Črnomelj",
                            emails=("obcina.crnatelj@siol.net", "kabinet.zupanje@crnomelj.si"))
    doubtful = doubtful.model_copy(update={"unconfirmed_emails": ["obcina.crnatelj@siol.net"]})
    registry = Registry([doubtful], Path("municipalities.yaml"))
    grades = assessment(("crnomelj", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT))
    [letter] = compose.letters(registry, grades, OFFICE, DATE)
    message = eml_of(letter)
    assert [a.addr_spec for a in message["To"].addresses] == ["kabinet.zupanje@crnomelj.si"]
    assert "obcina.crnatelj" not in text_of(letter)  # nor in the letter's "Poslati" line
    entry = json.loads(batch.render_batch([letter], 2019, DATE, ["txt"])["manifest.json"])["letters"][0]
    assert entry["recipients"] == ["kabinet.zupanje@crnomelj.si"]
    assert entry["unconfirmed_emails"] == ["obcina.crnatelj@siol.net"]
    assert any("obcina.crnatelj@siol.net ni potrjen" in r for r in entry["remarks"])


def test_message_id_changes_when_the_letter_changes_and_only_then():
    letter = one("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)
    first = eml_of(letter)["Message-ID"]
    assert first.startswith("<letter.2019.beltinci.20200302.") and first.endswith("@gov.si>")
    assert eml_of(letter)["Message-ID"] == first  # a re-run keeps it
    findings = list(assessment(("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT)).findings)
    findings[1] = findings[1].model_copy(update={"letter": "Popravljen odstavek."})
    corrected = compose.letters(REGISTRY, Assessment(2019, tuple(findings), "r", "d"), OFFICE, DATE)[0]
    assert eml_of(corrected)["Message-ID"] != first


@pytest.mark.parametrize("address", ["a@b.si\r\nBcc: spy@evil.example", "a@b.si\nX: y", "ab.si"])
def test_eml_refuses_addresses_that_could_inject_headers(address):
    with pytest.raises(ComplianceError):
        eml._address("Občina", address)


def test_a_municipality_address_with_a_line_break_never_reaches_the_registry():
    with pytest.raises(ValueError):
        municipality("beltinci", "Občina Beltinci", "Občini Beltinci", emails=("a@b.si\r\nBcc: spy@evil.example",))


# --- the batch -----------------------------------------------------------------------------

ALL = ("pdf", "docx", "html", "txt", "eml")
LISTS = {"manifest.json", "seznam-dopisov.xlsx", "seznam-dopisov.csv"}


def full_batch(formats=ALL) -> dict[str, bytes]:
    grades = assessment(
        ("beltinci", G.COMPLIANT, G.NON_COMPLIANT, G.PARTIAL, G.NON_COMPLIANT),
        ("kuzma", G.NON_COMPLIANT, G.NON_COMPLIANT, G.NO_DATA, G.NO_DATA),
        data_years={"kuzma": 2018},
    )
    return batch.render_batch(compose.letters(REGISTRY, grades, OFFICE, DATE), 2019, DATE, formats)


def test_manifest_lists_each_letter_with_its_files():
    files = full_batch()
    manifest = json.loads(files["manifest.json"])
    assert manifest["year"] == 2019 and manifest["date"] == "2020-03-02"
    assert [(e["municipality"], e["reasons"]) for e in manifest["letters"]] == [
        ("beltinci", ["programme", "cooperation"]), ("kuzma", ["reporting", "programme"])]
    entry = manifest["letters"][1]
    assert entry["name"] == "Občina Kuzma" and entry["emails"] == ["info@obcina-kuzma.si"]
    assert entry["deadline"] == "2020-04-01"
    assert entry["files"] == {f: f"kuzma.{f}" for f in ALL}
    assert entry["recipients"] == ["info@obcina-kuzma.si"] and entry["unconfirmed_emails"] == []
    assert entry["attachment"] == "54201-1-2020-UN-3_Obcina-Kuzma.pdf"
    assert entry["draft"] is True and manifest["draft"] is True
    assert set(files) == LISTS | {f"{m}.{f}" for m in ("beltinci", "kuzma") for f in ALL}


def test_only_the_chosen_formats_are_written():
    files = full_batch(formats=("txt", "docx"))
    assert set(files) == LISTS | {"beltinci.txt", "beltinci.docx", "kuzma.txt", "kuzma.docx"}
    assert json.loads(files["manifest.json"])["letters"][0]["files"] == {"docx": "beltinci.docx", "txt": "beltinci.txt"}


def test_the_pdf_an_email_carries_is_always_kept():
    files = full_batch(formats=("txt", "eml"))
    assert set(files) == LISTS | {f"{m}.{f}" for m in ("beltinci", "kuzma") for f in ("pdf", "txt", "eml")}
    assert json.loads(files["manifest.json"])["letters"][0]["files"] == {
        "pdf": "beltinci.pdf", "txt": "beltinci.txt", "eml": "beltinci.eml"}


def test_same_input_gives_the_same_bytes_in_another_process():
    here = full_batch()
    assert full_batch() == here
    script = (
        "import sys, json; sys.path.insert(0, sys.argv[1]); import test_letters as t; "
        "files = t.full_batch(); sys.stdout.buffer.write(json.dumps({k: v.hex() for k, v in files.items()}).encode())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True, env=env, check=True)
    there = {k: bytes.fromhex(v) for k, v in json.loads(result.stdout).items()}
    assert there == here


def test_write_batch_creates_the_folder(tmp_path):
    files = full_batch(("txt",))
    out = tmp_path / "letters" / "2019"
    batch.write_batch(out, files)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files
    assert [p.name for p in (tmp_path / "letters").iterdir()] == ["2019"]  # no staging left behind
    reference = tmp_path / "plain"
    reference.mkdir()
    assert out.stat().st_mode == reference.stat().st_mode  # shared with colleagues like any folder


def test_existing_letters_are_not_overwritten_without_force(tmp_path):
    files = full_batch(("txt",))
    out = tmp_path / "out"
    out.mkdir()
    (out / "kuzma.txt").write_text("signed copy")
    with pytest.raises(ComplianceError, match=r"1 file\(s\) already exist \(kuzma.txt\).*--force"):
        batch.write_batch(out, files)
    assert [p.name for p in out.iterdir()] == ["kuzma.txt"] and (out / "kuzma.txt").read_text() == "signed copy"
    batch.write_batch(out, files, force=True)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == files


def test_a_folder_with_other_files_is_never_replaced(tmp_path):
    files = full_batch(("txt",))
    out = tmp_path / "out"
    out.mkdir()
    (out / "kuzma.txt").write_text("old letter")
    (out / "other.pdf").write_text("not ours")
    with pytest.raises(ComplianceError, match=r"not part of a batch of letters \(other.pdf\)"):
        batch.write_batch(out, files, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["kuzma.txt", "other.pdf"]
    assert (out / "kuzma.txt").read_text() == "old letter"


def test_a_failed_write_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    from compliance import atomic

    out = tmp_path / "out"
    batch.write_batch(out, full_batch(("txt",)))
    old = {p.name: p.read_bytes() for p in out.iterdir()}

    def failing_write(self, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.Path, "write_bytes", failing_write)
    with pytest.raises(atomic.WriteError, match="no space left"):
        batch.write_batch(out, full_batch(("txt", "html")), force=True)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging left behind


def test_a_failed_write_of_a_new_folder_leaves_nothing(tmp_path, monkeypatch):
    from compliance import atomic

    def failing_rename(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "rename", failing_rename)
    with pytest.raises(atomic.WriteError):
        batch.write_batch(tmp_path / "out", full_batch(("txt",)))
    assert list(tmp_path.iterdir()) == []


def test_the_template_script_makes_a_working_template(tmp_path):
    """tools/make_letter_template.py regenerates a letter.docx the writer can fill."""
    import importlib.util

    script = ROOT / "tools" / "make_letter_template.py"
    spec = importlib.util.spec_from_file_location("make_letter_template", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "letter.docx").write_bytes(module.build())
    assert module.build() == (tmp_path / "letter.docx").read_bytes()  # regenerating is reproducible
    letter = one("kuzma", G.NON_COMPLIANT, G.NON_COMPLIANT, G.COMPLIANT, G.COMPLIANT, data_years={"kuzma": 2018})
    from compliance.letters import docx as docx_writer

    made = docx.Document(io.BytesIO(docx_writer.render(letter, tmp_path)))
    bundled = docx.Document(io.BytesIO(batch.render_letter(letter, ["docx"])["docx"]))
    assert [p.text for p in made.paragraphs] == [p.text for p in bundled.paragraphs]
    assert any(letter.subject in p.text for p in made.paragraphs)

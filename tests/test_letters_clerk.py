"""Before sending: the clerk's list, doubtful addresses, the draft mark, the Office's details
(Zveza, contact person, the mayor) and the warning for a letter dated on a non-working day."""

from __future__ import annotations

import csv
import email
import io
import json
import re
from email import policy
from pathlib import Path

import docx
import openpyxl
from pypdf import PdfReader

from compliance.letters.typography import NBSP, typeset

DATE = "2020-03-02"
HEADER = ["Številka", "Občina", "e-pošta", "razlogi", "rok za odgovor", "dopis (PDF)", "opombe", "poslano",
          "odgovor prejet"]


def run(cli, out: Path, *args: str):
    return cli("letters", "--year", "2019", "--out", str(out), "--date", DATE, *args)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def confirmed_office(data: Path) -> None:
    """Every value confirmed, with a contact person and the 2019 request for contributions."""
    path = data / "office.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^unconfirmed:\n(  - .*?\n)+", "unconfirmed: []\n", text)
    text += ("\ncontact:\n  name: Ana Novak\n  phone: 01 478 11 89\n  email: ana.novak@gov.si\n"
             "requests:\n  \"2019\":\n    number: 54201-1/2020-UN/1\n    date: 2020-01-15\n")
    path.write_text(text, encoding="utf-8")


def test_the_clerks_list_for_slovenian_excel(cli, tmp_path):
    out = tmp_path / "letters"
    assert run(cli, out).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    raw = (out / "seznam-dopisov.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads č, š, ž
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADER
    assert [r[1] for r in rows[1:]] == [e["name"] for e in manifest["letters"]]
    kuzma = rows[1]
    assert kuzma[:6] == ["54201-1/2020-UN/8", "Občina Kuzma", "info@obcina-kuzma.si", "poročanje, program ukrepov",
                         "1. 4. 2020", "kuzma.pdf"]
    assert "OSNUTEK" in kuzma[6]
    assert all(r[7] == "" and r[8] == "" for r in rows[1:])  # poslano / odgovor prejet: for the clerk
    sheet = openpyxl.load_workbook(out / "seznam-dopisov.xlsx").active
    cells = [[c.value if c.value is not None else "" for c in row] for row in sheet.iter_rows()]
    assert cells == rows
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_the_clerks_list_never_holds_a_formula(cli, tmp_path, data_copy):
    edit(data_copy / "office.yaml", 'file_number: "54201-1/{year}-UN/{seq}"', 'file_number: "=1+{seq}"')
    out = tmp_path / "letters"
    assert run(cli, out, "--data-dir", str(data_copy), "--municipality", "kuzma").exit_code == 0
    row = (out / "seznam-dopisov.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert row.startswith("'=1+8;")
    cell = openpyxl.load_workbook(out / "seznam-dopisov.xlsx").active["A2"]
    assert cell.value == "=1+8" and cell.data_type == "s"


def test_a_doubtful_address_is_named_in_slovenian_and_left_out_of_the_email(cli, tmp_path, data_copy):
    edit(data_copy / "municipalities.yaml", "emails: [info@obcina-kuzma.si]",
         "emails: [info@obcina-kuzma.si, zupan@obcina-kuzma.si]\n    unconfirmed_emails: [info@obcina-kuzma.si]")
    out = tmp_path / "letters"
    result = run(cli, out, "--data-dir", str(data_copy), "--municipality", "kuzma")
    assert result.exit_code == 0, result.output
    assert ("Občina Kuzma: naslov info@obcina-kuzma.si je v registru označen kot dvomljiv; v osnutek e-pošte "
            "(Za:) ni vpisan") in result.stderr
    message = email.message_from_bytes((out / "kuzma.eml").read_bytes(), policy=policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == ["zupan@obcina-kuzma.si"]
    assert "info@obcina-kuzma.si" not in (out / "kuzma.txt").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO((out / "seznam-dopisov.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[1][2] == "zupan@obcina-kuzma.si"
    assert "naslov info@obcina-kuzma.si ni potrjen" in rows[1][6]


def test_the_registry_flags_crnomeljs_misspelt_address():
    from compliance import paths
    from compliance.registry import load_registry

    crnomelj = load_registry(paths.BUNDLED / "data").get("crnomelj")
    assert crnomelj.unconfirmed_emails == ["obcina.crnatelj@siol.net"]
    assert crnomelj.confirmed_emails == ["kabinet.zupanje@crnomelj.si"]


def test_letters_are_drafts_until_the_office_confirms_its_values(cli, tmp_path, data_copy):
    out = tmp_path / "draft"
    result = run(cli, out, "--municipality", "kuzma")
    assert "OSNUTEK: dopisi so označeni kot osnutki" in result.stderr
    for value in ("poštni naslov urada (office.address)", "podpisnik (signatory)", "kontaktna oseba"):
        assert f"  - {value}" in result.stderr
    assert (out / "kuzma.txt").read_text(encoding="utf-8").startswith("OSNUTEK\n")
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["draft"] is True

    confirmed_office(data_copy)
    out = tmp_path / "final"
    result = run(cli, out, "--data-dir", str(data_copy), "--municipality", "kuzma")
    assert result.exit_code == 0, result.output
    assert "OSNUTEK" not in result.stderr
    text = (out / "kuzma.txt").read_text(encoding="utf-8")
    assert "OSNUTEK" not in text
    assert all("OSNUTEK" not in page.extract_text() for page in PdfReader(out / "kuzma.pdf").pages)
    header = docx.Document(out / "kuzma.docx").sections[0].header
    assert [p.text for p in header.paragraphs] == [""]
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["draft"] is False
    # Zveza: the Office's request for the 2019 contributions; the contact person.
    assert f"Zveza: naš dopis št.{NBSP}54201-1/2020-UN/1 z dne 15.{NBSP}1.{NBSP}2020\n" in text
    assert typeset("Za dodatna pojasnila vam je na voljo Ana Novak (telefon 01 478 11 89, "
                   "e-pošta ana.novak@gov.si).") in text


def test_an_empty_postal_address_keeps_the_letters_drafts(tmp_path, data_copy):
    from compliance.letters.office import load_office

    confirmed_office(data_copy)
    edit(data_copy / "office.yaml", "  address:\n    - Erjavčeva 15\n    - 1000 Ljubljana\n", "  address: []\n")
    office = load_office(data_copy / "office.yaml")
    assert office.draft and office.to_confirm == ["address"]


def test_the_mayor_is_named_and_greeted_when_the_registry_knows_her(cli, tmp_path, data_copy):
    edit(data_copy / "municipalities.yaml", "emails: [info@obcina-kuzma.si]",
         "emails: [info@obcina-kuzma.si]\n    mayor: {name: Ana Horvat, gender: f}\n"
         "    address: [Kuzma 20, 9263 Kuzma]")
    out = tmp_path / "letters"
    assert run(cli, out, "--data-dir", str(data_copy), "--municipality", "kuzma",
               "--municipality", "semic").exit_code == 0
    kuzma = (out / "kuzma.txt").read_text(encoding="utf-8")
    assert "\nObčina Kuzma\nga. Ana Horvat, županja\nKuzma 20\n9263 Kuzma\n" in kuzma
    assert "\nSpoštovana gospa županja,\n" in kuzma and "gospod" not in kuzma
    semic = (out / "semic.txt").read_text(encoding="utf-8")  # the registry does not name Semič's mayor
    assert "\nObčina Semič\nžupanja oziroma župan\n" in semic
    assert "\nSpoštovana gospa županja, spoštovani gospod župan,\n" in semic


def test_a_letter_dated_on_a_non_working_day_gets_a_warning(cli, tmp_path):
    for day, words in (("2020-03-14", "je sobota"), ("2020-03-15", "je nedelja"),
                       ("2020-04-13", "je dela prost praznik (velikonočni ponedeljek)")):
        result = cli("letters", "--year", "2019", "--out", str(tmp_path / day), "--date", day,
                     "--municipality", "kuzma", "--format", "txt")
        assert result.exit_code == 0, result.output
        assert words in result.stderr and "rok za odgovor" in result.stderr
    result = cli("letters", "--year", "2019", "--out", str(tmp_path / "monday"), "--date", "2020-03-16",
                 "--municipality", "kuzma", "--format", "txt")
    assert "opozorilo: datum" not in result.stderr
    # The deadline rule stays: 30 days, then past the weekend (14. 3. 2020 + 30 = Easter Monday).
    manifest = json.loads((tmp_path / "2020-03-14" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["letters"][0]["deadline"] == "2020-04-14"


def test_non_breaking_spaces_where_a_line_must_not_break():
    assert typeset("drugi odstavek 6. člena ZRomS-1") == f"drugi odstavek 6.{NBSP}člena ZRomS-1"
    assert typeset("do 1. 4. 2020") == f"do 1.{NBSP}4.{NBSP}2020"
    assert typeset("telefon 01 478 11 80") == f"telefon 01{NBSP}478{NBSP}11{NBSP}80"
    assert typeset("(Uradni list RS, št. 33/07)") == f"(Uradni list RS, št.{NBSP}33/07)"
    assert typeset("v letu 2018 je 20 občin") == "v letu 2018 je 20 občin"

"""The 2019 batch as the Office sends and keeps it: PDF/A pages and the Word layout."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from compliance import paths
from compliance.letters.office import load_office

DATE = "2020-03-02"
OFFICE = load_office(paths.BUNDLED / "data" / "office.yaml")


@pytest.fixture(scope="module")
def batch_2019(tmp_path_factory):
    """The whole 2019 batch, written once by the command for the tests below."""
    from click.testing import CliRunner

    from compliance.cli import main

    out = tmp_path_factory.mktemp("batch") / "letters"
    result = CliRunner().invoke(main, ["letters", "--year", "2019", "--out", str(out), "--date", DATE],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return out, manifest, result


def pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_every_letter_has_its_pdf_listed_in_the_manifest(batch_2019):
    out, manifest, _ = batch_2019
    assert len(manifest["letters"]) == 11
    for entry in manifest["letters"]:
        assert entry["files"]["pdf"] == f"{entry['municipality']}.pdf"
        assert (out / entry["files"]["pdf"]).read_bytes().startswith(b"%PDF-1.7")


def test_each_pdf_is_pdf_a_with_an_srgb_output_intent_and_the_letter_date(batch_2019):
    out, manifest, _ = batch_2019
    for entry in manifest["letters"]:
        reader = PdfReader(out / entry["files"]["pdf"])
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfaid:part="2"' in xmp and 'pdfaid:conformance="U"' in xmp, entry["municipality"]
        [intent] = root["/OutputIntents"]
        assert intent.get_object()["/S"] == "/GTS_PDFA1"
        assert "/DestOutputProfile" in intent.get_object()
        assert root["/Lang"] == "sl"
        assert reader.metadata.creation_date.date().isoformat() == DATE
        assert reader.metadata.title == entry["subject"]


def test_each_pdf_has_the_letter_text_and_the_mark_on_every_page(batch_2019):
    out, manifest, _ = batch_2019
    for entry in manifest["letters"]:
        text = pages(out / entry["files"]["pdf"])
        whole = flat("\n".join(text))
        assert f"Številka: {entry['number']}" in whole and "Datum: 2. 3. 2020" in whole
        assert flat(f"Zadeva: {entry['subject']}") in whole
        assert "S spoštovanjem," in whole and "mag. Stanko Baluh" in whole
        assert "Pri odgovoru se sklicujte na našo številko." in whole
        # office.yaml still has unconfirmed values: every page says OSNUTEK.
        assert all(OFFICE.wording.draft_mark in page for page in text), entry["municipality"]


def test_the_signature_stays_with_the_closing_and_pages_are_numbered_from_the_second(batch_2019):
    out, manifest, _ = batch_2019
    for entry in manifest["letters"]:
        text = pages(out / entry["files"]["pdf"])
        [signed] = [i for i, page in enumerate(text) if "mag. Stanko Baluh" in page]
        assert "S spoštovanjem," in text[signed], entry["municipality"]
        # The closing is not alone with the signature: the reply request precedes it on that page.
        before = flat(text[signed].split("S spoštovanjem,")[0])
        assert "najpozneje do 1. 4. 2020" in before, (entry["municipality"], before)
        total = len(text)
        assert not re.search(rf"\b1 / {total}\b", text[0])
        for number, page in enumerate(text[1:], start=2):
            assert f"{number} / {total}" in page, (entry["municipality"], number)


# Pages as the layout gives them (looked at page by page): the letter, the reply request kept
# with the closing and the signature, then the enclosure on a page of its own. Celje has no
# section in the overview, so no enclosure.
PAGES = {"celje": 2, "kuzma": 3, "ljubljana": 3, "maribor": 3, "ribnica": 3, "semic": 3, "sentjernej": 3,
         "skocjan": 3, "tisina": 3, "turnisce": 3, "velenje": 3}


def test_page_counts_are_what_the_layout_gives(batch_2019):
    out, manifest, _ = batch_2019
    assert {e["municipality"]: len(PdfReader(out / e["files"]["pdf"]).pages) for e in manifest["letters"]} == PAGES


def test_the_enclosure_reproduces_the_municipalitys_section_of_the_overview(batch_2019):
    out, manifest, _ = batch_2019
    source = flat((paths.BUNDLED / "data" / "sources" / "porocilo-2019-pregled-po-obcinah.txt").read_text(encoding="utf-8"))
    for entry in manifest["letters"]:
        text = pages(out / entry["files"]["pdf"])
        whole = flat("\n".join(text))
        if entry["municipality"] == "celje":  # not in the overview: nothing to enclose
            assert "Priloga" not in whole
            continue
        assert "Priloga: - izsek iz pregleda po občinah za leto 2019" in whole
        [start] = [i for i, page in enumerate(text) if "Priloga k dopisu" in page]
        assert flat(text[start]).replace(OFFICE.wording.draft_mark, "").strip().startswith("Priloga k dopisu št.")
        assert start >= 1 and "S spoštovanjem," not in "".join(text[start:])
    turnisce = flat("\n".join(pages(out / "turnisce.pdf")))
    quoted = "kljub dvema poskusoma (še) ni bilo ustanovljeno, saj ni kandidatov"
    assert quoted in turnisce and quoted in source


def test_the_eml_attaches_the_same_pdf(batch_2019):
    import email
    from email import policy

    out, manifest, _ = batch_2019
    for entry in manifest["letters"]:
        message = email.message_from_bytes((out / entry["files"]["eml"]).read_bytes(), policy=policy.default)
        [attachment] = list(message.iter_attachments())
        assert attachment.get_filename() == entry["attachment"]
        assert re.fullmatch(r"[A-Za-z0-9_.-]+\.pdf", entry["attachment"])
        assert entry["number"].split("/")[-1] in entry["attachment"]
        assert attachment.get_content() == (out / entry["files"]["pdf"]).read_bytes()


def test_the_word_letters_are_in_slovenian_with_the_offices_layout(batch_2019):
    out, manifest, _ = batch_2019
    for entry in manifest["letters"]:
        data = (out / entry["files"]["docx"]).read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = archive.read("word/styles.xml").decode()
            settings = archive.read("word/settings.xml").decode()
            numbering = archive.read("word/numbering.xml").decode()
        assert re.findall(r'<w:lang w:val="([^"]+)"', styles) == ["sl-SI"]
        assert '<w:themeFontLang w:val="sl-SI"' in settings
        document = docx.Document(io.BytesIO(data))
        assert document.core_properties.language == "sl-SI"
        section = document.sections[0]
        # Page numbers from the second page: a different first page whose footer is empty.
        assert section.different_first_page_header_footer
        assert "PAGE" in section.footer._element.xml and "PAGE" not in section.first_page_footer._element.xml
        # "S spoštovanjem," and the signature block stay together; so does each list block.
        paragraphs = document.paragraphs
        closing = next(i for i, p in enumerate(paragraphs) if p.text == "S spoštovanjem,")
        signatory = next(i for i, p in enumerate(paragraphs) if p.text == "mag. Stanko Baluh")
        for p in paragraphs[closing:signatory]:
            assert p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next, p.text
        heading = next(p for p in paragraphs if p.text == "Poslati (po elektronski pošti):")
        assert heading.style.paragraph_format.keep_with_next
        # The Office's "-" list mark, not a Symbol bullet.
        assert 'w:lvlText w:val="-"' in numbering

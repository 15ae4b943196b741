"""Make `letter.docx`, the Word template of the follow-up letters (docxtpl, Jinja2 tags).

Run once, and again only to start over: `python tools/make_letter_template.py`.
After that, staff restyle letter.docx in Word or LibreOffice (fonts, letterhead, the named
paragraph styles below), keeping the {{ ... }} and {%p ... %} tags; no code changes.
The values are those of compliance.letters.compose.Letter.context().
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from compliance.zipfix import reproducible  # noqa: E402

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
RED = RGBColor(0xB0, 0, 0)
LANGUAGE = "sl-SI"  # so that Word checks the spelling in Slovenian
BULLET = "-"  # the Office's list mark ("- Občini Beltinci (...)")


def _slovenian(document) -> None:
    """Document language sl-SI: the defaults of every run and the theme's font language."""
    styles = document.styles.element
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    settings = document.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)
    document.core_properties.language = LANGUAGE


def _dash_bullets(document) -> None:
    """The List Bullet style's mark as "-" in the letter's font instead of a Symbol dot."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Bullet"].element.pPr.numPr.numId.val
    abstract = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == style_num)
    for element in numbering.iter(qn("w:abstractNum")):
        if element.get(qn("w:abstractNumId")) == str(abstract):
            level = element.find(qn("w:lvl"))
            level.find(qn("w:lvlText")).set(qn("w:val"), BULLET)
            fonts = level.find(qn("w:rPr")).find(qn("w:rFonts"))
            for attr in ("w:ascii", "w:hAnsi"):
                fonts.set(qn(attr), FONT)


def _page_number(paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run()
    run.font.size = Pt(9)
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _draft_mark(header) -> None:
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run("{{ draft_mark }}")
    run.bold = True
    run.font.size = Pt(14)
    run.font.color.rgb = RED


def _style(document, name: str, base: str = "Normal", bold: bool = False, size: float = 11,
           before: float = 0, after: float = 8, indent_cm: float = 0, keep_with_next: bool = False,
           page_break_before: bool = False):
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles[base]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = BLACK
    fmt = style.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.left_indent = Cm(indent_cm)
    fmt.keep_with_next = keep_with_next
    fmt.page_break_before = page_break_before
    return style


def build() -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    # Page numbers from the second page; the draft mark (OSNUTEK, empty when final) on every page.
    section.different_first_page_header_footer = True
    _draft_mark(section.first_page_header)
    _draft_mark(section.header)
    _page_number(section.footer.paragraphs[0])

    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.line_spacing = 1.15

    # Named styles, so that staff can restyle each part of the letter in Word.
    _style(document, "Glava dopisa", bold=True, after=0)
    _style(document, "Kontakt urada", size=9, after=0)
    _style(document, "Podatki dopisa", after=0)
    _style(document, "Zadeva dopisa", before=18, after=18)
    _style(document, "Razdelek dopisa", bold=True, before=12, after=6, keep_with_next=True)
    _style(document, "Točka dopisa", bold=True, before=6, after=4, keep_with_next=True)
    # The closing formula, the blank lines for the signature and the signatory stay together.
    _style(document, "Prošnja za odgovor", keep_with_next=True)  # the last paragraphs, kept with the closing
    _style(document, "Zaključek", before=6, after=0, keep_with_next=True)
    _style(document, "Podpis", after=0, indent_cm=9, keep_with_next=True)
    _style(document, "Naziv podpisnika", after=0, indent_cm=9)
    # "Priloga:" and "Poslati (...):" each stay with their list.
    _style(document, "Poslati", size=10, before=18, after=4, keep_with_next=True)
    _style(document, "Alineja", base="List Bullet", size=10, after=2)
    _style(document, "Priloga naslov", bold=True, after=12, page_break_before=True)
    _style(document, "Priloga besedilo", size=10, indent_cm=0.5)
    bullet = document.styles["List Bullet"]
    bullet.font.name = FONT
    _dash_bullets(document)
    _slovenian(document)

    def para(text: str = "", style: str = "Normal"):
        return document.add_paragraph(text, style=style)

    para("{%p for line in header %}", "Glava dopisa")
    para("{{ line }}", "Glava dopisa")
    para("{%p endfor %}", "Glava dopisa")
    para("{%p for line in office_address %}", "Kontakt urada")
    para("{{ line }}", "Kontakt urada")
    para("{%p endfor %}", "Kontakt urada")
    para("T: {{ office_phone }}", "Kontakt urada")
    para("E: {{ office_email }}", "Kontakt urada")
    para("", "Podatki dopisa")

    para("Številka: {{ number }}", "Podatki dopisa")
    para("Datum: {{ date }}", "Podatki dopisa")
    para("{%p if reference %}", "Podatki dopisa")
    para("Zveza: {{ reference }}", "Podatki dopisa")
    para("{%p endif %}", "Podatki dopisa")
    para("{{ quote_number }}", "Kontakt urada")
    para("", "Podatki dopisa")
    para("{%p for line in addressee %}", "Podatki dopisa")
    para("{{ line }}", "Podatki dopisa")
    para("{%p endfor %}", "Podatki dopisa")

    subject = para("Zadeva: ", "Zadeva dopisa")
    subject.add_run("{{ subject }}").bold = True

    para("{{ salutation }}")
    para("{%p for paragraph in intro %}")
    para("{{ paragraph }}")
    para("{%p endfor %}")
    para("{%p for paragraph in request %}")
    para("{{ paragraph }}")
    para("{%p endfor %}")
    para("{%p for paragraph in acknowledged %}")
    para("{{ paragraph }}")
    para("{%p endfor %}")

    para("{%p for section in sections %}", "Razdelek dopisa")
    para("{{ section.heading }}", "Razdelek dopisa")
    para("{%p if section.intro %}")
    para("{{ section.intro }}")
    para("{%p endif %}")
    para("{%p for item in section['items'] %}", "Točka dopisa")
    para("{{ item.title }}", "Točka dopisa")
    para("{{ item.text }}")
    para("{%p endfor %}")
    para("{%p endfor %}")

    para("{%p for paragraph in reply %}", "Prošnja za odgovor")
    para("{{ paragraph }}", "Prošnja za odgovor")
    para("{%p endfor %}", "Prošnja za odgovor")
    para("{{ closing }}", "Zaključek")
    para("", "Podpis")
    para("", "Podpis")
    para("{{ signatory_name }}", "Podpis")
    para("{{ signatory_title }}", "Naziv podpisnika")

    para("{%p if enclosures %}", "Poslati")
    para("Priloga:", "Poslati")
    para("{%p for line in enclosures %}", "Alineja")
    para("{{ line }}", "Alineja")
    para("{%p endfor %}", "Alineja")
    para("{%p endif %}", "Poslati")
    para("{{ send_to }}", "Poslati")
    para("{{ send_to_line }}", "Alineja")

    para("{%p if enclosure %}", "Priloga naslov")
    para("{{ enclosure_heading }}", "Priloga naslov")
    para("{%p for paragraph in enclosure %}", "Priloga besedilo")
    para("{{ paragraph }}", "Priloga besedilo")
    para("{%p endfor %}", "Priloga besedilo")
    para("{%p endif %}", "Priloga besedilo")

    props = document.core_properties
    props.title = "Dopis občini (predloga)"
    props.author = props.last_modified_by = "compliance"
    props.created = props.modified = dt.datetime(2020, 1, 1)
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return reproducible(out.getvalue())


if __name__ == "__main__":
    target = ROOT / "compliance" / "bundled" / "templates" / "letter.docx"
    target.write_bytes(build())
    print(f"wrote {target}")

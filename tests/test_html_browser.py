"""The HTML report in a real browser (headless Chromium driven by Playwright): filtering,
sorting, the detail view, printing, and that nothing is fetched from the network.

Debian's chromium is used through `executable_path` (never `playwright install`); .ci/run
installs it. Where no browser exists the tests say so and skip.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from compliance.render import html
from compliance.vocabulary import Grade, Obligation
from test_html import contrast
from test_html_sample import sample

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
VISIBLE_ROWS = "rows => rows.filter(r => !r.hidden).map(r => r.dataset.id)"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium browser found (/usr/bin/chromium): `apt-get install chromium`; CI installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> tuple[Path, object]:
    assessment, registry = sample()
    path = tmp_path_factory.mktemp("report") / "ugotovitve-2019.html"
    path.write_text(html.render(assessment, registry, "sl"), encoding="utf-8")
    return path, assessment


class Opened:
    """A page opened from disk, with every request and script error it made."""

    def __init__(self, browser, path: Path):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(path.as_uri())

    def visible_rows(self) -> list[str]:
        return self.page.locator("#matrix tbody tr").evaluate_all(VISIBLE_ROWS)


@pytest.fixture
def opened(browser, sample_report):
    opened = Opened(browser, sample_report[0])
    yield opened
    opened.page.close()
    assert opened.errors == [], "the page's script failed"
    assert opened.requests and all(url.startswith("file:") for url in opened.requests), opened.requests


def with_grade(assessment, grade: Grade, obligation: Obligation | None = None) -> list[str]:
    return [
        m for m in assessment.municipalities
        if any(f.grade is grade and (obligation is None or f.obligation is obligation) for f in assessment.of(m))
    ]


def test_filter_by_grade_shows_exactly_the_non_compliant(opened, sample_report):
    _, assessment = sample_report
    page = opened.page
    assert opened.visible_rows() == assessment.municipalities

    page.select_option("#filter-grade", "non_compliant")
    expected = with_grade(assessment, Grade.NON_COMPLIANT)
    assert expected and expected != assessment.municipalities
    assert opened.visible_rows() == expected
    assert page.text_content("#status") == f"Prikazanih občin: {len(expected)} od {len(assessment.municipalities)}"
    # the detail view follows the filter
    shown_details = page.locator("details.municipality").evaluate_all(VISIBLE_ROWS)
    assert shown_details == expected

    page.select_option("#filter-obligation", "programme")
    assert opened.visible_rows() == with_grade(assessment, Grade.NON_COMPLIANT, Obligation.PROGRAMME)


def test_filter_by_region_councillor_and_search(opened, sample_report):
    _, assessment = sample_report
    page = opened.page
    page.select_option("#filter-region", "Jugovzhodna Slovenija")
    assert opened.visible_rows() == ["novo-mesto", "skocjan"]
    page.select_option("#filter-councillor", "no")
    assert opened.visible_rows() == ["skocjan"]
    page.click("#filter-reset")
    assert opened.visible_rows() == assessment.municipalities

    page.fill("#filter-search", "crensov")  # typed without diacritics
    assert opened.visible_rows() == ["crensovci"]
    page.fill("#filter-search", "nobena takšna")
    assert opened.visible_rows() == []
    assert page.is_visible("#no-rows")


def test_summary_count_filters_the_table_in_one_click(opened, sample_report):
    _, assessment = sample_report
    opened.page.click("td[data-obligation='reporting'][data-grade='non_compliant'] button.count")
    assert opened.visible_rows() == with_grade(assessment, Grade.NON_COMPLIANT, Obligation.REPORTING)


def test_sort_by_grade_column_then_by_name(opened, sample_report):
    _, assessment = sample_report
    page = opened.page
    header = page.locator("#matrix th[data-obligation='programme']")
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    worst_first = sorted(
        assessment.municipalities,
        key=lambda m: html.SEVERITY.index(assessment.finding(m, Obligation.PROGRAMME).grade),
    )
    assert opened.visible_rows() == worst_first
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert opened.visible_rows()[0] in with_grade(assessment, Grade.COMPLIANT, Obligation.PROGRAMME)

    name = page.locator("#matrix thead th").first
    name.locator("button").click()
    assert name.get_attribute("aria-sort") == "ascending"
    assert header.get_attribute("aria-sort") is None  # one sorted column at a time
    # Slovenian alphabet: Č after C, Š after S (not after Z as code points would put them)
    assert opened.visible_rows() == ["beltinci", "crensovci", "kuzma", "maribor", "novo-mesto", "skocjan"]
    name.locator("button").click()
    assert opened.visible_rows() == ["skocjan", "novo-mesto", "maribor", "kuzma", "crensovci", "beltinci"]


def test_detail_view_opens_with_rule_basis_and_evidence(opened, sample_report):
    _, assessment = sample_report
    page = opened.page
    details = page.locator("#m-beltinci")
    assert details.get_attribute("open") is None
    evidence = "»Osnutek <b>akcijskega načrta</b> & predlog ukrepov.«"
    assert not page.get_by_text(evidence).is_visible()

    page.click("#matrix tr[data-id='beltinci'] td a[href='#f-beltinci-programme']")
    assert details.get_attribute("open") is not None
    finding = page.locator("#f-beltinci-programme")
    assert page.get_by_text(evidence).is_visible()
    assert finding.is_visible()
    text = finding.inner_text()
    expected = assessment.finding("beltinci", Obligation.PROGRAMME)
    for part in ("zakonska obveznost", expected.basis.citation, expected.message("sl"), "2019"):
        assert part in text
    assert expected.rule not in text
    # the finding was scrolled into view
    box = finding.bounding_box()
    assert box is not None and -2 <= box["y"] < 900

    page.click("#matrix tr[data-id='kuzma'] th a")
    assert page.locator("#m-kuzma").get_attribute("open") is not None
    assert page.locator("#m-kuzma .stale-note").get_by_text("Občina informacij za leto 2019 ni posredovala; v pregledu so povzeti podatki, ki jih je sporočila v letu 2018.").is_visible()
    assert not page.locator("#m-skocjan .stale-note").get_by_text("ni posredovala").is_visible()


def test_grade_text_has_aa_contrast_as_rendered(opened):
    colours = opened.page.locator("#matrix td a.grade").evaluate_all(
        """links => links.map(a => { const s = getComputedStyle(a);
             return [a.className, s.color, s.backgroundColor]; })"""
    )
    assert len({c[0] for c in colours}) == len(Grade)
    for class_name, colour, background in colours:
        assert contrast(_hex(colour), _hex(background)) >= 4.5, class_name


def test_prints_a4_landscape_with_every_detail(opened, sample_report, tmp_path):
    from pypdf import PdfReader

    _, assessment = sample_report
    pdf = tmp_path / "ugotovitve.pdf"
    opened.page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    reader = PdfReader(str(pdf))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape in points
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for finding in assessment.findings:
        assert finding.message("sl") in text  # closed details are opened for printing
    assert "Počisti filtre" not in text  # the controls are not printed
    assert opened.page.locator("details[open]").count() == 0  # and closed again afterwards


def test_screenshot(opened, tmp_path):
    opened.page.click("#matrix tr[data-id='kuzma'] th a")
    opened.page.evaluate("window.scrollTo(0, 0)")  # a full-page shot draws sticky headers where the view is
    shot = tmp_path / "ugotovitve.png"
    opened.page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000


def _hex(css: str) -> str:
    """`rgb(1, 2, 3)` -> `#010203`."""
    numbers = css[css.index("(") + 1:css.index(")")].split(",")[:3]
    return "#" + "".join(f"{int(float(n)):02x}" for n in numbers)


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory):
    """The report a reviewer gets from a fresh clone: `compliance check ... --format html`."""
    from click.testing import CliRunner

    from compliance.assess import assess
    from compliance.cli import main
    from conftest import DATA, RULES

    path = tmp_path_factory.mktemp("bundled") / "ugotovitve-2019.html"
    result = CliRunner().invoke(main, ["check", "--year", "2019", "--format", "html", "--out", str(path),
                                       "--date", "2020-03-02"])
    assert result.exit_code == 0, result.output
    return path, assess(DATA, RULES, 2019)[1]


def test_bundled_report_every_non_compliant_municipality_and_why(browser, bundled_report, tmp_path):
    path, assessment = bundled_report
    opened = Opened(browser, path)
    page = opened.page
    assert len(opened.visible_rows()) == 27

    page.select_option("#filter-grade", "non_compliant")
    expected = with_grade(assessment, Grade.NON_COMPLIANT)
    assert sorted(opened.visible_rows()) == sorted(expected)

    for ident in expected[:3]:
        finding = next(f for f in assessment.of(ident) if f.grade is Grade.NON_COMPLIANT)
        page.click(f"#matrix tr[data-id='{ident}'] a[href='#f-{ident}-{finding.obligation.value}']")
        section = page.locator(f"#f-{ident}-{finding.obligation.value}")
        assert section.is_visible()
        text = " ".join(section.inner_text().split())
        assert finding.message("sl") in text and finding.basis.citation in text
        for sentence in finding.evidence:
            assert " ".join(sentence.split()) in text

    page.evaluate("window.scrollTo(0, 0)")
    shot = tmp_path / "ugotovitve-2019-neskladne.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and shot.stat().st_size > 20_000
    page.close()
    assert opened.errors == []
    assert all(url.startswith("file:") for url in opened.requests), opened.requests


# What a lawyer relies on (review of the outputs, 2019): one click to those short of a
# statutory duty, a phone, no JavaScript, paper.

def letter_recipients(assessment) -> list[str]:
    """The letters' own recipient policy, not a copied list."""
    from compliance.letters.compose import needs_letter

    return [m for m in assessment.municipalities if needs_letter(assessment.of(m))]


def test_statutory_filter_shows_exactly_the_letter_recipients_in_one_click(browser, bundled_report):
    path, assessment = bundled_report
    expected = letter_recipients(assessment)
    # the review's 11: reporting, programme or working body short
    assert sorted(expected) == sorted(["kuzma", "semic", "sentjernej", "tisina", "turnisce", "ribnica", "skocjan",
                                       "maribor", "celje", "ljubljana", "velenje"])
    opened = Opened(browser, path)
    page = opened.page
    page.check("#filter-statutory")  # one click
    assert sorted(opened.visible_rows()) == sorted(expected)
    assert page.text_content("#status") == f"Prikazanih občin: {len(expected)} od 27"
    assert "samo zakonske obveznosti" in page.text_content("#active-filter")
    # the summary follows the filter: it counts the 11 shown
    reporting = page.text_content("td[data-obligation='reporting'][data-grade='non_compliant']").strip()
    assert int(reporting) == sum(
        1 for m in expected if assessment.finding(m, Obligation.REPORTING).grade is Grade.NON_COMPLIANT)
    assert page.text_content("td[data-total='programme']").strip() == str(len(expected))
    # the details follow too
    assert sorted(page.locator("details.municipality").evaluate_all(VISIBLE_ROWS)) == sorted(expected)
    # and the button in the summary does the same
    page.click("#filter-reset")
    assert len(opened.visible_rows()) == 27
    page.click("#show-letters")
    assert sorted(opened.visible_rows()) == sorted(expected)
    page.close()
    assert opened.errors == []


def test_search_finds_official_names(browser, bundled_report):
    path, _ = bundled_report
    opened = Opened(browser, path)
    page = opened.page
    page.fill("#filter-search", "Mestna občina Novo mesto")
    assert opened.visible_rows() == ["novo-mesto"]
    page.fill("#filter-search", "Občina Krško")
    assert opened.visible_rows() == ["krsko"]
    page.fill("#filter-search", "mestna obcina")
    assert sorted(opened.visible_rows()) == ["celje", "ljubljana", "maribor", "murska-sobota", "novo-mesto", "velenje"]
    page.close()


@pytest.mark.parametrize("width", [320, 390, 768])
def test_narrow_screens_have_no_horizontal_overflow(browser, bundled_report, width, tmp_path):
    path, assessment = bundled_report
    page = browser.new_page(viewport={"width": width, "height": 844}, device_scale_factor=2, is_mobile=True)
    page.goto(path.as_uri())
    page.click("#open-all")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    # every grade is on screen next to its municipality's name (a card per municipality)
    kuzma = page.locator("#matrix tr[data-id='kuzma']")
    for link in kuzma.locator("a.grade").all():
        box = link.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
    # nothing in the details sticks out of its box
    overflowing = page.evaluate("""() => Array.from(document.querySelectorAll('details.municipality')).flatMap(d => {
        const right = d.getBoundingClientRect().right + 0.5;
        return Array.from(d.querySelectorAll('dd, dt, li, h3, h4, p')).filter(e => e.getBoundingClientRect().right > right)
          .map(e => d.id + ': ' + e.textContent.slice(0, 40)); })""")
    assert overflowing == []
    page.screenshot(path=str(tmp_path / f"phone-{width}.png"))
    page.close()


def test_without_javascript_every_finding_is_readable_and_no_dead_control_shows(browser, bundled_report):
    path, assessment = bundled_report
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1300, "height": 900})
    page = context.new_page()
    page.goto(path.as_uri())
    for finding in assessment.findings[::7]:
        section = page.locator(f"#f-{finding.municipality}-{finding.obligation.value}")
        assert section.is_visible()
        assert " ".join(finding.message("sl").split()) in " ".join(section.inner_text().split())
    assert page.locator("details.municipality[open]").count() == 27
    for hidden in ("fieldset.controls", "#print", "#open-all", "#show-letters"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("#matrix button, .summary-table button").count() == 0
    context.close()


def printed(page, path: Path) -> list[str]:
    from pypdf import PdfReader

    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    # NFKC: the PDF's text has ligatures (ﬁ) where the page has two letters
    return [unicodedata.normalize("NFKC", " ".join(p.extract_text().split())) for p in PdfReader(str(path)).pages]


# Measured 28 A4 landscape pages (46 before the review): 5 of summary, matrix and legend, then
# each municipality kept whole on a page where it fits (reasons and decisions included).
PRINT_PAGES_2019 = 32


@pytest.mark.parametrize("javascript", [True, False])
def test_printed_2019_report_every_page_headed_numbered_and_naming_its_municipality(
        browser, bundled_report, tmp_path, javascript):
    from compliance.registry import load_registry
    from conftest import DATA

    path, assessment = bundled_report
    registry = load_registry(DATA)
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(path.as_uri())
    pages = printed(page, tmp_path / "ugotovitve-2019.pdf")
    context.close()
    assert len(pages) <= PRINT_PAGES_2019
    full_names = [registry.get(m).name for m in assessment.municipalities]
    matrix_pages = [i for i, text in enumerate(pages) if "Voli romskega" in text and "Regija Voli" in text]
    assert matrix_pages, "the matrix header is printed"
    for number, text in enumerate(pages, start=1):
        assert "Izvajanje ZRomS-1 v občinah: ugotovitve za leto 2019" in text, number
        assert f"stran {number} od {len(pages)}" in text, number
        assert "pripravljeno 2. 3. 2020" in text, number
    first_details = next(i for i, text in enumerate(pages) if "Podrobnosti po občinah" in text)
    for number, text in enumerate(pages[first_details:], start=first_details + 1):
        assert any(name in text for name in full_names), f"page {number} names no municipality"
    # every finding with its reasoning and evidence is on paper, with or without a script
    # (compared without white space: a line may break after a dash)
    text = "".join("".join(pages).split())
    for finding in assessment.findings:
        assert "".join(unicodedata.normalize("NFKC", finding.message("sl")).split()) in text
        for sentence in finding.evidence:
            assert "".join(unicodedata.normalize("NFKC", sentence).split()) in text
    # every page of the matrix repeats its column headings (they are text, not buttons)
    for index in range(matrix_pages[0], first_details):
        if "Jugovzhodna Slovenija" in pages[index] or "Pomurska" in pages[index]:
            assert "program ukrepov" in pages[index] and "delovno telo" in pages[index], index + 1


def test_a_filtered_print_says_its_filter_and_prints_only_what_is_shown(browser, bundled_report, tmp_path):
    path, assessment = bundled_report
    opened = Opened(browser, path)
    page = opened.page
    page.check("#filter-statutory")
    pages = printed(page, tmp_path / "filtered.pdf")
    page.close()
    assert "Filtri: samo zakonske obveznosti." in " ".join(pages)
    shown = set(letter_recipients(assessment))
    details = " ".join(pages[next(i for i, t in enumerate(pages) if "Podrobnosti po občinah" in t):])
    for ident in assessment.municipalities:
        name = registry_name(ident)
        assert (f"{name} · program ukrepov" in details) == (ident in shown), ident
    assert len(pages) < PRINT_PAGES_2019


def registry_name(ident: str) -> str:
    from compliance.registry import load_registry
    from conftest import DATA

    return load_registry(DATA).get(ident).short_name


def test_keyboard_reaches_a_skip_link_first(opened):
    page = opened.page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#overview"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#overview"

"""The HTML findings report as markup: self-contained, table semantics, every finding's
reasons, stale data marked, readable colours. Behaviour in a browser: test_html_browser.py."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from compliance.render import html
from compliance.vocabulary import Grade, Obligation, label
from test_html_sample import sample


class Page(HTMLParser):
    """The elements of a page as (tag, attributes, text inside) with a parent chain."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self._open: list[dict] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self._open)}
        self.elements.append(element)
        if tag not in {"meta", "input", "br", "link", "img"}:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append({"tag": tag, "attrs": dict(attrs), "text": "", "parents": list(self._open)})

    def handle_endtag(self, tag):
        while self._open:
            if self._open.pop()["tag"] == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element["text"] += data

    def find(self, tag=None, **attrs) -> list[dict]:
        return [
            e for e in self.elements
            if (tag is None or e["tag"] == tag) and all(e["attrs"].get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def one(self, tag=None, **attrs) -> dict:
        found = self.find(tag, **attrs)
        assert len(found) == 1, (tag, attrs, len(found))
        return found[0]

    def inside(self, parent: dict, tag=None) -> list[dict]:
        return [e for e in self.elements if any(p is parent for p in e["parents"]) and (tag is None or e["tag"] == tag)]


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def assessment_registry():
    return sample()


@pytest.fixture(scope="module")
def page(assessment_registry):
    assessment, registry = assessment_registry
    return Page(html.render(assessment, registry, "sl"))


def test_self_contained_nothing_from_the_network(assessment_registry):
    text = html.render(*assessment_registry, "sl")
    parsed = Page(text)
    assert not parsed.find("link"), "stylesheets must be inline"
    assert not [e for e in parsed.find("script") if "src" in e["attrs"]], "scripts must be inline"
    for element in parsed.elements:
        for name in ("src", "href", "action", "data"):
            value = element["attrs"].get(name)
            assert value is None or value.startswith(("#", "data:")), (element["tag"], name, value)
    assert "@import" not in text and "url(" not in text
    policy = parsed.one("meta", http_equiv="Content-Security-Policy")["attrs"]["content"]
    assert "default-src 'none'" in policy


def test_matrix_has_a_row_per_municipality_and_every_grade_in_words(page, assessment_registry):
    assessment, registry = assessment_registry
    table = page.one("table", id="matrix")
    assert squash(page.inside(table, "caption")[0]["text"]).startswith("Ocene občin po obveznostih za leto 2019")
    headers = [e for e in page.inside(table, "th") if e["attrs"].get("scope") == "col"]
    assert [squash(h["text"]) for h in headers] == ["Občina", "Regija", "Voli predstavnika romske skupnosti"] + [
        label(o, "sl") for o in Obligation
    ]
    rows = page.inside(table, "tr")[1:]
    assert [r["attrs"]["data-id"] for r in rows] == assessment.municipalities
    for row in rows:
        ident = row["attrs"]["data-id"]
        row_header = [e for e in page.inside(row, "th") if e["attrs"].get("scope") == "row"]
        assert squash(row_header[0]["text"]).startswith(registry.get(ident).short_name)
        cells = page.inside(row, "td")[2:]
        for cell, finding in zip(cells, assessment.of(ident)):
            # never colour alone: the grade's word is in the cell, and its class carries the colour
            assert label(finding.grade, "sl") in cell["text"]
            link = page.inside(cell, "a")[0]
            assert f"grade-{finding.grade.value}" in link["attrs"]["class"]
            assert link["attrs"]["href"] == f"#f-{ident}-{finding.obligation.value}"
            assert row["attrs"][f"data-grade-{finding.obligation.value}"] == finding.grade.value


def test_summary_counts_are_the_assessments(page, assessment_registry):
    assessment, _ = assessment_registry
    table = page.find("table", **{"class": "summary-table"})[0]
    body_rows = page.inside(table, "tr")[1:]
    summary = assessment.summary()
    for row, obligation in zip(body_rows, Obligation):
        counts = [int(squash(td["text"])) for td in page.inside(row, "td")]
        assert counts == [summary[obligation.value][g.value] for g in Grade] + [len(assessment.municipalities)]
    svg = page.one("svg", role="img")
    segments = [e for e in page.inside(svg, "rect")]
    shown = {}
    for segment in segments:
        grade = segment["attrs"]["class"].removeprefix("bar-")
        shown[grade] = shown.get(grade, 0) + int(segment["text"].rsplit(":", 1)[1])
    totals = {g.value: sum(summary[o.value][g.value] for o in Obligation) for g in Grade}
    assert shown == {g: n for g, n in totals.items() if n}


def test_detail_view_shows_rule_basis_provenance_message_and_evidence(page, assessment_registry):
    assessment, registry = assessment_registry
    for finding in assessment.findings:
        section = page.one("section", id=f"f-{finding.municipality}-{finding.obligation.value}")
        details = [p for p in section["parents"] if p["tag"] == "details"]
        assert [d["attrs"]["id"] for d in details] == [f"m-{finding.municipality}"]
        text = squash(section["text"])
        assert finding.rule in text
        assert finding.basis.citation in text
        assert finding.message("sl") in text
        assert finding.provenance_label("sl") in text
        for sentence in finding.evidence:
            assert squash(sentence) in text
        if not finding.evidence:
            assert "V poročilu ni navedb o tem." in text


def test_markup_in_evidence_is_shown_as_text(assessment_registry):
    text = html.render(*assessment_registry, "sl")
    assert "<b>akcijskega načrta</b>" not in text
    assert "&lt;b&gt;akcijskega načrta&lt;/b&gt; &amp; predlog" in text


def test_stale_data_is_marked_with_what_is_known_of_its_age(page, assessment_registry):
    assessment, _ = assessment_registry
    stale = {f.municipality for f in assessment.findings if f.stale}
    assert stale == {"kuzma", "skocjan"}
    for row in page.inside(page.one("table", id="matrix"), "tr")[1:]:
        ident = row["attrs"]["data-id"]
        assert ("sporočeno v letu 2018" in row["text"]) == (ident in stale)
        assert "iz leta 2018" not in row["text"]
    kuzma = squash(page.one("details", id="m-kuzma")["text"])
    assert "Občina informacij za leto 2019 ni posredovala; v pregledu so povzeti podatki, ki jih je sporočila v letu 2018." in kuzma


def test_filters_offer_every_grade_region_and_councillor_status(page, assessment_registry):
    _, registry = assessment_registry
    options = lambda select_id: [o["attrs"]["value"] for o in page.inside(page.one("select", id=select_id), "option")]
    assert options("filter-grade") == [""] + [g.value for g in Grade]
    assert options("filter-obligation") == [""] + [o.value for o in Obligation]
    assert options("filter-region") == ["", "Jugovzhodna Slovenija", "Podravska", "Pomurska"]
    assert options("filter-councillor") == ["", "yes", "no"]
    assert page.one("input", id="filter-search")["attrs"]["type"] == "search"
    # every control has a label
    for control in page.find("select") + page.find("input"):
        assert control["parents"][-1]["tag"] == "label"


def test_english_labels_with_lang_en(assessment_registry):
    page = Page(html.render(*assessment_registry, "en"))
    assert page.one("html")["attrs"]["lang"] == "en"
    assert squash(page.one("h1")["text"]) == "ZRomS-1 in the municipalities: findings for 2019"
    text = squash(page.one("table", id="matrix")["text"])
    assert "non-compliant" in text and "neskladno" not in text
    assert "Grade for beltinci: compliant." in squash(page.one("section", id="f-beltinci-reporting")["text"])


def test_slovenian_by_default(assessment_registry):
    page = Page(html.render(*assessment_registry))
    assert page.one("html")["attrs"]["lang"] == "sl"
    assert "neskladno" in page.one("table", id="matrix")["text"]


def test_same_findings_same_page(assessment_registry):
    assert html.render(*assessment_registry, "sl") == html.render(*sample(), "sl")


def test_print_stylesheet_is_a4_landscape(assessment_registry):
    text = html.render(*assessment_registry, "sl")
    assert "@page { size: A4 landscape;" in text
    assert "@media print" in text


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted([_luminance(foreground), _luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("grade", list(Grade))
def test_grade_colours_meet_wcag_aa(grade):
    style = html.GRADE_STYLE[grade]
    assert contrast(style["text"], style["background"]) >= 4.5
    assert contrast("#111111", style["bar"]) >= 4.5  # the counts written on the chart bars
    assert style["symbol"].strip()


def test_grade_colours_tell_grades_apart():
    backgrounds = [html.GRADE_STYLE[g]["background"] for g in Grade]
    symbols = [html.GRADE_STYLE[g]["symbol"] for g in Grade]
    assert len(set(backgrounds)) == len(set(symbols)) == len(Grade)


# Through the command line, on the bundled data.

@pytest.fixture(scope="module")
def bundled():
    from compliance.assess import assess
    from conftest import DATA, RULES

    return assess(DATA, RULES, 2019)


def test_check_writes_the_report_for_the_bundled_data(cli, tmp_path, bundled):
    registry, assessment = bundled
    out = tmp_path / "pregled" / "ugotovitve-2019.html"
    result = cli("check", "--year", "2019", "--format", "html", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    rows = page.inside(page.one("table", id="matrix"), "tr")[1:]
    assert [r["attrs"]["data-id"] for r in rows] == registry.ids and len(rows) == 27
    for row in rows:
        for finding in assessment.of(row["attrs"]["data-id"]):
            assert row["attrs"][f"data-grade-{finding.obligation.value}"] == finding.grade.value
    stale = {f.municipality for f in assessment.findings if f.stale}
    assert {"kuzma", "semic", "sentjernej", "skocjan"} <= stale
    for ident, said in (("kuzma", "iz zadnjega prispevka"), ("semic", "sporočeno v letu 2018"), ("celje", "občine ni v pregledu")):
        assert said in page.one("tr", data_id=ident)["text"]
    # the same run again gives the same file
    again = tmp_path / "again.html"
    assert cli("check", "--year", "2019", "--format", "html", "--out", str(again)).exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_check_html_in_english(cli, tmp_path):
    out = tmp_path / "findings-2019.html"
    result = cli("check", "--year", "2019", "--format", "html", "--out", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    page = Page(out.read_text(encoding="utf-8"))
    assert page.one("html")["attrs"]["lang"] == "en"
    assert "non-compliant" in page.one("table", id="matrix")["text"]


def test_check_html_unknown_year_writes_nothing(cli, tmp_path):
    out = tmp_path / "ugotovitve.html"
    result = cli("check", "--lang", "en", "--year", "2091", "--format", "html", "--out", str(out))
    assert result.exit_code == 2
    assert "unknown year: 2091" in result.output and "2019" in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_check_html_broken_record_names_file_and_line_and_writes_nothing(cli, tmp_path, data_copy):
    records = data_copy / "records" / "2019.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("status: in_preparation", "status: in_prep", 1), encoding="utf-8")
    line = text.splitlines().index(next(l for l in text.splitlines() if "status: in_preparation" in l)) + 1
    out = tmp_path / "out" / "ugotovitve.html"
    result = cli("check", "--year", "2019", "--format", "html", "--out", str(out), "--data-dir", str(data_copy))
    assert result.exit_code == 2
    assert f"2019.yaml:{line}" in result.output and "programme.status" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()

"""The HTML findings report as markup: self-contained, table semantics, every finding's
reasons, stale data marked, readable colours. Behaviour in a browser: test_html_browser.py."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from compliance.render import html
from compliance.render.review import ordered
from compliance.vocabulary import Grade, Obligation, RuleKind, label
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
    assert "@import" not in text
    # url() only for the chart's own patterns, defined in the page
    assert text.count("url(") == text.count("url(#pattern-")
    policy = parsed.one("meta", http_equiv="Content-Security-Policy")["attrs"]["content"]
    assert "default-src 'none'" in policy


def test_matrix_has_a_row_per_municipality_and_every_grade_in_words(page, assessment_registry):
    assessment, registry = assessment_registry
    table = page.one("table", id="matrix")
    assert squash(page.inside(table, "caption")[0]["text"]).startswith("Ocene občin po obveznostih za leto 2019")
    headers = [e for e in page.inside(table, "th") if e["attrs"].get("scope") == "col"]
    # each obligation's heading says its kind
    assert [squash(h["text"]) for h in headers] == ["Občina", "Regija", "Voli romskega svetnika"] + [
        f"{label(o, 'sl')} {label({Obligation.COOPERATION: RuleKind.RECOMMENDATION, Obligation.REPORTING: RuleKind.REQUEST}.get(o, RuleKind.DUTY), 'sl')}"
        for o in Obligation
    ]
    rows = page.inside(table, "tr")[1:]
    # Slovenian alphabetical order (here the sample's order is already alphabetical)
    assert [r["attrs"]["data-id"] for r in rows] == ordered(assessment, registry)
    for row in rows:
        ident = row["attrs"]["data-id"]
        row_header = [e for e in page.inside(row, "th") if e["attrs"].get("scope") == "row"]
        assert squash(row_header[0]["text"]).startswith(registry.get(ident).short_name)
        cells = page.inside(row, "td")[2:]
        for cell, finding in zip(cells, assessment.of(ident)):
            # never colour alone: the grade's word (in the words of its kind) is in the cell,
            # and its class carries the colour
            assert finding.grade_label("sl") in cell["text"]
            link = page.inside(cell, "a")[0]
            assert f"grade-{finding.grade.value}" in link["attrs"]["class"]
            # a screen reader names whose grade it is, for which obligation
            name = f"{registry.get(ident).short_name}, {label(finding.obligation, 'sl')}: {finding.grade_label('sl')}"
            assert squash(link["text"]) == f"{html.GRADE_STYLE[finding.grade]['symbol']} {name}"
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
        grade = segment["attrs"].get("data-grade")
        if grade is None:
            continue  # the patterns' own shapes
        shown[grade] = shown.get(grade, 0) + int(segment["text"].rsplit(":", 1)[1])
        # never colour alone: each grade's own pattern
        assert segment["attrs"]["fill"] == f"url(#pattern-{grade})"
    totals = {g.value: sum(summary[o.value][g.value] for o in Obligation) for g in Grade}
    assert shown == totals
    assert {e["attrs"]["id"] for e in page.find("pattern")} == {f"pattern-{g.value}" for g in Grade}


def test_detail_view_shows_kind_basis_provenance_message_and_evidence(page, assessment_registry):
    assessment, registry = assessment_registry
    for finding in assessment.findings:
        section = page.one("section", id=f"f-{finding.municipality}-{finding.obligation.value}")
        details = [p for p in section["parents"] if p["tag"] == "details"]
        assert [d["attrs"]["id"] for d in details] == [f"m-{finding.municipality}"]
        text = squash(section["text"])
        assert finding.rule not in text  # internal rule ids are not for the lawyer
        assert label(finding.kind, "sl") in text
        assert finding.basis.citation in text
        assert finding.message("sl") in text
        assert finding.provenance_label("sl") in text
        for sentence in finding.evidence:
            assert squash(sentence) in text
        if not finding.evidence:
            assert "Poročilo tega ne navaja." in text


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
    assert page.one("input", id="filter-statutory")["attrs"]["type"] == "checkbox"
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
    assert "size: A4 landscape;" in text and "counter(page)" in text
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
    result = cli("check", "--year", "2019", "--format", "html", "--out", str(out), "--date", "2020-03-02")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    page = Page(text)
    rows = page.inside(page.one("table", id="matrix"), "tr")[1:]
    assert [r["attrs"]["data-id"] for r in rows] == ordered(assessment, registry) and len(rows) == 27
    ids = [r["attrs"]["data-id"] for r in rows]
    assert ids.index("brezice") < ids.index("celje") < ids.index("crensovci") < ids.index("grosuplje")
    for row in rows:
        for finding in assessment.of(row["attrs"]["data-id"]):
            assert row["attrs"][f"data-grade-{finding.obligation.value}"] == finding.grade.value
    stale = {f.municipality for f in assessment.findings if f.stale}
    assert {"kuzma", "semic", "sentjernej", "skocjan"} <= stale
    for ident, said in (("kuzma", "iz zadnjega prispevka"), ("semic", "sporočeno v letu 2018"), ("celje", "občine ni v pregledu")):
        assert said in page.one("tr", data_id=ident)["text"]
    # the generation date is printed, and the same run again gives the same file
    assert "pripravljeno 2. 3. 2020" in squash(page.one("footer")["text"])
    again = tmp_path / "again.html"
    assert cli("check", "--year", "2019", "--format", "html", "--out", str(again), "--date", "2020-03-02").exit_code == 0
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


def test_without_javascript_every_finding_is_open_and_the_controls_are_marked_for_hiding(page):
    assert page.one("html")["attrs"]["class"] == "no-js"
    details = page.find("details")
    assert details and all("open" in d["attrs"] for d in details)
    assert "js-only" in page.one("fieldset")["attrs"]["class"]
    assert "js-only" in page.one("button", id="print")["parents"][-1]["attrs"]["class"]
    assert not page.inside(page.one("table", id="matrix"), "button")  # sort buttons come with the script


def test_skip_links_lead_to_the_matrix_and_the_details(page):
    skips = page.find("a", **{"class": "skip"})
    assert [a["attrs"]["href"] for a in skips] == ["#overview", "#details"]
    assert page.elements.index(skips[0]) < page.elements.index(page.one("h1"))


def test_search_covers_the_official_name(page, assessment_registry):
    _, registry = assessment_registry
    row = page.one("tr", data_id="novo-mesto")
    assert "Mestna občina Novo mesto" in row["attrs"]["data-search"]


def test_legend_says_what_each_grade_means_for_each_obligation(page):
    legend = squash(page.one("section", id="legend-grades")["text"])
    assert "Kaj pomenijo ocene" in legend
    assert "Delovno telo ni ustanovljeno." in legend
    assert "je pričakovanje Urada" in legend  # the Office's expectation is said to be one


def test_legend_has_a_meaning_for_every_grade_the_rules_give():
    """The legend's words follow the rule files: a meaning for every grade a rule gives, and
    none for a grade no rule gives."""
    from compliance.messages import CATALOG
    from compliance.rules import load_rules
    from conftest import RULES

    given = {(rule.obligation.value, rule.grade.value) for rule in load_rules(RULES).rules}
    legend = {tuple(key.split(".")[1:]) for key in CATALOG if key.startswith("legend.")}
    assert legend == given


def test_the_generation_date_is_in_the_page_and_the_printed_margin(assessment_registry):
    import datetime as dt

    text = html.render(*assessment_registry, "sl", dt.date(2020, 3, 2))
    assert "pripravljeno 2. 3. 2020" in squash(Page(text).one("footer")["text"])
    assert 'content: "pripravljeno 2. 3. 2020"' in text


def test_english_page_has_no_slovenian_words_of_its_own(assessment_registry):
    page = Page(html.render(*assessment_registry, "en"))
    text = squash(page.one("main")["text"] + page.one("header")["text"] + page.one("footer")["text"])
    for municipality in assessment_registry[1]:
        text = text.replace(municipality.name, "")  # official names are proper names
    for slovenian in ("Občina", "Regija", "skladno", "člen", "odstavek", "Pravna podlaga", "pripravljeno", "priporočilo"):
        assert slovenian not in text.replace("(Slovenian text)", ""), slovenian

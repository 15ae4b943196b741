"""Arbitrary text through every text field into every output format (issue 14).

Control characters, bidirectional marks, formula prefixes, CRLF, template and format
syntax, HTML: each either is refused when the data is read (a located DataError, the
message the user sees) or comes out as inert text in every format: nothing crashes,
nothing is evaluated (no template, no formula, no header, no markup).
"""

from __future__ import annotations

import csv
import email
import email.policy
import io
import json
import shutil
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from compliance import paths
from compliance.assess import assess
from compliance.errors import DataError
from compliance.letters import compose
from compliance.letters.batch import render_batch
from compliance.letters.office import load_office
from compliance.render import FORMATS, renderer

DATA, RULES = paths.BUNDLED / "data", paths.BUNDLED / "rules"
SOURCE = "sources/porocilo-2019-pregled-po-obcinah.txt"

# Pieces that would do something if anything evaluated them; "PWN" appears only then.
PAYLOADS = [
    "{{ 'PW' ~ 'N' }}", "{% print 'PW' ~ 'N' %}", "{name}", "{0.__class__}", "${'PW'+'N'}",
    "=HYPERLINK(\"http://x.example/\",\"PW\"&\"N\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)",
    "\t=1+1", "\r=1+1", "<script>alert('PW'+'N')</script>", "<img src=x onerror=alert(1)>",
    "\r\nBcc: victim@example.com", "\n", "\u2028", "\u202e", "\u200f", "\u200b", "\x0b", "\x01", "\x1b[2J",
    "\x1b]0;title\x07", "]]>", "&amp;", "| --- |", "**", "\ufeff", "Š", "ž",
]
fuzz_text = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=12)), min_size=1, max_size=5).map("".join)
# Every text field a user or the report puts into the outputs (one or two at a time, so
# that most examples get past loading and reach the writers).
FIELDS = ("name", "dative", "genitive", "region", "notes", "note", "title", "evidence")
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _write_data(folder: Path, texts: dict[str, str]) -> None:
    registry = yaml.safe_load((DATA / "municipalities.yaml").read_text(encoding="utf-8"))
    kuzma = next(m for m in registry["municipalities"] if m["id"] == "kuzma")
    for field in ("name", "dative", "genitive", "region"):
        kuzma[field] = texts.get(field, kuzma[field])
    kuzma["notes"] = [texts["notes"]] if "notes" in texts else kuzma["notes"]
    (folder / "municipalities.yaml").write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")

    records = yaml.safe_load((DATA / "records" / "2019.yaml").read_text(encoding="utf-8"))
    record = next(r for r in records["records"] if r["municipality"] == "kuzma")
    record["note"] = texts.get("note", record["note"])
    record["programme"]["title"] = texts.get("title", record["programme"]["title"])
    evidence = texts.get("evidence", "")
    if evidence:
        record["programme"]["evidence"] = [evidence]
    (folder / "records" / "2019.yaml").write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")
    # The evidence is quoted from the report, so the report says it.
    source = (DATA / SOURCE).read_text(encoding="utf-8")
    (folder / SOURCE).write_text(source + "\n" + evidence + "\n", encoding="utf-8")


def _check_csv(body: str) -> None:
    for row in csv.reader(io.StringIO(body.removeprefix("\ufeff")), delimiter=";"):  # --lang sl
        for cell in row:
            assert not cell.startswith(FORMULA_PREFIXES), cell


def _check_xlsx(body: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(body)) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                sheet = book.read(name).decode("utf-8")
                assert "<f>" not in sheet and "<f " not in sheet


def _check_eml(body: bytes, expected_to: int) -> None:
    message = email.message_from_bytes(body, policy=email.policy.default)
    assert sorted(message.keys()) == sorted(set(message.keys()))  # no header twice
    assert "Bcc" not in message and len(message.get_all("To")) == 1
    assert len(message["To"].addresses) == expected_to
    for value in message.values():
        assert not any(c in str(value) for c in "\r\n\x00\x0b\x1b")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), fuzz_text, min_size=1, max_size=2))
def test_any_text_is_refused_or_inert_in_every_output(tmp_path_factory, texts):
    folder = tmp_path_factory.mktemp("data")
    shutil.rmtree(folder)
    shutil.copytree(DATA, folder)
    _write_data(folder, texts)
    try:
        registry, assessment = assess(folder, RULES, 2019, ["kuzma", "beltinci"])
    except DataError as exc:
        event("refused when read")
        # Refused: each problem names the file and the place, in words.
        for problem in exc.problems:
            shown = problem.render("sl")
            assert problem.file.name in shown and problem.line, shown
        return
    event("rendered")
    outputs: dict[str, bytes] = {}
    for fmt in FORMATS:
        body = renderer(fmt)(assessment, registry, "sl")
        outputs[fmt] = body if isinstance(body, bytes) else body.encode("utf-8")
    json.loads(outputs["json"])
    _check_csv(outputs["csv"].decode("utf-8"))
    _check_xlsx(outputs["xlsx"])
    assert b"<script>alert" not in outputs["html"] and b"<img src=x" not in outputs["html"]
    assert b"<script>alert" not in outputs["markdown"] and b"<img src=x" not in outputs["markdown"]

    office = load_office(folder / "office.yaml")
    import datetime as dt

    batch = compose.letters(registry, assessment, office, dt.date(2020, 3, 2), False)
    files = render_batch(batch, 2019, dt.date(2020, 3, 2), ("docx", "html", "txt", "eml"))
    for name, body in files.items():
        outputs[name] = body
        if name.endswith(".html"):
            assert b"<script>alert" not in body and b"<img src=x" not in body
        if name.endswith(".eml"):
            ident = name[: -len(".eml")]
            _check_eml(body, len(registry.get(ident).emails))
        if name.endswith(".docx"):
            with zipfile.ZipFile(io.BytesIO(body)) as document:
                document.read("word/document.xml")  # well-formed enough to open
    for name, body in outputs.items():
        if name.endswith((".docx", "xlsx", ".eml")) or name == "xlsx":
            continue  # compressed or encoded; checked above
        assert b"PWN" not in body, name

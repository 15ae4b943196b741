"""Every template renders in the bounded sandbox: the letter and report templates (which can
come from anyone's --templates-dir) as the rule templates do, and no template runs for hours.

Real `compliance` processes in a working folder; a template that tries to run a command
would leave MARKER there.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from compliance import paths

COMPLIANCE = str(Path(sys.executable).parent / "compliance")
SSTI = "{{ cycler.__init__.__globals__.os.popen('touch MARKER') }}"
NESTED_LOOPS = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
LETTERS = ["letters", "--year", "2019", "--out", "out", "--date", "2020-03-02", "--no-register"]


def run(*args: str, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    # the timeout is a guard, not a measure: an unbounded template would run for hours
    return subprocess.run([COMPLIANCE, *args], cwd=cwd, capture_output=True, text=True, timeout=120, **kwargs)


def assert_refused(result: subprocess.CompletedProcess, *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A working folder with copies of the data, rules and templates."""
    for name in ("data", "rules", "templates"):
        shutil.copytree(paths.BUNDLED / name, tmp_path / name)
    (tmp_path / paths.MARKER).write_text("")
    return tmp_path


def poison(path: Path, anchor: str, payload: str) -> None:
    """Put `payload` after the first `anchor` in a text template or in letter.docx's body."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        body = parts["word/document.xml"].decode("utf-8")
        assert anchor in body
        parts["word/document.xml"] = body.replace(anchor, anchor + payload, 1).encode("utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        path.write_bytes(buffer.getvalue())
        return
    text = path.read_text(encoding="utf-8")
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + payload, 1), encoding="utf-8")


# ---- letter and report templates: the sandbox of the rule templates ------------------------

@pytest.mark.parametrize("template, formats", [
    ("letter.txt.j2", "txt"),
    ("letter.html.j2", "html"),
    ("letter-email.txt.j2", "eml"),
    ("letter.docx", "docx"),
])
def test_a_letter_template_from_templates_dir_cannot_run_a_command(work, template, formats):
    mine = work / "mine"
    shutil.copytree(work / "templates", mine)
    poison(mine / template, "{{ number }}" if template != "letter-email.txt.j2" else "{{ salutation }}", SSTI)
    result = run(*LETTERS, "--format", formats, "--templates-dir", "mine", cwd=work)
    assert_refused(result, f"mine/{template}", "napaka v predlogi", "ni dovoljeno: dostop do atributa '__init__'")
    assert not (work / "MARKER").exists()
    assert not (work / "out").exists()  # nothing half-written
    assert [p.name for p in work.iterdir() if p.name.startswith(".") and p.name != paths.MARKER] == []


def test_a_template_that_fails_names_the_file_and_line(work):
    poison(work / "templates" / "letter.txt.j2", "Številka: {{ number }}", "{{ 1 // 0 }}")
    line = 1 + (work / "templates" / "letter.txt.j2").read_text(encoding="utf-8").split("{{ 1 // 0 }}")[0].count("\n")
    result = run(*LETTERS, "--format", "txt", cwd=work)  # the working folder's templates/
    assert_refused(result, f"templates/letter.txt.j2:{line}: napaka v predlogi", "ZeroDivisionError")
    assert not (work / "out").exists()


def test_the_report_template_cannot_run_a_command(work):
    poison(work / "templates" / "findings.html.j2", "</h1>", SSTI)
    result = run("check", "--year", "2019", "--format", "html", "--out", "pregled.html", cwd=work)
    assert_refused(result, "templates/findings.html.j2:", "ni dovoljeno")
    assert not (work / "MARKER").exists()
    assert not (work / "pregled.html").exists()


def test_the_report_of_the_bundled_data_is_within_its_bounds(work):
    result = run("check", "--year", "2019", "--format", "html", "--out", "pregled.html", cwd=work)
    assert result.returncode == 0, result.stderr
    assert (work / "pregled.html").read_text(encoding="utf-8").count('class="municipality') >= 27


def test_a_letter_template_with_endless_loops_is_stopped(work):
    poison(work / "templates" / "letter.txt.j2", "Datum: {{ date }}", NESTED_LOOPS)
    result = run(*LETTERS, "--format", "txt", cwd=work)
    assert_refused(result, "templates/letter.txt.j2:", "predloga dela predolgo")
    assert not (work / "out").exists()


# ---- rule templates: bounded in time, not only in size --------------------------------------

REPORTED_SL = "Občina je poslala podatke za leto {{ year }}."


@pytest.mark.parametrize("template", [
    NESTED_LOOPS,
    "{% set x = range(99999) | list %}{% for i in x %}{% for j in x %}{% endfor %}{% endfor %}",
    # no loop at all: a macro calling itself twice makes 2**60 calls
    "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}",
    # a recursive loop iterates its `loop(...)` items outside the `for` it is written in
    "{% for x in [1] recursive %}{% if loop.depth < 3 %}{{ loop(range(99999)) }}{% endif %}{% endfor %}",
])
def test_a_rule_template_that_works_forever_is_stopped_and_named(work, template):
    rules = work / "rules" / "reporting.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(REPORTED_SL, template, 1), encoding="utf-8")
    result = run("check", "--year", "2019", "--format", "json", cwd=work)
    assert_refused(result, "rules/reporting.yaml:", "reporting.reported", "message.sl", "predloga dela predolgo")
    assert result.stdout == ""
    lint = run("rules", "lint", cwd=work)
    assert lint.returncode == 1, (lint.stdout, lint.stderr)
    assert "Traceback" not in lint.stdout + lint.stderr
    assert re.search(r"reporting\.yaml:\d+: .*reporting\.reported: message\.sl: .*predloga dela predolgo", lint.stdout), lint.stdout


# ---- texts that grow without `*` or `+`: checked before they are made ----------------------

BIG = "{% set s = 'x' * 100000 %}"


@pytest.mark.parametrize("template, reason", [
    (BIG + "{{ s.join([s] * 100000) | length }}", "več kot 100000 znakov"),  # 10**10 characters
    (BIG + "{{ ([s] * 100000) | join | length }}", "več kot 100000 znakov"),
    (BIG + "{{ s.replace('', s) | length }}", "več kot 100000 znakov"),
    (BIG + "{{ s | replace('', s) | length }}", "več kot 100000 znakov"),
    ("{{ ('\t' * 99999).expandtabs(99999) | length }}", "več kot 100000 znakov"),
    (BIG + "{% set s = s ~ s %}{% set s = s ~ s %}{{ s | length }}", "več kot 100000 znakov"),
    ("{{ ('%-999999999s' % 'x') | length }}", "širina ali število"),
    ("{{ ('%*s' % (999999999, 'x')) | length }}", "širina ali število"),
    ("{{ 'x' | center(999999999) | length }}", "širina ali število"),
    ("{{ ('\n' * 99999) | indent(99999, true, true) | length }}", "več kot 100000 znakov"),
    # a short list of a long text: 10**10 characters as soon as it is printed
    (BIG + "{% set l = [s] * 100000 %}{{ l | length }}", "več kot 100000 znakov"),
    (BIG + "{% set l = [[s]] * 100000 %}{{ l | length }}", "več kot 100000 znakov"),
])
def test_a_template_cannot_make_a_huge_text_on_the_way(template, reason):
    from compliance import sandbox

    env = sandbox.environment()
    with pytest.raises(sandbox.RenderError) as caught:
        sandbox.render(env.from_string(template), {})
    assert reason in caught.value.reason.render("sl")


def test_the_bounded_filters_and_methods_still_do_their_work():
    from compliance import sandbox

    env = sandbox.environment()
    source = ("{{ ['a', 'b'] | join(', ') }}|{{ ', '.join(['c', 'd']) }}|{{ 'a-b' | replace('-', '+') }}|"
              "{{ 'a-b'.replace('-', '') }}|{{ 'x' | center(5) }}|{{ 'a\nb' | indent(2) }}|{{ '%3d' % 7 }}|"
              "{{ 'a' ~ 1 }}|{{ [{'n': 'p'}, {'n': 'q'}] | join('/', attribute='n') }}")
    assert sandbox.render(env.from_string(source), {}) == "a, b|c, d|a+b|ab|  x  |a\n  b|  7|a1|p/q"


def test_a_larger_bound_is_the_one_every_check_uses_and_random_text_is_not_offered():
    from compliance import sandbox

    roomy = sandbox.environment(max_output=1_000_000, max_operations=1_000_000)  # as the HTML report of many municipalities
    assert sandbox.render(roomy.from_string("{{ ('x' * 200000) | length }} {{ ([1] * 200000) | length }}"), {}) == "200000 200000"
    from jinja2.filters import do_indent

    indented = sandbox.render(roomy.from_string("{{ ('a\n' * 150000) | indent(2) | length }}"), {})
    assert indented == str(len(do_indent("a\n" * 150000, 2)))
    with pytest.raises(sandbox.RenderError):  # lipsum() would give other words each time
        sandbox.render(sandbox.environment().from_string("{{ lipsum() }}"), {})


def test_filters_spend_the_budget_by_the_items_they_are_given():
    from compliance import sandbox

    env = sandbox.environment()
    hours = "{% for i in range(99990) %}{% if range(50000) | map('string') | sort | unique | list %}{% endif %}{% endfor %}"
    with pytest.raises(sandbox.RenderError) as caught:
        sandbox.render(env.from_string(hours), {})
    assert "predloga dela predolgo" in caught.value.reason.render("sl")
    # everyday filters on everyday values are unaffected
    source = "{{ [3, 1, 2] | sort | join(',') }} {{ 'abc' | upper }} {{ {'a': 1} | dictsort }} {{ [1, 2] | map('string') | join('-') }}"
    assert sandbox.render(env.from_string(source), {}) == "1,2,3 ABC [('a', 1)] 1-2"

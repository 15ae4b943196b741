"""A console that cannot encode č/š/ž (Windows' cp1252, or ASCII) gets plain letters, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def run(*args: str, encoding: str, tmp_path) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    environment["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "compliance", *args], capture_output=True, cwd=tmp_path,
                          env=environment)


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_the_findings_table_falls_back_to_plain_letters(encoding, tmp_path):
    result = run("check", "--year", "2019", encoding=encoding, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr
    if encoding == "cp1252":
        out = result.stdout.decode("cp1252")
        # cp1252 has š and ž but not č: what it can show stays
        assert "Obcina Crenšovci" in out and "Obcina Šentjernej" in out and "Obcina Semic" in out
    else:
        # click replaces an ASCII stdout with UTF-8 (it takes ASCII for a misconfigured locale)
        assert "Občina Črenšovci" in result.stdout.decode("utf-8")


def test_an_error_message_falls_back_too(tmp_path):
    result = run("explain", "--year", "2019", "turnise", encoding="cp1252", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.decode("cp1252") == "napaka: neznana obcina: turnise (ste mislili: turnisce)\n"


def test_a_console_that_can_encode_keeps_its_letters(tmp_path):
    result = run("check", "--year", "2019", encoding="utf-8", tmp_path=tmp_path)
    assert "Občina Črenšovci" in result.stdout.decode("utf-8")
    latin2 = run("check", "--year", "2019", encoding="iso8859-2", tmp_path=tmp_path)
    assert "Občina Črenšovci" in latin2.stdout.decode("iso8859-2")

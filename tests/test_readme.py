"""The README shows real output: its `compliance check --year 2019 --date 2020-03-02` block is what the tool prints."""

from conftest import ROOT


def readme_block(command: str) -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(f"$ {command}") + 1
    end = lines.index("```", start)
    return "\n".join(lines[start:end]) + "\n"


def test_readme_shows_the_real_check_output(cli):
    # as on a terminal 100 columns wide, the width the README's block is shown at
    result = cli("check", "--year", "2019", "--date", "2020-03-02", env={"COLUMNS": "100"})
    assert result.exit_code == 0
    assert result.stdout == readme_block("compliance check --year 2019 --date 2020-03-02")

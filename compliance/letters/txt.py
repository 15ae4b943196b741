"""The letter as plain text (`<id>.txt`, and the e-mail's text part)."""

from __future__ import annotations

from pathlib import Path

from compliance.letters import TEMPLATES_DIR, templating
from compliance.letters.compose import Letter

TEMPLATE = "letter.txt.j2"


def render(letter: Letter, templates_dir: Path = TEMPLATES_DIR) -> str:
    return templating.render(templates_dir, TEMPLATE, letter.context(), autoescape=False)

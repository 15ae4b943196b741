"""The letter as print-ready HTML (A4), every value escaped (`<id>.html`, the e-mail's HTML part)."""

from __future__ import annotations

from pathlib import Path

from compliance.letters import TEMPLATES_DIR, templating
from compliance.letters.compose import Letter

TEMPLATE = "letter.html.j2"


def render(letter: Letter, templates_dir: Path = TEMPLATES_DIR) -> str:
    return templating.render(templates_dir, TEMPLATE, letter.context(), autoescape=True)

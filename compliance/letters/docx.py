"""The letter as an editable Word document (`<id>.docx`), from `compliance/bundled/templates/letter.docx`.

Letters are records of the Office: the same letter must give the same bytes, so the
document's dates come from the letter's date and the zip entries get fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.letters import TEMPLATES_DIR, templating
from compliance.letters.compose import Letter
from compliance.zipfix import reproducible

TEMPLATE = "letter.docx"


def render(letter: Letter, templates_dir: Path = TEMPLATES_DIR) -> bytes:
    from docxtpl import DocxTemplate

    from compliance import sandbox

    path = Path(templates_dir) / TEMPLATE
    if not path.is_file():
        raise ComplianceError(msg("letters.template_not_found", path=display_path(path)))
    try:
        template = DocxTemplate(str(path))
        # The bounded sandbox of the other templates (a letter.docx can come from anyone's
        # --templates-dir); its lines are those of docxtpl's XML, so the message names the file.
        # autoescape: a value with & or < must not break the document's XML
        with sandbox.failures():
            template.render(letter.context(), jinja_env=sandbox.environment(), autoescape=True)
    except sandbox.RenderError as exc:
        exc.line = None
        raise templating.failed(path, exc) from None
    props = template.docx.core_properties
    moment = dt.datetime.combine(letter.date, dt.time(0, 0))
    props.created = props.modified = moment
    props.last_printed = moment
    props.revision = 1
    props.title = letter.subject
    props.subject = letter.number
    props.author = props.last_modified_by = letter.office.office.name
    out = io.BytesIO()
    template.save(out)
    return reproducible(out.getvalue())

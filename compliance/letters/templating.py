"""Rendering the staff-editable Jinja2 templates of `compliance/bundled/templates/`.

A template that staff broke while editing is a user error naming the file and line, not a
traceback; an unknown variable is an error, never a silently empty line in a letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg


def render(templates_dir: Path, name: str, context: dict[str, Any], autoescape: bool) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    path = Path(templates_dir) / name
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound:
        raise ComplianceError(msg("letters.template_not_found", path=display_path(path))) from None
    except jinja2.TemplateSyntaxError as exc:
        raise ComplianceError(msg("letters.template_error", path=f"{display_path(path)}:{exc.lineno}", reason=exc.message)) from None
    except jinja2.UndefinedError as exc:
        raise ComplianceError(msg("letters.template_error", path=display_path(path), reason=exc.message)) from None

"""Rendering the staff-editable Jinja2 templates of `compliance/bundled/templates/` (or of a
`--templates-dir`, which can be anyone's folder).

They render in the bounded sandbox the rule templates use (`compliance.sandbox`): a template
cannot reach Python's internals, nor run for hours or make gigabytes. A template that staff
broke while editing, or a hostile one, is a user error naming the file (and line), not a
traceback; an unknown variable is an error, never a silently empty line in a letter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg


def render(templates_dir: "Path | Sequence[Path]", name: str, context: dict[str, Any], autoescape: bool,
           filters: Optional[dict[str, Callable[..., Any]]] = None, **bounds: int) -> str:
    """`name` from the first folder that has it; `bounds` are sandbox.environment's
    max_output / max_operations (a report over every municipality needs more than a letter)."""
    import jinja2

    from compliance import sandbox

    folders = [Path(templates_dir)] if isinstance(templates_dir, (str, Path)) else [Path(f) for f in templates_dir]
    env = sandbox.environment(
        loader=jinja2.FileSystemLoader([str(f) for f in folders]),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        **bounds,
    )
    env.filters.update(filters or {})
    path = folders[0] / name
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise ComplianceError(msg("letters.template_not_found", path=display_path(path))) from None
    except jinja2.TemplateSyntaxError as exc:
        where = Path(exc.filename) if exc.filename else path
        raise ComplianceError(msg("letters.template_error", path=f"{display_path(where)}:{exc.lineno}", reason=exc.message)) from None
    try:
        return sandbox.render(template, context)
    except sandbox.RenderError as exc:
        raise failed(Path(template.filename or path), exc) from None


def failed(path: Path, exc: Any) -> ComplianceError:
    """The user error for a template that failed while rendering (a sandbox.RenderError)."""
    where = display_path(path) + (f":{exc.line}" if exc.line else "")
    return ComplianceError(msg("letters.template_error", path=where, reason=exc.reason))

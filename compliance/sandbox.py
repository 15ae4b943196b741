"""Rendering Jinja2 text that staff write (rule messages and letter paragraphs) safely.

Rule files are edited by staff and passed around by e-mail, so a template in one of them is
untrusted: it renders in Jinja2's `SandboxedEnvironment` (no attribute walk to `os`, no
`__class__`), with bounds on what a template can make (string and list repetition, powers,
ranges, the size of the output), and every failure at render time, whatever Python raises,
becomes one `RenderError` the caller turns into a located message.
"""

from __future__ import annotations

import operator
import re
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from compliance.messages import msg

# A rule message or letter paragraph is a few sentences; 100 000 characters is far beyond
# any real one and small enough to render in milliseconds.
MAX_OUTPUT = 100_000
MAX_EXPONENT = 64  # `10 ** 64` is plenty; `10 ** 10 ** 10` would never finish
# A width or precision of six digits or more in a format string ('{:>1000000}', '%9999999s').
_HUGE_WIDTH = re.compile(r"[:%][^}%a-zA-Z]*\d{6,}")


class RenderError(Exception):
    """A template failed while rendering; `reason` (a catalog Message) says why."""

    def __init__(self, reason: Any):
        self.reason = reason
        super().__init__(reason)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox with bounds on the operators that can make huge values."""

    intercepted_binops = frozenset({"*", "**", "+"})

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if _size(seq) and isinstance(times, int) and _size(seq) * max(times, 0) > MAX_OUTPUT:
                    raise RenderError(msg("sandbox.too_long", limit=MAX_OUTPUT))
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise RenderError(msg("sandbox.exponent", limit=MAX_EXPONENT))
            return operator.pow(left, right)
        if _size(left) + _size(right) > MAX_OUTPUT:
            raise RenderError(msg("sandbox.too_long", limit=MAX_OUTPUT))
        return operator.add(left, right)


    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        # str methods that pad or repeat ('x'.center(10**9), '{:>9999999}'.format(1)).
        # (the sandbox hands out str.format wrapped: the method is `__wrapped__`)
        method = getattr(__obj, "__wrapped__", __obj)
        if isinstance(getattr(method, "__self__", None), str):
            _check_bounds(method.__self__, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


def _check_bounds(text: str, args: tuple, kwargs: dict) -> None:
    if any(isinstance(a, int) and abs(a) > MAX_OUTPUT for a in (*args, *kwargs.values())):
        raise RenderError(msg("sandbox.width", limit=MAX_OUTPUT))
    if _HUGE_WIDTH.search(text):
        raise RenderError(msg("sandbox.width", limit=99999))


def _bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
    from jinja2.filters import do_format

    _check_bounds(str(value), (), {})
    return do_format(value, *args, **kwargs)


def environment() -> BoundedSandbox:
    # Undefined names are errors, so a typo cannot print an empty message.
    env = BoundedSandbox(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.filters["format"] = _bounded_format
    return env


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The template's text, or RenderError for anything that goes wrong on the way."""
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise RenderError(msg("sandbox.too_long", limit=MAX_OUTPUT))
            parts.append(chunk)
        return "".join(parts)
    except RenderError:
        raise
    except jinja2.sandbox.SecurityError as exc:
        raise RenderError(msg("sandbox.unsafe", reason=str(exc))) from None
    except RecursionError:
        raise RenderError(msg("sandbox.recursion")) from None
    except MemoryError:
        raise RenderError(msg("sandbox.memory")) from None
    except jinja2.TemplateError as exc:
        raise RenderError(exc.message or type(exc).__name__) from None
    except Exception as exc:  # whatever the template's own code raised: 1 // 0, 2019 + 'x'
        raise RenderError(msg("sandbox.failed", reason=f"{type(exc).__name__}: {exc}")) from None

"""Rendering Jinja2 text that staff write (rule messages, letter paragraphs, the letter and
report templates) safely.

Rule files are edited by staff and passed around by e-mail, and a template folder can be
anyone's (`--templates-dir`), so every template is untrusted: it renders in Jinja2's
`SandboxedEnvironment` (no attribute walk to `os`, no `__class__`), with bounds on what a
template can make (repetition, concatenation, joining and replacing, padding, powers, ranges,
the size of the output) and
on how long it can work: each loop iteration and each call spends one operation of the
rendering's budget, so loops that print nothing cannot run for hours. Every failure at
render time, whatever Python raises, becomes one `RenderError` the caller turns into a
located message.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import operator
import re
import traceback
from typing import Any, Iterable, Iterator, Optional

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SandboxedEnvironment

from compliance.messages import msg

# A rule message or letter paragraph is a few sentences; 100 000 characters is far beyond
# any real one and small enough to render in milliseconds.
MAX_OUTPUT = 100_000
# Loop iterations and calls in one rendering: a letter takes a few hundred, a rule message a
# handful; 100 000 take about a tenth of a second.
MAX_OPERATIONS = 100_000
MAX_EXPONENT = 64  # `10 ** 64` is plenty; `10 ** 10 ** 10` would never finish
# A width or precision of six digits or more in a format string ('{:>1000000}', '%9999999s').
_HUGE_WIDTH = re.compile(r"[:%][^}%a-zA-Z]*\d{6,}")


class RenderError(Exception):
    """A template failed while rendering; `reason` (a catalog Message) says why, `line` is the
    template's line where that is known."""

    def __init__(self, reason: Any, line: Optional[int] = None):
        self.reason = reason
        self.line = line
        super().__init__(reason)


# [operations left, budget] of the rendering under way (one per rendering, shared by the
# templates it includes); None outside a rendering.
_BUDGET: contextvars.ContextVar[Optional[list[int]]] = contextvars.ContextVar("template_budget", default=None)


@contextlib.contextmanager
def _budget(operations: int) -> Iterator[None]:
    if _BUDGET.get() is not None:  # an included template or a nested rendering: same budget
        yield
        return
    token = _BUDGET.set([operations, operations])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _spend(operations: int = 1) -> None:
    left = _BUDGET.get()
    if left is not None:
        left[0] -= operations
        if left[0] < 0:
            raise RenderError(msg("sandbox.operations", limit=left[1]))


def _charged(filter_: Any) -> Any:
    """The filter, spending one operation per item of the collection it is given (one for
    anything else): `range(99999) | map('string') | sort` inside a loop is as much work as
    loops are. (A text costs one: what filters make of texts is bounded by its size.)"""
    given = 1 if getattr(filter_, "jinja_pass_arg", None) is not None else 0  # after the context

    @functools.wraps(filter_)  # keeps jinja_pass_arg
    def charged(*args: Any, **kwargs: Any) -> Any:
        value = args[given] if len(args) > given else None
        _spend(len(value) if isinstance(value, (list, tuple, dict, set, frozenset, range)) else 1)
        return filter_(*args, **kwargs)

    return charged


class _BudgetedTemplate(jinja2.Template):
    """A template whose rendering has an operation budget (`BoundedSandbox.max_operations`)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with _budget(self.environment.max_operations):  # type: ignore[attr-defined]
            return super().render(*args, **kwargs)

    def generate(self, *args: Any, **kwargs: Any) -> Iterator[str]:
        with _budget(self.environment.max_operations):  # type: ignore[attr-defined]
            yield from super().generate(*args, **kwargs)


class _CountedLoops(CodeGenerator):
    """Compiles every `{% for %}` to iterate through `environment.counted(...)`, so that each
    item spends an operation (Jinja2's compiled loops call nothing the sandbox could watch)."""

    def visit_For(self, node: nodes.For, frame: Any) -> None:
        counted = node.iter
        if not (isinstance(counted, nodes.Call) and isinstance(counted.node, nodes.EnvironmentAttribute)):
            node.iter = nodes.Call(nodes.EnvironmentAttribute("counted"), [counted], [], None, None, lineno=counted.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        # `a ~ b` joins without an operator the sandbox intercepts: `{% set a = a ~ a %}`
        # twenty times would double a text into gigabytes
        self.write("environment.bounded_text(")
        super().visit_Concat(node, frame)
        self.write(")")


def _too_long(size: int, limit: int = MAX_OUTPUT) -> None:
    if size > limit:
        raise RenderError(msg("sandbox.too_long", limit=limit))


def _text_size(items: list[Any]) -> int:
    return sum(len(item) if isinstance(item, str) else len(str(item)) for item in items)


def _size(value: Any, limit: int = MAX_OUTPUT) -> int:
    """How long a value is as text, roughly: a string's length, a list's items' sizes (nested
    lists too) and one per item; counting stops once past `limit`, so a huge list costs little."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if not isinstance(value, (list, tuple)):
        return 0
    total = len(value)
    for item in value:
        total += _size(item, limit)
        if total > limit:
            break
    return total


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox with bounds on the operators that can make huge values, on the size of the
    output (`max_output` characters) and on the work (`max_operations` loop iterations and calls)."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = _BudgetedTemplate
    code_generator_class = _CountedLoops

    def __init__(self, max_output: int = MAX_OUTPUT, max_operations: int = MAX_OPERATIONS, **options: Any):
        super().__init__(**options)
        self.max_output = max_output
        self.max_operations = max_operations

    def counted(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            _spend()
            yield item

    def bounded_text(self, text: Any) -> Any:
        _too_long(len(text), self.max_output)
        return text

    def concat(self, parts: Iterable[str]) -> str:
        """The output, stopped as soon as it passes `max_output` (Template.render joins with it)."""
        out: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            if size > self.max_output:
                raise RenderError(msg("sandbox.too_long", limit=self.max_output))
            out.append(part)
        return "".join(out)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        limit = self.max_output
        if operator_name == "*":
            # [('x' * 100000)] * 100000 is a short list of a long text: the text is what grows
            for seq, times in ((left, right), (right, left)):
                if isinstance(times, int) and _size(seq, limit) * max(times, 0) > limit:
                    raise RenderError(msg("sandbox.too_long", limit=limit))
            return operator.mul(left, right)
        if operator_name == "**":
            if isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise RenderError(msg("sandbox.exponent", limit=MAX_EXPONENT))
            return operator.pow(left, right)
        if operator_name == "%":
            if isinstance(left, str):  # printf-style: '%-999999999s' % x, '%*s' % (10**9, x)
                _check_bounds(left, right if isinstance(right, tuple) else (right,), {})
            return operator.mod(left, right)
        if _size(left, limit) + _size(right, limit) > limit:
            raise RenderError(msg("sandbox.too_long", limit=limit))
        return operator.add(left, right)


    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _spend()  # every call, macros included (a macro calling itself twice is 2**depth calls)
        if isinstance(__obj, jinja2.runtime.LoopContext) and args:
            # a recursive loop's `loop(items)` iterates outside the counted `for`: count its items
            args = (list(__self.counted(args[0])), *args[1:])
        # str methods that pad or repeat ('x'.center(10**9), '{:>9999999}'.format(1)).
        # (the sandbox hands out str.format wrapped: the method is `__wrapped__`)
        method = getattr(__obj, "__wrapped__", __obj)
        if isinstance(getattr(method, "__self__", None), str):
            _check_bounds(method.__self__, args, kwargs)
            name = getattr(method, "__name__", "")
            if name == "join" and args:
                args = (list(args[0]), *args[1:])  # counted once, then joined
                _too_long(len(method.__self__) * max(len(args[0]) - 1, 0) + _text_size(args[0]), __self.max_output)
            elif name == "replace" and len(args) >= 2:
                _too_long(_replaced_size(method.__self__, *args[:3]), __self.max_output)
            elif name == "expandtabs":
                tab = args[0] if args else kwargs.get("tabsize", 8)
                _too_long(len(method.__self__) + method.__self__.count("\t") * (tab if isinstance(tab, int) else 8),
                          __self.max_output)
        return super().call(__context, __obj, *args, **kwargs)


def _check_bounds(text: str, args: tuple, kwargs: dict) -> None:
    if any(isinstance(a, int) and abs(a) > MAX_OUTPUT for a in (*args, *kwargs.values())):
        raise RenderError(msg("sandbox.width", limit=MAX_OUTPUT))
    if _HUGE_WIDTH.search(text):
        raise RenderError(msg("sandbox.width", limit=99999))


def _replaced_size(text: Any, old: Any, new: Any, count: Any = None) -> int:
    """The length of text.replace(old, new, count), from the number of matches."""
    text, old, new = str(text), str(old), str(new)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


# Filters that can make a text far longer than what they are given, checked before they do.

@jinja2.pass_eval_context
def _bounded_join(eval_ctx: Any, value: Any, d: str = "", attribute: Any = None) -> str:
    from jinja2.filters import do_join

    items = list(value)
    _too_long(len(str(d)) * max(len(items) - 1, 0) + (_text_size(items) if attribute is None else 0),
              eval_ctx.environment.max_output)
    return do_join(eval_ctx, items, d, attribute)


@jinja2.pass_eval_context
def _bounded_replace(eval_ctx: Any, s: Any, old: Any, new: Any, count: Optional[int] = None) -> str:
    from jinja2.filters import do_replace

    _too_long(_replaced_size(s, old, new, count), eval_ctx.environment.max_output)
    return do_replace(eval_ctx, s, old, new, count)


def _bounded_center(value: Any, width: int = 80) -> str:
    from jinja2.filters import do_center

    _check_bounds("", (width,), {})
    return do_center(value, width)


@jinja2.pass_eval_context
def _bounded_indent(eval_ctx: Any, s: Any, width: Any = 4, first: bool = False, blank: bool = False) -> str:
    from jinja2.filters import do_indent

    text = str(s)
    _too_long(len(text) + (text.count("\n") + 1) * (width if isinstance(width, int) else len(str(width))),
              eval_ctx.environment.max_output)
    return do_indent(s, width, first, blank)


def _bounded_format(value: Any, *args: Any, **kwargs: Any) -> str:
    from jinja2.filters import do_format

    _check_bounds(str(value), (), {})
    return do_format(value, *args, **kwargs)


def environment(**options: Any) -> BoundedSandbox:
    """The bounded sandbox; `options` are Jinja2's (loader, autoescape, trim_blocks...) and the
    bounds `max_output`, `max_operations`. Undefined names are errors, so a typo cannot print
    an empty message."""
    options.setdefault("undefined", jinja2.StrictUndefined)
    options.setdefault("autoescape", False)
    options.setdefault("keep_trailing_newline", False)
    env = BoundedSandbox(**options)
    env.filters.update(format=_bounded_format, join=_bounded_join, replace=_bounded_replace,
                       center=_bounded_center, indent=_bounded_indent)
    env.globals.pop("lipsum", None)  # random text: the same data must give the same letters
    env.filters = {name: _charged(filter_) for name, filter_ in env.filters.items()}
    return env


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The template's text, or RenderError for anything that goes wrong on the way."""
    with failures(template):
        return template.render(context)


@contextlib.contextmanager
def failures(template: Optional[jinja2.Template] = None) -> Iterator[None]:
    """Whatever a rendering raises, as a RenderError (with the template's line where the
    traceback has it). For renderings started by a library (docxtpl renders its own parts)."""
    try:
        yield
    except RenderError as exc:
        raise RenderError(exc.reason, exc.line or _line(exc, template)) from None
    except jinja2.sandbox.SecurityError as exc:
        raise RenderError(msg("sandbox.unsafe", reason=_unsafe(exc)), _line(exc, template)) from None
    except RecursionError:
        raise RenderError(msg("sandbox.recursion")) from None
    except MemoryError:
        raise RenderError(msg("sandbox.memory")) from None
    except jinja2.TemplateSyntaxError as exc:  # in a template included while rendering
        raise RenderError(exc.message or type(exc).__name__, exc.lineno) from None
    except jinja2.TemplateError as exc:
        raise RenderError(exc.message or type(exc).__name__, _line(exc, template)) from None
    except Exception as exc:  # whatever the template's own code raised: 1 // 0, 2019 + 'x'
        raise RenderError(msg("sandbox.failed", reason=f"{type(exc).__name__}: {exc}"), _line(exc, template)) from None


def _unsafe(exc: Exception) -> Any:
    """Jinja2's usual refusal in the user's language; any other in Jinja2's words."""
    found = re.match(r"access to attribute '([^']*)' of '([^']*)' object is unsafe", str(exc))
    return msg("sandbox.attribute", name=found[1], kind=found[2]) if found else str(exc)


def _line(exc: BaseException, template: Optional[jinja2.Template]) -> Optional[int]:
    """The template line Jinja2 put in the traceback (it rewrites template frames to them)."""
    if template is None:
        return None
    name = template.filename or "<template>"
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__) if frame.filename == name]
    return lines[-1] if lines else None

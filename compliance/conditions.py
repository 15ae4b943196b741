"""The condition language of the rule files: durable-rules' JSON conditions, checked.

Rule files write conditions exactly as durable-rules takes them (YAML is only a nicer
spelling of the same JSON), restricted to what the project has measured to work:

    {field: value}                      equality
    {"$lt"|"$lte"|"$gt"|"$gte"|"$neq": {field: value}}
    {"$ex"|"$nex": {field: 1}}          the fact states / does not state the field
    {"$and"|"$or": [condition, ...]}
    value may be {"$m": field}: another field of the same fact

`problems` explains what is wrong in words a rule author can act on (durable-rules itself
only says "error code: 202"); `evaluate` is a plain-Python evaluator with the semantics
measured on durable-rules (a missing field fails every test except `$nex`), used as the
benchmark's floor and to cross-check the engine.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable, Iterator, Mapping

from compliance.facts import FIELDS
from compliance.messages import Message, msg
from compliance.suggest import closest

COMPARISONS = {
    "$lt": lambda a, b: a < b,
    "$lte": lambda a, b: a <= b,
    "$gt": lambda a, b: a > b,
    "$gte": lambda a, b: a >= b,
    "$neq": lambda a, b: a != b,
}
EXISTENCE = ("$ex", "$nex")
LOGICAL = ("$and", "$or")
OPERATORS = (*COMPARISONS, *EXISTENCE, *LOGICAL)


def _field_problem(field: Any) -> Message | None:
    if isinstance(field, str) and field in FIELDS:
        return None
    hint = closest(str(field), FIELDS)
    if hint:
        return msg("cond.unknown_field_hint", field=field, hint=", ".join(hint))
    return msg("cond.unknown_field", field=field, known=", ".join(FIELDS))


def _value_problem(field: str, value: Any, ordering: bool) -> Message | None:
    if isinstance(value, Mapping):
        if list(value) != ["$m"]:
            return msg("cond.value_shape", field=field, value=dict(value))
        return _field_problem(value["$m"])
    if value is None:
        # durable-rules treats null as a value; facts leave unstated fields out instead
        return msg("cond.null", field=field)
    kind = FIELDS[field]
    if issubclass(kind, Enum):
        allowed = [member.value for member in kind]
        if ordering:
            return msg("cond.category_ordering", field=field)
        if value not in allowed:
            hint = closest(str(value), allowed)
            if hint:
                return msg("cond.unknown_value_hint", field=field, value=value, allowed=", ".join(allowed), hint=hint[0])
            return msg("cond.unknown_value", field=field, value=value, allowed=", ".join(allowed))
        return None
    if kind is bool and not isinstance(value, bool):
        return msg("cond.expected_bool", field=field, value=value)
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        return msg("cond.expected_int", field=field, value=value)
    return None


def place(path: tuple) -> str:
    """`("when", "$and", 2, "wb_meetings")` -> `when.$and[2].wb_meetings`."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


def problems(condition: Any, where: tuple = ("when",)) -> Iterator[tuple[tuple, Message]]:
    """(path, message) for everything wrong in a condition; nothing when it is valid.

    The path leads to the wrong part through the condition's keys and list indices.
    """
    if not isinstance(condition, Mapping) or len(condition) != 1:
        yield where, msg("cond.shape", operators=", ".join(OPERATORS))
        return
    (key, body), = condition.items()
    here = (*where, key)
    if key in LOGICAL:
        if not isinstance(body, list) or not body:
            yield here, msg("cond.logical_list", key=key)
            return
        for index, part in enumerate(body):
            yield from problems(part, (*here, index))
    elif key in COMPARISONS or key in EXISTENCE:
        if not isinstance(body, Mapping) or len(body) != 1:
            yield here, msg("cond.comparison_shape", key=key)
            return
        (field, value), = body.items()
        problem = _field_problem(field)
        if problem is None and key in EXISTENCE and value != 1:
            problem = msg("cond.existence", key=key)
        elif problem is None and key in COMPARISONS:
            problem = _value_problem(field, value, ordering=key != "$neq")
        if problem:
            yield (*here, field), problem
    elif isinstance(key, str) and key.startswith("$"):
        yield here, msg("cond.unknown_operator", key=key, operators=", ".join(OPERATORS))
    elif isinstance(body, Mapping) and set(body) & set(OPERATORS):
        yield here, msg("cond.inverted", key=key)
    else:
        problem = _field_problem(key) or _value_problem(key, body, ordering=False)
        if problem:
            yield here, problem


def fields(condition: Any) -> set[str]:
    """The fact fields a (valid) condition reads, references `$m` included."""
    (key, body), = condition.items()
    if key in LOGICAL:
        return set().union(*(fields(part) for part in body))
    if key in COMPARISONS or key in EXISTENCE:
        (field, value), = body.items()
    else:
        field, value = key, body
    found = {field}
    if isinstance(value, Mapping):
        found.add(value["$m"])
    return found


def guarded(condition: Mapping[str, Any]) -> dict[str, Any]:
    """The condition with each `$m` comparison preceded by `$ex` of both its fields.

    durable-rules compares a reference to a field the fact lacks with that field of another
    fact in the same batch (measured: `{year: {$m: stated_in}}` matched a fact without
    `stated_in` when another fact had one); the guard gives the documented semantics, a
    missing field fails the test, whatever else is in the batch."""
    (key, body), = condition.items()
    if key in LOGICAL and isinstance(body, list):
        return {key: [guarded(part) if isinstance(part, Mapping) and len(part) == 1 else part for part in body]}
    if key in COMPARISONS and isinstance(body, Mapping) and len(body) == 1:
        (field, value), = body.items()
    else:
        field, value = key, body
    if isinstance(value, Mapping) and list(value) == ["$m"]:
        return {"$and": [{"$ex": {field: 1}}, {"$ex": {value["$m"]: 1}}, dict(condition)]}
    return dict(condition)  # anything else as written (durable-rules judges what it accepts)


_MISSING = object()


def _equal(a: Any, b: Any) -> bool:
    return a == b


def compile(condition: Mapping[str, Any]) -> Callable[[Mapping[str, Any]], bool]:
    """A (valid) condition as a Python predicate over a fact, as durable-rules decides it:
    a missing field fails every test except `$nex`."""
    (key, body), = condition.items()
    if key in LOGICAL:
        parts = [compile(part) for part in body]
        if key == "$and":
            return lambda fact: all(part(fact) for part in parts)
        return lambda fact: any(part(fact) for part in parts)
    if key in EXISTENCE:
        (field, _), = body.items()
        present = key == "$ex"
        return lambda fact: (field in fact) is present
    if key in COMPARISONS:
        (field, value), = body.items()
        test = COMPARISONS[key]
    else:
        field, value, test = key, body, _equal
    if isinstance(value, Mapping):
        other = value["$m"]

        def against_field(fact: Mapping[str, Any]) -> bool:
            left, right = fact.get(field, _MISSING), fact.get(other, _MISSING)
            return left is not _MISSING and right is not _MISSING and test(left, right)

        return against_field

    def against_value(fact: Mapping[str, Any]) -> bool:
        left = fact.get(field, _MISSING)
        return left is not _MISSING and test(left, value)

    return against_value


def evaluate(condition: Mapping[str, Any], fact: Mapping[str, Any]) -> bool:
    """Whether a (valid) condition holds for a fact, as durable-rules decides it."""
    return compile(condition)(fact)

"""Reading YAML while remembering where every mapping and key stands in the file.

Validation errors must name the line, so mappings are loaded as `Located` dicts that know
their own line and the line of each key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import yaml

from compliance.errors import DataError, Problem
from compliance.messages import PydanticMessage, msg


class Located(dict):
    """A YAML mapping with the 1-based line of itself (`line`) and of each key (`key_lines`)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


# The C parser (libyaml) where PyYAML was built with it: several times faster.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, msg("yaml.duplicate_key", key=key), key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load(path: Path) -> Any:
    """Parse a YAML file; malformed YAML or an unreadable file becomes a located DataError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(path, msg("file.not_found"))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(path, msg("file.unreadable", reason=exc))]) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(path, msg("yaml.malformed", reason=reason), line=line)]) from None


def line_at(data: Any, loc: Sequence[Any]) -> int | None:
    """The line of the deepest located node on the path `loc` (a pydantic error location)."""
    line = getattr(data, "line", None)
    node = data
    for key in loc:
        if isinstance(node, Located) and key in node:
            line = node.line_of(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
            line = getattr(node, "line", line)
        else:
            break
    return line


def validation_problems(
    path: Path, raw: Any, exc: Exception, municipality: str | None = None
) -> list[Problem]:
    """One located Problem per error in a pydantic ValidationError raised for `raw`."""
    problems = []
    for error in exc.errors():  # type: ignore[attr-defined]
        loc = [part for part in error["loc"]]
        field = ".".join(str(part) for part in loc) or None
        message = PydanticMessage.of(error)
        problems.append(
            Problem(path, message, line=line_at(raw, loc), municipality=municipality, field=field)
        )
    return problems

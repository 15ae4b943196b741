"""Reading YAML while remembering where every mapping and key stands in the file.

Validation errors must name the line, so mappings are loaded as `Located` dicts that know
their own line and the line of each key.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Sequence

from compliance.errors import DataError, Problem
from compliance.messages import PydanticMessage, msg


class Located(dict):
    """A YAML mapping with the 1-based line of itself (`line`) and of each key (`key_lines`)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


@functools.lru_cache(maxsize=None)
def _loader() -> Any:
    """The loader class, made on first use: PyYAML is imported only when a file is read
    (a run whose inputs are cached reads none; compliance.cache)."""
    import yaml

    # The C parser (libyaml) where PyYAML was built with it: several times faster.
    class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        def construct_document(self, node: Any) -> Any:
            return _construct(self, node)

    _Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return _Loader


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_REFUSED = frozenset(f"tag:yaml.org,2002:{name}" for name in ("set", "omap", "pairs", "binary"))


def _construct(loader: Any, node: Any) -> Any:
    """The value of a node. Plain text, lists and mappings, nearly every node of a data
    file, are built here directly: PyYAML's general constructor (which also serves
    aliases, refused here) costs several times as much on a 30-year run. Other scalars
    (numbers, null, booleans, dates) and explicit tags go through PyYAML's own."""
    import yaml

    tag = node.tag
    kind = {_STR: yaml.ScalarNode, _MAP: yaml.MappingNode, _SEQ: yaml.SequenceNode}.get(tag)
    if kind is not None and not isinstance(node, kind) or tag in _REFUSED:
        # `!!str [a]`, `!!seq abc`; and sets (their order would follow the hash seed), binary
        raise yaml.constructor.ConstructorError(None, None, msg("yaml.tag", tag=tag.replace("tag:yaml.org,2002:", "!!")), node.start_mark)  # type: ignore[arg-type]  # a Message, worded when printed
    if tag == _STR:
        return node.value
    if tag == _MAP:
        return _construct_mapping(loader, node)
    if tag == _SEQ:
        return [_construct(loader, item) for item in node.value]
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: Any, node: Any) -> Located:
    import yaml

    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode):
            # A list or mapping key cannot be hashed, a number key cannot name a field.
            raise yaml.constructor.ConstructorError(None, None, msg("yaml.key_not_text"), key_node.start_mark)  # type: ignore[arg-type]  # a Message, worded when printed
        key = key_node.value
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, msg("yaml.duplicate_key", key=key), key_node.start_mark  # type: ignore[arg-type]  # as above
            )
        mapping[key] = _construct(loader, value_node)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


# Data files are a few hundred kilobytes; anything far larger is not one of them.
MAX_BYTES = 20_000_000


def _alias_line(text: str) -> int | None:
    """The line of the first alias (`*name`) in the text, if any.

    Aliases are refused: data files never need them, and an alias bomb (a billion-leaf
    tree from a few lines) would exhaust memory or time wherever the value is walked.
    """
    if "*" not in text:  # cheap test first: most files hold no asterisk at all
        return None
    import yaml

    for event in yaml.parse(text, Loader=_loader()):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1 if event.start_mark is not None else 1
    return None


def _read(path: Path) -> str:
    path = Path(path)
    try:
        if path.exists() and not path.is_file():
            raise DataError([Problem(path, msg("file.not_regular"))])
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DataError([Problem(path, msg("file.too_large", limit=MAX_BYTES // 1_000_000))])
        return data.decode("utf-8")
    except FileNotFoundError:
        raise DataError([Problem(path, msg("file.not_found"))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError([Problem(path, msg("file.unreadable", reason=exc))]) from None


def load(path: Path) -> Any:
    """Parse a YAML file; malformed YAML or an unreadable file becomes a located DataError.

    Aliases and keys that are not text are refused with their line.
    """
    import yaml

    text = _read(path)
    try:
        alias = _alias_line(text)
        if alias is not None:
            raise DataError([Problem(path, msg("yaml.alias"), line=alias)])
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise DataError([Problem(path, msg("yaml.malformed", reason=reason), line=line)]) from None


def unknown_keys(path: Path, raw: Located, allowed: Sequence[str]) -> list[Problem]:
    """A located problem for each top-level key of `raw` that the file format does not have
    (a misspelt key would otherwise be silently ignored)."""
    known = ", ".join(allowed)
    return [
        Problem(path, msg("yaml.unknown_key", key=key, known=known), line=raw.line_of(key), field=str(key))
        for key in raw
        if key not in allowed
    ]


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

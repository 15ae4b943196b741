"""A cache of parsed YAML trees, keyed by the file's bytes, for multi-year runs.

Parsing dominates a national-scale run (30 years of records are about 9 MB of YAML; the
YAML constructor costs about 50 ms per year, twice the rules). A tree parsed once is kept
as JSON under the user's cache folder, named by the sha256 of the text, the tool's
parser version and PyYAML's; the same text gives the same tree, with the same lines.
Only large files are cached (small ones parse faster than they load). The cache is an
optimisation only: a missing, unreadable or corrupt entry is ignored and the file parsed;
a write that fails is skipped. `COMPLIANCE_CACHE_DIR` moves it, `off` turns it off.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable, Optional

CACHE_ENV = "COMPLIANCE_CACHE_DIR"
MIN_BYTES = 64_000
FORMAT = 1  # bump when the tree's shape (yamlfile.Located) changes
MISSING = object()


def folder() -> Optional[Path]:
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "no") else Path(value)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "compliance" / "yaml"


def _key(text: str) -> str:
    import yaml

    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(f"\0{FORMAT}\0{yaml.__version__}".encode())
    return digest.hexdigest()


def _encode(value: Any, located: Any) -> Any:
    if isinstance(value, located):
        return {"m": [[k, value.key_lines.get(k), _encode(v, located)] for k, v in value.items()], "l": value.line}
    if isinstance(value, list):
        return {"s": [_encode(v, located) for v in value]}
    if isinstance(value, dt.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(type(value).__name__)  # not cacheable: parse each time


def _decode(value: Any, located: Callable[[], Any]) -> Any:
    if not isinstance(value, dict):
        return value
    if "m" in value:
        mapping = located()
        mapping.line = value["l"]
        mapping.key_lines = {}
        for key, line, item in value["m"]:
            mapping[key] = _decode(item, located)
            mapping.key_lines[key] = line
        return mapping
    if "s" in value:
        return [_decode(v, located) for v in value["s"]]
    if "t" in value:
        return dt.datetime.fromisoformat(value["t"])
    return dt.date.fromisoformat(value["d"])


def get(text: str, located: Callable[[], Any]) -> Any:
    """The cached tree of `text`, or MISSING."""
    where = folder()
    if where is None or len(text) < MIN_BYTES:
        return MISSING
    try:
        return _decode(json.loads((where / f"{_key(text)}.json").read_bytes()), located)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return MISSING


def put(text: str, tree: Any, located: type) -> None:
    where = folder()
    if where is None or len(text) < MIN_BYTES:
        return
    try:
        data = json.dumps(_encode(tree, located), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        from compliance import atomic

        atomic.write_bytes(where / f"{_key(text)}.json", data)
    except (OSError, TypeError, ValueError, Exception):  # an optimisation only: never fail a run
        return

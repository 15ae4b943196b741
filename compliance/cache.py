"""A start-up cache that is never stale: validated data, the rule book, compiled templates.

Every run of `check` would otherwise parse the YAML, validate it, re-check the evidence
against the source and compile the rules' message templates, on inputs that rarely change
(benchmarks/startup.py measures the gain). An entry is used only when everything it was
made from is unchanged:

- the code: the bytes of every module of this package, the Python version, and the names
  (with versions) of every installed distribution on sys.path (pydantic, Jinja2, PyYAML...);
- the arguments (the folder's resolved path, the year);
- every file the computation opened, by content (sha256), whatever module opened it: reads
  are recorded with an audit hook (`sys.addaudithook`), so a file a future version reads is
  covered without this module knowing of it;
- the names of every file and folder under the input folders, so that a file appearing or
  disappearing (read only when it exists) is a change too.

Only successful results are stored (a run that finds problems reports them again next
time). Entries are written atomically under the user's cache folder (COMPLIANCE_CACHE_DIR
to move it, COMPLIANCE_NO_CACHE=1 to turn it off); an entry that cannot be read or written
is simply recomputed. Entries are pickles in the user's own folder: the same trust as the
`.pyc` files Python writes.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, TypeVar

T = TypeVar("T")
DIR_ENV = "COMPLIANCE_CACHE_DIR"
OFF_ENV = "COMPLIANCE_NO_CACHE"
_PACKAGE = Path(__file__).resolve().parent
_FORMAT = b"compliance-cache-1"


def enabled() -> bool:
    # COMPLIANCE_CACHE_DIR=off turns it off too
    return not os.environ.get(OFF_ENV) and os.environ.get(DIR_ENV, "x").strip().lower() not in ("", "off", "0", "no")


def directory() -> Path:
    if os.environ.get(DIR_ENV):
        return Path(os.environ[DIR_ENV])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "compliance" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "compliance"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "compliance"


@functools.lru_cache(maxsize=None)
def code_version() -> str:
    """sha256 of this package's modules, the Python version and the installed distributions."""
    digest = hashlib.sha256(_FORMAT)
    digest.update(f"{sys.version}|{sys.implementation.cache_tag}|{sys.executable}".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    for entry in sys.path:  # name-version.dist-info: any install, upgrade or removal changes it
        try:
            names = sorted(name for name in os.listdir(entry or ".") if name.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        if names:  # only folders with distributions: the script's or current folder is not code
            digest.update(f"{entry}:{','.join(names)}\n".encode())
    return digest.hexdigest()


def _sha256(path: str) -> Optional[str]:
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() if hasattr(hashlib, "file_digest") \
                else hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def _tree(root: str) -> Optional[str]:
    """sha256 of the relative names of everything under `root` (None: it does not exist)."""
    if not os.path.isdir(root):
        return None
    names = []
    own = os.path.abspath(directory())
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if os.path.join(os.path.abspath(folder), name) != own)
        relative = os.path.relpath(folder, root)
        names += [os.path.join(relative, name) + "/" for name in subfolders]
        names += [os.path.join(relative, name) for name in sorted(files)]
    return hashlib.sha256("\n".join(names).encode()).hexdigest()


def _listing(folder: str) -> Optional[str]:
    try:
        return hashlib.sha256("\n".join(sorted(os.listdir(folder))).encode()).hexdigest()
    except OSError:
        return None


# ---- Recording what a computation reads.
_recording: Optional[set[tuple[str, str]]] = None
_BUNDLED = str(_PACKAGE / "bundled")  # packaged data and rules: inputs, wherever installed
_CODE = tuple({str(_PACKAGE), sys.prefix, sys.base_prefix, sys.exec_prefix})  # in code_version


def _is_input(dependency: tuple[str, str]) -> bool:
    path = dependency[1]
    if path.startswith(_BUNDLED):
        return True
    if path.startswith(os.path.abspath(directory())):
        return False  # the caches' own files (the YAML parse cache is keyed by content)
    return not path.endswith((".py", ".pyc", ".so", ".pyd")) and not path.startswith(_CODE)


def _audit(event: str, args: tuple) -> None:
    if _recording is None:
        return
    if event == "open":
        path, mode = args[0], args[1]
        if isinstance(path, (str, bytes, os.PathLike)) and (mode is None or "r" in str(mode)):
            _recording.add(("file", os.path.abspath(os.fsdecode(path))))
    elif event in ("os.listdir", "os.scandir") and args and isinstance(args[0], (str, bytes, os.PathLike)):
        _recording.add(("listing", os.path.abspath(os.fsdecode(args[0]))))


sys.addaudithook(_audit)


def recording(compute: Callable[[], T]) -> tuple[T, set]:
    """compute() and the inputs it read (for work done in another process; see `note`)."""
    global _recording
    outer, _recording = _recording, set()
    try:
        return compute(), _recording
    finally:
        _recording = outer


def note(read: set) -> None:
    """Record inputs read elsewhere (a helper process) as read by the current computation."""
    if _recording is not None:
        _recording.update(read)


def _state(dependency: tuple[str, str]) -> Optional[str]:
    kind, path = dependency
    return {"file": _sha256, "listing": _listing, "tree": _tree}[kind](path)


def _entry(kind: str, key: Iterable[Any]) -> Path:
    digest = hashlib.sha256(f"{code_version()}|{kind}|{list(key)!r}".encode()).hexdigest()
    return directory() / kind / f"{digest}.pickle"


def _store(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only or full cache folder only costs speed


def memo(kind: str, key: Iterable[Any], compute: Callable[[], T], roots: Iterable[Path] = ()) -> T:
    """compute(), or its stored result when every input it read is unchanged (see above)."""
    global _recording
    if not enabled():
        return compute()
    key = list(key)
    path = _entry(kind, key)
    try:
        dependencies, payload = pickle.loads(path.read_bytes())
        if all(_state(dependency) == state for dependency, state in dependencies):
            return pickle.loads(payload)
    except Exception:  # missing, unreadable or from an older format: recompute
        pass
    outer, _recording = _recording, set()
    try:
        result = compute()
        read = _recording
    finally:
        _recording = outer if outer is None else outer | _recording
    read |= {("tree", os.path.abspath(root)) for root in roots}
    wanted = sorted(d for d in read if _is_input(d))
    dependencies = [(dependency, _state(dependency)) for dependency in wanted]
    try:
        data = pickle.dumps((dependencies, pickle.dumps(result, pickle.HIGHEST_PROTOCOL)), pickle.HIGHEST_PROTOCOL)
    except Exception:  # a result that cannot be pickled is simply not kept
        return result
    _store(path, data)
    return result


def template_code(environment: Any, source: str) -> Any:
    """The code object Jinja2 compiles `source` to, kept by the source text and code version
    (the compiled code depends on nothing else: Jinja2's version is in code_version)."""
    if not enabled():
        return environment.compile(source)
    path = _entry("templates", [type(environment).__qualname__, source])
    try:
        return marshal.loads(path.read_bytes())
    except Exception:
        pass
    code = environment.compile(source)
    _store(path, marshal.dumps(code))
    return code

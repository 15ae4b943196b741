"""Writing output files and folders so that a failed or killed run leaves nothing half-written.

A file is written to a temporary file beside it and renamed into place; a folder (a batch
of letters) is built beside the old one and swapped with it in one step. Temporary names
carry the writer's process id (`.NAME.PID-XXXX.tmp`, `.NAME.PID-XXXX.new`/`.old`), so the
next run recognises what a killed run left behind and removes it (or, for a folder caught
between the two renames of a swap, puts the complete old batch back). A failure to write
(no permission, a full disk, a read-only file system) is a message naming the path, not
a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import stat
import tempfile
import time
from pathlib import Path
from typing import Iterator, Mapping

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg

# What a leftover of this tool looks like: `.NAME.PID-RANDOM.KIND`.
_LEFTOVER = r"^\.{name}\.(?:(\d+)-)?[A-Za-z0-9_]+\.({kinds})$"
# Without a process id (older versions, or Windows where liveness is not probed): stale
# once this old.
_STALE_SECONDS = 3600
LOCK_WAIT_SECONDS = 30.0


class WriteError(ComplianceError):
    """Writing an output failed; the message names the path and the reason in words."""


_REASONS = {
    errno.EACCES: "write.permission",
    errno.EPERM: "write.permission",
    errno.ENOSPC: "write.no_space",
    errno.EDQUOT: "write.no_space",
    errno.EROFS: "write.read_only",
    errno.ENOENT: "write.no_folder",
    errno.ENOTDIR: "write.no_folder",
    errno.EISDIR: "write.is_folder",
}


def failure(path: Path, exc: OSError) -> WriteError:
    """The user's message for an OSError met while writing `path`."""
    reason = _REASONS.get(exc.errno or 0)
    detail = msg(reason) if reason else (exc.strerror or str(exc))
    return WriteError(msg("write.failed", path=display_path(path), reason=detail))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _leftovers(folder: Path, name: str, kinds: str) -> Iterator[tuple[Path, str]]:
    """This tool's temporary entries for `name` in `folder` whose writer is gone."""
    pattern = re.compile(_LEFTOVER.format(name=re.escape(name), kinds=kinds))
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        pid = match.group(1)
        if pid is not None and int(pid) != os.getpid() and os.name != "nt":
            if _alive(int(pid)):
                continue
        else:
            try:
                if time.time() - entry.lstat().st_mtime < _STALE_SECONDS:
                    continue
            except OSError:
                continue
        yield entry, match.group(2)


def _remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            entry.unlink()


def clean_leftovers(path: Path) -> None:
    """Remove what killed runs left beside `path`; a folder caught mid-swap gets its old
    (complete) contents back."""
    path = Path(path)
    folder, name = path.parent, path.name
    for entry, kind in sorted(_leftovers(folder, name, "tmp|new|old"), key=lambda e: e[1] != "old"):
        if kind == "old" and not os.path.lexists(path):
            try:
                os.rename(entry, path)  # the swap was cut between its two renames
            except OSError:
                pass  # kept as it is: never delete the only copy of a batch
            continue
        _remove(entry)


def check_target(path: Path, force: bool) -> None:
    """Refuse to replace an existing file without `force`, and anything but a regular file
    (a device such as /dev/full, a folder) at all."""
    path = Path(path)
    if path.is_dir():
        raise WriteError(msg("write.failed", path=display_path(path), reason=msg("write.is_folder")))
    if os.path.lexists(path):
        if path.exists() and not path.is_file():
            raise WriteError(msg("write.failed", path=display_path(path), reason=msg("file.not_regular")))
        if not force:
            raise WriteError(msg("write.exists", path=display_path(path)))


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename."""
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # a full disk shows here, not after the rename
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise failure(path, exc) from None
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


@contextlib.contextmanager
def folder_lock(folder: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (the parent of an output) while writing into it:
    a second run waits for the first, and after `wait` seconds gives up with a message.
    POSIX advisory lock on the folder itself, so nothing is left behind, even after a kill."""
    try:
        import fcntl
    except ImportError:  # Windows: renames there already refuse to replace a busy folder
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise failure(folder, exc) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WriteError(msg("write.busy", path=display_path(folder), seconds=int(wait))) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # releases the lock


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def write_folder(folder: Path, files: Mapping[str, bytes]) -> None:
    """Make `folder` hold exactly `files`, in one step: the new contents are built beside
    it and swapped in, and the old contents deleted only afterwards. A run killed at any
    moment leaves the complete old or the complete new folder (and leftovers the next run
    removes). The caller holds `folder_lock(folder.parent)` and decides whether an existing
    folder may be replaced."""
    folder = Path(folder)
    staging = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(folder)
        mode = 0o777 & ~_umask()  # an ordinary folder, not mkdtemp's private one
        if folder.is_dir():
            # The swap replaces the folder itself: it honours the folder's own permission
            # (a read-only folder stays as it is) and keeps its mode.
            if not os.access(folder, os.W_OK | os.X_OK):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(folder))
            mode = stat.S_IMODE(folder.stat().st_mode)
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.{os.getpid()}-", suffix=".new"))
        os.chmod(staging, mode)
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if not folder.exists():
            os.rename(staging, folder)
            return
        if _exchange(staging, folder):
            shutil.rmtree(staging, ignore_errors=True)  # now holds the old contents
            return
        # No atomic exchange here: old aside, new in. A kill between the two renames leaves
        # the old folder under its `.old` name, which the next run puts back.
        aside = staging.with_name(staging.name[: -len(".new")] + ".old")
        os.rename(folder, aside)
        os.rename(staging, folder)
        shutil.rmtree(aside, ignore_errors=True)
    except OSError as exc:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise failure(folder, exc) from None
    except BaseException:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise

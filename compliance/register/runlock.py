"""One `send` at a time per register: an operating-system file lock, released when the
process ends, however it ends (so a killed run never leaves a stale lock behind)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Iterator

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    fd = os.open(str(path), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            _lock(fd)
        except OSError:
            raise ComplianceError(msg("send.running", path=display_path(path))) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]  # Windows only
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

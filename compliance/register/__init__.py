"""The register of the follow-up cycle: letters, sending, replies, reminders, per year.

An SQLite database in the data folder (`<data folder>/register.sqlite`, so `--data-dir`
moves it too). `schema` creates and migrates it, `store` reads and changes it (every
change in one transaction, with an event in the append-only `events` table), `cases`
says where each municipality's case stands, `smtp` sends the recorded letters.
"""

from __future__ import annotations

from pathlib import Path

from compliance import paths

FILENAME = "register.sqlite"


def is_packaged(data_dir: Path) -> bool:
    """The sample data shipped inside the package: never a place for the Office's register."""
    try:
        Path(data_dir).resolve().relative_to(paths.BUNDLED.resolve())
        return True
    except ValueError:
        return False


def register_file(data_dir: Path) -> Path:
    """`<data folder>/register.sqlite`; the packaged sample data has none (a clear error)."""
    from compliance.errors import ComplianceError
    from compliance.messages import msg

    if is_packaged(data_dir):
        raise ComplianceError(msg("register.packaged_data", path=Path(data_dir)))
    return Path(data_dir) / FILENAME

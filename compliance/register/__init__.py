"""The register of the follow-up cycle: letters, sending, replies, reminders, per year.

An SQLite database in the data folder (`<data folder>/register.sqlite`, so `--data-dir`
moves it too). `schema` creates and migrates it, `store` reads and changes it (every
change in one transaction, with an event in the append-only `events` table), `cases`
says where each municipality's case stands, `smtp` sends the recorded letters.
"""

from __future__ import annotations

from pathlib import Path

FILENAME = "register.sqlite"


def register_file(data_dir: Path) -> Path:
    return Path(data_dir) / FILENAME

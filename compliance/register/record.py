"""Recording a written batch of letters in the register, from the batch's own manifest.

The manifest (`manifest.json`) lists each letter's number, deadline, recipients and files;
the register keeps those and every file's sha256, so that `send` can refuse a file that
changed after it was written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Optional

from compliance.letters.batch import MANIFEST
from compliance.register.store import Register


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def record_batch(register: Register, files: dict[str, bytes], folder: Path, kind: str,
                 cites: Optional[dict[str, int]] = None) -> list[int]:
    """Record every letter of a rendered batch (inside the caller's transaction)."""
    manifest = json.loads(files[MANIFEST])
    date = dt.date.fromisoformat(manifest["date"])
    recorded = []
    for entry in manifest["letters"]:
        names = {fmt: name for fmt, name in entry["files"].items() if name in files}
        recorded.append(register.record_letter(
            year=manifest["year"],
            municipality=entry["municipality"],
            kind=kind,
            number=entry["number"],
            date=date,
            deadline=dt.date.fromisoformat(entry["deadline"]),
            subject=entry["subject"],
            recipients=entry["recipients"],  # the letter's own: the registry's less those flagged as doubtful
            folder=folder,
            files={fmt: (name, sha256(files[name])) for fmt, name in names.items()},
            cites=(cites or {}).get(entry["municipality"]),
            draft=bool(entry.get("draft", False)),
            reasons=entry.get("reasons"),
        ))
    return recorded

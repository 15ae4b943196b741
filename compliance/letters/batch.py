"""A batch of letters: every file rendered in memory, then written all at once or not at all.

A failed run leaves the output folder as it was; an existing file is never replaced
without `force`. Letters are records of the Office, so a re-run with the same data, rules
and date reproduces every file byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.letters import FORMATS, TEMPLATES_DIR
from compliance.letters.compose import Letter
from compliance.letters.typography import plain

MANIFEST = "manifest.json"


def render_letter(letter: Letter, formats: Iterable[str], templates_dir: Path = TEMPLATES_DIR) -> dict[str, bytes]:
    """The letter's files by format (the e-mail needs the PDF even when it is not written)."""
    from compliance.letters import docx, eml, html, pdf, txt

    wanted = set(formats)
    page = html.render(letter, templates_dir)
    files = {"html": page.encode("utf-8")}
    if "txt" in wanted:
        files["txt"] = txt.render(letter, templates_dir).encode("utf-8")
    if "docx" in wanted:
        files["docx"] = docx.render(letter, templates_dir)
    if wanted & {"pdf", "eml"}:
        files["pdf"] = pdf.render(page)
    if "eml" in wanted:
        files["eml"] = eml.render(letter, files["pdf"], templates_dir)
    return {fmt: files[fmt] for fmt in FORMATS if fmt in wanted}


def manifest_entry(letter: Letter, files: dict[str, str]) -> dict:
    """One letter in manifest.json (docs/manifest.md: keys are added, never renamed)."""
    from compliance.letters.clerk import remarks
    from compliance.letters.eml import attachment_name

    m = letter.municipality
    return {
        "municipality": m.id,
        "name": m.name,
        "emails": list(m.emails),
        "recipients": list(letter.recipients),
        "unconfirmed_emails": list(m.unconfirmed_emails),
        "reasons": [o.value for o in letter.reasons],
        "deadline": letter.deadline.isoformat(),
        "number": letter.number,
        "subject": plain(letter.subject),
        "draft": letter.draft,
        "files": files,
        "attachment": attachment_name(letter),
        "remarks": remarks(letter),
        "notes": list(m.notes),
    }


def render_batch(
    letters: Sequence[Letter], year: int, date: dt.date, formats: Sequence[str], templates_dir: Path = TEMPLATES_DIR
) -> dict[str, bytes]:
    """Every file of the batch by name, the manifest and the clerk's list included."""
    from compliance.letters import clerk

    out: dict[str, bytes] = {}
    entries = []
    pdfs = {}
    for letter in letters:
        rendered = render_letter(letter, formats, templates_dir)
        names = {fmt: f"{letter.municipality.id}.{fmt}" for fmt in rendered}
        out.update({names[fmt]: data for fmt, data in rendered.items()})
        entries.append(manifest_entry(letter, names))
        if "pdf" in names:
            pdfs[letter.municipality.id] = names["pdf"]
    draft = any(letter.draft for letter in letters)
    manifest = {"year": year, "date": date.isoformat(), "draft": draft, "letters": entries}
    out[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    table = clerk.rows(letters, pdfs)
    out[f"{clerk.NAME}.xlsx"] = clerk.xlsx_bytes(table, date)
    out[f"{clerk.NAME}.csv"] = clerk.csv_bytes(table)
    return out


def write_batch(out_dir: Path, files: dict[str, bytes], force: bool = False) -> None:
    """Write `files` into `out_dir` as one step: all of them, or (on failure) none."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ComplianceError(msg("letters.not_folder", path=display_path(out_dir)))
    existing = sorted(name for name in files if (out_dir / name).exists())
    if existing and not force:
        shown = ", ".join(existing[:5])
        if len(existing) > 5:
            shown = msg("letters.and_more", names=shown, n=len(existing) - 5)
        raise ComplianceError(msg("letters.exist", path=display_path(out_dir), n=len(existing), shown=shown))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    if not out_dir.exists():
        _write_new_folder(out_dir, files)
    else:
        _write_into_folder(out_dir, files)


def _stage(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).write_bytes(data)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_new_folder(out_dir: Path, files: dict[str, bytes]) -> None:
    # Built next to its destination (same file system), then renamed into place at once.
    staging = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=f".{out_dir.name}."))
    try:
        os.chmod(staging, 0o777 & ~_umask())  # an ordinary folder, not mkdtemp's private one
        _stage(staging, files)
        os.rename(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_into_folder(out_dir: Path, files: dict[str, bytes]) -> None:
    # Staged inside the folder (same file system), then moved file by file; replaced files
    # are kept aside until the end so that a failure puts every one of them back.
    staging = Path(tempfile.mkdtemp(dir=out_dir, prefix=".letters."))
    aside = staging / ".replaced"
    moved: list[str] = []
    try:
        _stage(staging, files)
        aside.mkdir()
        for name in files:
            target = out_dir / name
            if target.exists():
                os.replace(target, aside / name)
            os.replace(staging / name, target)
            moved.append(name)
    except BaseException:
        for name in moved:
            (out_dir / name).unlink(missing_ok=True)
        if aside.is_dir():
            for kept in aside.iterdir():
                os.replace(kept, out_dir / kept.name)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)

"""A batch of letters: every file rendered in memory, then written all at once or not at all.

A failed or killed run leaves the output folder as it was (the new batch is built beside
it and the folders swapped, see compliance.atomic); an earlier batch is never replaced
without `force`, and a run with `force` replaces the whole folder, so that its manifest
always describes exactly the files there. A folder holding other files is never replaced. Letters are records of the Office, so a re-run with the same data, rules
and date reproduces every file byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Iterable, Sequence

from compliance import atomic
from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.letters import FORMATS, TEMPLATES_DIR
from compliance.letters.compose import Letter
from compliance.letters.typography import plain

MANIFEST = "manifest.json"


def render_letter(letter: Letter, formats: Iterable[str], templates_dir: Path = TEMPLATES_DIR) -> dict[str, bytes]:
    """The letter's files by format. The e-mail's PDF is always written with it: the
    document that is sent is the one kept."""
    from compliance.letters import docx, eml, html, pdf, txt

    wanted = set(formats) | ({"pdf"} if "eml" in formats else set())
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
    xlsx_name, csv_name = clerk.NAMES
    out[xlsx_name] = clerk.xlsx_bytes(table, date)
    out[csv_name] = clerk.csv_bytes(table)
    return out


def write_batch(out_dir: Path, files: dict[str, bytes], force: bool = False) -> None:
    """Make `out_dir` hold this batch and nothing else, in one step: all of it, or (on
    failure, or when killed) the folder as it was. An earlier batch there is replaced only
    with `force`; a folder that is not a batch (no manifest) and not empty never is."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise ComplianceError(msg("letters.not_folder", path=display_path(out_dir)))
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise atomic.failure(out_dir.parent, exc) from None
    # Checked under the lock: two runs into one folder cannot both find it free.
    with atomic.folder_lock(out_dir.parent):
        atomic.clean_leftovers(out_dir)
        _may_replace(out_dir, files, force)
        atomic.write_folder(out_dir, files)


def _batch_names(out_dir: Path) -> set[str]:
    """The files the folder's manifest lists (and the manifest itself)."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        from compliance.letters.clerk import NAMES as CLERK_LISTS

        return {MANIFEST, *CLERK_LISTS} | {name for entry in manifest["letters"] for name in entry["files"].values()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _may_replace(out_dir: Path, files: dict[str, bytes], force: bool) -> None:
    """Replacing swaps the whole folder, so it may hold only this tool's files: those of the
    earlier batch (its manifest) or of this one. Anything else stops the run, even with
    force: it would be lost."""
    if not out_dir.is_dir():
        return
    try:
        present = sorted(entry.name for entry in out_dir.iterdir())
    except OSError as exc:
        raise atomic.failure(out_dir, exc) from None
    foreign = [name for name in present if name not in files and name not in _batch_names(out_dir)]
    if foreign:
        shown = ", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")
        raise ComplianceError(msg("letters.not_batch", path=display_path(out_dir), shown=shown))
    if present and not force:
        listed: object = ", ".join(present[:5])  # or a catalog Message when there are more
        if len(present) > 5:
            listed = msg("letters.and_more", names=listed, n=len(present) - 5)
        raise ComplianceError(msg("letters.exist", path=display_path(out_dir), n=len(present), shown=listed))

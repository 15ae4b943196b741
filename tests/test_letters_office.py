"""data/office.yaml: the Office's details and the letters' wording, checked when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance import paths
from compliance.errors import DataError
from compliance.letters.office import load_office

BUNDLED = paths.BUNDLED / "data" / "office.yaml"


def test_bundled_configuration_matches_the_invitation():
    office = load_office(BUNDLED)
    assert office.office.email == "gp.un@gov.si"
    assert office.office.phone == "01 478 11 80"
    assert (office.signatory.name, office.signatory.title) == ("mag. Stanko Baluh", "DIREKTOR")
    assert office.reply_days == 30
    assert office.wording.closing == "S spoštovanjem,"
    assert office.wording.send_to == "Poslati (po elektronski pošti):"


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "office.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    "old, new, field, message",
    [
        ("  draft_mark: OSNUTEK", '  draft_mark: "{leto}"', "wording.draft_mark", "unknown placeholder {leto}"),
        ("  draft_mark: OSNUTEK", '  draft_mark: "{year"', "wording.draft_mark", "malformed placeholder"),
        ("  recommendations_heading: [Priporočilo, Priporočili, Priporočila]",
         "  recommendations_heading: [Priporočilo, Priporočila]", "wording.recommendations_heading", "at least 3"),
        ('file_number: "54201-1/{year}-UN/{seq}"', 'file_number: "54201-1/{year}-UN/{st}"', "file_number", "unknown placeholder {st}"),
        ("reply_days: 30", "reply_days: 0", "reply_days", "greater than or equal to 1"),
        ("  email: gp.un@gov.si", "  email: gp.un(at)gov.si", "office.email", "not a valid email address"),
        ("  closing: S spoštovanjem,", '  closing: "S spoštovanjem,\\nBcc: x@y.si"', "wording.closing", "must be one line"),
        ("  closing: S spoštovanjem,", "  closign: S spoštovanjem,", "wording.closign", "Extra inputs are not permitted"),
        # an earlier letter's number belongs in the sentences about earlier letters only
        ("  closing: S spoštovanjem,", '  closing: "S spoštovanjem ({earlier_number}),"', "wording.closing",
         "unknown placeholder {earlier_number}"),
        ('  earlier_reply: ", na katerega ste nam odgovorili dne {earlier_reply_date}"',
         '  earlier_reply: ", na katerega ste nam odgovorili dne {earlier_day}"', "wording.earlier_reply",
         "unknown placeholder {earlier_day}"),
        ('  subject: "Opomnik – {subject_continued}"', '  subject: "Opomnik – {zadeva}"', "reminder.subject",
         "unknown placeholder {zadeva}"),
    ],
)
def test_a_broken_configuration_is_located(tmp_path, old, new, field, message):
    path = broken(tmp_path, old, new)
    with pytest.raises(DataError) as caught:
        load_office(path)
    [problem] = [p for p in caught.value.problems if p.field == field]
    assert problem.field == field
    assert message in str(problem.message)
    assert problem.line == line_of(path, new.strip().split(":")[0] + ":")


def test_a_misspelt_field_is_also_reported_as_missing(tmp_path):
    path = broken(tmp_path, "  closing: S spoštovanjem,", "  closign: S spoštovanjem,")
    with pytest.raises(DataError) as caught:
        load_office(path)
    assert sorted(p.field for p in caught.value.problems) == ["wording.closign", "wording.closing"]


def test_a_missing_configuration_file_is_named(tmp_path):
    with pytest.raises(DataError, match=r"office.yaml: file not found"):
        load_office(tmp_path / "office.yaml")


def test_the_bundled_reminder_and_earlier_letter_wording_is_the_default_a_shorter_file_gets():
    """office.yaml spells out every sentence for staff to confirm; a file written before these
    sentences existed gets the same ones."""
    from compliance.letters.office import ReminderWording, Wording

    office = load_office(BUNDLED)
    assert office.reminder == ReminderWording()
    for name in ("earlier_duty", "earlier_recommendation", "earlier_request", "earlier_reply", "cover_note"):
        assert getattr(office.wording, name) == Wording.model_fields[name].default

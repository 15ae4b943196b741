"""What a letter says: recipients and content, from the findings and the configuration.

The rule files give each shortfall's paragraph (`Finding.letter`: what the record shows,
from which year, what is asked); data/office.yaml gives the framing sentences. Nothing
here or in the templates knows any particular municipality.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Sequence

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.findings import Assessment, Finding
from compliance.letters.deadline import reply_deadline
from compliance.letters.typography import capitalise, nonbreaking, slovenian_date, typeset
from compliance.models import Municipality
from compliance.registry import Registry
from compliance.vocabulary import Grade, Obligation, Provenance, RuleKind, label

if TYPE_CHECKING:  # the office's model is built only by the commands that write letters
    from compliance.letters.office import Office

# Grades whose facts the Office holds and can name in a request for the missing report.
_KNOWN = (Grade.COMPLIANT, Grade.PARTIAL, Grade.NON_COMPLIANT)


def _report_missing(finding: Finding) -> bool:
    """No contribution in the overview: the overview says none was sent, or does not mention
    the municipality at all (then the grade is no_data, and the letter still asks for it)."""
    return finding.obligation == Obligation.REPORTING and finding.grade in (Grade.NON_COMPLIANT, Grade.NO_DATA)


def needs_letter(findings: Sequence[Finding]) -> bool:
    """The design's letter policy: no report, or a statutory duty not complied with."""
    return any(_report_missing(f) or (f.grade == Grade.NON_COMPLIANT and f.kind == RuleKind.DUTY) for f in findings)


def shortfall_grades(include_partial: bool) -> tuple[Grade, ...]:
    return (Grade.NON_COMPLIANT, Grade.PARTIAL) if include_partial else (Grade.NON_COMPLIANT,)


@dataclass(frozen=True)
class Item:
    """One obligation's paragraph in a section of the letter."""

    obligation: Obligation
    grade: Grade
    title: str  # Program ukrepov (drugi odstavek 6. člena ZRomS-1)
    stale: Optional[str]  # "sporočeno v letu 2018" when the facts are carried over from earlier
    text: str


@dataclass(frozen=True)
class Section:
    key: str  # duties | missing_data | recommendations
    heading: str
    intro: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Letter:
    municipality: Municipality
    year: int
    date: dt.date
    deadline: dt.date
    number: str
    subject: str
    reported: bool
    intro: tuple[str, ...]  # when the municipality reported
    request: tuple[str, ...]  # the reporting rule's paragraph, when the report is missing
    held_facts_intro: Optional[str]
    held_facts: tuple[str, ...]
    sections: tuple[Section, ...]
    reasons: tuple[Obligation, ...]  # the obligations the letter is about
    provenance: str  # what is known of the held facts' age ("sporočeno v letu 2018"); "" when current
    office: Office
    enclosure: tuple[str, ...] = ()  # the municipality's section of the overview (Priloga)

    @property
    def draft(self) -> bool:
        """OSNUTEK: the Office's configuration still has unconfirmed values."""
        return self.office.draft

    @property
    def recipients(self) -> list[str]:
        """The addresses the e-mail goes to: the registry's, less those it flags as doubtful."""
        return self.municipality.confirmed_emails

    def context(self) -> dict[str, Any]:
        """Plain strings and lists for the templates (the same for every format)."""
        office, wording, m = self.office, self.office.wording, self.municipality
        values = _values(m, office, self.year, self.deadline, self.provenance, self.number, self.date)
        mayor = m.mayor
        addressee = wording.addressee_mayor_f if mayor and mayor.gender == "f" else (
            wording.addressee_mayor_m if mayor else wording.addressee)
        salutation = wording.salutation_f if mayor and mayor.gender == "f" else (
            wording.salutation_m if mayor else wording.salutation)
        request = office.requests.get(self.year)
        contact = wording.contact_person if office.contact else wording.contact
        return {
            "draft_mark": wording.draft_mark if self.draft else "",
            "office_name": office.office.name,
            "iso_date": self.date.isoformat(),
            "deadline": typeset(slovenian_date(self.deadline)),
            "header": list(office.office.header),
            "office_address": list(office.office.address),
            "office_phone": typeset(office.office.phone),
            "office_email": office.office.email,
            "number": self.number,
            "date": typeset(slovenian_date(self.date)),
            "reference": _fill(wording.reference, values) if request else "",
            "quote_number": _fill(wording.quote_number, values),
            "addressee": [_fill(line, values) for line in addressee] + list(m.address),
            "subject": self.subject,
            "salutation": _fill(salutation, values),
            "intro": list(self.intro),
            "request": list(self.request),
            "held_facts_intro": self.held_facts_intro,
            "held_facts": list(self.held_facts),
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "intro": s.intro,
                    "items": [
                        {"title": i.title, "stale": i.stale, "text": i.text, "obligation": i.obligation.value}
                        for i in s.items
                    ],
                }
                for s in self.sections
            ],
            "reply": [_fill(wording.reply, values), _fill(contact, values)],
            "closing": _fill(wording.closing, values),
            "signatory_name": office.signatory.name,
            "signatory_title": office.signatory.title,
            "enclosures": [_fill(wording.enclosure, values)] if self.enclosure else [],
            "enclosure_heading": _fill(wording.enclosure_heading, values),
            "enclosure": [nonbreaking(p) for p in self.enclosure],
            "send_to": _fill(wording.send_to, values),
            "send_to_line": m.dative + (f" ({', '.join(self.recipients)})" if self.recipients else ""),
        }


def _values(
    municipality: Municipality, office: Office, year: int, deadline: dt.date, provenance: str,
    number: str = "", date: Optional[dt.date] = None,
) -> dict[str, Any]:
    """What the wording's placeholders stand for in one letter (office.WORDING_FIELDS)."""
    request = office.requests.get(year)
    contact = office.contact
    return {
        "year": year,
        "provenance": provenance,
        "name": municipality.name,
        "dative": municipality.dative,
        "genitive": municipality.genitive,
        "deadline": slovenian_date(deadline),
        "days": office.reply_days,
        "office": office.office.name,
        "email": office.office.email,
        "phone": office.office.phone,
        "mayor": municipality.mayor.name if municipality.mayor else "",
        "number": number,
        "date": slovenian_date(date) if date else "",
        "request_number": request.number if request else "",
        "request_date": slovenian_date(request.date) if request else "",
        "contact_name": contact.name if contact else "",
        "contact_phone": contact.phone if contact else "",
        "contact_email": contact.email if contact else "",
    }


def _fill(template: str, values: dict[str, Any]) -> str:
    return typeset(template.format(**values))


def _paragraph(finding: Finding) -> str:
    """The rule's paragraph for this finding; a letter must never go out with a hole in it."""
    if not finding.letter or not finding.letter.strip():
        raise ComplianceError(msg(
            "letters.no_paragraph", rule=finding.rule, obligation=finding.obligation.value,
            grade=finding.grade.value, municipality=finding.municipality,
        ))
    return typeset(" ".join(finding.letter.split()))


def _item(finding: Finding, stale_template: str, values: dict[str, Any]) -> Item:
    title = f"{capitalise(label(finding.obligation))} ({finding.basis.citation})"
    # A missing fact has no age to show; a shortfall says what is known of its facts' age.
    stale = (
        _fill(stale_template, {**values, "provenance": finding.provenance_text("sl")})
        if finding.stale and finding.grade != Grade.NO_DATA
        else None
    )
    return Item(finding.obligation, finding.grade, title, stale, _paragraph(finding))


def _held_fact(finding: Finding) -> str:
    return f"{capitalise(label(finding.obligation))}: {typeset(finding.message('sl'))}"


def compose(
    municipality: Municipality,
    findings: Sequence[Finding],
    office: Office,
    year: int,
    date: dt.date,
    seq: int,
    include_partial: bool = False,
    enclosure: Sequence[str] = (),
) -> Letter:
    """The letter to one municipality (which `needs_letter`)."""
    wording = office.wording
    shortfall = shortfall_grades(include_partial)
    reporting = [f for f in findings if f.obligation == Obligation.REPORTING]
    missing_report = any(_report_missing(f) for f in reporting)
    others = [f for f in findings if f.obligation != Obligation.REPORTING]
    duties = [f for f in others if f.kind == RuleKind.DUTY and f.grade in shortfall]
    recommendations = [f for f in others if f.kind == RuleKind.RECOMMENDATION and f.grade in shortfall]
    # Missing facts are asked for where the rule words the question (an extra, not the policy).
    no_data = [f for f in others if f.grade == Grade.NO_DATA and f.letter and f.letter.strip()]
    provenance = next((f.provenance_text("sl") for f in findings if f.stale), "")
    in_overview = all(f.provenance != Provenance.NOT_IN_OVERVIEW for f in findings)

    deadline = reply_deadline(date, office.reply_days)
    number = office.file_number.format(year=date.year, report_year=year, seq=seq, municipality=municipality.id)
    values = _values(municipality, office, year, deadline, provenance)

    if missing_report and duties:
        subject = wording.subject_both
    elif missing_report:
        subject = wording.subject_missing
    else:
        subject = wording.subject_shortfall
    # A missing report opens with the reporting rule's paragraph, which says it all.
    intro = [] if missing_report else [wording.intro, wording.intro_reported]

    held_intro, held = None, []
    if missing_report:
        held = [_held_fact(f) for f in others if f.stale and f.grade in _KNOWN]
        # Of a municipality the overview does not mention, nothing is said about older facts.
        if held or in_overview:
            held_intro = _fill(wording.held_facts if held else wording.no_held_facts, values)

    sections = []
    for key, chosen, heading, section_intro in (
        ("duties", duties, wording.duties_heading, wording.duties_intro),
        ("missing_data", no_data, wording.missing_data_heading, wording.missing_data_intro),
        ("recommendations", recommendations, wording.recommendations_heading, wording.recommendations_intro),
    ):
        if chosen:
            items = tuple(_item(f, wording.stale, values) for f in chosen)
            sections.append(Section(key, _fill(heading, values), _fill(section_intro, values), items))

    asked = (reporting if missing_report else []) + duties + recommendations
    reasons = tuple(o for o in Obligation if any(f.obligation == o for f in asked))
    return Letter(
        municipality=municipality,
        year=year,
        date=date,
        deadline=deadline,
        number=number,
        subject=_fill(subject, values),
        reported=not missing_report,
        intro=tuple(_fill(p, values) for p in intro),
        request=tuple(_paragraph(f) for f in reporting if missing_report),
        held_facts_intro=held_intro,
        held_facts=tuple(held),
        sections=tuple(sections),
        reasons=reasons,
        provenance=provenance,
        office=office,
        enclosure=tuple(enclosure),
    )


def letters(
    registry: Registry,
    assessment: Assessment,
    office: Office,
    date: dt.date,
    include_partial: bool = False,
    enclosures: Optional[dict[str, Sequence[str]]] = None,
) -> list[Letter]:
    """A letter for every assessed municipality the policy names, in registry order.

    `enclosures`: each municipality's section of the overview (`enclosure.overview_sections`)."""
    seqs = {ident: index for index, ident in enumerate(registry.ids, start=1)}
    out = []
    for ident in assessment.municipalities:
        findings = assessment.of(ident)
        if needs_letter(findings):
            out.append(compose(registry.get(ident), findings, office, assessment.year, date, seqs[ident],
                               include_partial, (enclosures or {}).get(ident, ())))
    return out

"""What a letter says: recipients and content, from the findings and the configuration.

The rule files give each obligation's paragraph (`Finding.letter`): the provision, what the
Office holds as the source says it (in the second person), and, after the mark `||`, what
is asked. Here the municipality's own reasons, obstacles and alternatives (with the
overview's words) and a reviewer's note are put between the two, so that they are
acknowledged before the request. data/office.yaml gives the framing sentences. Nothing
here or in the templates knows any particular municipality.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Optional, Sequence

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.findings import Assessment, Finding, LegalBasis
from compliance.letters.deadline import reply_deadline
from compliance.letters.typography import capitalise, nonbreaking, slovenian_date, typeset
from compliance.models import Municipality
from compliance.registry import Registry
from compliance.vocabulary import Grade, Obligation, Provenance, RuleKind, label

if TYPE_CHECKING:  # the office's model is built only by the commands that write letters
    from compliance.letters.office import Office

REQUEST_MARK = "||"  # in a rule's letter paragraph: what the Office holds || what it asks
REASON_ORDER = ("obstacle", "reason", "alternative")  # how they are acknowledged


def _report_missing(finding: Finding) -> bool:
    """No contribution in the overview: the overview says none was sent, or does not mention
    the municipality at all (then the grade is no_data, and the letter still asks for it)."""
    return finding.obligation == Obligation.REPORTING and finding.grade in (Grade.NON_COMPLIANT, Grade.NO_DATA)


def needs_letter(findings: Sequence[Finding]) -> bool:
    """The design's letter policy: no report, or a statutory duty not complied with."""
    return any(_report_missing(f) or (f.grade == Grade.NON_COMPLIANT and f.kind == RuleKind.DUTY) for f in findings)


def shortfall_grades(include_partial: bool) -> tuple[Grade, ...]:
    return (Grade.NON_COMPLIANT, Grade.PARTIAL) if include_partial else (Grade.NON_COMPLIANT,)


def request_kind(missing_report: bool, more: bool) -> str:
    """What a letter asks for: "data" (no report), "answer" (a shortfall), or "both" (no
    report, and `more`: duties or recommendations named too). Its subject and reply say so."""
    return ("both" if more else "data") if missing_report else "answer"


def by_count(forms: Sequence[str], n: int) -> str:
    """Slovenian number: the singular, dual or plural form for n items (one, two, more)."""
    return forms[min(max(n, 1), len(forms)) - 1]


@dataclass(frozen=True)
class EarlierLetter:
    """A first letter of an earlier year that went out, and the obligations it asked about
    (from the register); a paragraph on one of them says it was written about before."""

    year: int  # the report year it was about
    number: str
    date: dt.date
    obligations: frozenset[Obligation]
    answered_on: Optional[dt.date] = None  # the first reply the register holds to it


@dataclass(frozen=True)
class Item:
    """One obligation's paragraph in a section of the letter."""

    obligation: Obligation
    grade: Grade
    kind: RuleKind
    title: str  # Program ukrepov
    text: str


@dataclass(frozen=True)
class Section:
    key: str  # duties | recommendations | missing_data
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
    acknowledged: tuple[str, ...]  # what the Office holds that is not a shortfall (a body, a team)
    sections: tuple[Section, ...]
    reply: str  # what is asked back, by when
    support: str  # the Office's offer of help, when duties are named
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
            "acknowledged": list(self.acknowledged),
            "sections": [
                {
                    "key": s.key,
                    "heading": s.heading,
                    "intro": s.intro,
                    "items": [
                        {"title": i.title, "text": i.text, "obligation": i.obligation.value, "kind": i.kind.value}
                        for i in s.items
                    ],
                }
                for s in self.sections
            ],
            "reply": [f"{self.reply} {self.support}".strip(), _fill(contact, values)],
            "answer_by": self.reply,
            "closing": _fill(wording.closing, values),
            "signatory_name": office.signatory.name,
            "signatory_title": office.signatory.title,
            "enclosures": [_fill(wording.enclosure, values)] if self.enclosure else [],
            "enclosure_heading": _fill(wording.enclosure_heading, values),
            "enclosure": [nonbreaking(p) for p in self.enclosure],
            "send_to": _fill(wording.send_to, values),
            "send_to_line": m.dative + (f" ({', '.join(self.recipients)})" if self.recipients else ""),
            "cover": _fill(wording.cover_note, {**values, "subject": self.subject}),
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


def _quote(sentence: str) -> str:
    """A sentence of the overview as a quotation: »…«, ending with a full stop."""
    sentence = " ".join(sentence.split()).rstrip(";:, ")
    return f"»{sentence if sentence.endswith(('.', '!', '?')) else sentence + '.'}«"


def _acknowledgement(finding: Finding, office: Office) -> list[str]:
    """The municipality's reasons, obstacles and alternatives, in the overview's words, each
    sentence quoted once; then a reviewer's note."""
    wording, seen, out = office.wording, set(), []
    for kind in REASON_ORDER:
        quotes = []
        for reason in finding.reasons:
            if _reason_type(reason) != kind:
                continue
            for sentence in _reason_evidence(reason):
                key = " ".join(sentence.split())
                if key not in seen:
                    seen.add(key)
                    quotes.append(_quote(sentence))
        if quotes:
            out.append(getattr(wording, f"ack_{kind}").format(quotes=" ".join(quotes)))
    if finding.decision is not None and finding.decision.note:
        out.append(" ".join(finding.decision.note.split()))
    return out


def _reason_type(reason: Any) -> str:
    value = reason["type"] if isinstance(reason, dict) else reason.type
    return str(getattr(value, "value", value))


def _reason_evidence(reason: Any) -> list[str]:
    return list(reason["evidence"] if isinstance(reason, dict) else reason.evidence)


def _earlier(finding: Finding, office: Office, earlier: Sequence[EarlierLetter], values: dict[str, Any]) -> list[str]:
    """"Na obveznost iz ... smo vas spomnili že z dopisom ...": the newest earlier letter on the
    obligation, in the words for its kind (a duty, a recommendation, the request for data),
    with the municipality's reply to it where the register holds one."""
    letter = next((e for e in earlier if finding.obligation in e.obligations), None)
    if letter is None:
        return []
    wording = office.wording
    said = {**values, "earlier_number": letter.number, "earlier_date": slovenian_date(letter.date),
            "earlier_year": letter.year, "provision": finding.basis.cite("gen"), "earlier_reply": "",
            "earlier_reply_date": slovenian_date(letter.answered_on) if letter.answered_on else ""}
    if letter.answered_on:
        said["earlier_reply"] = wording.earlier_reply.format(**said)
    return [_fill(getattr(wording, f"earlier_{finding.kind.value}"), said)]


def _paragraph(finding: Finding, office: Office, earlier: Sequence[str] = ()) -> str:
    """The rule's paragraph: what the Office holds, an earlier letter on the same obligation,
    the municipality's reasons, then what is asked; a letter must never go out with a hole in it."""
    if not finding.letter or not finding.letter.strip():
        raise ComplianceError(msg(
            "letters.no_paragraph", rule=finding.rule, obligation=finding.obligation.value,
            grade=finding.grade.value, municipality=finding.municipality,
        ))
    held, _, asked = finding.letter.partition(REQUEST_MARK)
    parts = [held, *earlier, *_acknowledgement(finding, office), asked]
    return typeset(" ".join(" ".join(part.split()) for part in parts if part.strip()))


def _item(finding: Finding, office: Office, earlier: Sequence[str] = ()) -> Item:
    return Item(finding.obligation, finding.grade, finding.kind, capitalise(label(finding.obligation)),
                _paragraph(finding, office, earlier))


def _act_in_full(basis: LegalBasis) -> Optional[str]:
    """`Zakona o romski skupnosti ... (Uradni list RS, št. 33/07; v nadaljnjem besedilu: ZRomS-1)`:
    the act in the genitive (after "člena"), as it is named the first time."""
    if not basis.title:
        return None
    title = basis.title
    if title.startswith("Zakon "):
        title = "Zakona " + title[len("Zakon "):]
    gazette = f"{basis.gazette}; " if basis.gazette else ""
    return f"{title} ({gazette}v nadaljnjem besedilu: {basis.act})"


def _name_the_act_once(paragraphs: list[str], findings: Sequence[Finding]) -> list[str]:
    """The act named in full at its first citation ("6. člena ZRomS-1"), by its short name after."""
    bases = {f.basis.act: f.basis for f in findings if f.basis.title}
    for act, basis in bases.items():
        citation = re.compile(r"člena[ \u00a0]" + re.escape(act) + r"(?![\w-])")
        for i, paragraph in enumerate(paragraphs):
            found = citation.search(paragraph)
            if found:
                paragraphs[i] = typeset(f"{paragraph[:found.start()]}člena {_act_in_full(basis)}{paragraph[found.end():]}")
                break
    return paragraphs


def compose(
    municipality: Municipality,
    findings: Sequence[Finding],
    office: Office,
    year: int,
    date: dt.date,
    seq: int,
    include_partial: bool = False,
    enclosure: Sequence[str] = (),
    earlier: Sequence[EarlierLetter] = (),
) -> Letter:
    """The letter to one municipality (which `needs_letter`); `earlier`: its letters of
    earlier years that went out, newest first."""
    wording = office.wording
    reporting = [f for f in findings if f.obligation == Obligation.REPORTING]
    missing_report = any(_report_missing(f) for f in reporting)
    others = [f for f in findings if f.obligation != Obligation.REPORTING]
    in_overview = all(f.provenance != Provenance.NOT_IN_OVERVIEW for f in findings)
    # A municipality that sent nothing is asked to confirm or update everything the Office
    # holds, partly met obligations included.
    shortfall = shortfall_grades(include_partial or (missing_report and in_overview))
    duties = [f for f in others if f.kind == RuleKind.DUTY and f.grade in shortfall]
    recommendations = [f for f in others if f.kind == RuleKind.RECOMMENDATION and f.grade in shortfall]
    # Missing facts are asked for where the rule words the question (an extra, not the policy).
    no_data = [f for f in others if f.grade == Grade.NO_DATA and f.letter and f.letter.strip()]
    # What works, or what the municipality does of its own accord, said where the rule words it.
    acknowledged = [f for f in others if f.grade in (Grade.COMPLIANT, Grade.NOT_APPLICABLE)
                    and f.letter and f.letter.strip()]
    provenance = next((f.provenance_text("sl") for f in findings if f.stale), "")

    deadline = reply_deadline(date, office.reply_days)
    number = office.file_number.format(year=date.year, report_year=year, seq=seq, municipality=municipality.id)
    values = _values(municipality, office, year, deadline, provenance)

    kind = request_kind(missing_report, bool(duties or recommendations))
    subject = {"both": wording.subject_both, "data": wording.subject_missing, "answer": wording.subject_shortfall}[kind]
    reply = getattr(wording, f"reply_{kind}")
    # A missing report opens with the reporting rule's paragraph, which says it all.
    intro = [] if missing_report else [by_count(wording.intro_reported, len(duties))]

    sections = []
    for key, chosen, heading, section_intro in (
        ("duties", duties, wording.duties_heading, None),
        ("recommendations", recommendations, wording.recommendations_heading, None),
        ("missing_data", no_data, wording.missing_data_heading, wording.missing_data_intro),
    ):
        if chosen:
            items = [_item(f, office, _earlier(f, office, earlier, values)) for f in chosen]
            sections.append((key, _fill(by_count(heading, len(items)), values),
                             _fill(section_intro, values) if section_intro else "", items))

    # The act is named in full at its first citation in the letter, in reading order.
    texts = [_fill(p, values) for p in intro]
    texts += [_paragraph(f, office, _earlier(f, office, earlier, values)) for f in reporting if missing_report]
    texts += [_paragraph(f, office) for f in acknowledged]
    texts += [item.text for _, _, _, items in sections for item in items]
    texts = _name_the_act_once(texts, findings)
    n_intro, n_request = len(intro), len([f for f in reporting if missing_report])
    intro_texts = texts[:n_intro]
    request_texts = texts[n_intro:n_intro + n_request]
    ack_texts = texts[n_intro + n_request:n_intro + n_request + len(acknowledged)]
    rest = iter(texts[n_intro + n_request + len(acknowledged):])
    built = tuple(
        Section(key, heading, section_intro,
                tuple(Item(i.obligation, i.grade, i.kind, i.title, next(rest)) for i in items))
        for key, heading, section_intro, items in sections
    )

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
        intro=tuple(intro_texts),
        request=tuple(request_texts),
        acknowledged=tuple(ack_texts),
        sections=built,
        reply=_fill(reply, values),
        support=_fill(by_count(wording.support, len(duties)), values) if duties else "",
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
    enclosures: Optional[Mapping[str, Sequence[str]]] = None,
    earlier: Optional[Mapping[str, Sequence[EarlierLetter]]] = None,
) -> list[Letter]:
    """A letter for every assessed municipality the policy names, in registry order.

    `enclosures`: each municipality's section of the overview (`enclosure.overview_sections`);
    `earlier`: each municipality's letters of earlier years that went out, newest first."""
    seqs = {ident: index for index, ident in enumerate(registry.ids, start=1)}
    out = []
    for ident in assessment.municipalities:
        findings = assessment.of(ident)
        if needs_letter(findings):
            out.append(compose(registry.get(ident), findings, office, assessment.year, date, seqs[ident],
                               include_partial, (enclosures or {}).get(ident, ()), (earlier or {}).get(ident, ())))
    return out

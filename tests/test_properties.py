"""Property-based tests: any valid record gets one grade per obligation, the policy's.

`expected_grades` is the design's grading policy written out plainly: the oracle the rule
files are checked against (the product grades with the rule files only).
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from compliance import conditions
from compliance import facts as factlib
from compliance.engines import match
from compliance.judge import judge
from compliance.models import MAX_YEAR, MIN_YEAR, Record
from compliance.rules import load_rules
from compliance.vocabulary import CooperationForm, Obligation, ProgrammeStatus
from conftest import RULES

RULEBOOK = load_rules(RULES)


def expected_grades(record: Record, roma_seat: bool) -> dict[str, str]:
    return {
        "reporting": "compliant" if record.reported else "non_compliant" if record.in_overview else "no_data",
        "programme": _programme(record),
        "working_body": _working_body(record, roma_seat),
        "cooperation": {"team": "compliant", "via_other_body": "partial", "ad_hoc": "partial",
                        "none": "non_compliant", "unknown": "no_data"}[record.cooperation.form.value],
    }


def _programme(record: Record) -> str:
    status = record.programme.status.value
    end = record.programme.period.end if record.programme.period else None
    if status == "adopted":  # in force in the year, else treated as expired
        return "compliant" if end is None or end >= record.year else "non_compliant"
    return {"in_preparation": "partial", "other_strategy": "partial", "measures_only": "partial",
            "expired": "non_compliant", "none": "non_compliant", "not_planned": "non_compliant",
            "unknown": "no_data"}[status]


def _working_body(record: Record, roma_seat: bool) -> str:
    body = record.working_body
    if not roma_seat:
        return "not_applicable"
    if body.established is False:
        return "non_compliant"
    active = body.active is True or (body.meetings or 0) >= 1
    if body.established is True:
        return "compliant" if active else "partial"
    if active:  # establishment not stated: a body that met or is described exists
        return "compliant"
    if body.active is False or body.meetings == 0:
        return "partial"
    return "no_data"


optional_bool = st.none() | st.booleans()
sentences = st.lists(st.text(min_size=1, max_size=40), max_size=2)


@st.composite
def subjects(draw) -> factlib.Subject:
    year = draw(st.integers(MIN_YEAR, MAX_YEAR))
    in_overview = draw(st.integers(0, 9)) > 0  # mostly in the overview; sometimes not at all (Celje)
    reported = in_overview and draw(st.booleans())
    stated_in = year if reported else draw(st.none() | st.integers(MIN_YEAR, year)) if in_overview else None
    # ends near the year are where the policy turns; the rest of the range is drawn too
    end = draw(st.none() | st.integers(year - 1, year + 1) | st.integers(MIN_YEAR - 10, MAX_YEAR))
    start = draw(st.none() | st.integers(MIN_YEAR - 10, MAX_YEAR if end is None else end))
    period = draw(st.sampled_from([None, {"start": start, "end": end}]))
    try:
        record = Record.model_validate({
            "municipality": draw(st.sampled_from(["crnomelj", "novo-mesto", "Črenšovci"])),
            "year": year, "in_overview": in_overview, "reported": reported, "stated_in": stated_in,
            "describes": year if reported else None,
            "evidence": draw(sentences),
            "programme": {"status": ProgrammeStatus.UNKNOWN if not in_overview else draw(st.sampled_from(ProgrammeStatus)), "period": period,
                          "title": draw(st.none() | st.text(max_size=30)), "evidence": draw(sentences)},
            "working_body": {"established": draw(optional_bool), "active": draw(optional_bool),
                             "meetings": draw(st.none() | st.integers(0, 2) | st.integers(0, 366)),
                             "meetings_in_mandate": draw(st.none() | st.integers(0, 3)),
                             "name": draw(st.none() | st.text(max_size=30))},
            "cooperation": {"form": draw(st.sampled_from(CooperationForm)), "name": draw(st.none() | st.text(max_size=30))},
        } if in_overview else {
            "municipality": "celje", "year": year, "in_overview": False, "reported": False,
            "working_body": {"name": draw(st.none() | st.text(max_size=30))},
        })
    except ValidationError:
        assume(False)  # the model refuses it: not a valid record
    return factlib.Subject(record, draw(st.booleans()), draw(st.text(max_size=20)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(subjects(), min_size=1, max_size=25))
def test_any_valid_record_gets_one_finding_per_obligation_as_the_policy_says(batch):
    findings = judge(RULEBOOK, batch)
    assert len(findings) == 4 * len(batch)
    for index, subject in enumerate(batch):
        mine = findings[4 * index: 4 * index + 4]
        assert [f.obligation for f in mine] == list(Obligation)
        assert all(f.municipality == subject.municipality for f in mine)
        # the facts judged keep what is known of their age; the reporting finding is the year's own overview
        assert all(f.provenance == subject.record.provenance and f.stated_in == subject.record.stated_in for f in mine[1:])
        assert {f.obligation.value: f.grade.value for f in mine} == expected_grades(subject.record, subject.roma_seat)
        # without decisions the final grade is the rules' grade
        assert all(f.grade == f.rule_grade and f.decision is None for f in mine)
        assert all(f.messages["sl"] and f.messages["en"] for f in mine)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(subjects(), min_size=1, max_size=25))
def test_engine_and_plain_evaluator_agree(batch):
    facts = [factlib.fact(subject) for subject in batch]
    assert match(RULEBOOK, facts) == [[r.id for r in RULEBOOK.rules if conditions.evaluate(r.when, f)] for f in facts]

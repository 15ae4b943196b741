"""The curated 2019 records say what the 2019 overview says, and nothing more."""

import datetime as dt

import pytest

from compliance.sources import normalise_space, read_report
from compliance.validate import load_year
from compliance.vocabulary import CooperationForm, ProgrammeStatus, Provenance, ReasonType
from conftest import DATA


@pytest.fixture(scope="module")
def records():
    registry, recordset = load_year(DATA, 2019)
    return recordset.records


@pytest.fixture(scope="module")
def source() -> str:
    """The 2019 overview as the records quote it (whitespace normalised)."""
    return normalise_space(read_report(DATA / "sources" / "porocilo-2019-pregled-po-obcinah.txt").text)


def reasons(record, section, kind=None):
    return [r for r in getattr(record, section).reasons if kind is None or r.type == kind]


def test_every_reason_quotes_the_source_verbatim(records, source):
    quoted = [(ident, e) for ident, r in records.items() for s in ("programme", "working_body", "cooperation")
              for reason in reasons(r, s) for e in reason.evidence]
    assert len(quoted) >= 20
    assert [q for q in quoted if normalise_space(q[1]) not in source] == []


def test_turnisce_reports_two_failed_attempts_and_no_willing_members(records):
    [obstacle] = reasons(records["turnisce"], "working_body", ReasonType.OBSTACLE)
    assert "dvakrat" in obstacle.summary and "niti romski svetnik" in obstacle.summary
    assert "kljub dvema poskusoma" in obstacle.evidence[0]


def test_trebnje_councillor_died_and_the_by_election_drew_no_candidate(records):
    summaries = " ".join(r.summary for r in reasons(records["trebnje"], "working_body", ReasonType.OBSTACLE))
    assert "preminul" in summaries and "ni bilo nobene kandidature" in summaries
    assert records["trebnje"].working_body.established is True


@pytest.mark.parametrize("ident", ["ljubljana", "velenje", "tisina", "ribnica", "sentjernej"])
def test_reasons_for_having_no_programme_are_kept(records, ident):
    assert reasons(records[ident], "programme", ReasonType.REASON), ident


def test_ljubljana_describes_a_working_group_and_free_premises(records):
    alternatives = " ".join(r.summary for r in reasons(records["ljubljana"], "programme", ReasonType.ALTERNATIVE))
    assert "Delovna skupina za romska vprašanja" in alternatives and "brezplačno" in alternatives
    assert reasons(records["ljubljana"], "working_body", ReasonType.ALTERNATIVE)


def test_grosuplje_body_met_once_in_the_term_not_placed_in_2019(records):
    body = records["grosuplje"].working_body
    assert (body.established, body.meetings, body.meetings_in_mandate) == (True, None, 1)
    assert "se je do sedaj sestala enkrat" in body.evidence[0]


def test_one_record_per_registry_municipality(records):
    assert len(records) == 27


def test_adopted_programme_with_date_and_period(records):
    crnomelj = records["crnomelj"].programme
    assert crnomelj.status == ProgrammeStatus.ADOPTED
    assert crnomelj.adopted_on == dt.date(2017, 7, 6)
    assert (crnomelj.period.start, crnomelj.period.end) == (2017, 2021)
    assert "Program ukrepov za Rome v Občini Črnomelj" in crnomelj.title

    krsko = records["krsko"].programme
    assert krsko.adopted_on == dt.date(2018, 10, 25)
    assert (krsko.period.start, krsko.period.end) == (2018, 2022)


def test_programme_not_planned(records):
    for ident in ("tisina", "ljubljana", "maribor"):
        assert records[ident].programme.status == ProgrammeStatus.NOT_PLANNED, ident


def test_working_body_not_established_in_turnisce(records):
    body = records["turnisce"].working_body
    assert body.established is False
    assert not body.meetings
    assert any("ni bilo ustanovljeno" in sentence for sentence in body.evidence)


@pytest.mark.parametrize(
    "ident, meetings",
    [("cankova", 2), ("crensovci", 1), ("crnomelj", 2), ("dobrovnik", 2), ("kocevje", 4),
     ("lendava", 1), ("puconci", 4)],
)
def test_meetings_in_2019(records, ident, meetings):
    assert records[ident].working_body.established is True
    assert records[ident].working_body.meetings == meetings


def test_non_reporting_municipalities_carry_earlier_facts_as_the_source_dates_them(records, source):
    for ident in ("kuzma", "semic", "sentjernej", "skocjan"):
        record = records[ident]
        assert record.reported is False and record.in_overview and record.describes is None, ident
        assert record.evidence == ["Občina informacij za leto 2019 ni posredovala."]
    # "V letu 2018 je občina sporočila": stated in 2018; the year described is not given
    for ident in ("semic", "sentjernej", "skocjan"):
        assert records[ident].stated_in == 2018 and records[ident].provenance == Provenance.STATED_IN, ident
        assert all(e.startswith("V letu 2018 je občina sporočila") for e in records[ident].programme.evidence)
    # Kuzma's entry gives no year at all: "from its last contribution"
    kuzma = records["kuzma"]
    assert kuzma.stated_in is None and kuzma.provenance == Provenance.LAST_CONTRIBUTION
    section = source[source.index("Občina Kuzma"):source.index("Občina Lendava")]
    assert "2018" not in section and kuzma.programme.evidence == ["Občina zaenkrat še nima izdelanega podrobnega področnega programa."]
    assert records["sentjernej"].programme.status == ProgrammeStatus.NOT_PLANNED
    assert records["semic"].programme.status == ProgrammeStatus.OTHER_STRATEGY
    assert records["skocjan"].working_body.established is True


def test_celje_is_not_in_the_overview_which_is_not_sending_nothing(records, source):
    assert "Celje" not in source
    celje = records["celje"]
    assert (celje.in_overview, celje.reported, celje.stated_in, celje.describes) == (False, False, None, None)
    assert celje.provenance == Provenance.NOT_IN_OVERVIEW
    assert celje.programme.status == ProgrammeStatus.UNKNOWN
    assert celje.working_body.established is None
    assert celje.cooperation.form == CooperationForm.UNKNOWN
    assert celje.evidence == celje.programme.evidence == []


def test_cooperation_forms(records):
    assert records["trebnje"].cooperation.form == CooperationForm.TEAM
    assert records["dobrovnik"].cooperation.form == CooperationForm.TEAM
    assert records["krsko"].cooperation.form == CooperationForm.VIA_OTHER_BODY
    assert records["cankova"].cooperation.form == CooperationForm.AD_HOC
    assert records["rogasovci"].cooperation.form == CooperationForm.NONE
    assert records["kocevje"].cooperation.form == CooperationForm.UNKNOWN


def test_every_stated_fact_quotes_the_source(records):
    for ident, record in records.items():
        if record.programme.status != ProgrammeStatus.UNKNOWN:
            assert record.programme.evidence, ident
        if record.cooperation.form != CooperationForm.UNKNOWN:
            assert record.cooperation.evidence, ident

"""The curated 2019 records say what the 2019 overview says, and nothing more."""

import datetime as dt

import pytest

from compliance.validate import load_year
from compliance.vocabulary import CooperationForm, ProgrammeStatus
from conftest import DATA


@pytest.fixture(scope="module")
def records():
    registry, recordset = load_year(DATA, 2019)
    return recordset.records


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


def test_non_reporting_municipalities_carry_2018_facts(records):
    for ident in ("kuzma", "semic", "sentjernej", "skocjan"):
        record = records[ident]
        assert record.reported is False and record.data_year == 2018, ident
        assert record.evidence == ["Občina informacij za leto 2019 ni posredovala."]
    assert records["sentjernej"].programme.status == ProgrammeStatus.NOT_PLANNED
    assert records["semic"].programme.status == ProgrammeStatus.OTHER_STRATEGY
    assert records["skocjan"].working_body.established is True


def test_celje_has_no_entry_so_nothing_is_known(records):
    celje = records["celje"]
    assert (celje.reported, celje.data_year) == (False, None)
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

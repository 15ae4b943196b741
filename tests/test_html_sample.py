"""A small assessment built by hand, for the review outputs (HTML, XLSX) before and beside
the rules: every grade occurs, one municipality is judged on stale data, and one evidence
sentence holds markup that must come out as text."""

from __future__ import annotations

from pathlib import Path

from compliance.findings import Assessment, Finding, LegalBasis
from compliance.models import Municipality
from compliance.registry import Registry
from compliance.vocabulary import Grade, MunicipalityKind, Obligation, Provenance, RuleKind

YEAR = 2019

BASES = {
    Obligation.REPORTING: LegalBasis(act="ZRomS-1", article=4, text="Vlada poroča Državnemu zboru."),
    Obligation.PROGRAMME: LegalBasis(act="ZRomS-1", article=6, paragraph=2, text="Občine sprejmejo programe ali ukrepe."),
    Obligation.WORKING_BODY: LegalBasis(act="ZRomS-1", article=7, text="Občinski svet ustanovi delovno telo."),
    Obligation.COOPERATION: LegalBasis(act="Program ukrepov Vlade", text=""),
}

# id, short name, region, Roma seat, year the facts were stated, grades in Obligation order
MUNICIPALITIES = [
    ("beltinci", "Beltinci", "Pomurska", True, 2019, ["compliant", "partial", "partial", "non_compliant"]),
    ("crensovci", "Črenšovci", "Pomurska", True, 2019, ["compliant", "non_compliant", "compliant", "partial"]),
    ("kuzma", "Kuzma", "Pomurska", True, 2018, ["non_compliant", "partial", "no_data", "no_data"]),
    ("maribor", "Maribor", "Podravska", False, 2019, ["compliant", "compliant", "not_applicable", "compliant"]),
    ("novo-mesto", "Novo mesto", "Jugovzhodna Slovenija", True, 2019, ["compliant", "compliant", "compliant", "compliant"]),
    ("skocjan", "Škocjan", "Jugovzhodna Slovenija", False, 2018, ["non_compliant", "non_compliant", "not_applicable", "ad_hoc"]),
]


def _municipality(ident: str, short: str, region: str, councillor: bool) -> Municipality:
    urban = short in {"Maribor", "Novo mesto"}
    prefix = "Mestna občina" if urban else "Občina"
    return Municipality(
        id=ident, name=f"{prefix} {short}", short_name=short,
        kind=MunicipalityKind.MESTNA_OBCINA if urban else MunicipalityKind.OBCINA,
        dative=f"{'Mestni občini' if urban else 'Občini'} {short}",
        genitive=f"{'Mestne občine' if urban else 'Občine'} {short}",
        region=region, roma_seat=councillor, emails=[f"obcina@{ident}.si"],
        notes=["Naslov e-pošte je morda napačno zapisan."] if ident == "kuzma" else [],
    )


def _finding(ident: str, obligation: Obligation, grade: str, data_year: int) -> Finding:
    grade = "partial" if grade == "ad_hoc" else grade
    evidence = [] if grade == "no_data" else [f"Stavek o obveznosti {obligation.value} v občini {ident}."]
    if ident == "beltinci" and obligation is Obligation.PROGRAMME:
        evidence.append("Osnutek <b>akcijskega načrta</b> & predlog ukrepov.")
    # The reporting finding is the year's own overview; the others carry older facts over.
    stale = data_year < YEAR and obligation is not Obligation.REPORTING
    return Finding(
        municipality=ident, year=YEAR, obligation=obligation, grade=Grade(grade),
        rule=f"{obligation.value}.{grade}",
        kind={Obligation.COOPERATION: RuleKind.RECOMMENDATION, Obligation.REPORTING: RuleKind.REQUEST}.get(obligation, RuleKind.DUTY),
        basis=BASES[obligation], provenance=Provenance.STATED_IN if stale else Provenance.CURRENT,
        stated_in=data_year if stale else YEAR, describes=None if stale else YEAR,
        messages={"sl": f"Ocena za {ident}: {grade}.", "en": f"Grade for {ident}: {grade}."},
        evidence=evidence,
    )


def sample() -> tuple[Assessment, Registry]:
    registry = Registry(
        [_municipality(ident, short, region, councillor) for ident, short, region, councillor, _, _ in MUNICIPALITIES],
        Path("municipalities.yaml"),
    )
    findings = tuple(
        _finding(ident, obligation, grade, data_year)
        for ident, _, _, _, data_year, grades in MUNICIPALITIES
        for obligation, grade in zip(Obligation, grades)
    )
    return Assessment(YEAR, findings, rules_sha256="r" * 64, data_sha256="d" * 64), registry

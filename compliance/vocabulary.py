"""The fixed vocabulary of the domain (see the design notes): enums and their labels.

Tests, outside tools and reviewers rely on these exact values; labels are what users read.
"""

from __future__ import annotations

from enum import Enum

MIN_YEAR = 2007  # ZRomS-1 was published in Uradni list RS, št. 33/07.
MAX_YEAR = 2100


class StrEnum(str, Enum):
    """A str enum whose str() is its value (enum.StrEnum only exists from 3.11)."""

    def __str__(self) -> str:
        return self.value


class MunicipalityKind(StrEnum):
    OBCINA = "obcina"
    MESTNA_OBCINA = "mestna_obcina"


class ProgrammeStatus(StrEnum):
    ADOPTED = "adopted"
    EXPIRED = "expired"
    IN_PREPARATION = "in_preparation"
    OTHER_STRATEGY = "other_strategy"
    MEASURES_ONLY = "measures_only"
    NONE = "none"
    NOT_PLANNED = "not_planned"
    UNKNOWN = "unknown"


class CooperationForm(StrEnum):
    TEAM = "team"
    VIA_OTHER_BODY = "via_other_body"
    AD_HOC = "ad_hoc"
    NONE = "none"
    UNKNOWN = "unknown"


class Obligation(StrEnum):
    REPORTING = "reporting"
    PROGRAMME = "programme"
    WORKING_BODY = "working_body"
    COOPERATION = "cooperation"


class Grade(StrEnum):
    COMPLIANT = "compliant"
    PARTIAL = "partial"
    NON_COMPLIANT = "non_compliant"
    NO_DATA = "no_data"
    NOT_APPLICABLE = "not_applicable"


class RuleKind(StrEnum):
    DUTY = "duty"
    RECOMMENDATION = "recommendation"


LANGUAGES = ("sl", "en")

LABELS: dict[str, dict[Enum, str]] = {
    "sl": {
        Grade.COMPLIANT: "skladno",
        Grade.PARTIAL: "delno skladno",
        Grade.NON_COMPLIANT: "neskladno",
        Grade.NO_DATA: "ni podatkov",
        Grade.NOT_APPLICABLE: "ne velja",
        Obligation.REPORTING: "poročanje",
        Obligation.PROGRAMME: "program ukrepov",
        Obligation.WORKING_BODY: "delovno telo",
        Obligation.COOPERATION: "medinstitucionalno sodelovanje",
        RuleKind.DUTY: "zakonska obveznost",
        RuleKind.RECOMMENDATION: "priporočilo",
        MunicipalityKind.OBCINA: "občina",
        MunicipalityKind.MESTNA_OBCINA: "mestna občina",
    },
    "en": {
        Grade.COMPLIANT: "compliant",
        Grade.PARTIAL: "partially compliant",
        Grade.NON_COMPLIANT: "non-compliant",
        Grade.NO_DATA: "no data",
        Grade.NOT_APPLICABLE: "not applicable",
        Obligation.REPORTING: "reporting",
        Obligation.PROGRAMME: "programme of measures",
        Obligation.WORKING_BODY: "working body",
        Obligation.COOPERATION: "inter-institutional cooperation",
        RuleKind.DUTY: "statutory duty",
        RuleKind.RECOMMENDATION: "recommendation",
        MunicipalityKind.OBCINA: "municipality",
        MunicipalityKind.MESTNA_OBCINA: "urban municipality",
    },
}


def label(value: Enum, lang: str = "sl") -> str:
    """The user-facing name of a vocabulary value in the given language."""
    return LABELS[lang][value]

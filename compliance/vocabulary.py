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
    """What an obligation is in law: a statutory duty, the Office's request, a recommendation."""

    DUTY = "duty"
    REQUEST = "request"
    RECOMMENDATION = "recommendation"


class BasisForm(StrEnum):
    """Whether a legal basis gives the statute's own words or a paraphrase staff must verify."""

    QUOTE = "quote"
    PARAPHRASE = "paraphrase"


class Provenance(StrEnum):
    """What is known of where a municipality's facts for the year come from.

    `current`: it reported for the year. `stated_in`: it did not, and the overview repeats what
    it said in a named year ("V letu 2018 je občina sporočila"). `last_contribution`: it did
    not, and the overview repeats earlier facts without a year. `nothing_carried`: it did not,
    and nothing earlier is repeated. `not_in_overview`: the overview does not mention it at all.
    """

    CURRENT = "current"
    STATED_IN = "stated_in"
    LAST_CONTRIBUTION = "last_contribution"
    NOTHING_CARRIED = "nothing_carried"
    NOT_IN_OVERVIEW = "not_in_overview"


class ReasonType(StrEnum):
    """A municipality's own account: why it lacks something, what stood in the way, what it does instead."""

    REASON = "reason"
    OBSTACLE = "obstacle"
    ALTERNATIVE = "alternative"


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
        RuleKind.REQUEST: "prošnja Urada",
        RuleKind.RECOMMENDATION: "priporočilo",
        BasisForm.QUOTE: "dobesedno besedilo predpisa",
        BasisForm.PARAPHRASE: "povzetek, ki ga je treba preveriti",
        ReasonType.REASON: "razlog, ki ga navaja občina",
        ReasonType.OBSTACLE: "ovira, ki jo navaja občina",
        ReasonType.ALTERNATIVE: "kaj občina dela namesto tega",
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
        RuleKind.REQUEST: "the Office's request",
        RuleKind.RECOMMENDATION: "recommendation",
        BasisForm.QUOTE: "verbatim text of the provision",
        BasisForm.PARAPHRASE: "paraphrase, to be verified",
        ReasonType.REASON: "the municipality's reason",
        ReasonType.OBSTACLE: "obstacle the municipality reports",
        ReasonType.ALTERNATIVE: "what the municipality does instead",
        MunicipalityKind.OBCINA: "municipality",
        MunicipalityKind.MESTNA_OBCINA: "urban municipality",
    },
}


PLURALS: dict[str, dict[RuleKind, str]] = {
    "sl": {RuleKind.DUTY: "zakonske obveznosti", RuleKind.REQUEST: "prošnje Urada", RuleKind.RECOMMENDATION: "priporočila"},
    "en": {RuleKind.DUTY: "statutory duties", RuleKind.REQUEST: "the Office's requests", RuleKind.RECOMMENDATION: "recommendations"},
}

# A grade worded for what is graded: a request is fulfilled or not, a recommendation followed or
# not; only a duty is "non-compliant". Grades without an entry keep their plain label.
GRADE_BY_KIND: dict[str, dict[tuple[RuleKind, Grade], str]] = {
    "sl": {
        (RuleKind.REQUEST, Grade.COMPLIANT): "izpolnjeno",
        (RuleKind.REQUEST, Grade.PARTIAL): "delno izpolnjeno",
        (RuleKind.REQUEST, Grade.NON_COMPLIANT): "ni izpolnjeno",
        (RuleKind.RECOMMENDATION, Grade.COMPLIANT): "sledi priporočilu",
        (RuleKind.RECOMMENDATION, Grade.PARTIAL): "delno sledi priporočilu",
        (RuleKind.RECOMMENDATION, Grade.NON_COMPLIANT): "ne sledi priporočilu",
    },
    "en": {
        (RuleKind.REQUEST, Grade.COMPLIANT): "fulfilled",
        (RuleKind.REQUEST, Grade.PARTIAL): "partly fulfilled",
        (RuleKind.REQUEST, Grade.NON_COMPLIANT): "not fulfilled",
        (RuleKind.RECOMMENDATION, Grade.COMPLIANT): "follows the recommendation",
        (RuleKind.RECOMMENDATION, Grade.PARTIAL): "partly follows the recommendation",
        (RuleKind.RECOMMENDATION, Grade.NON_COMPLIANT): "does not follow the recommendation",
    },
}


def label(value: Enum, lang: str = "sl") -> str:
    """The user-facing name of a vocabulary value in the given language."""
    return LABELS[lang][value]


def label_plural(kind: RuleKind, lang: str = "sl") -> str:
    """A kind as a group heading: `zakonske obveznosti`, `prošnje Urada`, `priporočila`."""
    return PLURALS[lang][kind]


def grade_label(grade: Grade, kind: RuleKind, lang: str = "sl") -> str:
    """A grade in the words that fit the kind of obligation (`ni izpolnjeno` for a request)."""
    return GRADE_BY_KIND[lang].get((kind, grade)) or label(grade, lang)

"""What the report's wording means: word classes and cues, as data.

Terms are written in lemmas, so that any inflection matches (`sprejela`, `sprejetega`,
`sprejeto` all reach `sprejeti`/`sprejet`). A term is one or more alternatives separated
by `|`; an alternative is a sequence of units separated by spaces, where a unit is a
lemma, a lemma prefix (`rom*`), a word class (`@doc`) or a gap (`..5`: the next unit
within five words). Neighbouring units without a gap must be adjacent words.

A cue gives one value of one fact when its terms occur in a clause (and, where stated, in
the sentence) with the required polarity and mood; `compliance.extract.match` judges
negation and mood, `compliance.extract.classify` weighs the cues. No cue names a
municipality: the same wording means the same thing in every section.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- negation and mood (surface forms, lower case) ---------------------------------------
NEGATORS = frozenset({
    "ni", "ne", "nima", "nimajo", "nimata", "nimamo", "nimam", "niso", "nista", "nismo", "nisem",
    "niste", "noben", "nobena", "nobeno", "nobenega", "nobene", "nobenih", "nobeni", "nobenem",
    "nikoli", "nič", "niti", "nikakor",
})
# "brez" (without) is not a negator: "brez težav" negates nothing; cues name "brez programa".
# "ne glede na" (regardless of) negates nothing.
NOT_NEGATING = (("ne", "glede", "na"),)
HYPOTHETICAL = frozenset({"bi"})  # also covers "naj bi" (reported, unconfirmed)
FUTURE = frozenset({"bo", "bodo", "bosta", "bom", "bomo", "boste", "bova"})
FUTURE_PHRASES = (("v", "prihodnje"), ("v", "prihodnosti"))

# --- word classes ---------------------------------------------------------------------------
CLASSES: dict[str, str] = {
    "roma": "rom*",
    "doc": "program|strategija|načrt|dokument",
    # a programme for the Roma community: its name speaks of Roma, or it is the Act's own
    # "programme of measures" / "sectoral programme"
    "dedicated_doc": "@doc ..5 @roma|program ukrep|področen program",
    # a general strategic document (municipal, social-care, regional development ...)
    "strategy_doc": (
        "strategija|strateški|razvojen program|program razvoj|načrt razvoj|razvojen načrt|občinski program"
        "|program ..2 varstvo|program ..2 socialen"
    ),
    "regional": "regionalen|regija|pokrajina|nacionalen|državen|vladen|medobčinski|pomurje|prekmurje|dolenjska",
    "adopt": "sprejeti|sprejet|potrditi|potrjen|odobriti|odobren",
    "basis": "@based_on|vključen|vključevati|vključiti|v okvir|v sklad z|skladno z",
    "based_on": "na podlaga|slediti|povzet",
    "prepare_now": "pripravljati|izdelovati|nastajati|dopolnjevati|usklajevati|oblikovati",
    "draft": "@in_making|osnutek|predlog|v obravnava",
    "in_making": "v priprava|v izdelava|v nastajanje|v postopek sprejem",
    "plan_verb": "načrtovati|nameravati|predvidevati|planirati",
    "end_verb": "izteči|poteči|prenehati",
    "measures": "ukrep|aktivnost",
    "carry_out": "izvajati|uresničevati|izvesti|izvrševati|uvajati",
    "have_made": "imeti|sprejeti|sprejet|izdelan|izdelati|pripravljen|pripraviti|potrebovati|obstajati",
    # the council's working body under Art. 7 (a commission or committee on Roma matters)
    "body": "deloven telo|komisija ..12 @roma|odbor ..12 @roma|@roma ..12 komisija|@roma ..12 odbor",
    "establish": (
        "ustanoviti|ustanovljen|ustanavljati|imenovati|imenovan|oblikovati|oblikovan|konstituirati|konstituiran"
        "|vzpostaviti|vzpostavljen|ustanovitev"
    ),
    "active": "aktiven|aktivno|delovati|dejaven|dejavno|redno ..2 @meet_verb|@meet_verb ..2 redno",
    "meet_verb": "sestajati|srečevati|zasedati|sestati|srečati",
    "inactive": "neaktiven|neaktivno|nedejaven|nedejavno",
    "meet_habit": "aktiven|aktivno|delovati|dejaven|dejavno|sestajati|srečevati|zasedati",
    "team": (
        "tim|aktiv|deloven skupina|multidisciplinaren skupina|medinstitucionalen skupina|koordinacijski skupina"
        "|medresorski skupina"
    ),
    "forum": "@body|sosvet",
    "institution": "institucija|inštitucija|csd|center|policija|policijski|postaja|šola|oš|vrtec|zavod|zrsz|zdravstven|organizacija|ustanova",
    "cooperation": "sodelovanje|sodelovati|medinstitucionalen|povezati|povezovati|povezovanje|partnerski",
    "cooperation_noun": "sodelovanje|medinstitucionalen",
    "meeting": "sestanek|sestati|sestajati|srečanje|srečati|srečevati",
    "case_by_case": (
        "po potreba|sproti|nekajkrat|občasno|potreba ..3 pojaviti|potreba ..3 izkazati|pojaviti ..3 potreba"
        "|izkazati ..3 potreba"
    ),
    "planned": "predlagan|predviden|pobuda|ideja|namen|načrtovan",
    "not_sent": "posredovati|poslati|sporočiti|odgovoriti|dostaviti|predložiti|oddati",
    # "sodelovanja ni opisala": the report is silent, which says nothing about the fact
    "report_verb": "opisati|navesti|poročati|pojasniti|predstaviti|omeniti|opredeliti",
    "report_item": "informacija|podatek|poročilo|prispevek|odgovor|gradivo|poziv|vprašalnik",
    "pronoun": "on",  # ga, jo, ju: "pripravlja ga delovna skupina"
}


@dataclass(frozen=True)
class Cue:
    """One wording that gives a value to a fact."""

    fact: str  # reported | programme | body.established | body.active | cooperation
    value: object
    clause: tuple[str, ...]  # every term in one clause
    weight: float  # how strongly the wording states the value (0..1)
    polarity: str = "positive"  # of that clause: positive | negative | any
    moods: tuple[str, ...] = ("real",)  # of that clause: real | future | hypothetical
    sentence: tuple[str, ...] = ()  # every term somewhere in the sentence
    # every term in the clause or in one of the next `company_within` clauses, all positive and real
    company: tuple[str, ...] = ()
    company_within: int = 0
    unless: tuple[str, ...] = ()  # no such term in the sentence
    unless_clause: tuple[str, ...] = ()  # no such term in the clause
    past: tuple[str, ...] = ()  # terms that must be in a past-tense verb form
    not_past: tuple[str, ...] = ()  # terms that must not be
    name: str = ""


CUES: tuple[Cue, ...] = (
    # --- reporting ------------------------------------------------------------------------
    Cue("reported", False, ("@not_sent", "@report_item"), 0.95, polarity="negative", name="did not send information"),
    Cue("reported", False, ("@not_sent", "za leto"), 0.9, polarity="negative", name="sent nothing for the year"),
    # --- programme of measures (Art. 6) ---------------------------------------------------
    Cue("programme", "adopted", ("@adopt", "@dedicated_doc"), 0.9, unless=("@regional",), not_past=("imeti",),
        name="adopted a Roma programme"),
    Cue("programme", "adopted", ("@adopt", "@pronoun"), 0.75, sentence=("@dedicated_doc",), unless=("@regional",),
        not_past=("imeti",), name="adopted it (the Roma programme named in the sentence)"),
    Cue("programme", "adopted", ("@carry_out", "@dedicated_doc"), 0.7, unless=("@regional",),
        name="implements a Roma programme"),
    Cue("programme", "adopted", ("@based_on", "@dedicated_doc"), 0.6, unless=("@regional",),
        name="measures based on a Roma programme"),
    Cue("programme", "expired", ("imeti", "@adopt", "@doc"), 0.8, past=("imeti",), name="had a programme"),
    Cue("programme", "adopted", ("veljati", "@dedicated_doc"), 0.7, unless=("@regional",), not_past=("veljati",),
        name="a Roma programme is in force"),
    Cue("programme", "expired", ("@end_verb",), 0.85, sentence=("@doc",), name="programme ran out"),
    Cue("programme", "expired", ("veljati",), 0.8, past=("veljati",), sentence=("@doc",), name="programme was in force"),
    Cue("programme", "in_preparation", ("@prepare_now", "@doc"), 0.85, name="is preparing a programme"),
    Cue("programme", "in_preparation", ("@draft", "@doc"), 0.8, name="draft programme"),
    Cue("programme", "in_preparation", ("@in_making",), 0.7, sentence=("@doc",), name="a new one is being made"),
    Cue("programme", "in_preparation", ("@prepare_now", "@pronoun"), 0.65, sentence=("@doc",), name="someone prepares it"),
    Cue("programme", "in_preparation", ("@adopt", "@doc"), 0.6, moods=("future",), name="will adopt a programme"),
    Cue("programme", "in_preparation", ("@plan_verb", "sprejem|sprejeti"), 0.6, sentence=("@doc",), name="plans to adopt"),
    Cue("programme", "not_planned", ("@plan_verb",), 0.9, polarity="negative", sentence=("@doc",), name="does not plan one"),
    Cue("programme", "not_planned", ("@adopt|sprejemati|@prepare_now|pripraviti|izdelati",), 0.8, polarity="negative",
        moods=("future",), sentence=("@doc",), name="will not adopt one"),
    Cue("programme", "other_strategy", ("@basis", "@strategy_doc"), 0.8, name="measures in a general strategy"),
    Cue("programme", "other_strategy", ("@basis", "@dedicated_doc", "@regional"), 0.75, name="follows a regional strategy"),
    Cue("programme", "other_strategy", ("@basis", "@dedicated_doc"), 0.75, sentence=("@regional",),
        name="follows a regional strategy"),
    Cue("programme", "other_strategy", ("@adopt|imeti", "@strategy_doc"), 0.6, unless_clause=("@dedicated_doc",),
        name="has a general strategy"),
    Cue("programme", "measures_only", ("@carry_out", "@measures"), 0.8, name="carries out measures"),
    Cue("programme", "none", ("@have_made", "@doc"), 0.85, polarity="negative", unless_clause=("@report_verb",),
        name="has no programme"),
    Cue("programme", "none", ("brez ..2 @doc",), 0.8, name="is without a programme"),
    # --- working body (Art. 7) ------------------------------------------------------------
    Cue("body.established", True, ("@establish",), 0.9, sentence=("@body",), name="body established"),
    Cue("body.established", True, ("imeti", "@body"), 0.85, name="has a body"),
    Cue("body.established", True, ("@body",), 0.6, name="body mentioned as existing"),
    Cue("body.established", False, ("@establish|imeti|obstajati", "@body"), 0.9, polarity="negative",
        unless_clause=("@report_verb",), name="body not established"),
    Cue("body.active", True, ("@active",), 0.85, sentence=("@body",), unless_clause=("@inactive",), name="body active"),
    Cue("body.active", False, ("@meet_habit",), 0.85, polarity="negative", sentence=("@body",),
        unless_clause=("@report_verb",), name="body not active"),
    Cue("body.active", False, ("@inactive",), 0.85, polarity="any", sentence=("@body",), name="body inactive"),
    # --- inter-institutional cooperation ----------------------------------------------------
    # a group that drafts a document is not the cooperation forum
    Cue("cooperation", "team", ("@team",), 0.9, unless=("@body",), unless_clause=("@planned|@prepare_now|pripraviti",),
        name="standing team"),
    Cue("cooperation", "via_other_body", ("@forum",), 0.85, company=("medinstitucionalen|@institution|kot ..3 @team",),
        company_within=2, name="a body serves as the forum"),
    Cue("cooperation", "ad_hoc", ("@cooperation|@meeting", "@institution"), 0.75, unless=("@forum",),
        name="works with institutions as needed"),
    Cue("cooperation", "ad_hoc", ("@case_by_case",), 0.7, sentence=("@cooperation|@institution|@meeting",),
        unless=("@body",), name="meets case by case"),
    Cue("cooperation", "none", ("@cooperation_noun|@team",), 0.8, polarity="negative", moods=("real", "future"),
        unless_clause=("@report_verb",), name="no cooperation"),
    Cue("cooperation", "none", ("sodelovati", "@institution"), 0.75, polarity="negative",
        unless_clause=("@report_verb",), name="does not cooperate"),
    Cue("cooperation", "none", ("brez ..2 @cooperation_noun|brez ..2 @team",), 0.75, name="without cooperation"),
    Cue("cooperation", "none", ("@team|sosvet|medinstitucionalen",), 0.5, moods=("future", "hypothetical"),
        name="only planned"),
    Cue("cooperation", "none", ("@team|sosvet|medinstitucionalen", "@planned"), 0.5, name="only proposed"),
)

# Which value wins when cues disagree: the first listed that has a cue (for the facts in
# BY_WEIGHT: the value of the strongest cue, this order breaking ties).
PRIORITY: dict[str, tuple] = {
    "reported": (False, True),
    "programme": ("adopted", "in_preparation", "expired", "not_planned", "other_strategy", "measures_only", "none"),
    "body.established": (True, False),
    "body.active": (False, True),
    "cooperation": ("team", "via_other_body", "ad_hoc", "none"),
}
BY_WEIGHT = frozenset({"reported", "body.established", "body.active"})
# Values that a winner is commonly stated together with: they do not lower its confidence.
COMPANIONS: dict[str, dict[object, frozenset]] = {
    "programme": {
        "adopted": frozenset({"measures_only"}),
        "in_preparation": frozenset({"none", "measures_only", "expired"}),
        "expired": frozenset({"none", "measures_only"}),
        "not_planned": frozenset({"none", "other_strategy", "measures_only"}),
        "other_strategy": frozenset({"none", "measures_only"}),
        "measures_only": frozenset({"none"}),
    },
    "cooperation": {
        "team": frozenset({"none"}),
        "via_other_body": frozenset({"ad_hoc", "none"}),
        "ad_hoc": frozenset({"none"}),
    },
    "body.established": {True: frozenset({False})},
}
CONFLICT_PENALTY = 0.15

# --- meetings of the working body ---------------------------------------------------------
# Once a section has named its working body, these bare nouns refer to it.
BODY_ALIASES = {"body": "komisija|odbor|deloven telo|telo"}

MEETING_NOUNS = ("seja",)
MEETING_VERBS = "sestati|sestajati|zasedati|srečati|zbrati|sklicati|izvesti|imeti"
NUMBER_WORDS = {
    "en": 1, "eden": 1, "ena": 1, "dva": 2, "trije": 3, "tri": 3, "štirje": 4, "štiri": 4, "pet": 5,
    "šest": 6, "sedem": 7, "osem": 8, "devet": 9, "deset": 10, "enajst": 11, "dvanajst": 12,
}
TIMES = {
    "enkrat": 1, "dvakrat": 2, "trikrat": 3, "štirikrat": 4, "petkrat": 5, "šestkrat": 6, "sedemkrat": 7,
    "osemkrat": 8, "devetkrat": 9, "desetkrat": 10, "enajstkrat": 11, "dvanajstkrat": 12,
}

# A silent municipality's carried-over statement: "V letu 2018 je občina sporočila, da ...":
# the year, then the verb later before the next full stop.
STATED_IN_YEAR = r"\b(?:[Vv]\s+letu|[Ll]eta)\s+((?:19|20)\d{2})\b"
STATED_VERB = r"\bsporočil"

# --- dates ----------------------------------------------------------------------------------
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "jun": 6,
    "jul": 7, "avg": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12,
}

# Words that end the name of a document or body (`Komisija za ... , ki ...`).
NAME_STOPS = frozenset({"ki", "kot", "je", "so", "se", "in", "ter", "katere", "katerega", "katerih", "sestavljen"})
NAME_STOP_PHRASES = (("za", "obdobje"), ("za", "leta"), ("v", "obdobju"), ("v", "mandatu"), ("za", "leto"))

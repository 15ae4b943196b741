"""The pieces the extractor's accuracy rests on: sentences, headings, negation, mood, numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from compliance.extract import details, match
from compliance.extract.language import analyse, split_sentences
from compliance.sources import Report
from compliance.extract.sections import split
from compliance.registry import load_registry
from conftest import DATA


def report(text: str) -> Report:
    lines = tuple(text.split("\n"))
    return Report(Path("report.txt"), "text", lines, tuple(f"line {n}" for n in range(1, len(lines) + 1)))


def test_sentences_do_not_end_at_abbreviations_or_dates():
    text = ("Ustanovljeno je delovno telo, t. j. Odbor za spremljanje položaja romske skupnosti. "
            "Program je bil sprejet 6. 7. 2017 (npr. za Rome v naselju). Komisija se je sestala.")
    assert split_sentences(text) == [
        "Ustanovljeno je delovno telo, t. j. Odbor za spremljanje položaja romske skupnosti.",
        "Program je bil sprejet 6. 7. 2017 (npr. za Rome v naselju).",
        "Komisija se je sestala.",
    ]


def test_bullets_and_line_breaks_inside_a_sentence():
    text = "Občina ocenjuje, da:\n· deluje Delovna skupina;\n· se Romi prijavijo na razpise.\nStrategija za\nobdobje 2013–2020."
    assert split_sentences(text) == [
        "Občina ocenjuje, da:", "deluje Delovna skupina;", "se Romi prijavijo na razpise.", "Strategija za obdobje 2013–2020.",
    ]


@pytest.fixture(scope="module")
def registry():
    return load_registry(DATA)


def test_headings_tolerate_case_diacritics_and_a_line_break(registry):
    text = "Uvod.\n\nOBČINA KRŠKO\nBesedilo.\n\nobcina crensovci\nBesedilo.\n\nMestna občina\nNovo mesto\nBesedilo.\n"
    sections, notices = split(report(text), registry)
    assert list(sections) == ["krsko", "crensovci", "novo-mesto"]
    assert sections["novo-mesto"].text.strip() == "Besedilo."
    assert notices == []


def test_a_wrapped_line_starting_with_obcina_is_not_a_heading(registry):
    # in a PDF a sentence may wrap so that a line starts with "Občina X ..."
    text = ("Občina Dobrovnik\n\nV letu 2019 je nadaljevala delo, ki ga je začela\nObčina Dobrovnik skupaj z UN.\n"
            "Tim deluje tudi v letu\nObčina Beltinci\n")
    sections, _ = split(report(text), registry)
    assert list(sections) == ["dobrovnik"]
    assert "Občina Dobrovnik skupaj z UN." in sections["dobrovnik"].text


def test_a_table_header_is_not_a_section(registry):
    text = "Pregled:\n\n\tObčina\n\tSprejet podrobni področni program, delovno telo in sodelovanje\n\n\tObčina Lendava\nBesedilo.\n"
    sections, _ = split(report(text), registry)
    assert list(sections) == ["lendava"]


def clause_of(sentence: str, word: str):
    analysed = analyse(sentence)[0]
    at = next(i for i, c in enumerate(analysed.clauses) if any(t.text == word for t in c.tokens))
    return analysed, at


@pytest.mark.parametrize("sentence, word, negated, mood", [
    ("Občina programa ni sprejela, izvaja pa ukrepe.", "sprejela", True, "real"),
    ("Občina programa ni sprejela, izvaja pa ukrepe.", "izvaja", False, "real"),
    ("Ne glede na to je komisijo imenovala.", "imenovala", False, "real"),
    ("Predlagala je, da bi se oblikoval tim.", "oblikoval", False, "hypothetical"),
    ("Občina bo v prihodnje ustanovila sosvet.", "ustanovila", False, "future"),
    ("Naj bi se predstavila in bi nato aktivno pristopila.", "aktivno", False, "hypothetical"),
    ("Ideja naj bi se predstavila, občina pa naj bi k pripravi in sodelovanju aktivno pristopila.", "aktivno", False,
     "hypothetical"),
    ("Sodelovanje poteka brez težav.", "poteka", False, "real"),
])
def test_negation_and_mood_are_judged_per_clause(sentence, word, negated, mood):
    analysed, at = clause_of(sentence, word)
    assert match.is_negated(analysed.clauses[at]) is negated
    assert match.mood(analysed, at) == mood


@pytest.mark.parametrize("sentence, count", [
    ("V letu 2019 se je sestalo na dveh sejah.", 2),
    ("Delovno telo se je sestalo na 4 sejah.", 4),
    ("Občina je sklicala štiri seje tega delovnega telesa.", 4),
    ("Komisija se je sestala trikrat.", 3),
    ("Komisija je zasedala 6-krat.", 6),
    ("Odbor je izvedel osem sej.", 8),
    ("Delovno telo se ni sestalo.", 0),
    ("Komisija ni imela nobene seje.", 0),
    ("Komisija se ne sestaja redno.", None),
    ("Sestanek je bil sklican nekajkrat.", None),
])
def test_meetings_are_counted_in_digits_words_and_multiplicatives(sentence, count):
    assert details.meetings(analyse(sentence)[0]) == count


@pytest.mark.parametrize("sentence, year, expected", [
    ("V letu 2019 se je sestalo enkrat.", 2019, True),
    ("Meseca junija 2019 je občina sklicala seje.", 2019, True),
    ("Do sedaj se je sestalo enkrat.", 2019, False),
    ("V mandatu 2018–2022 se je sestalo enkrat.", 2019, False),
    ("V mandatu 2019 do 2022 se je sestalo enkrat.", 2019, False),
])
def test_meetings_count_only_when_placed_in_the_year(sentence, year, expected):
    assert details.in_year(analyse(sentence)[0], year) is expected


@pytest.mark.parametrize("text, period", [
    ("za obdobje 2017–2021", (2017, 2021)),
    ("v mandatu 2018 do 2022", (2018, 2022)),
    ("do leta 2020", (None, 2020)),
    ("je veljal do konca leta 2019", (None, 2019)),
    ("od leta 2019", (2019, None)),
    ("brez obdobja", None),
])
def test_periods(text, period):
    assert details.period(text) == period


@pytest.mark.parametrize("text, date", [
    ("dne 6. julija 2017", dt.date(2017, 7, 6)),
    ("na seji 25. oktobra 2018", dt.date(2018, 10, 25)),
    ("sprejel 3. 6. 2021", dt.date(2021, 6, 3)),
    ("leta 2021", None),
])
def test_dates(text, date):
    assert details.date(text) == date


def test_names_are_given_in_the_nominative_and_cut_before_the_period():
    sentence = analyse("Občina je sprejela Strategijo reševanja romske problematike v občini Krško za obdobje 2018–2022.")[0]
    assert details.name(sentence, "strategija") == "Strategija reševanja romske problematike v občini Krško"
    lowercase = analyse("Občina pripravlja nov akcijski načrt za obdobje 2020–2022.")[0]
    assert details.name(lowercase, "načrt") is None  # a description, not a title

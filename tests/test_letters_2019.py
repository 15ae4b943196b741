"""The 2019 batch read as the lawyer who signs it would: what each letter must and must not say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compliance.letters.typography import plain

DATE = "2020-03-02"
ACT_IN_FULL = ("Zakona o romski skupnosti v Republiki Sloveniji (Uradni list RS, št. 33/07; "
               "v nadaljnjem besedilu: ZRomS-1)")
REPORTED = ("tisina", "turnisce", "ribnica", "maribor", "ljubljana", "velenje")
NOT_REPORTED = ("kuzma", "semic", "sentjernej", "skocjan")

# Per recipient: sentences (or parts) its letter must contain, and must not.
MUST = {
    "kuzma": ["Za leto 2019 nam vaša občina informacij ni posredovala, zato smo v pregled po občinah povzeli "
              "podatke iz vašega zadnjega prispevka, s katerim razpolagamo.",
              "Iz vašega zadnjega prispevka, s katerim razpolagamo, izhaja, da vaša občina podrobnega področnega "
              "programa za romsko skupnost nima.",
              "ni razvidno, ali je delovno telo v vaši občini ustanovljeno in ali se sestaja"],
    "semic": ["zato smo v pregled po občinah povzeli podatke, ki ste nam jih sporočili v letu 2018.",
              "V letu 2018 ste nam sporočili, da vaša občina posebnega podrobnega področnega programa nima, ukrepe "
              "za romsko skupnost pa izvaja na podlagi širšega strateškega dokumenta »Strategija razvoja Občine "
              "Semič do leta 2020«.",
              "kako jih boste zagotavljali po letu 2020"],
    "sentjernej": ["V letu 2018 ste nam sporočili, da vaša občina podrobnega področnega programa za romsko "
                   "skupnost nima in ga ne načrtuje.",
                   "z OPN opredeljene kot stavbna zemljišča",
                   "oziroma da, če je vaše stališče še vedno enako, svojo odločitev ponovno preučite in nam "
                   "sporočite, kako boste to obveznost izpolnili."],
    "skocjan": ["V letu 2018 ste nam sporočili, da ima vaša občina ustanovljeno delovno telo za spremljanje "
                "položaja romske skupnosti (Komisija za reševanje romske tematike), ki pa takrat ni bilo preveč "
                "aktivno.",
                "V letu 2018 ste nam sporočili, da vaša občina podrobnega področnega programa za romsko skupnost nima."],
    "celje": ["V pregledu po občinah za leto 2019, ki je del tega poročila, podatkov za vašo občino ni.",
              "Prosimo vas, da nam podatke za leto 2019 posredujete."],
    "tisina": ["Iz podatkov, ki ste nam jih posredovali, izhaja, da vaša občina podrobnega področnega programa "
               "za romsko skupnost nima in ga ne načrtuje.",
               "Seznanjeni smo z razlogi, ki ste jih navedli in ki so v pregledu po občinah povzeti takole:",
               "oziroma da svojo odločitev ponovno preučite",
               "je to naselje vključeno povsem enakovredno kot vsa ostala naselja v občini",
               "delovno telo občinskega sveta za spremljanje položaja romske skupnosti ustanovljeno in deluje"],
    "turnisce": ["Iz podatkov, ki ste nam jih posredovali, izhaja, da delovno telo v vaši občini ni ustanovljeno.",
                 "Seznanjeni smo z ovirami, ki ste jih navedli in ki so v pregledu po občinah povzete takole:",
                 "kljub dvema poskusoma (še) ni bilo ustanovljeno",
                 "katere nadaljnje korake načrtujete",
                 "občasni tim za spremljanje romske problematike"],
    "ribnica": ["komisijo za spremljanje položaja romske skupnosti",
                "zaposlila osebo za pomoč Romom pri socializaciji",
                "ureditev legalne lokacije",
                "ali je občina sprejela ukrepe za romsko skupnost in s katerim aktom"],
    "maribor": ["(Komisija za spremljanje romske problematike v Mestni občini Maribor)",
                "se lahko vključujejo v vse programe in ukrepe, ki jih izvaja občina"],
    "ljubljana": ["Delovna skupina za romska vprašanja", "oddala poslovni prostor",
                  "ne sooča s specifično problematiko",
                  "ali je občina sprejela ukrepe za romsko skupnost in s katerim aktom"],
    "velenje": ["Strategijo razvoja socialnega varstva v Mestni občini Velenje za obdobje 2014–2020",
                "\nPRIPOROČILO\n",
                "Veseli bomo, če nam sporočite svoje stališče do tega priporočila."],
}
MUST_NOT = {
    "kuzma": ["2018"],
    "celje": ["nismo prejeli", "prejšnjih let", "ni posredovala"],
    "turnisce": ["kdaj bo občinski svet delovno telo ustanovil", "povežete v podroben področni program"],
}
# Everywhere: the Office informs, reminds and asks; citations in the Slovenian form.
NEVER = ["smo ugotovili", "ugotovil", "nekaterih obveznosti", "v celoti", "(ZRomS-1, ", "za leto 2018",
         "podatki iz leta", "sodobna", "uredili", "Program ukrepov Vlade RS za Rome", "Opozarjamo", "jo boste izpolnili",
         "Podatkov o Vaši občini",
         # the relative pronoun changes case (jih -> so), so "ki" is repeated; "prosimo, če" is not standard;
         # whose decision is to be reconsidered must be clear
         "navedli in so v pregledu", "vas prosimo, če", "da odločitev ponovno"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> dict[str, str]:
    from click.testing import CliRunner

    from compliance.cli import main

    out = tmp_path_factory.mktemp("batch2019") / "letters"
    result = CliRunner().invoke(main, ["letters", "--year", "2019", "--out", str(out), "--date", DATE,
                                       "--format", "txt", "--no-register"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {e["municipality"]: plain((out / e["files"]["txt"]).read_text(encoding="utf-8")) for e in manifest["letters"]}


def body(text: str) -> str:
    """From the salutation to the closing."""
    return text[text.index("Spoštovana"):text.index("S spoštovanjem,")]


def test_the_2019_recipients(batch):
    assert sorted(batch) == sorted(MUST)


@pytest.mark.parametrize("municipality", sorted(MUST))
def test_what_each_letter_must_and_must_not_say(batch, municipality):
    text = batch[municipality]
    for sentence in MUST[municipality]:
        assert sentence in text, (municipality, sentence)
    for words in MUST_NOT.get(municipality, []) + NEVER:
        assert words not in text, (municipality, words)


@pytest.mark.parametrize("municipality", sorted(MUST))
def test_the_act_is_named_in_full_once_then_by_its_short_name(batch, municipality):
    text = body(batch[municipality])
    assert text.count(ACT_IN_FULL) == 1, municipality
    assert text.count("Zakon o romski skupnosti") + text.count("Zakona o romski skupnosti") == 1
    later = [m.start() for m in re.finditer(r"ZRomS-1(?!\))", text)]
    assert all(text.index(ACT_IN_FULL) < at for at in later)


@pytest.mark.parametrize("municipality", sorted(MUST))
def test_each_item_is_of_its_kind_and_counted_in_slovenian(batch, municipality):
    text = body(batch[municipality])
    headings = re.findall(r"\n(ZAKONSKA OBVEZNOST|ZAKONSKI OBVEZNOSTI|ZAKONSKE OBVEZNOSTI|PRIPOROČILO|PRIPOROČILA|"
                          r"MANJKAJOČI PODATKI)\n", text)
    assert "ZAKONSKE OBVEZNOSTI" not in headings and "PRIPOROČILA" not in headings  # one item each in 2019
    # The recommendation is never presented as a duty.
    for paragraph in text.split("\n"):
        if "medinstitucionalnega povezovanja" in paragraph:
            assert "zakon tega ne nalaga" in paragraph
    if "Program ukrepov" in text:
        assert "rugi odstavek 6. člena" in text and "programe oziroma ukrepe" in text
    if "\nDelovno telo\n" in text:
        assert "rvi odstavek 7. člena" in text
    # The duties' heading is in the number of duties it heads (singular, dual, plural).
    duty_heading = next((h for h in headings if h.startswith("ZAKONSK")), None)
    if duty_heading is not None:
        section = re.split(r"\n(?:PRIPOROČIL|MANJKAJOČI PODATKI)", text.split(f"\n{duty_heading}\n", 1)[1])[0]
        duties = section.count("\nProgram ukrepov\n") + section.count("\nDelovno telo\n")
        assert duties >= 1
        assert duty_heading == ("ZAKONSKA OBVEZNOST", "ZAKONSKI OBVEZNOSTI", "ZAKONSKE OBVEZNOSTI")[min(duties, 3) - 1]


@pytest.mark.parametrize("municipality", REPORTED)
def test_a_municipality_that_reported_is_thanked_and_told_what_its_data_show(batch, municipality):
    text = body(batch[municipality])
    assert "zahvaljujemo se vam za prispevek k poročilu Vlade Republike Slovenije o položaju romske skupnosti za leto 2019" in text
    assert "Iz podatkov, ki ste nam jih posredovali, izhaja, da" in text
    assert "Odgovor pričakujemo najpozneje do 1. 4. 2020 na elektronskem naslovu gp.un@gov.si." in text


@pytest.mark.parametrize("municipality", NOT_REPORTED)
def test_a_municipality_that_sent_nothing_is_asked_for_the_data(batch, municipality):
    text = body(batch[municipality])
    assert "Za leto 2019 nam vaša občina informacij ni posredovala" in text
    assert "Prosimo vas, da nam podatke za leto 2019 posredujete" in text
    assert "Podatke in odgovor pričakujemo najpozneje do 1. 4. 2020" in text


def test_reasons_are_acknowledged_before_the_request(batch):
    for municipality, reason, request in (
        ("turnisce", "kljub dvema poskusoma", "katere nadaljnje korake načrtujete"),
        ("tisina", "vključeno povsem enakovredno", "kako boste to obveznost izpolnili"),
        ("ljubljana", "Delovna skupina za romska vprašanja", "kako boste to obveznost izpolnili"),
        ("velenje", "Strategijo razvoja socialnega varstva", "kako boste to obveznost izpolnili"),
        ("sentjernej", "z OPN opredeljene", "kako boste to obveznost izpolnili"),
    ):
        text = batch[municipality]
        assert text.index(reason) < text.index(request), municipality


def test_a_reviewers_decision_removes_a_shortfall_or_adds_its_note():
    import dataclasses
    import datetime as dt

    from compliance import paths
    from compliance.assess import assess
    from compliance.letters import batch as letters_batch, compose
    from compliance.letters.office import load_office
    from compliance.models import Decision
    from compliance.vocabulary import Grade, Obligation

    data = paths.BUNDLED / "data"
    registry, assessment = assess(data, paths.BUNDLED / "rules", 2019)
    note = "Urad bo stališče občine preučil skupaj z Ministrstvom za javno upravo."
    decisions = {
        ("turnisce", Obligation.WORKING_BODY): Decision(
            municipality="turnisce", obligation=Obligation.WORKING_BODY, grade=Grade.PARTIAL,
            note="Občina je delovno telo dvakrat poskušala ustanoviti.", decided_by="Ana Novak",
            decided_on=dt.date(2020, 2, 20)),
        ("ljubljana", Obligation.PROGRAMME): Decision(
            municipality="ljubljana", obligation=Obligation.PROGRAMME, note=note, decided_by="Ana Novak",
            decided_on=dt.date(2020, 2, 20)),
    }
    decided = tuple(f.with_decision(decisions.get((f.municipality, f.obligation))) for f in assessment.findings)
    written = compose.letters(registry, dataclasses.replace(assessment, findings=decided),
                              load_office(data / "office.yaml"), dt.date(2020, 3, 2))
    assert "turnisce" not in [letter.municipality.id for letter in written]  # no shortfall left
    [ljubljana] = [letter for letter in written if letter.municipality.id == "ljubljana"]
    text = plain(letters_batch.render_letter(ljubljana, ["txt"])["txt"].decode("utf-8"))
    assert note in text  # a note-only decision: the rules' grade stands, the note is added
    assert text.index(note) < text.index("kako boste to obveznost izpolnili")

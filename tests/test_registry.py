"""The registry of the 27 municipalities where Roma live (data/municipalities.yaml)."""

import json

import pytest

from compliance.errors import NotFound
from compliance.registry import load_registry
from compliance.vocabulary import MunicipalityKind
from conftest import DATA

WITH_ROMA_COUNCILLOR = {
    "beltinci", "cankova", "crensovci", "crnomelj", "dobrovnik", "grosuplje", "kocevje",
    "krsko", "kuzma", "lendava", "metlika", "murska-sobota", "novo-mesto", "puconci",
    "rogasovci", "semic", "sentjernej", "tisina", "trebnje", "turnisce",
}


@pytest.fixture(scope="module")
def registry():
    return load_registry(DATA)


def test_twenty_seven_municipalities_twenty_with_a_roma_seat(registry):
    assert len(registry) == 27
    assert {m.id for m in registry if m.roma_seat} == WITH_ROMA_COUNCILLOR
    assert {"celje", "brezice", "ribnica", "skocjan", "ljubljana", "maribor", "velenje"} == (
        set(registry.ids) - WITH_ROMA_COUNCILLOR
    )


@pytest.mark.parametrize(
    "ident, name, dative, genitive, kind",
    [
        ("beltinci", "Občina Beltinci", "Občini Beltinci", "Občine Beltinci", MunicipalityKind.OBCINA),
        ("crensovci", "Občina Črenšovci", "Občini Črenšovci", "Občine Črenšovci", MunicipalityKind.OBCINA),
        ("murska-sobota", "Mestna občina Murska Sobota", "Mestni občini Murska Sobota",
         "Mestne občine Murska Sobota", MunicipalityKind.MESTNA_OBCINA),
        ("novo-mesto", "Mestna občina Novo mesto", "Mestni občini Novo mesto",
         "Mestne občine Novo mesto", MunicipalityKind.MESTNA_OBCINA),
        ("celje", "Mestna občina Celje", "Mestni občini Celje", "Mestne občine Celje",
         MunicipalityKind.MESTNA_OBCINA),
    ],
)
def test_names_and_grammatical_forms(registry, ident, name, dative, genitive, kind):
    municipality = registry.get(ident)
    assert (municipality.name, municipality.dative, municipality.genitive, municipality.kind) == (
        name, dative, genitive, kind,
    )


def test_emails_kept_as_the_invitation_gives_them_with_a_quality_note(registry):
    crnomelj = registry.get("crnomelj")
    assert crnomelj.emails == ["obcina.crnatelj@siol.net", "kabinet.zupanje@crnomelj.si"]
    assert any("napačno zapisan" in note for note in crnomelj.notes)  # in Slovenian: shown to staff
    assert registry.get("celje").emails == ["mestna.obcina.celje@celje.si"]


def test_unknown_id_suggests_the_closest(registry):
    with pytest.raises(NotFound) as caught:
        registry.get("crnomel")
    assert caught.value.suggestions[0] == "crnomelj"


def test_municipalities_command_table_and_json(cli):
    table = cli("municipalities")
    assert table.exit_code == 0
    assert "Mestna občina Murska Sobota" in table.output
    assert "voli romskega svetnika" in table.output
    assert "elects a Roma councillor" in cli("municipalities", "--lang", "en").output

    rows = json.loads(cli("municipalities", "--format", "json").output)
    assert len(rows) == 27
    assert rows[0]["id"] == "beltinci" and rows[0]["dative"] == "Občini Beltinci"

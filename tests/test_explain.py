"""`compliance explain`: per obligation the grade, rule, article, facts, evidence and year."""

from __future__ import annotations


def section(output: str, heading: str) -> str:
    """The block of one obligation in the explanation."""
    blocks = output.split("\n\n")
    return next(block for block in blocks if block.startswith(heading))


def test_explains_turnisce_working_body_with_article_evidence_and_year(cli):
    result = cli("explain", "--year", "2019", "turnisce")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Občina Turnišče (turnisce), leto 2019\n")
    body = section(result.output, "delovno telo: neskladno")
    assert "vrsta obveznosti: zakonska obveznost" in body and "pravilo: working_body.not_established" in body
    assert "pravna podlaga: prvi odstavek 7. člena ZRomS-1" in body
    assert "prvi odstavek 7. člena ZRomS-1 – dobesedno besedilo predpisa (Uradni list RS, št. 33/07):" in body
    assert "upoštevana dejstva (podatki za leto 2019):" in body
    assert "voli predstavnika romske skupnosti v občinski svet (ZLS) [roma_seat]: da" in body
    assert "delovno telo je ustanovljeno [wb_established]: ne" in body
    assert "ni bilo ustanovljeno" in body  # the source sentence


def test_explain_shows_the_municipalitys_obstacles_with_their_evidence(cli):
    body = section(cli("explain", "--year", "2019", "turnisce").output, "delovno telo: neskladno")
    reasons = body[body.index("kar navaja občina:"):body.index("dokazi iz vira:")]
    assert "ovira, ki jo navaja občina: Občina je delovno telo poskušala ustanoviti dvakrat" in reasons
    assert "»Delovno telo občinskega sveta skladno z ZRomS-1" in reasons


def test_explain_keeps_the_statute_apart_from_the_offices_expectation(cli):
    body = section(cli("explain", "--year", "2019", "beltinci").output, "delovno telo: delno skladno")
    statute, expectation = body.split("pričakovanje Urada (ni besedilo predpisa):")
    assert "8. člen ZRomS-1 – dobesedno besedilo predpisa" in statute
    assert "peti odstavek 7. člena ZRomS-1 – povzetek, ki ga je treba preveriti:" in statute
    assert "vsaj" not in statute.split("pravna podlaga:")[1].split("utemeljitev:")[0]
    assert "vsaj enkrat na leto" in expectation


def test_a_missing_report_is_a_request_not_a_breach(cli):
    reporting = section(cli("explain", "--year", "2019", "semic").output, "poročanje: ni izpolnjeno")
    assert "vrsta obveznosti: prošnja Urada" in reporting and "zakonska obveznost" not in reporting
    assert "podlaga: Urad Vlade RS za narodnosti" in reporting and "pravna podlaga" not in reporting
    assert "upoštevana dejstva (podatki za leto 2019):" in reporting  # the non-report is a 2019 fact


def test_programme_cites_the_paragraph(cli):
    output = cli("explain", "--year", "2019", "crnomelj").output
    programme = section(output, "program ukrepov: skladno")
    assert "pravna podlaga: drugi odstavek 6. člena ZRomS-1" in programme
    assert "[programme_status]: adopted" in programme and "[programme_end]: 2021" in programme
    assert "Program ukrepov za Rome v Občini Črnomelj" in programme


def test_stale_facts_say_what_is_known_of_their_age(cli):
    output = cli("explain", "--year", "2019", "kuzma").output
    assert "Občina informacij za leto 2019 ni posredovala; v pregledu so povzeti podatki iz njenega zadnjega prispevka" in output
    assert "upoštevana dejstva (iz zadnjega prispevka):" in section(output, "program ukrepov: neskladno")
    assert "(v viru ni stavka o tem)" in section(output, "delovno telo: ni podatkov")
    assert "2018" not in output  # Kuzma's entry gives no year
    semic = cli("explain", "--year", "2019", "semic").output
    assert "upoštevana dejstva (sporočeno v letu 2018):" in section(semic, "program ukrepov: delno skladno")
    assert "iz leta 2018" not in semic and "za leto 2018" not in semic


def test_recommendation_without_article(cli):
    output = cli("explain", "--year", "2019", "trebnje").output
    cooperation = section(output, "medinstitucionalno sodelovanje: sledi priporočilu")
    assert "vrsta obveznosti: priporočilo" in cooperation and "podlaga: Urad Vlade RS za narodnosti" in cooperation
    assert "povzetek, ki ga je treba preveriti:" in cooperation


def test_english(cli):
    output = cli("explain", "--year", "2019", "celje", "--lang", "en").output
    assert output.startswith("Mestna občina Celje (celje), 2019\n")
    assert "The municipality is not in the overview by municipality for 2019." in output
    assert "did not report" not in output and "not received" not in output
    assert "facts judged (not in the overview):" in section(output, "programme of measures: no data")
    assert "legal basis: prvi odstavek 7. člena ZRomS-1" in section(output, "working body: not applicable")
    assert "sent information for the year [reported]: not stated" in section(output, "reporting: no data")


def test_unknown_municipality_suggests(cli):
    result = cli("explain", "--lang", "en", "--year", "2019", "Turnisče")
    assert result.exit_code == 2
    assert "unknown municipality: Turnisče (did you mean: turnisce)" in result.output


def test_unknown_year(cli):
    result = cli("explain", "--lang", "en", "--year", "2030", "turnisce")
    assert result.exit_code == 2 and "years with data: 2019" in result.output

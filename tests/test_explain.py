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
    assert "pravilo: working_body.not_established (zakonska obveznost)" in body
    assert "pravna podlaga: ZRomS-1, 7. člen" in body
    assert "upoštevana dejstva (podatki iz leta 2019):" in body
    assert "    roma_seat: da" in body and "    wb_established: ne" in body
    assert "ni bilo ustanovljeno" in body  # the source sentence


def test_programme_cites_the_paragraph(cli):
    output = cli("explain", "--year", "2019", "crnomelj").output
    programme = section(output, "program ukrepov: skladno")
    assert "pravna podlaga: ZRomS-1, 6. člen, 2. odstavek" in programme
    assert "programme_status: adopted" in programme and "programme_end: 2021" in programme
    assert "Program ukrepov za Rome v Občini Črnomelj" in programme


def test_stale_facts_name_their_year(cli):
    output = cli("explain", "--year", "2019", "kuzma").output
    assert "Občina za leto 2019 ni poročala." in output
    assert "upoštevana dejstva (podatki iz leta 2018):" in section(output, "program ukrepov: neskladno")
    assert "(v viru ni stavka o tem)" in section(output, "delovno telo: ni podatkov")


def test_recommendation_without_article(cli):
    output = cli("explain", "--year", "2019", "trebnje").output
    cooperation = section(output, "medinstitucionalno sodelovanje: skladno")
    assert "(priporočilo)" in cooperation and "pravna podlaga: Program ukrepov Vlade RS za Rome" in cooperation


def test_english(cli):
    output = cli("explain", "--year", "2019", "celje", "--lang", "en").output
    assert output.startswith("Mestna občina Celje (celje), 2019\n")
    assert "The municipality did not report for 2019." in output
    assert "facts judged (year of the facts unknown):" in section(output, "programme of measures: no data")
    assert "legal basis: ZRomS-1, 7. člen" in section(output, "working body: not applicable")


def test_unknown_municipality_suggests(cli):
    result = cli("explain", "--lang", "en", "--year", "2019", "Turnisče")
    assert result.exit_code == 2
    assert "unknown municipality: Turnisče (did you mean: turnisce)" in result.output


def test_unknown_year(cli):
    result = cli("explain", "--lang", "en", "--year", "2030", "turnisce")
    assert result.exit_code == 2 and "years with data: 2019" in result.output

"""The whole 2019 follow-up cycle, as a clerk runs it: letters, send, replies, reminders, status.

Real components throughout: the register on disk, an SMTP server on 127.0.0.1 (aiosmtpd).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter

from smtpsink import Server, Sink
from test_register import LETTERED, assert_clean_failure, confirm_office, rows

ANSWERED = ("kuzma", "celje")


def test_the_2019_cycle_end_to_end(cli, data_copy, tmp_path):
    data = str(data_copy)
    first_dir, reminder_dir = tmp_path / "dopisi-2019", tmp_path / "opomniki-2019"
    confirm_office(data_copy)  # the clerk has confirmed office.yaml: final letters, not OSNUTEK
    sink = Sink()
    with Server(sink) as server:
        smtp = ("--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--no-starttls")

        # 1. The first letters, recorded as they are written.
        result = cli("letters", "--year", "2019", "--out", str(first_dir), "--date", "2020-03-02", "--data-dir", data)
        assert result.exit_code == 0, result.output
        manifest = json.loads((first_dir / "manifest.json").read_text(encoding="utf-8"))
        assert [e["municipality"] for e in manifest["letters"]] == LETTERED
        numbers = {e["municipality"]: e["number"] for e in manifest["letters"]}

        # 2. Sent, each once.
        result = cli("send", "--year", "2019", *smtp, "--yes", "--data-dir", data)
        assert result.exit_code == 0, result.output
        assert Counter(a.message["Message-ID"].split(".")[2] for a in sink.messages) == Counter(LETTERED)

        # 3. Two replies: one with its file, one closing the case.
        reply = tmp_path / "kuzma-odgovor.pdf"
        reply.write_bytes(b"%PDF-1.4 odgovor obcine Kuzma")
        assert cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-25", "--file", str(reply),
                   "--data-dir", data).exit_code == 0
        assert cli("register", "reply", "--year", "2019", "celje", "--date", "2020-03-30", "--note",
                   "Podatki posredovani po telefonu", "--close", "--data-dir", data).exit_code == 0

        # 4. On the deadline day itself no reminder is due yet.
        early = cli("reminders", "--year", "2019", "--date", "2020-04-01", "--out", str(reminder_dir), "--data-dir", data)
        assert_clean_failure(early, "noben rok za odgovor ni potekel")
        assert not reminder_dir.exists()

        # 5. Past the deadline: a reminder to exactly those without a reply.
        result = cli("reminders", "--year", "2019", "--date", "2020-04-20", "--out", str(reminder_dir), "--data-dir", data)
        assert result.exit_code == 0, result.output
        reminded = [e["municipality"] for e in json.loads((reminder_dir / "manifest.json").read_text(encoding="utf-8"))["letters"]]
        assert reminded == [m for m in LETTERED if m not in ANSWERED]
        assert "kuzma (odgovorjeno)" in result.output and "celje (zaprto)" in result.output
        # compared as read: the letters keep dates and numbers together with non-breaking spaces
        text = (reminder_dir / "semic.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
        assert f"Zveza: naš dopis št. {numbers['semic']} z dne 2. 3. 2020" in text
        assert f"Številka: {numbers['semic']}-2" in text
        # what the first letter asked for, as it asked: Semič's for the data and an answer
        assert f"Z dopisom št. {numbers['semic']} z dne 2. 3. 2020 smo vas prosili za podatke in odgovor do 1. 4. 2020." in text
        assert "Vašega odgovora do danes nismo prejeli." in text
        assert "Podatke in odgovor pričakujemo najpozneje do 5. 5. 2020" in text  # 15 days from 20 April
        assert "Zadeva: Opomnik – poziv k posredovanju podatkov za leto 2019" in text
        tisina = (reminder_dir / "tisina.txt").read_text(encoding="utf-8").replace("\u00a0", " ")
        assert f"z dne 2. 3. 2020 smo vas prosili za odgovor do 1. 4. 2020." in tisina
        assert "Odgovor pričakujemo najpozneje do 5. 5. 2020" in tisina
        cites = rows(data_copy, "SELECT r.municipality, f.number FROM letters r JOIN letters f ON f.id = r.cites"
                                " WHERE r.kind = 'reminder' ORDER BY r.id")
        assert cites == [(m, numbers[m]) for m in reminded]

        # 6. Sending again sends the reminders only.
        result = cli("send", "--year", "2019", *smtp, "--yes", "--data-dir", data)
        assert result.exit_code == 0, result.output
        assert f"Poslanih dopisov: {len(reminded)}." in result.output
        subjects = Counter((a.message["Message-ID"].split(".")[2], a.message["Subject"].startswith("Opomnik"))
                           for a in sink.messages)
        assert subjects == Counter([(m, False) for m in LETTERED] + [(m, True) for m in reminded])

    # 7. Where things stand.
    status = json.loads(cli("status", "--year", "2019", "--date", "2020-04-21", "--format", "json",
                            "--data-dir", data).output)
    by_id = {c["municipality"]: c for c in status["cases"]}
    assert by_id["kuzma"]["state"] == "answered" and by_id["kuzma"]["replies"][0]["date"] == "2020-03-25"
    assert by_id["celje"]["state"] == "closed" and by_id["celje"]["reminders"] == []
    for municipality in reminded:
        case = by_id[municipality]
        assert case["state"] == "open" and case["deadline"] == "2020-05-05" and not case["overdue"]
        assert [r["delivery"] for r in case["reminders"]] == ["sent"]
    later = json.loads(cli("status", "--year", "2019", "--date", "2020-05-06", "--format", "json",
                           "--data-dir", data).output)
    assert [c["municipality"] for c in later["cases"] if c["overdue"]] == reminded

    # A second reminder before the new deadline is refused; none for a case that answered.
    assert_clean_failure(cli("reminders", "--year", "2019", "--date", "2020-04-21", "--out", str(tmp_path / "r2"),
                             "--data-dir", data), "noben rok")
    assert_clean_failure(cli("reminders", "--year", "2019", "--date", "2020-05-06", "--out", str(tmp_path / "r2"),
                             "--municipality", "kuzma", "--data-dir", data), "kuzma", "opomnik ni potreben")
    assert not (tmp_path / "r2").exists()


def test_next_years_letter_says_when_the_same_obligation_was_written_about_in_a_letter_that_went_out(cli, data_copy, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from scale import copy_year

    data = str(data_copy)
    confirm_office(data_copy)
    result = cli("letters", "--year", "2019", "--out", str(tmp_path / "2019"), "--date", "2020-03-02", "--data-dir", data)
    assert result.exit_code == 0, result.output
    first = {e["municipality"]: e for e in json.loads((tmp_path / "2019" / "manifest.json").read_text(encoding="utf-8"))["letters"]}
    # Sent from Outlook, all but Semič's.
    went_out = [m for m in LETTERED if m != "semic"]
    assert cli("register", "sent", "--year", "2019", *went_out, "--date", "2020-03-03", "--data-dir", data).exit_code == 0

    copy_year(data_copy, 2019, 2020)  # the same facts a year on: the same obligations fall short
    result = cli("letters", "--year", "2020", "--out", str(tmp_path / "2020"), "--date", "2021-03-01", "--data-dir", data)
    assert result.exit_code == 0, result.output
    second = {e["municipality"]: e for e in json.loads((tmp_path / "2020" / "manifest.json").read_text(encoding="utf-8"))["letters"]}
    assert second.keys() == first.keys()
    kinds = {"reporting": "request", "programme": "duty", "working_body": "duty", "cooperation": "recommendation"}
    provisions = {"programme": "drugega odstavka 6. člena ZRomS-1", "working_body": "prvega odstavka 7. člena ZRomS-1"}
    for municipality, entry in second.items():
        assert entry["reasons"] == first[municipality]["reasons"] and entry["reasons"]
        text = letter_text(tmp_path / "2020" / f"{municipality}.txt")
        letter = f"z dopisom št. {first[municipality]['number']} z dne 2. 3. 2020."
        said = {o: {"duty": f"Na obveznost iz {provisions.get(o)} smo vas spomnili že {letter}",
                    "recommendation": f"Priporočilo smo vam posredovali že {letter}",
                    "request": f"K posredovanju podatkov za leto 2019 smo vas pozvali že {letter}"}[kinds[o]]
                for o in kinds}
        # in the paragraph of each obligation that letter asked about, in the words for its
        # kind; never for a letter that did not go out
        for obligation, sentence in said.items():
            expected = municipality != "semic" and obligation in entry["reasons"]
            assert text.count(sentence) == int(expected), (municipality, obligation)
        assert (letter in text) == (municipality != "semic")
    # said after what the Office holds, before the municipality's reasons and what is asked
    kuzma = letter_text(tmp_path / "2020" / "kuzma.txt")
    assert ("nima. Na obveznost iz drugega odstavka 6. člena ZRomS-1 smo vas spomnili že z dopisom št. "
            "54201-1/2020-UN/8 z dne 2. 3. 2020. Prosimo vas, da nam sporočite") in kuzma
    ljubljana = letter_text(tmp_path / "2020" / "ljubljana.txt")
    reminded = ljubljana.index("smo vas spomnili že")
    assert reminded < ljubljana.index("Seznanjeni smo", reminded) < ljubljana.index("vas prosimo", reminded)
    assert "Seznanjeni smo" not in ljubljana[ljubljana.rindex("določa", 0, reminded):reminded]
    # a reply the register holds to that letter is said too
    assert cli("register", "reply", "--year", "2019", "tisina", "--date", "2020-03-20", "--note", "odgovor",
               "--data-dir", data).exit_code == 0
    result = cli("letters", "--year", "2020", "--out", str(tmp_path / "2020r"), "--date", "2021-03-01", "--data-dir", data)
    assert result.exit_code == 0, result.output
    assert (f"z dopisom št. {first['tisina']['number']} z dne 2. 3. 2020, na katerega ste nam odgovorili dne 20. 3. 2020."
            in letter_text(tmp_path / "2020r" / "tisina.txt"))
    # a register written before it knew what letters asked about gives no such sentence
    with sqlite3.connect(data_copy / "register.sqlite") as db:
        db.execute("UPDATE letters SET reasons = NULL WHERE year = 2019")
    db.close()
    result = cli("letters", "--year", "2020", "--out", str(tmp_path / "2020b"), "--date", "2021-03-01", "--data-dir", data)
    assert result.exit_code == 0, result.output
    assert all("z dopisom št. 54201-1/2020-UN/" not in letter_text(p) for p in (tmp_path / "2020b").glob("*.txt"))


def letter_text(path) -> str:
    """A letter as read: non-breaking spaces as spaces, lines joined."""
    return " ".join(path.read_text(encoding="utf-8").replace("\u00a0", " ").split())


def test_a_reminder_for_a_letter_that_asked_only_for_the_data_asks_for_the_data(cli, data_copy, tmp_path):
    data = str(data_copy)
    confirm_office(data_copy)
    assert cli("letters", "--year", "2019", "--municipality", "celje", "--out", str(tmp_path / "d"), "--date",
               "2020-03-02", "--data-dir", data).exit_code == 0
    assert cli("register", "sent", "--year", "2019", "celje", "--date", "2020-03-03", "--data-dir", data).exit_code == 0
    result = cli("reminders", "--year", "2019", "--date", "2020-04-20", "--out", str(tmp_path / "r"), "--data-dir", data)
    assert result.exit_code == 0, result.output
    text = letter_text(tmp_path / "r" / "celje.txt")
    number = json.loads((tmp_path / "d" / "manifest.json").read_text(encoding="utf-8"))["letters"][0]["number"]
    assert f"Z dopisom št. {number} z dne 2. 3. 2020 smo vas prosili za podatke do 1. 4. 2020." in text
    assert "Podatke pričakujemo najpozneje do 5. 5. 2020" in text
    note = (tmp_path / "r" / "celje.eml").read_bytes()
    from email import message_from_bytes, policy

    body = message_from_bytes(note, policy=policy.default).get_body(("plain",)).get_content()
    assert (f"v prilogi vam pošiljamo opomnik št. {number}-2 z dne 20. 4. 2020 k našemu dopisu št. {number} "
            "z dne 2. 3. 2020.") in " ".join(body.replace("\u00a0", " ").split())


def test_a_preview_reads_earlier_letters_without_changing_the_register(cli, data_copy, tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from scale import copy_year

    data = str(data_copy)
    confirm_office(data_copy)
    assert cli("letters", "--year", "2019", "--municipality", "kuzma", "--out", str(tmp_path / "d"), "--date",
               "2020-03-02", "--data-dir", data).exit_code == 0
    assert cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03", "--data-dir", data).exit_code == 0
    copy_year(data_copy, 2019, 2020)
    register = data_copy / "register.sqlite"
    for leftover in (data_copy / "register.sqlite-wal", data_copy / "register.sqlite-shm"):
        assert not leftover.exists()  # the last command closed it cleanly
    before = register.read_bytes()
    register.chmod(0o444)  # a preview must not even need to write
    try:
        result = cli("letters", "--year", "2020", "--municipality", "kuzma", "--no-register", "--out",
                     str(tmp_path / "p"), "--date", "2021-03-01", "--data-dir", data)
    finally:
        register.chmod(0o644)
    assert result.exit_code == 0, result.output
    assert "smo vas spomnili že z dopisom" in letter_text(tmp_path / "p" / "kuzma.txt")
    assert register.read_bytes() == before

"""The whole 2019 follow-up cycle, as a clerk runs it: letters, send, replies, reminders, status.

Real components throughout: the register on disk, an SMTP server on 127.0.0.1 (aiosmtpd).
"""

from __future__ import annotations

import json
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
        assert "Do dneva tega dopisa Vašega odgovora nismo prejeli." in text
        assert "najpozneje do 5. 5. 2020" in text  # 15 days from 20 April
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

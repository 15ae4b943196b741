"""`compliance send` against a real SMTP server on 127.0.0.1 (aiosmtpd), with the register on disk."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from smtpsink import Server, Sink
from test_register import LETTERED, assert_clean_failure, rows, write_letters


@pytest.fixture
def lettered(cli, data_copy, tmp_path):
    result = write_letters(cli, data_copy, tmp_path / "letters")
    assert result.exit_code == 0, result.output
    return data_copy


def send(cli, data: Path, server: Server, *args: str, **kwargs):
    return cli("send", "--year", "2019", "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port),
               "--no-starttls", "--data-dir", str(data), *args, **kwargs)


def written_message_id(folder: Path, municipality: str) -> str:
    """The Message-ID the letters command gave the written draft (it carries a content hash)."""
    from email import message_from_bytes
    from email.policy import default

    return message_from_bytes((folder / f"{municipality}.eml").read_bytes(), policy=default)["Message-ID"]


def arrivals_by_municipality(sink: Sink) -> Counter:
    # Message-IDs are <letter.2019.<id>.<date>[.rN]@gov.si>
    return Counter(a.message["Message-ID"].split(".")[2] for a in sink.messages)


def test_every_letter_arrives_once_with_its_attachment_and_a_rerun_sends_nothing(cli, lettered, tmp_path):
    letters = tmp_path / "letters"
    sink = Sink()
    with Server(sink) as server:
        result = send(cli, lettered, server, "--yes")
        assert result.exit_code == 0, result.output
        again = send(cli, lettered, server, "--yes")
    assert arrivals_by_municipality(sink) == Counter({m: 1 for m in LETTERED})
    manifest = {e["municipality"]: e for e in json.loads((letters / "manifest.json").read_text(encoding="utf-8"))["letters"]}
    for arrived in sink.messages:
        message = arrived.message
        ident = message["Message-ID"].split(".")[2]
        assert arrived.recipients == [str(a.addr_spec) for a in message["To"].addresses]
        assert arrived.sender == "gp.un@gov.si"
        assert message["X-Unsent"] is None  # the draft marker is for Outlook, not for the wire
        attachments = list(message.iter_attachments())
        assert attachments, ident
        entry = manifest[ident]
        for part in attachments:  # exactly the PDF the batch wrote, under the manifest's attachment name
            assert part.get_content() == (letters / entry["files"]["pdf"]).read_bytes()
            assert part.get_filename() == entry["attachment"]
    assert "Poslanih dopisov: 11." in result.output
    assert again.exit_code == 0 and "Ni česa poslati" in again.output
    assert rows(lettered, "SELECT COUNT(*), COUNT(DISTINCT letter) FROM deliveries WHERE state = 'sent'") == [(11, 11)]
    assert rows(lettered, "SELECT DISTINCT sent_on FROM deliveries") == [(dt.date.today().isoformat(),)]


def test_a_rejected_recipient_leaves_that_letter_unsent_and_the_next_run_retries_it(cli, lettered):
    sink = Sink(reject={"obcina@semic.si"})
    with Server(sink) as server:
        result = send(cli, lettered, server, "--yes")
        assert_clean_failure(result, "semic", "550", "neposlanih dopisov: 1")
        assert arrivals_by_municipality(sink) == Counter({m: 1 for m in LETTERED if m != "semic"})
        [(state, error)] = rows(lettered, "SELECT d.state, d.error FROM deliveries d JOIN letters l ON l.id = d.letter"
                                          " WHERE l.municipality = 'semic'")
        assert state == "failed" and "obcina@semic.si" in error
        sink.reject.clear()
        retry = send(cli, lettered, server, "--yes")
    assert retry.exit_code == 0, retry.output
    assert "semic" in retry.output and "Poslanih dopisov: 1." in retry.output
    assert arrivals_by_municipality(sink) == Counter({m: 1 for m in LETTERED})


def test_an_unreachable_server_sends_and_records_nothing(cli, lettered):
    sink = Sink()
    with Server(sink) as server:
        port = server.port
    result = cli("send", "--year", "2019", "--smtp-host", "127.0.0.1", "--smtp-port", str(port), "--no-starttls",
                 "--yes", "--data-dir", str(lettered))
    assert_clean_failure(result, f"127.0.0.1:{port}", "ni dosegljiv", "nič ni bilo poslano")
    assert rows(lettered, "SELECT COUNT(*) FROM deliveries") == [(0,)]


def test_dry_run_and_a_no_at_the_question_send_nothing(cli, lettered):
    sink = Sink()
    with Server(sink) as server:
        dry = send(cli, lettered, server, "--dry-run")
        declined = send(cli, lettered, server, input="n\n")
    assert dry.exit_code == 0 and "Poskusni zagon" in dry.output
    for municipality in LETTERED:
        assert municipality in dry.output
    assert "Pošljem te dopise?" in declined.output and declined.exit_code == 1
    assert sink.messages == []
    assert rows(lettered, "SELECT COUNT(*) FROM deliveries") == [(0,)]


def test_a_letter_changed_after_it_was_written_is_not_sent(cli, lettered, tmp_path):
    eml = tmp_path / "letters" / "celje.eml"
    eml.write_bytes(eml.read_bytes().replace(b"Celje", b"Celje!"))
    sink = Sink()
    with Server(sink) as server:
        result = send(cli, lettered, server, "--yes")
    assert_clean_failure(result, "celje", "spremenila")
    assert sink.messages == []


def test_a_letter_file_that_is_gone_stops_the_run_before_anything_is_sent(cli, lettered, tmp_path):
    (tmp_path / "letters" / "maribor.eml").unlink()
    sink = Sink()
    with Server(sink) as server:
        result = send(cli, lettered, server, "--yes")
    assert_clean_failure(result, "maribor", "maribor.eml", "nič ni bilo poslano")
    assert sink.messages == []
    assert rows(lettered, "SELECT COUNT(*) FROM deliveries") == [(0,)]


def test_a_sent_letter_goes_again_only_with_resend_and_a_reason(cli, lettered, tmp_path):
    sink = Sink()
    with Server(sink) as server:
        assert send(cli, lettered, server, "--yes").exit_code == 0
        assert_clean_failure(send(cli, lettered, server, "--yes", "--resend", "kuzma"), "--reason")
        result = send(cli, lettered, server, "--yes", "--resend", "kuzma", "--reason", "Občina je izgubila dopis")
    assert result.exit_code == 0, result.output
    counts = Counter(a.message["Message-ID"] for a in sink.messages)
    original = written_message_id(tmp_path / "letters", "kuzma")
    assert original.startswith("<letter.2019.kuzma.20200302.")
    assert counts[original] == 1
    assert counts[original.replace("@gov.si>", ".r2@gov.si>")] == 1
    assert len(sink.messages) == len(LETTERED) + 1
    assert rows(lettered, "SELECT reason FROM deliveries WHERE reason IS NOT NULL") == [("Občina je izgubila dopis",)]


def test_a_draft_is_never_sent(cli, data_copy, tmp_path):
    assert write_letters(cli, data_copy, tmp_path / "letters", confirmed=False).exit_code == 0
    sink = Sink()
    with Server(sink) as server:
        result = send(cli, data_copy, server, "--yes")
    assert_clean_failure(result, "OSNUTEK", "nič ni bilo poslano")
    assert sink.messages == []


def test_sending_needs_a_server(cli, lettered):
    result = cli("send", "--year", "2019", "--yes", "--data-dir", str(lettered))
    assert_clean_failure(result, "--smtp-host", "office.yaml")


def _killed_send(data: Path, server: Server, sink: Sink) -> None:
    """Run `send` in its own process and SIGKILL it while the server holds the 3rd letter."""
    env = {**os.environ, "COMPLIANCE_USER": "test"}
    process = subprocess.Popen(
        [sys.executable, "-c", "from compliance.cli import main; main()", "send", "--year", "2019",
         "--smtp-host", "127.0.0.1", "--smtp-port", str(server.port), "--no-starttls", "--yes",
         "--data-dir", str(data)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    try:
        assert sink.held.wait(timeout=120), process.communicate(timeout=5)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize("stage", ["RCPT", "DATA"])
def test_a_send_killed_midway_leaves_a_consistent_register_and_nothing_goes_twice(cli, lettered, stage, tmp_path):
    third = LETTERED[2]
    sink = Sink(hold_at=(stage, 3))
    with Server(sink) as server:
        _killed_send(lettered, server, sink)
        # The register is readable and says exactly what happened: two sent, one interrupted.
        states = dict(rows(lettered, "SELECT l.municipality, d.state FROM deliveries d JOIN letters l ON l.id = d.letter"))
        assert states == {LETTERED[0]: "sent", LETTERED[1]: "sent", third: "sending"}
        assert rows(lettered, "PRAGMA integrity_check") == [("ok",)]

        rerun = send(cli, lettered, server, "--yes")
        assert rerun.exit_code == 0, rerun.output
        assert "NEGOTOVO" in rerun.stderr and third in rerun.stderr
        assert written_message_id(tmp_path / "letters", third) in rerun.stderr
        expected = Counter({m: 1 for m in LETTERED})
        if stage == "RCPT":  # killed before the message was handed over: it never arrived
            del expected[third]
        assert arrivals_by_municipality(sink) == expected

        # A third run sends nothing and still names the letter staff must look at.
        third_run = send(cli, lettered, server, "--yes")
        assert "Ni česa poslati" in third_run.output and "NEGOTOVO" in third_run.stderr

        # The clerk checks the sent mail by its Message-ID and settles it.
        if stage == "DATA":
            settled = cli("register", "sent", "--year", "2019", third, "--date", dt.date.today().isoformat(),
                          "--data-dir", str(lettered))
        else:
            settled = send(cli, lettered, server, "--yes", "--resend", third, "--reason", "ni prispelo (prekinjeno)")
        assert settled.exit_code == 0, settled.output
        final = send(cli, lettered, server, "--yes")
    assert "Ni česa poslati" in final.output and "NEGOTOVO" not in final.stderr
    assert arrivals_by_municipality(sink) == Counter({m: 1 for m in LETTERED})
    with sqlite3.connect(lettered / "register.sqlite") as db:
        sent = db.execute("SELECT COUNT(DISTINCT letter) FROM deliveries WHERE state = 'sent'").fetchone()[0]
    assert sent == len(LETTERED)

"""The follow-up register on disk: schema and migrations, letters recorded, sent, replies, status."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from compliance.errors import ComplianceError
from compliance.register import register_file, schema
from compliance.register.store import open_register

DATE = "2020-03-02"
# The 2019 letters go to these (the policy's outcome on the bundled data; test_letters_cli checks the policy).
LETTERED = ["kuzma", "semic", "sentjernej", "tisina", "turnisce", "ribnica", "skocjan", "maribor", "celje",
            "ljubljana", "velenje"]


def confirm_office(data: Path) -> None:
    """Staff have confirmed every value of office.yaml (the letters are final, not OSNUTEK)."""
    path = data / "office.yaml"
    out, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("unconfirmed:"):
            out.append("unconfirmed: []\n")
            skipping = True
        elif skipping and line.startswith("  - "):
            continue
        else:
            skipping = False
            out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def write_letters(cli, data: Path, out: Path, *args: str, confirmed: bool = True):
    if confirmed:
        confirm_office(data)
    return cli("letters", "--year", "2019", "--out", str(out), "--date", DATE, "--data-dir", str(data),
               "--format", "docx,eml", *args)


def rows(data: Path, sql: str, *params):
    with sqlite3.connect(register_file(data)) as db:
        return db.execute(sql, params).fetchall()


def assert_clean_failure(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


@pytest.fixture
def lettered(cli, data_copy, tmp_path):
    result = write_letters(cli, data_copy, tmp_path / "letters")
    assert result.exit_code == 0, result.output
    return data_copy


# ---- schema and migrations

def test_a_new_register_is_created_at_the_latest_schema_in_wal_mode(tmp_path):
    path = tmp_path / "data" / "register.sqlite"
    with open_register(path) as register:
        version = register.db.execute("PRAGMA user_version").fetchone()[0]
        mode = register.db.execute("PRAGMA journal_mode").fetchone()[0]
        tables = {r[0] for r in register.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        migrated = [e["details"]["version"] for e in register.events() if e["what"] == "schema_migrated"]
    assert version == schema.VERSION == 5
    assert mode == "wal"
    assert {"cases", "letters", "letter_files", "replies", "events", "deliveries"} <= tables
    assert migrated == [1, 2, 3, 4, 5]


def test_an_empty_file_is_migrated_from_nothing(tmp_path):
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"")
    with open_register(path) as register:
        assert register.db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def _v1_register(path: Path) -> None:
    """A register as the first release left it: schema v1 with a letter in it."""
    db = sqlite3.connect(path)
    for statement in schema.MIGRATIONS[0].split(";\n"):
        if statement.strip():
            db.executescript(statement + ";")
    db.execute("INSERT INTO cases VALUES (2019, 'kuzma', 'open')")
    db.execute(
        "INSERT INTO letters (year, municipality, kind, number, date, deadline, subject, recipients, folder)"
        " VALUES (2019, 'kuzma', 'first', '54201-1/2020-UN/8', '2020-03-02', '2020-04-01', 'Zadeva', "
        "'[\"info@obcina-kuzma.si\"]', '/tmp/letters')")
    db.execute("INSERT INTO events (at, by, what) VALUES ('2020-03-02T10:00:00+00:00', 'ana', 'letter_recorded')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_a_register_of_the_previous_schema_is_migrated_keeping_its_letters_and_history(tmp_path):
    path = tmp_path / "register.sqlite"
    _v1_register(path)
    with open_register(path, by="test") as register:
        assert register.db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        [letter] = register.letters(2019, "kuzma")
        assert letter.number == "54201-1/2020-UN/8"
        assert register.deliveries(letter.id) == []  # the v2 table, usable at once
        events = register.events()
    assert [e["what"] for e in events] == ["letter_recorded"] + ["schema_migrated"] * 4
    assert [e["details"] for e in events[1:]] == [{"version": 2}, {"version": 3}, {"version": 4}, {"version": 5}]
    assert letter.reasons is None  # what it asked about was not recorded before v5
    assert events[1]["by"] == "test"


def test_a_register_from_a_newer_release_is_refused_and_left_unchanged(cli, lettered):
    path = register_file(lettered)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    result = cli("status", "--year", "2019", "--data-dir", str(lettered))
    assert_clean_failure(result, "novejše različice", "shema 99")
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_a_clear_error(cli, data_copy):
    register_file(data_copy).write_text("not a database, just text " * 100)
    result = cli("status", "--year", "2019", "--data-dir", str(data_copy))
    assert_clean_failure(result, "registra", "ni mogoče uporabiti")


def test_events_are_append_only(lettered):
    with sqlite3.connect(register_file(lettered)) as db:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("UPDATE events SET by = 'someone else'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db.execute("DELETE FROM events")


def test_a_locked_register_is_a_clear_error_and_nothing_is_recorded(cli, lettered, monkeypatch):
    monkeypatch.setenv("COMPLIANCE_REGISTER_TIMEOUT", "0.2")
    other = sqlite3.connect(register_file(lettered), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another clerk's command, in the middle of a change
    try:
        result = cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03",
                     "--data-dir", str(lettered))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_clean_failure(result, "zaklenjen")
    assert rows(lettered, "SELECT COUNT(*) FROM deliveries") == [(0,)]


# ---- letters recorded

def test_letters_records_every_letter_with_its_files_and_hashes(lettered, tmp_path):
    out = tmp_path / "letters"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    recorded = rows(lettered, "SELECT municipality, kind, number, date, deadline, recipients, folder FROM letters ORDER BY id")
    assert [r[0] for r in recorded] == [e["municipality"] for e in manifest["letters"]] == LETTERED
    for row, entry in zip(recorded, manifest["letters"]):
        assert row[1:] == ("first", entry["number"], DATE, entry["deadline"], json.dumps(entry["emails"]), str(out.resolve()))
    files = rows(lettered, "SELECT l.municipality, f.format, f.name, f.sha256 FROM letter_files f JOIN letters l ON l.id = f.letter")
    assert len(files) == 3 * len(LETTERED)  # docx and eml as asked, and the PDF the e-mail carries
    for municipality, fmt, name, sha in files:
        assert name == f"{municipality}.{fmt}"
        assert sha == hashlib.sha256((out / name).read_bytes()).hexdigest()
    assert rows(lettered, "SELECT DISTINCT state FROM cases") == [("open",)]


def test_the_register_records_the_letters_recipients_not_the_doubtful_addresses(cli, data_copy, tmp_path):
    registry = data_copy / "municipalities.yaml"
    text = registry.read_text(encoding="utf-8")
    before = "    emails: [info@obcina-kuzma.si]\n"
    assert before in text
    registry.write_text(text.replace(before, "    emails: [info@obcina-kuzma.si, zupan@obcina-kuzrna.si]\n"
                                             "    unconfirmed_emails: [zupan@obcina-kuzrna.si]\n"), encoding="utf-8")
    out = tmp_path / "letters"
    result = write_letters(cli, data_copy, out, "--municipality", "kuzma")
    assert result.exit_code == 0, result.output
    [entry] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]
    assert entry["recipients"] == ["info@obcina-kuzma.si"]
    assert rows(data_copy, "SELECT recipients FROM letters WHERE municipality = 'kuzma'") == [
        (json.dumps(["info@obcina-kuzma.si"]),)]


def test_writing_the_same_letters_again_records_nothing_new(cli, lettered, tmp_path):
    before = rows(lettered, "SELECT COUNT(*) FROM events")
    result = write_letters(cli, lettered, tmp_path / "letters", "--force")
    assert result.exit_code == 0, result.output
    assert rows(lettered, "SELECT COUNT(*) FROM letters") == [(len(LETTERED),)]
    assert rows(lettered, "SELECT COUNT(*) FROM events") == before


def test_an_unsent_letter_written_again_on_another_day_replaces_the_first_with_a_trace(cli, lettered, tmp_path):
    result = cli("letters", "--year", "2019", "--out", str(tmp_path / "again"), "--date", "2020-03-05",
                 "--data-dir", str(lettered), "--format", "docx,eml", "--municipality", "kuzma")
    assert result.exit_code == 0, result.output
    kuzma = rows(lettered, "SELECT id, date, replaced_by FROM letters WHERE municipality = 'kuzma' ORDER BY id")
    assert [(r[1], r[2]) for r in kuzma] == [(DATE, kuzma[1][0]), ("2020-03-05", None)]
    [(details,)] = rows(lettered, "SELECT details FROM events WHERE what = 'letter_recorded' AND municipality = 'kuzma' ORDER BY id DESC LIMIT 1")
    assert json.loads(details)["replaces"] == [kuzma[0][0]]


def test_a_sent_letter_is_never_replaced_and_nothing_is_written(cli, lettered, tmp_path):
    assert cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03",
               "--data-dir", str(lettered)).exit_code == 0
    out = tmp_path / "again"
    result = cli("letters", "--year", "2019", "--out", str(out), "--date", "2020-03-05",
                 "--data-dir", str(lettered), "--format", "docx,eml", "--municipality", "kuzma")
    assert_clean_failure(result, "kuzma", "že poslan", "--no-register")
    assert not out.exists()
    preview = cli("letters", "--year", "2019", "--out", str(out), "--date", "2020-03-05", "--no-register",
                  "--data-dir", str(lettered), "--format", "docx,eml", "--municipality", "kuzma")
    assert preview.exit_code == 0 and (out / "kuzma.eml").exists()
    assert rows(lettered, "SELECT COUNT(*) FROM letters WHERE municipality = 'kuzma'") == [(1,)]


def test_a_batch_that_cannot_be_written_records_nothing(cli, data_copy, tmp_path):
    out = tmp_path / "letters"
    out.mkdir()
    (out / "kuzma.eml").write_text("already here")
    result = write_letters(cli, data_copy, out)
    assert result.exit_code == 2
    with open_register(register_file(data_copy)) as register:
        assert register.cases(2019) == []


# ---- register sent and reply

def test_marking_letters_sent_records_who_and_when(cli, lettered, monkeypatch):
    monkeypatch.setenv("COMPLIANCE_USER", "mojca")
    result = cli("register", "sent", "--year", "2019", "kuzma", "semic", "--date", "2020-03-03", "--data-dir", str(lettered))
    assert result.exit_code == 0, result.output
    assert "kuzma, semic" in result.output
    sent = rows(lettered, "SELECT l.municipality, d.how, d.state, d.sent_on FROM deliveries d JOIN letters l ON l.id = d.letter")
    assert sent == [("kuzma", "manual", "sent", "2020-03-03"), ("semic", "manual", "sent", "2020-03-03")]
    assert {r[0] for r in rows(lettered, "SELECT by FROM events WHERE what = 'delivery_sent'")} == {"mojca"}
    result = cli("register", "sent", "--year", "2019", "tisina", "--date", "2020-03-03", "--by", "Ana Novak",
                 "--data-dir", str(lettered))
    assert rows(lettered, "SELECT by FROM events WHERE municipality = 'tisina' AND what = 'delivery_sent'") == [("Ana Novak",)]


@pytest.mark.parametrize("args, fragments", [
    (["kuzma", "kuzmaa", "--date", "2020-03-03"], ["neznana občina: kuzmaa", "kuzma"]),
    (["kuzma", "beltinci", "--date", "2020-03-03"], ["beltinci", "ni bil zapisan noben dopis"]),
    (["kuzma", "--date", "2020-03-01"], ["pred datumom dopisa"]),
    (["kuzma", "--date", "2999-01-01"], ["v prihodnosti"]),
])
def test_marking_sent_refuses_bad_input_and_records_nothing(cli, lettered, args, fragments):
    result = cli("register", "sent", "--year", "2019", *args, "--data-dir", str(lettered))
    assert_clean_failure(result, *fragments)
    assert rows(lettered, "SELECT COUNT(*) FROM deliveries") == [(0,)]


def test_marking_sent_twice_or_for_an_unknown_year_is_refused(cli, lettered):
    assert cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03", "--data-dir", str(lettered)).exit_code == 0
    assert_clean_failure(cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-04", "--data-dir", str(lettered)),
                         "že zapisan kot poslan")
    assert_clean_failure(cli("register", "sent", "--year", "2018", "kuzma", "--date", "2020-03-04", "--data-dir", str(lettered)),
                         "za leto 2018", "2019")


def test_a_reply_is_copied_with_its_hash_and_answers_the_case(cli, lettered, tmp_path):
    answer = tmp_path / "Odgovor občine Kuzma.pdf"
    answer.write_bytes(b"%PDF-1.4 reply")
    result = cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-20", "--file", str(answer),
                 "--note", "Program v pripravi", "--data-dir", str(lettered))
    assert result.exit_code == 0, result.output
    assert "odgovorjeno" in result.output
    [(file, sha, note)] = rows(lettered, "SELECT file, sha256, note FROM replies")
    assert (lettered / file).read_bytes() == answer.read_bytes()
    assert file.startswith("replies/2019/kuzma/2020-03-20-")
    assert sha == hashlib.sha256(answer.read_bytes()).hexdigest() and note == "Program v pripravi"
    assert rows(lettered, "SELECT state FROM cases WHERE municipality = 'kuzma'") == [("answered",)]
    # the same reply again is a duplicate; closing is a further reply with --close
    assert_clean_failure(cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-20", "--file", str(answer),
                             "--data-dir", str(lettered)), "že zapisan")
    result = cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-25", "--note", "Dopolnitev",
                 "--close", "--data-dir", str(lettered))
    assert result.exit_code == 0 and "zaprta" in result.output
    states = [json.loads(d)["new"] for (d,) in rows(lettered, "SELECT details FROM events WHERE what = 'case_state' AND municipality = 'kuzma' ORDER BY id")]
    assert states == ["open", "answered", "closed"]


@pytest.mark.parametrize("args, fragments", [
    (["kuzma", "--date", "2020-03-01", "--note", "x"], ["starejši od dopisa"]),
    (["kuzma", "--date", "2020-03-20"], ["--file ali --note"]),
    (["kuzma", "--date", "2020-03-20", "--file", "/nonexistent/odgovor.pdf"], ["odgovor.pdf"]),
    (["turnisce-x", "--date", "2020-03-20", "--note", "x"], ["neznana občina", "turnisce"]),
])
def test_a_bad_reply_is_refused_and_records_nothing(cli, lettered, args, fragments):
    result = cli("register", "reply", "--year", "2019", *args, "--data-dir", str(lettered))
    assert_clean_failure(result, *fragments)
    assert rows(lettered, "SELECT COUNT(*) FROM replies") == [(0,)]
    assert not (lettered / "replies").exists()


def test_register_commands_need_a_register(cli, data_copy):
    result = cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03", "--data-dir", str(data_copy))
    assert_clean_failure(result, "še ne obstaja", "compliance letters")
    assert not register_file(data_copy).exists()


# ---- status

def test_status_shows_each_case_and_what_is_overdue(cli, lettered, tmp_path):
    cli("register", "sent", "--year", "2019", *LETTERED, "--date", "2020-03-03", "--data-dir", str(lettered))
    cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-20", "--note", "odgovor", "--data-dir", str(lettered))
    cli("register", "reply", "--year", "2019", "semic", "--date", "2020-03-21", "--note", "odgovor", "--close",
        "--data-dir", str(lettered))
    before = cli("status", "--year", "2019", "--date", "2020-04-01", "--format", "json", "--data-dir", str(lettered))
    document = json.loads(before.output)
    assert document["year"] == 2019
    assert [c["municipality"] for c in document["cases"]] == LETTERED
    states = {c["municipality"]: c["state"] for c in document["cases"]}
    assert states["kuzma"] == "answered" and states["semic"] == "closed" and states["celje"] == "open"
    assert not any(c["overdue"] for c in document["cases"])  # the deadline day itself is not late
    after = json.loads(cli("status", "--year", "2019", "--date", "2020-04-02", "--format", "json",
                           "--data-dir", str(lettered)).output)
    overdue = [c["municipality"] for c in after["cases"] if c["overdue"]]
    assert overdue == [m for m in LETTERED if m not in ("kuzma", "semic")]
    assert after["cases"][0]["letter"]["sent_on"] == "2020-03-03"
    table = cli("status", "--year", "2019", "--date", "2020-04-02", "--data-dir", str(lettered)).output
    assert "Stanje zadev za leto 2019 na dan 2. 4. 2020" in table
    assert "odprtih 9, odgovorjenih 1, zaprtih 1; rok potekel: 9" in table
    english = cli("status", "--year", "2019", "--date", "2020-04-02", "--lang", "en", "--data-dir", str(lettered)).output
    assert "Cases for 2019 as of 2020-04-02" in english and "answered" in english

    out = tmp_path / "zadeve.xlsx"
    result = cli("status", "--year", "2019", "--date", "2020-04-02", "--format", "xlsx", "--out", str(out),
                 "--data-dir", str(lettered))
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["id", "občina", "dopis"]
    assert [row[0] for row in values[1:]] == LETTERED
    assert values[1][8] == "odgovorjeno" and values[3][9] == 1  # days past the deadline of 1 April
    first = out.read_bytes()
    cli("status", "--year", "2019", "--date", "2020-04-02", "--format", "xlsx", "--out", str(out), "--data-dir", str(lettered))
    assert out.read_bytes() == first  # same register and date, same bytes


def test_status_for_a_year_without_letters_names_the_years_there_are(cli, lettered):
    assert_clean_failure(cli("status", "--year", "2020", "--data-dir", str(lettered)), "2020", "2019")


def test_status_is_refused_on_a_newer_schema_by_the_library_too(lettered):
    with sqlite3.connect(register_file(lettered)) as db:
        db.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    db.close()
    with pytest.raises(ComplianceError):
        open_register(register_file(lettered))


def test_the_packaged_sample_data_never_gets_a_register(cli, tmp_path):
    from compliance import paths

    packaged = paths.BUNDLED / "data"
    result = cli("letters", "--year", "2019", "--out", str(tmp_path / "letters"), "--date", DATE,
                 "--data-dir", str(packaged), "--format", "txt")
    assert result.exit_code == 0, result.output
    assert "niso zapisani v register" in result.stderr
    assert not (packaged / "register.sqlite").exists()
    assert_clean_failure(cli("status", "--year", "2019", "--data-dir", str(packaged)), "vzorčnih podatkih", "--data-dir")


def test_a_reply_with_new_facts_points_to_the_validated_records(cli, lettered):
    records = lettered / "records" / "2019.yaml"
    result = cli("register", "reply", "--year", "2019", "semic", "--date", "2020-03-20", "--note", "nova dejstva",
                 "--facts", "--data-dir", str(lettered))
    assert result.exit_code == 0, result.output
    assert rows(lettered, "SELECT records_file, records_sha256 FROM replies") == [
        ("records/2019.yaml", hashlib.sha256(records.read_bytes()).hexdigest())]
    status = json.loads(cli("status", "--year", "2019", "--format", "json", "--data-dir", str(lettered)).output)
    semic = next(c for c in status["cases"] if c["municipality"] == "semic")
    assert semic["replies"][0]["records"]["file"] == "records/2019.yaml"
    # records that do not validate: the problem, located; nothing recorded
    records.write_text(records.read_text(encoding="utf-8").replace("status: adopted", "status: adoptd", 1), encoding="utf-8")
    result = cli("register", "reply", "--year", "2019", "tisina", "--date", "2020-03-20", "--note", "x", "--facts",
                 "--data-dir", str(lettered))
    assert result.exit_code == 2 and "2019.yaml" in result.stderr and "programme.status" in result.stderr
    assert rows(lettered, "SELECT COUNT(*) FROM replies") == [(1,)]


def test_the_v2_schema_is_migrated_to_v3_keeping_replies(tmp_path):
    path = tmp_path / "register.sqlite"
    _v1_register(path)
    db = sqlite3.connect(path)
    db.executescript(schema.MIGRATIONS[1])
    db.execute("INSERT INTO replies (year, municipality, date, note) VALUES (2019, 'kuzma', '2020-03-20', 'odgovor')")
    db.execute("PRAGMA user_version = 2")
    db.commit()
    db.close()
    with open_register(path) as register:
        [reply] = register.replies(2019, "kuzma")
    assert (reply.note, reply.records_file) == ("odgovor", None)


def test_draft_letters_are_recorded_as_drafts_and_never_marked_sent(cli, data_copy, tmp_path):
    result = write_letters(cli, data_copy, tmp_path / "letters", confirmed=False)  # office.yaml as shipped
    assert result.exit_code == 0, result.output
    assert rows(data_copy, "SELECT DISTINCT draft FROM letters") == [(1,)]
    result = cli("register", "sent", "--year", "2019", "kuzma", "--date", "2020-03-03", "--data-dir", str(data_copy))
    assert_clean_failure(result, "OSNUTEK", "office.yaml")
    # confirmed and written again: the final letters replace the unsent drafts
    assert write_letters(cli, data_copy, tmp_path / "letters", "--force").exit_code == 0
    assert rows(data_copy, "SELECT COUNT(*) FROM letters WHERE replaced_by IS NULL AND draft = 0") == [(len(LETTERED),)]

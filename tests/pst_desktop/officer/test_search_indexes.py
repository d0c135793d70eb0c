"""The searches use their indexes and still return exactly the rows of the
plain rules (every word as a prefix for records; any part of a name or phone, the start of an
e-mail for visitors), on SQLite and PostgreSQL; SQLite keeps planner statistics."""

from __future__ import annotations

import datetime as dt
import re

import peewee as pw
import pytest

from models import migrations
from models.database import database_proxy, is_sqlite
from models.entities import Consultation, Role, Visit, Visitor
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk import guest_book as guest_book_module
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.officer import consultations
from pst_desktop.officer.consultations import search, search_terms
from pst_desktop.officer.history import HistoryFilter, count, history
from tests.pst_desktop.officer_support import service

TOPICS = ["Inflasi", "Kemiskinan", "PDRB", "Kependudukan", "Ekspor Impor", ""]
QUESTIONS = [
    "Berapa inflasi Kota Bengkulu?",
    "Data kemiskinan kabupaten Kaur 2024?",
    "PDRB per kapita Bengkulu Utara",
    "Proyeksi penduduk Rejang Lebong",
    "Nilai ekspor karet 2025",
    "Data?",
]
ANSWERS = [
    "Inflasi y-on-y 2,1 persen (BRS).",
    "Data tersedia di publikasi Kabupaten Dalam Angka.",
    "PDRB ADHB 52,3 juta rupiah.",
    "",  # a record without an answer is never a search hit
    "Tabel dinamis ekspor menurut komoditas.",
    "Petugas membantu mencari tabel.",
]


@pytest.fixture
def many_records(office, clock, make_actor):
    """300 consultation records over 30 days with mixed texts, a few drafts among them."""
    officer = make_actor(Role.OFFICER)
    consultation = service(office)
    now = clock.now()
    day0 = dt.date(2026, 10, 26)
    Visit.insert_many(
        [
            {
                "office": office.id,
                "service": consultation.id,
                "ticket_service": consultation.id,
                "day": day0 + dt.timedelta(days=i % 30),
                "number": i // 30 + 1,
                "status": "done",
                "officer": officer.user_id,
                "issued_at": now - dt.timedelta(minutes=i),
                "updated_at": now,
            }
            for i in range(300)
        ]
    ).execute()
    visits = Visit.select(Visit.id).where(Visit.office == office.id).order_by(Visit.id)
    Consultation.insert_many(
        [
            {
                "visit": v.id,
                "officer": officer.user_id,
                "topic": TOPICS[i % 6],
                "question": QUESTIONS[(i // 6) % 6],
                "answer": ANSWERS[(i // 36) % 6],
                "is_draft": i % 17 == 0,
                "created_at": now,
                "updated_at": now - dt.timedelta(minutes=(i * 7) % 300),
            }
            for i, v in enumerate(visits)
        ]
    ).execute()
    return office


def _words(*texts: str) -> list[str]:
    return re.findall(r"\w+", " ".join(texts).lower())


def _holds_every_word(row: Consultation, terms: list[str]) -> bool:
    words = _words(row.topic, row.question, row.answer)
    return all(any(w.startswith(t) for w in words) for t in terms)


QUERIES = ["data", "inflasi bengkulu", "pdrb kap", "kab", "tabel ekspor", "zzz", "2024", "da ta"]


@pytest.mark.parametrize("text", QUERIES)
def test_search_returns_the_rows_the_rule_gives(many_records, text):
    terms = search_terms(text)
    matching = [r for r in Consultation.select() if r.answer != "" and _holds_every_word(r, terms)]
    newest = sorted(matching, key=lambda r: (r.updated_at, r.id), reverse=True)[:500]
    expected = sorted(
        newest,
        key=lambda r: (
            -consultations._score(terms, r.topic, r.question, r.answer),
            -r.updated_at.timestamp(),
            -r.id,
        ),
    )
    hits = search(many_records.id, text, limit=1000)
    assert [h.consultation_id for h in hits] == [r.id for r in expected]
    assert (len(hits) > 0) == (text not in ("zzz",))


@pytest.mark.parametrize("text", ["", *QUERIES])
def test_history_returns_the_rows_the_rule_gives(many_records, text):
    terms = search_terms(text)
    start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 20)
    expected = {
        r.id
        for r in Consultation.select().join(Visit)
        if start <= r.visit.day <= end and _holds_every_word(r, terms)
    }
    filters = HistoryFilter(date_from=start, date_to=end, text=text)
    rows = history(many_records.id, filters)
    assert {r.consultation_id for r in rows} == expected
    assert count(many_records.id, filters) == len(expected)
    order = [(r.day, r.visit_id) for r in rows]
    assert order == sorted(order, key=lambda k: k[0], reverse=True)
    shortened = history(many_records.id, filters, limit=5)  # the window's newest first
    assert [r.consultation_id for r in shortened] == [r.consultation_id for r in rows[:5]]
    assert len(history(many_records.id, filters, limit=None)) == len(expected)


def test_the_full_text_match_runs_once_per_query_on_sqlite(many_records):
    """The form that took 18 s at 10k records (``id IN (SELECT rowid … MATCH …)``) is gone: the
    match is a materialised CTE joined once."""
    if not is_sqlite():
        pytest.skip("SQLite's FTS5 plan")
    query = consultations.full_text_filter(
        Consultation.select(Consultation.id), search_terms("data kab")
    )
    sql, _params = query.sql()
    assert "AS MATERIALIZED" in sql and " IN (" not in sql
    plan = " ".join(
        str(row[-1]) for row in database_proxy.execute_sql("EXPLAIN QUERY PLAN " + sql, _params)
    )
    assert "=M" not in plan  # no FTS probe per consultation row (``rowid=? AND MATCH``)


GUESTS = [
    ("Budi Santoso", "budi.santoso@example.com", "081277771234"),
    ("Siti Aminah", "siti@example.com", "085612345678"),
    ("Rina Budiarti", "rina.b@example.com", ""),
    ("Ahmad Dani", "dani@kantor.go.id", "0736123456"),
    ("Dodi", "budiman@example.com", "081299990000"),
    ("Ani Rahmawati", "ani.r@example.com", "082177775555"),
]
FIND = [
    "budi",
    "Budi",
    "BUDI",
    "ani",
    "sit",
    "7777",
    "0812 7777",
    "+62812",
    "rina.b",
    "example",
    "dani@k",
    "xq",
    "santoso",
    "ti am",
    "a",
    "bu",
    "%",
    "_u",
    '"budi"',
]


@pytest.fixture
def guest_book(office, clock, admin, make_actor):
    receptionist = make_actor(Role.RECEPTIONIST)
    service_ = RegistrationService(clock)
    for name, email, phone in GUESTS:
        service_.register(
            receptionist,
            VisitorForm(name=name, email=email, phone=phone, gender="male", consent=True),
        )
    return service_, receptionist


def _by_rule(text: str) -> list[int]:
    """What the guest-book search promises, in Python (``%`` and ``_`` are plain characters)."""
    text = text.strip()
    if len(text) < 2:
        return []
    lower = text.lower()
    phone = guest_book_module.normalize_phone(text)
    found = []
    for v in Visitor.select().order_by(Visitor.updated_at.desc(), Visitor.id.desc()):
        hit = lower in v.name.lower() or v.email.lower().startswith(lower)
        if len(phone) >= 4 and phone.lstrip("+").isdigit():
            hit = hit or phone in v.phone
        if hit:
            found.append(v.id)
    return found


@pytest.mark.parametrize("text", FIND)
def test_guest_book_search_through_the_index_finds_what_like_found(guest_book, text):
    service_, receptionist = guest_book
    found = [v.id for v in service_.find(receptionist, text, limit=50)]
    assert found == _by_rule(text)


def test_the_trigram_table_is_used_and_follows_edits_on_sqlite(guest_book, clock):
    if not is_sqlite():
        pytest.skip("SQLite's trigram table")
    service_, receptionist = guest_book
    assert database_proxy.obj.table_exists(migrations.VISITOR_FTS_TABLE)
    narrowed = guest_book_module._narrowed_by_trigrams(Visitor.select(Visitor.id), ["budi"])
    assert migrations.VISITOR_FTS_TABLE in narrowed.sql()[0]
    budi = Visitor.get(Visitor.name == "Budi Santoso")
    form = guest_book_module.form_from_visitor(budi)
    form.name = "Bambang Santoso"
    service_.update(receptionist, budi.id, form)
    assert budi.id not in [v.id for v in service_.find(receptionist, "budi s")]
    assert [v.id for v in service_.find(receptionist, "bambang")] == [budi.id]
    # the trigram path on its own (no LIKE after it) sees the edit too
    match = Visitor.select(Visitor.id).where(
        Visitor.id.in_(
            guest_book_module.VisitorText.select(guest_book_module.VisitorText.rowid).where(
                pw.Expression(guest_book_module.VisitorText.document, "MATCH", '"bambang"')
            )
        )
    )
    assert [v.id for v in match] == [budi.id]


def test_pg_trigram_indexes_exist_where_the_extension_is_available(guest_book):
    if is_sqlite():
        pytest.skip("PostgreSQL's pg_trgm")
    available = database_proxy.execute_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"
    ).fetchone()
    names = {
        row[0]
        for row in database_proxy.execute_sql(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'visitor' "
            "AND schemaname = current_schema()"
        )
    }
    wanted = {name for name, _expression in migrations.VISITOR_TRGM_INDEXES}
    assert wanted <= names if available else not (wanted & names)


def test_sqlite_gets_planner_statistics_when_it_opens(tmp_path, clock):
    """The app never ran ANALYZE; a file without statistics gets them at start."""
    url = "sqlite:///" + str(tmp_path / "pst.db")
    db = open_database(url)
    try:
        from pst_desktop.admin.office_setup import create_office

        create_office(clock)
        db.execute_sql("DROP TABLE IF EXISTS sqlite_stat1")
    finally:
        db.close()
        database_proxy.initialize(None)
    db = open_database(url, upgrade=False)
    try:
        assert db.table_exists("sqlite_stat1")
        rows = db.execute_sql("SELECT count(*) FROM sqlite_stat1").fetchone()[0]
        assert rows > 0
        assert db.optimized_at is not None
        db.optimize()  # now and then: no error, and it counts as done
    finally:
        db.close()
        database_proxy.initialize(None)

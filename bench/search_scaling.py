"""Past-answer search and the history text filter against the best hand-written query, as an
office's records grow: 1k, 10k, 100k and 250k consultations (at 10k records SQLite
took 18 s for a search a hand query answered in 31 ms).

For each size a demo office is generated (``pst_desktop demo-data``), then for each query text
the app's call (``consultations.search`` / ``history.history``, as the officer window makes it)
is timed beside several hand-written SQL forms returning the same rows, run with the bare driver
(``sqlite3`` / ``psycopg``) on the same database; the best of them is the baseline.  Target: the
app within 2x of the best hand query.

    python bench/search_scaling.py                              # SQLite, all four sizes
    python bench/search_scaling.py --sizes 1000,10000 --pg postgresql://postgres@127.0.0.1/test
    python bench/search_scaling.py --cache /tmp/hf/scale        # keep/reuse the SQLite files

With ``--pg URL`` (or ``PST_TEST_DATABASE_URL``) each size also runs in a throwaway schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import (
    demo_office,
    pg_base_url,
    pg_connect,
    pg_schema,
    print_table,
    with_schema,
)

SIZES = (1_000, 10_000, 100_000, 250_000)
SEARCHES = ("data", "pdrb", "inflasi bengkulu", "kemiskinan kab")
HISTORY_TEXTS = ("data kabupaten", "pdrb", "")
TARGET = 2.0
END = dt.date(2026, 11, 30)
FTS = "consultation_fts"
PG_DOC = (
    "to_tsvector('simple', coalesce(c.topic, '') || ' ' || coalesce(c.question, '') "
    "|| ' ' || coalesce(c.answer, ''))"
)


def demo_shape(size: int) -> tuple[int, int]:
    """(days, visits a day) giving about ``size`` consultations (54% of demo visits)."""
    days = min(250, max(10, size // 100))
    return days, max(20, round(size / 0.54 / days))


def make_office(url: str, size: int) -> None:
    days, per_day = demo_shape(size)
    print(f"  generating ~{size:,} consultations ({days} days x {per_day})…", file=sys.stderr)
    demo_office(url, days, per_day, END)


def fetch(conn, sql: str, params: tuple) -> list:
    return conn.execute(sql, params).fetchall()


def best_ms(work: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        value = work()
        best = min(best, (time.perf_counter() - start) * 1000)
    return best, value


def sqlite_terms(text: str) -> str:
    from pst_desktop.officer.consultations import search_terms

    return " ".join(f'"{t}"*' for t in search_terms(text))


def pg_terms(text: str) -> str:
    from pst_desktop.officer.consultations import search_terms

    return " & ".join(f"{t}:*" for t in search_terms(text))


SEARCH_COLUMNS = "c.id, c.visit_id, c.topic, c.question, c.answer, c.updated_at, u.full_name"


def hand_search_sql(sqlite: bool) -> dict[str, str]:
    """Hand-written forms of the search's candidate query (same rows); parameters: match,
    office."""
    p = "?" if sqlite else "%s"
    match = f"{FTS} MATCH {p}" if sqlite else f"{PG_DOC} @@ to_tsquery('simple', {p})"
    forms = {}
    if sqlite:
        forms["fts joined first"] = (
            f"SELECT {SEARCH_COLUMNS} FROM {FTS} f CROSS JOIN consultation c ON c.id = f.rowid "
            f"JOIN visit v ON v.id = c.visit_id LEFT JOIN user_account u ON u.id = c.officer_id "
            f"WHERE f.{match} AND v.office_id = {p} AND c.answer <> '' "
            "ORDER BY c.updated_at DESC, c.id DESC LIMIT 500"
        )
        forms["ids then columns"] = (
            f"WITH m AS MATERIALIZED (SELECT rowid AS id FROM {FTS} WHERE {match}) "
            f"SELECT {SEARCH_COLUMNS} FROM consultation c "
            "LEFT JOIN user_account u ON u.id = c.officer_id WHERE c.id IN ("
            "SELECT c2.id FROM m CROSS JOIN consultation c2 ON c2.id = m.id "
            f"JOIN visit v ON v.id = c2.visit_id WHERE v.office_id = {p} AND c2.answer <> '' "
            "ORDER BY c2.updated_at DESC, c2.id DESC LIMIT 500)"
        )
    else:
        forms["one query"] = (
            f"SELECT {SEARCH_COLUMNS} FROM consultation c JOIN visit v ON v.id = c.visit_id "
            f"LEFT JOIN user_account u ON u.id = c.officer_id WHERE {match} "
            f"AND v.office_id = {p} AND c.answer <> '' "
            "ORDER BY c.updated_at DESC, c.id DESC LIMIT 500"
        )
        forms["ids then columns"] = (
            f"SELECT {SEARCH_COLUMNS} FROM consultation c "
            "LEFT JOIN user_account u ON u.id = c.officer_id WHERE c.id IN ("
            "SELECT c.id FROM consultation c JOIN visit v ON v.id = c.visit_id "
            f"WHERE {match} AND v.office_id = {p} AND c.answer <> '' "
            "ORDER BY c.updated_at DESC, c.id DESC LIMIT 500)"
        )
    return forms


HISTORY_COLUMNS = (
    "c.id, v.id, v.day, v.number, ts.prefix, v.channel, s.name, vr.name, v.contact, "
    "c.officer_id, u.full_name, c.topic, c.question, c.answer, c.data_requested, "
    "c.publications, c.need_met, c.follow_up, c.notes, c.is_draft, v.service_started_at, "
    "v.finished_at"
)
HISTORY_JOINS = (
    "JOIN service_type ts ON ts.id = v.ticket_service_id JOIN service_type s ON s.id = "
    "v.service_id LEFT JOIN visitor vr ON vr.id = v.visitor_id LEFT JOIN user_account u "
    "ON u.id = c.officer_id"
)
ORDER = "ORDER BY v.day DESC, v.issued_at DESC, v.id DESC"


def hand_history_sql(sqlite: bool, with_text: bool) -> dict[str, str]:
    """The window's history list (30 days, newest 2,000); placeholders: [match,] office,
    from, to."""
    p = "?" if sqlite else "%s"
    where = f"v.office_id = {p} AND v.day >= {p} AND v.day <= {p}"
    forms = {}
    if sqlite:
        cte = f"WITH m AS MATERIALIZED (SELECT rowid AS id FROM {FTS} WHERE {FTS} MATCH {p}) "
        source = "m CROSS JOIN consultation c ON c.id = m.id" if with_text else "consultation c"
        prefix = cte if with_text else ""
    else:
        source = "consultation c"
        prefix = ""
        if with_text:
            where = f"{PG_DOC} @@ to_tsquery('simple', {p}) AND " + where
    forms["one query"] = (
        f"{prefix}SELECT {HISTORY_COLUMNS} FROM {source} JOIN visit v ON v.id = c.visit_id "
        f"{HISTORY_JOINS} WHERE {where} {ORDER} LIMIT 2000"
    )
    forms["ids then columns"] = (
        f"{prefix}SELECT {HISTORY_COLUMNS} FROM consultation c JOIN visit v ON v.id = "
        f"c.visit_id {HISTORY_JOINS} WHERE c.id IN (SELECT c.id FROM {source} JOIN visit v "
        f"ON v.id = c.visit_id WHERE {where} {ORDER} LIMIT 2000) {ORDER}"
    )
    return forms


def app_statements(call: Callable[[], object]) -> list[tuple[str, tuple]]:
    """The SQL statements (with parameters) peewee sends for one ``call``."""
    import logging

    caught: list[tuple[str, tuple]] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if isinstance(record.msg, tuple):
                sql, params = record.msg
                caught.append((sql, tuple(params or ())))

    logger, handler = logging.getLogger("peewee"), Catch(logging.DEBUG)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        call()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return [
        (sql, params)
        for sql, params in caught
        if sql.lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def raw_ms(conn, statements: list[tuple[str, tuple]], repeat: int) -> float:
    """The app's own statements run with the bare driver (the query shape, without the ORM)."""

    def run() -> None:
        for sql, params in statements:
            conn.execute(sql, params).fetchall()

    return best_ms(run, repeat)[0]


def run_size(url: str, raw: Callable[[], object], sqlite: bool, size: int, repeat: int) -> list:
    from models.database import database_proxy
    from models.entities import Consultation, Office
    from pst_desktop.db.connection import open_database
    from pst_desktop.officer import consultations, history

    db = open_database(url)
    rows = []
    label = "SQLite" if sqlite else "PostgreSQL"
    try:
        office = Office.select(Office.id).order_by(Office.id).scalar()
        count = Consultation.select().count()
        conn = raw()
        try:
            for text in SEARCHES:
                call = functools.partial(consultations.search, office, text)
                app_ms = best_ms(call, repeat)[0]
                sql_ms = raw_ms(conn, app_statements(call), repeat)
                wanted = {h.consultation_id for h in consultations.search(office, text, limit=500)}
                args = (sqlite_terms(text) if sqlite else pg_terms(text), office)
                hand = []
                for name, sql in hand_search_sql(sqlite).items():
                    ms, found = best_ms(functools.partial(fetch, conn, sql, args), repeat)
                    assert wanted <= {r[0] for r in found}, f"{name}: other rows"
                    hand.append((ms, name))
                ms, name = min(hand)
                rows.append((label, count, f"search '{text}'", app_ms, sql_ms, ms, name))
            start = END - dt.timedelta(days=30)
            for text in HISTORY_TEXTS:
                filters = history.HistoryFilter(date_from=start, date_to=END, text=text)
                call = functools.partial(history.history, office, filters)
                app_ms, listed = best_ms(call, repeat)
                sql_ms = raw_ms(conn, app_statements(call), repeat)
                match = sqlite_terms(text) if sqlite else pg_terms(text)
                params = ((match,) if text else ()) + (office, start, END)
                if sqlite:
                    params = tuple(p.isoformat() if isinstance(p, dt.date) else p for p in params)
                hand = []
                for name, sql in hand_history_sql(sqlite, bool(text)).items():
                    ms, found = best_ms(functools.partial(fetch, conn, sql, params), repeat)
                    same = [r[0] for r in found] == [r.consultation_id for r in listed]
                    assert same, f"history {name}: other rows"
                    hand.append((ms, name))
                ms, name = min(hand)
                what = f"history '{text}'" if text else "history, no text"
                rows.append((label, count, what, app_ms, sql_ms, ms, name))
        finally:
            conn.close()
    finally:
        db.close()
        database_proxy.initialize(None)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--pg", help="PostgreSQL server URL (a throwaway schema per size)")
    parser.add_argument("--cache", help="folder to keep and reuse the generated SQLite files")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list = []
    folder = Path(args.cache or tempfile.mkdtemp(prefix="pst-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    if not args.no_sqlite:
        for size in sizes:
            path = folder / f"consultations-{size}.db"
            url = f"sqlite:///{path}"
            if not path.exists():
                make_office(url, size)

            def raw(p=path) -> sqlite3.Connection:
                conn = sqlite3.connect(str(p))
                conn.execute("PRAGMA analysis_limit = 400")
                return conn

            rows += run_size(url, raw, True, size, args.repeat)
    if args.pg or os.environ.get("PST_TEST_DATABASE_URL"):
        base = pg_base_url(args.pg)
        for size in sizes:
            with pg_schema(base) as (url, schema):
                make_office(with_schema(base, schema), size)
                with pg_connect(base, schema) as conn:
                    conn.execute("ANALYZE")
                rows += run_size(
                    url, lambda s=schema: pg_connect(base, s), False, size, args.repeat
                )
    if not args.cache:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    print()
    print_table(
        [
            "database",
            "records",
            "query",
            "app ms",
            "app SQL ms",
            "hand ms",
            "best hand form",
            "SQL ratio",
            "≤2x",
            "call ratio",
        ],
        [
            (
                *r[:7],
                f"{r[4] / r[5]:.2f}",
                "yes" if r[4] / r[5] <= TARGET else "NO",
                f"{r[3] / r[5]:.2f}",
            )
            for r in rows
        ],
    )
    print(
        "\napp: the service call the officer window makes, rows turned into results (search: "
        "500 candidates ranked in Python); app SQL: the statements that call sends, run with the "
        "bare driver; hand: the fastest hand-written SQL returning the same rows, bare driver. "
        "SQL ratio = app SQL / hand (the query and its plan); call ratio = app / hand (adds the "
        "ORM and the ranking). Best of --repeat runs each."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

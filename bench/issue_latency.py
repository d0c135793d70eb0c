"""Ticket issue latency: ``QueueService.issue_ticket`` p50/p95 beside a bare-driver baseline.

For each database (a temp SQLite file; a throwaway PostgreSQL schema, dropped afterwards) this
times ``--count`` issues by one receptionist, one after another, and in the same run a plain
``INSERT`` + ``COMMIT`` round trip with the same driver (``sqlite3`` / ``psycopg``) on the same
database.  It also counts the SQL statements peewee sends for one issue.

    python bench/issue_latency.py                      # both databases
    python bench/issue_latency.py --count 1000 --no-sqlite --pg postgresql://u@host:5432/db
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    BENCH_MOMENT,
    QueryCounter,
    percentile,
    pg_base_url,
    pg_connect,
    pg_schema,
    print_table,
    set_up_office,
    sqlite_file,
)

TARGET_P50_MS = 20.0
TARGET_P95_MS = 50.0


@dataclass
class Figures:
    name: str
    samples_ms: list[float]

    @property
    def p50(self) -> float:
        return percentile(self.samples_ms, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples_ms, 95)

    @property
    def mean(self) -> float:
        return statistics.fmean(self.samples_ms)


def time_issues(url: str, count: int, warmup: int) -> tuple[Figures, list[str]]:
    """Issue ``warmup`` + ``count`` tickets over two services; time the last ``count``."""
    from models.database import database_proxy
    from models.entities import UserAccount
    from pst_desktop.admin.accounts import actor_for
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.visits.queue import QueueService

    office = set_up_office(url, receptionists=1)
    db = open_database(url, upgrade=False)
    try:
        actor = actor_for(UserAccount.get_by_id(office.receptionist_ids[0]))
        queue = QueueService(FixedClock(BENCH_MOMENT))
        services = office.service_ids[:2]
        visitor = office.visitor_ids[0]
        samples = []
        for i in range(warmup + count):
            start = time.perf_counter()
            queue.issue_ticket(actor, visitor_id=visitor, service_id=services[i % 2])
            elapsed = (time.perf_counter() - start) * 1000
            if i >= warmup:
                samples.append(elapsed)
        counter = QueryCounter()
        with counter.counting() as statements:
            queue.issue_ticket(actor, visitor_id=visitor, service_id=services[0])
    finally:
        db.close()
        database_proxy.initialize(None)
    return Figures("issue_ticket", samples), list(statements)


def sqlite_baseline(path: Path, count: int, warmup: int) -> Figures:
    """``INSERT`` + ``COMMIT`` with ``sqlite3`` on the same file and the app's pragmas."""
    conn = sqlite3.connect(str(path), timeout=10, isolation_level=None)
    try:
        for pragma in ("journal_mode=wal", "busy_timeout=10000", "synchronous=normal"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("CREATE TABLE bench_row (id INTEGER PRIMARY KEY, n INTEGER, note TEXT)")
        samples = []
        for i in range(warmup + count):
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO bench_row (n, note) VALUES (?, ?)", (i, "x"))
            conn.execute("COMMIT")
            elapsed = (time.perf_counter() - start) * 1000
            if i >= warmup:
                samples.append(elapsed)
    finally:
        conn.close()
    return Figures("sqlite3 INSERT+COMMIT", samples)


def pg_baseline(base_url: str, schema: str, count: int, warmup: int) -> Figures:
    """``INSERT`` + ``COMMIT`` with ``psycopg`` in the same schema."""
    with pg_connect(base_url, schema) as conn:
        conn.execute("CREATE TABLE bench_row (id SERIAL PRIMARY KEY, n INTEGER, note TEXT)")
        conn.commit()
        samples = []
        for i in range(warmup + count):
            start = time.perf_counter()
            conn.execute("INSERT INTO bench_row (n, note) VALUES (%s, %s)", (i, "x"))
            conn.commit()
            elapsed = (time.perf_counter() - start) * 1000
            if i >= warmup:
                samples.append(elapsed)
    return Figures("psycopg INSERT+COMMIT", samples)


def summarize(statements: list[str]) -> str:
    kinds = Counter(s.split(None, 1)[0].upper() for s in statements)
    return ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500, help="timed issues (default 500)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed first issues")
    parser.add_argument(
        "--pg",
        help="PostgreSQL URL (default: PST_TEST_DATABASE_URL or "
        "postgresql://postgres@127.0.0.1:5432/test); a throwaway schema is used",
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--show-sql", action="store_true", help="print the SQL of one issue")
    args = parser.parse_args(argv)

    rows = []
    notes = []

    def add(backend: str, app: Figures, base: Figures, statements: list[str]) -> None:
        ok = app.p50 <= TARGET_P50_MS and app.p95 <= TARGET_P95_MS
        rows.append(
            [
                backend,
                app.p50,
                app.p95,
                app.mean,
                base.p50,
                base.p95,
                f"{app.p50 / base.p50:.1f}x",
                f"{app.p95 / base.p95:.1f}x",
                len(statements),
                "met" if ok else "MISSED",
            ]
        )
        notes.append(f"{backend}: one issue sends {summarize(statements)}")
        if args.show_sql:
            notes.extend(f"    {s}" for s in statements)

    if not args.no_sqlite:
        with sqlite_file() as (url, path):
            app, statements = time_issues(url, args.count, args.warmup)
            base = sqlite_baseline(path, args.count, args.warmup)
        add("SQLite (temp file)", app, base, statements)
    if not args.no_pg:
        base_url = pg_base_url(args.pg)
        with pg_schema(base_url) as (url, schema):
            app, statements = time_issues(url, args.count, args.warmup)
            base = pg_baseline(base_url, schema, args.count, args.warmup)
        add("PostgreSQL", app, base, statements)

    print(
        f"Ticket issue latency, {args.count} timed issues after {args.warmup} warm-up "
        f"(ms; target p50 <= {TARGET_P50_MS:g}, p95 <= {TARGET_P95_MS:g})"
    )
    print()
    print_table(
        [
            "database",
            "issue p50",
            "issue p95",
            "issue mean",
            "bare p50",
            "bare p95",
            "ratio p50",
            "ratio p95",
            "SQL/issue",
            "target",
        ],
        rows,
    )
    print()
    print("bare = the same driver's INSERT + COMMIT round trip on the same database.")
    for note in notes:
        print(note)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

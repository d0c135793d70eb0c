"""Issue + claim throughput: N processes (PCs) each issuing, calling and finishing tickets.

Every process (``spawn``; its own connection through ``open_database``) has an officer with a
desk of their own and repeats ``--cycles`` times: ``issue_ticket`` → ``call_next`` →
``finish``.  ``call_next`` takes the oldest waiting ticket of any desk's issue, so processes
claim each other's tickets under contention.  Afterwards the database is checked: no duplicate
(service, day, number), numbers 1..N per service, every ticket claimed exactly once, by the
officer who reported it.  In the same run a bare-driver baseline (``psycopg`` / ``sqlite3``, the
same N processes) does the same SQL work by hand: counter upsert + insert, a claim of the oldest
waiting row (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, ``BEGIN IMMEDIATE`` on SQLite), finish.

    python bench/claim_throughput.py                          # PostgreSQL, 8 processes
    python bench/claim_throughput.py --processes 4 --cycles 200 --sqlite
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import queue as queue_module
import sqlite3
import sys
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg

from bench._common import (
    BENCH_MOMENT,
    pg_base_url,
    pg_schema,
    print_table,
    set_up_office,
    sqlite_file,
)

TARGET_OPS = 300.0  # issue+claim pairs per second, 8 processes, PostgreSQL
TIMEOUT = 600.0
BARE_DAY = "2026-11-24"


@dataclass
class WorkerReport:
    worker: int
    started: float = 0.0
    ended: float = 0.0
    issued: list[tuple[int, int, int]] = field(default_factory=list)  # (visit, service, number)
    claimed: list[int] = field(default_factory=list)
    empty_calls: int = 0  # call_next found nothing free (all waiting rows taken meanwhile)
    error: str = ""


# -- the application's services ------------------------------------------------------------
def app_worker(
    url: str,
    worker: int,
    receptionist_id: int,
    officer_id: int,
    desk_id: int,
    service_ids: list[int],
    visitor_id: int,
    cycles: int,
    barrier: Any,
    results: Any,
) -> None:
    report = WorkerReport(worker)
    try:
        from models.entities import UserAccount
        from pst_desktop.admin.accounts import actor_for
        from pst_desktop.core.clock import FixedClock
        from pst_desktop.db.connection import open_database
        from pst_desktop.visits.queue import QueueService

        db = open_database(url, upgrade=False)
        receptionist = actor_for(UserAccount.get_by_id(receptionist_id))
        officer = actor_for(UserAccount.get_by_id(officer_id))
        queue = QueueService(FixedClock(BENCH_MOMENT))

        def cycle(i: int) -> None:
            service_id = service_ids[(worker + i) % len(service_ids)]
            ticket = queue.issue_ticket(receptionist, visitor_id=visitor_id, service_id=service_id)
            report.issued.append((ticket.visit_id, service_id, ticket.number))
            while (visit := queue.call_next(officer, desk_id)) is None:
                report.empty_calls += 1
                time.sleep(0.001)
            report.claimed.append(visit.id)
            queue.finish(officer, visit.id)

        cycle(-1)  # warm-up, untimed: first queries, holiday tables, caches
        barrier.wait(timeout=TIMEOUT)
        report.started = time.time()
        for i in range(cycles):
            cycle(i)
        report.ended = time.time()
        db.close()
    except BaseException:
        report.error = traceback.format_exc()
    results.put(report)


def check_app(url: str, office_id: int, reports: list[WorkerReport], officers: list[int]) -> dict:
    """Duplicates, gaps, double claims and lost tickets, from the database and the reports."""
    from models.database import database_proxy
    from models.entities import Visit
    from pst_desktop.db.connection import open_database

    db = open_database(url, upgrade=False)
    try:
        visits = {
            v.id: v for v in Visit.select().where(Visit.office == office_id).order_by(Visit.id)
        }
    finally:
        db.close()
        database_proxy.initialize(None)
    keys = Counter((v.ticket_service_id, v.day, v.number) for v in visits.values())
    numbers: dict[int, list[int]] = defaultdict(list)
    for v in visits.values():
        numbers[v.ticket_service_id].append(v.number)
    gaps = sum(sorted(ns) != list(range(1, len(ns) + 1)) for ns in numbers.values())
    claimed = [(r.worker, vid) for r in reports for vid in r.claimed]
    claim_counts = Counter(vid for _, vid in claimed)
    wrong_officer = sum(visits[vid].officer_id != officers[w] for w, vid in claimed)
    issued = {vid for r in reports for vid, _, _ in r.issued}
    return {
        "duplicates": sum(n - 1 for n in keys.values() if n > 1),
        "gaps": gaps,
        "double_claims": sum(n - 1 for n in claim_counts.values() if n > 1) + wrong_officer,
        "lost": len(issued - set(claim_counts)) + len(set(visits) ^ issued),
    }


# -- the bare driver ------------------------------------------------------------------------
BARE_PG_SCHEMA = """
CREATE TABLE bare_counter (service INTEGER, day DATE, last INTEGER, PRIMARY KEY (service, day));
CREATE TABLE bare_ticket (
    id SERIAL PRIMARY KEY, service INTEGER, day DATE, number INTEGER, status TEXT,
    officer INTEGER, issued_at TIMESTAMP DEFAULT now(), UNIQUE (service, day, number));
CREATE INDEX bare_ticket_waiting ON bare_ticket (day, status, id);
"""
BARE_SQLITE_SCHEMA = BARE_PG_SCHEMA.replace("SERIAL", "INTEGER").replace("now()", "0")


def bare_worker(
    kind: str, target: str, worker: int, cycles: int, services: int, barrier: Any, results: Any
) -> None:
    """The same work as ``app_worker`` in hand-written SQL: one transaction per step."""
    report = WorkerReport(worker)
    try:
        if kind == "pg":
            base_url, schema = target.split("|", 1)
            conn = psycopg.connect(base_url, options=f"-c search_path={schema}")
            p = "%s"
        else:
            conn = sqlite3.connect(target, timeout=10, isolation_level=None)
            for pragma in ("journal_mode=wal", "busy_timeout=10000", "synchronous=normal"):
                conn.execute(f"PRAGMA {pragma}")
            p = "?"
        skip_locked = " FOR UPDATE SKIP LOCKED" if kind == "pg" else ""

        def begin() -> None:
            if kind == "sqlite":
                conn.execute("BEGIN IMMEDIATE")

        def commit() -> None:
            if kind == "sqlite":
                conn.execute("COMMIT")
            else:
                conn.commit()

        barrier.wait(timeout=TIMEOUT)
        report.started = time.time()
        for i in range(cycles):
            service = (worker + i) % services
            begin()
            number = conn.execute(
                f"INSERT INTO bare_counter (service, day, last) VALUES ({p}, {p}, 1) "
                "ON CONFLICT (service, day) DO UPDATE SET last = bare_counter.last + 1 "
                "RETURNING last",
                (service, BARE_DAY),
            ).fetchone()[0]
            visit_id = conn.execute(
                f"INSERT INTO bare_ticket (service, day, number, status) "
                f"VALUES ({p}, {p}, {p}, 'waiting') RETURNING id",
                (service, BARE_DAY, number),
            ).fetchone()[0]
            commit()
            report.issued.append((visit_id, service, number))
            while True:
                begin()
                row = conn.execute(
                    f"SELECT id FROM bare_ticket WHERE day = {p} AND status = 'waiting' "
                    f"ORDER BY id LIMIT 1{skip_locked}",
                    (BARE_DAY,),
                ).fetchone()
                if row is not None:
                    cur = conn.execute(
                        f"UPDATE bare_ticket SET status = 'called', officer = {p} "
                        f"WHERE id = {p} AND status = 'waiting'",
                        (worker, row[0]),
                    )
                    claimed = cur.rowcount == 1
                commit()
                if row is not None and claimed:
                    break
                report.empty_calls += 1
                time.sleep(0.001)
            report.claimed.append(row[0])
            begin()
            conn.execute(f"UPDATE bare_ticket SET status = 'done' WHERE id = {p}", (row[0],))
            commit()
        report.ended = time.time()
        conn.close()
    except BaseException:
        report.error = traceback.format_exc()
    results.put(report)


def check_bare(kind: str, target: str, reports: list[WorkerReport]) -> dict:
    if kind == "pg":
        base_url, schema = target.split("|", 1)
        conn = psycopg.connect(base_url, options=f"-c search_path={schema}")
    else:
        conn = sqlite3.connect(target)
    try:
        rows = conn.execute("SELECT id, service, day, number, officer FROM bare_ticket").fetchall()
    finally:
        conn.close()
    keys = Counter((service, str(day), number) for _, service, day, number, _ in rows)
    officer_of = {vid: officer for vid, _, _, _, officer in rows}
    claimed = [(r.worker, vid) for r in reports for vid in r.claimed]
    claim_counts = Counter(vid for _, vid in claimed)
    issued = {vid for r in reports for vid, _, _ in r.issued}
    return {
        "duplicates": sum(n - 1 for n in keys.values() if n > 1),
        "gaps": 0,
        "double_claims": sum(n - 1 for n in claim_counts.values() if n > 1)
        + sum(officer_of[vid] != w for w, vid in claimed),
        "lost": len(issued - set(claim_counts)) + len(set(officer_of) ^ issued),
    }


# -- running --------------------------------------------------------------------------------
def run_processes(
    ctx: SpawnContext, target: Callable[..., None], args_for: list[tuple]
) -> list[WorkerReport]:
    n = len(args_for)
    results = ctx.Queue()
    barrier = ctx.Barrier(n)
    procs = [
        ctx.Process(target=target, args=(*args, barrier, results), daemon=True) for args in args_for
    ]
    for proc in procs:
        proc.start()
    reports = []
    deadline = time.monotonic() + TIMEOUT
    try:
        while len(reports) < n:
            reports.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
    except queue_module.Empty:
        raise SystemExit(f"only {len(reports)} of {n} workers reported in time") from None
    finally:
        for proc in procs:
            proc.join(timeout=10)
            if proc.is_alive():
                proc.kill()
    errors = [r.error for r in reports if r.error]
    if errors:
        raise SystemExit("a worker failed:\n" + errors[0])
    return sorted(reports, key=lambda r: r.worker)


@dataclass
class Row:
    database: str
    mode: str
    processes: int
    cycles: int
    seconds: float
    empty_calls: int
    checks: dict

    def cells(self, calls_per_cycle: int) -> list[object]:
        pairs = self.cycles / self.seconds
        return [
            self.database,
            self.mode,
            self.processes,
            self.cycles,
            self.seconds,
            pairs,
            pairs * 2,
            pairs * calls_per_cycle,
            self.empty_calls,
            self.checks["duplicates"],
            self.checks["gaps"],
            self.checks["double_claims"],
            self.checks["lost"],
        ]


def measure_app(ctx: SpawnContext, url: str, database: str, processes: int, cycles: int) -> Row:
    office = set_up_office(url, receptionists=1, officers=processes)
    args_for = [
        (
            url,
            w,
            office.receptionist_ids[0],
            office.officer_ids[w],
            office.desk_ids[w],
            office.service_ids[:2],
            office.visitor_ids[w % len(office.visitor_ids)],
            cycles,
        )
        for w in range(processes)
    ]
    reports = run_processes(ctx, app_worker, args_for)
    seconds = max(r.ended for r in reports) - min(r.started for r in reports)
    checks = check_app(url, office.office_id, reports, office.officer_ids)
    empty = sum(r.empty_calls for r in reports)
    return Row(database, "app services", processes, processes * cycles, seconds, empty, checks)


def measure_bare(ctx: SpawnContext, kind: str, target: str, processes: int, cycles: int) -> Row:
    if kind == "pg":
        base_url, schema = target.split("|", 1)
        with psycopg.connect(base_url, options=f"-c search_path={schema}") as conn:
            conn.execute(BARE_PG_SCHEMA)
        database, mode = "PostgreSQL", "bare psycopg"
    else:
        with sqlite3.connect(target) as conn:
            conn.executescript(BARE_SQLITE_SCHEMA)
        conn.close()
        database, mode = "SQLite", "bare sqlite3"
    args_for = [(kind, target, w, cycles, 2) for w in range(processes)]
    reports = run_processes(ctx, bare_worker, args_for)
    seconds = max(r.ended for r in reports) - min(r.started for r in reports)
    checks = check_bare(kind, target, reports)
    empty = sum(r.empty_calls for r in reports)
    return Row(database, mode, processes, processes * cycles, seconds, empty, checks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", "-n", type=int, default=8, help="processes (default 8)")
    parser.add_argument(
        "--cycles", type=int, default=150, help="issue+claim+finish cycles per process"
    )
    parser.add_argument(
        "--pg",
        help="PostgreSQL URL (default: PST_TEST_DATABASE_URL or "
        "postgresql://postgres@127.0.0.1:5432/test); a throwaway schema is used",
    )
    parser.add_argument("--sqlite", action="store_true", help="also measure a temp SQLite file")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--no-baseline", action="store_true", help="skip the bare-driver runs")
    args = parser.parse_args(argv)

    ctx = mp.get_context("spawn")
    rows: list[Row] = []
    if not args.no_pg:
        base_url = pg_base_url(args.pg)
        with pg_schema(base_url) as (url, _):
            rows.append(measure_app(ctx, url, "PostgreSQL", args.processes, args.cycles))
        if not args.no_baseline:
            with pg_schema(base_url) as (_, schema):
                target = f"{base_url}|{schema}"
                rows.append(measure_bare(ctx, "pg", target, args.processes, args.cycles))
    if args.sqlite:
        with sqlite_file() as (url, _):
            rows.append(measure_app(ctx, url, "SQLite", args.processes, args.cycles))
        if not args.no_baseline:
            with sqlite_file() as (_, path):
                rows.append(measure_bare(ctx, "sqlite", str(path), args.processes, args.cycles))

    print(
        f"Issue + claim throughput: {args.processes} processes x {args.cycles} cycles "
        f"(issue -> call_next -> finish); target >= {TARGET_OPS:g} issue+claim pairs/s on "
        "PostgreSQL with zero duplicates"
    )
    print()
    print_table(
        [
            "database",
            "mode",
            "procs",
            "cycles",
            "seconds",
            "pairs/s",
            "ops/s (issue, claim)",
            "calls/s (+finish)",
            "empty calls",
            "dup numbers",
            "gaps",
            "double claims",
            "lost",
        ],
        [row.cells(3) for row in rows],
    )
    print()
    print("pairs/s = issue+claim pairs (cycles) per second; ops/s counts issue and claim apart;")
    print("calls/s counts issue, claim and finish.  empty calls = call_next found no free ticket")
    print("(every waiting one taken by another desk meanwhile) and was retried.")
    bad = [r for r in rows if any(r.checks.values())]
    for row in rows:
        if row.database == "PostgreSQL" and row.mode == "app services":
            # the issue asks for ">= 300 issue+claim operations/s"; read both ways, both printed
            ops = 2 * row.cycles / row.seconds
            pairs = row.cycles / row.seconds
            for label, value in (("operations/s (issue, claim apart)", ops), ("pairs/s", pairs)):
                verdict = "met" if value >= TARGET_OPS else "MISSED"
                print(f"PostgreSQL target {TARGET_OPS:g} {label}: {value:.0f}, {verdict}")
    if bad:
        print("INTEGRITY FAILURE in: " + ", ".join(f"{r.database} {r.mode}" for r in bad))
        return 1
    print("Integrity: zero duplicate numbers, zero gaps, zero double claims, nothing lost.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

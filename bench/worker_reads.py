"""What a worker thread's read costs: a window's reader runs each job inside a connection of its
thread (``with db.connection_context(): work()``); on PostgreSQL that opened a new connection per
job (about 3 ms on a local server, more over the LAN), now it borrows one from the pool.

One worker thread runs the same small read (the office's settings revision, one row) again and
again, as a reader does; each job is timed from taking the connection to handing it back.  Beside
the app's database in the same run:

- PostgreSQL ``new connection`` (the baseline: a plain ``peewee.PostgresqlDatabase`` with the
  app's connection settings: connect, read, close, as every job did before the pool);
- PostgreSQL ``pool, SELECT 1 check`` (peewee's own pooled class, which asks the server
  ``SELECT 1`` before it hands a connection out);
- SQLite: the app's database (a connection per job, as before) beside the same read on one
  connection kept open.

    python bench/worker_reads.py                    # SQLite and PostgreSQL, 500 jobs each
    python bench/worker_reads.py --jobs 2000 --no-sqlite --pg postgresql://pst@server:5432/pst
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench._common import (
    percentile,
    pg_base_url,
    pg_schema,
    print_table,
    set_up_office,
    sqlite_file,
)


class Worker:
    """One long-lived thread that runs jobs one after another (a reader's pool thread)."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job, answer = self._jobs.get()
            if job is None:
                return
            try:
                answer.put(job())
            except Exception as exc:  # reported by the caller
                answer.put(exc)

    def run(self, job: Callable[[], object]) -> object:
        answer: queue.Queue = queue.Queue()
        self._jobs.put((job, answer))
        value = answer.get()
        if isinstance(value, Exception):
            raise value
        return value

    def stop(self) -> None:
        self._jobs.put((None, None))
        self._thread.join(10)


def time_jobs(db, office_id: int, jobs: int, keep_open: bool = False) -> list[float]:
    """Milliseconds of each of ``jobs`` reads on one worker thread, each inside a connection of
    that thread (``keep_open``: one connection for all, opened before the first)."""
    from models.database import database_proxy
    from pst_desktop.admin import settings_revision

    database_proxy.initialize(db)
    worker = Worker()

    def job() -> float:
        started = time.perf_counter()
        if keep_open:
            settings_revision.current(office_id)
        else:
            with db.connection_context():
                settings_revision.current(office_id)
        return (time.perf_counter() - started) * 1000

    try:
        if keep_open:
            worker.run(lambda: db.connect(reuse_if_open=True))
        for _ in range(20):  # warm up: imports, the first connection, statistics
            worker.run(job)
        return [worker.run(job) for _ in range(jobs)]
    finally:
        if keep_open:
            worker.run(db.close)
        worker.stop()


def row(name: str, times: list[float], baseline: float | None) -> list[object]:
    mean = sum(times) / len(times)
    ratio = f"{baseline / mean:.1f}x faster" if baseline else "baseline"
    return [name, percentile(times, 50), percentile(times, 95), mean, ratio]


def bench_postgres(base_url: str, jobs: int) -> list[list[object]]:
    import peewee
    from playhouse.pool import PooledPostgresqlDatabase

    from models.database import make_database

    rows: list[list[object]] = []
    with pg_schema(base_url) as (url, _schema):
        office = set_up_office(url)
        app = make_database(url)
        params = dict(app.connect_params)
        plain = peewee.PostgresqlDatabase(app.database, **params)
        pinged = PooledPostgresqlDatabase(app.database, max_connections=None, **params)
        try:
            baseline = time_jobs(plain, office.office_id, jobs)
            base_mean = sum(baseline) / len(baseline)
            rows.append(row("PostgreSQL  new connection per job", baseline, None))
            rows.append(
                row("PostgreSQL  pool, SELECT 1 check", time_jobs(pinged, office.office_id, jobs),
                    base_mean)
            )  # fmt: skip
            rows.append(
                row("PostgreSQL  app (pool, socket check)", time_jobs(app, office.office_id, jobs),
                    base_mean)
            )  # fmt: skip
            rows.append(
                row("PostgreSQL  one open connection (floor)",
                    time_jobs(plain, office.office_id, jobs, keep_open=True), base_mean)
            )  # fmt: skip
        finally:
            for db in (app, pinged):
                db.close_all()
            plain.close()
    return rows


def bench_sqlite(jobs: int) -> list[list[object]]:
    from models.database import make_database

    rows: list[list[object]] = []
    with sqlite_file() as (url, _path):
        office = set_up_office(url)
        app = make_database(url)
        try:
            times = time_jobs(app, office.office_id, jobs)
            rows.append(row("SQLite      app (a connection per job)", times, None))
            rows.append(
                row("SQLite      one open connection (floor)",
                    time_jobs(app, office.office_id, jobs, keep_open=True), sum(times) / len(times))
            )  # fmt: skip
        finally:
            app.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--pg", default=None, help="PostgreSQL URL (else PST_TEST_DATABASE_URL)")
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--no-pg", action="store_true")
    args = parser.parse_args(argv)
    rows: list[list[object]] = []
    if not args.no_pg:
        rows += bench_postgres(pg_base_url(args.pg), args.jobs)
    if not args.no_sqlite:
        rows += bench_sqlite(args.jobs)
    print(f"one worker thread, {args.jobs} reads of one row, each in its own connection context")
    print_table(["database", "p50 ms", "p95 ms", "mean ms", "vs baseline"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

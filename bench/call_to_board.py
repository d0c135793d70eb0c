"""Call → display board: from the officer's committed ``call_next`` to the board's signal.

Two processes, like two PCs: this one is the officer (``QueueService.call_next``, timed right
after it returns, i.e. after the commit); a child process is the display board, a
``LiveBus`` in a Qt event loop that prints the wall-clock time of each ``ticket_called``.
PostgreSQL: ``LISTEN/NOTIFY``; SQLite: ``PRAGMA data_version`` polled every ``--poll`` ms
(the app's default is 1000).  Between calls the officer waits a random 0–``--jitter`` ms, so a
SQLite call lands anywhere in the poll period.

    python bench/call_to_board.py                         # PostgreSQL and SQLite
    python bench/call_to_board.py --count 500 --no-sqlite --pg postgresql://u@host:5432/db
    python bench/call_to_board.py --sqlite-poll 1000 250  # SQLite at two poll periods

Target: PostgreSQL p95 ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import select
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench._common import (
    BENCH_MOMENT,
    percentile,
    pg_base_url,
    pg_schema,
    print_table,
    set_up_office,
    sqlite_file,
)

TARGET_P95_MS = 100.0
ROOT = Path(__file__).resolve().parent.parent


def board(url: str, office_id: int, poll_ms: int) -> int:
    """The child: a display board's bus; prints ``<visit> <time>`` for every call it hears."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.changes import LiveBus
    from pst_desktop.db.connection import open_database

    app = QCoreApplication([])
    db = open_database(url, upgrade=False)
    bus = LiveBus(db, office_id, FixedClock(BENCH_MOMENT), poll_ms=poll_ms)

    def heard(payload: dict) -> None:
        print(f"{payload['visit']} {time.time():.6f}", flush=True)

    bus.ticket_called.connect(heard)
    bus.start()
    print("ready", flush=True)
    # the parent closes our stdin when it is done
    from PySide6.QtCore import QSocketNotifier

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(app.quit)
    code = app.exec()
    bus.stop()
    db.close()
    return code


def _read_line(proc: subprocess.Popen, timeout: float) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise TimeoutError("the board heard nothing")
    return proc.stdout.readline().strip()


def measure(url: str, count: int, poll_ms: int, jitter_ms: int) -> list[float]:
    from models.entities import Role  # noqa: F401  (binds nothing; models import check)
    from pst_desktop.admin.accounts import actor_for
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.visits.queue import QueueService

    office = set_up_office(url, receptionists=1, officers=1)
    child = subprocess.Popen(
        [sys.executable, __file__, "--board", url, str(office.office_id), str(poll_ms)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    db = open_database(url, upgrade=False)
    try:
        if _read_line(child, 30) != "ready":
            raise RuntimeError("the board did not start")
        from models.entities import UserAccount

        clock = FixedClock(BENCH_MOMENT)
        queue = QueueService(clock)
        receptionist = actor_for(UserAccount.get_by_id(office.receptionist_ids[0]))
        officer = actor_for(UserAccount.get_by_id(office.officer_ids[0]))
        desk = office.desk_ids[0]
        latencies = []
        rng = random.Random(5)
        for i in range(count):
            queue.issue_ticket(
                receptionist,
                visitor_id=office.visitor_ids[i % len(office.visitor_ids)],
                service_id=office.service_ids[0],
            )
            time.sleep(rng.uniform(0, jitter_ms) / 1000)
            visit = queue.call_next(officer, desk)
            committed = time.time()
            line = _read_line(child, 10)
            visit_id, heard = line.split()
            if int(visit_id) != visit.id:
                raise RuntimeError(f"the board heard visit {visit_id}, expected {visit.id}")
            latencies.append((float(heard) - committed) * 1000)
            queue.finish(officer, visit.id)
        return latencies
    finally:
        db.close()
        child.stdin.close()
        child.wait(10)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--board", nargs=3, metavar=("URL", "OFFICE", "POLL_MS"))
    parser.add_argument("--count", type=int, default=200, help="calls on PostgreSQL")
    parser.add_argument("--sqlite-count", type=int, default=40, help="calls on SQLite")
    parser.add_argument("--sqlite-poll", type=int, nargs="+", default=[1000, 250])
    parser.add_argument("--jitter", type=int, default=100, help="ms of random wait before a call")
    parser.add_argument("--pg", help="PostgreSQL URL (a schema is created and dropped)")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args(argv)
    if args.board:
        url, office, poll = args.board
        return board(url, int(office), int(poll))

    rows = []
    ok = True
    if not args.no_pg:
        with pg_schema(pg_base_url(args.pg)) as (url, _schema):
            values = measure(url, args.count, 1000, args.jitter)
        p95 = percentile(values, 95)
        ok = p95 <= TARGET_P95_MS
        rows.append(
            [
                "PostgreSQL LISTEN/NOTIFY",
                len(values),
                f"{percentile(values, 50):.1f}",
                f"{p95:.1f}",
                f"{max(values):.1f}",
                f"≤ {TARGET_P95_MS:.0f}" + (" ok" if ok else " MISSED"),
            ]
        )
    if not args.no_sqlite:
        for poll in args.sqlite_poll:
            with sqlite_file() as (url, _path):
                values = measure(url, args.sqlite_count, poll, max(args.jitter, poll))
            rows.append(
                [
                    f"SQLite data_version, poll {poll} ms",
                    len(values),
                    f"{percentile(values, 50):.1f}",
                    f"{percentile(values, 95):.1f}",
                    f"{max(values):.1f}",
                    f"≤ poll period ({poll})",
                ]
            )
    print_table(["database", "calls", "p50 ms", "p95 ms", "max ms", "target"], rows)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

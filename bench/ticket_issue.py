"""Issuing a ticket end to end: ``issue_ticket`` + ``ticket_data_for`` + ``render_ticket``.

What the receptionist waits for after pressing "Issue ticket" (printing then runs on its own).
For each database (a temp SQLite file; a throwaway PostgreSQL schema, dropped afterwards) this
issues ``--count`` tickets one after another over the four default services, after seeding
``--history-days`` working days of finished visits so the wait estimate reads real history, and
prints p50/p95 of the database part (issue + ticket data), the PDF part and the total.
Target: the total well under 100 ms.

    python bench/ticket_issue.py                        # both databases, 200 tickets
    python bench/ticket_issue.py --count 500 --no-sqlite --pg postgresql://u@host:5432/db
    python bench/ticket_issue.py --print                # also time printing to a PDF file
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
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

TARGET_TOTAL_MS = 100.0


@dataclass
class Run:
    database: str
    db_ms: list[float] = field(default_factory=list)
    pdf_ms: list[float] = field(default_factory=list)
    total_ms: list[float] = field(default_factory=list)
    print_ms: list[float] = field(default_factory=list)
    first_render_ms: float = 0.0
    history_visits: int = 0


def seed_history(office_id: int, service_ids: list[int], days: int, per_day: int) -> int:
    """Finished visits (8–25 min each) on the ``days`` working days before the bench day."""
    from models.database import write_transaction
    from models.entities import Visit, VisitStatus
    from pst_desktop.sop.office_calendar import OfficeCalendar

    calendar = OfficeCalendar.for_office(office_id)
    day, done, rows = BENCH_MOMENT.date(), 0, []
    while done < days:
        day -= dt.timedelta(days=1)
        if not calendar.is_working_day(day):
            continue
        done += 1
        for service_id in service_ids:
            for n in range(1, per_day + 1):
                issued = dt.datetime.combine(day, dt.time(8, 0), calendar.zone) + dt.timedelta(
                    minutes=12 * n
                )
                started = issued + dt.timedelta(minutes=5)
                rows.append(
                    {
                        "office": office_id,
                        "service": service_id,
                        "ticket_service": service_id,
                        "day": day,
                        "number": n,
                        "status": VisitStatus.DONE.value,
                        "issued_at": issued,
                        "called_at": started,
                        "service_started_at": started,
                        "finished_at": started + dt.timedelta(minutes=8 + (n * 7) % 18),
                        "updated_at": started,
                    }
                )
    with write_transaction():
        for start in range(0, len(rows), 500):
            Visit.insert_many(rows[start : start + 500]).execute()
    return len(rows)


def run(name: str, url: str, count: int, warmup: int, history: tuple[int, int], do_print: bool):
    from models.database import database_proxy
    from models.entities import UserAccount
    from pst_desktop.admin.accounts import actor_for
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.db.connection import open_database
    from pst_desktop.frontdesk import ticket_pdf
    from pst_desktop.visits.queue import QueueService

    office = set_up_office(url, receptionists=1)
    db = open_database(url, upgrade=False)
    result = Run(name)
    try:
        result.history_visits = seed_history(office.office_id, office.service_ids, *history)
        actor = actor_for(UserAccount.get_by_id(office.receptionist_ids[0]))
        clock = FixedClock(BENCH_MOMENT)
        queue = QueueService(clock)
        services = office.service_ids
        visitor = office.visitor_ids[0]

        start = time.perf_counter()
        ticket_pdf.render_ticket(ticket_pdf.sample_ticket_data())  # loads the bundled fonts
        result.first_render_ms = (time.perf_counter() - start) * 1000

        out = Path(tempfile.mkdtemp(prefix="pst-bench-print-"))
        for i in range(warmup + count):
            clock.advance(seconds=20)
            t0 = time.perf_counter()
            issued = queue.issue_ticket(actor, visitor_id=visitor, service_id=services[i % 4])
            data = ticket_pdf.ticket_data_for(issued.visit_id, clock)
            t1 = time.perf_counter()
            pdf = ticket_pdf.render_ticket(data)
            t2 = time.perf_counter()
            if do_print:
                from ui.printing import print_pdf

                printed = print_pdf(pdf, "bench", print_to_file=out / f"{i}.pdf")
                assert printed.ok, printed.error
                t3 = time.perf_counter()
            if i >= warmup:
                result.db_ms.append((t1 - t0) * 1000)
                result.pdf_ms.append((t2 - t1) * 1000)
                result.total_ms.append((t2 - t0) * 1000)
                if do_print:
                    result.print_ms.append((t3 - t2) * 1000)
        assert data.code.endswith(f"{(warmup + count + 3) // 4:03d}"), data.code
    finally:
        db.close()
        database_proxy.initialize(None)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="timed tickets (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed first tickets")
    parser.add_argument(
        "--pg",
        help="PostgreSQL URL (default: PST_TEST_DATABASE_URL or "
        "postgresql://postgres@127.0.0.1:5432/test); a throwaway schema is used",
    )
    parser.add_argument("--no-sqlite", action="store_true", help="skip SQLite")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    parser.add_argument("--history-days", type=int, default=20, help="working days of history")
    parser.add_argument("--history-per-day", type=int, default=25, help="visits/service/day")
    parser.add_argument("--print", action="store_true", help="also time print_pdf to a file")
    args = parser.parse_args(argv)

    if args.print:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (kept alive)

    history = (args.history_days, args.history_per_day)
    runs = []
    if not args.no_sqlite:
        with sqlite_file() as (url, _):
            runs.append(
                run("SQLite (temp file)", url, args.count, args.warmup, history, args.print)
            )
    if not args.no_pg:
        with pg_schema(pg_base_url(args.pg)) as (url, _):
            runs.append(run("PostgreSQL", url, args.count, args.warmup, history, args.print))

    print(
        f"Issuing a ticket: issue_ticket + ticket_data_for (db) + render_ticket 80 mm (pdf), "
        f"{args.count} tickets after {args.warmup} warm-up (ms; target total < "
        f"{TARGET_TOTAL_MS:g})"
    )
    print()
    headers = ["database", "db p50", "db p95", "pdf p50", "pdf p95", "total p50", "total p95"]
    headers += ["total max", "mean", "target"]
    if args.print:
        headers[-1:-1] = ["print p50", "print p95"]
    rows = []
    for r in runs:
        row: list[object] = [r.database]
        for values in (r.db_ms, r.pdf_ms):
            row += [percentile(values, 50), percentile(values, 95)]
        row += [percentile(r.total_ms, 50), percentile(r.total_ms, 95), max(r.total_ms)]
        row.append(statistics.fmean(r.total_ms))
        if args.print:
            row += [percentile(r.print_ms, 50), percentile(r.print_ms, 95)]
        row.append("met" if percentile(r.total_ms, 95) < TARGET_TOTAL_MS else "MISSED")
        rows.append(row)
    print_table(headers, rows)
    print()
    for r in runs:
        print(
            f"{r.database}: first render (loads the bundled fonts) {r.first_render_ms:.1f} ms; "
            f"wait estimate over {r.history_visits:,} seeded finished visits"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

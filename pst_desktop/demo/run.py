"""``generate``: the demo's entry point (``python -m pst_desktop demo-data``).

It makes the office if there is none, its services, desks and staff (``setup.py``), then writes
the last N working days (``day.py``), several days to a transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator

import peewee as pw

from models.database import database_proxy, is_sqlite, write_transaction
from pst_desktop.admin.office_setup import DEFAULT_TIME_ZONE, ensure_office, first_office
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.demo.day import DayWriter
from pst_desktop.demo.draws import FastRandom
from pst_desktop.demo.summary import DemoSummary
from pst_desktop.demo.voice import add_voice
from pst_desktop.sop.office_calendar import OfficeCalendar

#: average walk-in visits per working day when the caller gives none
DEFAULT_VISITS_PER_DAY = 24

_VISITS_PER_COMMIT = 25_000  # whole days are grouped into transactions of about this size
_BULK_CACHE_KIB = -131_072  # SQLite page cache while loading: 128 MiB


def generate(
    days: int,
    seed: int,
    visits_per_day: int | None = None,
    end: str | dt.date | None = None,
    clock: Clock | None = None,
) -> DemoSummary:
    """Fill the database with ``days`` working days of demo visits ending at ``end``.

    ``end`` defaults to yesterday in the office's time zone and may not lie in the future.
    Days that already hold visits are skipped (and listed in the summary).
    """
    if days < 0:
        raise ValueError("--days must be zero or more")
    if visits_per_day is not None and visits_per_day < 1:
        raise ValueError("--visits-per-day must be at least 1")
    started = time.perf_counter()
    clock = clock or SystemClock()
    if first_office() is None:  # refuse a bad --end before an office is made for the demo
        _parse_end(end, OfficeCalendar(DEFAULT_TIME_ZONE, {}).office_day(clock.now()))
    office = ensure_office(clock)
    calendar = OfficeCalendar.for_office(office.id)
    today = calendar.office_day(clock.now())
    last = _parse_end(end, today)
    mean = visits_per_day or DEFAULT_VISITS_PER_DAY
    summary = DemoSummary(office=office.name, requested_days=days)
    work_days = _working_days(calendar, last, days)
    generator = DayWriter(office, calendar, FastRandom(seed), mean, clock, summary)
    generator.ensure_setup()
    with _bulk_mode(database_proxy.obj):
        position = 0
        while position < len(work_days):
            # several days per transaction: index pages are written once per batch, not per day
            with write_transaction():
                written = summary.visits
                while position < len(work_days) and summary.visits - written < _VISITS_PER_COMMIT:
                    generator.fill_day(work_days[position])
                    position += 1
        with write_transaction():  # surveys, reasons, follow-ups of the last days (voice.py)
            summary.survey_responses, summary.follow_ups = add_voice(
                office, summary.days, seed, clock
            )
    summary.seconds = time.perf_counter() - started
    return summary


def _parse_end(end: str | dt.date | None, today: dt.date) -> dt.date:
    if end is None:
        return today - dt.timedelta(days=1)
    if isinstance(end, dt.datetime):
        day = end.date()
    elif isinstance(end, dt.date):
        day = end
    else:
        try:
            day = dt.date.fromisoformat(str(end).strip())
        except ValueError as exc:
            raise ValueError(f"--end must be a date like 2026-11-23, not {end!r}") from exc
    if day > today:
        raise ValueError(f"--end {day} is in the future; demo visits are past visits")
    return day


@contextlib.contextmanager
def _bulk_mode(db: pw.Database) -> Iterator[None]:
    """A big page cache on SQLite while loading (this connection only; restored after)."""
    if not is_sqlite(db):
        yield
        return
    before = db.execute_sql("PRAGMA cache_size").fetchone()[0]
    db.execute_sql(f"PRAGMA cache_size = {_BULK_CACHE_KIB}")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA cache_size = {int(before)}")


def _working_days(calendar: OfficeCalendar, last: dt.date, count: int) -> list[dt.date]:
    """The last ``count`` working days up to ``last``, oldest first."""
    found: list[dt.date] = []
    day = last
    for _ in range(count * 3 + 60):
        if len(found) >= count:
            break
        if calendar.is_working_day(day):
            found.append(day)
        day -= dt.timedelta(days=1)
    found.reverse()
    return found

"""The office calendar: service hours (SOP step 2) and working days.

Working days skip weekends, Indonesian public holidays and cuti bersama (the ``holidays``
package, categories public + government), with the office's own closure days on top; an
office can also mark a listed holiday as open.
"""

from __future__ import annotations

import datetime as dt
import time
import weakref
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from models.database import database_proxy
from models.entities import ClosureDay, Office, ServiceHours
from pst_desktop.admin import settings_revision

#: how long a station trusts its copy of an office's hours and closure days
CACHE_SECONDS = 60.0
_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: SOP-1-102/17000/2025: Mon–Thu 08:00–15:30, Fri 08:00–16:00, no lunch break
SOP_HOURS: dict[int, tuple[dt.time, dt.time]] = {
    0: (dt.time(8, 0), dt.time(15, 30)),
    1: (dt.time(8, 0), dt.time(15, 30)),
    2: (dt.time(8, 0), dt.time(15, 30)),
    3: (dt.time(8, 0), dt.time(15, 30)),
    4: (dt.time(8, 0), dt.time(16, 0)),
}


@lru_cache(maxsize=64)
def national_holidays(year: int) -> dict[dt.date, str]:
    """Indonesian public holidays and cuti bersama of one year, with their Indonesian names."""
    found = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    return dict(found.items())


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    reason: str  # "" on a working day; the holiday or closure name otherwise


class OfficeCalendar:
    """Hours and working days of one office, read once from the database (cheap to rebuild)."""

    def __init__(
        self,
        time_zone: str,
        hours: dict[int, tuple[dt.time, dt.time]],
        exceptions: dict[dt.date, tuple[bool, str]] | None = None,
    ) -> None:
        self.zone = ZoneInfo(time_zone)
        self.hours = dict(hours)
        #: day → (closed, reason): closed=True closes a working day, False opens a holiday
        self.exceptions = dict(exceptions or {})

    @classmethod
    def for_office(cls, office_id: int) -> OfficeCalendar:
        """The office's calendar, as the database has it now: the cached copy is used while
        the office's settings revision is the one it was read at (one row read; every admin
        change of hours or closure days bumps it) and for at most a minute (a restore)."""
        revision = settings_revision.current(office_id)
        per_db = _cache.setdefault(database_proxy.obj, {})
        hit = per_db.get(office_id)
        if hit is not None and hit[2] == revision and time.monotonic() - hit[0] < CACHE_SECONDS:
            return hit[1]
        calendar = cls.load(office_id)
        per_db[office_id] = (time.monotonic(), calendar, revision)
        return calendar

    @staticmethod
    def invalidate() -> None:
        """Forget cached calendars (after an admin changed hours or closure days)."""
        _cache.clear()

    @classmethod
    def load(cls, office_id: int) -> OfficeCalendar:
        office = Office.get_by_id(office_id)
        hours = {
            h.weekday: (h.opens, h.closes)
            for h in ServiceHours.select().where(ServiceHours.office == office_id)
        }
        exceptions = {
            c.day: (c.closed, c.reason)
            for c in ClosureDay.select().where(ClosureDay.office == office_id)
        }
        return cls(office.time_zone, hours, exceptions)

    # -- days -------------------------------------------------------------------------------
    def local(self, moment: dt.datetime) -> dt.datetime:
        return moment.astimezone(self.zone)

    def office_day(self, moment: dt.datetime) -> dt.date:
        return self.local(moment).date()

    def day_info(self, day: dt.date) -> DayInfo:
        if day in self.exceptions:
            closed, reason = self.exceptions[day]
            if closed:
                return DayInfo(day, False, reason or "Kantor tutup")
            return DayInfo(day, day.weekday() in self.hours, "")
        if day.weekday() not in self.hours:
            return DayInfo(day, False, "Akhir pekan")
        name = national_holidays(day.year).get(day)
        if name:
            return DayInfo(day, False, name)
        return DayInfo(day, True, "")

    def is_working_day(self, day: dt.date) -> bool:
        return self.day_info(day).working

    def add_working_days(self, start: dt.datetime, days: int) -> dt.datetime:
        """The moment ``days`` working days after ``start`` (same local time of day).

        SOP step 3: an online request opened on a working day is due by the same time on the
        third working day after; one opened on a closed day counts from the next working day.
        """
        local = self.local(start)
        day = local.date()
        if not self.is_working_day(day):
            while not self.is_working_day(day):
                day += dt.timedelta(days=1)
            opens = self.hours.get(day.weekday(), (dt.time(0, 0), dt.time(0, 0)))[0]
            local = dt.datetime.combine(day, opens, self.zone)
        counted = 0
        while counted < days:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return dt.datetime.combine(day, local.timetz().replace(tzinfo=None), self.zone)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    # -- hours ------------------------------------------------------------------------------
    def hours_on(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """Opening and closing moments of ``day``, or None when the office is closed."""
        if not self.is_working_day(day):
            return None
        opens, closes = self.hours[day.weekday()]
        return (
            dt.datetime.combine(day, opens, self.zone),
            dt.datetime.combine(day, closes, self.zone),
        )

    def is_open(self, moment: dt.datetime) -> bool:
        span = self.hours_on(self.office_day(moment))
        return span is not None and span[0] <= moment < span[1]

    def next_opening(self, moment: dt.datetime) -> dt.datetime:
        """The next moment the service desk opens (``moment`` itself when open now)."""
        if self.is_open(moment):
            return moment
        day = self.office_day(moment)
        for _ in range(400):
            span = self.hours_on(day)
            # hours that open at 00:00 open exactly at the day's start: compare with the moment
            # asked about, not with the start of the day looked at
            if span is not None and span[0] < span[1] and moment < span[0]:
                return span[0]
            day += dt.timedelta(days=1)
        raise RuntimeError("no opening in the next 400 days; check the office hours")

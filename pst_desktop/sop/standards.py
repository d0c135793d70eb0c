"""The SOP's time standards ("Mutu Baku") as computed facts about a visit.

| standard | from → to |
| registration ≤ 10 min | form opened → ticket issued |
| service ≤ 3 hours | service started → finished |
| rating ≤ 5 min | finished → rating given |
| online first answer ≤ 3 working days | transaction opened → first answer |
| online auto-close | 3 days without the user's reply |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pst_desktop.sop.office_calendar import OfficeCalendar

REGISTRATION_LIMIT = dt.timedelta(minutes=10)
SERVICE_LIMIT = dt.timedelta(hours=3)
RATING_LIMIT = dt.timedelta(minutes=5)
ONLINE_FIRST_ANSWER_WORKING_DAYS = 3
ONLINE_AUTO_CLOSE = dt.timedelta(days=3)


class Verdict(StrEnum):
    MET = "met"
    MISSED = "missed"
    RUNNING = "running"  # still within the limit, not finished yet
    OVERDUE = "overdue"  # not finished and already past the limit
    NOT_APPLICABLE = "n/a"


@dataclass(frozen=True)
class Measure:
    standard: str
    elapsed: dt.timedelta | None
    limit: dt.timedelta
    verdict: Verdict


def _measure(
    standard: str,
    start: dt.datetime | None,
    end: dt.datetime | None,
    limit: dt.timedelta,
    now: dt.datetime,
) -> Measure:
    if start is None:
        return Measure(standard, None, limit, Verdict.NOT_APPLICABLE)
    if end is None:
        elapsed = now - start
        return Measure(
            standard, elapsed, limit, Verdict.RUNNING if elapsed <= limit else Verdict.OVERDUE
        )
    elapsed = end - start
    return Measure(standard, elapsed, limit, Verdict.MET if elapsed <= limit else Verdict.MISSED)


def registration(
    started: dt.datetime | None, issued: dt.datetime | None, now: dt.datetime
) -> Measure:
    return _measure("registration", started, issued, REGISTRATION_LIMIT, now)


def service(started: dt.datetime | None, finished: dt.datetime | None, now: dt.datetime) -> Measure:
    return _measure("service", started, finished, SERVICE_LIMIT, now)


def rating(finished: dt.datetime | None, rated: dt.datetime | None, now: dt.datetime) -> Measure:
    return _measure("rating", finished, rated, RATING_LIMIT, now)


def online_first_answer_due(calendar: OfficeCalendar, opened: dt.datetime) -> dt.datetime:
    """SOP step 3: the queue wait is at most 3 working days from when the transaction opened."""
    return calendar.add_working_days(opened, ONLINE_FIRST_ANSWER_WORKING_DAYS)


def online_first_answer(
    calendar: OfficeCalendar, opened: dt.datetime, answered: dt.datetime | None, now: dt.datetime
) -> Measure:
    due = online_first_answer_due(calendar, opened)
    limit = due - opened
    if answered is None:
        return Measure(
            "online_first_answer",
            now - opened,
            limit,
            Verdict.RUNNING if now <= due else Verdict.OVERDUE,
        )
    return Measure(
        "online_first_answer",
        answered - opened,
        limit,
        Verdict.MET if answered <= due else Verdict.MISSED,
    )


def online_auto_close_at(waiting_since: dt.datetime) -> dt.datetime:
    """SOP step 5: a transaction closes by itself 3 days after the user stopped replying."""
    return waiting_since + ONLINE_AUTO_CLOSE


def online_should_close(waiting_since: dt.datetime | None, now: dt.datetime) -> bool:
    return waiting_since is not None and now >= online_auto_close_at(waiting_since)

"""The one source of "now": injectable, so tests can set "Friday 15:59 WIB".

``PST_CLOCK_OFFSET_SECONDS`` shifts every ``SystemClock`` of a process by a fixed number of
seconds: a training day (or the office-day run, ``tools/office_day.py``) plays a chosen working
day at 08:00 WIB whatever the real date and hour, with time running at its real pace. Every
station of such a run is given the same offset, so they agree on "now". Unset in an office.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from typing import Protocol

log = logging.getLogger(__name__)

OFFSET_ENVIRONMENT = "PST_CLOCK_OFFSET_SECONDS"


def _offset_from_environment() -> dt.timedelta:
    text = os.environ.get(OFFSET_ENVIRONMENT, "").strip()
    if not text:
        return dt.timedelta(0)
    try:
        offset = dt.timedelta(seconds=float(text))
    except ValueError:
        log.error(
            "%s=%r is not a number of seconds; the clock is not shifted", OFFSET_ENVIRONMENT, text
        )
        return dt.timedelta(0)
    log.warning("the clock is shifted by %s (%s, training only)", offset, OFFSET_ENVIRONMENT)
    return offset


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment as an aware datetime."""
        ...


class SystemClock:
    """The computer's clock (shifted only in training, see the module's docstring)."""

    _offset: dt.timedelta | None = None

    def now(self) -> dt.datetime:
        if SystemClock._offset is None:
            SystemClock._offset = _offset_from_environment()
        return dt.datetime.now(dt.UTC) + SystemClock._offset


class FixedClock:
    """A clock that stands still until moved; for tests, demo data and benchmarks."""

    def __init__(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.moment = moment

    def now(self) -> dt.datetime:
        return self.moment

    def set(self, moment: dt.datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self.moment = moment

    def advance(self, **delta: float) -> dt.datetime:
        self.moment = self.moment + dt.timedelta(**delta)
        return self.moment

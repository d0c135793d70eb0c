"""What the waiting-room display board shows: numbers and desks only, never a visitor's name.

``board_state`` answers four questions for one office and its current day: the call shown
large (the latest), the last few calls before it, how many tickets wait per service, and which
desks are on a break (and when they are back; never why).  ``call_row`` describes one call for
an announcement; an *assisted* call (the visitor's recorded disability is sensory) is flashed
and repeated.  Nothing about priority: the board shows no reason.  No Qt here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from models.entities import Channel, Desk, ServiceType, Visit, VisitStatus
from pst_desktop.admin.administration import office_settings
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits.desk_state import BoardBreak, on_break
from pst_desktop.visits.queue import ticket_code

RECENT_CALLS = 5


@dataclass(frozen=True)
class CallRow:
    visit_id: int
    code: str  # "K-007"
    desk_name: str  # "Meja 1"
    service_name: str
    called_at: dt.datetime
    call_count: int
    #: flash the call and repeat it spoken: the visitor may not see or hear it
    assisted: bool = False


@dataclass(frozen=True)
class WaitingRow:
    service_name: str
    prefix: str
    waiting: int


@dataclass(frozen=True)
class BoardState:
    day: dt.date
    current: CallRow | None
    recent: list[CallRow]  # the calls before ``current``, newest first
    waiting: list[WaitingRow]  # every active service, in the office's order
    running_text: str = ""  # the admin's office-wide text (follows a change within a refresh)
    on_break: tuple[BoardBreak, ...] = ()  # desks on a break, by name, with their return

    @property
    def total_waiting(self) -> int:
        return sum(row.waiting for row in self.waiting)


def _called_select() -> pw.ModelSelect:
    """Called tickets with what the board shows: number, service prefix and name, desk."""
    return (
        Visit.select(
            Visit.id,
            Visit.number,
            Visit.called_at,
            Visit.call_count,
            Visit.call_assist,
            ServiceType.prefix,
            ServiceType.name,
            Desk.name.alias("desk_name"),
        )
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .switch(Visit)
        .join(Desk, pw.JOIN.LEFT_OUTER, on=(Visit.desk == Desk.id))
    )


def _calls_query(office_id: int, day: dt.date) -> pw.ModelSelect:
    return (
        _called_select()
        .where(
            (Visit.office == office_id)
            & (Visit.day == day)
            & (Visit.channel == Channel.WALK_IN.value)
            & Visit.called_at.is_null(False)
            # a ticket put back in the queue (or cancelled) is no longer "called to a desk"
            & Visit.status.not_in([VisitStatus.WAITING.value, VisitStatus.CANCELLED.value])
        )
        .objects()
    )


def _row(visit: Visit) -> CallRow:
    return CallRow(
        visit_id=visit.id,
        code=ticket_code(visit.prefix, visit.number),
        desk_name=visit.desk_name or "",
        service_name=visit.name,
        called_at=visit.called_at,
        call_count=visit.call_count,
        assisted=bool(visit.call_assist),
    )


def board_state(
    office_id: int,
    now: dt.datetime,
    recent: int = RECENT_CALLS,
    station_running_text: str = "",
) -> BoardState:
    """The board's whole content at ``now`` (the office's day of ``now``), with the running
    text the admin set (else this station's own, ``station_running_text``)."""

    day = OfficeCalendar.for_office(office_id).office_day(now)
    calls = [
        _row(v)
        for v in _calls_query(office_id, day)
        .order_by(Visit.called_at.desc(), Visit.id.desc())
        .limit(recent + 1)
    ]
    counts = dict(
        Visit.select(Visit.service, pw.fn.COUNT(Visit.id))
        .where(
            (Visit.office == office_id)
            & (Visit.day == day)
            & (Visit.channel == Channel.WALK_IN.value)
            & (Visit.status == VisitStatus.WAITING.value)
        )
        .group_by(Visit.service)
        .tuples()
    )
    services = (
        ServiceType.select()
        .where((ServiceType.office == office_id) & (ServiceType.active == True))  # noqa: E712
        .order_by(ServiceType.sort_order, ServiceType.id)
    )
    waiting = [WaitingRow(s.name, s.prefix, int(counts.get(s.id, 0))) for s in services]
    text = office_settings(office_id, station_running_text=station_running_text)
    return BoardState(
        day,
        calls[0] if calls else None,
        calls[1:],
        waiting,
        text.board_running_text,
        tuple(on_break(office_id)),
    )


def call_row(office_id: int, visit_id: int) -> CallRow | None:
    """One call, for its announcement; None when the visit is not (or no longer) called."""
    visit = (
        _called_select()
        .where(
            (Visit.id == visit_id) & (Visit.office == office_id) & Visit.called_at.is_null(False)
        )
        .objects()
        .first()
    )
    return _row(visit) if visit is not None else None


def spoken_code(code: str) -> str:
    """``K-007`` as a voice should read it: ``K, 7`` (no "dash", no leading zeros)."""
    prefix, _, number = code.partition("-")
    if not number.isdigit():
        return code
    return f"{prefix}, {int(number)}"

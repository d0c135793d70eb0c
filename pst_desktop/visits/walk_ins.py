"""Today's walk-in tickets as plain rows: the one read behind reception's queue and a desk's.

- ``walk_ins_of_day``: every walk-in ticket of an office day, whatever its status (reception's
  queue table and its counts per service);
- ``waiting_for_desk``: the waiting ones a desk may call (``queue.desk_may_call``), the
  officer's queue.

Both come in calling order (issue time, then id: ``QueueService.call_next``'s order), with the
ticket's prefix, the current service's name, the visitor's name and the desk's name joined in.
Only the day's tickets are read (the ``(office, day, status)`` index) and they are sorted here,
not by ``ORDER BY``: ordered by issue time in SQL, SQLite walked the office's whole history along
the ``(office, issued_at)`` index rather than sort one day (60-100 ms on a year; 2 ms by the day).
Reads only; safe on a worker thread (the caller owns that thread's connection).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

import peewee as pw

from models.entities import Channel, Desk, ServiceType, Visit, Visitor, VisitStatus
from pst_desktop.visits import priority
from pst_desktop.visits.queue import desk_may_call, ticket_code


@dataclass(frozen=True)
class WalkIn:
    """One walk-in ticket of the day, as the queue tables show it."""

    visit_id: int
    prefix: str  # the ticket's service's (a transfer keeps the number and its prefix)
    number: int
    service_id: int  # the service now (after a transfer, the new one)
    service_name: str
    visitor_id: int | None
    visitor_name: str  # "" when the visitor was deleted
    purpose: str
    status: str
    issued_at: dt.datetime
    called_at: dt.datetime | None
    desk_name: str  # "" when sent to no particular desk
    cancel_reason: str
    from_appointment: bool
    priority: str = ""  # "" a normal ticket, else its reason (``priority.PriorityReason``)

    @property
    def code(self) -> str:
        """``K-007``."""
        return ticket_code(self.prefix, self.number)


def walk_ins_of_day(office_id: int, day: dt.date) -> list[WalkIn]:
    """Every walk-in ticket of ``office_id`` on the office day ``day``, in calling order."""
    return _walk_ins(office_id, day, None)


def waiting_for_desk(
    office_id: int,
    day: dt.date,
    desk_id: int,
    service_ids: Collection[int],
    now: dt.datetime | None = None,
) -> list[WalkIn]:
    """The tickets waiting on ``day`` that the desk ``desk_id``, serving ``service_ids``, may
    call, in the order "call next" takes them: with ``now``, priority tickets where the rule
    puts them (``priority.expected_order``), else issue order."""
    rows = _walk_ins(
        office_id,
        day,
        (Visit.status == VisitStatus.WAITING.value) & desk_may_call(desk_id, service_ids),
    )
    if now is None or not any(row.priority for row in rows):
        return rows
    jumps = priority.jumps_in_a_row(office_id, day, desk_id, list(service_ids))
    order = priority.expected_order(
        [(row.issued_at, row.visit_id, bool(row.priority)) for row in rows],
        priority.priority_rule(office_id),
        now,
        jumps,
    )
    by_id = {row.visit_id: row for row in rows}
    return [by_id[visit_id] for visit_id in order]


def _walk_ins(office_id: int, day: dt.date, narrower: pw.Node | None) -> list[WalkIn]:
    Ticketing = ServiceType.alias()
    condition = (
        (Visit.office == office_id) & (Visit.day == day) & (Visit.channel == Channel.WALK_IN.value)
    )
    if narrower is not None:
        condition &= narrower
    query = (
        Visit.select(
            Visit.id,
            Ticketing.prefix,
            Visit.number,
            Visit.service,
            ServiceType.name,
            Visit.visitor,
            Visitor.name,
            Visit.purpose,
            Visit.status,
            Visit.issued_at,
            Visit.called_at,
            Desk.name,
            Visit.cancel_reason,
            Visit.appointment,
            Visit.priority,
        )
        .join(Ticketing, on=(Visit.ticket_service == Ticketing.id))
        .switch(Visit)
        .join(ServiceType, on=(Visit.service == ServiceType.id))
        .switch(Visit)
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .switch(Visit)
        .join(Desk, pw.JOIN.LEFT_OUTER, on=(Visit.desk == Desk.id))
        .where(condition)
        .tuples()
    )
    rows = [
        WalkIn(
            visit_id=visit_id,
            prefix=prefix,
            number=number,
            service_id=service_id,
            service_name=service_name,
            visitor_id=visitor_id,
            visitor_name=visitor_name or "",
            purpose=purpose or "",
            status=status,
            issued_at=issued_at,
            called_at=called_at,
            desk_name=desk_name or "",
            cancel_reason=cancel_reason or "",
            from_appointment=appointment_id is not None,
            priority=priority_reason or "",
        )
        for (
            visit_id,
            prefix,
            number,
            service_id,
            service_name,
            visitor_id,
            visitor_name,
            purpose,
            status,
            issued_at,
            called_at,
            desk_name,
            cancel_reason,
            appointment_id,
            priority_reason,
        ) in query
    ]
    rows.sort(key=lambda row: (row.issued_at, row.visit_id))  # call_next's order
    return rows

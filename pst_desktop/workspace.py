"""What the officer's workspace shows (SOP steps 5 and 6), as plain data without widgets.

- ``desk_queue``: the waiting tickets this desk may call (sent to this desk, or of a service it
  serves and sent to no particular desk), oldest first — the order ``QueueService.call_next``
  uses;
- ``held``: the ticket the officer holds now, with the service clock against the 3-hour
  standard (``service_clock``);
- ``housekeeping``: the periodic jobs any running station may do (end the rating wait after
  5 minutes, close online consultations after 3 days without a reply); each is a guarded update,
  so running it on several stations at once changes every row once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from models.entities import Desk, DeskService, ServiceType, Visit, Visitor
from pst_desktop import front_desk, standards
from pst_desktop.clock import Clock
from pst_desktop.front_desk import QueueRow, Stage
from pst_desktop.online import OnlineService
from pst_desktop.permissions import Actor
from pst_desktop.queue import QueueService, ticket_code

#: the service timer turns amber this long before the 3-hour standard
SERVICE_WARNING = dt.timedelta(hours=2, minutes=30)


@dataclass(frozen=True)
class DeskChoice:
    desk_id: int
    name: str
    service_ids: tuple[int, ...]


def desks_of(office_id: int) -> list[DeskChoice]:
    desks = Desk.select().where((Desk.office == office_id) & Desk.active).order_by(Desk.name)
    links: dict[int, list[int]] = {}
    for desk_id, service_id in (
        DeskService.select(DeskService.desk, DeskService.service)
        .join(Desk)
        .where(Desk.office == office_id)
        .tuples()
    ):
        links.setdefault(desk_id, []).append(service_id)
    return [DeskChoice(d.id, d.name, tuple(sorted(links.get(d.id, [])))) for d in desks]


def desk_queue(office_id: int, desk: DeskChoice, now: dt.datetime) -> list[QueueRow]:
    """The waiting tickets this desk may call, in calling order."""
    snapshot = front_desk.queue_snapshot(office_id, now)
    served = set(desk.service_ids)
    return [
        r
        for r in snapshot.rows
        if r.stage is Stage.WAITING
        and (r.desk_name == desk.name or (not r.desk_name and r.service_id in served))
    ]


@dataclass(frozen=True)
class HeldTicket:
    visit_id: int
    code: str
    status: str  # called / serving
    service_id: int
    service_name: str
    visitor_name: str
    purpose: str
    called_at: dt.datetime | None
    service_started_at: dt.datetime | None
    call_count: int


def held(queue: QueueService, actor: Actor) -> HeldTicket | None:
    """The ticket the officer holds (called or in service), if any."""
    visit = queue.held_ticket(actor)
    if visit is None:
        return None
    row = (
        Visit.select(ServiceType.prefix, Visitor.name)
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .switch(Visit)
        .join(Visitor, pw.JOIN.LEFT_OUTER, on=(Visit.visitor == Visitor.id))
        .where(Visit.id == visit.id)
        .tuples()
        .first()
    )
    prefix, visitor_name = row if row else ("?", "")
    service = ServiceType.get_by_id(visit.service_id)
    return HeldTicket(
        visit_id=visit.id,
        code=ticket_code(prefix, visit.number),
        status=visit.status,
        service_id=service.id,
        service_name=service.name,
        visitor_name=visitor_name or "",
        purpose=visit.purpose,
        called_at=visit.called_at,
        service_started_at=visit.service_started_at,
        call_count=visit.call_count,
    )


@dataclass(frozen=True)
class ServiceClock:
    elapsed: dt.timedelta
    limit: dt.timedelta
    verdict: standards.Verdict
    warning: bool  # past ``SERVICE_WARNING`` but still within the standard

    def text(self) -> str:
        """``0:42:05 / 3:00`` (hours:minutes:seconds of the standard)."""
        seconds = max(0, int(self.elapsed.total_seconds()))
        hours, rest = divmod(seconds, 3600)
        limit_hours, limit_rest = divmod(int(self.limit.total_seconds()), 3600)
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d} / {limit_hours}:{limit_rest // 60:02d}"


def service_clock(ticket: HeldTicket, now: dt.datetime) -> ServiceClock | None:
    """The running service time against the 3-hour standard; None before the service starts."""
    measure = standards.service(ticket.service_started_at, None, now)
    if measure.elapsed is None:
        return None
    warning = measure.verdict is standards.Verdict.RUNNING and measure.elapsed >= SERVICE_WARNING
    return ServiceClock(measure.elapsed, measure.limit, measure.verdict, warning)


def housekeeping(clock: Clock, office_id: int) -> tuple[int, list[int]]:
    """End rating waits past 5 minutes, close the tickets an earlier office day left open, and
    auto-close silent online consultations."""
    queue = QueueService(clock)
    queue.close_earlier_days(office_id)
    expired = queue.expire_rating_requests(office_id)
    closed = OnlineService(clock).auto_close(office_id)
    return expired, closed

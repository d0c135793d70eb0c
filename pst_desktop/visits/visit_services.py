"""One visit, several services: the services a visit carries, in order.

The receptionist may tick several services for one visitor (the SKD's "jenis layanan": a
visitor often wants a consultation and then the library).  The ticket is numbered in the first;
the visit carries the others as ``VisitService`` rows (position 1, 2, …).  When the officer is
done with one service and the visit has a next one, they hand the visit on
(``QueueService.hand_on``) instead of finishing it: the service is recorded as delivered (by
whom, at which desk, from when to when), and the visit waits in the next service's queue.  It
keeps its place there: "call next" takes tickets by the time they were first issued (and the
priority rule), and the visit keeps its issue time, so it is not sent to the back.

A visit with one service has no rows; the visit itself says what it received.  So the services
delivered in a range are the served visits (each its last service, at its last officer and
desk) plus the rows handed on (``handed_on_condition``): a row done when its visit was finished
is the served visit itself and is not counted twice.

Everything here runs inside the caller's transaction (``queue.py`` holds the locks and reads the
clock); nothing writes on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.entities import ServiceType, Visit, VisitService, VisitServiceStatus
from pst_desktop.core.errors import ValidationError

VS = VisitServiceStatus

#: at most this many services on one ticket (the office has four; a slip of a finger adds none)
MAX_SERVICES = 6


@dataclass(frozen=True)
class ServiceStep:
    """One service of a visit as the windows show it."""

    position: int
    service_id: int
    service_name: str
    status: str  # VisitServiceStatus
    officer_id: int | None
    desk_id: int | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


def check_services(office_id: int, first_id: int, more_ids: Sequence[int]) -> list[int]:
    """The visit's services in order: ``first_id`` then ``more_ids`` without repeats (a service
    ticked twice counts once); every one an active service of the office."""
    ordered: list[int] = []
    for service_id in (first_id, *more_ids):
        if int(service_id) not in ordered:
            ordered.append(int(service_id))
    if len(ordered) > MAX_SERVICES:
        raise ValidationError(
            {
                "services": QCoreApplication.translate(
                    "VisitServices", "A visit can carry at most {count} services."
                ).format(count=MAX_SERVICES)
            }
        )
    found = {
        sid
        for (sid,) in ServiceType.select(ServiceType.id)
        .where(ServiceType.id.in_(ordered) & (ServiceType.office == office_id) & ServiceType.active)
        .tuples()
    }
    if len(found) != len(ordered):
        raise ValidationError(
            {"services": QCoreApplication.translate("VisitServices", "Choose active services.")}
        )
    return ordered


def plan(visit_id: int, service_ids: Sequence[int]) -> None:
    """Record the services of a new visit (inside the issue's transaction); nothing for one."""
    if len(service_ids) < 2:
        return
    VisitService.insert_many(
        [
            {
                "visit": visit_id,
                "service": service_id,
                "position": position,
                "status": (VS.SERVING if position == 1 else VS.PENDING).value,
            }
            for position, service_id in enumerate(service_ids, start=1)
        ]
    ).execute()


def steps(visit_id: int) -> list[ServiceStep]:
    """The visit's services in order; empty for a visit with one service."""
    query = (
        VisitService.select(VisitService, ServiceType.id, ServiceType.name)
        .join(ServiceType, on=(VisitService.service == ServiceType.id))
        .where(VisitService.visit == visit_id)
        .order_by(VisitService.position)
    )
    return [
        ServiceStep(
            row.position,
            row.service_id,
            row.service.name,
            row.status,
            row.officer_id,
            row.desk_id,
            row.started_at,
            row.finished_at,
        )
        for row in query
    ]


def next_step(visit_id: int) -> ServiceStep | None:
    """The first service still to come after the one the visit is in; None when none is."""
    return next((s for s in steps(visit_id) if s.status == VS.PENDING.value), None)


def next_services(visit_ids: Sequence[int]) -> dict[int, str]:
    """For each visit that has a service still to come, the name of the next one."""
    if not visit_ids:
        return {}
    out: dict[int, str] = {}
    query = (
        VisitService.select(VisitService.visit, VisitService.position, ServiceType.name)
        .join(ServiceType, on=(VisitService.service == ServiceType.id))
        .where(VisitService.visit.in_(list(visit_ids)) & (VisitService.status == VS.PENDING.value))
        .order_by(VisitService.visit, VisitService.position)
        .tuples()
    )
    for visit_id, _, name in query:
        out.setdefault(visit_id, name)
    return out


def _deliver(visit: Visit, now: dt.datetime | None) -> int:
    """Mark the service the visit is in as delivered by its officer at its desk."""
    started = visit.service_started_at or visit.called_at
    return (
        VisitService.update(
            status=VS.DONE.value,
            service=visit.service_id,  # a transfer may have sent it elsewhere meanwhile
            officer=visit.officer_id,
            desk=visit.desk_id,
            started_at=started if started is not None else now,
            finished_at=now,
        )
        .where((VisitService.visit == visit.id) & (VisitService.status == VS.SERVING.value))
        .execute()
    )


def hand_on(visit: Visit, now: dt.datetime) -> ServiceStep | None:
    """Inside the hand-on's transaction, the visit row locked: the service it is in is
    delivered and the next one begins; returns the next one (None: there is none, nothing
    changed)."""
    following = next_step(visit.id)
    if following is None:
        return None
    _deliver(visit, now)
    VisitService.update(status=VS.SERVING.value).where(
        (VisitService.visit == visit.id) & (VisitService.position == following.position)
    ).execute()
    return following


def finished(visit: Visit, now: dt.datetime | None) -> None:
    """Inside the finish's transaction: the service the visit was in is delivered (the others
    still to come stay pending: the visitor did not want them after all)."""
    _deliver(visit, now)


def finished_at_day_end(visit_ids: pw.Node) -> None:
    """A visit still in service when its day ended counts as served: so does its service."""
    VisitService.update(status=VS.DONE.value).where(
        VisitService.visit.in_(visit_ids) & (VisitService.status == VS.SERVING.value)
    ).execute()


def handed_on_condition() -> pw.Node:
    """The rows of services delivered before a hand-on (not the last service of a visit, which
    the served visit counts): done, and their visit went on to another row."""
    later = VisitService.alias("later")
    return (VisitService.status == VS.DONE.value) & pw.fn.EXISTS(
        later.select(later.id).where(
            (later.visit == VisitService.visit)
            & (later.position > VisitService.position)
            & (later.status != VS.PENDING.value)
        )
    )

"""Shared helpers for the officer-workspace tests: visitors, tickets, served visits."""

from __future__ import annotations

from models.entities import Desk, Role, ServiceType, Visitor
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService, DataRequest
from pst_desktop.visits.queue import QueueService


def service(office, code="consultation") -> ServiceType:
    return ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == code))


def desks(office) -> list[Desk]:
    return list(Desk.select().where(Desk.office == office.id).order_by(Desk.name))


def visitor(office, clock, name="Siti Aminah") -> Visitor:
    now = clock.now()
    return Visitor.create(
        office=office.id,
        name=name,
        email=f"{name.split()[0].lower()}@example.com",
        consent=True,
        created_at=now,
        updated_at=now,
    )


def issue(office, clock, make_actor, name="Siti Aminah", code="consultation", receptionist=None):
    receptionist = receptionist or make_actor(Role.RECEPTIONIST)
    guest = visitor(office, clock, name)
    return QueueService(clock).issue_ticket(
        receptionist, visitor_id=guest.id, service_id=service(office, code).id
    )


def served_record(
    office, clock, officer, make_actor, *, topic, question, answer, name="Budi", need_met="yes_fit"
) -> int:
    """A walk-in visit called, served, recorded and finished by ``officer``; its visit id."""
    queue = QueueService(clock)
    ticket = issue(office, clock, make_actor, name)
    desk = desks(office)[0]
    visit = queue.call_ticket(officer, ticket.visit_id, desk.id)
    queue.start(officer, visit.id)
    record = ConsultationRecord(
        topic=topic,
        question=question,
        answer=answer,
        need_met=need_met,
        data_requested=[DataRequest("PDRB", "Bengkulu", 2020, 2024, "province", "annual")],
    )
    consultations = ConsultationService(clock)
    consultations.save_draft(officer, visit.id, record)
    queue.finish(officer, visit.id)
    consultations.finalize(officer, visit.id, None)
    return visit.id


def complete_record(window, answer: str = "Tersedia di publikasi.", need_met: str = "yes_fit"):
    """What F8 needs in the officer's form: an answer and "need met"."""
    if not window.form.answer.toPlainText().strip():
        window.form.answer.setPlainText(answer)
    window.form.need_met.setCurrentIndex(window.form.need_met.findData(need_met))

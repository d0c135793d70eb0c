"""Fixtures of the visitor-facing screens: a desk, a served visit, a fast live bus."""

from __future__ import annotations

import pytest

from models.entities import Desk, Role, ServiceType
from pst_desktop.db.changes import LiveBus
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.rating_screen import RatingOutbox
from pst_desktop.visits.queue import QueueService


@pytest.fixture
def desk(office):
    return Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()


@pytest.fixture
def queue(clock):
    return QueueService(clock)


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER, "budi")


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST, "rina")


@pytest.fixture
def issue(receptionist, clock, queue):
    """Register a visitor (with a name, phone and e-mail) and issue a consultation ticket."""
    service = ServiceType.get(ServiceType.code == "consultation")

    def issue(name: str = "Siti Rahmawati"):
        visitor = RegistrationService(clock).register(
            receptionist,
            VisitorForm(
                name=name,
                email="siti.rahma@example.com",
                phone="081234567890",
                gender="female",
                consent=True,
            ),
        )
        return queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)

    return issue


@pytest.fixture
def make_bus(db, office, clock, qtbot):
    buses = []

    def make(database=None):
        bus = LiveBus(database or db, office.id, clock, poll_ms=50)
        buses.append(bus)
        return bus

    yield make
    for bus in buses:
        bus.stop()


@pytest.fixture
def outbox(tmp_path, clock):
    return RatingOutbox(tmp_path / "outbox.json", clock)

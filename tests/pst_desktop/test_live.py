import peewee as pw
import pytest

from models.entities import Role, ServiceType
from pst_desktop.live import ChangeWatcher
from pst_desktop.queue import QueueService
from pst_desktop.registration import RegistrationService, VisitorForm


@pytest.fixture
def watcher(db, qtbot):
    w = ChangeWatcher(db, poll_ms=50)
    w.start()
    yield w
    w.stop()


def test_a_committed_ticket_reaches_the_watcher(db, watcher, qtbot, make_actor, clock):
    receptionist = make_actor(Role.RECEPTIONIST)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Ayu", email="ayu@example.com", gender="female", consent=True),
    )
    qtbot.wait(120)  # let the watcher see the setup writes first
    service = ServiceType.get(ServiceType.code == "consultation")
    with qtbot.waitSignal(watcher.changed, timeout=3000):
        QueueService(clock).issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)
    assert watcher.is_listening


def test_postgres_events_carry_what_happened(db, watcher, qtbot, make_actor, clock):
    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("SQLite stations poll a change counter; events are PostgreSQL's")
    receptionist = make_actor(Role.RECEPTIONIST)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Ayu", email="ayu@example.com", gender="female", consent=True),
    )
    service = ServiceType.get(ServiceType.code == "consultation")
    with qtbot.waitSignal(watcher.event, timeout=3000) as blocker:
        ticket = QueueService(clock).issue_ticket(
            receptionist, visitor_id=visitor.id, service_id=service.id
        )
    assert blocker.args[0] == {
        "event": "queue_changed",
        "office": visitor.office_id,
        "visit": ticket.visit_id,
    }


def test_a_rolled_back_write_sends_nothing(db, watcher, qtbot):
    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("only PostgreSQL sends events")
    from pst_desktop.events import Event, publish

    with pytest.raises(RuntimeError), db.atomic():
        publish(Event.QUEUE_CHANGED, office=1)
        raise RuntimeError("rollback")
    with qtbot.assertNotEmitted(watcher.event, wait=300):
        pass

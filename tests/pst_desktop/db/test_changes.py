import peewee as pw
import pytest

from models.entities import Role, ServiceType
from pst_desktop.core.errors import ConnectionLost
from pst_desktop.db.changes import ChangeWatcher
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.queue import QueueService


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
    from pst_desktop.visits.events import Event, publish

    with pytest.raises(RuntimeError), db.atomic():
        publish(Event.QUEUE_CHANGED, office=1)
        raise RuntimeError("rollback")
    with qtbot.assertNotEmitted(watcher.event, wait=300):
        pass


# -- the typed bus ----------------------------------------------------------------------------
import datetime as dt  # noqa: E402

from models.entities import Desk  # noqa: E402
from pst_desktop.db.changes import LiveBus, VisitActivity, diff_activity  # noqa: E402
from tests.pst_desktop.pg_proxy import PgProxy  # noqa: E402

T0 = dt.datetime(2026, 11, 24, 3, 0, tzinfo=dt.UTC)


def test_diff_names_calls_recalls_and_ratings():
    before = {
        1: VisitActivity("called", 1, 10, T0),
        2: VisitActivity("awaiting_rating", 1, 11, T0),
        3: VisitActivity("serving", 1, 10, T0),
    }
    after = {
        1: VisitActivity("called", 2, 10, T0),  # recalled
        2: VisitActivity("done", 1, 11, T0),  # rated
        3: VisitActivity("awaiting_rating", 1, 10, T0),  # finished
        4: VisitActivity("called", 1, 11, T0 + dt.timedelta(minutes=1)),  # new call
    }
    assert diff_activity(before, after) == [
        {"event": "ticket_called", "visit": 1, "desk": 10, "call_count": 2, "recall": True},
        {"event": "rating_closed", "visit": 2, "desk": 11},
        {"event": "rating_requested", "visit": 3, "desk": 10},
        {"event": "ticket_called", "visit": 4, "desk": 11, "call_count": 1, "recall": False},
    ]
    assert diff_activity(after, after) == []


@pytest.fixture
def bus(db, office, clock, qtbot):
    b = LiveBus(db, office.id, clock, poll_ms=50)
    b.start()
    yield b
    b.stop()


def test_the_bus_gives_the_same_signals_on_both_databases(db, bus, qtbot, make_actor, clock):
    receptionist, officer = make_actor(Role.RECEPTIONIST), make_actor(Role.OFFICER)
    desk = Desk.select().order_by(Desk.id).first()
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Ayu", email="ayu@example.com", gender="female", consent=True),
    )
    service = ServiceType.get(ServiceType.code == "consultation")
    queue = QueueService(clock)
    ticket = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)
    with qtbot.waitSignal(bus.ticket_called, timeout=3000) as called:
        queue.call_next(officer, desk.id)
    assert called.args[0] == {
        "visit": ticket.visit_id,
        "desk": desk.id,
        "call_count": 1,
        "recall": False,
    }
    with qtbot.waitSignal(bus.ticket_called, timeout=3000) as recalled:
        queue.recall(officer, ticket.visit_id)
    assert recalled.args[0]["recall"] is True
    with qtbot.waitSignal(bus.rating_requested, timeout=3000) as requested:
        queue.finish(officer, ticket.visit_id)
    assert requested.args[0] == {"visit": ticket.visit_id, "desk": desk.id}


@pytest.mark.postgres
def test_after_a_lost_connection_the_bus_reconnects_and_catches_up(
    db, db_url, office, clock, qtbot, make_actor
):
    if isinstance(db, pw.SqliteDatabase):
        pytest.skip("a network outage needs the PostgreSQL server")

    receptionist, officer = make_actor(Role.RECEPTIONIST), make_actor(Role.OFFICER)
    desk = Desk.select().order_by(Desk.id).first()
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Ayu", email="ayu@example.com", gender="female", consent=True),
    )
    service = ServiceType.get(ServiceType.code == "consultation")
    proxy = PgProxy(db_url)
    proxy.start()
    board_db = None
    try:
        # the "board" station talks to the server through the proxy; the officer directly
        from models.database import make_database

        board_db = make_database(proxy.url())
        board_db.connect()
        bus = LiveBus(board_db, office.id, clock, poll_ms=50)
        bus.start()
        assert bus.watcher.is_listening
        with qtbot.waitSignal(bus.online, timeout=5000) as went:
            proxy.stop()
        assert went.args == [False]
        # a call made while the board is cut off: its notification is lost for the board
        officer_db = db
        assert officer_db is not None
        ticket = QueueService(clock).issue_ticket(
            receptionist, visitor_id=visitor.id, service_id=service.id
        )
        QueueService(clock).call_next(officer, desk.id)
        with qtbot.waitSignal(bus.ticket_called, timeout=15000) as caught_up:
            proxy.start()
        assert caught_up.args[0]["visit"] == ticket.visit_id
        assert bus.is_online
        bus.stop()
    finally:
        proxy.stop()
        if board_db is not None:
            board_db.close()


# -- the settings follower of a staff window ------------------------------------------------------
@pytest.fixture
def follower(db, office, qtbot):
    from pst_desktop.db.changes import SettingsFollower

    f = SettingsFollower(db, office.id)
    f.refresh()  # the window's baseline, read at once
    yield f
    f.wait()


def test_a_change_heard_is_read_on_a_worker_and_the_gui_thread_never_waits(
    db, office, follower, admin, clock, qtbot, monkeypatch
):
    """The revision was read on the GUI thread on every change of every
    staff window; now the watcher's changes are read on a worker, and said as before."""
    import threading

    from pst_desktop.admin import settings_revision
    from pst_desktop.admin.administration import Administration

    assert follower.revision == 0
    Administration(clock).save_rating(admin, question="Puas?", scale=10)
    readers: list[int] = []
    real = settings_revision.current

    def current(office_id: int) -> int:
        readers.append(threading.get_ident())
        return real(office_id)

    monkeypatch.setattr(settings_revision, "current", current)
    follower.hear({"event": "settings_changed", "office": office.id, "what": "rating"})
    with qtbot.waitSignal(follower.settings_changed, timeout=3000) as said:
        follower.refresh_later()
        assert follower.busy()  # the answer comes later
    assert said.args == ["rating"]
    assert readers and threading.get_ident() not in readers
    assert follower.revision == 1 and not follower.busy()
    with qtbot.assertNotEmitted(follower.settings_changed, wait=200):
        follower.refresh_later()  # nothing new: nothing said
        follower.wait()


def test_changes_heard_during_a_read_make_one_more_read(db, follower, admin, clock, qtbot):
    from pst_desktop.admin.administration import Administration

    reads = []
    follower.settings_changed.connect(reads.append)
    for _ in range(5):  # a burst of changes while the first read is under way
        follower.refresh_later()
    Administration(clock).save_running_text(admin, "Selamat datang")
    follower.refresh_later()
    qtbot.waitUntil(lambda: not follower.busy(), timeout=3000)
    assert follower.revision == 1 and reads == [""]  # SQLite/PG alike: no message heard


def test_a_read_that_finds_no_database_is_quiet(db, office, follower, qtbot, monkeypatch):
    from pst_desktop.admin import settings_revision

    def away(_office_id: int) -> int:
        raise ConnectionLost("server closed the connection unexpectedly")

    monkeypatch.setattr(settings_revision, "current", away)
    with qtbot.assertNotEmitted(follower.settings_changed, wait=100):
        follower.refresh_later()
        follower.wait()
    assert follower.revision == 0 and not follower.busy()

"""The officer window reads what it shows of the queue (the held ticket, the
desk's waiting tickets, the online list) on a worker thread, after every action and every
change from another station; the officer's own moves still act on the ticket they hold at
once. The history's 'to' date follows the office day."""

from __future__ import annotations

import datetime as dt
import threading
import time

from PySide6.QtCore import Qt

from models.entities import Role, Visit, VisitStatus
from pst_desktop.officer import workspace
from pst_desktop.officer.online import OnlineService
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import complete_record, desks, issue, served_record
from tests.ui.officer.keys import key

S = VisitStatus


def codes(window) -> list[str]:
    return [r.code for r in window.serve_tab.queue_model.rows]


def recording(monkeypatch, target, name, delay_s: float = 0.0):
    """Wrap ``target.name``: returns the threads it ran on. ``delay_s``: the answer, read
    first, comes back that much later (a slow network)."""
    real = getattr(target, name)
    threads: list[threading.Thread] = []

    def wrapper(*args, **kwargs):
        threads.append(threading.current_thread())
        value = real(*args, **kwargs)
        time.sleep(delay_s)
        return value

    monkeypatch.setattr(target, name, wrapper)
    return threads


def off_gui_thread(threads: list[threading.Thread]) -> bool:
    return bool(threads) and all(t is not threading.main_thread() for t in threads)


def test_the_refresh_reads_on_a_worker_thread(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    snapshots = recording(monkeypatch, workspace, "desk_snapshot")
    queues = recording(monkeypatch, workspace, "desk_queue")
    held = recording(monkeypatch, workspace, "held")
    online = recording(monkeypatch, OnlineService, "rows")
    issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        window.refresh()
    assert codes(window) == ["K-001", "K-002"]
    key(qtbot, window, Qt.Key.Key_F2)  # an action reads the queue again, off the GUI thread
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: codes(window) == ["K-002"])
    qtbot.waitUntil(lambda: not window.snapshot_reader.busy())
    for threads in (snapshots, queues, held, online):
        assert off_gui_thread(threads), threads
    assert threading.current_thread() is threading.main_thread()


def test_f2_then_f8_at_once_finishes_the_ticket_just_called(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    """The list arrives 300 ms late; the officer does not wait for it."""
    first = issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    window.snapshot_reader.wait()  # the window's first read
    recording(monkeypatch, workspace, "desk_snapshot", delay_s=0.3)
    shown: list[str | None] = []
    window.held_changed.connect(lambda: shown.append(window.held.code if window.held else None))
    window.refresh()  # read before F2, arriving after it: never shown
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.code == "K-001" and window.held_code.text() == "K-001"
    assert window.snapshot_reader.busy()  # the list is still on its way
    complete_record(window)
    with qtbot.waitSignal(window.rating_requested) as requested:
        key(qtbot, window, Qt.Key.Key_F8)
    assert requested.args == [first.visit_id]
    assert Visit.get_by_id(first.visit_id).status == S.AWAITING_RATING
    assert window.held is None and window.call_button.isEnabled()
    qtbot.waitUntil(lambda: not window.snapshot_reader.busy(), timeout=5000)
    assert codes(window) == ["K-002"]
    assert shown == ["K-001", None]  # no stale answer put a ticket back on the card
    assert window.held is None


def test_a_double_f2_calls_one_ticket(qtbot, window, office, clock, make_actor):
    issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F2)  # before any list arrived
    assert window.held.code == "K-001"
    assert Visit.select().where(Visit.status == S.CALLED).count() == 1
    qtbot.waitUntil(lambda: codes(window) == ["K-002"])
    assert window.held.code == "K-001" and not window.call_button.isEnabled()


def test_another_stations_change_shows_once_the_read_arrives(
    qtbot, make_window, office, clock, make_actor, monkeypatch
):
    window = make_window()
    window.snapshot_reader.wait()
    reads = recording(monkeypatch, workspace, "desk_snapshot")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        issue(office, clock, make_actor, "Satu")  # at the front desk: the watcher hears it
    assert codes(window) == ["K-001"]
    colleague = make_actor(Role.OFFICER, "rina")
    with qtbot.waitSignal(window.refreshed, timeout=5000):
        QueueService(clock).call_next(colleague, desks(office)[1].id)  # another desk calls it
    qtbot.waitUntil(lambda: codes(window) == [])
    assert off_gui_thread(reads)


def test_a_supervisor_taking_the_ticket_back_shows_after_the_read(
    qtbot, window, office, clock, make_actor
):
    ticket = issue(office, clock, make_actor, "Satu")
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.visit_id == ticket.visit_id
    supervisor = make_actor(Role.SUPERVISOR)
    QueueService(clock).return_to_queue(supervisor, ticket.visit_id)
    qtbot.waitUntil(lambda: window.held is None, timeout=5000)
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])
    assert window.call_button.isEnabled()


def test_a_read_that_fails_says_the_database_cannot_be_reached(qtbot, window, monkeypatch):
    from pst_desktop.core.errors import ConnectionLost

    def down(*_args, **_kwargs):
        raise ConnectionLost("server closed the connection unexpectedly")

    window.snapshot_reader.wait()
    monkeypatch.setattr(workspace, "desk_snapshot", down)
    window.refresh()
    qtbot.waitUntil(window.notice.isVisible, timeout=5000)
    assert window.notice.property("kind") == "error"
    assert "server closed" in window.notice.toolTip()


def test_the_history_to_date_follows_the_office_day(qtbot, window, office, clock, make_actor):
    """A window left open overnight showed only records up to the day it was opened."""
    today = dt.date(2026, 11, 24)
    assert window.history_tab.date_to.date().toPython() == today
    window.tabs.setCurrentIndex(2)
    clock.advance(days=1)  # Wednesday, same time: the window stayed open
    tomorrow = served_record(
        office,
        clock,
        make_actor(Role.OFFICER),
        make_actor,
        topic="Ekspor",
        question="Ekspor?",
        answer="Karet.",
    )
    with qtbot.waitSignal(window.history_tab.loaded, timeout=5000):
        window.refresh_history()
    window.history_tab.reader.wait()
    assert tomorrow not in {r.visit_id for r in window.history_tab.model.rows}
    # the second's tick notices the new day: the 'to' date moves and the list reads again
    qtbot.waitUntil(lambda: window.history_tab.date_to.date().toPython() == today + dt.timedelta(1))
    qtbot.waitUntil(lambda: tomorrow in {r.visit_id for r in window.history_tab.model.rows})


def test_a_to_date_the_officer_chose_stays(qtbot, window, clock):
    from PySide6.QtCore import QDate

    chosen = dt.date(2026, 11, 20)
    window.history_tab.date_to.setDate(QDate(chosen))
    clock.advance(days=1)
    window._on_tick()  # the second's tick on the new day
    assert window.history_tab.date_to.date().toPython() == chosen


def test_a_burst_of_changes_runs_one_read_after_the_one_under_way(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    window.snapshot_reader.wait()
    reads = recording(monkeypatch, workspace, "desk_snapshot", delay_s=0.2)
    window.refresh()  # under way while the changes come
    for name in ("Satu", "Dua", "Tiga"):
        issue(office, clock, make_actor, name)
        window.refresh()  # what the watcher does on each change
    qtbot.waitUntil(lambda: codes(window) == ["K-001", "K-002", "K-003"], timeout=5000)
    qtbot.waitUntil(lambda: not window.snapshot_reader.busy())
    assert len(reads) <= 3  # not one per change (the watcher may add one of its own)

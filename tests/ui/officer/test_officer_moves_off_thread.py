"""The officer's moves (F2, F8…) run on the window's write thread
(``ui.calls``); the window keeps answering meanwhile, and a key pressed while a move is under way
does nothing."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from models.entities import Role, Visit, VisitStatus
from pst_desktop.core.errors import ConnectionLost
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import complete_record, issue
from tests.ui.officer.keys import answered, key, press
from tests.ui.officer.test_officer_refresh_off_thread import codes, off_gui_thread, recording

S = VisitStatus


def test_a_second_f2_while_the_first_is_under_way_calls_one_ticket(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    qtbot.waitUntil(lambda: codes(window) == ["K-001", "K-002"])
    calls = recording(monkeypatch, QueueService, "call_next", delay_s=0.3)  # a slow network
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.calls.busy and not window.call_button.isEnabled()
    assert not window.finish_button.isEnabled()
    press(qtbot, window, Qt.Key.Key_F2)  # the officer presses again: nothing seems to happen
    window.call_next()  # nor with the button's slot
    qtbot.waitUntil(lambda: window.held_code.text() == "K-001", timeout=5000)
    answered(qtbot, window)
    assert len(calls) == 1 and off_gui_thread(calls)
    assert Visit.select().where(Visit.status == S.CALLED).count() == 1
    assert window.finish_button.isEnabled() and not window.call_button.isEnabled()
    qtbot.waitUntil(lambda: codes(window) == ["K-002"])


def test_f2_and_f8_run_on_the_write_thread_and_f8_keeps_its_answers(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    from pst_desktop.officer import workspace

    ticket = issue(office, clock, make_actor, "Satu")
    calls = recording(monkeypatch, QueueService, "call_next")
    finishes = recording(monkeypatch, workspace, "finish")
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.visit_id == ticket.visit_id
    complete_record(window)
    with qtbot.waitSignal(window.rating_requested) as requested:
        key(qtbot, window, Qt.Key.Key_F8)
    assert requested.args == [ticket.visit_id]
    assert off_gui_thread(calls) and off_gui_thread(finishes)
    assert window.held is None and window.focusWidget() is window.call_button
    assert "K-001" in window.notice.text()


def test_a_refused_move_says_why_in_the_message_line(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    key(qtbot, window, Qt.Key.Key_F2)
    supervisor = make_actor(Role.SUPERVISOR)
    # the supervisor takes the ticket back; the officer recalls it before the list tells
    QueueService(clock).return_to_queue(supervisor, ticket.visit_id)
    window.recall()  # (no event loop in between: the card still shows the ticket)
    answered(qtbot, window)
    assert window.notice.isVisible() and window.notice.property("kind") == "error"
    assert window.notice.text().strip() and "Call one first" not in window.notice.text()
    qtbot.waitUntil(lambda: window.held is None, timeout=5000)  # then what is shows


def test_a_move_that_loses_the_connection_says_the_database_cannot_be_reached(
    qtbot, window, office, clock, make_actor, monkeypatch
):
    issue(office, clock, make_actor, "Satu")

    def down(*_args, **_kwargs):
        raise ConnectionLost("server closed the connection unexpectedly")

    monkeypatch.setattr(QueueService, "call_next", down)
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.notice.isVisible() and window.notice.property("kind") == "error"
    assert "server closed" in window.notice.toolTip()
    assert window.held is None and window.call_button.isEnabled()
    assert threading.current_thread() is threading.main_thread()

"""Ctrl+L ("the visitor left") stays one key; the status line offers Undo (Ctrl+Z) for a few
minutes, and the ticket waits again in its place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit, VisitStatus
from pst_desktop.visits.queue import UNDO_WINDOW
from tests.pst_desktop.officer_support import issue
from tests.ui.reception.conftest import answered


def codes(window) -> list[str]:
    return window.queue_model.codes()


def test_a_visitor_marked_left_by_mistake_waits_again(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])
    window.select_visit(ticket.visit_id)
    said: list[str] = []  # the status line as each answer came (the queue's read follows)
    window.calls.settled.connect(lambda *_: said.append(window.status_line.text()))
    with answered(qtbot, window):  # on the write thread: the answer comes at once
        qtbot.keyClick(window.queue_table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CANCELLED.value
    assert 'href="undo"' in said[-1]
    with answered(qtbot, window):
        qtbot.keyClick(window.queue_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.WAITING.value
    assert "K-001" in said[-1] and window.pending_undo is None
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])


def test_the_undo_of_left_expires(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])
    window.select_visit(ticket.visit_id)
    with answered(qtbot, window):
        window.mark_left()
    undo = window.pending_undo
    clock.advance(seconds=UNDO_WINDOW.total_seconds() + 1)
    said: list[str] = []  # the status line as the answer came (a queue read may follow)
    window.calls.settled.connect(lambda *_: said.append(window.status_line.text()))
    with answered(qtbot, window):  # clicked too late: the service refuses
        window.status_line.linkActivated.emit("undo")
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CANCELLED.value
    assert "too late" in said[-1] and undo is not None

"""Ctrl+L ("the visitor left") stays one key; the status line offers Undo (Ctrl+Z) for a few
minutes, and the ticket waits again in its place (issue 12 item 6)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit, VisitStatus
from pst_desktop.queue import UNDO_WINDOW
from tests.pst_desktop.officer_support import issue


def codes(window) -> list[str]:
    return window.queue_model.codes()


def test_a_visitor_marked_left_by_mistake_waits_again(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])
    window.select_visit(ticket.visit_id)
    qtbot.keyClick(window.queue_table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CANCELLED.value  # at once
    assert 'href="undo"' in window.status_line.text()
    qtbot.keyClick(window.queue_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.WAITING.value
    assert "K-001" in window.status_line.text() and window.pending_undo is None
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])


def test_the_undo_of_left_expires(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    qtbot.waitUntil(lambda: codes(window) == ["K-001"])
    window.select_visit(ticket.visit_id)
    window.mark_left()
    undo = window.pending_undo
    clock.advance(seconds=UNDO_WINDOW.total_seconds() + 1)
    window.status_line.linkActivated.emit("undo")  # clicked too late: the service refuses
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CANCELLED.value
    assert "too late" in window.status_line.text() and undo is not None

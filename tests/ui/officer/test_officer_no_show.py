"""The officer's window puts a no-show back in the queue when the visitor comes after all:
F6 marks the called visitor as a no-show, F7 with no ticket held returns
that no-show to its place."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit, VisitStatus
from tests.pst_desktop.officer_support import issue
from tests.ui.officer.keys import key


def test_a_no_show_goes_back_in_the_queue_with_f7(qtbot, window, office, clock, make_actor):
    first = issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held.visit_id == first.visit_id
    key(qtbot, window, Qt.Key.Key_F6)
    assert window.held is None
    assert Visit.get_by_id(first.visit_id).status == VisitStatus.SKIPPED
    assert window.return_button.isEnabled()
    clock.advance(minutes=2)
    key(qtbot, window, Qt.Key.Key_F7)  # the visitor came after all
    assert Visit.get_by_id(first.visit_id).status == VisitStatus.WAITING
    assert "K-001" in window.notice.text()
    qtbot.waitUntil(
        lambda: [r.code for r in window.serve_tab.queue_model.rows] == ["K-001", "K-002"]
    )
    assert not window.return_button.isEnabled()
    key(qtbot, window, Qt.Key.Key_F2)  # it kept its place: called before K-002
    assert window.held.visit_id == first.visit_id

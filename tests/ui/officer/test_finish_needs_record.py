"""F8 refuses a record with no answer or "need met" unset, and says so."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import Visit, VisitStatus
from tests.pst_desktop.officer_support import complete_record, issue
from tests.ui.officer.keys import key


def test_f8_without_answer_or_need_met_keeps_the_ticket(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    qtbot.keyClicks(window.form.topic, "PDRB")
    key(qtbot, window, Qt.Key.Key_F8)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CALLED
    assert window.held is not None and window.notice.isVisible()
    assert window.form.answer.hasFocus()
    assert window.form.answer.accessibleDescription()  # said to a screen reader too
    window.form.answer.setPlainText("52,3 juta")
    key(qtbot, window, Qt.Key.Key_F8)  # still no "need met"
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.CALLED
    assert window.form.need_met.hasFocus()
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    assert Visit.get_by_id(ticket.visit_id).status == VisitStatus.AWAITING_RATING
    assert window.held is None

"""Transfer asks where to and can be taken back; a no-show stays one key with an Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.entities import ServiceType, Visit, VisitStatus
from tests.pst_desktop.officer_support import desks, issue
from tests.ui.officer.keys import answered, ctrl, key
from ui.accessibility import unnamed_controls
from ui.officer.transfer_dialog import TransferDialog

S = VisitStatus


def test_ctrl_t_asks_where_and_offers_neither_the_current_service_nor_a_guess(
    qtbot, window, office, clock, make_actor
):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    ctrl(qtbot, window, Qt.Key.Key_T)
    dialog = window.transfer_dialog
    assert isinstance(dialog, TransferDialog) and dialog.isVisible()
    assert dialog.target.currentData() is None and not dialog.confirm_button.isEnabled()
    consultation = ServiceType.get(ServiceType.code == "consultation")
    offered = [dialog.target.itemData(i) for i in range(dialog.target.count())]
    assert f"service:{consultation.id}" not in offered
    assert f"desk:{desks(office)[0].id}" not in offered  # this officer's own desk
    assert unnamed_controls(dialog) == []  # a screen reader names every control
    dialog.reject()  # changing one's mind moves nothing
    assert Visit.get_by_id(ticket.visit_id).status == S.CALLED and window.held is not None


def test_a_transfer_says_where_it_went_and_undo_brings_it_back(
    qtbot, window, office, clock, make_actor
):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    ctrl(qtbot, window, Qt.Key.Key_T)
    dialog = window.transfer_dialog
    library = ServiceType.get(ServiceType.code == "library")
    assert dialog.choose("service", library.id) and dialog.confirm_button.isEnabled()
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)  # Enter confirms
    assert not dialog.isVisible()
    answered(qtbot, window)
    assert window.held is None
    assert Visit.get_by_id(ticket.visit_id).service_id == library.id
    assert "K-001" in window.notice.text() and library.name in window.notice.text()
    assert 'href="undo"' in window.notice.text()
    ctrl(qtbot, window, Qt.Key.Key_Z)
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.service_id != library.id and visit.status == S.CALLED
    assert window.held is not None and window.held.visit_id == ticket.visit_id


def test_undo_of_a_transfer_is_refused_once_the_ticket_was_called_again(
    qtbot, make_window, office, clock, make_actor
):
    ani = make_window(desk=0)
    budi = make_window(desk=1)
    ticket = issue(office, clock, make_actor, "Satu")
    ani.refresh()
    key(qtbot, ani, Qt.Key.Key_F2)
    ani.transfer()
    assert ani.transfer_dialog.choose("desk", desks(office)[1].id)
    ani.transfer_dialog.confirm_button.click()
    answered(qtbot, ani)
    budi.refresh()
    key(qtbot, budi, Qt.Key.Key_F2)
    assert budi.held.visit_id == ticket.visit_id
    ani.undo_last()  # the message's Undo link
    answered(qtbot, ani)
    assert budi.held is not None and ani.held is None
    assert "can no longer be taken back" in ani.notice.text()


def test_f6_releases_at_once_and_undo_calls_it_back(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor, "Satu")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F6)  # one key, no confirmation
    assert window.held is None and Visit.get_by_id(ticket.visit_id).status == S.SKIPPED
    assert 'href="undo"' in window.notice.text()
    window.notice.linkActivated.emit("undo")
    answered(qtbot, window)
    assert Visit.get_by_id(ticket.visit_id).status == S.CALLED
    assert window.held.visit_id == ticket.visit_id


def test_the_undo_offer_goes_when_the_officer_moves_on(qtbot, window, office, clock, make_actor):
    first = issue(office, clock, make_actor, "Satu")
    issue(office, clock, make_actor, "Dua")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F6)
    key(qtbot, window, Qt.Key.Key_F2)  # the next visitor
    assert window.pending_undo is None
    ctrl(qtbot, window, Qt.Key.Key_Z)  # nothing to take back: nothing happens
    assert Visit.get_by_id(first.visit_id).status == S.SKIPPED

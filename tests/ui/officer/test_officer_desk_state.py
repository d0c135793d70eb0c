"""The officer's desk state: open, on a break with its reason and return, closed;
call next refused at a desk that is not open, in the service's words; the window's sign of
life at its desk; "fetch the visitor" for an assisted call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTime

from models.entities import DeskState, DeskStateKind, Visit, Visitor
from tests.pst_desktop.officer_support import desks, issue
from tests.ui.officer.keys import answered, key

K = DeskStateKind


def shown_state(qtbot, window, state: K) -> None:
    window.refresh()
    qtbot.waitUntil(
        lambda: (
            window.desk_state_bar.status is not None and window.desk_state_bar.status.state is state
        )
    )


def test_a_desk_never_set_shows_open_and_the_officer_closes_it(qtbot, window, office):
    shown_state(qtbot, window, K.OPEN)
    bar = window.desk_state_bar
    assert not bar.open_button.isEnabled() and bar.close_button.isEnabled()
    assert desks(office)[0].name in bar.state_label.text()
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    answered(qtbot, window)
    desk = desks(office)[0]
    assert DeskState.get(DeskState.desk == desk.id).state == K.CLOSED.value
    qtbot.waitUntil(lambda: bar.status.state is K.CLOSED)
    assert bar.open_button.isEnabled() and not bar.close_button.isEnabled()


def test_call_next_at_a_closed_desk_is_refused_in_the_services_words(
    qtbot, window, office, clock, make_actor
):
    issue(office, clock, make_actor)
    shown_state(qtbot, window, K.OPEN)
    window.set_desk_state(K.CLOSED.value)
    answered(qtbot, window)
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held is None
    assert window.notice.isVisible()
    assert "Open the desk before calling a visitor" in window.notice.text()
    window.set_desk_state(K.OPEN.value)
    answered(qtbot, window)
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held is not None and window.held.code == "K-001"


def test_a_break_takes_its_reason_and_return_and_the_bar_says_them(qtbot, window, clock):
    shown_state(qtbot, window, K.OPEN)
    bar = window.desk_state_bar
    qtbot.mouseClick(bar.break_button, Qt.MouseButton.LeftButton)
    dialog = bar.break_dialog
    dialog.reason.setCurrentText("Sholat")
    back = (clock.now() + dt.timedelta(minutes=20)).astimezone(window.zone)
    dialog.back.setTime(QTime(back.hour, back.minute))
    dialog.accept()
    answered(qtbot, window)
    qtbot.waitUntil(lambda: bar.status is not None and bar.status.state is K.BREAK)
    assert "Sholat" in bar.state_label.text()
    assert back.strftime("%H:%M") in bar.state_label.text()
    assert bar.open_button.isEnabled() and not bar.break_button.isEnabled()


def test_a_break_without_a_reason_is_refused_in_the_message_line(qtbot, window, clock):
    shown_state(qtbot, window, K.OPEN)
    window.set_desk_state(K.BREAK.value, "", clock.now() + dt.timedelta(minutes=15))
    answered(qtbot, window)
    assert "Say why the desk is on a break." in window.notice.text()


def test_housekeeping_is_the_windows_sign_of_life_at_its_desk(qtbot, window, office, make_actor):
    desk = desks(office)[0]
    window.run_housekeeping()
    qtbot.waitUntil(lambda: DeskState.select().where(DeskState.desk == desk.id).exists())
    row = DeskState.get(DeskState.desk == desk.id)
    assert row.seen_by_id == window.actor.user_id and row.state == K.OPEN.value
    qtbot.waitUntil(lambda: not window.housekeeping_runner.busy())


def test_an_assisted_call_says_fetch_the_visitor(qtbot, window, office, clock, make_actor):
    ticket = issue(office, clock, make_actor)
    visitor_id = Visit.get_by_id(ticket.visit_id).visitor_id
    Visitor.update(disability="sensory").where(Visitor.id == visitor_id).execute()
    window.refresh()
    qtbot.waitUntil(lambda: window.serve_tab.queue_model.rows != [])
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.held is not None and window.held.fetch_visitor
    assert window.held_card.fetch_line.isVisible()
    assert "Fetch the visitor" in window.held_card.fetch_line.text()


def test_a_priority_ticket_in_the_desks_queue_carries_a_mark_only(
    qtbot, window, office, clock, make_actor
):
    from models.entities import Role
    from pst_desktop.visits.priority import PriorityMark, PriorityReason, PriorityService

    ticket = issue(office, clock, make_actor)
    PriorityService(clock).set_priority(
        make_actor(Role.RECEPTIONIST), ticket.visit_id, PriorityMark(PriorityReason.PREGNANT)
    )
    window.refresh()
    model = window.serve_tab.queue_model
    qtbot.waitUntil(lambda: model.rows != [])
    shown = model.data(model.index(0, 0))
    assert shown == f"{ticket.code} ★"

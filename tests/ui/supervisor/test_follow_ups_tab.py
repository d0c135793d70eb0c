"""The supervisor's follow-ups, live: what a low rating opens shows with its deadline in
working days, overdue ones highlighted; taken and closed (refused in place without what was
done); a complaint recorded in its dialog; another PC's change shows without a key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid

from models.entities import FollowUp, FollowUpSource
from pst_desktop.officer.follow_ups import ComplaintEntry, FollowUpService, follow_ups
from pst_desktop.visitor.ratings import RatingService
from tests.pst_desktop.visitor.survey_support import Visits
from tests.support import wib
from ui import style
from ui.officer.follow_up_panel import SHOW_CLOSED, SHOW_OVERDUE

#: Tuesday 22 December 2026: three working days later is Tuesday 29 (cuti bersama and
#: Christmas on Thursday and Friday)
TUESDAY = wib(2026, 12, 22, 10, 0)


@pytest.fixture
def visits(office, clock, make_actor):
    clock.set(TUESDAY)
    return Visits(office, clock, make_actor)


def low_rating(visits, clock) -> int:
    visit = visits.finished()
    RatingService(clock).record(visit, 1, "Antrian terlalu lama")
    return visit


def shown(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(panel.model.rows) == count and not panel.reader.busy(), timeout=5000
    )


def written(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.calls.busy, timeout=5000)


def test_the_supervisor_has_a_follow_ups_tab_with_the_paper_entry(make_window):
    window = make_window()
    assert window.tabs.tabText(window.tabs.indexOf(window.follow_ups)) == "Follow-ups"
    window.tabs.setCurrentWidget(window.follow_ups)
    assert window.follow_ups.complaint_button.isVisible()
    assert window.paper_button.isVisible()  # beside it: Ctrl+K from any tab


def test_a_low_rating_opens_a_follow_up_the_list_shows_with_its_deadline(
    qtbot, make_window, visits, clock, office
):
    visit = low_rating(visits, clock)
    window = make_window()
    panel = window.follow_ups
    window.tabs.setCurrentWidget(panel)
    shown(qtbot, panel, 1)  # opened by the panel's first read (the kiosk may not)
    (row,) = panel.model.rows
    assert (row.visit_id, row.source) == (visit, FollowUpSource.LOW_RATING)
    assert panel.left_text(row) == "3 working days left"
    assert panel.due_text(row) == "29/12 10:00"
    assert panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "1 open · 0 overdue" in panel.counts.text()

    # a week later it is overdue: highlighted, counted, on the tab's title
    clock.set(wib(2026, 12, 30, 10, 0))
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rows[0].overdue, timeout=5000)
    row = panel.model.rows[0]
    assert panel.left_text(row) == "1 working day late"
    brush = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == style.ALERT_BACKGROUND
    assert "1 overdue" in panel.counts.text()
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Follow-ups (1!)"
    panel.show_only(SHOW_OVERDUE)
    assert len(panel.model.rows) == 1
    panel.show_only(SHOW_CLOSED)
    assert panel.model.rows == []


def test_taken_and_closed_closing_needs_what_was_done(qtbot, make_window, visits, clock, office):
    low_rating(visits, clock)
    window = make_window()
    panel = window.follow_ups
    window.tabs.setCurrentWidget(panel)
    shown(qtbot, panel, 1)
    panel.table.selectRow(0)
    assert panel.take_button.isEnabled()
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    follow_up = FollowUp.get()
    assert follow_up.taken_by_id == window.actor.user_id
    qtbot.waitUntil(lambda: panel.model.rows[0].taken_by_id is not None, timeout=5000)
    assert panel.taker_text(panel.model.rows[0]) == "you"

    # closing without a word of what was done: refused under the note, nothing closed
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert panel.note_error.text() == "Write what was done before closing the follow-up."
    assert not panel.note_error.isHidden() and panel.note.property("invalid") is True
    assert FollowUp.get_by_id(follow_up.id).closed_at is None

    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Ditelepon, antrian ditambah satu meja pada jam sibuk")
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    closed = FollowUp.get_by_id(follow_up.id)
    assert closed.closed_at is not None
    assert closed.action_note == "Ditelepon, antrian ditambah satu meja pada jam sibuk"
    assert panel.note_error.isHidden()
    shown(qtbot, panel, 0)  # the open list no longer holds it
    panel.show_only(SHOW_CLOSED)
    assert [r.id for r in panel.model.rows] == [follow_up.id]
    assert panel.left_text(panel.model.rows[0]) == "closed in time"


def test_a_complaint_is_recorded_in_its_dialog(qtbot, make_window, visits, clock, office):
    visits.finished()  # K-001 today
    window = make_window()
    panel = window.follow_ups
    window.tabs.setCurrentWidget(panel)
    dialog = panel.record_complaint()
    qtbot.keyClicks(dialog.ticket, "K-001")
    qtbot.keyClicks(dialog.summary, "Petugas kurang ramah saat menjelaskan syarat")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    # no element chosen: refused under the element, the dialog stays with what was typed
    assert dialog.element_error.text() == "Choose the IKM element it is about."
    assert dialog.isVisible() and FollowUp.select().count() == 0
    dialog.element.setCurrentIndex(dialog.element.findData("U7"))
    with qtbot.waitSignal(dialog.recorded, timeout=5000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and let go)
    (row,) = follow_ups(office.id, clock.now())
    assert (row.source, row.element, row.ticket) == (FollowUpSource.COMPLAINT, "U7", "K-001")
    assert row.said == "Petugas kurang ramah saat menjelaskan syarat"
    shown(qtbot, panel, 1)
    assert panel.selected().id == row.id  # shown at once, selected
    assert "complaint is recorded" in panel.message.text()


def test_an_unknown_ticket_is_refused_under_the_ticket(qtbot, make_window, visits):
    window = make_window()
    dialog = window.follow_ups.record_complaint()
    qtbot.keyClicks(dialog.ticket, "K-077")
    dialog.element.setCurrentIndex(dialog.element.findData("U3"))
    qtbot.keyClicks(dialog.summary, "Lama")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert dialog.ticket_error.text().startswith("No ticket K-077 on ")
    assert dialog.ticket.property("invalid") is True
    assert FollowUp.select().count() == 0


def test_another_pcs_change_shows_by_itself(qtbot, make_window, visits, clock, office, make_actor):
    from models.entities import Role

    window = make_window()
    panel = window.follow_ups
    shown(qtbot, panel, 0)
    # the front desk records a complaint on its own PC
    FollowUpService(clock).record_complaint(
        make_actor(Role.RECEPTIONIST), ComplaintEntry("U9", "Toilet rusak")
    )
    shown(qtbot, panel, 1)
    assert panel.model.rows[0].element == "U9"

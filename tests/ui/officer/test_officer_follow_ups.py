"""The officer's Follow-ups tab: the office's follow-ups live, one taken, what was done written,
closed (refused in place without it); one another officer took is refused in clean words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.entities import FollowUp, Role
from pst_desktop.officer.follow_ups import FollowUpService, follow_ups
from pst_desktop.visitor.ratings import RatingService
from tests.pst_desktop.visitor.survey_support import Visits
from tests.support import wib
from ui.officer.window import FOLLOW_UPS_TAB


@pytest.fixture
def visits(office, clock, make_actor):
    clock.set(wib(2026, 12, 22, 10, 0))
    return Visits(office, clock, make_actor)


def low_rating(visits, clock) -> int:
    visit = visits.finished()
    RatingService(clock).record(visit, 1, "")
    return visit


def listed(qtbot, panel, count: int) -> None:
    qtbot.waitUntil(
        lambda: len(panel.model.rows) == count and not panel.reader.busy(), timeout=5000
    )


def written(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.calls.busy, timeout=5000)


def test_an_officer_takes_writes_and_closes_a_follow_up(qtbot, make_window, visits, clock):
    low_rating(visits, clock)
    window = make_window()
    panel = window.follow_up_panel
    window.tabs.setCurrentIndex(FOLLOW_UPS_TAB)
    listed(qtbot, panel, 1)
    assert window.tabs.tabText(FOLLOW_UPS_TAB) == "Follow-ups"
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    qtbot.waitUntil(lambda: panel.model.rows[0].taken_by_id == window.actor.user_id)
    assert not panel.take_button.isEnabled()  # it is the officer's already

    # closing needs what was done: refused in place, still open
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert panel.note_error.text() == "Write what was done before closing the follow-up."
    assert FollowUp.get().closed_at is None
    assert window.notice.isHidden()  # said in place, not in the window's line

    qtbot.keyClicks(panel.note, "Dihubungi lewat WhatsApp; data dikirim")
    qtbot.mouseClick(panel.save_note_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert FollowUp.get().action_note == "Dihubungi lewat WhatsApp; data dikirim"
    assert FollowUp.get().closed_at is None
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)  # the note written before
    written(qtbot, window)
    assert FollowUp.get().closed_at is not None
    assert FollowUp.get().closed_by_id == window.actor.user_id
    listed(qtbot, panel, 0)


def test_the_tab_warns_of_an_overdue_one(qtbot, make_window, visits, clock):
    low_rating(visits, clock)
    clock.set(wib(2026, 12, 29, 11, 0))  # due Tuesday 29 at 10:00
    window = make_window()
    panel = window.follow_up_panel
    listed(qtbot, panel, 1)
    assert panel.model.rows[0].overdue
    assert window.tabs.tabText(FOLLOW_UPS_TAB) == "Follow-ups (1!)"


def test_one_another_officer_took_is_refused_in_clean_words(
    qtbot, make_window, visits, clock, office, make_actor
):
    low_rating(visits, clock)
    service = FollowUpService(clock)
    service.open_due(office.id)
    (row,) = follow_ups(office.id, clock.now())
    service.take(make_actor(Role.OFFICER), row.id)  # at another desk
    window = make_window()
    panel = window.follow_up_panel
    window.tabs.setCurrentIndex(FOLLOW_UPS_TAB)
    listed(qtbot, panel, 1)
    panel.table.selectRow(0)
    qtbot.keyClicks(panel.note, "Sudah saya telepon")
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    written(qtbot, window)
    assert panel.message.text() == "Another officer took this follow-up; ask the supervisor."
    assert panel.message.property("kind") == "error"
    assert FollowUp.get().closed_at is None

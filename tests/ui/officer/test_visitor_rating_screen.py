"""The officer's PC keeps the desk's rating screen: on the visitor-facing monitor when there is
one, else as a prompt over the officer's window after F8."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.entities import Rating, Role, UserAccount, Visit, VisitStatus
from tests.pst_desktop.officer_support import complete_record, desks, issue
from tests.ui.officer import keys
from ui.officer import rating_follower
from ui.officer.rating_follower import open_visitor_rating_screen
from ui.roles import window_for
from ui.session import Session


@pytest.fixture(autouse=True)
def outbox_in_tmp(monkeypatch, tmp_path):
    monkeypatch.setenv("PST_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def two_screens(monkeypatch):
    """This PC has a monitor facing the visitor (the placement itself: tests/ui/visitor)."""
    monkeypatch.setattr(rating_follower, "visitor_screen_available", lambda settings: True)


@pytest.fixture
def follow(window):
    """The rating screen following ``window``'s desk; closed before the database goes."""
    yield lambda: open_visitor_rating_screen(window, window.session)
    follower = getattr(window, "rating_follower", None)
    if follower is not None:
        follower.close()


def key(qtbot, window, k):
    """To the widget with the keyboard (the prompt over the window while it asks)."""
    keys.key(qtbot, window, k, to_focus=True)


def test_rating_screen_opens_for_the_desk_and_closes_on_sign_out(
    qtbot, window, station, two_screens, follow
):
    screen = follow()
    try:
        assert screen is not None and screen.isVisible() and screen.isWindow()
        assert window.rating_screen is screen
        assert screen.kiosk.desk_id == window.desk.desk_id
        with qtbot.waitSignal(screen.closed, timeout=3000):
            # signing out deletes the workspace (the fixture still needs it, so send the signal)
            window.destroyed.emit()
    finally:
        if screen is not None and screen.isVisible():
            screen.release()
    assert not screen.isVisible()


def test_the_rating_screen_follows_the_desk_chosen_after_the_first_sign_in(
    qtbot, office, clock, make_actor, two_screens
):
    """A freshly set-up PC has no desk saved: the officer chooses it after signing in. The
    rating screen opened only when the desk was saved before, so the visitor was never asked."""
    actor = make_actor(Role.OFFICER)
    session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "t", clock)
    window = window_for(session)  # the sign-in path (ui.roles.officer_window)
    qtbot.addWidget(window)
    try:
        assert window.settings.desk_id is None
        assert getattr(window, "rating_screen", None) is None
        first, second = desks(office)[:2]
        window.choose_desk(first.id)
        screen = window.rating_screen
        assert screen is not None and screen.isVisible()
        assert screen.kiosk.desk_id == first.id
        with qtbot.waitSignal(screen.closed, timeout=3000):
            window.choose_desk(second.id)  # the officer moved to another desk
        assert window.rating_screen is not None and window.rating_screen is not screen
        assert window.rating_screen.kiosk.desk_id == second.id
        moved = window.rating_screen
        with qtbot.waitSignal(moved.closed, timeout=3000):
            window.desk_combo.setCurrentIndex(0)  # "Choose your desk…": no desk, no screen
        assert window.rating_screen is None
    finally:
        if getattr(window, "rating_screen", None) is not None:
            window.rating_screen.release()
        window.shutdown()


def test_one_screen_desk_asks_the_visitor_over_the_officer_window_after_f8(
    qtbot, window, office, clock, make_actor, follow
):
    """With no visitor monitor the rating window opened behind the officer's window and was
    never raised. Now F8 lays the prompt over the whole officer window; the visitor taps; the
    officer's keys do nothing under it; then the window is back with the keyboard."""
    screen = follow()
    overlay = window.rating_follower.overlay
    assert screen is not None and overlay is not None
    assert not screen.isWindow() and not screen.isVisible()  # idle: the officer sees the work
    first = issue(office, clock, make_actor, "Siti Aminah")
    issue(office, clock, make_actor, "Budi Santoso")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F4)
    window.form.topic.setFocus()
    qtbot.keyClicks(window.form.topic, "PDRB")
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(screen.isVisible, timeout=3000)
    assert screen.pages.currentWidget() is screen.ask_page
    assert screen.geometry() == window.rect()  # the whole window, banner included
    assert screen.hasFocus()
    assert screen.notice_line.isVisible() and "Esc" in screen.notice_line.text()
    key(qtbot, window, Qt.Key.Key_F2)  # the officer's keys stay off while the visitor rates
    assert window.held is None
    key(qtbot, window, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.ask_page
    qtbot.mouseClick(screen.face_buttons[3], Qt.MouseButton.LeftButton)
    rating = Rating.get(Rating.visit == first.visit_id)
    assert rating.score == 4
    assert screen.isVisible() and screen.pages.currentWidget() is screen.comment_page
    key(qtbot, window, Qt.Key.Key_Escape)  # the officer turns the screen back
    assert not screen.isVisible()
    focus = QApplication.focusWidget()
    assert focus is not None and window.isAncestorOf(focus)
    assert focus is not screen and not screen.isAncestorOf(focus)
    key(qtbot, window, Qt.Key.Key_F2)  # and the keys work again
    assert window.held is not None and window.held.code == "K-002"


def test_esc_dismisses_the_prompt_before_a_tap_and_the_visit_is_not_asked_again(
    qtbot, window, office, clock, make_actor, follow
):
    screen = follow()
    first = issue(office, clock, make_actor, "Siti Aminah")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F4)
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(screen.isVisible, timeout=3000)
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    screen.check()
    assert not screen.isVisible()
    assert Visit.get_by_id(first.visit_id).status == VisitStatus.AWAITING_RATING
    assert not Rating.select().where(Rating.visit == first.visit_id).exists()


def test_thanks_then_idle_gives_the_window_back(qtbot, window, office, clock, make_actor, follow):
    screen = follow()
    issue(office, clock, make_actor, "Siti Aminah")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F4)
    complete_record(window)
    key(qtbot, window, Qt.Key.Key_F8)
    qtbot.waitUntil(screen.isVisible, timeout=3000)
    screen.tap(2)
    screen.skip_comment()
    assert screen.pages.currentWidget() is screen.thanks_page and screen.isVisible()
    screen._stage_timeout()  # the thank-you's few seconds are over
    assert not screen.isVisible()
    assert window.isActiveWindow() and QApplication.focusWidget() is not screen


def test_a_prompt_shown_before_f8s_answer_keeps_the_keyboard_then_leaves_it_on_call_next(
    qtbot, window, office, clock, make_actor, follow, monkeypatch
):
    """F8 runs on the write thread: on PostgreSQL the visitor screen hears of the rating
    request (NOTIFY) before the window has F8's answer. The prompt keeps the keyboard; when it
    goes, the keyboard is on Call next (not on the cleared record, nor on Log out)."""
    from pst_desktop.officer import workspace
    from tests.ui.officer.test_officer_refresh_off_thread import recording

    screen = follow()
    first = issue(office, clock, make_actor, "Siti Aminah")
    window.refresh()
    key(qtbot, window, Qt.Key.Key_F2)
    key(qtbot, window, Qt.Key.Key_F4)
    complete_record(window)
    window.form.answer.setFocus()
    recording(monkeypatch, workspace, "finish", delay_s=0.5)  # the answer comes back late
    keys.press(qtbot, window, Qt.Key.Key_F8, to_focus=True)
    qtbot.waitUntil(
        lambda: Visit.get_by_id(first.visit_id).status == VisitStatus.AWAITING_RATING,
        timeout=5000,
    )
    screen.check()  # what the screen does when the request reaches it
    qtbot.waitUntil(screen.isVisible, timeout=3000)
    assert screen.hasFocus() and window.calls.busy
    keys.answered(qtbot, window)
    assert window.held is None
    assert screen.isVisible() and screen.hasFocus()  # F8's answer took nothing from it
    key(qtbot, window, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.call_button, timeout=2000)

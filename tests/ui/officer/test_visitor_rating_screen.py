"""The officer's PC opens the desk's rating screen on the visitor-facing monitor."""

from __future__ import annotations

from ui.roles import open_visitor_rating_screen


def test_no_second_screen_and_no_setting_opens_nothing(window, station):
    station.visitor_screen = ""
    assert open_visitor_rating_screen(window, window.session) is None


def test_rating_screen_opens_for_the_desk_and_closes_on_sign_out(qtbot, window, station):
    station.visitor_screen = "visitor-monitor"  # named in the settings: this PC has one
    screen = open_visitor_rating_screen(window, window.session)
    try:
        assert screen is not None and screen.isVisible()
        assert window.rating_screen is screen
        with qtbot.waitSignal(screen.closed, timeout=3000):
            # signing out deletes the workspace (the fixture still needs it, so send the signal)
            window.destroyed.emit()
    finally:
        if screen is not None and screen.isVisible():
            screen.release()
    assert not screen.isVisible()

"""The open rating screen follows the admin's new question and scale: an
open question switches to the new faces before the next tap, and the tap is stored with the
scale the visitor saw, on SQLite (the poll) and PostgreSQL (the notification)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.entities import Rating
from pst_desktop.admin.administration import Administration
from ui.visitor.rating_screen import RatingScreen


@pytest.fixture
def make_screen(qtbot, db, office, desk, clock, station, outbox, make_bus):
    def make():
        bus = make_bus()
        screen = RatingScreen(
            db, office, desk.id, clock, station, outbox, bus=bus, desk_name=desk.name
        )
        qtbot.addWidget(screen)
        screen._unlocked = True  # let the test's teardown close it
        screen.resize(1920, 1080)
        screen.show()
        bus.start()
        screen.start()
        return screen

    return make


def test_an_open_question_switches_to_the_new_scale_before_the_tap(
    qtbot, make_screen, issue, queue, officer, desk, admin, clock
):
    screen = make_screen()
    issue()
    visit = queue.call_next(officer, desk.id)
    queue.finish(officer, visit.id)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.ask_page, timeout=5000)
    assert len(screen.face_buttons) == 4

    Administration(clock).save_rating(admin, question="Seberapa puas Anda?", scale=10)
    qtbot.waitUntil(lambda: len(screen.face_buttons) == 10, timeout=5000)
    assert screen.pages.currentWidget() is screen.ask_page  # still asking the same visitor
    assert screen.ask_title.text() == "Seberapa puas Anda?"
    assert screen.kiosk.scale_max == 10
    assert all(button.isEnabled() for button in screen.face_buttons)

    qtbot.mouseClick(screen.face_buttons[4], Qt.MouseButton.LeftButton)
    rating = Rating.get(Rating.visit == visit.id)
    assert (rating.score, rating.scale_max) == (5, 10)  # 5 of the 10 faces shown, not 5/5


def test_an_idle_screen_asks_the_next_visitor_on_the_new_scale(
    qtbot, make_screen, issue, queue, officer, desk, admin, clock
):
    screen = make_screen()
    Administration(clock).save_rating(admin, question="Puas?", scale=5)
    qtbot.waitUntil(lambda: len(screen.face_buttons) == 5, timeout=5000)
    screen.bus.refresh()  # a resync with nothing new changes nothing
    assert len(screen.face_buttons) == 5
    issue()
    visit = queue.call_next(officer, desk.id)
    queue.finish(officer, visit.id)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.ask_page, timeout=5000)
    qtbot.mouseClick(screen.face_buttons[4], Qt.MouseButton.LeftButton)
    rating = Rating.get(Rating.visit == visit.id)
    assert (rating.score, rating.scale_max) == (5, 5)

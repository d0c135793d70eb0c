"""On a stand-alone kiosk the rating faces are reached with the arrow keys and chosen with Enter
or Space; beside an officer's window they still take no focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.entities import Rating
from tests.ui.visitor.test_rating_screen import asking
from ui.visitor.app import open_rating_screen
from ui.visitor.rating_screen import RatingScreen
from ui.visitor.screens import keep_keyboard_off


@pytest.fixture
def kiosk(qtbot, db, office, desk, clock, station, outbox, make_bus):
    bus = make_bus()
    screen = RatingScreen(db, office, desk.id, clock, station, outbox, bus=bus, desk_name=desk.name)
    qtbot.addWidget(screen)
    screen._unlocked = True  # let the teardown close it
    screen.resize(1366, 768)
    screen.use_keyboard()  # as open_rating_screen(standalone=True) does
    screen.show()
    bus.start()
    screen.start()
    return screen


def finished_visit(issue, queue, officer, desk):
    issue()
    visit = queue.call_next(officer, desk.id)
    return queue.finish(officer, visit.id)


def test_the_faces_are_chosen_with_arrows_and_enter(qtbot, kiosk, issue, queue, officer, desk):
    visit = finished_visit(issue, queue, officer, desk)
    qtbot.waitUntil(lambda: asking(kiosk), timeout=5000)
    faces = kiosk.face_buttons
    assert all(f.focusPolicy() == Qt.FocusPolicy.StrongFocus for f in faces)
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: any(f.hasFocus() for f in faces), timeout=3000)
    start = next(i for i, f in enumerate(faces) if f.hasFocus())
    focused = faces[start]
    qtbot.keyClick(focused, Qt.Key.Key_Right)
    assert faces[min(start + 1, len(faces) - 1)].hasFocus()
    for _ in faces:
        qtbot.keyClick(kiosk.focusWidget(), Qt.Key.Key_Right)
    assert faces[-1].hasFocus()  # stops at the end
    qtbot.keyClick(faces[-1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not asking(kiosk), timeout=3000)
    assert kiosk.pages.currentWidget() is kiosk.comment_page
    rating = Rating.get(Rating.visit == visit.id)
    assert rating.score == len(faces)


def test_space_chooses_the_face_with_focus(qtbot, kiosk, issue, queue, officer, desk):
    visit = finished_visit(issue, queue, officer, desk)
    qtbot.waitUntil(lambda: asking(kiosk), timeout=5000)
    faces = kiosk.face_buttons
    faces[1].setFocus()
    qtbot.keyClick(faces[1], Qt.Key.Key_Left)
    assert faces[0].hasFocus()
    qtbot.keyClick(faces[0], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not asking(kiosk), timeout=3000)
    assert Rating.get(Rating.visit == visit.id).score == 1


def test_beside_the_officer_no_face_takes_focus(qtbot, db, office, desk, clock, station, outbox):
    beside = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox)
    qtbot.addWidget(beside)
    try:
        assert beside.face_keys is None
        assert all(f.focusPolicy() == Qt.FocusPolicy.NoFocus for f in beside.face_buttons)
        keep_keyboard_off(beside)
        assert all(f.focusPolicy() == Qt.FocusPolicy.NoFocus for f in beside.face_buttons)
    finally:
        beside.bus.stop()
        beside._unlocked = True
        beside.close()


def test_a_stand_alone_kiosk_uses_the_keyboard(qtbot, db, office, desk, clock, station, outbox):
    kiosk = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox, standalone=True)
    qtbot.addWidget(kiosk)
    try:
        assert kiosk.face_keys is not None
        assert all(f.focusPolicy() == Qt.FocusPolicy.StrongFocus for f in kiosk.face_buttons)
    finally:
        kiosk.bus.stop()
        kiosk._unlocked = True
        kiosk.close()

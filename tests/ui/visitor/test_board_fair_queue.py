"""The board and the fair queue: desks on a break are shown with their return and
never their reason; an assisted call flashes longer and is said twice after one chime."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QLabel

from models.entities import Desk, Role, Visit, Visitor
from pst_desktop.visits.desk_state import DeskStateService
from ui.visitor.announcer import Announcement, Announcer
from ui.visitor.board import ASSISTED_FLASH_TIMES, DisplayBoard

pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load", "Couldn't resolve", "pa_context_connect", "QSoundEffect", "multimedia"
)


@pytest.fixture
def board(qtbot, db, office, clock, station, make_bus):
    bus = make_bus()
    announcer = Announcer(sound=True, speech=False, chime_ms=30, gap_ms=10)
    shown = DisplayBoard(db, office, clock, station, bus=bus, announcer=announcer)
    qtbot.addWidget(shown)
    shown.resize(1920, 1080)
    shown.show()
    bus.start()
    shown.start()
    yield shown
    shown.stop()


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def test_a_desk_on_a_break_shows_its_return_never_its_reason(
    qtbot, board, office, clock, make_actor
):
    desk = Desk.select().where(Desk.office == office.id).order_by(Desk.name).first()
    assert not board.break_line.isVisible()
    back = clock.now() + dt.timedelta(minutes=30)
    DeskStateService(clock).set_state(
        make_actor(Role.OFFICER), desk.id, "break", reason="Sholat dzuhur", expected_back=back
    )
    board.refresh()
    qtbot.waitUntil(board.break_line.isVisible, timeout=5000)
    text = board.break_line.text()
    zone = board._zone
    assert desk.name in text and back.astimezone(zone).strftime("%H:%M") in text
    assert "Sholat" not in visible_text(board)


def test_an_assisted_call_flashes_longer_and_is_said_twice(
    qtbot, board, issue, queue, officer, desk
):
    ticket = issue()
    visitor_id = Visit.get_by_id(ticket.visit_id).visitor_id
    Visitor.update(disability="sensory").where(Visitor.id == visitor_id).execute()
    queue.call_next(officer, desk.id)
    qtbot.waitUntil(lambda: len(board.announcer.played) == 1, timeout=5000)
    (call,) = board.announcer.played
    assert call.said == 2
    assert board._flashes > 6  # 18 half-blinks, a plain call 6


def test_an_announcement_said_twice_repeats_its_parts_after_one_chime(qtbot):
    announcer = Announcer(sound=False, speech=False, chime_ms=5, gap_ms=5)
    announcer.announce(Announcement(1, "K-007", "Meja 2", said=2))
    qtbot.waitUntil(lambda: not announcer.busy, timeout=5000)
    once = announcer.parts(Announcement(1, "K-007", "Meja 2"))
    assert announcer.spoken[0] == once * 2


def test_assisted_flashing_lasts_longer_than_a_plain_call():
    assert ASSISTED_FLASH_TIMES > 6

"""The display board: shows a call made by another process, chimes (or fails to, quietly) and
announces every call and recall in turn, and never shows a visitor's name."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from ui.visitor.announcer import Announcement, Announcer
from ui.visitor.board import DisplayBoard

ROOT = Path(__file__).resolve().parents[3]
#: QtMultimedia on a machine without a sound server (or VA-API) says so, as warnings
pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load", "Couldn't resolve", "pa_context_connect", "QSoundEffect", "multimedia"
)


@pytest.fixture
def make_board(qtbot, db, office, clock, station, make_bus):
    def make(**kwargs):
        bus = make_bus()
        announcer = Announcer(sound=True, speech=False, chime_ms=30, gap_ms=10)
        board = DisplayBoard(db, office, clock, station, bus=bus, announcer=announcer, **kwargs)
        qtbot.addWidget(board)
        board.resize(1920, 1080)
        board.show()
        bus.start()
        board.start()
        return board

    return make


def visible_text(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


OFFICER_PROCESS = textwrap.dedent(
    """
    import sys
    from pst_desktop.db.connection import open_database
    from pst_desktop.core.clock import FixedClock
    from pst_desktop.visits.queue import QueueService
    from models.entities import UserAccount
    from pst_desktop.admin.accounts import actor_for
    import datetime as dt
    db = open_database(sys.argv[1], upgrade=False)
    clock = FixedClock(dt.datetime.fromisoformat(sys.argv[2]))
    officer = actor_for(UserAccount.get(UserAccount.username == sys.argv[3]))
    visit = QueueService(clock).call_next(officer, int(sys.argv[4]))
    print(visit.id)
    db.close()
    """
)


def test_the_board_shows_a_call_made_by_another_process(
    qtbot, make_board, db_url, issue, officer, desk, clock, station
):
    station.board_running_text = "Jam layanan Senin–Kamis 08.00–15.30, Jumat 08.00–16.00"
    issue()
    issue("Andi Wijaya")
    board = make_board()
    assert "Please wait for your number." in visible_text(board)
    assert board.ticker.isVisible() and "Jam layanan" in board.ticker.text()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            OFFICER_PROCESS,
            db_url,
            clock.now().isoformat(),
            "budi",
            str(desk.id),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: board.now_number.text() == "K-001", timeout=5000)
    assert board.now_desk.text() == desk.name
    qtbot.waitUntil(lambda: len(board.announcer.played) == 1, timeout=3000)
    assert board.announcer.played[0].code == "K-001"
    text = visible_text(board)
    assert "K" in text and "1" in text  # one waits for Konsultasi Statistik
    for private in ("Siti", "Andi", "081234567890", "example.com"):
        assert private not in text


def test_calls_and_recalls_are_announced_in_turn(
    qtbot, make_board, issue, queue, make_actor, office
):
    from models.entities import Desk, Role

    board = make_board()
    desks = list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))
    first, second = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    issue()
    issue()
    a = queue.call_next(first, desks[0].id)
    b = queue.call_next(second, desks[1].id)
    qtbot.waitUntil(lambda: len(board.announcer.played) == 2, timeout=5000)
    queue.recall(first, a.id)
    qtbot.waitUntil(lambda: len(board.announcer.played) == 3, timeout=5000)
    played = [(x.code, x.desk_name) for x in board.announcer.played]
    assert played == [("K-001", "Meja 1"), ("K-002", "Meja 2"), ("K-001", "Meja 1")]
    assert board.now_number.text() == "K-002"  # a recall does not change the latest call
    assert [number.text() for number, _ in board.recent_rows if number.text()] == ["K-001"]
    del b


def test_announcements_queue_and_speak_without_blocking(qtbot):
    announcer = Announcer(
        sound=True,
        speech=True,
        speech_engine="mock",
        language=QLocale.Language.English,
        chime_ms=20,
        gap_ms=10,
    )
    assert announcer.speaks
    for i in (1, 2, 3):
        announcer.announce(Announcement(i, f"K-00{i}", "Meja 1"))
    assert announcer.busy  # announce() returned at once
    qtbot.waitUntil(lambda: len(announcer.played) == 3, timeout=8000)
    assert [a.code for a in announcer.played] == ["K-001", "K-002", "K-003"]
    assert not announcer.busy


def test_a_missing_voice_or_sound_device_never_stops_a_call(qtbot):
    announcer = Announcer(
        sound=True,
        speech=True,
        speech_engine="mock",
        language=QLocale.Language.Indonesian,  # the mock engine has no Indonesian voice
        chime_ms=20,
        gap_ms=10,
    )
    assert not announcer.speaks
    announcer.announce(Announcement(1, "K-001", "Meja 1"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=3000)


def test_the_running_text_set_by_the_admin_wins_over_the_station(make_board, station, admin, clock):
    from pst_desktop.admin.administration import Administration

    station.board_running_text = "Teks stasiun"
    Administration(clock).save_running_text(admin, "Selamat datang di PST BPS Provinsi Bengkulu")
    board = make_board()
    assert board.ticker._text == "Selamat datang di PST BPS Provinsi Bengkulu"


def test_an_open_board_follows_the_admins_new_running_text(make_board, station, admin, clock):
    """The board was built with the old text; the admin's change shows at the next refresh
    (which every change seen on the live bus triggers), no restart."""
    from pst_desktop.admin.administration import Administration

    station.board_running_text = "Teks stasiun"
    board = make_board()
    assert board.ticker.text() == "Teks stasiun"
    Administration(clock).save_running_text(admin, "Layanan buka sampai 15.30")
    board.refresh()
    assert board.ticker.text() == "Layanan buka sampai 15.30"

"""Where the rating screen opens: the second monitor when there is one (checked in a child
process, since Qt's screens are fixed when the QApplication starts), else a window that says so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from ui.visitor.app import open_rating_screen

ROOT = Path(__file__).resolve().parents[3]

TWO_SCREENS = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from pst_desktop.db.connection import open_database
    from pst_desktop.core.clock import SystemClock
    from pst_desktop.admin.office_setup import create_office
    from pst_desktop.visitor.rating_screen import RatingOutbox
    from pst_desktop.core.settings import StationSettings
    from ui.visitor.app import open_rating_screen
    from models.entities import Desk
    db = open_database(sys.argv[1])
    office = create_office(SystemClock())
    desk = Desk.select().order_by(Desk.id).first()
    settings = StationSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))
    screen = open_rating_screen(db, office, desk.id, SystemClock(), settings,
                                outbox=RatingOutbox(sys.argv[3], SystemClock()))
    app.processEvents()
    g = screen.geometry()
    print(json.dumps({"x": g.x(), "y": g.y(), "w": g.width(), "h": g.height(),
                      "kiosk": screen.kiosk_mode, "screen": screen.screen().name(),
                      "frameless": bool(screen.windowFlags() & Qt.WindowType.FramelessWindowHint),
                      "fullscreen": screen.isFullScreen()}))
    screen.bus.stop()
    """
)


def test_on_two_screens_the_rating_screen_fills_the_second_one(tmp_path):
    config = tmp_path / "screens.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "desk", "x": 0, "y": 0, "width": 1366, "height": 768},
                    {"name": "visitor", "x": 1366, "y": 0, "width": 1920, "height": 1080},
                ]
            }
        )
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        PYTHONPATH=str(ROOT),
        PST_DATA_DIR=str(tmp_path),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            TWO_SCREENS,
            "sqlite:///" + str(tmp_path / "pst.db"),
            str(tmp_path / "station.ini"),
            str(tmp_path / "outbox.json"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    placed = json.loads(result.stdout.strip().splitlines()[-1])
    assert placed["screen"] == "visitor"
    assert (placed["x"], placed["y"], placed["w"], placed["h"]) == (1366, 0, 1920, 1080)
    assert placed["kiosk"] and placed["frameless"] and placed["fullscreen"]


def test_with_one_screen_it_opens_in_a_window_and_says_so(
    qtbot, db, office, clock, station, outbox
):
    from models.entities import Desk

    desk = Desk.select().order_by(Desk.id).first()
    screen = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox)
    qtbot.addWidget(screen)
    try:
        assert not screen.kiosk_mode and not screen.isFullScreen()
        notices = [label.text() for label in screen.findChildren(QLabel) if label.isVisible()]
        assert any("Only one screen is connected" in text for text in notices)
    finally:
        screen.bus.stop()
        screen.close()


def test_a_standalone_rating_pc_is_fullscreen_on_its_only_screen(
    qtbot, db, office, clock, station, outbox
):
    from models.entities import Desk

    desk = Desk.select().order_by(Desk.id).first()
    screen = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox, standalone=True)
    qtbot.addWidget(screen)
    try:
        # (the test screen, 800x600, is smaller than the layout: only the request is checked)
        assert screen.kiosk_mode
        assert screen.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert screen.screen() is QGuiApplication.primaryScreen()
    finally:
        screen.bus.stop()
        screen._unlocked = True
        screen.close()


def test_the_rating_screen_beside_the_officer_never_takes_the_keyboard(
    qtbot, db, office, clock, station, outbox
):
    """A tap on the visitor's monitor left the rating screen active: the officer's F2/F8 went
    nowhere and Enter sent the visitor's rating (seen in the office-day run). On the officer's
    PC it does not accept focus; a stand-alone kiosk (its own PC) may."""
    from PySide6.QtCore import Qt

    from models.entities import Desk

    desk = Desk.select().order_by(Desk.id).first()
    beside = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox)
    kiosk = open_rating_screen(db, office, desk.id, clock, station, outbox=outbox, standalone=True)
    for screen in (beside, kiosk):
        qtbot.addWidget(screen)
    try:
        assert beside.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
        assert beside.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in beside.face_buttons)
        assert not kiosk.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    finally:
        for screen in (beside, kiosk):
            screen.bus.stop()
            screen.close()

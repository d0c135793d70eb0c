"""Starting the visitor-facing screens: ``pst-desktop rating --desk N`` and ``pst-desktop display``,
and ``open_rating_screen`` for the officer's PC (its second monitor).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import peewee as pw
from PySide6.QtCore import QCoreApplication

from pst_desktop.admin.administration import OfficeProfile, desk_of
from pst_desktop.core.clock import Clock
from pst_desktop.core.settings import StationSettings
from pst_desktop.visitor.rating_screen import RatingOutbox, default_outbox_path
from ui.visitor.board import DisplayBoard
from ui.visitor.rating_screen import RatingScreen
from ui.visitor.screens import choose_screen, keep_keyboard_off, show_fullscreen_on

WINDOW_SIZE = (1280, 800)


def open_rating_screen(
    db: pw.Database,
    office: OfficeProfile,
    desk_id: int,
    clock: Clock,
    settings: StationSettings,
    *,
    standalone: bool = False,
    windowed: bool = False,
    overlay: bool = False,
    outbox: RatingOutbox | None = None,
) -> RatingScreen:
    """Build, place and start the rating screen of ``desk_id``.

    On the officer's PC it takes the screen named in the settings, else the second screen; with
    one screen only it opens as a window and says so.  ``standalone`` (a tablet-like PC bound to
    the desk) takes this PC's screen, fullscreen.  ``overlay``: built and started but not shown,
    for ``ui.visitor.overlay.RatingOverlay`` to lay over the officer's window of a one-screen
    desk.
    """
    desk = desk_of(office.id, desk_id)
    if desk is None:
        raise ValueError(
            QCoreApplication.translate("RatingApp", "Desk {desk} does not exist.").format(
                desk=desk_id
            )
        )
    choice = choose_screen(settings.visitor_screen, second=not standalone)
    kiosk = choice.dedicated and not windowed and not overlay
    notice = ""
    if not choice.dedicated and not overlay:
        notice = QCoreApplication.translate(
            "RatingApp",
            "Only one screen is connected, so the rating screen opens in this window. Connect a "
            "second monitor facing the visitor, or choose its screen in the station settings.",
        )
    screen = RatingScreen(
        db,
        office,
        desk.id,
        clock,
        settings,
        outbox or RatingOutbox(default_outbox_path(), clock),
        desk_name=desk.name,
        kiosk=kiosk,
        notice=notice,
    )
    if overlay:
        screen.start()
        return screen
    if not standalone:
        # beside the officer's window: a tap on the visitor's monitor must never take the
        # keyboard from the officer (F2/F8 and Enter stay with the staff window)
        keep_keyboard_off(screen)
    else:
        screen.use_keyboard()  # its own PC: the faces by arrow keys and Enter/Space too
    if kiosk:
        show_fullscreen_on(screen, choice.screen)
    else:
        screen.resize(*WINDOW_SIZE)
        screen.show()
    screen.start()
    return screen


def open_board(
    db: pw.Database,
    office: OfficeProfile,
    clock: Clock,
    settings: StationSettings,
    *,
    windowed: bool = False,
) -> DisplayBoard:
    board = DisplayBoard(db, office, clock, settings)
    if windowed:
        board.resize(*WINDOW_SIZE)
        board.show()
    else:
        show_fullscreen_on(board, choose_screen(settings.board_screen, second=False).screen)
    board.start()
    return board


def _fail(text: str) -> int:
    print(f"pst-desktop: {text}", file=sys.stderr)
    return 1


def run_rating(
    db_url: str | None = None,
    desk_id: int | None = None,
    windowed: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    """``pst-desktop rating --desk N``: this PC is the rating screen of desk N.  A database
    that does not answer yet shows the waiting screen until it does (``ui.app.Shell``)."""
    from ui.app import run

    if desk_id is None and StationSettings().desk_id is None:
        return _fail("which desk? use 'pst-desktop rating --desk N'")
    return run(db_url, argv, role="rating", desk_id=desk_id, windowed=windowed)


def run_board(
    db_url: str | None = None, windowed: bool = False, argv: Sequence[str] | None = None
) -> int:
    """``pst-desktop display``: this PC drives the waiting-room board, after waiting for the
    database server if it does not answer yet (``ui.app.Shell``)."""
    from ui.app import run

    return run(db_url, argv, role="board", windowed=windowed)

"""Starting the visitor-facing screens: ``pst-desktop rating --desk N`` and ``pst-desktop display``,
and ``open_rating_screen`` for the officer's PC (its second monitor).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import peewee as pw
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from models.entities import Desk, Office
from pst_desktop.clock import Clock, SystemClock
from pst_desktop.connection import DatabaseUnavailable, open_database, resolve_url
from pst_desktop.i18n import install_translator
from pst_desktop.office import first_office
from pst_desktop.rating_desk import RatingOutbox, default_outbox_path
from pst_desktop.settings import APPLICATION, ORGANIZATION, StationSettings
from ui.style import apply_style
from ui.visitor.board import DisplayBoard
from ui.visitor.rating_screen import RatingScreen
from ui.visitor.screens import choose_screen, show_fullscreen_on

WINDOW_SIZE = (1280, 800)


def open_rating_screen(
    db: pw.Database,
    office: Office,
    desk_id: int,
    clock: Clock,
    settings: StationSettings,
    *,
    standalone: bool = False,
    windowed: bool = False,
    outbox: RatingOutbox | None = None,
) -> RatingScreen:
    """Build, place and start the rating screen of ``desk_id``.

    On the officer's PC it takes the screen named in the settings, else the second screen; with
    one screen only it opens as a window and says so.  ``standalone`` (a tablet-like PC bound to
    the desk) takes this PC's screen, fullscreen.
    """
    desk = Desk.get_or_none((Desk.id == desk_id) & (Desk.office == office.id))
    if desk is None:
        raise ValueError(
            QCoreApplication.translate("RatingApp", "Desk {desk} does not exist.").format(
                desk=desk_id
            )
        )
    choice = choose_screen(settings.visitor_screen, second=not standalone)
    kiosk = choice.dedicated and not windowed
    notice = ""
    if not choice.dedicated:
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
    if kiosk:
        show_fullscreen_on(screen, choice.screen)
    else:
        screen.resize(*WINDOW_SIZE)
        screen.show()
    screen.start()
    return screen


def open_board(
    db: pw.Database,
    office: Office,
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


def _prepare(argv: Sequence[str] | None, db_url: str | None):
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    from ui.crash import install_crash_handler

    install_crash_handler()  # an unhandled exception: log file + dialog, never a silent exit
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings = StationSettings()
    install_translator(app, settings.language)
    apply_style(app)
    db = open_database(resolve_url(db_url, settings.database_url))
    office = (
        Office.get_or_none(Office.id == settings.office_id) if settings.office_id else None
    ) or first_office()
    if office is None:
        raise DatabaseUnavailable("no office yet: run 'pst-desktop db init' first")
    return app, settings, db, office


def _fail(text: str) -> int:
    print(f"pst-desktop: {text}", file=sys.stderr)
    return 1


def run_rating(
    db_url: str | None = None,
    desk_id: int | None = None,
    windowed: bool = False,
    argv: Sequence[str] | None = None,
) -> int:
    """``pst-desktop rating --desk N``: this PC is the rating screen of desk N."""
    try:
        app, settings, db, office = _prepare(argv, db_url)
        desk = desk_id or settings.desk_id
        if desk is None:
            return _fail("which desk? use 'pst-desktop rating --desk N'")
        screen = open_rating_screen(
            db, office, desk, SystemClock(), settings, standalone=True, windowed=windowed
        )
    except (DatabaseUnavailable, ValueError) as exc:
        return _fail(str(exc))
    screen.closed.connect(app.quit)
    return app.exec()


def run_board(
    db_url: str | None = None, windowed: bool = False, argv: Sequence[str] | None = None
) -> int:
    """``pst-desktop display``: this PC drives the waiting-room board."""
    try:
        app, settings, db, office = _prepare(argv, db_url)
        board = open_board(db, office, SystemClock(), settings, windowed=windowed)
    except (DatabaseUnavailable, ValueError) as exc:
        return _fail(str(exc))
    try:
        return app.exec()
    finally:
        board.stop()

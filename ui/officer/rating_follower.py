"""The rating screen of the officer's desk follows the desk the officer chooses (at sign-in or
later): on the visitor-facing monitor when this PC has one, else as a prompt over the officer's
window after F8 (``ui.visitor.overlay``).  It closes when the officer signs out.
"""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from models.database import database_proxy
from ui.session import Session

logger = logging.getLogger(__name__)


def visitor_screen_available(settings) -> bool:
    """True when this PC has a monitor of its own for the visitor (named in the settings and
    connected, or any second screen)."""
    from ui.visitor.screens import choose_screen

    return choose_screen(settings.visitor_screen, second=True).dedicated


class RatingScreenFollower(QObject):
    """Keeps the rating screen of the officer's desk open for the desk chosen now.

    Choosing or changing the desk (``desk_changed``) opens the screen of that desk and closes the
    one before; a monitor plugged in or out moves it between the visitor's monitor (fullscreen)
    and the one-screen prompt over the officer's window (``ui.visitor.overlay``).  A finished
    visit (``rating_requested``) makes it look at once instead of at its next poll."""

    def __init__(self, window, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.screen = None
        self.overlay = None
        self.desk_id: int | None = None
        # chosen by the officer, or none left when the admin closed the desk
        window.desk_changed.connect(self.follow)
        window.rating_requested.connect(self._rating_requested)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self.follow()

    def follow(self) -> None:
        desk = self.window.desk
        desk_id = desk.desk_id if desk is not None else None
        if desk_id == self.desk_id and self.screen is not None:
            return
        self.close()
        self.desk_id = desk_id
        if desk_id is not None:
            self._open(desk_id)

    def _open(self, desk_id: int) -> None:
        from ui.visitor.app import open_rating_screen
        from ui.visitor.overlay import RatingOverlay

        settings = self.window.settings
        dedicated = visitor_screen_available(settings)
        self.screen = open_rating_screen(
            database_proxy.obj,
            self.session.office,
            desk_id,
            self.session.clock,
            settings,
            overlay=not dedicated,
        )
        self.overlay = None if dedicated else RatingOverlay(self.screen, self.window)
        self.window.destroyed.connect(self.screen.release)  # signing out closes it
        self.window.rating_screen = self.screen
        logger.info(
            "rating screen of desk %s %s",
            desk_id,
            "on the visitor's monitor" if dedicated else "as a prompt over the officer's window",
        )

    def _rating_requested(self, _visit_id: int) -> None:
        if self.screen is not None:
            self.screen.check()

    def _screens_changed(self, _screen) -> None:
        if self.screen is None or self.desk_id is None:
            return
        if visitor_screen_available(self.window.settings) == (self.overlay is None):
            return  # still where it should be
        desk_id = self.desk_id
        self.close()
        self.desk_id = desk_id
        self._open(desk_id)

    def close(self) -> None:
        screen, self.screen, self.overlay = self.screen, None, None
        self.desk_id = None
        if screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.window.destroyed.disconnect(screen.release)
            screen.release()
            screen.deleteLater()
        self.window.rating_screen = None


def open_visitor_rating_screen(window, session: Session):
    """Make the desk's rating screen follow ``window``'s desk; the screen open now (or None
    while no desk is chosen).  ``window.rating_follower`` keeps following later choices."""
    follower = getattr(window, "rating_follower", None)
    if follower is None:
        follower = RatingScreenFollower(window, session)
        window.rating_follower = follower
    else:
        follower.follow()
    return follower.screen

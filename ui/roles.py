"""The window each staff role opens after sign-in: the one place later issues register theirs.

A role window is a ``RoleWindow`` (or any widget with a ``logout_requested`` signal) built from
a ``Session``. To add the real receptionist window, replace its entry in ``ROLE_WINDOWS``::

    ROLE_WINDOWS[Role.RECEPTIONIST] = ReceptionistWindow

Roles with no window yet get the honest ``PlaceholderWindow``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.database import database_proxy
from models.entities import Role
from pst_desktop.db.reconnect import ConnectionMonitor
from ui.connection_banner import ConnectionBanner
from ui.session import Session
from ui.widgets import Banner

logger = logging.getLogger(__name__)


def role_label(role: Role) -> str:
    """The role as staff call it, translated."""
    labels = {
        Role.ADMIN: QCoreApplication.translate("Roles", "Administrator"),
        Role.SUPERVISOR: QCoreApplication.translate("Roles", "Supervisor"),
        Role.RECEPTIONIST: QCoreApplication.translate("Roles", "Receptionist"),
        Role.OFFICER: QCoreApplication.translate("Roles", "Service officer"),
    }
    return labels.get(Role(role), str(role))


class RoleWindow(QMainWindow):
    """The frame every role window shares: the office banner with the signed-in user and a
    logout button. Subclasses fill ``self.body``; the shell listens to ``logout_requested``.

    Under the office banner sits the calm connection banner: it shows while
    ``connection_monitor`` says the database is lost.  A window feeds the monitor with
    ``watch_connection(watcher)`` (its ``ChangeWatcher``) and ``report_connection_error(exc)``
    (an action that failed); when the database is back the window's ``refresh()`` runs."""

    logout_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(
            QCoreApplication.translate("RoleWindow", "PST Desktop — {role}").format(
                role=role_label(session.role)
            )
        )
        self.setMinimumSize(960, 600)
        self.resize(1366, 768)
        page = QWidget()
        page.setObjectName("page")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.banner = Banner(
            session.office.name,
            QCoreApplication.translate(
                "RoleWindow", "Integrated Statistical Services (PST) · {role}"
            ).format(role=role_label(session.role)),
        )
        self.user_label = QLabel(
            QCoreApplication.translate("RoleWindow", "{name} ({role})").format(
                name=session.name, role=role_label(session.role)
            )
        )
        self.user_label.setObjectName("bannerUser")
        self.logout_button = QPushButton(QCoreApplication.translate("RoleWindow", "Log out"))
        self.logout_button.setObjectName("bannerButton")
        self.logout_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.banner.side.addWidget(self.user_label)
        self.banner.side.addWidget(self.logout_button)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(32, 24, 32, 24)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.connection_monitor = ConnectionMonitor(database_proxy.obj, self)
        self.connection_banner = ConnectionBanner(self.connection_monitor)
        layout.addWidget(self.banner)
        layout.addWidget(self.connection_banner)
        layout.addLayout(self.body, 1)
        self.setCentralWidget(page)
        self._connect_role_signals()

    def _connect_role_signals(self) -> None:
        self.logout_button.clicked.connect(self.logout_requested)
        self.connection_monitor.restored.connect(self._connection_back)

    def watch_connection(self, watcher) -> None:
        """Show the connection banner whenever ``watcher`` (a ``ChangeWatcher``) loses the
        database, hide it when it is back."""
        self.connection_monitor.follow(watcher)

    def report_connection_error(self, exc: BaseException) -> bool:
        """An action failed with ``exc``; True (banner shown, retrying) for a lost connection."""
        return self.connection_monitor.report(exc)

    def _connection_back(self) -> None:
        refresh = getattr(self, "refresh", None)
        if callable(refresh):
            refresh()

    def closeEvent(self, event) -> None:
        self.connection_monitor.stop()
        super().closeEvent(event)


class PlaceholderWindow(RoleWindow):
    """Says plainly that this role's window is not in this version, and who is signed in."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._build()
        self._connect_signals()

    def _not_available(self) -> str:
        texts = {
            Role.ADMIN: self.tr("The administrator window is not available in this version yet."),
            Role.SUPERVISOR: self.tr("The supervisor window is not available in this version yet."),
            Role.RECEPTIONIST: self.tr(
                "The receptionist window is not available in this version yet."
            ),
            Role.OFFICER: self.tr(
                "The service officer window is not available in this version yet."
            ),
        }
        return texts[self.session.role]

    def _build(self) -> None:
        card = QFrame()
        card.setObjectName("card")
        card.setMaximumWidth(860)
        self.title = QLabel(self._not_available())
        self.title.setObjectName("placeholderTitle")
        self.title.setWordWrap(True)
        hint = QLabel(
            self.tr(
                "You are signed in, but this version of PST Desktop has no window for your "
                "role yet. Log out to let a colleague sign in."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        details = QGridLayout()
        details.setHorizontalSpacing(24)
        details.setVerticalSpacing(8)
        rows = [
            (self.tr("Signed in as"), self.session.name),
            (self.tr("Role"), role_label(self.session.role)),
            (self.tr("Office"), self.session.office.name),
            (self.tr("Database"), self.session.database),
        ]
        self.detail_values: list[QLabel] = []
        for row, (key, value) in enumerate(rows):
            key_label = QLabel(key)
            key_label.setObjectName("detailKey")
            value_label = QLabel(value)
            value_label.setObjectName("detailValue")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            details.addWidget(key_label, row, 0)
            details.addWidget(value_label, row, 1)
            self.detail_values.append(value_label)
        details.setColumnStretch(1, 1)
        self.logout_big = QPushButton(self.tr("Log out"))
        self.logout_big.setObjectName("primaryButton")
        self.logout_big.setCursor(Qt.CursorShape.PointingHandCursor)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.logout_big)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(10)
        inner.addWidget(self.title)
        inner.addWidget(hint)
        inner.addSpacing(12)
        inner.addLayout(details)
        inner.addSpacing(16)
        inner.addLayout(buttons)

        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(card, 3)
        centre.addStretch(1)
        self.body.addStretch(1)
        self.body.addLayout(centre)
        self.body.addStretch(2)

    def _connect_signals(self) -> None:
        self.logout_big.clicked.connect(self.logout_requested)


RoleWindowFactory = Callable[[Session], QWidget]


def receptionist_window(session: Session) -> QWidget:
    """The front desk (``ui.reception``); imported here lazily, it builds on ``RoleWindow``."""
    from ui.reception.window import ReceptionWindow

    return ReceptionWindow(session)


def officer_window(session: Session) -> QWidget:
    """The officer workspace (``ui.officer``); imported lazily like the front desk.

    The desk's rating screen follows the desk the officer chooses (at sign-in or later): on the
    visitor-facing monitor when there is one, else as a prompt over the officer's window after
    F8.  It closes when the officer signs out.
    """
    from ui.officer.window import OfficerWindow

    window = OfficerWindow(session)
    open_visitor_rating_screen(window, session)
    return window


def visitor_screen_available(settings) -> bool:
    """True when this PC has a monitor of its own for the visitor (named in the settings and
    connected, or any second screen)."""
    from ui.visitor.screens import choose_screen

    return choose_screen(settings.visitor_screen, second=True).dedicated


class RatingScreenFollower(QObject):
    """Keeps the rating screen of the officer's desk open for the desk chosen now.

    Choosing or changing the desk (``desk_combo``) opens the screen of that desk and closes the
    one before; a monitor plugged in or out moves it between the visitor's monitor (fullscreen)
    and the one-screen prompt over the officer's window (``ui.visitor.overlay``).  A finished
    visit (``rating_requested``) makes it look at once instead of at its next poll."""

    def __init__(self, window, session: Session) -> None:
        super().__init__(window)
        from PySide6.QtGui import QGuiApplication

        self.window = window
        self.session = session
        self.screen = None
        self.overlay = None
        self.desk_id: int | None = None
        window.desk_combo.currentIndexChanged.connect(lambda _index: self.follow())
        window.rating_requested.connect(self._rating_requested)
        settings_follower = getattr(window, "settings_follower", None)
        if settings_follower is not None:  # the admin closed this desk: no screen for it
            settings_follower.settings_changed.connect(lambda *_args: self.follow())
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


def supervisor_window(session: Session) -> QWidget:
    """The live day and the reports (``ui.supervisor``)."""
    from ui.supervisor.window import SupervisorWindow

    return SupervisorWindow(session)


def admin_window(session: Session) -> QWidget:
    """Accounts and office set-up, plus the supervisor's tabs (``ui.admin``)."""
    from ui.admin.window import AdminWindow

    return AdminWindow(session)


# role -> the window it opens; later issues replace the placeholders with real windows here.
ROLE_WINDOWS: dict[Role, RoleWindowFactory] = {
    Role.RECEPTIONIST: receptionist_window,
    Role.OFFICER: officer_window,
    Role.SUPERVISOR: supervisor_window,
    Role.ADMIN: admin_window,
}


def window_for(session: Session) -> QWidget:
    """Build the window of the session's role (the placeholder when none is registered)."""
    factory = ROLE_WINDOWS.get(session.role, PlaceholderWindow)
    return factory(session)

"""Starting the app: the database, the office, the first administrator, sign-in, role window.

``run`` makes the QApplication and hands over to a ``Shell``; the shell holds the whole start-up
logic and only shows windows (never a blocking ``exec``), so tests drive it step by step.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable, Sequence

import peewee as pw
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.administration import OfficeProfile, office_profile
from pst_desktop.core import heap, logs
from pst_desktop.core.clock import Clock, SystemClock
from pst_desktop.core.errors import DatabaseTrouble
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import APPLICATION, ORGANIZATION, StationSettings
from pst_desktop.db.connection import describe, open_database, resolve_url
from pst_desktop.db.server import StationFound, bind_station, open_station_here
from pst_desktop.db.startup import (
    RETRY_S,
    StationStarter,
    authorize_connection_change,
    server_name,
)
from pst_desktop.sop.permissions import session_ended_message, session_is_current
from ui.connection_settings import AdminCheckDialog, ConnectionSettingsWizard
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.roles import window_for
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.style import apply_style
from ui.waiting_screen import WaitingScreen

logger = logging.getLogger(__name__)

#: an attempt that takes longer than this shows the waiting screen (a quick one shows nothing)
SHOW_WAITING_AFTER_MS = 800

#: how often a signed-in window asks whether an admin changed its account
SESSION_CHECK_MS = 3000

ShowError = Callable[[str, str], None]
OpenDatabase = Callable[[str], pw.Database]

#: how a station opens its database on the starter's pool thread: the app's models are bound
#: on the GUI thread once it answered (``pst_desktop.db.server.bind_station``)
open_unbound: OpenDatabase = functools.partial(open_database, bind_models=False)


def message_box_error(title: str, text: str) -> None:
    """The real app's error display: a modal message box (only ``run`` uses it)."""
    QMessageBox.critical(None, title, text)


class Shell(QObject):
    """The app's course from start to sign-out.

    ``start()`` shows the first-run setup wizard on a PC with no settings yet (no ``--db``, no
    ``PST_DATABASE_URL``, no database chosen), else opens the database on a pool thread
    (``pst_desktop.db.startup.StationStarter``): while the server does not answer, a full-window
    waiting screen says so and the shell tries again with back-off; once it answers, the shell
    shows the first-administrator dialog or the login window (or, on a PC set up as the display
    board or a rating kiosk, that screen).  A successful sign-in replaces the login window by the
    role window (``ui.roles``), and its logout brings a fresh login window back.  "Connection
    settings…" on the waiting screen (anyone) or the login window (an administrator) changes the
    server and reconnects.  ``finished(code)`` asks the caller to quit.

    ``role`` ("board"/"rating") makes this PC that visitor screen whatever its settings say
    (``pst-desktop display`` / ``rating``), with ``desk_id`` for the rating kiosk.
    """

    finished = Signal(int)
    #: the database answered and the first window is shown (tests and the log wait for it)
    opened = Signal()

    def __init__(
        self,
        db_url: str | None = None,
        settings: StationSettings | None = None,
        clock: Clock | None = None,
        show_error: ShowError | None = None,
        open_db: OpenDatabase = open_unbound,
        maximized: bool = False,
        parent: QObject | None = None,
        setup_schema: str = "",
        role: str | None = None,
        desk_id: int | None = None,
        retry_ms: Sequence[int] = tuple(s * 1000 for s in RETRY_S),
    ) -> None:
        super().__init__(parent)
        self.settings = settings or StationSettings()
        self._url_given = bool(db_url or os.environ.get("PST_DATABASE_URL"))
        self._setup_schema = setup_schema
        self._role = role
        self._desk_id = desk_id
        self._retry_ms = tuple(retry_ms)
        self.setup_wizard: SetupWizard | None = None
        self.visitor_window: QWidget | None = None
        self.clock = clock or SystemClock()
        self.url = resolve_url(db_url, self.settings.database_url)
        self.database_text = describe(self.url)
        self._show_error = show_error or message_box_error
        self._open_db = open_db
        self._maximized = maximized
        self.database: pw.Database | None = None
        self.accounts = AccountService(self.clock)
        self.office: OfficeProfile | None = None
        self.session: Session | None = None
        self.first_admin_dialog: FirstAdminDialog | None = None
        self.login_window: LoginWindow | None = None
        self.role_window: QWidget | None = None
        self.starter: StationStarter | None = None
        self.waiting_screen: WaitingScreen | None = None
        self.admin_check: AdminCheckDialog | None = None
        self.connection_settings: ConnectionSettingsWizard | None = None
        self._show_waiting_timer = QTimer(self)
        self._show_waiting_timer.setSingleShot(True)
        self._show_waiting_timer.timeout.connect(self.show_waiting)
        self.session_timer = QTimer(self)
        self.session_timer.setInterval(SESSION_CHECK_MS)
        self.session_timer.timeout.connect(self.check_session)

    @property
    def station_role(self) -> str:
        return self._role or self.settings.station_role

    @property
    def is_opening(self) -> bool:
        """True while the shell waits for the database (no first window yet)."""
        return self.starter is not None

    def needs_setup(self) -> bool:
        """True on a PC nobody set up: no URL given and none in the settings, not configured."""
        if self._role:  # ``pst-desktop display`` / ``rating``: the embedded default is fine
            return False
        return not (self._url_given or self.settings.configured or self.settings.database_url)

    def start(self) -> bool:
        """Show the setup wizard (a new PC) or start opening the database (the first window
        follows by itself once it answers).  Always True: an unreachable or misconfigured
        database makes the station wait and say why, it never ends it."""
        if self.needs_setup():
            self.show_setup()
            return True
        self._begin_opening()
        return True

    def show_setup(self) -> None:
        self.setup_wizard = SetupWizard(self.settings, schema=self._setup_schema)
        self.setup_wizard.accepted.connect(self._setup_done)
        self.setup_wizard.rejected.connect(self._setup_cancelled)
        self._present_dialog(self.setup_wizard)

    def _present_dialog(self, dialog: QWidget) -> None:
        dialog.open()
        if QGuiApplication.platformName() != "offscreen":
            dialog.raise_()
            dialog.activateWindow()

    def _setup_done(self) -> None:
        wizard, self.setup_wizard = self.setup_wizard, None
        self.url = resolve_url(None, self.settings.database_url)
        self.database_text = describe(self.url)
        if wizard is not None:
            wizard.shutdown()
            wizard.deleteLater()
        self._begin_opening()
        # at once: Qt posts a quit when the wizard (the last window) closed, and only a window
        # shown before that event is handled cancels it
        self.show_waiting()

    def _setup_cancelled(self) -> None:
        wizard, self.setup_wizard = self.setup_wizard, None
        if wizard is not None:
            wizard.shutdown()
            wizard.deleteLater()
        self.finished.emit(0)

    # --- opening the database (on a pool thread, with back-off) ----------------------------------

    def _begin_opening(self) -> None:
        """Open ``self.url`` off the GUI thread; the waiting screen shows if it takes a while."""
        self._stop_starter()
        work = functools.partial(
            open_station_here, self.url, self._open_db, self.settings.office_id, self.clock
        )
        self.starter = StationStarter(work, self._retry_ms, parent=self, server=self.database_text)
        self.starter.opened.connect(self._opened)
        self.starter.waiting.connect(self._attempt_failed)
        if self.waiting_screen is not None:
            self.waiting_screen.set_server(server_name(self.url))
            self.waiting_screen.follow(self.starter)
        else:
            self._show_waiting_timer.start(SHOW_WAITING_AFTER_MS)
        logger.info("opening database %s (station %s)", self.database_text, self.station_role)
        self.starter.start()

    def _stop_starter(self) -> None:
        starter, self.starter = self.starter, None
        if starter is not None:
            starter.stop()
            starter.deleteLater()

    def _attempt_failed(self, _problem) -> None:
        self.show_waiting()

    def show_waiting(self) -> None:
        """The full-window "waiting for the database server" line (once per opening)."""
        self._show_waiting_timer.stop()
        if self.waiting_screen is not None or self.starter is None:
            return
        screen = WaitingScreen(server_name(self.url))
        screen.follow(self.starter)
        if self.starter.problem is not None:
            screen.show_problem(self.starter.problem)
            screen.show_countdown(self.starter.seconds_left())
        screen.settings_requested.connect(self._connection_settings_from_waiting)
        screen.retry_requested.connect(self._retry_now)
        self.waiting_screen = screen
        self._present(screen)

    def _retry_now(self) -> None:
        if self.starter is not None:
            self.starter.retry_now()

    def _opened(self, opening: StationFound) -> None:
        """The database answered (on the starter's pool thread): the app's models use it from
        now on (bound here, on the GUI thread), and the first window shows."""
        self._show_waiting_timer.stop()
        self._stop_starter()
        self.database = bind_station(opening)
        self.office = opening.office
        logger.info("database %s open, station %s", self.database_text, self.station_role)
        if self.station_role != "staff" and (self._role or not opening.needs_admin):
            shown = self.show_visitor_screen(self.station_role)
        elif opening.needs_admin:
            self.show_first_admin()
            shown = True
        else:
            self.show_login()
            shown = True
        self._close_window("waiting_screen")
        if shown:
            self.opened.emit()
        else:
            self.finished.emit(1)

    def _fail(self, reason: str) -> None:
        self._show_error(
            self.tr("PST Desktop — Database"),
            self.tr(
                "The database cannot be opened:\n{reason}\n\n"
                "Check the database address in this PC's settings, or ask the office IT "
                "administrator whether the database server is running."
            ).format(reason=reason),
        )

    # --- connection settings ---------------------------------------------------------------------

    def _connection_settings_from_waiting(self) -> None:
        """Anyone may: there is no database to check an account against."""
        self.show_connection_settings()

    def _connection_settings_from_login(self) -> None:
        """An administrator (username and password checked), or anyone before one exists."""
        try:
            free = not self.accounts.any_admin()
        except DatabaseTrouble:
            free = False
        if free:
            self.show_connection_settings()
            return
        dialog = AdminCheckDialog(
            functools.partial(authorize_connection_change, self.accounts),
            parent=self.login_window,
        )
        dialog.accepted.connect(self._admin_checked)
        dialog.rejected.connect(self._admin_check_closed)
        self.admin_check = dialog
        self._present_dialog(dialog)

    def _admin_checked(self) -> None:
        self._admin_check_closed()
        self.show_connection_settings()

    def _admin_check_closed(self) -> None:
        dialog, self.admin_check = self.admin_check, None
        if dialog is not None:
            dialog.deleteLater()

    def show_connection_settings(self) -> None:
        if self.connection_settings is not None:
            return
        wizard = ConnectionSettingsWizard(
            self.settings, current_url=self.url, schema=self._setup_schema
        )
        wizard.accepted.connect(self._connection_changed)
        wizard.rejected.connect(self._connection_settings_closed)
        self.connection_settings = wizard
        self._present_dialog(wizard)

    def _connection_settings_closed(self) -> None:
        wizard, self.connection_settings = self.connection_settings, None
        if wizard is not None:
            wizard.shutdown()
            wizard.deleteLater()

    def _connection_changed(self) -> None:
        """A new server was saved: drop the old database and open the new one."""
        wizard = self.connection_settings
        url = wizard.url if wizard is not None else ""
        self._connection_settings_closed()
        if not url:
            return
        logger.info("connection settings changed: %s -> %s", self.database_text, describe(url))
        self.url = url
        self.database_text = describe(url)
        if self.database is not None and not self.database.is_closed():
            self.database.close()
        self.database = None
        self.office = None
        self._begin_opening()
        self.show_waiting()  # at once: the sign-in window goes, and a window must stay
        self._close_window("login_window")
        if self.first_admin_dialog is not None:
            dialog, self.first_admin_dialog = self.first_admin_dialog, None
            dialog.rejected.disconnect(self._first_admin_cancelled)
            dialog.close()
            dialog.deleteLater()

    # --- windows -------------------------------------------------------------------------------

    def show_visitor_screen(self, role: str) -> bool:
        """This PC is the display board or a rating kiosk (its settings or command say so)."""
        from ui.visitor.app import open_board, open_rating_screen

        assert self.database is not None and self.office is not None
        windowed = not self._maximized
        try:
            if role == "board":
                self.visitor_window = open_board(
                    self.database, self.office, self.clock, self.settings, windowed=windowed
                )
            else:
                self.visitor_window = open_rating_screen(
                    self.database,
                    self.office,
                    self._desk_id or self.settings.desk_id or 1,
                    self.clock,
                    self.settings,
                    standalone=True,
                    windowed=windowed,
                )
        except ValueError as exc:
            self._fail(str(exc))
            return False
        closed = getattr(self.visitor_window, "closed", None)
        if closed is not None:  # the kiosk's hidden exit (rating screen)
            closed.connect(self._visitor_screen_closed)
        return True

    def _visitor_screen_closed(self) -> None:
        self.finished.emit(0)

    def _present(self, window: QWidget) -> None:
        heap.settle()  # start-up's objects out of later full collections (pst_desktop.core.heap)
        if self._maximized:
            window.showMaximized()
        else:
            window.show()
        if QGuiApplication.platformName() != "offscreen":  # headless Qt only warns about these
            window.raise_()
            window.activateWindow()

    def show_first_admin(self) -> None:
        assert self.office is not None
        self.first_admin_dialog = FirstAdminDialog(self.accounts, self.office)
        self.first_admin_dialog.created.connect(self._first_admin_created)
        self.first_admin_dialog.rejected.connect(self._first_admin_cancelled)
        self.first_admin_dialog.connection_settings_requested.connect(
            self.show_connection_settings  # anyone: there is no administrator yet
        )
        self.first_admin_dialog.open()

    def _first_admin_created(self, account) -> None:
        dialog, self.first_admin_dialog = self.first_admin_dialog, None
        self.show_login(username=account.username)
        if dialog is not None:
            dialog.deleteLater()

    def _first_admin_cancelled(self) -> None:
        dialog, self.first_admin_dialog = self.first_admin_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.finished.emit(0)

    def show_login(self, username: str = "") -> None:
        assert self.office is not None
        self.login_window = LoginWindow(
            self.accounts, self.office.name, self.database_text, language=self.settings.language
        )
        self.login_window.signed_in.connect(self._signed_in)
        self.login_window.language_chosen.connect(self.switch_language)
        self.login_window.connection_settings_requested.connect(
            self._connection_settings_from_login
        )
        if username:
            self.login_window.username.setText(username)
            self.login_window.password.setFocus()
        self._present(self.login_window)

    def switch_language(self, language: str) -> None:
        """Remember this PC's language and show the sign-in window again in it."""
        app = QCoreApplication.instance()
        self.settings.language = language
        if app is not None:
            install_translator(app, language)
        username = self.login_window.username.text() if self.login_window else ""
        old, self.login_window = self.login_window, None
        self.show_login(username)
        if old is not None:
            old.close()
            old.deleteLater()

    def _signed_in(self, account) -> None:
        """Signed in (``account``: the staff account): the window of its role opens."""
        self.session = Session(
            account=account,
            actor=actor_for(account),
            office=office_profile(account.office_id),  # as it is now (an admin may rename it)
            database=self.database_text,
            clock=self.clock,
        )
        self.role_window = window_for(self.session)
        self.role_window.logout_requested.connect(self.logout)
        self._present(self.role_window)
        self._close_window("login_window")
        self.session_timer.start()

    def check_session(self) -> None:
        """Sign out at once when an admin deactivated this account, changed its role or reset
        its password; a database hiccup is the connection banner's business."""
        if self.session is None:
            self.session_timer.stop()
            return
        try:
            current = session_is_current(self.session.actor)
        except (pw.DatabaseError, DatabaseTrouble):
            return
        if not current:
            username = self.session.account.username
            self.logout()
            if self.login_window is not None:
                self.login_window.username.setText(username)
                self.login_window.show_message(session_ended_message())

    def logout(self) -> None:
        self.session_timer.stop()
        self.session = None
        logs.set_user(None)  # the log's lines no longer name the user
        self.show_login()
        self._close_window("role_window")

    def _close_window(self, attribute: str) -> None:
        window = getattr(self, attribute)
        setattr(self, attribute, None)
        if window is not None:
            window.close()
            window.deleteLater()

    def close(self) -> None:
        """Close every window and the database this shell opened."""
        self._show_waiting_timer.stop()
        self._stop_starter()
        if self.admin_check is not None:
            dialog, self.admin_check = self.admin_check, None
            dialog.rejected.disconnect(self._admin_check_closed)
            dialog.close()
            dialog.deleteLater()
        if self.connection_settings is not None:
            wizard, self.connection_settings = self.connection_settings, None
            wizard.rejected.disconnect(self._connection_settings_closed)
            wizard.shutdown()
            wizard.close()
            wizard.deleteLater()
        self.session_timer.stop()
        if self.setup_wizard is not None:
            wizard, self.setup_wizard = self.setup_wizard, None
            wizard.rejected.disconnect(self._setup_cancelled)
            wizard.shutdown()
            wizard.close()
            wizard.deleteLater()
        stop = getattr(self.visitor_window, "stop", None)
        if callable(stop):
            stop()
        for attribute in ("visitor_window", "role_window", "login_window", "waiting_screen"):
            self._close_window(attribute)
        if self.first_admin_dialog is not None:
            dialog, self.first_admin_dialog = self.first_admin_dialog, None
            dialog.rejected.disconnect(self._first_admin_cancelled)
            dialog.close()
            dialog.deleteLater()
        if self.database is not None and not self.database.is_closed():
            self.database.close()
        self.database = None


def _exec(app: QApplication) -> int:
    return app.exec()


def run(
    db_url: str | None = None,
    argv: Sequence[str] | None = None,
    role: str | None = None,
    desk_id: int | None = None,
    windowed: bool = False,
) -> int:
    """Start PST Desktop (or, with ``role``, the display board or a rating kiosk); returns the
    exit code.  A database that does not answer makes the station wait, never quit."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    from ui.crash import install_crash_handler

    install_crash_handler(station_role=role)  # the log; unhandled exceptions: log + dialog
    from ui.automation import install_automation_hook

    install_automation_hook(app)  # only when PST_AUTOMATION is set (the office-day run)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings = StationSettings()
    install_translator(app, settings.language)
    apply_style(app)
    shell = Shell(
        db_url=db_url, settings=settings, maximized=not windowed, role=role, desk_id=desk_id
    )
    shell.finished.connect(app.exit)
    if not shell.start():
        return 1
    try:
        return _exec(app)
    finally:
        shell.close()

"""Starting the app: the database, the office, the first administrator, sign-in, role window.

``run`` makes the QApplication and hands over to a ``Shell``; the shell holds the whole start-up
logic and only shows windows (never a blocking ``exec``), so tests drive it step by step.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

import peewee as pw
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.entities import Office, UserAccount
from pst_desktop.accounts import AccountService, actor_for
from pst_desktop.clock import Clock, SystemClock
from pst_desktop.connection import DatabaseUnavailable, describe, open_database, resolve_url
from pst_desktop.i18n import install_translator
from pst_desktop.office import create_office, first_office
from pst_desktop.settings import APPLICATION, ORGANIZATION, StationSettings
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.roles import window_for
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.style import apply_style

ShowError = Callable[[str, str], None]
OpenDatabase = Callable[[str], pw.Database]


def message_box_error(title: str, text: str) -> None:
    """The real app's error display: a modal message box (only ``run`` uses it)."""
    QMessageBox.critical(None, title, text)


class Shell(QObject):
    """The app's course from start to sign-out.

    ``start()`` shows the first-run setup wizard on a PC with no settings yet (no ``--db``, no
    ``PST_DATABASE_URL``, no database chosen), then opens the database and shows the
    first-administrator dialog or the login window (or, on a PC set up as the display board or
    a rating kiosk, that screen);
    a successful sign-in replaces the login window by the role window (``ui.roles``), and its
    logout brings a fresh login window back. ``finished(code)`` asks the caller to quit.
    """

    finished = Signal(int)

    def __init__(
        self,
        db_url: str | None = None,
        settings: StationSettings | None = None,
        clock: Clock | None = None,
        show_error: ShowError | None = None,
        open_db: OpenDatabase = open_database,
        maximized: bool = False,
        parent: QObject | None = None,
        setup_schema: str = "",
    ) -> None:
        super().__init__(parent)
        self.settings = settings or StationSettings()
        self._url_given = bool(db_url or os.environ.get("PST_DATABASE_URL"))
        self._setup_schema = setup_schema
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
        self.office: Office | None = None
        self.session: Session | None = None
        self.first_admin_dialog: FirstAdminDialog | None = None
        self.login_window: LoginWindow | None = None
        self.role_window: QWidget | None = None

    def needs_setup(self) -> bool:
        """True on a PC nobody set up: no URL given and none in the settings, not configured."""
        return not (self._url_given or self.settings.configured or self.settings.database_url)

    def start(self) -> bool:
        """Show the setup wizard (a new PC) or open the database and show the first window;
        False (after an error message) when the database cannot be used."""
        if self.needs_setup():
            self.show_setup()
            return True
        return self._open_and_show()

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
        if not self._open_and_show():
            self.finished.emit(1)

    def _setup_cancelled(self) -> None:
        wizard, self.setup_wizard = self.setup_wizard, None
        if wizard is not None:
            wizard.shutdown()
            wizard.deleteLater()
        self.finished.emit(0)

    def _open_and_show(self) -> bool:
        try:
            self.database = self._open_db(self.url)
            self.office = self._station_office()
            needs_admin = not self.accounts.any_admin()
        except DatabaseUnavailable as exc:
            self._fail(str(exc))
            return False
        except (pw.DatabaseError, pw.InterfaceError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            self._fail(f"{self.database_text}: {reason}")
            return False
        if self.settings.station_role != "staff" and not needs_admin:
            return self.show_visitor_screen(self.settings.station_role)
        if needs_admin:
            self.show_first_admin()
        else:
            self.show_login()
        return True

    def _fail(self, reason: str) -> None:
        self._show_error(
            self.tr("PST Desktop — Database"),
            self.tr(
                "The database cannot be opened:\n{reason}\n\n"
                "Check the database address in this PC's settings, or ask the office IT "
                "administrator whether the database server is running."
            ).format(reason=reason),
        )

    def _station_office(self) -> Office:
        """This PC's office (from the settings), else the first one, else a new default one."""
        office_id = self.settings.office_id
        office = Office.get_or_none(Office.id == office_id) if office_id else None
        return office or first_office() or create_office(self.clock)

    # --- windows -------------------------------------------------------------------------------

    def show_visitor_screen(self, role: str) -> bool:
        """This PC is the display board or a rating kiosk (its settings say so)."""
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
                    self.settings.desk_id or 1,
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
        self.first_admin_dialog.open()

    def _first_admin_created(self, account: UserAccount) -> None:
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

    def _signed_in(self, account: UserAccount) -> None:
        self.session = Session(
            account=account,
            actor=actor_for(account),
            office=Office.get_by_id(account.office_id),
            database=self.database_text,
            clock=self.clock,
        )
        self.role_window = window_for(self.session)
        self.role_window.logout_requested.connect(self.logout)
        self._present(self.role_window)
        self._close_window("login_window")

    def logout(self) -> None:
        self.session = None
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
        if self.setup_wizard is not None:
            wizard, self.setup_wizard = self.setup_wizard, None
            wizard.rejected.disconnect(self._setup_cancelled)
            wizard.shutdown()
            wizard.close()
            wizard.deleteLater()
        stop = getattr(self.visitor_window, "stop", None)
        if callable(stop):
            stop()
        for attribute in ("visitor_window", "role_window", "login_window"):
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


def run(db_url: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Start PST Desktop; returns the exit code (1 when the database cannot be opened)."""
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    from ui.crash import install_crash_handler

    install_crash_handler()  # an unhandled exception: log file + dialog, never a silent exit
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    settings = StationSettings()
    install_translator(app, settings.language)
    apply_style(app)
    shell = Shell(db_url=db_url, settings=settings, maximized=True)
    if not shell.start():
        return 1
    shell.finished.connect(app.exit)
    try:
        return _exec(app)
    finally:
        shell.close()

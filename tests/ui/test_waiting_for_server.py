"""A station that starts before its database server: it waits, says so calmly, never blocks, and
goes on by itself when the server answers."""

from __future__ import annotations

import threading
import uuid

import peewee as pw
import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from models.database import database_proxy
from models.entities import Role
from pst_desktop.db import credentials
from pst_desktop.db.connection import open_database
from tests.support import PG_URL, create_pg_schema, drop_pg_schema
from ui import app as app_module
from ui.app import Shell
from ui.connection_settings import ConnectionSettingsWizard
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.visitor import app as visitor_app
from ui.visitor.board import DisplayBoard
from ui.waiting_screen import WaitingScreen

CLOSED = "postgresql://postgres@127.0.0.1:1/x"  # nothing listens on port 1
WAIT_MS = 15_000

#: QtMultimedia on a machine without a sound server says so, as warnings (the board's chime)
pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load",
    "Couldn't resolve",
    "pa_context_connect",
    "QSoundEffect",
    "multimedia",
    "text-to-speech",
)


@pytest.fixture(autouse=True)
def private_password_file(monkeypatch, tmp_path):
    monkeypatch.delenv("PST_DATABASE_URL", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


class Server:
    """The test's database server: refuses (a real connection to a closed port) until ``up()``."""

    def __init__(self, db: pw.Database) -> None:
        self._db = db
        self.answering = threading.Event()
        self.attempts = 0

    def up(self) -> None:
        self.answering.set()

    def open_db(self, url: str) -> pw.Database:  # runs on the shell's pool thread
        self.attempts += 1
        if not self.answering.is_set():
            return open_database(CLOSED)  # raises: connection refused
        return self._db


@pytest.fixture
def shells():
    made: list[Shell] = []
    yield made
    for shell in made:
        shell.close()


def no_message_box() -> bool:
    return QApplication.activeModalWidget() is None and not any(
        isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def waiting_line(shell: Shell) -> str:
    return shell.waiting_screen.line.text() if shell.waiting_screen is not None else ""


def test_the_staff_app_waits_for_the_server_then_shows_the_sign_in_by_itself(
    qtbot, station, errors, db, clock, admin, shells
):
    server = Server(db)
    shell = Shell(
        db_url=CLOSED,
        settings=station,
        clock=clock,
        show_error=errors,
        open_db=server.open_db,
        retry_ms=(100,),
    )
    shells.append(shell)
    assert shell.start()
    qtbot.waitUntil(lambda: "retrying in 1 s" in waiting_line(shell), timeout=WAIT_MS)
    screen = shell.waiting_screen
    assert screen.isVisible()
    assert screen.line.text() == "Waiting for the database server… retrying in 1 s"
    assert "127.0.0.1:1/x" in screen.server.text()
    assert "refused" not in screen.line.text() + screen.hint.text() + screen.detail.text()
    assert screen.settings_button.isVisible()
    assert errors.shown == [] and no_message_box()
    assert shell.login_window is None
    qtbot.waitUntil(lambda: server.attempts >= 3, timeout=WAIT_MS)  # it keeps trying

    server.up()
    qtbot.waitUntil(lambda: shell.login_window is not None, timeout=WAIT_MS)
    assert isinstance(shell.login_window, LoginWindow) and shell.login_window.isVisible()
    assert shell.waiting_screen is None
    assert not screen.isVisible() if shiboken6.isValid(screen) else True
    assert not shell.is_opening and errors.shown == []


def test_a_connection_attempt_never_blocks_the_event_loop(
    qtbot, station, errors, db, clock, admin, shells
):
    """The first attempt hangs (like a connect to a host that does not answer) until the GUI
    thread's timer has fired five times: only a GUI thread that keeps running can release it."""
    ticks = []
    gui_ran = threading.Event()
    released = []

    def tick():
        ticks.append(1)
        if len(ticks) >= 5:
            gui_ran.set()

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()

    def open_db(url: str) -> pw.Database:
        if not released:
            released.append(gui_ran.wait(10))
            raise pw.OperationalError("connection timeout expired")
        return db

    shell = Shell(
        db_url=CLOSED,
        settings=station,
        clock=clock,
        show_error=errors,
        open_db=open_db,
        retry_ms=(100,),
    )
    shells.append(shell)
    try:
        assert shell.start()  # returns at once, while the attempt hangs
        assert shell.is_opening and shell.login_window is None
        qtbot.waitUntil(lambda: shell.login_window is not None, timeout=WAIT_MS)
    finally:
        probe.stop()
    assert released == [True]
    assert errors.shown == []


def test_the_display_board_waits_then_opens_by_itself(qtbot, station, errors, db, clock, shells):
    station.board_speech = False
    server = Server(db)
    shell = Shell(
        db_url=CLOSED,
        settings=station,
        clock=clock,
        show_error=errors,
        open_db=server.open_db,
        role="board",
        retry_ms=(100,),
    )
    shells.append(shell)
    assert shell.start()
    qtbot.waitUntil(lambda: "retrying in" in waiting_line(shell), timeout=WAIT_MS)
    assert shell.waiting_screen.isVisible() and shell.visitor_window is None
    assert errors.shown == [] and no_message_box()

    server.up()
    qtbot.waitUntil(lambda: shell.visitor_window is not None, timeout=WAIT_MS)
    assert isinstance(shell.visitor_window, DisplayBoard) and shell.visitor_window.isVisible()
    assert shell.waiting_screen is None and shell.login_window is None


def test_try_now_tries_at_once(qtbot, station, errors, db, clock, admin, shells):
    server = Server(db)
    shell = Shell(
        db_url=CLOSED,
        settings=station,
        clock=clock,
        show_error=errors,
        open_db=server.open_db,
        retry_ms=(600_000,),  # the next automatic try is far away
    )
    shells.append(shell)
    shell.start()
    qtbot.waitUntil(lambda: "retrying in 600 s" in waiting_line(shell), timeout=WAIT_MS)
    server.up()
    qtbot.mouseClick(shell.waiting_screen.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.login_window is not None, timeout=WAIT_MS)


def test_a_refused_password_says_so_and_offers_the_settings(qtbot, station, errors, clock, shells):
    def open_db(url: str) -> pw.Database:
        raise pw.OperationalError(
            'connection failed: FATAL:  password authentication failed for user "pst"'
        )

    shell = Shell(
        db_url="postgresql://pst@server:5432/pst",
        settings=station,
        clock=clock,
        show_error=errors,
        open_db=open_db,
        retry_ms=(60_000,),
    )
    shells.append(shell)
    shell.start()
    qtbot.waitUntil(lambda: "refused" in waiting_line(shell), timeout=WAIT_MS)
    screen = shell.waiting_screen
    assert screen.line.text() == ("The database server refused this PC's user name or password.")
    assert "Change the connection settings" in screen.hint.text()
    assert "Trying again in 60 s" in screen.hint.text()  # it says why it keeps going
    assert screen.settings_button.isVisible() and errors.shown == []

    qtbot.mouseClick(screen.settings_button, Qt.MouseButton.LeftButton)  # anyone may, here
    wizard = shell.connection_settings
    assert isinstance(wizard, ConnectionSettingsWizard) and wizard.isVisible()
    page = wizard.server
    assert (page.host.text(), page.port.value(), page.database.text(), page.user.text()) == (
        "server",
        5432,
        "pst",
        "pst",
    )
    wizard.reject()
    assert shell.connection_settings is None and shell.waiting_screen.isVisible()


def test_connection_settings_from_the_sign_in_window_are_for_an_admin_only(
    qtbot, make_shell, admin, make_actor
):
    make_actor(Role.OFFICER, username="rina")
    shell = make_shell()
    assert shell.start()
    login = shell.login_window
    qtbot.mouseClick(login.connection_button, Qt.MouseButton.LeftButton)
    check = shell.admin_check
    assert check is not None and check.isVisible()
    ok = check.buttons.button(QDialogButtonBox.StandardButton.Ok)

    qtbot.keyClicks(check.username, "rina")
    qtbot.keyClicks(check.password, "rahasia-123")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert check.isVisible() and shell.connection_settings is None
    assert check.message.text() == "Only an administrator may change the connection settings."

    check.username.clear()
    qtbot.keyClicks(check.username, "admin")
    qtbot.keyClicks(check.password, "rahasia-admin")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert shell.admin_check is None
    assert isinstance(shell.connection_settings, ConnectionSettingsWizard)
    assert shell.connection_settings.isVisible()
    shell.connection_settings.reject()
    assert shell.login_window is login and login.isVisible()


@pytest.mark.postgres
def test_the_waiting_screen_changes_the_server_and_goes_on(
    qtbot, station, errors, clock, tmp_path, shells
):
    """A PC set up with a wrong address: anyone opens the settings on the waiting screen,
    tests the right server and saves it; the station connects to it by itself."""
    if not PG_URL:
        pytest.skip("PST_TEST_DATABASE_URL is not set")
    schema = "t_" + uuid.uuid4().hex[:12]
    create_pg_schema(schema)
    try:
        station.database_url = CLOSED
        station.configured = True
        shell = Shell(
            settings=station,
            clock=clock,
            show_error=errors,
            retry_ms=(60_000,),
            setup_schema=schema,
        )
        shells.append(shell)
        shell.start()
        qtbot.waitUntil(lambda: "retrying in" in waiting_line(shell), timeout=WAIT_MS)
        qtbot.mouseClick(shell.waiting_screen.settings_button, Qt.MouseButton.LeftButton)
        wizard = shell.connection_settings
        page = wizard.server
        assert page.port.value() == 1  # it starts from the address this PC has
        server = PG_URL.split("@", 1)[1].split("/", 1)[0]
        host, _, port = server.partition(":")
        page.host.setText(host)
        page.port.setValue(int(port or 5432))
        database = PG_URL.rsplit("/", 1)[1].split("?")[0]
        page.database.setText(database)
        page.password.setText("sandi-baru")  # trust auth ignores it; it goes to the file
        page.test_connection()
        qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
        wizard.accept()
        qtbot.waitUntil(lambda: shell.first_admin_dialog is not None, timeout=WAIT_MS)
        assert isinstance(shell.first_admin_dialog, FirstAdminDialog)
        assert shell.waiting_screen is None
        assert station.database_url == credentials.server_url(
            host, int(port or 5432), database, "postgres", "", schema
        )
        assert "sandi-baru" in (tmp_path / "pgpass").read_text()
        assert shell.database_text == station.database_url
    finally:
        for shell in shells:
            shell.close()
        shells.clear()
        database_proxy.initialize(None)
        drop_pg_schema(schema)


def test_pst_desktop_display_waits_instead_of_quitting(qtbot, qapp, monkeypatch):
    """``pst-desktop display`` with the server down: the waiting screen, the event loop, no
    exit code 1 after a second."""
    seen = []

    def fake_exec(app):
        qtbot.waitUntil(
            lambda: any(
                isinstance(w, WaitingScreen) and w.isVisible() for w in app.topLevelWidgets()
            ),
            timeout=WAIT_MS,
        )
        seen.extend(w for w in app.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(app_module, "_exec", fake_exec)
    monkeypatch.setattr(app_module, "message_box_error", lambda *args: pytest.fail("a box"))
    locale_sheet = qapp.styleSheet()
    try:
        assert visitor_app.run_board(db_url=CLOSED, windowed=True, argv=[]) == 0
    finally:
        qapp.setStyleSheet(locale_sheet)
    assert [type(w) for w in seen] == [WaitingScreen]


def test_before_any_admin_exists_anyone_opens_the_connection_settings(qtbot, make_shell):
    shell = make_shell()
    assert shell.start()
    dialog = shell.first_admin_dialog
    assert isinstance(dialog, FirstAdminDialog)
    qtbot.mouseClick(dialog.connection_button, Qt.MouseButton.LeftButton)
    assert shell.admin_check is None
    assert isinstance(shell.connection_settings, ConnectionSettingsWizard)
    assert shell.connection_settings.isVisible()

"""The first-run setup wizard, driven with qtbot (never a modal exec)."""

from __future__ import annotations

import os
import stat
import threading
import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from models.database import database_proxy, default_sqlite_url
from pst_desktop.db import credentials
from pst_desktop.db.connection import open_database
from tests.support import PG_URL, drop_pg_schema
from tests.ui.conftest import start_shell
from ui import setup_wizard
from ui.app import Shell
from ui.first_admin import FirstAdminDialog
from ui.login import LoginWindow
from ui.setup_wizard import (
    PAGE_DATABASE,
    PAGE_SERVER,
    PAGE_STATION,
    ServerFound,
    SetupWizard,
    prepare_database,
)

WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def no_url_in_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("PST_DATABASE_URL", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


@pytest.fixture
def wizard(qtbot, station):
    made = []

    def make(**kwargs):
        w = SetupWizard(station, **kwargs)
        qtbot.addWidget(w)
        w.open()
        made.append(w)
        return w

    yield make
    for w in made:
        w.shutdown()


def test_this_pc_only_is_the_default_and_one_enter_away(qtbot, wizard, station):
    w = wizard()
    assert w.where.local.isChecked()
    assert w.button(QWizard.WizardButton.FinishButton).isDefault()
    with qtbot.waitSignal(w.accepted, timeout=1000):
        qtbot.keyClick(w.where.local, Qt.Key.Key_Return)
    assert station.configured
    assert station.database_url == ""  # the embedded SQLite default
    assert station.station_role == "staff"


def test_choosing_the_server_leads_to_its_page(qtbot, wizard):
    w = wizard()
    w.where.server.setChecked(True)
    assert not w.button(QWizard.WizardButton.FinishButton).isEnabled()
    w.next()
    assert w.currentId() == PAGE_SERVER
    assert not w.server.isComplete()  # the connection must be tested first


def test_a_bad_host_fails_with_one_clear_line(qtbot, wizard):
    w = wizard()
    w.where.server.setChecked(True)
    w.next()
    page = w.server
    qtbot.keyClicks(page.host, "127.0.0.1")
    page.port.setValue(1)
    qtbot.keyClicks(page.password, "rahasia")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.property("state") == "error", timeout=WAIT_MS)
    text = page.result.text()
    assert text.startswith("Cannot connect to 127.0.0.1:1/pst: ")
    # in words, the driver's line only as the grey detail after them
    sentence, detail = text.split("<br>", 1)
    assert "the server refused the connection" in sentence
    assert "Connection refused" not in sentence and "Connection refused" in detail
    assert "\n" not in text and "rahasia" not in text
    assert not page.isComplete()


def test_missing_fields_are_named(qtbot, wizard):
    w = wizard()
    w.where.server.setChecked(True)
    w.next()
    w.server.database.clear()
    qtbot.mouseClick(w.server.test_button, Qt.MouseButton.LeftButton)
    assert w.server.result.text() == "Fill in the server, the database."


def test_station_page_defaults_and_choices(qtbot, wizard, station):
    w = wizard()
    w.next()
    assert w.currentId() == PAGE_STATION
    page = w.station
    assert page.role.currentData() == "staff"
    assert not page.desk.isEnabled()
    page.role.setCurrentIndex(page.role.findData("rating"))
    assert page.desk.isEnabled()
    page.desk.setValue(3)
    assert page.printer.currentData() == ""  # the system default printer
    with qtbot.waitSignal(w.accepted, timeout=1000):
        w.accept()
    assert station.station_role == "rating"
    assert station.desk_id == 3
    assert station.configured


def test_pgpass_entry_is_private_and_replaced(tmp_path):
    path = tmp_path / "pgpass"
    credentials.save_password("server", 5432, "pst", "pst", "lama:sandi", path)
    credentials.save_password("other", 5432, "pst", "pst", "x", path)
    credentials.save_password("server", 5432, "pst", "pst", "baru\\sandi", path)
    assert credentials.stored_password("server", 5432, "pst", "pst", path) == "baru\\sandi"
    assert credentials.stored_password("other", 5432, "pst", "pst", path) == "x"
    assert len(path.read_text().splitlines()) == 2
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_server_url_quotes_its_parts():
    url = credentials.server_url("db.kantor", 5433, "pst", "pst@bps", "a:b/c", "s1")
    assert url == "postgresql://pst%40bps:a%3Ab%2Fc@db.kantor:5433/pst?schema=s1"
    assert credentials.server_url("h", 5432, "pst", "u") == "postgresql://u@h:5432/pst"


@pytest.mark.postgres
def test_real_server_connection_schema_and_station(qtbot, wizard, station, tmp_path):
    if not PG_URL:
        pytest.skip("PST_TEST_DATABASE_URL is not set")
    from urllib.parse import urlparse

    target = urlparse(PG_URL)
    schema = "w_" + uuid.uuid4().hex[:12]
    with __import__("psycopg").connect(PG_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    bound = database_proxy.obj  # the app's binding (none here), which the wizard must keep
    try:
        w = wizard(schema=schema)
        w.where.server.setChecked(True)
        w.next()
        page = w.server
        page.host.setText(target.hostname or "127.0.0.1")
        page.port.setValue(target.port or 5432)
        page.database.setText(target.path.strip("/"))
        page.user.setText(target.username or "postgres")
        page.password.setText("sandi-server")
        page._edited()
        qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
        assert page.result.text().startswith("Connected to PostgreSQL ")
        assert "the database is empty" in page.result.text()
        w.next()
        assert w.currentId() == PAGE_DATABASE
        qtbot.waitUntil(w.database.isComplete, timeout=60_000)
        assert "no administrator yet" in w.database.result.text()
        assert database_proxy.obj is bound  # upgraded on a database of the worker's own
        w.next()
        assert w.currentId() == PAGE_STATION
        w.station.role.setCurrentIndex(w.station.role.findData("board"))
        with qtbot.waitSignal(w.accepted, timeout=1000):
            w.accept()
        # the settings hold the URL without the password; the password file has it, 0600
        assert station.database_url == credentials.server_url(
            page.host.text(), page.port.value(), page.database.text(), page.user.text(), "", schema
        )
        assert "sandi-server" not in station.database_url
        pgpass = tmp_path / "pgpass"
        assert "sandi-server" in pgpass.read_text()
        if os.name == "posix":
            assert stat.S_IMODE(pgpass.stat().st_mode) == 0o600
        assert station.station_role == "board"
        db = open_database(station.database_url, upgrade=False)
        try:
            from models import migrations

            assert migrations.current_version(db) == migrations.LATEST
        finally:
            db.close()
            database_proxy.initialize(None)
    finally:
        drop_pg_schema(schema)


# -- the shell -------------------------------------------------------------------------------
def test_shell_on_a_new_pc_shows_the_wizard_then_the_first_admin(qtbot, station, errors, db, clock):
    opened = []

    def open_db(url):
        opened.append(url)
        return db

    shell = Shell(settings=station, clock=clock, show_error=errors, open_db=open_db)
    try:
        assert shell.needs_setup()
        assert shell.start()
        assert isinstance(shell.setup_wizard, SetupWizard)
        assert shell.setup_wizard.isVisible()
        assert opened == [] and shell.first_admin_dialog is None
        qtbot.keyClick(shell.setup_wizard.where.local, Qt.Key.Key_Return)
        # a window at once: Qt quits when the wizard was the last window and none shows before
        # its posted quit event is handled
        assert shell.waiting_screen is not None and shell.waiting_screen.isVisible()
        qtbot.waitUntil(lambda: not shell.is_opening, timeout=15_000)  # opened off the GUI thread
        assert opened == [default_sqlite_url()]
        assert shell.setup_wizard is None
        assert isinstance(shell.first_admin_dialog, FirstAdminDialog)
        assert station.configured and not shell.needs_setup()
    finally:
        shell.close()


def test_shell_with_a_url_skips_the_wizard(qtbot, station, errors, db, db_url, clock, admin):
    shell = Shell(db_url=db_url, settings=station, clock=clock, show_error=errors)
    shell._open_db = lambda url: db
    try:
        assert not shell.needs_setup()
        assert start_shell(qtbot, shell)
        assert shell.setup_wizard is None
        assert isinstance(shell.login_window, LoginWindow)
    finally:
        shell.close()


def test_environment_url_skips_the_wizard(monkeypatch, station):
    monkeypatch.setenv("PST_DATABASE_URL", "sqlite:///somewhere.db")
    assert not Shell(settings=station).needs_setup()


def test_cancelling_the_wizard_quits(qtbot, station, errors):
    shell = Shell(settings=station, show_error=errors)
    shell.start()
    with qtbot.waitSignal(shell.finished) as signal:
        shell.setup_wizard.reject()
    assert signal.args == [0]
    assert not station.configured
    shell.close()


@pytest.mark.qt_log_ignore(
    "Couldn't load",
    "Couldn't resolve",
    "pa_context_connect",
    "QSoundEffect",
    "multimedia",
    "text-to-speech",
)
def test_a_display_board_pc_opens_the_board(qtbot, station, errors, db, db_url, clock, admin):
    station.board_speech = False
    station.station_role = "board"
    station.configured = True
    shell = Shell(db_url=db_url, settings=station, clock=clock, show_error=errors)
    shell._open_db = lambda url: db
    try:
        assert start_shell(qtbot, shell)
        assert shell.login_window is None
        assert shell.visitor_window is not None and shell.visitor_window.isVisible()
    finally:
        shell.close()


def test_the_station_page_offers_the_systems_printers(qtbot, wizard, monkeypatch):
    """The printer list comes from the print path (``ui.printing``); a wrong import there was
    swallowed and the list offered no printer at all."""
    from ui import printing

    monkeypatch.setattr(printing, "available_printers", lambda: ["PST_Tickets", "Kantor"])
    w = wizard()
    w.next()
    page = w.station
    offered = [page.printer.itemData(i) for i in range(page.printer.count())]
    assert offered == ["", "PST_Tickets", "Kantor"]


def _server_page(w):
    w.where.server.setChecked(True)
    w.next()
    return w.server


def test_a_second_test_drops_the_answer_of_the_first(qtbot, wizard, monkeypatch):
    """Testing a corrected server while the first test still waits (a wrong host takes up to the
    5 s connect timeout): only the answer about the fields on the page is shown."""
    first_may_answer = threading.Event()
    asked = []

    def check_server(url):
        asked.append(url)
        if len(asked) == 1:
            first_may_answer.wait(10)
            return ServerFound("1.0", 0)
        return ServerFound("2.0", 0)

    monkeypatch.setattr(setup_wizard, "check_server", check_server)
    w = wizard()
    page = _server_page(w)
    qtbot.keyClicks(page.host, "salah")
    delivered = []
    page._reader.finished.connect(delivered.append)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    assert page.result.property("state") == "busy" and not page.test_button.isEnabled()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    page.host.clear()
    qtbot.keyClicks(page.host, "benar")  # an edit drops the test under way: press again at once
    assert page.test_button.isEnabled() and not page.result.isVisible()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    first_may_answer.set()
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    assert [url.split("@")[1].split(":")[0] for url in asked] == ["salah", "benar"]
    assert delivered == [ServerFound("2.0", 0)]  # the first answer was dropped
    assert page.result.text().startswith("Connected to PostgreSQL 2.0 on benar:5432/pst")
    assert page.tested == page.choice()
    page._reader.wait()
    assert delivered == [ServerFound("2.0", 0)]


def test_a_second_press_on_the_same_fields_answers_once(qtbot, wizard, monkeypatch):
    """Pressing "Test connection" again (Enter on the button) while a test runs asks again; only
    the newest answer is shown."""
    answers = iter([ServerFound("1.0", 0), ServerFound("2.0", 0)])
    gate = threading.Event()

    def check_server(url):
        gate.wait(10)
        return next(answers)

    monkeypatch.setattr(setup_wizard, "check_server", check_server)
    w = wizard()
    page = _server_page(w)
    qtbot.keyClicks(page.host, "server")
    delivered = []
    page._reader.finished.connect(delivered.append)
    page.test_connection()
    page.test_connection()
    gate.set()
    qtbot.waitUntil(page.isComplete, timeout=WAIT_MS)
    page._reader.wait()
    assert len(delivered) == 1
    assert page.result.text().startswith(f"Connected to PostgreSQL {delivered[0].version} ")


def test_preparing_a_database_leaves_the_apps_binding_alone(db, tmp_path):
    """The schema upgrade of another database (the wizard's database page) never rebinds the
    models: ``database_proxy.obj`` stays the app's database, before and after."""
    from models import migrations
    from models.entities import Office

    offices = Office.select().count()
    before = database_proxy.obj
    other = tmp_path / "other.db"
    prepared = prepare_database(f"sqlite:///{other}")
    assert database_proxy.obj is before
    assert prepared.applied == migrations.LATEST and prepared.version == migrations.LATEST
    assert not prepared.has_admin
    assert Office._meta.database is database_proxy  # the stand-ins are gone
    assert Office.select().count() == offices  # the app's database, untouched
    again = prepare_database(f"sqlite:///{other}")
    assert (again.applied, again.version) == (0, migrations.LATEST)
    assert database_proxy.obj is before


def test_the_server_is_upgraded_on_its_own_connection_while_the_app_keeps_its_own(
    db, office, tmp_path
):
    """Every schema step runs on the database it is given: upgrading another database while the
    app's own (already at the latest version) is bound creates the tables there, not here (a
    step that used the bound database would fail on tables that exist, or change the app's)."""
    from models import migrations
    from models.database import make_database

    tables_here = set(db.get_tables())
    other_path = tmp_path / "other.db"
    prepare_database(f"sqlite:///{other_path}")
    other = make_database(f"sqlite:///{other_path}")
    try:
        assert set(other.get_tables()) >= tables_here - {"sqlite_sequence"}
        assert migrations.current_version(other) == migrations.LATEST
    finally:
        other.close()
    assert set(db.get_tables()) == tables_here

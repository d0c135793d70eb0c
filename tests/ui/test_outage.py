"""The database server restarts mid-session: a front desk carries on by itself.

The test starts its own PostgreSQL (initdb into a temp folder, a free port), opens a receptionist
window, issues a ticket, types the next visitor, stops the server, tries to issue, starts the
server again, and checks: the calm banner came and went, the typing survived, nothing issued was
lost, the next number follows without a gap or a duplicate, and the queue table matches the
database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.database import database_proxy
from models.entities import Role, UserAccount, Visit, Visitor
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.db.connection import open_database
from tests.ui.reception.conftest import type_visitor
from ui.reception.window import ReceptionWindow
from ui.session import Session

pytestmark = pytest.mark.slow

PG_BIN = Path(os.environ.get("PST_PG_BIN", "/usr/lib/postgresql/15/bin"))
START_S = 60
WAIT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnPostgres:
    """A throw-away PostgreSQL cluster: ``start()``, ``stop()``, ``start()`` again, ``remove()``.

    initdb refuses to run as root: then every command runs as the ``postgres`` system user
    (``runuser``), and the temp folder belongs to it."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="pst-outage-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self._as: list[str] = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise RuntimeError("running as root and no runuser to become postgres")
            self._as = [runuser, "-u", "postgres", "--"]
            shutil.chown(self.folder, "postgres", "postgres")

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self._as, *args], capture_output=True, text=True, timeout=START_S, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip()[-400:]}")

    def init(self) -> None:
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log),
            "-w", "-t", str(START_S), "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        with contextlib.suppress(Exception):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_postgres():
    for tool in ("initdb", "pg_ctl"):
        if not os.access(PG_BIN / tool, os.X_OK):
            pytest.skip(f"no PostgreSQL server binaries in {PG_BIN} (set PST_PG_BIN)")
    try:
        server = OwnPostgres()
    except (RuntimeError, LookupError, OSError) as exc:
        pytest.skip(f"cannot run a PostgreSQL server here: {exc}")
    try:
        try:
            server.init()
            server.start()
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"cannot run a PostgreSQL server here: {exc}")
        yield server
    finally:
        server.remove()  # always stopped, even when the test failed


def _numbers(office_id: int) -> list[tuple[int, int]]:
    """(ticket service, number) of every visit, in the order they were issued."""
    visits = Visit.select().where(Visit.office == office_id).order_by(Visit.id)
    return [(visit.ticket_service_id, visit.number) for visit in visits]


@pytest.mark.qt_log_ignore("QSocketNotifier")
def test_a_server_restart_loses_nothing_and_the_desk_carries_on(
    qtbot, qapp, own_postgres, clock, station, tmp_path
):
    db = open_database(own_postgres.url)
    window = None
    try:
        office = create_office(clock)
        accounts = AccountService(clock)
        admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-admin"))
        receptionist = actor_for(
            accounts.create(admin, "resepsionis", "Rina", Role.RECEPTIONIST, "rahasia-123")
        )
        session = Session(
            UserAccount.get_by_id(receptionist.user_id), receptionist, office, "test", clock
        )
        window = ReceptionWindow(
            session, settings=station, ticket_folder=tmp_path / "tickets", poll_ms=50
        )
        window.connection_monitor._backoff_ms = (200, 500, 1000)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.snapshot is not None)
        assert not window.connection_banner.isVisible()

        # a ticket before the outage
        type_visitor(qtbot, window, name="Siti Aminah")
        with qtbot.waitSignal(window.ticket_issued, timeout=WAIT_MS) as issued:
            qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        assert issued.args[0].code == "K-001"

        # the next visitor is typed in ... and the server goes down
        type_visitor(qtbot, window, name="Budi Santoso", email="budi@example.com",
                     phone="0813 1111 2222")  # fmt: skip
        own_postgres.stop()
        qtbot.waitUntil(window.connection_banner.isVisible, timeout=WAIT_MS)
        assert window.connection_banner.text.text() == "Connection to the database lost, retrying…"

        # issuing now fails calmly and keeps every field
        issued_during = []
        window.ticket_issued.connect(lambda ticket, _out: issued_during.append(ticket))
        qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        assert issued_during == []
        assert window.form.name.text() == "Budi Santoso"
        assert window.form.email.text() == "budi@example.com"
        assert window.form.institution_name.text() == "Universitas Bengkulu"
        assert window.form.consent.isChecked()
        assert window.connection_banner.isVisible()

        # the server is back: the banner goes by itself, no restart of the app
        own_postgres.start()
        qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=WAIT_MS)
        assert window.form.name.text() == "Budi Santoso"

        # issuing again works and gets the next number
        with qtbot.waitSignal(window.ticket_issued, timeout=WAIT_MS) as issued:
            qtbot.keyClick(window.form.consent, Qt.Key.Key_F9)
        assert issued.args[0].code == "K-002"

        # nothing lost, nothing doubled, and the queue table is the database's queue
        service = Visit.get_by_id(issued.args[0].visit_id).ticket_service_id
        assert _numbers(office.id) == [(service, 1), (service, 2)]
        assert sorted(v.name for v in Visitor.select()) == ["Budi Santoso", "Siti Aminah"]
        qtbot.waitUntil(lambda: window.queue_model.codes() == ["K-001", "K-002"], timeout=WAIT_MS)
    finally:
        if window is not None:
            window.shutdown()
            window.connection_monitor.stop()
            window.close()
        db.close()
        database_proxy.initialize(None)


def test_the_band_says_why_in_words_and_keeps_the_drivers_words_for_the_log(qtbot, caplog):
    """What a window reports (``ConnectionLost`` from the boundary) shows the calm band with a
    sentence; the driver's English goes to the log, not to the screen."""
    import logging

    from pst_desktop.core.errors import ConnectionLost, DatabaseBusy
    from pst_desktop.db.reconnect import ConnectionMonitor
    from ui.connection_banner import ConnectionBanner

    caplog.set_level(logging.INFO, logger="pst_desktop.db.reconnect")
    monitor = ConnectionMonitor(None)
    banner = ConnectionBanner(monitor)
    qtbot.addWidget(banner)
    driver = 'connection to server at "10.0.0.5", port 5432 failed: Connection refused'
    assert not monitor.report(DatabaseBusy("canceling statement due to lock timeout"))
    assert banner.isHidden()  # a busy database is no lost connection
    assert monitor.report(ConnectionLost(driver))
    assert not banner.isHidden()
    assert banner.text.text() == "Connection to the database lost, retrying…"
    assert banner.toolTip() == (
        "the server refused the connection (is the database service running?)"
    )
    assert "port 5432" not in banner.toolTip() + banner.text.text() + banner.hint.text()
    assert f"database connection lost: {driver}" in caplog.text
    monitor.mark_restored()
    assert banner.isHidden()
    monitor.stop()

"""Screenshots of the first-run wizard and the connection banner for the README (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.make_setup_screenshots [folder]

Indonesian (the default language), 1366×768.  The server page shows a failed test (nobody
listens on port 1) and, when ``PST_TEST_DATABASE_URL`` is set, a successful one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from models.entities import Role, UserAccount
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from tests.support import wib
from ui.reception.window import ReceptionWindow
from ui.session import Session
from ui.setup_wizard import SetupWizard
from ui.style import apply_style

SIZE = (1366, 768)


def wait(app: QApplication, condition, seconds: float = 15) -> None:
    import time

    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(folder: Path) -> None:
    app = QApplication.instance() or QApplication([])
    install_translator(app, "id")
    apply_style(app)
    folder.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix="pst-setup-shots-"))
    settings = StationSettings(QSettings(str(temp / "s.ini"), QSettings.Format.IniFormat))

    wizard = SetupWizard(settings)
    wizard.resize(*SIZE)
    wizard.show()
    app.processEvents()
    wizard.grab().save(str(folder / "setup-1-where.png"))

    wizard.where.server.setChecked(True)
    wizard.next()
    page = wizard.server
    page.host.setText("192.168.1.10")
    page.port.setValue(1)
    page.password.setText("rahasia")
    page.test_connection()
    wait(app, lambda: page.result.property("state") == "error")
    wizard.grab().save(str(folder / "setup-2-server-failed.png"))

    url = os.environ.get("PST_TEST_DATABASE_URL", "")
    if url:
        target = urlparse(url)
        page.host.setText(target.hostname or "127.0.0.1")
        page.port.setValue(target.port or 5432)
        page.database.setText(target.path.strip("/"))
        page.user.setText(target.username or "postgres")
        page._edited()
        page.test_connection()
        wait(app, page.isComplete)
        wizard.grab().save(str(folder / "setup-2-server-ok.png"))
    page.shutdown()

    wizard.restart()
    wizard.where.local.setChecked(True)
    wizard.next()  # this PC only -> the station page
    app.processEvents()
    wizard.grab().save(str(folder / "setup-3-station.png"))
    wizard.close()

    # the banner on a front desk whose database went away
    clock = FixedClock(wib(2026, 11, 24, 10, 40))
    db = open_database("sqlite:///" + str(temp / "pst.db"))
    office = create_office(clock)
    accounts = AccountService(clock)
    admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-admin"))
    actor = actor_for(
        accounts.create(admin, "rina", "Rina Marlina", Role.RECEPTIONIST, "rahasia-123")
    )
    session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "pst.db", clock)
    window = ReceptionWindow(session, settings=settings, ticket_folder=temp / "tickets")
    window.resize(*SIZE)
    window.show()
    wait(app, lambda: window.snapshot is not None)
    window.form.name.setText("Budi Santoso")
    window.form.email.setText("budi.santoso@example.com")
    window.form.phone.setText("0813 1111 2222")
    window.connection_monitor.mark_lost("server closed the connection unexpectedly")
    app.processEvents()
    window.grab().save(str(folder / "setup-banner.png"))
    window.connection_monitor.mark_restored()
    window.shutdown()
    window.connection_monitor.stop()
    window.close()
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

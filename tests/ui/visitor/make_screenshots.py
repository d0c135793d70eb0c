"""Screenshots of the visitor-facing screens for docs/screenshots (not a test).

    xvfb-run -s "-screen 0 1920x1080x24" python -m tests.ui.visitor.make_screenshots [folder]

A throw-away SQLite office with a few calls; Indonesian (the app's default language).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from models.entities import Consultation, Desk, Role, ServiceType
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.rating_screen import RatingOutbox
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.style import apply_style
from ui.visitor.announcer import Announcer
from ui.visitor.board import DisplayBoard
from ui.visitor.rating_screen import RatingScreen


def save(widget: QWidget, path: Path) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, "id")
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database("sqlite:///" + str(Path(tmp) / "pst.db"))
        clock = FixedClock(wib(2026, 11, 24, 10, 12))
        office = create_office(clock, desks=3)
        accounts = AccountService(clock)
        admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-adm"))
        rec = actor_for(accounts.create(admin, "rina", "Rina", Role.RECEPTIONIST, "rahasia-123"))
        names = ["Dewi Anggraini, S.St.", "Rudi Hartono, S.E.", "Maya Sari, S.Si."]
        officers = [
            actor_for(accounts.create(admin, f"petugas{i}", n, Role.OFFICER, "rahasia-123"))
            for i, n in enumerate(names)
        ]
        desks = list(Desk.select().order_by(Desk.id))
        services = list(ServiceType.select().order_by(ServiceType.sort_order))
        queue = QueueService(clock)
        registration = RegistrationService(clock)
        plan = [0, 0, 1, 0, 2, 0, 0, 1, 0, 2, 0, 0, 1, 3]
        for i, s in enumerate(plan):
            visitor = registration.register(
                rec,
                VisitorForm(
                    name=f"Tamu {i}", email=f"t{i}@example.com", gender="male", consent=True
                ),
            )
            queue.issue_ticket(rec, visitor_id=visitor.id, service_id=services[s].id)
            clock.advance(minutes=1)
        # a morning of calls across the three desks
        for round_ in range(2):
            for officer, desk in zip(officers, desks, strict=True):
                visit = queue.call_next(officer, desk.id)
                clock.advance(minutes=2)
                if round_ == 0:
                    queue.finish(officer, visit.id)
        # the third desk's visitor is done and its officer goes to prayer: the board shows the
        # desk and its return, never the reason
        queue.finish(officers[2], visit.id)
        DeskStateService(clock).set_state(
            officers[2],
            desks[2].id,
            "break",
            reason="Sholat",
            expected_back=wib(2026, 11, 24, 11, 0),
        )
        settings = StationSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        settings.board_running_text = (
            "Jam layanan PST: Senin–Kamis 08.00–15.30 WIB, Jumat 08.00–16.00 WIB  ·  "
            "Data dan publikasi BPS dapat diunduh gratis di bengkulu.bps.go.id"
        )
        board = DisplayBoard(
            db, office, clock, settings, announcer=Announcer(sound=False, speech=False)
        )
        board.resize(1920, 1080)
        board.show()
        board.refresh()
        board.ticker._offset = 1500
        save(board, folder / "board.png")

        # the rating screen of desk 1: idle, then asking about the visit just finished
        outbox = RatingOutbox(Path(tmp) / "outbox.json", clock)
        screen = RatingScreen(
            db, office, desks[0].id, clock, settings, outbox, desk_name=desks[0].name
        )
        screen._unlocked = True
        screen.resize(1920, 1080)
        screen.show()
        save(screen, folder / "rating-idle.png")
        visit = queue.held_ticket(officers[0])
        Consultation.create(
            visit=visit.id,
            question="Data jumlah penduduk miskin per kabupaten/kota di Provinsi Bengkulu "
            "tahun 2020–2025",
            officer=officers[0].user_id,
            created_at=clock.now(),
            updated_at=clock.now(),
        )
        queue.finish(officers[0], visit.id)
        screen.check()
        save(screen, folder / "rating-asking.png")
        screen.tap(4)
        screen.chip_buttons[0].setChecked(True)
        screen.chip_buttons[1].setChecked(True)
        save(screen, folder / "rating-comment.png")
        screen.close()
        board.stop()
        board.close()
        db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

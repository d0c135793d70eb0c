"""Screenshots of the supervisor's live day and the admin window for the README (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.supervisor.make_screenshots [folder]

A throw-away SQLite office on Tuesday 24 November 2026, 11:20 WIB, with a morning of tickets
(waiting, called, served, rated, skipped) and an overdue online consultation; Indonesian, 1366×768.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QApplication

from models.entities import Channel, Desk, Role, ServiceType, UserAccount, Visit, Visitor
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.administration import Administration
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.officer.online import OnlineService
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.priority import PriorityMark, PriorityReason, PriorityService
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.admin.window import AdminWindow
from ui.session import Session
from ui.style import apply_style
from ui.supervisor.window import SupervisorWindow

NAMES = [
    "Dewi Lestari", "Andi Saputra", "Rahmat Hidayat", "Nur Aisyah", "Hendra Gunawan",
    "Putri Maharani", "Yusuf Prasetyo", "Siti Aminah", "Budi Santoso", "Rina Wulandari",
    "Agus Salim", "Maya Sari", "Fajar Nugroho", "Lina Marlina",
]  # fmt: skip


def populate(clock: FixedClock):
    office = create_office(clock)
    accounts = AccountService(clock)
    admin = actor_for(accounts.create_first_admin(office.id, "admin", "Rudi Hartono", "rahasia-1"))

    def staff(username, name, role):
        return actor_for(accounts.create(admin, username, name, role, "rahasia-123"))

    supervisor = staff("sri", "Sri Wahyuni", Role.SUPERVISOR)
    reception = staff("tika", "Tika Rahmawati", Role.RECEPTIONIST)
    officers = [
        staff("bayu", "Bayu Pratama", Role.OFFICER),
        staff("nia", "Nia Kurnia", Role.OFFICER),
    ]
    staff("joko", "Joko Susilo", Role.OFFICER)
    Administration(clock).save_desk(
        admin, None, name="Meja 3", service_ids=[s.id for s in ServiceType.select()]
    )
    services = {s.code: s for s in ServiceType.select()}
    desks = list(Desk.select().order_by(Desk.name))
    queue, ratings = QueueService(clock), RatingService(clock)
    codes = ["consultation", "consultation", "library", "data_purchase", "consultation",
             "library", "consultation", "consultation", "data_purchase", "consultation",
             "consultation", "library", "consultation", "consultation"]  # fmt: skip
    codes = [c if c in services else "consultation" for c in codes]
    tickets = []
    for i, (name, code) in enumerate(zip(NAMES, codes, strict=True)):
        clock.set(wib(2026, 11, 24, 8, 5) + dt.timedelta(minutes=i * 6))
        guest = Visitor.create(
            office=office, name=name, consent=True, created_at=clock.now(), updated_at=clock.now()
        )
        clock.advance(minutes=-7)
        started = clock.now()
        clock.advance(minutes=7 + (i == 3) * 5)
        tickets.append(
            queue.issue_ticket(
                reception,
                visitor_id=guest.id,
                service_id=services[code].id,
                registration_started_at=started,
            )
        )
    scores = [4, 3, 4, 2, 4, 3]
    for i, ticket in enumerate(tickets[:7]):
        officer = officers[i % 2]
        clock.set(wib(2026, 11, 24, 8, 20) + dt.timedelta(minutes=i * 11))
        queue.call_ticket(officer, ticket.visit_id, desks[i % 2].id)
        if i == 4:
            queue.skip(officer, ticket.visit_id)
            continue
        queue.start(officer, ticket.visit_id)
        clock.advance(minutes=9)
        queue.finish(officer, ticket.visit_id)
        clock.advance(minutes=1)
        if i < 6:
            ratings.record(ticket.visit_id, scores[i], scale_max=4)
    clock.set(wib(2026, 11, 24, 11, 5))
    queue.call_ticket(officers[0], tickets[7].visit_id, desks[0].id)
    queue.start(officers[0], tickets[7].visit_id)
    queue.call_ticket(officers[1], tickets[8].visit_id, desks[1].id)
    online = OnlineService(clock)
    late = online.open(
        officers[1], channel=Channel.EMAIL.value, contact="peneliti@unib.ac.id",
        question="Data IPM kabupaten 2015–2025?", opened_at=wib(2026, 11, 18, 9, 30),
    )  # fmt: skip
    Visit.update(opened_at=wib(2026, 11, 18, 9, 30)).where(Visit.id == late.id).execute()
    # a priority ticket waiting (elderly) and Meja 3 on a break until 11:45
    PriorityService(clock).set_priority(
        reception, tickets[10].visit_id, PriorityMark(PriorityReason.ELDERLY)
    )
    clock.set(wib(2026, 11, 24, 11, 10))
    DeskStateService(clock).set_state(
        officers[1],
        desks[2].id,
        "break",
        reason="Rapat koordinasi",
        expected_back=wib(2026, 11, 24, 11, 45),
    )
    clock.set(wib(2026, 11, 24, 11, 20))
    return office, admin, supervisor


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_style(app)
    install_translator(app, "id")
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database("sqlite:///" + str(Path(tmp) / "pst.db"))
        clock = FixedClock(wib(2026, 11, 24, 8, 0))
        office, admin, supervisor = populate(clock)
        settings = StationSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))

        def shoot(window, name):
            window.resize(1366, 768)
            window.show()
            for _ in range(100):
                app.processEvents()
                if window.live_day.summary is not None:
                    break
                window.live_day.reader.wait(100)
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(folder / name))

        session = Session(UserAccount.get_by_id(supervisor.user_id), supervisor, office, "", clock)
        window = SupervisorWindow(session, settings=settings)
        shoot(window, "supervisor.png")
        window.tabs.setCurrentWidget(window.reports)
        shoot(window, "supervisor-reports.png")
        window.shutdown()
        window.close()

        session = Session(UserAccount.get_by_id(admin.user_id), admin, office, "", clock)
        window = AdminWindow(session, settings=settings)
        window.accounts_tab.select_username("nia")
        shoot(window, "admin.png")
        window.tabs.setCurrentWidget(window.services_tab)
        window.services_tab.table.selectRow(0)
        window.services_tab.prefix.setText("k1")
        window.services_tab.save()
        shoot(window, "admin-services.png")
        window.tabs.setCurrentWidget(window.closures_tab)
        window.closures_tab.day.setDate(QDate(2026, 12, 24))
        window.closures_tab.reason.setText("Cuti bersama tambahan (SE Kepala BPS)")
        window.closures_tab.add_day()
        shoot(window, "admin-closures.png")
        window.tabs.setCurrentWidget(window.office_tab)
        shoot(window, "admin-office.png")
        window.tabs.setCurrentWidget(window.rating_tab)
        shoot(window, "admin-rating.png")
        window.shutdown()
        window.close()
        database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

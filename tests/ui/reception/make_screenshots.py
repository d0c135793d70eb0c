"""Screenshots of the receptionist station for the README (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.reception.make_screenshots [folder]

A throw-away SQLite office on Tuesday 24 November 2026, 10:40 WIB: tickets waiting (one past
15 and one past 30 minutes), called, in service and done, an appointment due, and a new visitor
half typed in. Indonesian (the default language); the window at 1366×768 and 1920×1080.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from models.entities import Desk, Role, ServiceType, UserAccount
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.visits.priority import PriorityMark, PriorityReason, PriorityService
from tests.support import wib
from ui.reception.window import ReceptionWindow
from ui.session import Session
from ui.style import apply_style

VISITORS = [
    ("Dewi Lestari", "dewi.lestari@gmail.com", "081273450011", "female", "student", "research"),
    ("Andi Saputra", "andi.saputra@unib.ac.id", "082180992311", "male", "researcher", "research"),
    (
        "Rahmat Hidayat",
        "rahmat@bengkuluprov.go.id",
        "081367001234",
        "male",
        "civil_servant",
        "government",
    ),
    (
        "Nur Aisyah",
        "nuraisyah@yahoo.co.id",
        "085266781234",
        "female",
        "student",
        "school_assignment",
    ),
    (
        "Hendra Gunawan",
        "hendra.g@ptmaju.co.id",
        "081922334455",
        "male",
        "private_employee",
        "commercial",
    ),
    ("Putri Maharani", "putri.m@gmail.com", "081366112233", "female", "student", "research"),
    (
        "Yusuf Prasetyo",
        "yusuf.p@bappeda.go.id",
        "081278990011",
        "male",
        "civil_servant",
        "government",
    ),
]


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translator(app, "id")  # Indonesian, the staff's default
    apply_style(app)
    with tempfile.TemporaryDirectory() as tmp:
        database = open_database("sqlite:///" + str(Path(tmp) / "pst.db"))
        clock = FixedClock(wib(2026, 11, 24, 8, 55))
        office = create_office(clock)
        accounts = AccountService(clock)
        admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-x1"))
        receptionist = actor_for(
            accounts.create(admin, "rina", "Rina Wulandari", Role.RECEPTIONIST, "rahasia-x1")
        )
        officers = [
            actor_for(accounts.create(admin, f"petugas{n}", name, Role.OFFICER, "rahasia-x1"))
            for n, name in ((1, "Fajar Nugroho"), (2, "Sri Handayani"))
        ]
        desks = list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))
        services = {s.code: s for s in ServiceType.select()}
        registration = RegistrationService(clock)
        desk = FrontDesk(clock)
        visitors = [
            registration.register(
                receptionist,
                VisitorForm(
                    name=name,
                    email=email,
                    phone=phone,
                    gender=gender,
                    birth_year=1990,
                    education="bachelor",
                    occupation=occupation,
                    institution_category="research_education",
                    consent=True,
                ),
            )
            for name, email, phone, gender, occupation, _purpose in VISITORS
        ]
        plan = [  # (minute issued, visitor, service)
            (9 * 60 + 2, 0, "consultation"),
            (9 * 60 + 30, 1, "consultation"),
            (9 * 60 + 41, 2, "library"),
            (10 * 60 + 4, 3, "consultation"),
            (10 * 60 + 19, 4, "data_purchase"),
            (10 * 60 + 27, 5, "consultation"),
            (10 * 60 + 36, 6, "library"),
        ]
        tickets = []
        for minute, index, code in plan:
            clock.set(wib(2026, 11, 24, minute // 60, minute % 60))
            tickets.append(
                desk.issue(
                    receptionist,
                    visitor_id=visitors[index].id,
                    service_id=services[code].id,
                    purpose=VISITORS[index][5],
                    registration_started_at=clock.now(),
                )
            )
        queue = desk.queue
        clock.set(wib(2026, 11, 24, 9, 12))
        queue.call_next(officers[0], desks[0].id)  # K-001
        queue.start(officers[0], tickets[0].visit_id)
        clock.set(wib(2026, 11, 24, 9, 48))
        queue.finish(officers[0], tickets[0].visit_id)
        queue.call_next(officers[0], desks[0].id)  # K-002
        queue.start(officers[0], tickets[1].visit_id)
        clock.set(wib(2026, 11, 24, 10, 37))
        queue.call_ticket(officers[1], tickets[2].visit_id, desks[1].id)  # P-001 called
        # D-001 is served first (elderly): its number carries the mark
        PriorityService(clock).set_priority(
            receptionist, tickets[4].visit_id, PriorityMark(PriorityReason.ELDERLY)
        )
        # an appointment booked yesterday for 11:00 today
        clock.set(wib(2026, 11, 23, 15, 45))
        extra = registration.register(
            receptionist,
            VisitorForm(
                name="Lukman Hakim", email="lukman@unib.ac.id", gender="male", consent=True
            ),
        )
        desk.book(
            receptionist,
            visitor_id=extra.id,
            service_id=services["consultation"].id,
            scheduled_at=wib(2026, 11, 24, 11, 0),
            note="Data kemiskinan per kabupaten 2020–2025",
        )
        clock.set(wib(2026, 11, 24, 10, 40))

        settings = StationSettings(
            QSettings(str(Path(tmp) / "station.ini"), QSettings.Format.IniFormat)
        )
        settings.language = "id"
        account = UserAccount.get_by_id(receptionist.user_id)
        session = Session(account, receptionist, office, "postgresql://pst@192.168.1.10/pst", clock)
        window = ReceptionWindow(session, settings=settings, ticket_folder=Path(tmp) / "tickets")
        # the last ticket issued here, and a new visitor being registered
        window._ticket_done(tickets[-1])
        form = window.form
        clock.set(wib(2026, 11, 24, 10, 38))
        window._start_registration_clock()
        clock.set(wib(2026, 11, 24, 10, 40, 20))
        form.name.setText("Maya Sari Putri")
        form.email.setText("maya.sari@")
        form.phone.setText("0813 6677 8899")
        form.gender.setCurrentIndex(form.gender.findData("female"))
        form.birth_year.setText("1998")
        form.education.setCurrentIndex(form.education.findData("bachelor"))
        form.occupation.setCurrentIndex(form.occupation.findData("student"))
        form.institution_category.setCurrentIndex(
            form.institution_category.findData("research_education")
        )
        form.institution_name.setText("Universitas Bengkulu")
        form.purpose.setCurrentIndex(form.purpose.findData("research"))
        form.consent.setChecked(True)
        window.issue_ticket()  # the bad e-mail shows its message in place
        window.calls.wait()  # (the write thread's answer)
        for size, name in (((1366, 768), "reception.png"), ((1920, 1080), "reception-1920.png")):
            window.resize(*size)
            window.show()
            window.refresh()
            while window._loading:
                QApplication.processEvents()
            for _ in range(5):
                QApplication.processEvents()
            window.queue_table.selectRow(1)
            window._tick()
            window.grab().save(str(folder / name))
            print(folder / name)
        window.close()
        database.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

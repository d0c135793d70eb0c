"""Screenshots of the staff screens of the visitor's voice for docs/screenshots (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.make_voice_screenshots [folder]

At 1366×768 in Indonesian and English (``<name>-<language>.png``): the admin's Surveys tab
(``admin-surveys``), the supervisor's Follow-ups tab (``supervisor-follow-ups``: one overdue,
one due today, one taken, a complaint), the paper questionnaires' entry with two rows typed and
a score refused in place (``paper-entry``), the officer's Follow-ups tab with a close refused
for want of a note (``officer-follow-ups``) and the complaint dialog (``complaint``).
A throw-away SQLite office on Thursday 31 December 2026 (after the cuti bersama of Christmas).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from models.database import database_proxy
from models.entities import Consultation, Desk, Role, ServiceType, SurveyChoice
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.admin.survey_settings import SurveySettings, SurveySettingsService
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.i18n import install_translator
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.officer.follow_ups import ComplaintEntry, FollowUpService, follow_ups
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.session import Session
from ui.style import apply_style

SIZE = (1366, 768)


def settle(until=lambda: True, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while True:
        for _ in range(5):
            QApplication.processEvents()
        if until() or time.monotonic() > deadline:
            return
        time.sleep(0.02)


def save(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


class VoiceOffice:
    """An office with a week of the visitor's voice: ratings, needs not met, a complaint."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = open_database("sqlite:///" + str(folder / "pst.db"))
        self.clock = FixedClock(wib(2026, 12, 22, 9, 0))
        self.office = create_office(self.clock, desks=2)
        accounts = AccountService(self.clock)
        self.admin = actor_for(
            accounts.create_first_admin(self.office.id, "admin", "Siti Rahma", "rahasia-adm")
        )
        make = accounts.create
        self.receptionist = actor_for(
            make(self.admin, "rina", "Rina Marlina", Role.RECEPTIONIST, "rahasia-123")
        )
        self.supervisor = actor_for(
            make(self.admin, "bambang", "Bambang Sutrisno", Role.SUPERVISOR, "rahasia-123")
        )
        self.officers = [
            actor_for(make(self.admin, f"petugas{i}", name, Role.OFFICER, "rahasia-123"))
            for i, name in enumerate(["Dewi Anggraini, S.St.", "Rudi Hartono, S.E."])
        ]
        self.desk = Desk.select().order_by(Desk.id).first()
        self.service = ServiceType.select().order_by(ServiceType.sort_order).first()
        self.queue = QueueService(self.clock)
        SurveySettingsService(self.clock).save(
            self.admin, SurveySettings(survey=SurveyChoice.BOTH, follow_up_days=3)
        )
        self._week()

    def visit(self, n: int, officer) -> int:
        visitor = RegistrationService(self.clock).register(
            self.receptionist,
            VisitorForm(name=f"Tamu {n}", email=f"t{n}@example.com", gender="male", consent=True),
        )
        self.queue.issue_ticket(
            self.receptionist, visitor_id=visitor.id, service_id=self.service.id
        )
        visit = self.queue.call_next(officer, self.desk.id)
        self.clock.advance(minutes=20)
        self.queue.finish(officer, visit.id)
        return visit.id

    def _week(self) -> None:
        ratings = RatingService(self.clock)
        follow = FollowUpService(self.clock)
        dewi, rudi = self.officers
        # Tuesday 22: a low rating (overdue by Thursday 31), a comment (taken by Rudi)
        first = self.visit(1, dewi)
        ratings.record(first, 1, "Antrian terlalu lama, tidak ada kursi")
        second = self.visit(2, rudi)
        ratings.record(second, 3, "Mohon tabel PDRB dalam format Excel")
        # Monday 28: a need not met (due today, Thursday 31)
        self.clock.set(wib(2026, 12, 28, 10, 30))
        unmet = self.visit(3, dewi)
        Consultation.create(
            visit=unmet,
            need_met="not_yet",
            officer=dewi.user_id,
            created_at=self.clock.now(),
            updated_at=self.clock.now(),
        )
        follow.open_due(self.office.id)
        taken = next(
            r for r in follow_ups(self.office.id, self.clock.now()) if r.visit_id == second
        )
        follow.take(rudi, taken.id)
        follow.write_action(rudi, taken.id, "Tabel dikirim lewat e-mail dalam format XLSX")
        # Wednesday 30: a complaint at the front desk; one closed
        self.clock.set(wib(2026, 12, 30, 11, 0))
        follow.record_complaint(
            self.receptionist,
            ComplaintEntry("U7", "Petugas loket menjawab dengan ketus saat ditanya syarat"),
        )
        closed = self.visit(4, rudi)
        ratings.record(closed, 2, "")
        follow.open_due(self.office.id)
        row = next(r for r in follow_ups(self.office.id, self.clock.now()) if r.visit_id == closed)
        follow.close(rudi, row.id, "Ditelepon; pengunjung mendapat data yang dicari")
        self.clock.set(wib(2026, 12, 31, 9, 40))

    def settings(self, name: str, language: str) -> StationSettings:
        settings = StationSettings(
            QSettings(str(self.folder / f"{name}-{language}.ini"), QSettings.Format.IniFormat)
        )
        settings.language = language
        return settings

    def session(self, actor) -> Session:
        from models.entities import UserAccount

        account = UserAccount.get_by_id(actor.user_id)
        return Session(account, actor, self.office, "sqlite", self.clock)

    def close(self) -> None:
        self.db.close()
        database_proxy.initialize(None)


def main(folder: Path) -> None:
    from ui.admin.window import AdminWindow
    from ui.officer.window import OfficerWindow
    from ui.supervisor.window import SupervisorWindow

    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        office = VoiceOffice(Path(tmp))
        for language in ("id", "en"):
            install_translator(app, language)
            apply_style(app)
            admin = AdminWindow(
                office.session(office.admin),
                settings=office.settings("admin", language),
                poll_ms=3_600_000,
                choose_path=lambda _s: Path(tmp) / "r.pdf",
            )
            admin.resize(*SIZE)
            admin.show()
            admin.tabs.setCurrentWidget(admin.surveys_tab)
            settle(lambda admin=admin: not admin.surveys_tab.reader.busy())
            admin.surveys_tab.table.selectRow(7)
            save(admin, folder / f"admin-surveys-{language}.png")
            admin.shutdown()
            admin.close()

            window = SupervisorWindow(
                office.session(office.supervisor),
                settings=office.settings("supervisor", language),
                poll_ms=3_600_000,
                choose_path=lambda _s: Path(tmp) / "r.pdf",
            )
            window.resize(*SIZE)
            window.show()
            window.tabs.setCurrentWidget(window.follow_ups)
            panel = window.follow_ups
            settle(lambda panel=panel: panel.model.rows and not panel.reader.busy())
            panel.table.selectRow(0)
            save(window, folder / f"supervisor-follow-ups-{language}.png")

            entry = window.open_paper_entry()
            entry.resize(1100, 660)
            settle(lambda entry=entry: bool(entry.fields[entry.current_instrument()]))
            for scores in ("434434443", "3333233 4"):
                entry.ticket.setText("")
                for field, score in zip(
                    entry.fields[entry.current_instrument()], scores, strict=False
                ):
                    field.setText(score.strip())
                entry.save_row()
                window.calls.wait()
                settle()
            for field, score in zip(entry.fields[entry.current_instrument()], "4435", strict=False):
                field.setText(score)
            entry.save_row()
            window.calls.wait()
            save(entry, folder / f"paper-entry-{language}.png")
            entry.reject()
            window.shutdown()
            window.close()

            officer = OfficerWindow(
                office.session(office.officers[0]),
                settings=office.settings("officer", language),
                draft_folder=Path(tmp) / "drafts",
                poll_ms=3_600_000,
                housekeeping_ms=3_600_000,
            )
            officer.choose_desk(office.desk.id)
            officer.resize(*SIZE)
            officer.show()
            panel = officer.follow_up_panel
            officer.tabs.setCurrentIndex(3)
            settle(lambda panel=panel: panel.model.rows and not panel.reader.busy())
            panel.table.selectRow(0)
            panel.close_selected()
            officer.calls.wait()
            save(officer, folder / f"officer-follow-ups-{language}.png")
            dialog = panel.record_complaint()
            dialog.ticket.setText("K-099")
            dialog.summary.setPlainText("Ruang tunggu panas, pendingin udara mati")
            dialog.record()
            officer.calls.wait()
            save(dialog, folder / f"complaint-{language}.png")
            dialog.reject()
            officer.shutdown()
            officer.close()
        office.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

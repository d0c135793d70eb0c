"""Screenshots of the survey on the rating screen for docs/screenshots (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.visitor.make_survey_screenshots [folder] [size]

At 1366×768 (a common TV and laptop screen) in Indonesian and English: an IKM element
(``survey-ikm-<language>.png``), an SKD attribute half answered (``survey-skd-<language>.png``),
and the reasons after a low face when no survey runs (``rating-reasons-<language>.png``).
A throw-away SQLite office; the office runs both surveys for every visit.
"""

from __future__ import annotations

import sys
import tempfile
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
from pst_desktop.visitor.instruments import IKM_CODES
from pst_desktop.visitor.rating_screen import RatingOutbox
from pst_desktop.visits.queue import QueueService
from tests.support import wib
from ui.style import apply_style
from ui.visitor.rating_screen import RatingScreen

SIZE = (1366, 768)


def save(widget: QWidget, path: Path) -> None:
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


class Office:
    """A desk whose officer finishes one visit after another."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = open_database("sqlite:///" + str(folder / "pst.db"))
        self.clock = FixedClock(wib(2026, 11, 24, 10, 12))
        self.office = create_office(self.clock, desks=2)
        accounts = AccountService(self.clock)
        self.admin = actor_for(
            accounts.create_first_admin(self.office.id, "admin", "Admin", "rahasia-adm")
        )
        self.receptionist = actor_for(
            accounts.create(self.admin, "rina", "Rina", Role.RECEPTIONIST, "rahasia-123")
        )
        self.officer = actor_for(
            accounts.create(
                self.admin, "petugas", "Dewi Anggraini, S.St.", Role.OFFICER, "rahasia-123"
            )
        )
        self.desk = Desk.select().order_by(Desk.id).first()
        self.service = ServiceType.select().order_by(ServiceType.sort_order).first()
        self.queue = QueueService(self.clock)

    def survey(self, choice: SurveyChoice) -> None:
        SurveySettingsService(self.clock).save(self.admin, SurveySettings(survey=choice))

    def finish_a_visit(self, n: int) -> None:
        visitor = RegistrationService(self.clock).register(
            self.receptionist,
            VisitorForm(name=f"Tamu {n}", email=f"t{n}@example.com", gender="male", consent=True),
        )
        self.queue.issue_ticket(
            self.receptionist, visitor_id=visitor.id, service_id=self.service.id
        )
        visit = self.queue.call_next(self.officer, self.desk.id)
        Consultation.create(
            visit=visit.id,
            question="Data jumlah penduduk miskin per kabupaten/kota tahun 2020–2025",
            officer=self.officer.user_id,
            created_at=self.clock.now(),
            updated_at=self.clock.now(),
        )
        self.clock.advance(minutes=5)
        self.queue.finish(self.officer, visit.id)

    def screen(self, language: str) -> RatingScreen:
        settings = StationSettings(
            QSettings(str(self.folder / f"rating-{language}.ini"), QSettings.Format.IniFormat)
        )
        settings.language = language
        screen = RatingScreen(
            self.db,
            self.office,
            self.desk.id,
            self.clock,
            settings,
            RatingOutbox(self.folder / f"outbox-{language}.json", self.clock),
            desk_name=self.desk.name,
        )
        screen._unlocked = True
        screen.resize(*SIZE)
        screen.show()
        return screen


def ask(screen: RatingScreen) -> None:
    """The screen asks about the visit just finished and reads its survey meanwhile."""
    screen.check()
    screen.survey_page.reader.wait()


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        office = Office(Path(tmp))
        for n, language in enumerate(("id", "en")):
            install_translator(app, language)
            apply_style(app)
            screen = office.screen(language)
            office.survey(SurveyChoice.BOTH)
            office.finish_a_visit(2 * n)
            ask(screen)
            screen.tap(3)
            survey = screen.survey_page
            survey.choose(0, 3)
            survey.choose(0, 4)  # on to the third element
            save(screen, folder / f"survey-ikm-{language}.png")
            while survey.screen.questions[0].item in IKM_CODES:
                survey.skip()
            survey.choose(0, 9)  # importance given, satisfaction to come
            save(screen, folder / f"survey-skd-{language}.png")
            survey.end()
            screen.skip_comment()
            screen.kiosk.idle()
            office.survey(SurveyChoice.NONE)
            office.finish_a_visit(2 * n + 1)
            ask(screen)
            screen.tap(1)
            screen.reason_chips.buttons[0].setChecked(True)
            screen.reason_chips.buttons[1].setChecked(True)
            save(screen, folder / f"rating-reasons-{language}.png")
            screen.survey_sender.wait()
            screen.close()
            screen.deleteLater()
        office.db.close()
        database_proxy.initialize(None)


if __name__ == "__main__":
    if len(sys.argv) > 2:
        SIZE = tuple(int(v) for v in sys.argv[2].split("x"))  # type: ignore[assignment]
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))

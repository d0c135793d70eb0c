"""Shared helpers for the survey and follow-up tests: finished visits, survey settings."""

from __future__ import annotations

from models.entities import Desk, Role, ServiceType, SurveyAudience, SurveyChoice
from pst_desktop.admin.survey_settings import SurveySettings, SurveySettingsService
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.queue import QueueService


class Visits:
    """Makes visits of one office: registered, issued, called at the first desk, finished."""

    def __init__(self, office, clock, make_actor) -> None:
        self.office, self.clock = office, clock
        self.receptionist = make_actor(Role.RECEPTIONIST)
        self.officer = make_actor(Role.OFFICER)
        self.queue = QueueService(clock)
        self.desk = Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()
        self.service = ServiceType.get(
            (ServiceType.office == office.id) & (ServiceType.code == "consultation")
        )

    def visitor(self, name: str = "Siti Rahma") -> int:
        first = name.split()[0].lower()
        return (
            RegistrationService(self.clock)
            .register(
                self.receptionist,
                VisitorForm(name=name, email=f"{first}@example.com", gender="female", consent=True),
            )
            .id
        )

    def finished(self, visitor_id: int | None = None, finish: bool = True) -> int:
        """A visit served at the first desk (and finished); its id."""
        visitor_id = visitor_id or self.visitor()
        self.queue.issue_ticket(
            self.receptionist, visitor_id=visitor_id, service_id=self.service.id
        )
        visit = self.queue.call_next(self.officer, self.desk.id)
        if finish:
            self.queue.finish(self.officer, visit.id)
        return visit.id


def run_survey(
    admin,
    clock,
    survey: SurveyChoice = SurveyChoice.BOTH,
    audience: SurveyAudience = SurveyAudience.EVERY,
    one_in: int = 1,
    **more,
) -> SurveySettings:
    return SurveySettingsService(clock).save(
        admin, SurveySettings(survey=survey, audience=audience, one_in=one_in, **more)
    )

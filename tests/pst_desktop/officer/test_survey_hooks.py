"""The staff station's survey and follow-up hooks: F8 decides the visit's survey invitation in
its own transaction (the kiosk role may not read the visitor the rule "not asked yet this year"
needs); every follow-up change tells the other stations; a follow-up row says its working days
left (a fixed clock across the cuti bersama of Christmas 2026)."""

from __future__ import annotations

import pytest

from models.entities import (
    Role,
    SurveyAudience,
    SurveyChoice,
    SurveyInstrument,
    SurveyResponse,
    Visit,
    VisitStatus,
)
from pst_desktop.core.errors import ServiceError
from pst_desktop.officer import follow_ups as follow_ups_module
from pst_desktop.officer import workspace
from pst_desktop.officer.consultations import ConsultationRecord, ConsultationService
from pst_desktop.officer.follow_ups import ComplaintEntry, FollowUpService, follow_ups
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visitor.surveys import SurveyService
from pst_desktop.visits.events import Event
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, service, visitor
from tests.pst_desktop.visitor.survey_support import Visits, run_survey
from tests.support import wib

RECORD = ConsultationRecord(topic="PDRB", answer="52,3 juta", need_met="yes_fit")


def served(queue, officer, office, clock, make_actor, name="Siti Aminah", guest=None) -> int:
    """A visit of ``guest`` (or a new visitor) called at the first desk; its id."""
    guest = guest or visitor(office, clock, name)
    ticket = queue.issue_ticket(
        make_actor(Role.RECEPTIONIST), visitor_id=guest.id, service_id=service(office).id
    )
    queue.call_ticket(officer, ticket.visit_id, desks(office)[0].id)
    return ticket.visit_id


def responses(visit_id: int) -> set[str]:
    return {r.instrument for r in SurveyResponse.select().where(SurveyResponse.visit == visit_id)}


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


def test_finishing_a_visit_writes_its_survey_invitation(office, clock, admin, officer, make_actor):
    run_survey(admin, clock, SurveyChoice.BOTH)
    queue = QueueService(clock)
    visit_id = served(queue, officer, office, clock, make_actor)
    workspace.finish(queue, ConsultationService(clock), officer, visit_id, RECORD)
    assert responses(visit_id) == {SurveyInstrument.IKM.value, SurveyInstrument.SKD.value}
    # the visitor screen finds them as the visit's form (the kiosk reads no visitor)
    from pst_desktop.visitor.surveys import survey_form

    form = survey_form(visit_id)
    assert [part.instrument for part in form.parts] == [SurveyInstrument.IKM, SurveyInstrument.SKD]
    assert all(part.exists for part in form.parts)


def test_a_visitor_asked_this_year_is_not_asked_again_on_finish(
    office, clock, admin, officer, make_actor
):
    """Only the staff station can apply this rule: the kiosk may not read the visitor."""
    run_survey(admin, clock, SurveyChoice.IKM, SurveyAudience.NOT_ASKED_THIS_YEAR)
    queue, consultations = QueueService(clock), ConsultationService(clock)
    guest = visitor(office, clock, "Budi Santoso")
    first = served(queue, officer, office, clock, make_actor, guest=guest)
    workspace.finish(queue, consultations, officer, first, RECORD)
    assert responses(first) == {SurveyInstrument.IKM.value}
    clock.advance(hours=1)
    second = served(queue, officer, office, clock, make_actor, guest=guest)
    workspace.finish(queue, consultations, officer, second, RECORD)
    assert responses(second) == set()
    other = served(queue, officer, office, clock, make_actor, "Ani Lestari")
    workspace.finish(queue, consultations, officer, other, RECORD)
    assert responses(other) == {SurveyInstrument.IKM.value}


def test_no_survey_runs_no_invitation(office, clock, officer, make_actor):
    queue = QueueService(clock)
    visit_id = served(queue, officer, office, clock, make_actor)
    workspace.finish(queue, ConsultationService(clock), officer, visit_id, RECORD)
    assert responses(visit_id) == set()
    assert Visit.get_by_id(visit_id).status == VisitStatus.AWAITING_RATING


def test_a_refused_invitation_leaves_the_visit_unfinished(
    office, clock, admin, officer, make_actor, monkeypatch
):
    """One transaction: the visit, its record and its invitation, all or nothing."""
    run_survey(admin, clock, SurveyChoice.IKM)
    queue = QueueService(clock)
    visit_id = served(queue, officer, office, clock, make_actor)

    def refused(*_args, **_kwargs):
        raise ServiceError("refused")

    monkeypatch.setattr(SurveyService, "invite", refused)
    with pytest.raises(ServiceError):
        workspace.finish(queue, ConsultationService(clock), officer, visit_id, RECORD)
    assert Visit.get_by_id(visit_id).status == VisitStatus.CALLED
    assert responses(visit_id) == set()


def test_every_follow_up_change_is_published(office, clock, make_actor, monkeypatch):
    heard: list[tuple[Event, str]] = []

    def publish(event, **payload):
        heard.append((event, payload.get("what", "")))

    monkeypatch.setattr(follow_ups_module, "publish", publish)
    clock.set(wib(2026, 12, 22, 10, 0))
    visits = Visits(office, clock, make_actor)
    visit_id = visits.finished()
    RatingService(clock).record(visit_id, 1, "")
    service = FollowUpService(clock)
    assert service.open_due(office.id) == 1
    assert service.open_due(office.id) == 0  # nothing opened: nothing said
    (row,) = follow_ups(office.id, clock.now())
    service.take(visits.officer, row.id)
    service.write_action(visits.officer, row.id, "Ditelepon")
    service.classify(visits.officer, row.id, "U3")
    service.close(visits.officer, row.id)
    service.record_complaint(visits.officer, ComplaintEntry("U7", "Petugas kurang ramah"))
    assert heard == [
        (Event.FOLLOW_UP_CHANGED, what)
        for what in ("opened", "taken", "written", "classed", "closed", "complaint")
    ]


def test_the_working_days_left_skip_the_cuti_bersama(office, clock, make_actor):
    """Opened Tuesday 22 December 2026: due Tuesday 29 (Thursday 24 cuti bersama, Friday 25
    Christmas, the weekend): 3 working days left, then 2 on Wednesday, still 2 over the
    holidays, 1 on Monday, 0 on the day (overdue or not), -1 the working day after."""
    clock.set(wib(2026, 12, 22, 10, 0))
    visits = Visits(office, clock, make_actor)
    RatingService(clock).record(visits.finished(), 1, "")
    FollowUpService(clock).open_due(office.id)
    expected = {
        (22, 11): 3,
        (23, 11): 2,
        (24, 11): 2,  # Thursday, cuti bersama: Monday and Tuesday are left
        (27, 11): 2,  # Sunday
        (28, 11): 1,
        (29, 9): 0,
        (29, 11): 0,  # overdue since 10:00, still the due day
        (30, 11): -1,
    }
    for (day, hour), days in expected.items():
        clock.set(wib(2026, 12, day, hour, 0))
        (row,) = follow_ups(office.id, clock.now())
        assert row.days_left == days, (day, hour)
    assert follow_ups(office.id, clock.now())[0].overdue

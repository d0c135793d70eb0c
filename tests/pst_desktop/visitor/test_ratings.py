import pytest

from models.entities import Desk, Rating, Role, ServiceType, Visit, VisitStatus
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.queue import QueueService


@pytest.fixture
def finished_visit(make_actor, clock, office):
    receptionist, officer = make_actor(Role.RECEPTIONIST), make_actor(Role.OFFICER)
    visitor = RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Tini", email="tini@example.com", gender="female", consent=True),
    )
    queue = QueueService(clock)
    service = ServiceType.get(ServiceType.code == "consultation")
    ticket = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)
    queue.call_next(officer, Desk.select().first().id)
    clock.advance(minutes=20)
    return queue.finish(officer, ticket.visit_id), officer


def test_one_rating_per_visit_linked_to_the_officer(finished_visit, clock):
    visit, officer = finished_visit
    ratings = RatingService(clock)
    rating = ratings.record(visit.id, 4, "  Sangat membantu ")
    assert rating.officer_id == officer.user_id and rating.comment == "Sangat membantu"
    assert Visit.get_by_id(visit.id).status == VisitStatus.DONE
    with pytest.raises(Conflict, match="already been rated"):
        ratings.record(visit.id, 1)
    assert Rating.select().count() == 1 and Rating.get().score == 4


@pytest.mark.parametrize("score", [0, 5, -1, "4"])
def test_score_outside_the_scale_is_refused(finished_visit, clock, score):
    visit, _ = finished_visit
    with pytest.raises(ValidationError):
        RatingService(clock).record(visit.id, score)
    assert Rating.select().count() == 0


def test_unfinished_or_unknown_visit_cannot_be_rated(make_actor, clock, office, finished_visit):
    visit, _ = finished_visit
    with pytest.raises(NotFound):
        RatingService(clock).record(visit.id + 1000, 3)
    Visit.update(status=VisitStatus.SERVING.value).where(Visit.id == visit.id).execute()
    with pytest.raises(Conflict):
        RatingService(clock).record(visit.id, 3)


def test_a_late_rating_is_still_kept(finished_visit, clock):
    visit, _ = finished_visit
    clock.advance(minutes=10)
    assert QueueService(clock).expire_rating_requests(visit.office_id) == 1
    assert RatingService(clock).record(visit.id, 3).score == 3

"""What the app accepts, both databases store and export.

One validation on SQLite and PostgreSQL, read from the models' column limits; no control
character is stored (except the line breaks a multi-line field allows); a rating score is a
number, never a truth value; an appointment is at most a year ahead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import Appointment, Rating, Role, UserAccount, Visit, Visitor
from pst_desktop.core.errors import ValidationError
from pst_desktop.core.text import clean_text, max_length
from pst_desktop.frontdesk.appointments import AppointmentService
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, service
from tests.support import wib


def form(**values) -> VisitorForm:
    base = {"name": "Siti Aminah", "email": "siti@example.com", "gender": "female"}
    return VisitorForm(consent=True, **{**base, **values})


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


def test_the_limits_come_from_the_models():
    assert max_length(Visitor.occupation_other) == Visitor.occupation_other.max_length == 120
    assert max_length(Visit.purpose) == 40
    assert max_length(Visitor.created_at) is None


def test_other_occupation_longer_than_its_column_is_refused(receptionist, clock):
    limit = Visitor.occupation_other.max_length
    registration = RegistrationService(clock)
    with pytest.raises(ValidationError) as refusal:
        registration.register(
            receptionist, form(occupation="other", occupation_other="x" * (limit + 1))
        )
    assert set(refusal.value.fields) == {"occupation_other"}
    assert str(limit) in refusal.value.fields["occupation_other"]
    assert Visitor.select().count() == 0
    stored = registration.register(
        receptionist, form(occupation="other", occupation_other="y" * limit)
    )
    assert Visitor.get_by_id(stored.id).occupation_other == "y" * limit


def test_an_institution_name_longer_than_its_column_is_refused_not_cut(receptionist, clock):
    limit = Visitor.institution_name.max_length
    with pytest.raises(ValidationError) as refusal:
        RegistrationService(clock).register(receptionist, form(institution_name="B" * (limit + 1)))
    assert set(refusal.value.fields) == {"institution_name"}


def test_nul_and_control_characters_are_not_stored(receptionist, clock):
    visitor = RegistrationService(clock).register(
        receptionist,
        form(
            name="Siti\x00 Ami\x07nah",
            occupation="other",
            occupation_other="Peta\x00ni",
            institution_name="Dinas\x1b Pertanian\r\n",
        ),
    )
    stored = Visitor.get_by_id(visitor.id)
    assert (stored.name, stored.occupation_other, stored.institution_name) == (
        "Siti Aminah",
        "Petani",
        "Dinas Pertanian",
    )


def test_the_staff_name_fits_its_column(admin, accounts):
    limit = UserAccount.full_name.max_length
    with pytest.raises(ValidationError) as refusal:
        accounts.create(admin, "rina", "R" * (limit + 1), Role.OFFICER, "rahasia-123")
    assert set(refusal.value.fields) == {"full_name"}
    with pytest.raises(ValidationError) as refusal:
        accounts.create(admin, "r" * 61, "Rina", Role.OFFICER, "rahasia-123")
    assert set(refusal.value.fields) == {"username"}
    account = accounts.create(admin, "rina", "Rina\x00 Wati", Role.OFFICER, "rahasia-123")
    assert UserAccount.get_by_id(account.id).full_name == "Rina Wati"


@pytest.mark.parametrize("purpose", ["p" * 41, "tidak ada di daftar", "research\x00x"])
def test_a_purpose_must_be_one_of_the_seeded_list(office, clock, receptionist, purpose):
    visitor = RegistrationService(clock).register(receptionist, form())
    queue = QueueService(clock)
    with pytest.raises(ValidationError) as refusal:
        queue.issue_ticket(
            receptionist,
            visitor_id=visitor.id,
            service_id=service(office).id,
            purpose=purpose,
        )
    assert set(refusal.value.fields) == {"purpose"}
    assert Visit.select().count() == 0
    ticket = queue.issue_ticket(
        receptionist, visitor_id=visitor.id, service_id=service(office).id, purpose="research"
    )
    assert Visit.get_by_id(ticket.visit_id).purpose == "research"


@pytest.fixture
def finished_visit(office, clock, receptionist, make_actor):
    officer = make_actor(Role.OFFICER)
    visitor = RegistrationService(clock).register(receptionist, form())
    queue = QueueService(clock)
    ticket = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service(office).id)
    queue.call_next(officer, desks(office)[0].id)
    clock.advance(minutes=20)
    return queue.finish(officer, ticket.visit_id)


def test_a_rating_comment_keeps_line_breaks_and_loses_control_characters(finished_visit, clock):
    rating = RatingService(clock).record(
        finished_visit.id, 4, "Bagus\x0b sekali\r\nterima\x00 kasih\x1f\tya"
    )
    assert Rating.get_by_id(rating.id).comment == "Bagus sekali\nterima kasih ya"


@pytest.mark.parametrize("score", [True, False])
def test_a_rating_score_of_true_or_false_is_refused(finished_visit, clock, score):
    with pytest.raises(ValidationError) as refusal:
        RatingService(clock).record(finished_visit.id, score)
    assert set(refusal.value.fields) == {"score"}
    assert Rating.select().count() == 0


@pytest.mark.parametrize(
    "when",
    [wib(9999, 12, 31, 10, 0), wib(2027, 11, 26, 10, 0)],
    ids=["year-9999", "a-year-and-two-days"],
)
def test_an_appointment_beyond_a_year_ahead_is_refused(office, clock, receptionist, when):
    visitor = RegistrationService(clock).register(receptionist, form())
    appointments = AppointmentService(clock)
    with pytest.raises(ValidationError) as refusal:
        appointments.book(
            receptionist, visitor_id=visitor.id, service_id=service(office).id, scheduled_at=when
        )
    assert set(refusal.value.fields) == {"scheduled_at"}
    assert Appointment.select().count() == 0
    booked = appointments.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=service(office).id,
        scheduled_at=wib(2027, 11, 23, 10, 0),
        note="Bawa\x00 KTP\r\nlantai 2",
    )
    assert Appointment.get_by_id(booked.id).note == "Bawa KTP\nlantai 2"


def test_clean_text():
    assert clean_text("  a\x00b\u2028c\n d ") == "ab c d"
    assert clean_text("a\r\n\x0cb\tc\x85", multiline=True) == "a\nb c"
    assert clean_text(None) == ""
    assert clean_text("\ud800x") == "x"


def test_consultation_records_and_online_consultations_fit_their_columns(office, clock, make_actor):
    from models.entities import Consultation
    from pst_desktop.officer.online import OnlineService
    from tests.pst_desktop.officer_support import served_record

    officer = make_actor(Role.OFFICER)
    visit_id = served_record(
        office,
        clock,
        officer,
        make_actor,
        topic="PDRB\x00 Bengkulu",
        question="Berapa\x07 PDRB?\r\nTahun 2025.",
        answer="52,3\x1b juta",
    )
    stored = Consultation.get(Consultation.visit == visit_id)
    assert (stored.topic, stored.question, stored.answer) == (
        "PDRB Bengkulu",
        "Berapa PDRB?\nTahun 2025.",
        "52,3 juta",
    )
    online = OnlineService(clock)
    for values, field in (
        ({"contact": "x" * (Visit.contact.max_length + 1)}, "contact"),
        ({"topic": "t" * (Consultation.topic.max_length + 1)}, "topic"),
    ):
        with pytest.raises(ValidationError) as refusal:
            online.open(
                officer,
                channel="email",
                **{"contact": "ika@example.com", "question": "PDRB?", **values},
            )
        assert set(refusal.value.fields) == {field}
    visit = online.open(officer, channel="email", contact="ika@\x00example.com", question="Q\x00?")
    assert Visit.get_by_id(visit.id).contact == "ika@example.com"


def test_admin_texts_and_cancel_reasons_store_no_control_characters(
    office, clock, admin, make_actor
):
    from models.entities import ClosureDay
    from pst_desktop.admin.administration import Administration
    from pst_desktop.visits.queue import QueueService

    Administration(clock).add_closure(admin, dt.date(2026, 12, 1), "Rapat\x00 kantor\x07")
    assert ClosureDay.get().reason == "Rapat kantor"
    receptionist = make_actor(Role.RECEPTIONIST)
    visitor = RegistrationService(clock).register(receptionist, form())
    queue = QueueService(clock)
    ticket = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service(office).id)
    queue.cancel(receptionist, ticket.visit_id, "Pulang\x00 duluan")
    assert Visit.get_by_id(ticket.visit_id).cancel_reason == "Pulang duluan"


def test_searching_the_guest_book_with_a_nul_finds_instead_of_failing(receptionist, clock):
    registration = RegistrationService(clock)
    visitor = registration.register(receptionist, form())
    assert [v.id for v in registration.find(receptionist, "Siti\x00 Ami")] == [visitor.id]

import datetime as dt

import pytest

from models.entities import Appointment, Desk, Role, ServiceType, Visit, VisitStatus
from pst_desktop.core.errors import Conflict, OutsideServiceHours, ValidationError
from pst_desktop.frontdesk import reception
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import (
    LEFT_REASON,
    FrontDesk,
    Stage,
    WaitLevel,
    appointment_offer,
    desk_setup,
    minutes_text,
    queue_snapshot,
    stage_of,
    wait_level,
    wait_of,
)
from pst_desktop.sop.standards import Verdict
from tests.support import wib

T0 = wib(2026, 11, 24, 10, 0)


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        (VisitStatus.WAITING, Stage.WAITING),
        (VisitStatus.CALLED, Stage.CALLED),
        (VisitStatus.SERVING, Stage.SERVING),
        (VisitStatus.AWAITING_RATING, Stage.DONE),
        (VisitStatus.DONE, Stage.DONE),
        (VisitStatus.SKIPPED, Stage.CLOSED),
        (VisitStatus.CANCELLED, Stage.CLOSED),
    ],
)
def test_every_status_has_a_front_desk_stage(status, stage):
    assert stage_of(status.value) is stage


def test_wait_runs_while_waiting_and_stops_at_the_call():
    issued = T0
    now = T0 + dt.timedelta(minutes=20)
    assert wait_of(Stage.WAITING, issued, None, now) == dt.timedelta(minutes=20)
    called = T0 + dt.timedelta(minutes=7)
    assert wait_of(Stage.CALLED, issued, called, now) == dt.timedelta(minutes=7)
    assert wait_of(Stage.DONE, issued, called, now) == dt.timedelta(minutes=7)
    assert wait_of(Stage.CLOSED, issued, None, now) is None
    # a clock a little behind the issuing PC never shows a negative wait
    assert wait_of(Stage.WAITING, issued, None, T0 - dt.timedelta(seconds=5)) == dt.timedelta(0)


@pytest.mark.parametrize(
    ("minutes", "level"),
    [
        (0, WaitLevel.OK),
        (14.9, WaitLevel.OK),
        (15, WaitLevel.WARNING),
        (29.9, WaitLevel.WARNING),
        (30, WaitLevel.ALERT),
        (300, WaitLevel.ALERT),
    ],
)
def test_waiting_ticket_turns_amber_then_red(minutes, level):
    assert wait_level(Stage.WAITING, dt.timedelta(minutes=minutes)) is level


def test_only_a_waiting_ticket_is_coloured():
    long = dt.timedelta(hours=2)
    for stage in (Stage.CALLED, Stage.SERVING, Stage.DONE, Stage.CLOSED):
        assert wait_level(stage, long) is WaitLevel.OK
    assert wait_level(Stage.WAITING, None) is WaitLevel.OK


def test_minutes_text():
    assert minutes_text(None) == ""
    assert minutes_text(dt.timedelta(seconds=59)) == "0:00"
    assert minutes_text(dt.timedelta(minutes=7, seconds=30)) == "0:07"
    assert minutes_text(dt.timedelta(minutes=65)) == "1:05"


@pytest.mark.parametrize(
    ("now", "opens", "suggested"),
    [
        # Tuesday after closing: the desk opens Wednesday 08:00, suggested then
        (wib(2026, 11, 24, 16, 0), wib(2026, 11, 25, 8, 0), wib(2026, 11, 25, 8, 0)),
        # Tuesday before opening: 1 hour ahead rounded to the quarter, not before opening
        (wib(2026, 11, 24, 6, 50), wib(2026, 11, 24, 8, 0), wib(2026, 11, 24, 8, 0)),
        (wib(2026, 11, 24, 7, 20), wib(2026, 11, 24, 8, 0), wib(2026, 11, 24, 8, 30)),
        # Friday late: Monday's opening
        (wib(2026, 11, 27, 16, 30), wib(2026, 11, 30, 8, 0), wib(2026, 11, 30, 8, 0)),
    ],
)
def test_appointment_offer(db, office, now, opens, suggested):
    offer = appointment_offer(office.id, now)
    assert offer.opens_at == opens
    assert offer.suggested == suggested
    assert offer.earliest_today >= now + dt.timedelta(hours=1)
    assert offer.outside_hours


def test_appointment_offer_during_open_hours_is_not_outside_hours(db, office):
    offer = appointment_offer(office.id, wib(2026, 11, 24, 10, 0))  # Tuesday morning, open
    assert not offer.outside_hours
    assert offer.suggested == wib(2026, 11, 24, 11, 0)


def test_registration_standard_is_ten_minutes():
    started = T0
    assert reception.registration_measure(None, T0).verdict is Verdict.NOT_APPLICABLE
    assert reception.registration_measure(started, T0 + dt.timedelta(minutes=10)).verdict is (
        Verdict.RUNNING
    )
    assert reception.registration_measure(started, T0 + dt.timedelta(minutes=11)).verdict is (
        Verdict.OVERDUE
    )


# -- with the database -----------------------------------------------------------------------------
@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def visitor(receptionist, clock):
    form = VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True)
    return RegistrationService(clock).register(receptionist, form)


@pytest.fixture
def services(office):
    return {s.code: s for s in ServiceType.select().where(ServiceType.office == office.id)}


def test_the_desk_setup_follows_the_admins_services_and_time_zone(db, office, admin, clock):
    from pst_desktop.admin.administration import Administration

    setup = desk_setup(office.id)
    assert str(setup.zone) == "Asia/Jakarta"
    assert [s.prefix for s in setup.services] == [
        s.prefix for s in reception.services_of(office.id)
    ]
    walk = Administration(clock).save_service(
        admin, None, code="walk_data", prefix="W", name="Walk-in data"
    )
    Administration(clock).save_profile(
        admin, name=office.name, address="", time_zone="Asia/Makassar"
    )
    setup = desk_setup(office.id)
    assert str(setup.zone) == "Asia/Makassar"
    [new] = [s for s in setup.services if s.service_id == walk.id]
    assert (new.prefix, new.served) == ("W", False)  # no desk serves it yet


def test_snapshot_counts_each_stage_per_service(
    db, office, receptionist, make_actor, visitor, services, clock
):
    fd = FrontDesk(clock)
    k, p = services["consultation"], services["library"]
    tickets = [fd.issue(receptionist, visitor_id=visitor.id, service_id=s.id) for s in (k, k, k, p)]
    officer = make_actor(Role.OFFICER)
    desk = Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()
    clock.advance(minutes=20)
    called = fd.queue.call_next(officer, desk.id)
    assert called.id == tickets[0].visit_id
    fd.mark_left(receptionist, tickets[1].visit_id)
    snapshot = queue_snapshot(office.id, clock.now())
    by_code = {row.code: row for row in snapshot.rows}
    assert list(by_code) == ["K-001", "K-002", "K-003", "P-001"]
    assert by_code["K-001"].stage is Stage.CALLED
    assert by_code["K-001"].desk_name == desk.name
    assert by_code["K-001"].visitor_name == "Siti Aminah"
    assert by_code["K-002"].stage is Stage.CLOSED and by_code["K-002"].left
    assert by_code["K-003"].stage is Stage.WAITING
    assert by_code["K-003"].waited(clock.now()) == dt.timedelta(minutes=20)
    assert by_code["K-003"].level(clock.now()) is WaitLevel.WARNING
    counts = {c.prefix: c for c in snapshot.counts}
    assert (counts["K"].waiting, counts["K"].called, counts["K"].closed) == (1, 1, 1)
    assert counts["P"].waiting == 1
    assert counts["D"].waiting == 0
    assert snapshot.is_open


def test_marking_left_is_a_cancellation_with_the_left_reason(
    db, receptionist, visitor, services, clock
):
    fd = FrontDesk(clock)
    ticket = fd.issue(receptionist, visitor_id=visitor.id, service_id=services["library"].id)
    fd.mark_left(receptionist, ticket.visit_id)
    visit = Visit.get_by_id(ticket.visit_id)
    assert visit.status == VisitStatus.CANCELLED.value
    assert visit.cancel_reason == LEFT_REASON
    with pytest.raises(Conflict):  # already closed
        fd.mark_left(receptionist, ticket.visit_id)


def test_cancel_needs_a_reason(db, receptionist, visitor, services, clock):
    fd = FrontDesk(clock)
    ticket = fd.issue(receptionist, visitor_id=visitor.id, service_id=services["library"].id)
    with pytest.raises(ValidationError):
        fd.cancel(receptionist, ticket.visit_id, "  ")
    fd.cancel(receptionist, ticket.visit_id, "Salah layanan")
    assert Visit.get_by_id(ticket.visit_id).cancel_reason == "Salah layanan"


def test_an_appointment_that_arrives_is_checked_in_inside_hours(
    db, office, receptionist, visitor, services, clock
):
    fd = FrontDesk(clock)
    clock.set(wib(2026, 11, 23, 16, 0))  # Monday after closing: book Tuesday 10:30
    appointment = fd.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=services["consultation"].id,
        scheduled_at=wib(2026, 11, 24, 10, 30),
    )
    clock.set(wib(2026, 11, 24, 10, 0))
    rows = queue_snapshot(office.id, clock.now()).appointments
    assert [(r.appointment_id, r.can_check_in) for r in rows] == [(appointment.id, True)]
    ticket = fd.check_in(receptionist, appointment.id)
    assert ticket.code == "K-001"
    assert Visit.get_by_id(ticket.visit_id).appointment_id == appointment.id
    assert Appointment.get_by_id(appointment.id).status == "checked_in"
    with pytest.raises(Conflict):
        fd.check_in(receptionist, appointment.id)
    snapshot = queue_snapshot(office.id, clock.now())
    assert snapshot.rows[0].from_appointment
    assert [r.status for r in snapshot.appointments] == ["checked_in"]


def test_outside_hours_the_ticket_needs_an_appointment(db, receptionist, visitor, services, clock):
    fd = FrontDesk(clock)
    service = services["consultation"]
    clock.set(wib(2026, 11, 24, 16, 0))  # Tuesday after closing
    with pytest.raises(OutsideServiceHours):
        fd.issue(receptionist, visitor_id=visitor.id, service_id=service.id)
    offer = appointment_offer(visitor.office_id, clock.now())
    fd.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=service.id,
        scheduled_at=offer.earliest_today,
    )
    clock.set(offer.earliest_today + dt.timedelta(minutes=5))
    ticket = fd.issue(receptionist, visitor_id=visitor.id, service_id=service.id)
    assert ticket.code == "K-001"
    assert Visit.get_by_id(ticket.visit_id).appointment_id is not None


def test_check_in_too_early_is_refused(db, receptionist, visitor, services, clock):
    fd = FrontDesk(clock)
    appointment = fd.book(
        receptionist,
        visitor_id=visitor.id,
        service_id=services["consultation"].id,
        scheduled_at=wib(2026, 11, 25, 10, 0),
    )
    with pytest.raises(Conflict):
        fd.check_in(receptionist, appointment.id)
    assert Appointment.get_by_id(appointment.id).status == "booked"
    assert Visit.select().count() == 0


def test_the_snapshot_reads_one_day_even_when_sqlite_sampled_its_statistics(
    db, office, receptionist, visitor, services, clock
):
    """With ``analysis_limit`` every index of a year looked equally selective and SQLite read
    the office's whole history along (office, issued_at) to skip sorting one day (60-100 ms
    on a year); sorted in Python, the query has no reason to leave the day's index."""
    import logging

    import peewee as pw

    if not isinstance(db, pw.SqliteDatabase):
        pytest.skip("SQLite's planner")
    FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=services["library"].id)
    db.execute_sql("ANALYZE")
    db.execute_sql("DELETE FROM sqlite_stat1")
    sampled = {  # what ANALYZE sampling 400 rows per index gave on bench/stall.py's year
        "visit_online_status_since": "200540 401 401 401",
        "visit_office_id_issued_at": "268128 401 1",
        "visit_officer_id_status": "200000 401 401",
        "visit_status_service_id_issued_at": "217360 401 401 1",
        "visit_office_id_status_day": "240828 401 401 37",
        "visit_office_id_day_status": "291592 401 401 201",
        "visit_ticket_service_id_day_number": "332200 401 201 2",
        "visit_appointment_id": "223648 401",
        "visit_issued_by_id": "230000 401",
        "visit_officer_id": "284284 401",
        "visit_desk_id": "244442 401",
        "visit_ticket_service_id": "229440 401",
        "visit_service_id": "229440 401",
        "visit_visitor_id": "293040 3",
        "visit_office_id": "223648 401",
    }
    for index, stat in sampled.items():
        db.execute_sql("INSERT INTO sqlite_stat1 VALUES ('visit', ?, ?)", (index, stat))
    db.execute_sql("ANALYZE sqlite_schema")  # load the statistics
    statements: list[tuple[str, tuple]] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            statements.append(record.msg)

    logger, keep = logging.getLogger("peewee"), Keep()
    level = logger.level
    logger.addHandler(keep)
    logger.setLevel(logging.DEBUG)
    try:
        snapshot = queue_snapshot(office.id, clock.now())
    finally:
        logger.removeHandler(keep)
        logger.setLevel(level)
    assert [row.code for row in snapshot.rows] == ["P-001"]
    sql, params = next((s, p) for s, p in statements if 'FROM "visit"' in s and "JOIN" in s)
    plan = " ".join(str(row[-1]) for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params))
    assert "visit_office_id_day_status" in plan, plan

"""Follow-ups: opened by a low rating, a comment or a need not met, and by every
complaint; due in working days (a fixed clock across the cuti bersama of Christmas 2026);
taken, written and closed by an officer, closing only with an action note."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import (
    AuditLog,
    Complaint,
    Consultation,
    FollowUp,
    FollowUpSource,
    Role,
    SurveyChoice,
)
from pst_desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pst_desktop.officer.follow_ups import (
    ComplaintEntry,
    FollowUpService,
    FollowUpState,
    due_for,
    follow_ups,
    overdue,
)
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visitor.surveys import SurveyService
from tests.pst_desktop.visitor.survey_support import Visits, run_survey
from tests.support import wib

#: Tuesday 22 December 2026, 10:00 WIB.  Thursday 24 is cuti bersama (Natal), Friday 25 is
#: Christmas: three working days later is Tuesday 29 (Wed 23, Mon 28, Tue 29); without the
#: cuti bersama it would be Monday 28.
TUESDAY = wib(2026, 12, 22, 10, 0)
DUE = wib(2026, 12, 29, 10, 0)


@pytest.fixture
def visits(office, clock, make_actor):
    clock.set(TUESDAY)
    return Visits(office, clock, make_actor)


@pytest.fixture
def follow(clock):
    return FollowUpService(clock)


def rated(visits, clock, score: int, comment: str = "") -> int:
    visit = visits.finished()
    RatingService(clock).record(visit, score, comment)
    return visit


def test_due_in_three_working_days_skipping_cuti_bersama_and_christmas(office, clock):
    assert due_for(office.id, TUESDAY) == DUE
    # opened on a Saturday: counted from Monday's opening (Tue 22, Wed 23, Mon 28)
    assert due_for(office.id, wib(2026, 12, 19, 11, 0)) == wib(2026, 12, 28, 8, 0)


def test_a_low_rating_opens_a_follow_up_due_after_the_holidays(visits, clock, follow, office):
    visit = rated(visits, clock, 2)
    assert follow.open_due(office.id) == 1
    assert follow.open_due(office.id) == 0  # one per visit, whichever PC runs it again
    (row,) = follow_ups(office.id, clock.now())
    assert (row.source, row.visit_id, row.opened_at, row.due_at) == (
        FollowUpSource.LOW_RATING, visit, TUESDAY, DUE,
    )  # fmt: skip
    assert (row.state, row.overdue, row.rating, row.element) == (
        FollowUpState.OPEN,
        False,
        "2/4",
        "",
    )
    assert row.ticket.startswith("K-") and row.visit_officer == visits.officer.name
    # the warning on the day it falls due, overdue a minute after
    clock.set(wib(2026, 12, 29, 9, 0))
    (row,) = follow_ups(office.id, clock.now())
    assert row.due_today and not row.overdue
    clock.set(wib(2026, 12, 29, 10, 1))
    assert [r.id for r in overdue(office.id, clock.now())] == [row.id]
    assert not follow_ups(office.id, clock.now())[0].due_today


def test_the_admins_number_of_days(visits, clock, follow, office, admin):
    run_survey(admin, clock, SurveyChoice.NONE, follow_up_days=1)
    rated(visits, clock, 1)
    follow.open_due(office.id)
    # 1 working day after Tuesday 22 is Wednesday 23
    assert FollowUp.get().due_at == wib(2026, 12, 23, 10, 0)


def test_what_opens_one_and_what_does_not(visits, clock, follow, office):
    happy = rated(visits, clock, 4)  # a good rating, no comment: nothing
    middle = rated(visits, clock, 3, "Ruang tunggu kurang kursi")  # a comment
    clock.advance(minutes=30)
    unmet = visits.finished()  # need not yet met, not rated
    Consultation.create(
        visit=unmet, need_met="not_yet", created_at=clock.now(), updated_at=clock.now()
    )
    met = visits.finished()
    Consultation.create(
        visit=met, need_met="yes_fit", created_at=clock.now(), updated_at=clock.now()
    )
    draft = visits.finished()  # a draft record does not count yet
    Consultation.create(
        visit=draft, need_met="no", is_draft=True, created_at=clock.now(), updated_at=clock.now()
    )
    assert follow.open_due(office.id) == 2
    rows = {r.visit_id: r for r in follow_ups(office.id, clock.now())}
    assert set(rows) == {middle, unmet} and happy not in rows
    assert (rows[middle].source, rows[middle].said) == (
        FollowUpSource.COMMENT,
        "Ruang tunggu kurang kursi",
    )
    assert (rows[unmet].source, rows[unmet].element, rows[unmet].need_met) == (
        FollowUpSource.NEED_NOT_MET, "U5", "not_yet",
    )  # fmt: skip


def test_one_follow_up_per_visit_opened_at_its_first_cause(visits, clock, follow, office):
    visit = visits.finished()
    Consultation.create(visit=visit, need_met="no", created_at=clock.now(), updated_at=clock.now())
    finished = clock.now()
    clock.advance(minutes=3)
    RatingService(clock).record(visit, 1, "Datanya belum ada")
    SurveyService(clock).record_reasons(visit, ["U7", "U3"])
    follow.open_due(office.id)
    (row,) = follow_ups(office.id, clock.now())
    # the low rating names it; the element is the first reason in the regulation's order
    assert (row.source, row.element, row.opened_at) == (FollowUpSource.LOW_RATING, "U3", finished)


def test_only_recent_causes_are_looked_at(visits, clock, follow, office):
    rated(visits, clock, 1)
    clock.set(wib(2027, 1, 8, 10, 0))  # 17 days later
    assert follow.open_due(office.id) == 0


def test_take_write_and_close(visits, clock, follow, office, make_actor):
    rated(visits, clock, 2)
    follow.open_due(office.id)
    row_id = follow_ups(office.id, clock.now())[0].id
    officer, other = visits.officer, make_actor(Role.OFFICER)
    supervisor = make_actor(Role.SUPERVISOR)
    clock.advance(hours=1)
    taken = follow.take(officer, row_id)
    assert (taken.state, taken.taken_by_id, taken.taken_at) == (
        FollowUpState.TAKEN,
        officer.user_id,
        clock.now(),
    )
    with pytest.raises(PermissionDenied, match="Another officer took"):
        follow.write_action(other, row_id, "Saya telepon")
    with pytest.raises(ValidationError, match="Write what was done"):
        follow.close(officer, row_id)
    with pytest.raises(ValidationError, match="Write what was done"):
        follow.close(officer, row_id, "   ")
    assert FollowUp.get_by_id(row_id).closed_at is None
    written = follow.write_action(
        officer, row_id, "Pengunjung ditelepon, data dikirim lewat e-mail"
    )
    assert written.action_note.startswith("Pengunjung ditelepon")
    clock.set(wib(2026, 12, 28, 14, 0))
    closed = follow.close(officer, row_id)  # the note written before is enough
    assert closed.state is FollowUpState.CLOSED and closed.closed_in_time
    assert closed.closed_by == officer.name
    assert follow_ups(office.id, clock.now()) == []
    assert [r.id for r in follow_ups(office.id, clock.now(), closed_since=TUESDAY)] == [row_id]
    with pytest.raises(Conflict, match="closed already"):
        follow.close(supervisor, row_id, "lagi")
    assert AuditLog.select().where(AuditLog.entity == "follow_up").count() == 1
    # a supervisor may act on one another officer took
    rated(visits, clock, 1)
    follow.open_due(office.id)
    second = follow_ups(office.id, clock.now())[0].id
    follow.take(other, second)
    late = wib(2026, 12, 31, 9, 0)  # due 28 Dec 14:00 + 3 working days = Thu 31 Dec 14:00
    clock.set(late)
    assert follow.close(supervisor, second, "Sudah dijelaskan").closed_by == supervisor.name
    with pytest.raises(PermissionDenied):
        follow.take(make_actor(Role.RECEPTIONIST), second)
    with pytest.raises(NotFound):
        follow.take(officer, 999_999)


def test_closed_late_is_not_in_time(visits, clock, follow, office):
    rated(visits, clock, 2)
    follow.open_due(office.id)
    row_id = FollowUp.get().id
    clock.set(wib(2026, 12, 29, 10, 1))
    closed = follow.close(visits.officer, row_id, "Dibalas lewat e-mail")
    assert not closed.closed_in_time and not closed.overdue


def test_complaints_are_recorded_by_staff_with_the_same_deadline(
    visits, clock, follow, office, make_actor
):
    receptionist = make_actor(Role.RECEPTIONIST)
    row = follow.record_complaint(
        receptionist, ComplaintEntry("U9", "  AC ruang tunggu mati\nsejak pagi ")
    )
    assert (row.source, row.element, row.visit_id, row.due_at) == (
        FollowUpSource.COMPLAINT,
        "U9",
        None,
        DUE,
    )
    assert row.said == "AC ruang tunggu mati\nsejak pagi"
    complaint = Complaint.get()
    assert (complaint.recorded_by_id, complaint.received_at) == (receptionist.user_id, TUESDAY)
    visit = visits.finished()
    for_visit = follow.record_complaint(
        visits.officer, ComplaintEntry("U7", "Petugas kurang ramah", visit)
    )
    assert for_visit.visit_id == visit and for_visit.ticket
    # a second complaint about the same visit is another follow-up
    follow.record_complaint(visits.officer, ComplaintEntry("U3", "Lama menunggu", visit))
    assert FollowUp.select().count() == 3
    with pytest.raises(ValidationError) as refused:
        follow.record_complaint(receptionist, ComplaintEntry("U10", ""))
    assert set(refused.value.fields) == {"element", "summary"}
    with pytest.raises(NotFound):
        follow.record_complaint(receptionist, ComplaintEntry("U1", "Syarat", 999_999))
    assert Complaint.select().count() == 3
    # a low rating opens its own follow-up beside the complaints
    RatingService(clock).record(visit, 1)
    assert follow.open_due(office.id) == 1


def test_classify_a_follow_up(visits, clock, follow, office):
    rated(visits, clock, 2)
    follow.open_due(office.id)
    row_id = FollowUp.get().id
    assert follow.classify(visits.officer, row_id, "U6").element == "U6"
    with pytest.raises(ValidationError):
        follow.classify(visits.officer, row_id, "U0")


def test_no_personal_data_in_the_rows(visits, clock, follow, office):
    rated(visits, clock, 1)
    follow.open_due(office.id)
    (row,) = follow_ups(office.id, clock.now())
    text = repr(row)
    assert "Siti" not in text and "example.com" not in text
    assert dt.timedelta(0) < row.due_at - row.opened_at

"""Demo data: deterministic, only on working days, gap-free numbers, consistent timelines."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest

from models.catalog import GUEST_BOOK_LISTS
from models.database import database_proxy
from models.entities import (
    Channel,
    Consultation,
    Rating,
    ServiceType,
    TicketCounter,
    UserAccount,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop import cli, demo
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import EMAIL_RE, PHONE_RE
from pst_desktop.sop.office_calendar import OfficeCalendar, national_holidays
from tests.support import wib

# 13–21 August 2026: a weekend (15–16) and Independence Day (Monday 17) inside
AUGUST_END = dt.date(2026, 8, 21)
AUGUST_DAYS = [dt.date(2026, 8, d) for d in (13, 14, 18, 19, 20, 21)]


def codes(list_name: str) -> set[str]:
    return {code for code, _, _ in GUEST_BOOK_LISTS[list_name]}


def fingerprint() -> list[tuple]:
    """What a run wrote, independent of the database's ids."""
    services = {s.id: s.code for s in ServiceType.select()}
    rows = []
    query = (
        Visit.select(Visit, Visitor).join(Visitor).order_by(Visit.day, Visit.issued_at, Visit.id)
    )
    for v in query:
        rows.append(
            (
                v.day,
                services[v.ticket_service_id],
                v.number,
                v.status,
                v.channel,
                v.purpose,
                v.registration_started_at,
                v.issued_at,
                v.called_at,
                v.service_started_at,
                v.finished_at,
                v.visitor.name,
                v.visitor.email,
            )
        )
    return rows


@pytest.fixture
def august(db, office, clock):
    return demo.generate(days=6, seed=11, end=AUGUST_END, clock=clock)


def test_same_seed_same_data(db, office, clock, tmp_path):
    first = demo.generate(days=4, seed=5, visits_per_day=30, end=AUGUST_END, clock=clock)
    rows = fingerprint()
    counts = (Visit.select().count(), Visitor.select().count(), Rating.select().count())
    other = open_database("sqlite:///" + str(tmp_path / "other.db"))
    try:
        create_office(clock)
        second = demo.generate(days=4, seed=5, visits_per_day=30, end=AUGUST_END, clock=clock)
        assert second == first
        assert fingerprint() == rows
        assert (Visit.select().count(), Visitor.select().count(), Rating.select().count()) == counts
    finally:
        other.close()
        database_proxy.initialize(db)
    assert first.visits == counts[0] > 4 * 15
    assert first.consultations == Consultation.select().count() > 0
    assert first.ratings == counts[2] > 0
    assert first.password in str(first) and "\n" not in str(first)


def test_different_seed_different_data(db, office, clock):
    demo.generate(days=2, seed=1, end=AUGUST_END, clock=clock)
    rows = fingerprint()
    Visit.delete().execute()
    TicketCounter.delete().execute()
    demo.generate(days=2, seed=2, end=AUGUST_END, clock=clock)
    assert fingerprint() != rows


def test_only_working_days(august, office):
    holidays = national_holidays(2026)
    span = [AUGUST_DAYS[0] + dt.timedelta(days=i) for i in range(9)]
    assert any(d in holidays for d in span) and any(d.weekday() >= 5 for d in span)
    days = sorted({v.day for v in Visit.select(Visit.day)})
    assert days == AUGUST_DAYS == august.days
    calendar = OfficeCalendar.for_office(office.id)
    assert all(calendar.is_working_day(d) and d not in holidays for d in days)


def test_numbers_gap_free_and_counters_match(august):
    numbers: dict[tuple[int, dt.date], list[int]] = defaultdict(list)
    for v in Visit.select():
        if v.channel == Channel.WALK_IN:
            numbers[(v.ticket_service_id, v.day)].append(v.number)
            assert v.service_id == v.ticket_service_id
        else:
            assert v.number is None and v.channel in ("portal", "email", "whatsapp")
    assert numbers
    for key, found in numbers.items():
        assert sorted(found) == list(range(1, len(found) + 1)), key
    counters = {(c.service_id, c.day): c.last for c in TicketCounter.select()}
    assert counters == {key: len(found) for key, found in numbers.items()}
    assert august.online_visits == Visit.select().where(Visit.number.is_null()).count() > 0


def test_timestamps_ordered_inside_hours_and_officers_never_double_booked(august, office):
    calendar = OfficeCalendar.for_office(office.id)
    busy: dict[int, list[tuple]] = defaultdict(list)
    statuses = defaultdict(int)
    long_services = 0
    for v in Visit.select():
        opens, closes = calendar.hours_on(v.day)
        chain = [
            v.registration_started_at,
            v.issued_at,
            v.called_at,
            v.service_started_at,
            v.finished_at,
        ]
        present = [t for t in chain if t is not None]
        assert present == sorted(present), v.id
        assert all(opens <= t <= closes for t in [*present, v.updated_at]), v.id
        assert calendar.office_day(v.issued_at) == v.day
        statuses[v.status] += 1
        walk_in = v.channel == Channel.WALK_IN
        if walk_in:
            gap = v.issued_at - v.registration_started_at
            assert dt.timedelta(minutes=2) <= gap <= dt.timedelta(minutes=12)
            assert v.issued_by_id is not None
        if v.status == VisitStatus.DONE:
            assert None not in (v.called_at, v.service_started_at, v.finished_at, v.officer_id)
            assert (v.desk_id is not None) == walk_in
            busy[v.officer_id].append((v.called_at, v.finished_at))
            long_services += v.finished_at - v.service_started_at > dt.timedelta(hours=3)
        elif v.status == VisitStatus.SKIPPED:
            assert v.called_at is not None and v.finished_at is None and v.desk_id is not None
            busy[v.officer_id].append((v.called_at, v.updated_at))
        else:
            assert v.status == VisitStatus.CANCELLED and v.cancel_reason
            assert v.called_at is None and v.officer_id is None
    assert statuses[VisitStatus.DONE] > 0.8 * sum(statuses.values())
    for officer, spans in busy.items():
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, officer
    assert long_services <= 0.05 * statuses[VisitStatus.DONE]


def test_ratings_and_consultations(august):
    visits = {v.id: v for v in Visit.select()}
    consultation = ServiceType.get(ServiceType.code == "consultation").id
    ratings = list(Rating.select())
    assert len({r.visit_id for r in ratings}) == len(ratings) == august.ratings
    done = [v for v in visits.values() if v.status == VisitStatus.DONE]
    assert len(ratings) > 0.5 * len(done)
    for r in ratings:
        visit = visits[r.visit_id]
        assert visit.status == VisitStatus.DONE and r.officer_id == visit.officer_id
        assert 1 <= r.score <= r.scale_max == 4
        assert visit.finished_at <= r.created_at <= visit.finished_at + dt.timedelta(minutes=5)
    assert sum(r.score >= 3 for r in ratings) > 0.8 * len(ratings)
    for c in Consultation.select():
        visit = visits[c.visit_id]
        assert visit.service_id == consultation and visit.status == VisitStatus.DONE
        assert c.topic and c.question and c.answer and c.officer_id == visit.officer_id
        assert c.need_met in codes("need_met")


def test_visitors_and_staff_are_plausible(august):
    visitors = list(Visitor.select())
    assert len(visitors) == august.new_visitors
    for v in visitors:
        assert EMAIL_RE.match(v.email) and PHONE_RE.match(v.phone), (v.email, v.phone)
        assert v.gender in codes("gender") and v.education in codes("education")
        assert v.occupation in codes("occupation")
        assert v.institution_category in codes("institution_category")
        assert v.disability in codes("disability") and v.consent
        assert (v.occupation == "other") == bool(v.occupation_other)
        assert 1950 < v.birth_year < 2012
    occupations = defaultdict(int)
    for v in visitors:
        occupations[v.occupation] += 1
    assert max(occupations, key=occupations.get) == "student"
    per_visitor = defaultdict(int)
    for v in Visit.select(Visit.visitor):
        per_visitor[v.visitor_id] += 1
    assert any(n > 1 for n in per_visitor.values())  # returning visitors
    purposes = {v.purpose for v in Visit.select(Visit.purpose)}
    assert purposes <= codes("purpose")
    roles = defaultdict(int)
    for account in UserAccount.select():
        roles[account.role] += 1
    assert roles == {"admin": 1, "supervisor": 1, "receptionist": 2, "officer": 4}
    assert len({a.password_hash for a in UserAccount.select()}) == 1


def test_second_run_skips_filled_days(db, office, clock):
    first = demo.generate(days=3, seed=3, end=AUGUST_END, clock=clock)
    again = demo.generate(days=3, seed=3, end=AUGUST_END, clock=clock)
    assert again.days == [] and again.skipped_days == first.days and again.visits == 0
    assert "skipped" in str(again)
    assert again.accounts_created == 0
    more = demo.generate(days=5, seed=3, end=AUGUST_END, clock=clock)
    assert len(more.days) == 2 and len(more.skipped_days) == 3
    assert Visit.select().count() == first.visits + more.visits


def test_default_end_is_yesterday_and_future_is_refused(db, office):
    clock = FixedClock(wib(2026, 8, 18, 7, 0))  # Tuesday, before opening
    summary = demo.generate(days=1, seed=1, clock=clock)
    assert summary.days == [dt.date(2026, 8, 14)]  # Monday 17 is a holiday
    with pytest.raises(ValueError):
        demo.generate(days=1, seed=1, end="2026-08-19", clock=clock)
    with pytest.raises(ValueError):
        demo.generate(days=1, seed=1, end="18/08/2026", clock=clock)


def test_cli_demo_data(db_url, capsys):
    code = cli.main(
        ["--db", db_url, "demo-data", "--days", "3", "--seed", "1", "--end", "2026-08-21"]
    )
    cli_db = database_proxy.obj
    try:
        out = capsys.readouterr().out
        assert code == 0, out
        assert "3 working days" in out and "demo12345" in out
        assert sorted({v.day for v in Visit.select(Visit.day)}) == AUGUST_DAYS[-3:]
    finally:
        cli_db.close()
        database_proxy.initialize(None)


def test_cli_refuses_bad_end(db_url, capsys):
    code = cli.main(["--db", db_url, "demo-data", "--days", "3", "--end", "not-a-date"])
    cli_db = database_proxy.obj
    try:
        assert code == cli.EXIT_FAILED
        assert "--end" in capsys.readouterr().err
    finally:
        cli_db.close()
        database_proxy.initialize(None)

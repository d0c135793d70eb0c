"""Online consultations: the SOP clock across a holiday and a weekend, and auto-close once."""

from __future__ import annotations

import threading

import pytest

from models.database import database_proxy
from models.entities import AuditLog, Consultation, OnlineStatus, Role, Visit
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import Conflict, ValidationError
from pst_desktop.officer.online import OnlineService
from tests.support import wib

O = OnlineStatus  # noqa: E741


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


def open_one(service, officer, **kwargs):
    options = {
        "channel": "whatsapp",
        "contact": "0812 7788 9900",
        "question": "Data IPM kabupaten se-Provinsi Bengkulu 2020-2025?",
        "topic": "IPM",
    }
    options.update(kwargs)
    return service.open(officer, **options)


def test_first_answer_due_skips_cuti_bersama_christmas_and_the_weekend(clock, office, officer):
    # Wed 23 Dec 2026 10:00 WIB; Thu 24 Dec is cuti bersama, Fri 25 Christmas, then the weekend
    clock.set(wib(2026, 12, 23, 10, 0))
    service = OnlineService(clock)
    visit = open_one(service, officer)
    row = service.rows(office.id)[0]
    assert row.visit_id == visit.id and row.status == O.OPEN
    assert row.first_answer_due == wib(2026, 12, 30, 10, 0)  # Mon 28, Tue 29, Wed 30
    assert not row.overdue and not row.due_soon
    clock.set(wib(2026, 12, 29, 11, 0))
    assert service.rows(office.id)[0].due_soon
    clock.set(wib(2026, 12, 30, 10, 1))
    assert service.rows(office.id)[0].overdue
    service.answer(officer, visit.id, "Tabel IPM ada di bengkulu.bps.go.id, kami kirim tautannya.")
    row = service.rows(office.id)[0]
    assert row.status == O.ANSWERED and row.first_answer_at == wib(2026, 12, 30, 10, 1)
    assert not row.overdue  # answered late: no longer flagged as waiting for the answer
    assert Consultation.get(Consultation.visit == visit.id).answer.startswith("Tabel IPM")


def test_opened_on_a_saturday_counts_from_monday_opening(clock, office, officer):
    clock.set(wib(2026, 11, 28, 20, 0))  # Saturday evening
    service = OnlineService(clock)
    open_one(service, officer, channel="email", contact="a@example.com")
    # counts from Mon 30 Nov 08:00: Tue 1, Wed 2, Thu 3 Dec
    assert service.rows(office.id)[0].first_answer_due == wib(2026, 12, 3, 8, 0)


def test_open_requires_channel_contact_and_question(clock, officer):
    service = OnlineService(clock)
    with pytest.raises(ValidationError) as caught:
        service.open(officer, channel="walk_in", contact=" ", question="")
    assert set(caught.value.fields) == {"channel", "contact", "question"}


def test_lifecycle_and_reopen(clock, office, officer):
    service = OnlineService(clock)
    visit = open_one(service, officer)
    service.answer(officer, visit.id, "Jawaban.")
    clock.advance(hours=1)
    service.wait_for_user(officer, visit.id)
    assert Visit.get_by_id(visit.id).waiting_for_user_since == clock.now()
    clock.advance(days=1)
    service.user_replied(officer, visit.id)
    visit = Visit.get_by_id(visit.id)
    assert visit.online_status == O.OPEN and visit.waiting_for_user_since is None
    service.close(officer, visit.id)
    visit = Visit.get_by_id(visit.id)
    assert (visit.online_status, visit.status, visit.closed_by_auto) == ("closed", "done", False)
    assert service.rows(office.id) == []
    assert len(service.rows(office.id, include_closed=True)) == 1
    with pytest.raises(Conflict):
        service.wait_for_user(officer, visit.id)
    assert AuditLog.select().where(AuditLog.entity == "visit").count() == 4


def test_auto_close_after_three_days_without_reply_happens_once(clock, office, officer):
    service = OnlineService(clock)
    waiting = open_one(service, officer)
    service.answer(officer, waiting.id, "Jawaban.")
    service.wait_for_user(officer, waiting.id)
    still_open = open_one(service, officer, contact="b@example.com", channel="email")
    clock.advance(days=3, seconds=-1)
    assert service.auto_close(office.id) == []
    clock.advance(seconds=1)
    station_a, station_b = OnlineService(clock), OnlineService(clock)
    assert station_a.auto_close(office.id) == [waiting.id]
    assert station_b.auto_close(office.id) == []
    closed = Visit.get_by_id(waiting.id)
    assert closed.online_status == O.CLOSED and closed.closed_by_auto
    assert closed.closed_at == clock.now()
    assert Visit.get_by_id(still_open.id).online_status == O.OPEN
    assert AuditLog.select().where(AuditLog.action == "auto_close").count() == 1


@pytest.mark.slow
def test_auto_close_from_many_stations_at_once_closes_each_once(db, clock, office, officer):
    service = OnlineService(clock)
    ids = []
    for n in range(12):
        visit = open_one(service, officer, contact=f"user{n}@example.com")
        service.wait_for_user(officer, visit.id)
        ids.append(visit.id)
    db.close()
    later = FixedClock(clock.now())
    later.advance(days=3, minutes=1)
    results: list[list[int]] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def station() -> None:
        try:
            barrier.wait()
            # peewee connections are per thread: each "station" has its own
            results.append(OnlineService(later).auto_close(office.id))
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            database_proxy.obj.close()

    threads = [threading.Thread(target=station) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert sorted(i for r in results for i in r) == sorted(ids)
    assert AuditLog.select().where(AuditLog.action == "auto_close").count() == len(ids)

"""Several PCs at once: issuing and calling tickets from separate processes.

Each worker is a separate process (``spawn``) with its own connection opened by
``open_database(url)``, like a PC on the office LAN (or several programs on one SQLite file).
Issuers take numbers while officers call, finish and skip at the same moment; afterwards the
database must hold every ticket exactly once, numbered 1..N per service without gaps, each
claimed by exactly one officer, called in number order within its service, with times that
never run backwards (issued_at non-decreasing with the number, called ≥ issued, started ≥
called, finished ≥ started). The workers' clock runs (real elapsed time from a shared origin)
and lingers a moment after each reading, so a move that read the time before taking its lock
would be overtaken and stamped out of order.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import queue as queue_module
import random
import time
import traceback
from collections import Counter, defaultdict
from itertools import pairwise

import pytest

from models.database import database_proxy
from models.entities import Desk, DeskService, Role, ServiceType, TicketCounter, UserAccount, Visit
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.queue import QueueService
from tests.support import wib

ISSUERS = 3
TICKETS_PER_ISSUER = 80  # 240 tickets in all
OFFICERS = 3
SERVICES = 2  # tickets spread over the first two services
SKIP_EVERY = 7  # an officer marks every 7th called ticket as a no-show
WORKER_TIMEOUT = 120  # seconds; far above the usual run time, only to avoid hanging CI


def _clock() -> FixedClock:
    """Tuesday 24 November 2026, 10:00 WIB: a working day, inside service hours."""
    return FixedClock(wib(2026, 11, 24, 10, 0))


class _RunningClock:
    """Tuesday 10:00 WIB plus the real time elapsed since ``origin`` (``time.time()``, shared by
    every process); each reading then lingers up to ``JITTER`` seconds, as a busy PC would."""

    JITTER = 0.003

    def __init__(self, origin: float, seed: int) -> None:
        self.start = wib(2026, 11, 24, 10, 0)
        self.origin = origin
        self.random = random.Random(seed)

    def now(self) -> dt.datetime:
        moment = self.start + dt.timedelta(seconds=time.time() - self.origin)
        time.sleep(self.random.random() * self.JITTER)
        return moment


def _issuer(
    url: str,
    account_id: int,
    visitor_ids: list[int],
    service_ids: list[int],
    count: int,
    origin: float,
    barrier,
    results,
) -> None:
    """Issue ``count`` tickets, cycling over the services; report what was issued."""
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        queue = QueueService(_RunningClock(origin, account_id))
        barrier.wait(timeout=WORKER_TIMEOUT)
        issued = []
        for i in range(count):
            service_id = service_ids[i % len(service_ids)]
            ticket = queue.issue_ticket(
                actor, visitor_id=visitor_ids[i % len(visitor_ids)], service_id=service_id
            )
            issued.append((ticket.visit_id, service_id, ticket.number))
        db.close()
        results.put(("issuer", account_id, issued))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


def _officer(
    url: str, account_id: int, desk_id: int, origin: float, issuers_done, barrier, results
) -> None:
    """Call the next ticket and finish (or skip) it until the issuers stopped and none waits."""
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        queue = QueueService(_RunningClock(origin, account_id))
        barrier.wait(timeout=WORKER_TIMEOUT)
        claimed: list[tuple[int, str, bool]] = []  # (visit, final status, while issuing)
        while True:
            # read the flag *before* calling: once set, every ticket is committed, so an empty
            # answer means the queue is drained (rows other officers hold are theirs to finish)
            done = issuers_done.is_set()
            visit = queue.call_next(actor, desk_id)
            if visit is None:
                if done:
                    break
                time.sleep(0.002)
                continue
            if len(claimed) % SKIP_EVERY == SKIP_EVERY - 1:
                queue.skip(actor, visit.id)
                claimed.append((visit.id, "skipped", not done))
            else:
                queue.finish(actor, visit.id)
                claimed.append((visit.id, "awaiting_rating", not done))
        db.close()
        results.put(("officer", account_id, claimed))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


def _collect(results, expected: int, deadline: float) -> list[tuple]:
    got = []
    while len(got) < expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        try:
            got.append(results.get(timeout=remaining))
        except queue_module.Empty:
            break
    return got


@pytest.mark.slow
def test_concurrent_issue_and_call_keeps_numbers_and_claims_unique(db_url: str) -> None:
    # -- the office, set up in this process ------------------------------------------------
    clock = _clock()
    db = open_database(db_url)
    try:
        office = create_office(clock, desks=OFFICERS)
        accounts = AccountService(clock)
        admin = actor_for(
            accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin")
        )
        receptionists = [
            accounts.create(
                admin, f"resepsionis{i}", f"Resepsionis {i}", Role.RECEPTIONIST, "rahasia-123"
            ).id
            for i in range(ISSUERS)
        ]
        officers = [
            accounts.create(admin, f"petugas{i}", f"Petugas {i}", Role.OFFICER, "rahasia-123").id
            for i in range(OFFICERS)
        ]
        desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
        services = [
            s.id
            for s in ServiceType.select()
            .where(ServiceType.office == office.id)
            .order_by(ServiceType.sort_order)
        ][:SERVICES]
        assert len(desks) == OFFICERS
        for desk in desks:  # every desk serves every ticket's service
            served = {
                link.service_id for link in DeskService.select().where(DeskService.desk == desk)
            }
            assert set(services) <= served
        registration = RegistrationService(clock)
        visitors = [
            registration.register(
                actor_for(UserAccount.get_by_id(receptionists[0])),
                VisitorForm(
                    name=f"Tamu {i}", email=f"tamu{i}@example.com", gender="female", consent=True
                ),
            ).id
            for i in range(5)
        ]
    finally:
        db.close()

    # -- issuers and officers at once, each a process of its own ------------------------------
    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    issuers_done = ctx.Event()
    barrier = ctx.Barrier(ISSUERS + OFFICERS)
    origin = time.time()  # the workers' clocks read Tuesday 10:00 WIB at this instant
    issuer_procs = [
        ctx.Process(
            target=_issuer,
            args=(
                db_url,
                account,
                visitors,
                services,
                TICKETS_PER_ISSUER,
                origin,
                barrier,
                results,
            ),
            name=f"issuer-{account}",
        )
        for account in receptionists
    ]
    officer_procs = [
        ctx.Process(
            target=_officer,
            args=(db_url, account, desk, origin, issuers_done, barrier, results),
            name=f"officer-{account}",
        )
        for account, desk in zip(officers, desks, strict=True)
    ]
    procs = issuer_procs + officer_procs
    for proc in procs:
        proc.start()
    deadline = time.monotonic() + WORKER_TIMEOUT
    try:
        reports = _collect(results, ISSUERS, deadline)
        for proc in issuer_procs:
            proc.join(timeout=max(0.1, deadline - time.monotonic()))
        issuers_done.set()  # every issuer has committed and exited
        reports += _collect(results, OFFICERS, deadline)
        for proc in officer_procs:
            proc.join(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
        results.close()
        results.join_thread()

    errors = [text for kind, _, text in reports if kind == "error"]
    assert not errors, "\n\n".join(errors)
    assert len(reports) == ISSUERS + OFFICERS, f"workers did not report in time: {reports!r}"
    assert all(proc.exitcode == 0 for proc in procs), [proc.exitcode for proc in procs]

    issued = [row for kind, _, rows in reports if kind == "issuer" for row in rows]
    claims = {account: rows for kind, account, rows in reports if kind == "officer"}
    total = ISSUERS * TICKETS_PER_ISSUER
    assert len(issued) == total

    # -- what the database holds --------------------------------------------------------------
    db = open_database(db_url, upgrade=False)
    try:
        day = clock.now().date()  # the office day of the fixed WIB moment: 2026-11-24
        visits = {
            v.id: v for v in Visit.select().where((Visit.office == office.id) & (Visit.day == day))
        }
        counters = {
            c.service_id: c.last for c in TicketCounter.select().where(TicketCounter.day == day)
        }
    finally:
        db.close()
        database_proxy.initialize(None)

    # every issued ticket exists exactly once, and nothing else was created
    issued_ids = [visit_id for visit_id, _, _ in issued]
    assert len(set(issued_ids)) == total
    assert set(visits) == set(issued_ids)
    for visit_id, service_id, number in issued:
        assert (visits[visit_id].ticket_service_id, visits[visit_id].number) == (
            service_id,
            number,
        )

    # no duplicate (service, day, number); numbers 1..N per service without gaps
    keys = Counter((v.ticket_service_id, v.day, v.number) for v in visits.values())
    assert [key for key, n in keys.items() if n > 1] == []
    numbers: dict[int, list[int]] = defaultdict(list)
    for v in visits.values():
        numbers[v.ticket_service_id].append(v.number)
    assert set(numbers) == set(services)
    for service_id, got in numbers.items():
        assert sorted(got) == list(range(1, len(got) + 1)), f"gaps in service {service_id}"
        assert counters[service_id] == len(got)

    # no ticket claimed twice, none lost: the officers' claims partition the issued tickets
    claimed_ids = [visit_id for rows in claims.values() for visit_id, _, _ in rows]
    assert len(claimed_ids) == len(set(claimed_ids)), "a ticket was claimed twice"
    assert set(claimed_ids) == set(issued_ids), "some tickets were never called"
    desk_of = dict(zip(officers, desks, strict=True))
    for officer_id, rows in claims.items():
        for visit_id, status, _ in rows:
            visit = visits[visit_id]
            assert visit.officer_id == officer_id
            assert visit.desk_id == desk_of[officer_id]
            assert visit.status == status
            assert visit.call_count == 1
    # number order = call order within a service and day, and no time runs backwards
    by_service: dict[int, list[Visit]] = defaultdict(list)
    for v in visits.values():
        by_service[v.ticket_service_id].append(v)
    for service_id, tickets in by_service.items():
        tickets.sort(key=lambda v: v.number)
        early = [(a.number, b.number) for a, b in pairwise(tickets) if b.issued_at < a.issued_at]
        assert not early, f"issued earlier than the number before, service {service_id}: {early}"
        assert all(v.called_at is not None for v in tickets)
        late = [(a.number, b.number) for a, b in pairwise(tickets) if b.called_at < a.called_at]
        assert not late, f"called out of number order in service {service_id}: {late[:10]}"
    for v in visits.values():
        assert v.called_at >= v.issued_at, f"ticket {v.number} called before it was issued"
        if v.finished_at is not None:
            assert v.service_started_at >= v.called_at
            assert v.finished_at >= v.service_started_at, f"ticket {v.number} ended before start"

    # the claims really were concurrent: several officers got work (SQLite's lock is not fair,
    # so on a loaded machine one desk may starve), and calling overlapped issuing
    busy = sum(1 for rows in claims.values() if rows)
    assert busy >= 2, {k: len(v) for k, v in claims.items()}
    assert any(during for rows in claims.values() for _, _, during in rows)


def _next_day_worker(
    url: str,
    account_id: int,
    desk_id: int | None,
    visitor_id: int,
    service_id: int,
    barrier,
    results,
) -> None:
    """Wednesday 08:05: a receptionist issues (desk None) or an officer calls next, at once."""
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        queue = QueueService(FixedClock(wib(2026, 11, 25, 8, 5)))
        barrier.wait(timeout=WORKER_TIMEOUT)
        if desk_id is None:
            ticket = queue.issue_ticket(actor, visitor_id=visitor_id, service_id=service_id)
            got = ticket.visit_id
        else:
            visit = queue.call_next(actor, desk_id)
            got = visit.id if visit is not None else None
        db.close()
        results.put(("ok", account_id, got))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


@pytest.mark.slow
def test_the_first_moves_of_a_new_day_close_the_day_before_once(db_url: str) -> None:
    """The day-end close on several PCs: Tuesday's unserved tickets are closed as expired by
    whichever Wednesday move comes first, however many come at once; the officer who still
    held a ticket at midnight calls again, and nobody is given a Tuesday ticket."""
    clock = _clock()
    db = open_database(db_url)
    try:
        office = create_office(clock, desks=2)
        accounts = AccountService(clock)
        admin = actor_for(
            accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin")
        )
        receptionists = [
            accounts.create(admin, f"resepsionis{i}", f"R {i}", Role.RECEPTIONIST, "rahasia-123")
            for i in range(2)
        ]
        officers = [
            accounts.create(admin, f"petugas{i}", f"P {i}", Role.OFFICER, "rahasia-123")
            for i in range(2)
        ]
        desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
        service = (
            ServiceType.select()
            .where(ServiceType.office == office.id)
            .order_by(ServiceType.sort_order)
            .first()
        )
        visitor = RegistrationService(clock).register(
            actor_for(receptionists[0]),
            VisitorForm(name="Tamu", email="tamu@example.com", gender="female", consent=True),
        )
        queue = QueueService(clock)
        tuesday = [
            queue.issue_ticket(
                actor_for(receptionists[0]), visitor_id=visitor.id, service_id=service.id
            ).visit_id
            for _ in range(5)
        ]
        queue.call_next(actor_for(officers[0]), desks[0])  # still held at midnight
    finally:
        db.close()

    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(4)
    jobs = [(r.id, None) for r in receptionists] + list(
        zip([o.id for o in officers], desks, strict=True)
    )
    procs = [
        ctx.Process(
            target=_next_day_worker,
            args=(db_url, account, desk, visitor.id, service.id, barrier, results),
        )
        for account, desk in jobs
    ]
    for proc in procs:
        proc.start()
    deadline = time.monotonic() + WORKER_TIMEOUT
    try:
        reports = _collect(results, len(procs), deadline)
        for proc in procs:
            proc.join(timeout=max(0.1, deadline - time.monotonic()))
    finally:
        for proc in procs:
            if proc.is_alive():
                proc.kill()
                proc.join()
        results.close()
        results.join_thread()
    errors = [text for kind, _, text in reports if kind == "error"]
    assert not errors, "\n\n".join(errors)
    assert len(reports) == len(procs)

    db = open_database(db_url, upgrade=False)
    try:
        statuses = {v.id: v.status for v in Visit.select().where(Visit.id.in_(tuesday))}
        wednesday = list(Visit.select().where(Visit.day == wib(2026, 11, 25, 8, 5).date()))
    finally:
        db.close()
        database_proxy.initialize(None)
    assert set(statuses.values()) == {"expired"}, statuses
    assert sorted(v.number for v in wednesday) == [1, 2]
    called = {got for kind, account, got in reports if account in {o.id for o in officers}}
    assert not called & set(tuesday), "an officer was given a ticket of the day before"

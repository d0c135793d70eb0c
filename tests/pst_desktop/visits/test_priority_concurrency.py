"""Priority tickets on several PCs at once: receptionists issue normal and priority
tickets while officers call next, finish, take breaks and give signs of life, each a process of
its own with its own connection (as ``test_queue_concurrency``), and another station runs the
desk housekeeping meanwhile.  Afterwards every ticket was claimed exactly once; the day's calls
are numbered 1..N without a gap or a repeat, in time order; within a service and a class the
call order is the number order; never more than N priority tickets went ahead of a waiting
normal ticket in a row; every recorded jump really went ahead of an older normal ticket; and
no desk on a break called anyone.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import time
import traceback
from collections import defaultdict
from itertools import pairwise

import pytest

from models.database import database_proxy
from models.entities import Desk, DeskStateChange, Role, ServiceType, UserAccount, Visit
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.errors import Conflict
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.priority import DEFAULT_MAX_IN_ROW, CallReason, PriorityMark
from pst_desktop.visits.priority import PriorityReason as Reason
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.visits.test_queue_concurrency import (
    WORKER_TIMEOUT,
    _clock,
    _collect,
    _RunningClock,
)

ISSUERS = 3
TICKETS_PER_ISSUER = 60  # 180 tickets, about two in five priority
OFFICERS = 3
SERVICES = 2
BREAK_EVERY = 12  # the first officer takes a short break after every 12 calls
MARKS = (None, PriorityMark(Reason.ELDERLY), None, PriorityMark(Reason.PREGNANT), None)


def _issuer(url, account_id, visitor_id, service_ids, count, origin, barrier, results) -> None:
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        queue = QueueService(_RunningClock(origin, account_id))
        barrier.wait(timeout=WORKER_TIMEOUT)
        issued = []
        for i in range(count):
            mark = MARKS[(i + account_id) % len(MARKS)]
            ticket = queue.issue_ticket(
                actor,
                visitor_id=visitor_id,
                service_id=service_ids[i % len(service_ids)],
                priority_mark=mark,
            )
            issued.append(ticket.visit_id)
        db.close()
        results.put(("issuer", account_id, issued))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


def _officer(url, account_id, desk_id, breaks, origin, issuers_done, barrier, results) -> None:
    """Call and finish until the issuers stopped and nobody waits; with ``breaks``, go on a
    break every ``BREAK_EVERY`` calls (a call then must be refused) and come back."""
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        clock = _RunningClock(origin, account_id)
        queue, desks = QueueService(clock), DeskStateService(clock)
        desks.keep_alive(actor, desk_id)
        barrier.wait(timeout=WORKER_TIMEOUT)
        claimed, refused_on_break = [], 0
        while True:
            done = issuers_done.is_set()
            visit = queue.call_next(actor, desk_id)
            if visit is None:
                if done:
                    break
                time.sleep(0.002)
                continue
            queue.finish(actor, visit.id)
            claimed.append(visit.id)
            desks.keep_alive(actor, desk_id)
            if breaks and len(claimed) % BREAK_EVERY == 0:
                back = clock.now() + dt.timedelta(minutes=15)
                desks.set_state(actor, desk_id, "break", reason="Rehat", expected_back=back)
                try:
                    queue.call_next(actor, desk_id)
                except Conflict:
                    refused_on_break += 1
                desks.set_state(actor, desk_id, "open")
        db.close()
        results.put(("officer", account_id, (claimed, refused_on_break)))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


def _housekeeper(url, office_id, origin, stop, barrier, results) -> None:
    """Another station's periodic desk job, over and over while the others work."""
    try:
        db = open_database(url)
        desks = DeskStateService(_RunningClock(origin, 999))
        barrier.wait(timeout=WORKER_TIMEOUT)
        rounds = closed = 0
        while not stop.is_set():
            closed += len(desks.close_unattended(office_id))
            rounds += 1
            time.sleep(0.01)
        db.close()
        results.put(("housekeeper", 0, (rounds, closed)))
    except BaseException:
        results.put(("error", 0, traceback.format_exc()))


@pytest.mark.slow
def test_priority_calls_hold_the_rule_on_several_pcs(db_url: str) -> None:
    clock = _clock()
    db = open_database(db_url)
    try:
        office = create_office(clock, desks=OFFICERS)
        accounts = AccountService(clock)
        admin = actor_for(
            accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin")
        )
        receptionists = [
            accounts.create(admin, f"resepsionis{i}", f"R {i}", Role.RECEPTIONIST, "rahasia-123").id
            for i in range(ISSUERS)
        ]
        officers = [
            accounts.create(admin, f"petugas{i}", f"P {i}", Role.OFFICER, "rahasia-123").id
            for i in range(OFFICERS)
        ]
        desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
        services = [
            s.id
            for s in ServiceType.select()
            .where(ServiceType.office == office.id)
            .order_by(ServiceType.sort_order)
        ][:SERVICES]
        visitor = (
            RegistrationService(clock)
            .register(
                actor_for(UserAccount.get_by_id(receptionists[0])),
                VisitorForm(name="Tamu", email="tamu@example.com", gender="female", consent=True),
            )
            .id
        )
    finally:
        db.close()

    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    issuers_done, stop = ctx.Event(), ctx.Event()
    barrier = ctx.Barrier(ISSUERS + OFFICERS + 1)
    origin = time.time()
    issuer_procs = [
        ctx.Process(
            target=_issuer,
            args=(db_url, r, visitor, services, TICKETS_PER_ISSUER, origin, barrier, results),
        )
        for r in receptionists
    ]
    officer_procs = [
        ctx.Process(
            target=_officer,
            args=(db_url, o, d, i == 0, origin, issuers_done, barrier, results),
        )
        for i, (o, d) in enumerate(zip(officers, desks, strict=True))
    ]
    keeper = ctx.Process(
        target=_housekeeper, args=(db_url, office.id, origin, stop, barrier, results)
    )
    procs = [*issuer_procs, *officer_procs, keeper]
    for proc in procs:
        proc.start()
    deadline = time.monotonic() + WORKER_TIMEOUT
    try:
        reports = _collect(results, ISSUERS, deadline)
        for proc in issuer_procs:
            proc.join(timeout=max(0.1, deadline - time.monotonic()))
        issuers_done.set()
        reports += _collect(results, OFFICERS, deadline)
        stop.set()
        reports += _collect(results, 1, deadline)
        for proc in [*officer_procs, keeper]:
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
    assert len(reports) == ISSUERS + OFFICERS + 1, f"workers did not report in time: {reports!r}"
    issued = [v for kind, _, rows in reports if kind == "issuer" for v in rows]
    claims = {a: rows for kind, a, rows in reports if kind == "officer"}
    (rounds, auto_closed) = next(rows for kind, _, rows in reports if kind == "housekeeper")
    total = ISSUERS * TICKETS_PER_ISSUER

    db = open_database(db_url, upgrade=False)
    try:
        day = clock.now().date()
        visits = list(Visit.select().where((Visit.office == office.id) & (Visit.day == day)))
        breaks = [
            (c.desk_id, c.state)
            for c in DeskStateChange.select().order_by(DeskStateChange.at, DeskStateChange.id)
        ]
    finally:
        db.close()
        database_proxy.initialize(None)

    # every ticket claimed exactly once
    claimed = [v for rows, _ in claims.values() for v in rows]
    assert len(issued) == total and sorted(claimed) == sorted(issued)
    assert sum(1 for v in visits if v.priority) >= total // 3
    # the day's calls: 1..N in the order they happened
    calls = sorted(visits, key=lambda v: v.call_seq)
    assert [v.call_seq for v in calls] == list(range(1, total + 1))
    assert all(a.called_at <= b.called_at for a, b in pairwise(calls))
    # number order within a service and a class
    by_class: dict[tuple[int, bool], list[Visit]] = defaultdict(list)
    for v in calls:
        by_class[(v.ticket_service_id, bool(v.priority))].append(v)
    for (service_id, first), tickets in by_class.items():
        numbers = [v.number for v in tickets]
        assert numbers == sorted(numbers), f"service {service_id} priority={first}: {numbers}"
    # never more than N priority tickets ahead of a waiting normal one in a row; each jump real
    in_a_row = 0
    for position, v in enumerate(calls):
        if v.call_reason == CallReason.PRIORITY:
            assert v.priority
            in_a_row += 1
            assert in_a_row <= DEFAULT_MAX_IN_ROW, f"call {v.call_seq}: {in_a_row} in a row"
            assert any(
                not w.priority and (w.issued_at, w.id) < (v.issued_at, v.id)
                for w in calls[position + 1 :]
            ), f"call {v.call_seq} jumped over nobody"
        elif not v.priority:
            if v.call_reason == CallReason.TURN:
                assert in_a_row == DEFAULT_MAX_IN_ROW
            in_a_row = 0
    assert any(v.call_reason == CallReason.PRIORITY for v in calls)
    assert any(v.call_reason == CallReason.TURN for v in calls)
    # the first officer's breaks: each logged, and each call on a break refused
    first_claims, refused = claims[officers[0]]
    taken = len(first_claims) // BREAK_EVERY
    assert refused == taken
    first_desk = [state for desk, state in breaks if desk == desks[0]]
    assert first_desk == ["open"] + ["break", "open"] * taken
    assert auto_closed == 0 and rounds > 0  # everyone was at their desk all along

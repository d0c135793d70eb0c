"""Several PCs at once handing visits on: each a separate process with its own connection.

Visits carrying two services (consultation then library) and plain library tickets are issued
beforehand; officers at desks serving both call next, and hand a visit on when it has a next
service, else finish it. Afterwards every service of every visit was delivered exactly once, by
the officer and at the desk that held it, never two at a time, with times that run forward,
and the library queue took every visit in the order of the time its ticket was first issued
(or was it already waiting, while the earlier ones were still at the consultation desk).
"""

from __future__ import annotations

import multiprocessing as mp
import queue as queue_module
import time
import traceback

import pytest

from models.database import database_proxy
from models.entities import (
    Desk,
    Role,
    ServiceType,
    UserAccount,
    Visit,
    VisitService,
)
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits import visit_services
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.visits.test_queue_concurrency import _RunningClock
from tests.support import wib

OFFICERS = 2
MULTI = 24  # visits: consultation, then library
SINGLE = 8  # library tickets only
WORKER_TIMEOUT = 120


def _officer(url: str, account_id: int, desk_id: int, origin: float, barrier, results) -> None:
    try:
        db = open_database(url)
        actor = actor_for(UserAccount.get_by_id(account_id))
        queue = QueueService(_RunningClock(origin, account_id))
        barrier.wait(timeout=WORKER_TIMEOUT)
        moves: list[tuple[int, str]] = []
        idle = 0
        while idle < 20:  # nobody waits, and nobody was handed on lately
            visit = queue.call_next(actor, desk_id)
            if visit is None:
                idle += 1
                time.sleep(0.01)
                continue
            idle = 0
            if visit_services.next_step(visit.id) is not None:
                queue.hand_on(actor, visit.id)
                moves.append((visit.id, "handed_on"))
            else:
                queue.finish(actor, visit.id)
                moves.append((visit.id, "finished"))
        db.close()
        results.put(("officer", account_id, moves))
    except BaseException:
        results.put(("error", account_id, traceback.format_exc()))


@pytest.mark.slow
def test_concurrent_hand_ons_deliver_every_service_once(db_url: str) -> None:
    clock = FixedClock(wib(2026, 11, 24, 10, 0))
    db = open_database(db_url)
    try:
        office = create_office(clock, desks=OFFICERS)
        accounts = AccountService(clock)
        admin = actor_for(
            accounts.create_first_admin(office.id, "admin", "Admin Kantor", "rahasia-admin")
        )
        receptionist = actor_for(
            accounts.create(admin, "resepsionis", "Resepsionis", Role.RECEPTIONIST, "rahasia-123")
        )
        officers = [
            accounts.create(admin, f"petugas{i}", f"Petugas {i}", Role.OFFICER, "rahasia-123").id
            for i in range(OFFICERS)
        ]
        desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
        services = {s.code: s.id for s in ServiceType.select()}
        k, p = services["consultation"], services["library"]
        visitor = RegistrationService(clock).register(
            receptionist,
            VisitorForm(name="Tamu", email="tamu@example.com", gender="female", consent=True),
        )
        queue = QueueService(clock)
        multi, single = [], []
        for i in range(MULTI + SINGLE):
            clock.advance(seconds=10)
            if i % 4 == 3 and len(single) < SINGLE:
                single.append(queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=p))
            else:
                multi.append(
                    queue.issue_ticket(
                        receptionist, visitor_id=visitor.id, service_id=k, more_services=[p]
                    )
                )
    finally:
        db.close()

    ctx = mp.get_context("spawn")
    results = ctx.Queue()
    barrier = ctx.Barrier(OFFICERS)
    origin = time.time() - 3600  # the workers' clocks read 11:00, after every issue
    procs = [
        ctx.Process(target=_officer, args=(db_url, a, d, origin, barrier, results))
        for a, d in zip(officers, desks, strict=True)
    ]
    for proc in procs:
        proc.start()
    reports = []
    deadline = time.monotonic() + WORKER_TIMEOUT
    try:
        while len(reports) < OFFICERS and time.monotonic() < deadline:
            try:
                reports.append(results.get(timeout=max(0.1, deadline - time.monotonic())))
            except queue_module.Empty:
                break
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
    assert len(reports) == OFFICERS

    db = open_database(db_url, upgrade=False)
    try:
        visits = {v.id: v for v in Visit.select()}
        rows = list(VisitService.select().order_by(VisitService.visit, VisitService.position))
    finally:
        db.close()
        database_proxy.initialize(None)

    moves = [m for kind, _, ms in reports if kind == "officer" for m in ms]
    handed = [v for v, what in moves if what == "handed_on"]
    finished = [v for v, what in moves if what == "finished"]
    multi_ids = {t.visit_id for t in multi}
    assert sorted(handed) == sorted(multi_ids), "a visit was handed on twice or never"
    assert sorted(finished) == sorted(multi_ids | {t.visit_id for t in single})
    desk_of = dict(zip(officers, desks, strict=True))
    by_visit: dict[int, list[VisitService]] = {}
    for row in rows:
        by_visit.setdefault(row.visit_id, []).append(row)
    assert set(by_visit) == multi_ids
    for visit_id, (first, second) in by_visit.items():
        assert (first.service_id, second.service_id) == (k, p)
        assert first.status == second.status == "done"
        for row in (first, second):
            assert row.officer_id in desk_of and row.desk_id == desk_of[row.officer_id]
            assert row.finished_at >= row.started_at
        assert second.started_at >= first.finished_at, f"visit {visit_id} served twice at once"
        visit = visits[visit_id]
        assert (visit.status, visit.service_id, visit.ticket_service_id) == (
            "awaiting_rating",
            p,
            k,
        )
    # the library took the tickets in the order they were first issued, handed on or not:
    library = sorted(
        [(visits[v].issued_at, by_visit[v][1].started_at, v) for v in multi_ids]
        + [(visits[t.visit_id].issued_at, visits[t.visit_id].called_at, t.visit_id) for t in single]
    )
    for i, (_, called_a, a) in enumerate(library):
        for _, called_b, b in library[i + 1 :]:
            if called_b >= called_a:
                continue  # b was called first though issued later: a was not waiting yet
            # b was called first though issued later: a was not waiting in the library yet
            assert a in multi_ids, f"library ticket {a} overtaken by {b}"
            handed_at = by_visit[a][0].finished_at
            assert handed_at >= called_b, f"visit {a} waited, yet {b} issued later went first"

"""The priority rule as properties (hypothesis): whatever the mix of tickets, calls, breaks and
waits, "call next" serves priority tickets first, never more than N of them in a row while a
normal ticket waits, never overtakes a normal ticket that waited longer than M, keeps number
order within a class, loses no ticket, and calls nothing at a desk not open.

The checks are made against the test's own account of what waits (not the service's records),
on one service served by every desk, so every call counts for every desk.  SQLite only (the
same code runs on PostgreSQL; the concurrency test covers the locking there); each example
plays a working day of its own in one shared office database, so the queue starts empty.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from models.database import database_proxy
from models.entities import Desk, OfficeSetting, Role, ServiceType
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import Conflict
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visits import priority
from pst_desktop.visits.desk_state import DeskStateService
from pst_desktop.visits.priority import PriorityMark, PriorityReason
from pst_desktop.visits.queue import QueueService
from tests.support import wib

EXAMPLES = settings(
    max_examples=80,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DESKS = 3
MARK = PriorityMark(PriorityReason.PREGNANT)


@pytest.fixture(scope="module")
def office_db(tmp_path_factory):
    """One SQLite office: three desks on the consultation service alone, an officer at each, a
    receptionist, a visitor; and an endless supply of working days."""
    db = open_database("sqlite:///" + str(tmp_path_factory.mktemp("priority") / "pst.db"))
    clock = FixedClock(wib(2026, 1, 5, 7, 0))
    office = create_office(clock, desks=DESKS)
    accounts = AccountService(clock)
    admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-admin"))
    receptionist = actor_for(
        accounts.create(admin, "rina", "Rina", Role.RECEPTIONIST, "rahasia-123")
    )
    officers = [
        actor_for(accounts.create(admin, f"p{i}", f"P {i}", Role.OFFICER, "rahasia-123"))
        for i in range(DESKS)
    ]
    form = VisitorForm(name="Siti", email="siti@example.com", gender="female", consent=True)
    visitor = RegistrationService(clock).register(receptionist, form)
    k = ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))
    ServiceType.update(active=False).where(ServiceType.id != k.id).execute()
    desks = [d.id for d in Desk.select().where(Desk.office == office.id).order_by(Desk.id)]
    calendar = OfficeCalendar.for_office(office.id)
    days = (
        day
        for day in (dt.date(2026, 1, 5) + dt.timedelta(days=n) for n in itertools.count())
        if calendar.is_working_day(day)
    )
    yield {
        "clock": clock,
        "office": office.id,
        "receptionist": receptionist,
        "officers": officers,
        "visitor": visitor.id,
        "service": k.id,
        "desks": desks,
        "days": days,
    }
    db.close()
    database_proxy.initialize(None)


def set_rule(office_id: int, n: int, m: int) -> None:
    for key, value in ((priority.KEY_MAX_IN_ROW, n), (priority.KEY_NORMAL_MAX_WAIT, m)):
        OfficeSetting.insert(office=office_id, key=key, value=str(value)).on_conflict(
            conflict_target=[OfficeSetting.office, OfficeSetting.key],
            update={OfficeSetting.value: str(value)},
        ).execute()


@dataclass
class Ticket:
    visit_id: int
    number: int
    issued_at: dt.datetime
    first: bool  # priority

    @property
    def key(self) -> tuple[dt.datetime, int]:
        return (self.issued_at, self.visit_id)


@dataclass
class Account:
    """What the test knows: who waits, and the calls made so far."""

    n: int
    m: dt.timedelta
    waiting: list[Ticket] = field(default_factory=list)
    jumps: int = 0  # priority calls over a waiting earlier normal ticket since a normal call
    called: list[Ticket] = field(default_factory=list)

    def check_call(self, taken: Ticket, now: dt.datetime) -> None:
        normals = sorted((t for t in self.waiting if not t.first), key=lambda t: t.key)
        firsts = sorted((t for t in self.waiting if t.first), key=lambda t: t.key)
        assert taken in self.waiting, "a ticket that was not waiting was called"
        # number order within a class
        same_class = normals if not taken.first else firsts
        assert taken is same_class[0], "a ticket was called before an older one of its class"
        oldest_normal = normals[0] if normals else None
        overdue = oldest_normal is not None and now - oldest_normal.issued_at > self.m
        if taken.first:
            jumped = oldest_normal is not None and oldest_normal.key < taken.key
            if jumped:
                # M: a normal ticket past M minutes is overtaken by no one issued after it
                assert not overdue, "a priority ticket overtook a normal ticket past M minutes"
                self.jumps += 1
                # N: at most N priority tickets in a row while a normal ticket waits
                assert self.jumps <= self.n, f"{self.jumps} priority calls in a row (N={self.n})"
        else:
            if firsts:
                head = firsts[0]
                # priority first: a normal ticket goes ahead of a waiting priority ticket only
                # when it is older and either past M or N priority calls came in a row
                assert taken.key < head.key, "a normal ticket went ahead of an older priority one"
                assert overdue or self.jumps >= self.n, (
                    "a normal ticket was called while a priority ticket waited and the rule "
                    "did not ask for it"
                )
            self.jumps = 0
        self.waiting.remove(taken)
        self.called.append(taken)


operations = st.lists(
    st.one_of(
        st.tuples(st.just("issue"), st.booleans()),
        st.tuples(st.just("issue"), st.just(True)),
        st.tuples(st.just("call"), st.integers(0, DESKS - 1)),
        st.tuples(st.just("call"), st.integers(0, DESKS - 1)),
        st.tuples(st.just("wait"), st.integers(0, 7)),
        st.tuples(st.just("break"), st.integers(0, DESKS - 1)),
        st.tuples(st.just("open"), st.integers(0, DESKS - 1)),
    ),
    max_size=45,
)


@EXAMPLES
@given(n=st.integers(1, 3), m=st.sampled_from([5, 10, 20]), ops=operations)
def test_priority_first_within_the_rule_whatever_happens(office_db, n, m, ops):
    env = office_db
    clock: FixedClock = env["clock"]
    day = next(env["days"])
    clock.set(wib(day.year, day.month, day.day, 8, 0))
    set_rule(env["office"], n, m)
    queue, states = QueueService(clock), DeskStateService(clock)
    for officer, desk_id in zip(env["officers"], env["desks"], strict=True):
        states.set_state(officer, desk_id, "open")  # every desk open at the start of the day
    account = Account(n, dt.timedelta(minutes=m))
    open_desks = set(range(DESKS))
    for op, arg in ops:
        if op == "issue":
            issued = queue.issue_ticket(
                env["receptionist"],
                visitor_id=env["visitor"],
                service_id=env["service"],
                priority_mark=MARK if arg else None,
            )
            account.waiting.append(Ticket(issued.visit_id, issued.number, issued.issued_at, arg))
        elif op == "wait":
            clock.advance(minutes=arg)
        elif op == "break":
            back = clock.now() + dt.timedelta(minutes=30)
            states.set_state(
                env["officers"][arg], env["desks"][arg], "break", reason="Rehat", expected_back=back
            )
            open_desks.discard(arg)
        elif op == "open":
            states.set_state(env["officers"][arg], env["desks"][arg], "open")
            open_desks.add(arg)
        else:
            officer, desk_id = env["officers"][arg], env["desks"][arg]
            if arg not in open_desks:
                with pytest.raises(Conflict):
                    queue.call_next(officer, desk_id)
                continue
            visit = queue.call_next(officer, desk_id)
            if visit is None:
                assert not account.waiting, "call next found nobody while tickets waited"
                continue
            taken = next(t for t in account.waiting if t.visit_id == visit.id)
            account.check_call(taken, clock.now())
            queue.finish(officer, visit.id)  # the officer's hands are free for the next call
    # the rest of the day at the first desk: the queue drains in the rule's order
    states.set_state(env["officers"][0], env["desks"][0], "open")
    while account.waiting:
        visit = queue.call_next(env["officers"][0], env["desks"][0])
        assert visit is not None, "tickets wait but call next found none"
        account.check_call(next(t for t in account.waiting if t.visit_id == visit.id), clock.now())
        queue.finish(env["officers"][0], visit.id)
        clock.advance(minutes=1)
    assert queue.call_next(env["officers"][0], env["desks"][0]) is None

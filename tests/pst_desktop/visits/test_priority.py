"""Priority service: marking a ticket, the guest book's proposal, the order "call
next" takes with the rule that never starves normal tickets, people ahead, the admin's N and M,
and the assisted call of a visitor with a sensory disability.  Both databases, a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import AuditLog, Desk, DeskService, Role, ServiceType, Visit, Visitor
from pst_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk
from pst_desktop.frontdesk.ticket_pdf import render_ticket, ticket_data_for
from pst_desktop.visits import priority
from pst_desktop.visits.priority import (
    CallReason,
    PriorityMark,
    PriorityReason,
    PriorityRule,
    PriorityService,
    check_mark,
    expected_order,
    proposal_for,
)
from pst_desktop.visits.queue import QueueService
from pst_desktop.visits.walk_ins import waiting_for_desk
from tests.support import wib

ELDERLY = PriorityMark(PriorityReason.ELDERLY)


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER)


@pytest.fixture
def queue(clock):
    return QueueService(clock)


@pytest.fixture
def registration(clock):
    return RegistrationService(clock)


@pytest.fixture
def visitor(receptionist, registration):
    form = VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True)
    return registration.register(receptionist, form)


@pytest.fixture
def k(office):
    return ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))


@pytest.fixture
def desk(office):
    return Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()


def issue(queue, receptionist, visitor, service, clock, mark=None, minutes=1):
    """One ticket, then the clock moves on ``minutes``."""
    ticket = queue.issue_ticket(
        receptionist, visitor_id=visitor.id, service_id=service.id, priority_mark=mark
    )
    clock.advance(minutes=minutes)
    return ticket


def call(queue, officer, desk, clock):
    """Call next, finish at once (the officer's hands are free again), move on a minute."""
    visit = queue.call_next(officer, desk.id)
    if visit is not None:
        queue.finish(officer, visit.id)
    clock.advance(minutes=1)
    return visit


# -- the mark --------------------------------------------------------------------------------
def test_check_mark_needs_a_known_reason_and_words_for_other():
    assert check_mark("") is None
    assert check_mark("pregnant") == PriorityMark(PriorityReason.PREGNANT)
    assert check_mark("pregnant", "ignored") == PriorityMark(PriorityReason.PREGNANT)
    assert check_mark("other", " korban  bencana ") == PriorityMark(
        PriorityReason.OTHER, "korban bencana"
    )
    with pytest.raises(ValidationError) as err:
        check_mark("vip")
    assert "priority" in err.value.fields
    with pytest.raises(ValidationError) as err:
        check_mark("other", "  ")
    assert "priority_note" in err.value.fields
    with pytest.raises(ValidationError):
        check_mark("other", "x" * 121)


def test_a_ticket_is_issued_priority_and_can_be_changed_while_it_waits(
    queue, receptionist, officer, visitor, k, desk, clock
):
    ticket = issue(queue, receptionist, visitor, k, clock, mark=check_mark("other", "korban"))
    visit = Visit.get_by_id(ticket.visit_id)
    assert (visit.priority, visit.priority_note) == ("other", "korban")
    service = PriorityService(clock)
    service.set_priority(receptionist, ticket.visit_id, ELDERLY)
    visit = Visit.get_by_id(ticket.visit_id)
    assert (visit.priority, visit.priority_note) == ("elderly", "")
    audit = AuditLog.select().where(AuditLog.entity == "visit").order_by(AuditLog.id.desc()).first()
    assert audit.user_id == receptionist.user_id and '"priority": "elderly"' in audit.after
    service.set_priority(receptionist, ticket.visit_id, None)
    assert Visit.get_by_id(ticket.visit_id).priority == ""
    with pytest.raises(PermissionDenied):
        service.set_priority(officer, ticket.visit_id, ELDERLY)
    queue.call_next(officer, desk.id)
    with pytest.raises(Conflict, match="K-001 is called now"):
        service.set_priority(receptionist, ticket.visit_id, ELDERLY)
    assert Visit.get_by_id(ticket.visit_id).priority == ""


def test_the_front_desk_issues_a_priority_ticket(clock, receptionist, visitor, k):
    ticket = FrontDesk(clock).issue(
        receptionist, visitor_id=visitor.id, service_id=k.id, priority_mark=ELDERLY
    )
    assert Visit.get_by_id(ticket.visit_id).priority == "elderly"


def test_the_guest_book_proposes_priority(receptionist, registration, clock):
    def visitor(**fields):
        count = Visitor.select().count()
        email = f"tamu{count}@example.com"
        form = VisitorForm(name="Tamu", email=email, gender="male", consent=True, **fields)
        return registration.register(receptionist, form).id

    now = clock.now()  # 2026
    assert proposal_for(visitor(), now) == priority.PriorityProposal(None, False)
    assert proposal_for(visitor(disability="none"), now).reason is None
    assert proposal_for(visitor(disability="physical"), now) == priority.PriorityProposal(
        PriorityReason.DISABILITY, False
    )
    assert proposal_for(visitor(disability="sensory"), now) == priority.PriorityProposal(
        PriorityReason.DISABILITY, True
    )
    assert proposal_for(visitor(birth_year=1966), now).reason is PriorityReason.ELDERLY  # 60
    assert proposal_for(visitor(birth_year=1967), now).reason is None  # 59
    assert proposal_for(999_999, now).reason is None


def test_the_ticket_shows_a_symbol_and_no_reason(queue, receptionist, visitor, k, clock):
    import io

    from pypdf import PdfReader

    normal = issue(queue, receptionist, visitor, k, clock)
    first = issue(queue, receptionist, visitor, k, clock, mark=check_mark("other", "korban X"))
    data = ticket_data_for(first.visit_id, clock)
    assert data.priority and not ticket_data_for(normal.visit_id, clock).priority
    text = PdfReader(io.BytesIO(render_ticket(data, language="en"))).pages[0].extract_text()
    assert "Priority service" in text and "korban" not in text
    plain = render_ticket(ticket_data_for(normal.visit_id, clock), language="en")
    assert "Priority" not in PdfReader(io.BytesIO(plain)).pages[0].extract_text()


# -- the order ---------------------------------------------------------------------------------
def test_priority_goes_first_at_most_n_in_a_row_then_a_normal_ticket(
    queue, receptionist, officer, visitor, k, desk, clock
):
    """N = 2: normals K-001, K-002 wait; priority K-003..K-006 come after them."""
    normals = [issue(queue, receptionist, visitor, k, clock) for _ in range(2)]
    firsts = [issue(queue, receptionist, visitor, k, clock, mark=ELDERLY) for _ in range(4)]
    order = []
    for _ in range(6):
        visit = call(queue, officer, desk, clock)
        order.append((visit.number, visit.call_reason, visit.call_seq))
    assert order == [
        (3, CallReason.PRIORITY, 1),
        (4, CallReason.PRIORITY, 2),
        (1, CallReason.TURN, 3),
        (5, CallReason.PRIORITY, 4),
        (6, CallReason.PRIORITY, 5),
        (2, CallReason.ORDER, 6),  # nobody else waits
    ]
    assert {t.visit_id for t in normals + firsts} == {
        v.id for v in Visit.select().where(Visit.call_seq > 0)
    }


def test_a_priority_ticket_issued_earlier_is_not_a_jump(
    queue, receptionist, officer, visitor, k, desk, clock
):
    issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    issue(queue, receptionist, visitor, k, clock)  # K-004, normal
    issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)  # K-005 jumps K-004
    got = [(v.number, v.call_reason) for v in (call(queue, officer, desk, clock) for _ in range(5))]
    assert got == [
        (1, CallReason.ORDER),
        (2, CallReason.ORDER),
        (3, CallReason.ORDER),
        (5, CallReason.PRIORITY),
        (4, CallReason.ORDER),
    ]


def test_a_normal_ticket_past_m_minutes_goes_first(
    queue, receptionist, officer, visitor, k, desk, clock
):
    """M = 20: K-001 issued at 10:00; at 10:21 the priority ticket waits behind it."""
    issue(queue, receptionist, visitor, k, clock, minutes=20)  # K-001 at 10:00
    issue(queue, receptionist, visitor, k, clock, mark=ELDERLY, minutes=0)  # K-002 at 10:20
    assert queue.call_next(officer, desk.id).number == 2  # 10:20: waited exactly 20, not longer
    queue.return_to_queue(officer, Visit.get(Visit.number == 2).id)
    clock.advance(minutes=1)  # 10:21
    visit = queue.call_next(officer, desk.id)
    assert (visit.number, visit.call_reason) == (1, CallReason.WAITED)


def test_number_order_holds_within_each_class_across_services(
    queue, receptionist, officer, visitor, office, k, desk, clock
):
    p = ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "library"))
    marks = [None, ELDERLY, None, ELDERLY, None, None, ELDERLY, None]
    for i, mark in enumerate(marks):
        issue(queue, receptionist, visitor, k if i % 2 else p, clock, mark=mark)
    called = [call(queue, officer, desk, clock) for _ in marks]
    for cls in (True, False):
        times = [v.issued_at for v in called if bool(v.priority) == cls]
        assert times == sorted(times)
    assert [v.call_seq for v in called] == list(range(1, len(marks) + 1))


def test_a_desk_counts_the_jumps_of_the_desks_sharing_its_services(
    queue, receptionist, make_actor, visitor, office, k, clock
):
    """Two desks on one service: the second may not add its own two jumps to the first's."""
    desks = list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))
    first, second = make_actor(Role.OFFICER), make_actor(Role.OFFICER)
    issue(queue, receptionist, visitor, k, clock)  # K-001 normal
    for _ in range(4):
        issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    assert call(queue, first, desks[0], clock).number == 2
    assert call(queue, second, desks[1], clock).number == 3
    visit = call(queue, first, desks[0], clock)
    assert (visit.number, visit.call_reason) == (1, CallReason.TURN)


def test_a_ticket_called_out_of_order_is_chosen(
    queue, receptionist, officer, visitor, k, desk, clock
):
    issue(queue, receptionist, visitor, k, clock)
    second = issue(queue, receptionist, visitor, k, clock)
    visit = queue.call_ticket(officer, second.visit_id, desk.id)
    assert (visit.call_reason, visit.call_seq) == (CallReason.CHOSEN, 1)


# -- people ahead and the desk's queue ---------------------------------------------------------
def test_people_ahead_follow_the_rule(queue, receptionist, visitor, k, clock):
    assert issue(queue, receptionist, visitor, k, clock).ahead == 0  # K-001 normal
    assert issue(queue, receptionist, visitor, k, clock).ahead == 1  # K-002 normal
    assert issue(queue, receptionist, visitor, k, clock, mark=ELDERLY).ahead == 0  # K-003
    assert issue(queue, receptionist, visitor, k, clock, mark=ELDERLY).ahead == 1  # K-004
    # K-005 priority: K-003, K-004 ahead, then K-001's turn (N = 2)
    assert issue(queue, receptionist, visitor, k, clock, mark=ELDERLY).ahead == 3
    # K-006 normal: everyone before it, and while it waits K-007's jump to come
    sixth = issue(queue, receptionist, visitor, k, clock)
    assert sixth.ahead == 5
    seventh = issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    visit = Visit.get_by_id(sixth.visit_id)
    assert priority.people_ahead(visit, clock.now()) == 6
    # past M, K-006 is overtaken by no one issued after it
    assert priority.people_ahead(visit, visit.issued_at + dt.timedelta(minutes=21)) == 5
    assert seventh.ahead == 3 + 1  # K-003..K-005, and K-001's turn; K-002 after it


def test_ahead_in_and_expected_order_agree_with_calls():
    t0 = wib(2026, 11, 24, 10, 0)
    rule = PriorityRule(2, 20)
    tickets = [(t0 + dt.timedelta(minutes=i), i, i in (2, 3, 4, 6)) for i in range(8)]
    order = expected_order(tickets, rule, t0 + dt.timedelta(minutes=8))
    assert order == [2, 3, 0, 4, 6, 1, 5, 7]
    for position, visit_id in enumerate(order):
        ticket = tickets[visit_id]
        others = [t for t in tickets if t[1] != visit_id]
        if ticket[2]:  # priority tickets: exact here
            assert priority.ahead_in(ticket, others, rule, ticket[0]) == position
    # past M every normal ticket keeps its place
    late = t0 + dt.timedelta(minutes=60)
    assert expected_order(tickets, rule, late) == [0, 1, 2, 3, 4, 5, 6, 7]


def test_the_desk_queue_shows_the_order_call_next_takes(
    queue, receptionist, officer, visitor, office, k, desk, clock
):
    for mark in (None, None, ELDERLY, ELDERLY, ELDERLY):
        issue(queue, receptionist, visitor, k, clock, mark=mark)
    services = [
        s
        for (s,) in DeskService.select(DeskService.service)
        .where(DeskService.desk == desk.id)
        .tuples()
    ]
    day = clock.now().date()
    shown = [w.number for w in waiting_for_desk(office.id, day, desk.id, services, clock.now())]
    assert shown == [3, 4, 1, 5, 2]
    assert [w.number for w in waiting_for_desk(office.id, day, desk.id, services)] == [
        1,
        2,
        3,
        4,
        5,
    ]
    called = [call(queue, officer, desk, clock).number for _ in range(5)]
    assert called == shown


# -- the assisted call -------------------------------------------------------------------------
def test_a_sensory_disability_makes_the_call_assisted(
    queue, receptionist, officer, registration, k, desk, clock
):
    from pst_desktop.officer import workspace
    from pst_desktop.visitor.board import board_state, call_row

    form = VisitorForm(
        name="Tuli", email="tuli@example.com", gender="male", consent=True, disability="sensory"
    )
    deaf = registration.register(receptionist, form)
    plain = registration.register(
        receptionist,
        VisitorForm(name="Biasa", email="biasa@example.com", gender="male", consent=True),
    )
    issue(queue, receptionist, plain, k, clock)
    issue(queue, receptionist, deaf, k, clock, mark=PriorityMark(PriorityReason.DISABILITY))
    visit = queue.call_next(officer, desk.id)
    assert visit.visitor_id == deaf.id and visit.call_assist
    held = workspace.held(queue, officer)
    assert held.fetch_visitor and held.priority == "disability"
    row = call_row(visit.office_id, visit.id)
    assert row.assisted
    assert board_state(visit.office_id, clock.now()).current.assisted
    queue.finish(officer, visit.id)
    other = queue.call_next(officer, desk.id)
    assert not other.call_assist and not call_row(other.office_id, other.id).assisted
    # recorded after the ticket was issued: the call reads the guest book as it is then
    queue.return_to_queue(officer, other.id)
    Visitor.update(disability="sensory").where(Visitor.id == plain.id).execute()
    assert queue.call_next(officer, desk.id).call_assist

"""Desks that open and close: who may set a desk's state, call next refused at a
desk not open, the wait estimate and the board by the desks open now, and a desk nobody
attends closing by itself, once, whichever PC notices.  Both databases, a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import Desk, DeskState, DeskStateChange, DeskStateKind, Role, ServiceType
from pst_desktop.core.errors import Conflict, PermissionDenied, ValidationError
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.officer import workspace
from pst_desktop.sop.waiting import estimate_wait
from pst_desktop.visitor.board import board_state
from pst_desktop.visits.desk_state import (
    UNATTENDED_AFTER,
    DeskStateService,
    desk_states,
    desks_for_service,
    state_of,
)
from pst_desktop.visits.queue import QueueService

K = DeskStateKind


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def officer(make_actor):
    return make_actor(Role.OFFICER, "budi")


@pytest.fixture
def other_officer(make_actor):
    return make_actor(Role.OFFICER, "ani")


@pytest.fixture
def supervisor(make_actor):
    return make_actor(Role.SUPERVISOR)


@pytest.fixture
def states(clock):
    return DeskStateService(clock)


@pytest.fixture
def queue(clock):
    return QueueService(clock)


@pytest.fixture
def desks(office):
    return list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))


@pytest.fixture
def k(office):
    return ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))


@pytest.fixture
def visitor(receptionist, clock):
    form = VisitorForm(name="Siti", email="siti@example.com", gender="female", consent=True)
    return RegistrationService(clock).register(receptionist, form)


def changes(office_id):
    return [
        (c.desk_id, c.state, c.by_id, c.automatic)
        for c in DeskStateChange.select()
        .where(DeskStateChange.office == office_id)
        .order_by(DeskStateChange.at, DeskStateChange.id)
    ]


def test_a_desk_without_a_state_is_open(desks, office, clock):
    assert state_of(desks[0].id) is K.OPEN
    rows = desk_states(office.id, clock.now())
    assert [(r.name, r.state, r.since) for r in rows] == [
        ("Meja 1", K.OPEN, None),
        ("Meja 2", K.OPEN, None),
    ]


def test_break_needs_a_reason_and_a_return_within_four_hours(states, officer, desks, clock):
    now = clock.now()
    with pytest.raises(ValidationError) as err:
        states.set_state(officer, desks[0].id, "break")
    assert set(err.value.fields) == {"reason", "expected_back"}
    for back in (now, now - dt.timedelta(minutes=1), now + dt.timedelta(hours=4, minutes=1)):
        with pytest.raises(ValidationError) as err:
            states.set_state(officer, desks[0].id, "break", reason="Sholat", expected_back=back)
        assert set(err.value.fields) == {"expected_back"}
    with pytest.raises(ValidationError):
        states.set_state(officer, desks[0].id, "lunch")
    assert DeskState.select().count() == 0 and DeskStateChange.select().count() == 0
    status = states.set_state(
        officer,
        desks[0].id,
        K.BREAK,
        reason=" Sholat  zuhur ",
        expected_back=now + dt.timedelta(minutes=20),
    )
    assert (status.state, status.reason, status.expected_back, status.since) == (
        K.BREAK,
        "Sholat zuhur",
        now + dt.timedelta(minutes=20),
        now,
    )
    assert status.set_by == "Staf budi" and status.attended_by == "Staf budi"
    assert changes(desks[0].office_id) == [(desks[0].id, "break", officer.user_id, False)]


def test_call_next_is_refused_at_a_desk_not_open(
    states, queue, officer, receptionist, visitor, k, desks, clock
):
    queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=k.id)
    states.set_state(
        officer,
        desks[0].id,
        "break",
        reason="Istirahat",
        expected_back=clock.now() + dt.timedelta(minutes=30),
    )
    with pytest.raises(Conflict, match="Meja 1 is on a break"):
        queue.call_next(officer, desks[0].id)
    states.set_state(officer, desks[0].id, "closed")
    with pytest.raises(Conflict, match="Meja 1 is closed"):
        queue.call_next(officer, desks[0].id)
    waiting = queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=k.id)
    with pytest.raises(Conflict, match="Meja 1 is closed"):
        queue.call_ticket(officer, waiting.visit_id, desks[0].id)
    states.set_state(officer, desks[0].id, "open")
    assert queue.call_next(officer, desks[0].id).number == 1
    assert [c[1] for c in changes(desks[0].office_id)] == ["break", "closed", "open"]


def test_no_break_while_a_ticket_is_at_the_desk(
    states, queue, officer, supervisor, receptionist, visitor, k, desks, clock
):
    queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=k.id)
    visit = queue.call_next(officer, desks[0].id)
    back = clock.now() + dt.timedelta(minutes=15)
    with pytest.raises(Conflict, match="K-001 is still at Meja 1"):
        states.set_state(officer, desks[0].id, "break", reason="Istirahat", expected_back=back)
    with pytest.raises(Conflict):
        states.set_state(supervisor, desks[0].id, "closed")
    queue.finish(officer, visit.id)
    assert states.set_state(officer, desks[0].id, "closed").state is K.CLOSED


def test_only_the_officer_at_the_desk_or_a_supervisor_changes_it(
    states, officer, other_officer, supervisor, receptionist, desks, clock
):
    states.keep_alive(officer, desks[0].id)  # budi's window is at Meja 1
    with pytest.raises(PermissionDenied, match="Staf budi is at Meja 1"):
        states.set_state(other_officer, desks[0].id, "closed")
    with pytest.raises(PermissionDenied):
        states.set_state(receptionist, desks[0].id, "closed")
    status = states.set_state(supervisor, desks[0].id, "closed")
    assert status.state is K.CLOSED and status.set_by == supervisor.name
    assert status.attended_by == "Staf budi"  # the supervisor is not at the desk
    # closed: anyone may open it
    assert states.set_state(other_officer, desks[0].id, "open").attended_by == "Staf ani"
    # budi's window went quiet: after a while ani may change it again, and budi too
    clock.advance(minutes=11)
    assert states.set_state(officer, desks[0].id, "closed").state is K.CLOSED


def test_setting_the_same_state_again_logs_nothing(states, officer, desks, clock):
    states.set_state(officer, desks[0].id, "closed")
    clock.advance(minutes=1)
    states.set_state(officer, desks[0].id, "closed")
    assert len(changes(desks[0].office_id)) == 1


def test_the_wait_estimate_and_the_board_use_the_desks_open_now(
    states, officer, other_officer, supervisor, office, k, desks, clock
):
    now = clock.now()
    assert desks_for_service(office.id, k.id).open == 2
    assert estimate_wait(office.id, k.id, 4, now).minutes == 30  # 15 min × 4 / 2 desks
    back = now + dt.timedelta(minutes=20)
    states.set_state(officer, desks[0].id, "break", reason="Makan siang", expected_back=back)
    assert estimate_wait(office.id, k.id, 4, now).minutes == 60  # one desk open
    assert estimate_wait(office.id, k.id, 4, now).desks == 1
    states.set_state(supervisor, desks[1].id, "closed")
    # none open, one on a break: from its return, over it
    estimate = estimate_wait(office.id, k.id, 4, now)
    assert (estimate.minutes, estimate.desks) == (20 + 60, 1)
    board = board_state(office.id, now)
    assert [(b.desk_name, b.expected_back) for b in board.on_break] == [("Meja 1", back)]
    states.set_state(officer, desks[0].id, "closed")
    assert estimate_wait(office.id, k.id, 4, now).minutes is None
    assert board_state(office.id, now).on_break == ()


def test_a_desk_nobody_attends_closes_by_itself_once(
    states, officer, supervisor, office, desks, clock
):
    start = clock.now()
    states.keep_alive(officer, desks[0].id)  # Meja 1 gets its row, open
    assert changes(office.id) == [(desks[0].id, "open", officer.user_id, False)]
    assert not states.keep_alive(officer, desks[0].id)  # fresh: nothing written
    clock.advance(minutes=3)
    assert states.keep_alive(officer, desks[0].id)  # 10:03
    clock.advance(minutes=10)  # 10:13: exactly 10 minutes of quiet
    assert states.close_unattended(office.id) == []
    clock.advance(minutes=5)  # 10:18
    second_pc = DeskStateService(clock)
    assert states.close_unattended(office.id) == [desks[0].id]
    assert second_pc.close_unattended(office.id) == []  # the other PC finds it closed
    row = DeskState.get(DeskState.desk == desks[0].id)
    # closed as of the last sign of life plus the quiet time, not when it was noticed
    assert (row.state, row.since, row.set_by_id) == (
        "closed",
        start + dt.timedelta(minutes=3) + UNATTENDED_AFTER,
        None,
    )
    assert changes(office.id)[-1] == (desks[0].id, "closed", None, True)
    status = desk_states(office.id, clock.now())[0]
    assert status.automatic and status.attended_by == ""
    # Meja 2 never had a state: left alone
    assert state_of(desks[1].id) is K.OPEN


def test_a_break_past_its_return_closes_when_nobody_is_there(states, officer, office, desks, clock):
    back = clock.now() + dt.timedelta(minutes=30)
    states.set_state(officer, desks[0].id, "break", reason="Rapat", expected_back=back)
    clock.advance(minutes=35)  # past the return, but not 10 minutes past
    assert states.close_unattended(office.id) == []
    status = desk_states(office.id, clock.now())[0]
    assert status.break_overdue(clock.now())
    clock.advance(minutes=6)
    assert states.close_unattended(office.id) == [desks[0].id]
    assert DeskState.get(DeskState.desk == desks[0].id).since == back + UNATTENDED_AFTER


def test_the_officers_window_keeps_its_desk_open_through_housekeeping(
    officer, office, desks, clock
):
    for _ in range(10):  # an hour of housekeeping rounds every 6 minutes
        workspace.housekeeping(clock, office.id, officer, desks[0].id)
        clock.advance(minutes=6)
    assert state_of(desks[0].id) is K.OPEN
    workspace.housekeeping(clock, office.id)  # another station: nobody at Meja 1 any more…
    clock.advance(minutes=11)
    workspace.housekeeping(clock, office.id)
    assert state_of(desks[0].id) is K.CLOSED
    snapshot = workspace.desk_snapshot(clock, officer, workspace.desks_of(office.id)[0])
    assert snapshot.desk_state.state is K.CLOSED

"""An administrator's change to an account ends that account's open sessions.

Deactivation, a role change or a password reset: the next call of the signed-in session is
refused with one plain sentence, on every PC, and the cheap check a window polls says so.
"""

from __future__ import annotations

import pytest

from models.entities import Role
from pst_desktop.admin.accounts import actor_for
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.sop.permissions import SessionEnded, session_is_current
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.officer_support import desks, issue

ENDED = "Your account was changed by an administrator; sign in again."


def signed_in(accounts, username: str, password: str = "rahasia-123"):
    """The actor a PC's sign-in gives (the session)."""
    return actor_for(accounts.authenticate(username, password))


def test_a_deactivated_officer_can_no_longer_call_tickets(
    office, clock, admin, accounts, make_actor
):
    make_actor(Role.OFFICER, username="rina")
    session = signed_in(accounts, "rina")
    queue = QueueService(clock)
    first = issue(office, clock, make_actor, "Siti Aminah")
    issue(office, clock, make_actor, "Budi Santoso")
    desk = desks(office)[0]
    assert queue.call_next(session, desk.id).id == first.visit_id
    assert session_is_current(session)

    accounts.set_active(admin, session.user_id, False)

    assert not session_is_current(session)
    with pytest.raises(SessionEnded) as refusal:
        queue.call_next(session, desk.id)
    assert str(refusal.value) == ENDED


@pytest.mark.parametrize("change", ["role", "password"])
def test_a_role_change_or_password_reset_ends_the_open_session(
    office, clock, admin, accounts, make_actor, change
):
    make_actor(Role.RECEPTIONIST, username="dewi")
    session = signed_in(accounts, "dewi")
    registration = RegistrationService(clock)
    form = VisitorForm(name="Siti Aminah", email="siti@example.com", gender="female", consent=True)
    registration.register(session, form)

    if change == "role":
        accounts.set_role(admin, session.user_id, Role.OFFICER)
    else:
        accounts.reset_password(admin, session.user_id, "baru-rahasia-1")

    assert not session_is_current(session)
    with pytest.raises(SessionEnded, match="sign in again"):
        registration.register(session, form)
    # signing in again gives a session that works
    password = "baru-rahasia-1" if change == "password" else "rahasia-123"
    again = signed_in(accounts, "dewi", password)
    assert session_is_current(again)
    if change == "password":
        registration.register(again, form)


def test_reactivating_does_not_revive_the_old_session(office, admin, accounts, make_actor):
    make_actor(Role.OFFICER, username="rina")
    session = signed_in(accounts, "rina")
    accounts.set_active(admin, session.user_id, False)
    accounts.set_active(admin, session.user_id, True)
    assert not session_is_current(session)
    assert session_is_current(signed_in(accounts, "rina"))


def test_an_unrelated_change_keeps_other_sessions(office, admin, accounts, make_actor):
    make_actor(Role.OFFICER, username="rina")
    make_actor(Role.OFFICER, username="budi")
    rina, budi = signed_in(accounts, "rina"), signed_in(accounts, "budi")
    accounts.set_active(admin, budi.user_id, False)
    accounts.set_role(admin, rina.user_id, Role.OFFICER)  # the role it already has
    assert session_is_current(rina) and session_is_current(admin)
    assert not session_is_current(budi)

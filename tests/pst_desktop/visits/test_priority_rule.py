"""The admin's priority rule: N and M in the office settings, validated, and obeyed
by "call next".  Both databases, a fixed clock."""

from __future__ import annotations

import pytest

from models.entities import Desk, Role, ServiceType
from pst_desktop.admin.administration import Administration
from pst_desktop.core.errors import PermissionDenied, ValidationError
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visits.priority import PriorityRule, priority_rule
from pst_desktop.visits.queue import QueueService
from tests.pst_desktop.visits.test_priority import ELDERLY, call, issue


@pytest.fixture
def setup(make_actor, clock, office):
    receptionist = make_actor(Role.RECEPTIONIST)
    form = VisitorForm(name="Siti", email="siti@example.com", gender="female", consent=True)
    visitor = RegistrationService(clock).register(receptionist, form)
    k = ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))
    desk = Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()
    return receptionist, make_actor(Role.OFFICER), visitor, k, desk


def test_the_admins_rule_is_obeyed_and_validated(setup, admin, clock):
    receptionist, officer, visitor, k, desk = setup
    queue = QueueService(clock)
    administration = Administration(clock)
    assert priority_rule(admin.office_id) == PriorityRule(2, 20)
    administration.save_priority_rule(admin, max_in_row=1, normal_max_wait_minutes="45")
    assert priority_rule(admin.office_id) == PriorityRule(1, 45)
    for bad in ((0, 20), (11, 20), ("x", 20), (2, 4), (2, 121), (2, "")):
        with pytest.raises(ValidationError):
            administration.save_priority_rule(
                admin, max_in_row=bad[0], normal_max_wait_minutes=bad[1]
            )
    with pytest.raises(ValidationError) as err:
        administration.save_priority_rule(admin, max_in_row=0, normal_max_wait_minutes=0)
    assert set(err.value.fields) == {"max_in_row", "normal_max_wait"}
    with pytest.raises(PermissionDenied):
        administration.save_priority_rule(receptionist, max_in_row=3, normal_max_wait_minutes=20)
    assert priority_rule(admin.office_id) == PriorityRule(1, 45)
    issue(queue, receptionist, visitor, k, clock)
    issue(queue, receptionist, visitor, k, clock)
    for _ in range(3):
        issue(queue, receptionist, visitor, k, clock, mark=ELDERLY)
    assert [call(queue, officer, desk, clock).number for _ in range(5)] == [3, 1, 4, 2, 5]

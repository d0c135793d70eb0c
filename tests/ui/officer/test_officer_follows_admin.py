"""The officer window follows the admin's desks and services, on SQLite
(the poll) and PostgreSQL (the notification), without signing in again."""

from __future__ import annotations

from models.entities import Desk, ServiceType
from pst_desktop.admin.administration import Administration
from tests.pst_desktop.officer_support import desks


def service_ids(office):
    return [s.id for s in ServiceType.select().where(ServiceType.office == office.id)]


def test_a_new_desk_appears_and_this_pcs_desk_stays_chosen(qtbot, window, office, admin, clock):
    mine = desks(office)[0]
    assert window.desk_combo.currentData() == mine.id
    new = Administration(clock).save_desk(
        admin, None, name="Meja 3", service_ids=service_ids(office)
    )
    qtbot.waitUntil(lambda: window.desk_combo.findData(new.id) >= 0, timeout=5000)
    assert window.desk_combo.currentData() == mine.id  # the choice is kept
    assert any(d.desk_id == new.id for d in window.desks)  # the transfer dialog offers it


def test_the_desks_services_follow_the_admin(qtbot, window, office, admin, clock):
    mine = desks(office)[0]
    library = ServiceType.get(ServiceType.code == "library")
    assert library.id in window.desk.service_ids
    keep = [s for s in service_ids(office) if s != library.id]
    Administration(clock).save_desk(admin, mine.id, name=mine.name, service_ids=keep)
    qtbot.waitUntil(lambda: library.id not in window.desk.service_ids, timeout=5000)


def test_a_desk_the_admin_closed_leaves_the_choice(qtbot, window, office, admin, clock):
    mine = desks(office)[0]
    Administration(clock).save_desk(
        admin, mine.id, name=mine.name, active=False, service_ids=service_ids(office)
    )
    qtbot.waitUntil(lambda: window.desk_combo.findData(mine.id) < 0, timeout=5000)
    assert window.desk is None
    assert Desk.get_by_id(mine.id).active is False

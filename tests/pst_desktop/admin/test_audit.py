"""audit.changed: one row created, changed or deleted is one audit row in the change's
transaction, with what changed before and after, and never a password's hash."""

from __future__ import annotations

import json

import pytest

from models.database import write_transaction
from models.entities import AuditLog, ClosureDay, Office, Role, UserAccount
from pst_desktop.admin import audit


def rows(entity: str) -> list[AuditLog]:
    return list(AuditLog.select().where(AuditLog.entity == entity).order_by(AuditLog.id))


def test_a_change_rolled_back_leaves_no_audit_row(office, clock):
    with pytest.raises(RuntimeError), write_transaction():
        before = audit.snapshot(office)
        office.name = "Kantor Baru"
        office.save()
        audit.changed(clock.now(), None, "update", "office", office, before)
        raise RuntimeError("the change fails after its audit row")
    assert rows("office") == []
    assert Office.get_by_id(office.id).name != "Kantor Baru"


def test_an_update_records_the_changed_columns_before_and_after(office, clock, admin):
    old_name = office.name
    with write_transaction():
        before = audit.snapshot(office)
        office.name = "Kantor Baru"
        office.save()
        audit.changed(clock.now(), admin.user_id, "update", "office", office, before)
    [row] = rows("office")
    assert (row.action, row.entity_id, row.user_id) == ("update", office.id, admin.user_id)
    assert row.at == clock.now()
    assert json.loads(row.before) == {"name": old_name}
    assert json.loads(row.after) == {"name": "Kantor Baru"}


def test_a_create_records_the_row_after_and_a_delete_the_row_before(office, clock, admin):
    with write_transaction():
        day = ClosureDay.create(
            office=office.id, day=clock.now().date(), closed=True, reason="Cuti bersama"
        )
        audit.changed(clock.now(), admin.user_id, "create", "closure_day", day)
    with write_transaction():
        day.delete_instance()
        audit.changed(clock.now(), admin.user_id, "delete", "closure_day", day)
    created, deleted = rows("closure_day")
    assert created.action == "create" and created.before == ""
    assert json.loads(created.after)["reason"] == "Cuti bersama"
    assert deleted.action == "delete" and deleted.after == ""
    assert json.loads(deleted.before) == json.loads(created.after)
    assert created.entity_id == deleted.entity_id == day.id


def test_a_password_hash_is_never_in_an_audit_row(make_actor):
    officer = make_actor(Role.OFFICER)
    account = UserAccount.get_by_id(officer.user_id)
    assert "password_hash" not in audit.snapshot(account)
    [row] = [r for r in rows("account") if r.entity_id == account.id]
    assert "password_hash" not in row.after
    assert json.loads(row.after)["username"] == account.username

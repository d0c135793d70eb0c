import datetime as dt

import pytest

from models.entities import AuditLog, Role, UserAccount
from pst_desktop.admin import accounts as accounts_module
from pst_desktop.admin.accounts import MAX_FAILED_LOGINS, actor_for
from pst_desktop.core.errors import (
    AccountLocked,
    AuthenticationFailed,
    PermissionDenied,
    ValidationError,
)


def test_default_hasher_is_argon2id():
    assert accounts_module.PasswordHasher().type.name == "ID"
    assert accounts_module.hash_password("rahasia-123").startswith("$argon2id$")


def test_first_admin_only_once(office, accounts):
    admin = accounts.create_first_admin(office.id, "Admin", "Admin Kantor", "rahasia-admin")
    assert admin.username == "admin" and admin.role == "admin"
    assert admin.password_hash.startswith("$argon2id$")
    with pytest.raises(ValidationError):
        accounts.create_first_admin(office.id, "admin2", "Lagi", "rahasia-admin")


def test_create_validates(admin, accounts):
    with pytest.raises(ValidationError) as err:
        accounts.create(admin, "bad name!", "", Role.OFFICER, "short")
    assert {"username", "full_name", "password"} <= set(err.value.fields)
    accounts.create(admin, "rina", "Rina", Role.OFFICER, "rahasia-123")
    with pytest.raises(ValidationError) as err:
        accounts.create(admin, "RINA", "Rina 2", Role.OFFICER, "rahasia-123")
    assert "username" in err.value.fields


def test_only_admin_manages_accounts(make_actor, accounts):
    officer = make_actor(Role.OFFICER)
    with pytest.raises(PermissionDenied):
        accounts.create(officer, "x.y", "X", Role.OFFICER, "rahasia-123")
    supervisor = make_actor(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        accounts.reset_password(supervisor, officer.user_id, "baru-rahasia")


def test_login_and_lock_after_repeated_failures(admin, accounts, clock):
    accounts.create(admin, "dewi", "Dewi", Role.RECEPTIONIST, "rahasia-123")
    assert accounts.authenticate("Dewi", "rahasia-123").last_login_at == clock.now()
    for _ in range(MAX_FAILED_LOGINS - 1):
        with pytest.raises(AuthenticationFailed) as err:
            accounts.authenticate("dewi", "salah")
        assert not isinstance(err.value, AccountLocked)
    with pytest.raises(AccountLocked):
        accounts.authenticate("dewi", "salah")
    with pytest.raises(AccountLocked, match="15 minutes"):
        accounts.authenticate("dewi", "rahasia-123")  # even the right password waits
    clock.advance(minutes=16)
    assert accounts.authenticate("dewi", "rahasia-123").failed_logins == 0
    assert AuditLog.select().where(AuditLog.action == "lock").count() == 1


def test_unknown_and_inactive_accounts_fail_alike(admin, accounts):
    account = accounts.create(admin, "eko", "Eko", Role.OFFICER, "rahasia-123")
    accounts.set_active(admin, account.id, False)
    for username in ("eko", "nobody"):
        with pytest.raises(AuthenticationFailed, match="Wrong username or password"):
            accounts.authenticate(username, "rahasia-123")


def test_reset_password_unlocks(admin, accounts, clock):
    account = accounts.create(admin, "fajar", "Fajar", Role.OFFICER, "rahasia-123")
    UserAccount.update(locked_until=clock.now() + dt.timedelta(minutes=10)).execute()
    accounts.reset_password(admin, account.id, "baru-rahasia")
    assert accounts.authenticate("fajar", "baru-rahasia").id == account.id


def test_admin_cannot_deactivate_themselves(admin, accounts):
    with pytest.raises(ValidationError):
        accounts.set_active(admin, admin.user_id, False)


def test_role_change_is_audited(admin, accounts):
    account = accounts.create(admin, "gita", "Gita", Role.OFFICER, "rahasia-123")
    accounts.set_role(admin, account.id, Role.SUPERVISOR)
    assert actor_for(UserAccount.get_by_id(account.id)).role is Role.SUPERVISOR
    entry = AuditLog.get((AuditLog.entity == "account") & (AuditLog.action == "update"))
    assert '"officer"' in entry.before and '"supervisor"' in entry.after
    assert "password_hash" not in entry.before + entry.after

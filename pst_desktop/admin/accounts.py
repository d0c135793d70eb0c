"""Staff accounts: argon2id password hashes, lock after repeated failures, role management."""

from __future__ import annotations

import datetime as dt
import logging
import math

import peewee as pw
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import Role, UserAccount
from pst_desktop.admin import audit
from pst_desktop.core import logs
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import AccountLocked, AuthenticationFailed, NotFound, ValidationError
from pst_desktop.core.text import check_length, clean_text
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.events import Event, publish

logger = logging.getLogger(__name__)

MAX_FAILED_LOGINS = 5
LOCK_DURATION = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8

_hasher = PasswordHasher()  # argon2id with the library's current defaults


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            {
                "password": QCoreApplication.translate(
                    "Accounts", "The password needs at least 8 characters."
                )
            }
        )


def actor_for(account: UserAccount) -> Actor:
    return Actor(
        account.id,
        Role(account.role),
        account.office_id,
        account.full_name,
        session_version=account.session_version,
    )


class AccountService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def any_admin(self, db: pw.Database | None = None) -> bool:
        """Whether the office has an active administrator; on ``db`` when given (the setup
        wizard's server), else on the app's database."""
        return (
            UserAccount.select()
            .where(
                (UserAccount.role == Role.ADMIN.value) & (UserAccount.active == True)  # noqa: E712
            )
            .exists(db)
        )

    def create_first_admin(
        self, office_id: int, username: str, full_name: str, password: str
    ) -> UserAccount:
        """The first account of a new database; refused once any admin exists."""
        with write_transaction():
            if self.any_admin():
                raise ValidationError(
                    {
                        "username": QCoreApplication.translate(
                            "Accounts", "An administrator account already exists."
                        )
                    }
                )
            return self._create(None, office_id, username, full_name, Role.ADMIN, password)

    def create(
        self, actor: Actor, username: str, full_name: str, role: Role, password: str
    ) -> UserAccount:
        require(actor, Action.MANAGE_ACCOUNTS)
        with write_transaction():
            return self._create(actor.user_id, actor.office_id, username, full_name, role, password)

    def _create(
        self,
        by: int | None,
        office_id: int,
        username: str,
        full_name: str,
        role: Role,
        password: str,
    ) -> UserAccount:
        username = clean_text(username).lower()
        full_name = clean_text(full_name)
        errors: dict[str, str] = {}
        if (
            not username
            or not username.replace(".", "").replace("_", "").replace("-", "").isalnum()
        ):
            errors["username"] = QCoreApplication.translate(
                "Accounts", "Use letters, digits, dots, dashes or underscores for the username."
            )
        check_length(errors, "username", username, UserAccount.username)
        check_length(errors, "full_name", full_name, UserAccount.full_name)
        if "username" not in errors and (
            UserAccount.select().where(UserAccount.username == username).exists()
        ):
            errors["username"] = QCoreApplication.translate("Accounts", "This username is taken.")
        if not full_name:
            errors["full_name"] = QCoreApplication.translate(
                "Accounts", "Enter the staff member's name."
            )
        try:
            role = Role(role)
        except ValueError:
            errors["role"] = QCoreApplication.translate("Accounts", "Unknown role.")
        try:
            check_password_rules(password)
        except ValidationError as exc:
            errors.update(exc.fields)
        if errors:
            raise ValidationError(errors)
        now = self.clock.now()
        account = UserAccount.create(
            office=office_id,
            username=username,
            full_name=full_name,
            role=role.value,
            password_hash=hash_password(password),
            created_at=now,
        )
        audit.changed(now, by, "create", "account", account)
        return account

    def authenticate(self, username: str, password: str) -> UserAccount:
        """The account, or AuthenticationFailed / AccountLocked with a plain message; logged
        (username only), and the log's lines then carry the signed-in username."""
        try:
            account = self._authenticate(username, password)
        except (AuthenticationFailed, AccountLocked) as exc:
            logger.info("sign-in refused for %r: %s", (username or "").strip(), exc)
            raise
        logs.set_user(account.username)
        logger.info("signed in: %s (%s)", account.username, account.role)
        return account

    def _authenticate(self, username: str, password: str) -> UserAccount:
        """The account, or AuthenticationFailed / AccountLocked with a plain message.

        The slow hash check runs outside any transaction; a failure is counted (and the account
        locked after ``MAX_FAILED_LOGINS``) in its own committed transaction before refusing.
        """
        now = self.clock.now()
        account = UserAccount.get_or_none(UserAccount.username == (username or "").strip().lower())
        if account is None or not account.active:
            raise AuthenticationFailed(
                QCoreApplication.translate("Accounts", "Wrong username or password.")
            )
        if account.locked_until is not None and account.locked_until > now:
            minutes = max(1, math.ceil((account.locked_until - now).total_seconds() / 60))
            raise AccountLocked(
                QCoreApplication.translate(
                    "Accounts",
                    "Too many failed attempts; try again in {minutes} minutes or ask the admin.",
                ).format(minutes=minutes)
            )
        try:
            _hasher.verify(account.password_hash, password or "")
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            if self._count_failure(account.id, now):
                raise AccountLocked(
                    QCoreApplication.translate(
                        "Accounts",
                        "Too many failed attempts; the account is locked for 15 minutes.",
                    )
                ) from None
            raise AuthenticationFailed(
                QCoreApplication.translate("Accounts", "Wrong username or password.")
            ) from None
        updates = {"failed_logins": 0, "locked_until": None, "last_login_at": now}
        if _hasher.check_needs_rehash(account.password_hash):
            updates["password_hash"] = hash_password(password)
        with write_transaction():
            UserAccount.update(**updates).where(UserAccount.id == account.id).execute()
        return UserAccount.get_by_id(account.id)

    @staticmethod
    def _count_failure(account_id: int, now: dt.datetime) -> bool:
        """Count one failed login; True when it locked the account."""
        with write_transaction():
            UserAccount.update(failed_logins=UserAccount.failed_logins + 1).where(
                UserAccount.id == account_id
            ).execute()
            failed = UserAccount.get_by_id(account_id).failed_logins
            if failed < MAX_FAILED_LOGINS:
                return False
            UserAccount.update(failed_logins=0, locked_until=now + LOCK_DURATION).where(
                UserAccount.id == account_id
            ).execute()
            audit.record(now, account_id, "lock", "account", account_id)
            return True

    def reset_password(self, actor: Actor, account_id: int, password: str) -> None:
        require(actor, Action.MANAGE_ACCOUNTS)
        check_password_rules(password)
        now = self.clock.now()
        with write_transaction():
            account = self._get(actor, account_id)
            UserAccount.update(
                password_hash=hash_password(password),
                failed_logins=0,
                locked_until=None,
                session_version=UserAccount.session_version + 1,  # its open sessions end
            ).where(UserAccount.id == account.id).execute()
            audit.record(now, actor.user_id, "reset_password", "account", account.id)
            publish(Event.ACCOUNT_CHANGED, office=actor.office_id, account=account.id)

    def set_active(self, actor: Actor, account_id: int, active: bool) -> None:
        require(actor, Action.MANAGE_ACCOUNTS)
        now = self.clock.now()
        with write_transaction():
            account = self._get(actor, account_id)
            if account.id == actor.user_id and not active:
                raise ValidationError(
                    {
                        "active": QCoreApplication.translate(
                            "Accounts", "You cannot deactivate your own account."
                        )
                    }
                )
            before = audit.snapshot(account)
            if account.active != active:
                account.session_version += 1  # its open sessions end
            account.active = active
            account.save()
            publish(Event.ACCOUNT_CHANGED, office=actor.office_id, account=account.id)
            audit.changed(now, actor.user_id, "update", "account", account, before)

    def set_role(self, actor: Actor, account_id: int, role: Role) -> None:
        require(actor, Action.MANAGE_ACCOUNTS)
        now = self.clock.now()
        with write_transaction():
            account = self._get(actor, account_id)
            before = audit.snapshot(account)
            if account.role != Role(role).value:
                account.session_version += 1  # its open sessions end
            account.role = Role(role).value
            account.save()
            publish(Event.ACCOUNT_CHANGED, office=actor.office_id, account=account.id)
            audit.changed(now, actor.user_id, "update", "account", account, before)

    def _get(self, actor: Actor, account_id: int) -> UserAccount:
        account = UserAccount.get_or_none(
            (UserAccount.id == account_id) & (UserAccount.office == actor.office_id)
        )
        if account is None:
            raise NotFound(QCoreApplication.translate("Accounts", "No such account."))
        return account

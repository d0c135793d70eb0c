"""Who may do what: the role checks every service makes before it writes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from models.entities import Role, UserAccount
from pst_desktop.core.errors import PermissionDenied


class SessionEnded(PermissionDenied):
    """An administrator deactivated the account, changed its role or reset its password after
    this session signed in: the session must sign in again."""


class Action(StrEnum):
    REGISTER_VISITOR = "register_visitor"
    EDIT_VISITOR = "edit_visitor"
    DELETE_VISITOR = "delete_visitor"
    ISSUE_TICKET = "issue_ticket"
    CANCEL_TICKET = "cancel_ticket"
    BOOK_APPOINTMENT = "book_appointment"
    SERVE = "serve"  # call, recall, skip, start, finish, transfer, record consultations
    RECORD_RATING = "record_rating"
    VIEW_REPORTS = "view_reports"
    MANAGE_ACCOUNTS = "manage_accounts"
    CONFIGURE_OFFICE = "configure_office"
    ENTER_PAPER_SURVEY = "enter_paper_survey"  # type in paper questionnaires
    RECORD_COMPLAINT = "record_complaint"  # a complaint (pengaduan) told to any staff member
    HANDLE_FOLLOW_UP = "handle_follow_up"  # take a follow-up, write what was done, close it


_FRONT_DESK = {
    Action.REGISTER_VISITOR,
    Action.EDIT_VISITOR,
    Action.ISSUE_TICKET,
    Action.CANCEL_TICKET,
    Action.BOOK_APPOINTMENT,
    Action.RECORD_COMPLAINT,
}

ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.SUPERVISOR: frozenset(
        _FRONT_DESK
        | {
            Action.SERVE,
            Action.RECORD_RATING,
            Action.VIEW_REPORTS,
            Action.DELETE_VISITOR,
            Action.ENTER_PAPER_SURVEY,
            Action.HANDLE_FOLLOW_UP,
        }
    ),
    Role.RECEPTIONIST: frozenset(_FRONT_DESK),
    Role.OFFICER: frozenset(
        {
            Action.SERVE,
            Action.RECORD_RATING,
            Action.EDIT_VISITOR,
            Action.RECORD_COMPLAINT,
            Action.HANDLE_FOLLOW_UP,
        }
    ),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member a service acts for (or a kiosk with no account)."""

    user_id: int | None
    role: Role
    office_id: int
    name: str = ""
    #: ``user_account.session_version`` when the account signed in (None: not from a sign-in)
    session_version: int | None = None

    def may(self, action: Action) -> bool:
        return action in ALLOWED.get(self.role, frozenset())


def action_text(action: Action) -> str:
    """What the action is, in the words of the sentence that refuses it."""
    texts = {
        Action.REGISTER_VISITOR: QCoreApplication.translate("Permissions", "register visitors"),
        Action.EDIT_VISITOR: QCoreApplication.translate("Permissions", "change a visitor's data"),
        Action.DELETE_VISITOR: QCoreApplication.translate("Permissions", "delete visitors"),
        Action.ISSUE_TICKET: QCoreApplication.translate("Permissions", "issue queue tickets"),
        Action.CANCEL_TICKET: QCoreApplication.translate("Permissions", "cancel tickets"),
        Action.BOOK_APPOINTMENT: QCoreApplication.translate("Permissions", "book appointments"),
        Action.SERVE: QCoreApplication.translate("Permissions", "serve visitors"),
        Action.RECORD_RATING: QCoreApplication.translate("Permissions", "record ratings"),
        Action.VIEW_REPORTS: QCoreApplication.translate("Permissions", "see the reports"),
        Action.MANAGE_ACCOUNTS: QCoreApplication.translate("Permissions", "manage accounts"),
        Action.CONFIGURE_OFFICE: QCoreApplication.translate(
            "Permissions", "change the office's settings"
        ),
        Action.ENTER_PAPER_SURVEY: QCoreApplication.translate(
            "Permissions", "type in paper questionnaires"
        ),
        Action.RECORD_COMPLAINT: QCoreApplication.translate("Permissions", "record complaints"),
        Action.HANDLE_FOLLOW_UP: QCoreApplication.translate("Permissions", "handle follow-ups"),
    }
    return texts[action]


def session_is_current(actor: Actor) -> bool:
    """True while the account behind ``actor`` is active, still has the actor's role and (for
    a signed-in session) has not been changed by an administrator since; one indexed read, so
    a window can poll it every few seconds.  Kiosks and command-line actors (no account) are
    always current."""
    if actor.user_id is None:
        return True
    row = (
        UserAccount.select(UserAccount.active, UserAccount.role, UserAccount.session_version)
        .where(UserAccount.id == actor.user_id)
        .tuples()
        .first()
    )
    if row is None:
        return False
    active, role, version = row
    if not active or role != actor.role.value:
        return False
    return actor.session_version is None or version == actor.session_version


def session_ended_message() -> str:
    return QCoreApplication.translate(
        "Permissions", "Your account was changed by an administrator; sign in again."
    )


def check_session(actor: Actor) -> None:
    """Refuse with :class:`SessionEnded` when :func:`session_is_current` says no."""
    if not session_is_current(actor):
        raise SessionEnded(session_ended_message())


def require(actor: Actor, action: Action) -> None:
    """Refuse an action the actor's role may not take, or any action of a session an
    administrator has ended (deactivation, role change, password reset)."""
    if not actor.may(action):
        raise PermissionDenied(
            QCoreApplication.translate(
                "Permissions", "An account of this role may not {action}; ask the supervisor."
            ).format(action=action_text(action))
        )
    check_session(actor)

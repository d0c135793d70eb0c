"""Who may do what: the role checks every service makes before it writes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from models.entities import Role
from pst_desktop.errors import PermissionDenied


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


_FRONT_DESK = {
    Action.REGISTER_VISITOR,
    Action.EDIT_VISITOR,
    Action.ISSUE_TICKET,
    Action.CANCEL_TICKET,
    Action.BOOK_APPOINTMENT,
}

ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.SUPERVISOR: frozenset(
        _FRONT_DESK
        | {Action.SERVE, Action.RECORD_RATING, Action.VIEW_REPORTS, Action.DELETE_VISITOR}
    ),
    Role.RECEPTIONIST: frozenset(_FRONT_DESK),
    Role.OFFICER: frozenset({Action.SERVE, Action.RECORD_RATING, Action.EDIT_VISITOR}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member a service acts for (or a kiosk with no account)."""

    user_id: int | None
    role: Role
    office_id: int
    name: str = ""

    def may(self, action: Action) -> bool:
        return action in ALLOWED.get(self.role, frozenset())


def require(actor: Actor, action: Action) -> None:
    if not actor.may(action):
        raise PermissionDenied(f"peran {actor.role.value} tidak boleh: {action.value}")

"""Who is signed in, at which office, on which database: what a role window is built from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from models.entities import Role
from pst_desktop.admin.administration import OfficeProfile
from pst_desktop.core.clock import Clock
from pst_desktop.sop.permissions import Actor


class StaffAccount(Protocol):
    """The signed-in account as a window uses it (what ``AccountService.authenticate`` gave)."""

    id: int
    username: str
    full_name: str


@dataclass(frozen=True)
class Session:
    account: StaffAccount
    actor: Actor
    office: OfficeProfile  # as it was when the user signed in
    database: str  # the database URL without its password (``connection.describe``)
    clock: Clock

    @property
    def role(self) -> Role:
        return self.actor.role

    @property
    def name(self) -> str:
        return self.account.full_name

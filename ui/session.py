"""Who is signed in, at which office, on which database: what a role window is built from."""

from __future__ import annotations

from dataclasses import dataclass

from models.entities import Office, Role, UserAccount
from pst_desktop.core.clock import Clock
from pst_desktop.sop.permissions import Actor


@dataclass(frozen=True)
class Session:
    account: UserAccount
    actor: Actor
    office: Office
    database: str  # the database URL without its password (``connection.describe``)
    clock: Clock

    @property
    def role(self) -> Role:
        return self.actor.role

    @property
    def name(self) -> str:
        return self.account.full_name

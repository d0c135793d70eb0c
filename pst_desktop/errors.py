"""The errors services raise; each message is a plain sentence a receptionist can act on."""

from __future__ import annotations


class ServiceError(Exception):
    """Base of every refusal a service gives."""


class ValidationError(ServiceError):
    """Bad input; ``fields`` maps a field name to its message so forms can show it in place."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.fields.items()))


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    """The state changed under us (another PC acted first) or the action does not fit it."""


class OutsideServiceHours(ServiceError):
    """A walk-in ticket outside service hours needs an appointment (SOP step 2)."""


class AuthenticationFailed(ServiceError):
    pass


class AccountLocked(AuthenticationFailed):
    pass

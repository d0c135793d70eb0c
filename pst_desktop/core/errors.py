"""The errors services raise; each message is a plain sentence a receptionist can act on.

Every refusal is logged once, where it is made, at INFO (``pst_desktop.refusals``): the kind
and the sentence (for a ``ValidationError`` only the names of the fields, never what was typed).
Sign-in refusals are logged by ``accounts`` with the username.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("pst_desktop.refusals")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its class name when it has none (a
    driver's message can run to many lines; the first says what happened)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class ServiceError(Exception):
    """Base of every refusal a service gives."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        if not isinstance(self, AuthenticationFailed):
            logger.info("refused (%s): %s", type(self).__name__, self.log_text())

    def log_text(self) -> str:
        return str(self)


class ValidationError(ServiceError):
    """Bad input; ``fields`` maps a field name to its message so forms can show it in place."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        # the sentences only, as a window or the command line shows them ("service: Choose an
        # active service." put a field's internal name in front of the text)
        super().__init__(" ".join(self.fields.values()))

    def log_text(self) -> str:
        return "invalid " + ", ".join(self.fields)


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

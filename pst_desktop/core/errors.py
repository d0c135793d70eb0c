"""The errors services raise; each message is a plain sentence a receptionist can act on.

Every refusal is logged once, where it is made, at INFO (``pst_desktop.refusals``): the kind
and the sentence (for a ``ValidationError`` only the names of the fields, never what was typed).
Sign-in refusals are logged by ``accounts`` with the username.

The database's own troubles are in the family too (``DatabaseTrouble``): the database boundary
(``models.database``) turns a driver's error into ``ConnectionLost`` (the server cannot be
reached now: the connection band, try again when it is back) or ``DatabaseBusy`` (another PC
holds what this one needs: a sentence in the message line, try again in a moment), once, where
the queries run.  Their message is a translated sentence; the driver's own line is their
``detail``, for the log and the office IT.  Every other driver error (a constraint a service
turns into a refusal, a bug) passes through unchanged.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

logger = logging.getLogger("pst_desktop.refusals")


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its class name when it has none (a
    driver's message can run to many lines; the first says what happened).  For a
    ``DatabaseTrouble``: the first line of the driver's words it was made from (its sentence is
    for staff; logs and the office IT want what the driver said)."""
    text = (exc.detail if isinstance(exc, DatabaseTrouble) else str(exc)).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class ServiceError(Exception):
    """Base of every refusal a service gives."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        if not isinstance(self, AuthenticationFailed | DatabaseTrouble):  # logged where made
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


class DatabaseTrouble(ServiceError):
    """The database could not do the work now; the request itself was not refused.

    ``detail`` is what the driver said (its first line goes to the log, never to staff); the
    message is a translated sentence.  Made by the database boundary (``models.database``),
    which logs it there."""

    def __init__(self, detail: str = "") -> None:
        self.detail = detail
        super().__init__(self.sentence())

    def sentence(self) -> str:  # pragma: no cover - every subclass says its own
        raise NotImplementedError

    def log_text(self) -> str:
        return first_line(self)


class ConnectionLost(DatabaseTrouble):
    """The database server (or the SQLite file) cannot be reached now: the window shows the
    connection band and keeps what was typed; nothing of this action was saved."""

    def sentence(self) -> str:
        return QCoreApplication.translate(
            "DatabaseTrouble",
            "The database cannot be reached now. What you typed is kept; try again when the "
            "connection is back.",
        )


class DatabaseBusy(DatabaseTrouble):
    """Another PC holds what this action needs (a lock, a busy SQLite file) longer than the
    database waits: nothing was saved, and trying again in a moment works."""

    def sentence(self) -> str:
        return QCoreApplication.translate(
            "DatabaseTrouble",
            "The database is busy with another PC's work. Nothing was saved; try again in a "
            "moment.",
        )

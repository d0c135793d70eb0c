"""Queue events sent to every station.

On PostgreSQL an event is a ``pg_notify`` sent inside the writing transaction, so it is
delivered exactly when the change commits (and never when it rolls back).  On SQLite (one PC)
stations notice commits by polling ``PRAGMA data_version``; no message is needed.
"""

from __future__ import annotations

import json
from enum import StrEnum

from models.database import database_proxy, is_sqlite

CHANNEL = "pst_events"


def channel_for(db: object) -> str:
    """The NOTIFY channel of a database: one per schema, so offices (or test runs) kept in
    separate schemas of one server never hear each other."""
    options = getattr(db, "connect_params", {}).get("options", "")
    marker = "search_path="
    if marker in options:
        schema = options.split(marker, 1)[1].split()[0].split(",")[0]
        return f"{CHANNEL}_{schema}"
    return CHANNEL


class Event(StrEnum):
    QUEUE_CHANGED = "queue_changed"
    TICKET_CALLED = "ticket_called"
    RATING_REQUESTED = "rating_requested"
    RATING_RECORDED = "rating_recorded"
    SETTINGS_CHANGED = "settings_changed"
    #: an admin deactivated an account, changed its role or reset its password
    ACCOUNT_CHANGED = "account_changed"


def publish(event: Event, **payload: object) -> None:
    """Send ``event`` to every station when the current transaction commits."""
    if is_sqlite():
        return
    message = json.dumps({"event": event.value, **payload}, default=str)
    channel = channel_for(database_proxy.obj)
    database_proxy.execute_sql("SELECT pg_notify(%s, %s)", (channel, message))

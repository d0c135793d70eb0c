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


class Event(StrEnum):
    QUEUE_CHANGED = "queue_changed"
    TICKET_CALLED = "ticket_called"
    RATING_REQUESTED = "rating_requested"
    RATING_RECORDED = "rating_recorded"
    SETTINGS_CHANGED = "settings_changed"


def publish(event: Event, **payload: object) -> None:
    """Send ``event`` to every station when the current transaction commits."""
    if is_sqlite():
        return
    message = json.dumps({"event": event.value, **payload}, default=str)
    database_proxy.execute_sql("SELECT pg_notify(%s, %s)", (CHANNEL, message))

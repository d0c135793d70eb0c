"""Queue events sent to every station.

On PostgreSQL an event is a ``pg_notify`` sent inside the writing transaction, so it is
delivered exactly when the change commits (and never when it rolls back).  On SQLite (one PC)
stations notice commits by polling ``PRAGMA data_version``; no message is needed.

Every event is also the log's one line about a queue move (issued, called, recalled, skipped,
transferred, finished, cancelled…): ticket code, service prefix, visit id and desk, with the
station and the signed-in officer added by ``pst_desktop.core.logs``. Never a visitor's data.
"""

from __future__ import annotations

import json
import logging
from enum import StrEnum
from typing import Any

import peewee as pw

from models.database import database_proxy, is_sqlite

CHANNEL = "pst_events"
logger = logging.getLogger(__name__)
#: payload keys that may be written to the log (ids and codes only)
LOGGED_KEYS = ("office", "visit", "desk", "what", "status", "from_status", "from_desk", "state")


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
    #: a desk opened, went on a break or closed (``pst_desktop.visits.desk_state``)
    DESK_CHANGED = "desk_changed"
    #: a follow-up opened, was taken, written or closed, or a complaint was recorded
    #: (``pst_desktop.officer.follow_ups``): the follow-up lists read again at once
    FOLLOW_UP_CHANGED = "follow_up_changed"


def publish(event: Event, **payload: object) -> None:
    """Send ``event`` to every station when the current transaction commits.

    ``SETTINGS_CHANGED`` also bumps the office's settings revision in this transaction."""
    if logger.isEnabledFor(logging.INFO):
        logger.info("%s", describe(event, payload))
    if event is Event.SETTINGS_CHANGED and payload.get("office") is not None:
        # every station compares this counter (SQLite has no message; a missed notification)
        from pst_desktop.admin import settings_revision

        settings_revision.bump(int(payload["office"]))  # type: ignore[arg-type]
    if is_sqlite():
        return
    message = json.dumps({"event": event.value, **payload}, default=str)
    channel = channel_for(database_proxy.obj)
    database_proxy.execute_sql("SELECT pg_notify(%s, %s)", (channel, message))


# -- the log line ---------------------------------------------------------------------------------
_MOVES = {
    "called": "called at desk {desk} (call {calls})",
    "serving": "being served at desk {desk}",
    "skipped": "skipped (no-show) at desk {desk}",
    "awaiting_rating": "finished at desk {desk}",
    "done": "done",
    "cancelled": "cancelled",
    "expired": "expired",
}


def describe(event: Event, payload: dict[str, Any]) -> str:
    """One log line for an event: what happened to which ticket (read inside the transaction,
    so it is the state being committed)."""
    known = " ".join(f"{k}={payload[k]}" for k in LOGGED_KEYS if payload.get(k) is not None)
    visit_id = payload.get("visit")
    if visit_id is None:
        return f"{event.value} {known}".strip()
    ticket = _ticket(visit_id)
    if ticket is None:
        return f"{event.value} {known}"
    code = f"{ticket['prefix']}-{ticket['number']:03d}" if ticket["number"] else f"visit {visit_id}"
    status = ticket["status"]
    desk = ticket["desk"] or "-"
    where = f"(service {ticket['prefix']}, visit {visit_id})"
    if event is Event.RATING_RECORDED:
        what = f"rated at desk {desk}"
    elif status == "waiting" and not ticket["call_count"] and ticket["fresh"]:
        what = "issued"
    elif status == "waiting":
        what = "back in the queue" + (f" for desk {ticket['desk']}" if ticket["desk"] else "")
    elif status == "called" and ticket["call_count"] > 1:
        what = f"recalled at desk {desk} (call {ticket['call_count']})"
    else:
        what = _MOVES.get(status, status).format(desk=desk, calls=ticket["call_count"])
    return f"ticket {code} {what} {where}"


def _ticket(visit_id: object) -> dict[str, Any] | None:
    from models.entities import Desk, ServiceType, Visit

    row = (
        Visit.select(
            Visit.number,
            Visit.status,
            Visit.call_count,
            Visit.issued_at,
            Visit.updated_at,
            ServiceType.prefix,
            Desk.name.alias("desk"),
        )
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .switch(Visit)
        .join(Desk, join_type=pw.JOIN.LEFT_OUTER, on=(Visit.desk == Desk.id))
        .where(Visit.id == visit_id)
        .dicts()
        .first()
    )
    if row is not None:
        row["fresh"] = row["issued_at"] == row["updated_at"]
    return row

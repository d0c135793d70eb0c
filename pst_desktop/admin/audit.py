"""The audit log: who changed or deleted visitor and visit data, and what it was before.

Every audited action is also one line in the program's log (``pst_desktop.core.logs``): the action,
the entity and its id, who, and the names of the fields that changed; never their values (a
visitor's name or phone is audited in the database, not written to a log file).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from playhouse.shortcuts import model_to_dict

from models.entities import AuditLog, BaseModel

logger = logging.getLogger(__name__)


# never copied into the audit log, whatever the row: a password's hash stays in its own column
NEVER_AUDITED = ("password_hash",)


def snapshot(instance: BaseModel) -> dict[str, Any]:
    """The row's columns as a dict (foreign keys as ids), without the ``NEVER_AUDITED`` ones."""
    data = model_to_dict(instance, recurse=False)
    for key in NEVER_AUDITED:
        data.pop(key, None)
    return data


def _dump(data: dict[str, Any] | None) -> str:
    if not data:
        return ""
    return json.dumps(data, default=_jsonable, ensure_ascii=False, sort_keys=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return f"<{len(bytes(value))} bytes>"
    return str(value)


def record(
    at: dt.datetime,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditLog:
    """Write one audit row; call inside the transaction of the change it describes."""
    if before and after:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        before = {k: before.get(k) for k in sorted(changed)}
        after = {k: after.get(k) for k in sorted(changed)}
    fields = sorted(set(before or {}) | set(after or {}))
    logger.info(
        "%s %s %s by user %s%s",
        action,
        entity,
        entity_id if entity_id is not None else "-",
        user_id if user_id is not None else "-",
        f" (fields: {', '.join(fields)})" if fields else "",
    )
    return AuditLog.create(
        at=at,
        user=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=_dump(before),
        after=_dump(after),
    )


def changed(
    at: dt.datetime,
    user_id: int | None,
    action: str,
    entity: str,
    instance: BaseModel,
    before: dict[str, Any] | None = None,
) -> AuditLog:
    """Write the audit row of one row created, changed or deleted (``action`` "create",
    "update" or "delete"), inside the transaction of the change.

    The entity's id is ``instance``'s. A create or update records ``instance`` as it is now
    after ``before`` (the ``snapshot`` taken before the change; none for a create); a delete
    records ``instance`` as it was read, and no "after"::

        before = audit.snapshot(visitor)
        ...  # change and save the visitor
        audit.changed(now, actor.user_id, "update", "visitor", visitor, before)

    Changes that are not one row's columns (a desk's services, the week's hours, a setting)
    describe themselves with ``record``.
    """
    if action == "delete":
        gone = before if before is not None else snapshot(instance)
        return record(at, user_id, action, entity, instance.id, gone, None)
    return record(at, user_id, action, entity, instance.id, before, snapshot(instance))

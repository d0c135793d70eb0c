"""The office's settings revision: one counter every admin change bumps.

Every ``Event.SETTINGS_CHANGED`` bumps it in the admin's own transaction (``events.publish``),
so it changes exactly when the change commits.  Stations compare it with the last value they
saw: the live bus on every change it hears (a notification on PostgreSQL, a ``data_version``
poll on SQLite, a reconnect), and ``OfficeCalendar.for_office`` before it trusts its cached
hours and closure days.  Reading it is one row by its unique key.

Stored as an ``OfficeSetting`` row (key ``settings_revision``): no schema step needed.
"""

from __future__ import annotations

from models.entities import OfficeSetting

KEY = "settings_revision"


def bump(office_id: int) -> None:
    """Add one to the office's revision (call inside the transaction that changes settings).

    One upsert: two admins saving at the same moment both count (the row lock orders them)."""
    OfficeSetting.insert(office=office_id, key=KEY, value="1").on_conflict(
        conflict_target=[OfficeSetting.office, OfficeSetting.key],
        update={OfficeSetting.value: (OfficeSetting.value.cast("INTEGER") + 1).cast("TEXT")},
    ).execute()


def current(office_id: int) -> int:
    """The office's revision; 0 before the first admin change."""
    value = (
        OfficeSetting.select(OfficeSetting.value)
        .where((OfficeSetting.office == office_id) & (OfficeSetting.key == KEY))
        .scalar()
    )
    try:
        return int(value) if value is not None else 0
    except ValueError:  # pragma: no cover - only this module writes the row
        return 0

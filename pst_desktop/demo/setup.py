"""The demo office's services, desks and staff: made once, before the first day is written.

Enough desks for the mean number of visits a day (about ``reference.TARGET_LOAD`` of their open
time spent serving), every desk serving every service unless it was set up otherwise, and the
staff of ``reference.STAFF`` plus numbered officers, all with ``reference.DEMO_PASSWORD``.  An
office that already has services, desks or accounts keeps them: only what is missing is added.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from models.catalog import DEFAULT_SERVICES
from models.database import write_transaction
from models.entities import Desk, DeskService, Role, ServiceType, UserAccount
from pst_desktop.core.clock import Clock
from pst_desktop.demo import reference as ref
from pst_desktop.sop.office_calendar import OfficeCalendar


@dataclass(frozen=True)
class Staffing:
    """Who and what the simulated days use."""

    services: list[tuple[int, str]]  # (id, code) of the active services, in the office's order
    desks: list[tuple[int, frozenset[int]]]  # (id, the services it serves)
    officers: list[int]
    receptionists: list[int | None]  # [None] when the office has none
    desks_created: int
    accounts_created: int


def ensure_setup(office_id: int, calendar: OfficeCalendar, mean: int, clock: Clock) -> Staffing:
    """Add the services, desks and staff the demo needs for ``mean`` walk-ins a day."""
    now = clock.now()
    with write_transaction():
        services = list(ServiceType.select().where(ServiceType.office == office_id))
        codes = {s.code for s in services}
        prefixes = {s.prefix for s in services}
        for order, (code, prefix, name) in enumerate(DEFAULT_SERVICES):
            if code not in codes and prefix not in prefixes:
                ServiceType.create(
                    office=office_id, code=code, prefix=prefix, name=name, sort_order=order
                )
        services = list(
            ServiceType.select()
            .where((ServiceType.office == office_id) & (ServiceType.active == True))  # noqa: E712
            .order_by(ServiceType.sort_order, ServiceType.id)
        )
        service_ids = [s.id for s in services]
        open_minutes = (
            max(
                (
                    (
                        dt.datetime.combine(dt.date.min, closes)
                        - dt.datetime.combine(dt.date.min, opens)
                    )
                    for opens, closes in calendar.hours.values()
                ),
                default=dt.timedelta(hours=7, minutes=30),
            ).total_seconds()
            / 60
        )
        needed = max(
            2,
            math.ceil(mean * ref.MEAN_SERVICE_MINUTES / (max(open_minutes, 60) * ref.TARGET_LOAD)),
        )
        desks = list(
            Desk.select()
            .where((Desk.office == office_id) & (Desk.active == True))  # noqa: E712
            .order_by(Desk.id)
        )
        names = {d.name for d in Desk.select(Desk.name).where(Desk.office == office_id)}
        number = 0
        new_desks = []
        while len(desks) + len(new_desks) < needed:
            number += 1
            name = f"Meja {number}"
            if name in names:
                continue
            new_desks.append({"office": office_id, "name": name})
        if new_desks:
            Desk.insert_many(new_desks).execute()
            desks = list(
                Desk.select()
                .where((Desk.office == office_id) & (Desk.active == True))  # noqa: E712
                .order_by(Desk.id)
            )
        links: dict[int, set[int]] = {d.id: set() for d in desks}
        for link in DeskService.select().where(DeskService.desk.in_(list(links))):
            links[link.desk_id].add(link.service_id)
        missing = []
        created = {n["name"] for n in new_desks}
        for desk in desks:
            if not links[desk.id] or desk.name in created:
                for sid in service_ids:
                    if sid not in links[desk.id]:
                        missing.append((desk.id, sid))
                        links[desk.id].add(sid)
        for sid in service_ids:  # every service is served somewhere
            if not any(sid in served for served in links.values()):
                for desk in desks:
                    missing.append((desk.id, sid))
                    links[desk.id].add(sid)
        if missing:
            DeskService.insert_many(
                missing, fields=[DeskService.desk, DeskService.service]
            ).execute()
        accounts_created = _ensure_staff(office_id, needed, now)
    officers = UserAccount.select(UserAccount.id).where(
        (UserAccount.office == office_id)
        & (UserAccount.role == Role.OFFICER.value)
        & (UserAccount.active == True)  # noqa: E712
    )
    receptionists = UserAccount.select(UserAccount.id).where(
        (UserAccount.office == office_id)
        & (UserAccount.role == Role.RECEPTIONIST.value)
        & (UserAccount.active == True)  # noqa: E712
    )
    return Staffing(
        services=[(s.id, s.code) for s in services],
        desks=[(d.id, frozenset(links[d.id])) for d in desks],
        officers=[a.id for a in officers.order_by(UserAccount.id)],
        receptionists=[a.id for a in receptionists.order_by(UserAccount.id)] or [None],
        desks_created=len(new_desks),
        accounts_created=accounts_created,
    )


def _ensure_staff(office_id: int, desks: int, now: dt.datetime) -> int:
    staff = list(ref.STAFF)
    wanted_officers = max(4, desks + max(1, desks // 4))
    for n in range(5, wanted_officers + 1):
        first = (ref.MALE + ref.FEMALE)[(n * 7) % (len(ref.MALE) + len(ref.FEMALE))]
        last = ref.SURNAME_ANY[(n * 11) % len(ref.SURNAME_ANY)]
        staff.append((f"petugas{n}", f"{first} {last}, S.ST.", Role.OFFICER))
    taken = {
        u.username
        for u in UserAccount.select(UserAccount.username).where(
            UserAccount.username.in_([s[0] for s in staff])
        )
    }
    rows = [s for s in staff if s[0] not in taken]
    if not rows:
        return 0
    from pst_desktop.admin.accounts import hash_password  # argon2: hash once, reuse

    password_hash = hash_password(ref.DEMO_PASSWORD)
    UserAccount.insert_many(
        [
            {
                "office": office_id,
                "username": username,
                "full_name": full_name,
                "role": role.value,
                "password_hash": password_hash,
                "created_at": now,
            }
            for username, full_name, role in rows
        ]
    ).execute()
    return len(rows)

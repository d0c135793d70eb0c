"""Setting up an office: its row, the SOP's service hours, default services and desks.

``ensure_office`` is the one way a station, ``db init`` or ``demo-data`` gets "the office, made
if there is none": the check and the creation happen under one lock (PostgreSQL advisory lock,
SQLite ``BEGIN IMMEDIATE``), so two PCs starting at the same moment on a fresh database make one
office, not two.
"""

from __future__ import annotations

import peewee as pw

from models.catalog import DEFAULT_SERVICES
from models.database import database_proxy, is_sqlite, write_transaction
from models.entities import Desk, DeskService, Office, ServiceHours, ServiceType
from pst_desktop.core.clock import Clock
from pst_desktop.sop.office_calendar import SOP_HOURS

DEFAULT_OFFICE_NAME = "BPS Provinsi Bengkulu"
DEFAULT_TIME_ZONE = "Asia/Jakarta"

#: PostgreSQL advisory lock key held while a station checks for and creates the first office
_FIRST_OFFICE_LOCK = 7310002


def create_office(
    clock: Clock,
    name: str = DEFAULT_OFFICE_NAME,
    time_zone: str = DEFAULT_TIME_ZONE,
    address: str = "",
    desks: int = 2,
    db: pw.Database | None = None,
) -> Office:
    """A new office with the SOP's hours, the default services, and desks serving all of them
    (on ``db`` when given: a station's database not bound yet, else the app's)."""
    with write_transaction(db):
        office = Office.create(
            name=name, time_zone=time_zone, address=address, created_at=clock.now()
        )
        for weekday, (opens, closes) in SOP_HOURS.items():
            ServiceHours.create(office=office, weekday=weekday, opens=opens, closes=closes)
        services = [
            ServiceType.create(office=office, code=code, prefix=prefix, name=label, sort_order=i)
            for i, (code, prefix, label) in enumerate(DEFAULT_SERVICES)
        ]
        for n in range(1, desks + 1):
            desk = Desk.create(office=office, name=f"Meja {n}")
            for service in services:
                DeskService.create(desk=desk, service=service)
    return office


def first_office() -> Office | None:
    return Office.select().order_by(Office.id).first()


def ensure_office(
    clock: Clock,
    name: str = DEFAULT_OFFICE_NAME,
    desks: int = 2,
    db: pw.Database | None = None,
) -> Office:
    """The first office; on an empty database a new default one, made once however many
    stations ask at the same moment (on ``db`` when given, else the app's database)."""
    return find_or_create_office(clock, name, desks, db)[0]


def find_or_create_office(
    clock: Clock,
    name: str = DEFAULT_OFFICE_NAME,
    desks: int = 2,
    db: pw.Database | None = None,
) -> tuple[Office, bool]:
    """``ensure_office``, and whether this call made the office."""
    office = first_office()
    if office is not None:
        return office, False
    with write_transaction(db):
        if not is_sqlite(db):
            (db or database_proxy).execute_sql(
                f"SELECT pg_advisory_xact_lock({_FIRST_OFFICE_LOCK})"
            )
        office = first_office()  # another station may have made it while we waited
        if office is not None:
            return office, False
        return create_office(clock, name=name, desks=desks, db=db), True

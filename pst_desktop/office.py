"""Setting up an office: its row, the SOP's service hours, default services and desks."""

from __future__ import annotations

from models.catalog import DEFAULT_SERVICES
from models.database import write_transaction
from models.entities import Desk, DeskService, Office, ServiceHours, ServiceType
from pst_desktop.calendar import SOP_HOURS
from pst_desktop.clock import Clock

DEFAULT_OFFICE_NAME = "BPS Provinsi Bengkulu"


def create_office(
    clock: Clock,
    name: str = DEFAULT_OFFICE_NAME,
    time_zone: str = "Asia/Jakarta",
    address: str = "",
    desks: int = 2,
) -> Office:
    """A new office with the SOP's hours, the default services, and desks serving all of them."""
    with write_transaction():
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

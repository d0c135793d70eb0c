"""Admin changes reach every station, on SQLite and on PostgreSQL.

- every admin change bumps the office's settings revision in its own transaction;
- the live bus emits ``settings_changed`` when it sees the revision move (the notification on
  PostgreSQL, the ``data_version`` poll on SQLite, or a plain ``refresh()``);
- a service no open desk serves is refused at the front desk, and nothing is written;
- shortened service hours hold for the very next ticket, on a station whose cached calendar
  the admin's own station could not drop.
"""

from __future__ import annotations

import datetime as dt

import peewee as pw
import pytest

from models.entities import Desk, Role, ServiceType, TicketCounter, Visit
from pst_desktop.admin import settings_revision
from pst_desktop.admin.administration import Administration
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import Conflict, OutsideServiceHours, ValidationError
from pst_desktop.db.changes import LiveBus
from pst_desktop.frontdesk import reception
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.frontdesk.reception import FrontDesk, services_of
from pst_desktop.sop.office_calendar import SOP_HOURS, OfficeCalendar
from tests.support import wib


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def visitor(receptionist, clock):
    return RegistrationService(clock).register(
        receptionist,
        VisitorForm(name="Ayu", email="ayu@example.com", gender="female", consent=True),
    )


def new_service(admin, clock, code="walk_data", prefix="W", name="Walk-in data"):
    return Administration(clock).save_service(admin, None, code=code, prefix=prefix, name=name)


def desks(office):
    return list(Desk.select().where(Desk.office == office.id).order_by(Desk.id))


def served_by(desk):
    return [link.service_id for link in desk.service_links]


# -- the revision ---------------------------------------------------------------------------------
def test_every_admin_change_bumps_the_revision_and_a_refused_one_does_not(db, office, admin, clock):
    administration = Administration(clock)
    assert settings_revision.current(office.id) == 0
    new_service(admin, clock)
    assert settings_revision.current(office.id) == 1
    administration.save_rating(admin, question="Puas?", scale=10)
    administration.save_running_text(admin, "Selamat datang")
    assert settings_revision.current(office.id) == 3
    with pytest.raises(ValidationError):
        administration.save_rating(admin, question="Puas?", scale=11)
    with pytest.raises(ValidationError):  # refused inside its transaction: rolled back
        new_service(admin, clock, code="walk_data", prefix="Z", name="Again")
    assert settings_revision.current(office.id) == 3


# -- the bus ------------------------------------------------------------------------------------
@pytest.fixture
def bus(db, office, clock, qtbot):
    b = LiveBus(db, office.id, clock, poll_ms=50)
    b.start()
    yield b
    b.stop()


def test_the_bus_hears_an_admin_change_on_both_databases(db, bus, admin, clock, qtbot):
    qtbot.wait(150)  # the setup's own writes are the baseline
    with qtbot.waitSignal(bus.settings_changed, timeout=3000) as heard:
        Administration(clock).save_rating(admin, question="Puas?", scale=10)
    if isinstance(db, pw.SqliteDatabase):
        assert heard.args == [""]  # SQLite has no message: reload every setting
    else:
        assert heard.args == ["rating"]  # from the notification
    with qtbot.assertNotEmitted(bus.settings_changed, wait=300):
        bus.refresh()  # nothing new: nothing said


def test_a_refresh_alone_finds_a_change_made_while_nobody_listened(db, office, admin, clock, qtbot):
    bus = LiveBus(db, office.id, clock)  # not started: no watcher, no timer
    bus.refresh()
    Administration(clock).save_hours(admin, {0: (dt.time(8), dt.time(12))})
    with qtbot.waitSignal(bus.settings_changed, timeout=1000) as heard:
        bus.refresh()
    assert heard.args == [""]
    assert bus.settings.revision == settings_revision.current(office.id)


def test_the_bus_drops_cached_calendars(db, bus, office, admin, clock, qtbot, monkeypatch):
    OfficeCalendar.for_office(office.id)
    dropped = []
    real = OfficeCalendar.invalidate
    monkeypatch.setattr(OfficeCalendar, "invalidate", staticmethod(lambda: dropped.append(1)))
    Administration(clock).save_running_text(admin, "Hari ini tutup pukul 12.00")
    monkeypatch.setattr(OfficeCalendar, "invalidate", staticmethod(real))
    assert not dropped  # the admin's station dropped nothing for running text
    with qtbot.waitSignal(bus.settings_changed, timeout=3000):
        pass
    from pst_desktop.sop import office_calendar

    assert not office_calendar._cache.get(db, {})


# -- a service no desk serves --------------------------------------------------------------
def test_a_service_no_desk_serves_is_refused_and_nothing_is_written(
    db, office, admin, receptionist, visitor, clock
):
    walk = new_service(admin, clock)
    assert {s.service_id: s.served for s in services_of(office.id)}[walk.id] is False
    with pytest.raises(Conflict, match="No desk serves Walk-in data"):
        FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=walk.id)
    assert Visit.select().where(Visit.service == walk.id).count() == 0
    assert TicketCounter.select().where(TicketCounter.service == walk.id).count() == 0

    one = desks(office)[0]
    Administration(clock).save_desk(
        admin, one.id, name=one.name, service_ids=[*served_by(one), walk.id]
    )
    assert {s.service_id: s.served for s in services_of(office.id)}[walk.id] is True
    ticket = FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=walk.id)
    assert ticket.code == "W-001"


def test_a_service_only_a_closed_desk_serves_is_refused(
    db, office, admin, receptionist, visitor, clock
):
    walk = new_service(admin, clock)
    one, two = desks(office)
    administration = Administration(clock)
    administration.save_desk(admin, one.id, name=one.name, service_ids=[*served_by(one), walk.id])
    administration.save_desk(admin, one.id, name=one.name, active=False, service_ids=[walk.id])
    assert {s.service_id: s.served for s in services_of(office.id)}[walk.id] is False
    with pytest.raises(Conflict):
        FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=walk.id)
    # the other services are still served by the second desk
    consultation = ServiceType.get(ServiceType.code == "consultation")
    assert consultation.id in served_by(two)
    FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=consultation.id)


# -- hours ---------------------------------------------------------------------------------------
def test_shortened_hours_hold_for_the_next_ticket_at_once(
    db, office, admin, receptionist, visitor, monkeypatch
):
    """The admin sits at another PC: this station's cached calendar is not dropped by the
    admin's call (``invalidate`` does nothing here), yet the next ticket obeys the new hours."""
    clock = FixedClock(wib(2026, 11, 24, 14, 30))  # Tuesday, open until 15:30
    consultation = ServiceType.get(ServiceType.code == "consultation")
    desk = FrontDesk(clock)
    desk.issue(receptionist, visitor_id=visitor.id, service_id=consultation.id)  # caches hours
    monkeypatch.setattr(OfficeCalendar, "invalidate", staticmethod(lambda: None))
    week = dict(SOP_HOURS)
    week[1] = (dt.time(8), dt.time(14))  # today closes at 14:00 now
    Administration(clock).save_hours(admin, week)
    with pytest.raises(OutsideServiceHours):
        desk.issue(receptionist, visitor_id=visitor.id, service_id=consultation.id)
    assert reception.queue_snapshot(office.id, clock.now()).is_open is False


def test_longer_hours_open_the_desk_at_once(db, office, admin, receptionist, visitor, monkeypatch):
    clock = FixedClock(wib(2026, 11, 24, 15, 45))  # Tuesday, closed since 15:30
    consultation = ServiceType.get(ServiceType.code == "consultation")
    assert reception.queue_snapshot(office.id, clock.now()).is_open is False  # caches hours
    monkeypatch.setattr(OfficeCalendar, "invalidate", staticmethod(lambda: None))
    week = dict(SOP_HOURS)
    week[1] = (dt.time(8), dt.time(17))
    Administration(clock).save_hours(admin, week)
    ticket = FrontDesk(clock).issue(receptionist, visitor_id=visitor.id, service_id=consultation.id)
    assert ticket.code == "K-001"

"""Office administration: validated, audited, one transaction each, admin only."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import AuditLog, ClosureDay, Desk, DeskService, Office, Role, ServiceType
from pst_desktop.admin import administration as adm
from pst_desktop.admin.administration import KEEP_LOGO, Administration
from pst_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from pst_desktop.sop.office_calendar import OfficeCalendar

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
T = dt.time


@pytest.fixture
def admin_service(clock):
    return Administration(clock)


def consultation(office):
    return ServiceType.get((ServiceType.office == office.id) & (ServiceType.code == "consultation"))


def audits(entity):
    return list(AuditLog.select().where(AuditLog.entity == entity).order_by(AuditLog.id))


def test_only_the_admin_configures_the_office(admin_service, office, make_actor):
    supervisor = make_actor(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        admin_service.save_service(supervisor, None, code="x", prefix="X", name="X")
    with pytest.raises(PermissionDenied):
        admin_service.add_closure(supervisor, dt.date(2026, 12, 1), "Rapat")
    with pytest.raises(PermissionDenied):
        admin_service.save_running_text(supervisor, "Halo")


def test_create_and_change_a_service_is_audited(admin_service, office, admin):
    service = admin_service.save_service(
        admin, None, code="survey", prefix="S", name="  Rekomendasi   Survei ", sort_order=7
    )
    assert (service.prefix, service.name, service.sort_order) == ("S", "Rekomendasi Survei", 7)
    admin_service.save_service(
        admin,
        service.id,
        code="survey",
        prefix="RS",
        name="Rekomendasi",
        sort_order=7,
        active=False,
    )
    changed = ServiceType.get_by_id(service.id)
    assert (changed.prefix, changed.active) == ("RS", False)
    rows = audits("service")
    assert [r.action for r in rows] == ["create", "update"]
    assert '"prefix": "RS"' in rows[1].after and '"prefix": "S"' in rows[1].before


@pytest.mark.parametrize("prefix", ["", "k", "KKKK", "K1", "K-"])
def test_a_bad_prefix_is_refused_and_nothing_saved(admin_service, office, admin, prefix):
    service = consultation(office)
    with pytest.raises(ValidationError) as caught:
        admin_service.save_service(
            admin, service.id, code=service.code, prefix=prefix, name=service.name
        )
    assert "capital letters" in caught.value.fields["prefix"]
    assert ServiceType.get_by_id(service.id).prefix == service.prefix
    assert audits("service") == []


def test_code_and_prefix_are_unique_per_office(admin_service, office, admin):
    others = [s for s in adm.services(office.id) if s.code != "consultation"]
    service = consultation(office)
    with pytest.raises(ValidationError) as caught:
        admin_service.save_service(
            admin, service.id, code=others[0].code, prefix=others[0].prefix, name="Konsultasi"
        )
    assert set(caught.value.fields) == {"code", "prefix"}
    assert "already" in caught.value.fields["prefix"]
    # keeping its own code and prefix is fine
    admin_service.save_service(
        admin, service.id, code=service.code, prefix=service.prefix, name="Konsultasi Statistik"
    )
    assert consultation(office).name == "Konsultasi Statistik"


def test_desks_and_their_services(admin_service, office, admin):
    service = consultation(office)
    desk = admin_service.save_desk(admin, None, name="Meja 3", service_ids=[service.id])
    assert {r.name for r in adm.desks(office.id)} == {"Meja 1", "Meja 2", "Meja 3"}
    row = next(r for r in adm.desks(office.id) if r.id == desk.id)
    assert row.service_ids == {service.id}
    everything = [s.id for s in adm.services(office.id)]
    admin_service.save_desk(admin, desk.id, name="Meja 3", service_ids=everything)
    assert DeskService.select().where(DeskService.desk == desk.id).count() == len(everything)
    with pytest.raises(ValidationError) as caught:
        admin_service.save_desk(admin, desk.id, name="Meja 1", service_ids=everything)
    assert "name" in caught.value.fields
    with pytest.raises(ValidationError) as caught:
        admin_service.save_desk(admin, desk.id, name="Meja 3", service_ids=[])
    assert "services" in caught.value.fields
    assert Desk.get_by_id(desk.id).name == "Meja 3"
    assert [r.action for r in audits("desk")] == ["create", "update"]


def test_office_profile(admin_service, office, admin):
    admin_service.save_profile(
        admin,
        name="BPS Kota Bengkulu",
        address="Jl. Adam Malik",
        time_zone="Asia/Makassar",
        logo=PNG,
    )
    saved = Office.get_by_id(office.id)
    assert (saved.name, saved.time_zone, bytes(saved.logo)) == (
        "BPS Kota Bengkulu",
        "Asia/Makassar",
        PNG,
    )
    admin_service.save_profile(
        admin, name="BPS Kota Bengkulu", address="", time_zone="Asia/Jakarta", logo=KEEP_LOGO
    )
    assert bytes(Office.get_by_id(office.id).logo) == PNG
    assert len(audits("office")) == 2


def test_a_desk_of_the_office(admin_service, office, admin, clock):
    from pst_desktop.admin.office_setup import create_office

    first = adm.desks(office.id)[0]
    assert adm.desk_of(office.id, first.id) == first
    other = create_office(clock, name="BPS Kota Bengkulu")
    assert adm.desk_of(other.id, first.id) is None  # another office's desk
    assert adm.desk_of(office.id, first.id + 1000) is None


def test_the_office_profile_is_plain_data(admin_service, office, admin):
    assert adm.office_profile(office.id) == adm.OfficeProfile(
        office.id, office.name, "", "Asia/Jakarta", None
    )
    admin_service.save_profile(
        admin, name="BPS Kota Bengkulu", address="Jl. Adam Malik", time_zone="Asia/Makassar",
        logo=PNG,
    )  # fmt: skip
    profile = adm.office_profile(office.id)
    assert (profile.name, profile.address, profile.time_zone) == (
        "BPS Kota Bengkulu",
        "Jl. Adam Malik",
        "Asia/Makassar",
    )
    assert isinstance(profile.logo, bytes) and profile.logo == PNG
    with pytest.raises(NotFound, match="office does not exist"):
        adm.office_profile(office.id + 1000)


@pytest.mark.parametrize(
    ("fields", "key", "words"),
    [
        ({"name": " "}, "name", "office's name"),
        ({"time_zone": "Asia/Bengkulu"}, "time_zone", "Unknown time zone"),
        ({"time_zone": ""}, "time_zone", "Unknown time zone"),
        ({"logo": b"GIF89a" + b"\0" * 10}, "logo", "PNG or JPEG"),
        ({"logo": PNG + b"\0" * (512 * 1024)}, "logo", "512 KB"),
    ],
)
def test_bad_profile_is_refused(admin_service, office, admin, fields, key, words):
    values = {"name": "BPS X", "address": "", "time_zone": "Asia/Jakarta"} | fields
    with pytest.raises(ValidationError) as caught:
        admin_service.save_profile(admin, **values)
    assert words in caught.value.fields[key]
    assert Office.get_by_id(office.id).name == office.name
    assert audits("office") == []


def test_service_hours(admin_service, office, admin, clock):
    OfficeCalendar.for_office(office.id)  # cached before the change
    week = {d: (T(7, 30), T(15, 0)) for d in range(5)}
    week[5] = (T(8, 0), T(12, 0))
    admin_service.save_hours(admin, week)
    assert adm.hours(office.id) == week
    calendar = OfficeCalendar.for_office(office.id)
    assert calendar.hours[5] == (T(8, 0), T(12, 0))  # the cache was dropped
    with pytest.raises(ValidationError) as caught:
        admin_service.save_hours(admin, {0: (T(15, 0), T(8, 0))})
    assert "open before it closes" in caught.value.fields["weekday_0"]
    with pytest.raises(ValidationError):
        admin_service.save_hours(admin, {})
    assert adm.hours(office.id) == week
    assert len(audits("service_hours")) == 1


def test_closure_days_and_the_year_list(admin_service, office, admin):
    entries = adm.year_calendar(office.id, 2026)
    assert any(e.holiday and e.day == dt.date(2026, 8, 17) for e in entries)  # Proklamasi
    assert all(e.closed and not e.office_override for e in entries)
    admin_service.add_closure(admin, dt.date(2026, 12, 1), "Rapat kerja kantor")
    admin_service.add_closure(admin, dt.date(2026, 8, 17), "Upacara", closed=False)
    entries = {e.day: e for e in adm.year_calendar(office.id, 2026)}
    assert entries[dt.date(2026, 12, 1)].reason == "Rapat kerja kantor"
    assert entries[dt.date(2026, 12, 1)].holiday == ""
    assert entries[dt.date(2026, 8, 17)].closed is False
    assert entries[dt.date(2026, 8, 17)].holiday
    assert not OfficeCalendar.for_office(office.id).is_working_day(dt.date(2026, 12, 1))
    with pytest.raises(ValidationError) as caught:
        admin_service.add_closure(admin, dt.date(2026, 12, 1), "Lagi")
    assert "already" in caught.value.fields["day"]
    with pytest.raises(ValidationError) as caught:
        admin_service.add_closure(admin, dt.date(2026, 12, 2), "  ")
    assert "reason" in caught.value.fields
    admin_service.remove_closure(admin, dt.date(2026, 12, 1))
    assert OfficeCalendar.for_office(office.id).is_working_day(dt.date(2026, 12, 1))
    with pytest.raises(NotFound):
        admin_service.remove_closure(admin, dt.date(2026, 12, 1))
    assert ClosureDay.select().count() == 1
    assert [r.action for r in audits("closure_day")] == ["create", "create", "delete"]


def test_rating_question_scale_and_running_text(admin_service, office, admin):
    fallback = adm.office_settings(office.id, station_scale=5, station_running_text="Stasiun")
    assert (fallback.rating_scale, fallback.board_running_text) == (5, "Stasiun")
    assert fallback.rating_question == ""  # the rating screen asks its own translated question
    admin_service.save_rating(admin, question="Puaskah Anda?", scale=6)
    admin_service.save_running_text(admin, "Selamat datang di PST")
    saved = adm.office_settings(office.id, station_scale=5, station_running_text="Stasiun")
    assert saved == adm.OfficeSettings("Puaskah Anda?", 6, "Selamat datang di PST")
    for scale in (1, 11):
        with pytest.raises(ValidationError) as caught:
            admin_service.save_rating(admin, question="Puaskah Anda?", scale=scale)
        assert "2 to 10" in caught.value.fields["scale"]
    with pytest.raises(ValidationError) as caught:
        admin_service.save_running_text(admin, "x" * 301)
    assert "300" in caught.value.fields["running_text"]
    assert adm.office_settings(office.id).board_running_text == "Selamat datang di PST"
    assert len(audits("office_setting")) == 3

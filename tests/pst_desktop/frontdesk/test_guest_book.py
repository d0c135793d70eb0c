import json

import pytest

from models.entities import AuditLog, Role, Visitor
from pst_desktop.core.errors import NotFound, PermissionDenied, ValidationError
from pst_desktop.frontdesk.guest_book import (
    GuestBookEntry,
    RegistrationService,
    VisitorForm,
    form_from_visitor,
    normalize_phone,
)


@pytest.fixture
def receptionist(make_actor):
    return make_actor(Role.RECEPTIONIST)


@pytest.fixture
def registration(clock):
    return RegistrationService(clock)


def good_form(**changes) -> VisitorForm:
    values = dict(
        name="  Budi   Santoso ",
        email="Budi.Santoso@Example.co.id",
        phone="+62 812-3456-7890",
        gender="male",
        birth_year=1998,
        education="bachelor",
        occupation="student",
        institution_category="research_education",
        institution_name="Universitas Bengkulu",
        consent=True,
    )
    values.update(changes)
    return VisitorForm(**values)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("+62 812-3456-7890", "081234567890"),
        ("6281234567890", "081234567890"),
        ("0812 3456 7890", "081234567890"),
        ("(0736) 349117", "0736349117"),
        ("", ""),
    ],
)
def test_normalize_phone(raw, normal):
    assert normalize_phone(raw) == normal


def test_register_cleans_the_input(registration, receptionist, clock):
    visitor = registration.register(receptionist, good_form())
    assert visitor.name == "Budi Santoso"
    assert visitor.email == "budi.santoso@example.co.id"
    assert visitor.phone == "081234567890"
    assert visitor.consent and visitor.consent_at == clock.now()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"email": ""}, "email"),
        ({"email": "budi@"}, "email"),
        ({"email": "budi example.com"}, "email"),
        ({"phone": "12345"}, "phone"),
        ({"phone": "0812abc"}, "phone"),
        ({"gender": ""}, "gender"),
        ({"education": "phd-ish"}, "education"),
        ({"birth_year": 1850}, "birth_year"),
        ({"birth_year": 2025}, "birth_year"),
        ({"occupation": "other", "occupation_other": ""}, "occupation_other"),
        ({"consent": False}, "consent"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(registration, receptionist, changes, field):
    with pytest.raises(ValidationError) as err:
        registration.register(receptionist, good_form(**changes))
    assert field in err.value.fields
    assert err.value.fields[field]  # a message a person can read
    assert Visitor.select().count() == 0


def test_several_bad_fields_are_reported_together(registration, receptionist):
    with pytest.raises(ValidationError) as err:
        registration.register(receptionist, good_form(name="", email="x", consent=False))
    assert {"name", "email", "consent"} <= set(err.value.fields)


def test_find_returning_visitor_by_phone_email_or_name(registration, receptionist, clock):
    budi = registration.register(receptionist, good_form())
    registration.register(
        receptionist, good_form(name="Ani Wijaya", email="ani@example.com", phone="081999888777")
    )
    assert [v.id for v in registration.find(receptionist, "0812-3456")] == [budi.id]
    assert [v.id for v in registration.find(receptionist, "+6281234567890")] == [budi.id]
    assert [v.id for v in registration.find(receptionist, "BUDI.santoso@")] == [budi.id]
    assert [v.id for v in registration.find(receptionist, "santoso")] == [budi.id]
    assert registration.find(receptionist, "b") == []  # too short to search
    assert registration.find(receptionist, "tidak ada") == []


def test_the_front_desk_looks_up_and_loads_plain_entries(registration, receptionist, make_actor):
    budi = registration.register(receptionist, good_form())
    [found] = registration.look_up(receptionist, "santoso")
    assert found == GuestBookEntry(budi.id, form_from_visitor(budi))
    assert found.form.name == "Budi Santoso" and found.form.phone == "081234567890"
    assert registration.entry(receptionist, budi.id) == found
    registration.delete(make_actor(Role.SUPERVISOR), budi.id)
    with pytest.raises(NotFound, match="no longer in the guest book"):
        registration.entry(receptionist, budi.id)
    with pytest.raises(NotFound):
        registration.entry(receptionist, budi.id + 1000)


def test_update_is_audited(registration, receptionist, clock):
    visitor = registration.register(receptionist, good_form())
    clock.advance(minutes=5)
    form = form_from_visitor(visitor)
    form.institution_name = "Bappeda Provinsi Bengkulu"
    updated = registration.update(receptionist, visitor.id, form)
    assert updated.institution_name == "Bappeda Provinsi Bengkulu"
    assert updated.updated_at == clock.now()
    entry = AuditLog.get(AuditLog.entity == "visitor")
    assert entry.action == "update" and entry.user_id == receptionist.user_id
    assert "Universitas Bengkulu" in entry.before and "Bappeda" in entry.after
    assert set(json.loads(entry.before)) == {"institution_name", "updated_at"}  # only changes


def test_invalid_update_changes_nothing(registration, receptionist):
    visitor = registration.register(receptionist, good_form())
    with pytest.raises(ValidationError):
        registration.update(receptionist, visitor.id, good_form(email="nope"))
    assert Visitor.get_by_id(visitor.id).email == "budi.santoso@example.co.id"
    assert AuditLog.select().where(AuditLog.entity == "visitor").count() == 0


def test_delete_needs_the_right_role_and_is_audited(registration, receptionist, make_actor):
    visitor = registration.register(receptionist, good_form())
    with pytest.raises(PermissionDenied):
        registration.delete(receptionist, visitor.id)
    supervisor = make_actor(Role.SUPERVISOR)
    registration.delete(supervisor, visitor.id)
    assert Visitor.select().count() == 0
    entry = AuditLog.get((AuditLog.entity == "visitor") & (AuditLog.action == "delete"))
    assert "Budi Santoso" in entry.before
    with pytest.raises(NotFound):
        registration.delete(supervisor, visitor.id)

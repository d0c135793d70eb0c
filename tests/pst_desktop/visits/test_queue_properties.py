"""Random input at every form validator and service entry point (hypothesis).

Whatever comes in: no crash (only ``ServiceError`` subclasses, each with a message), and a refused
call leaves every table as it was (nothing half-saved).  SQLite only: the rules are the same code
on PostgreSQL, and the examples must be fast.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from models.database import database_proxy
from models.entities import ALL_TABLES, Role
from pst_desktop import cli
from pst_desktop.admin.accounts import AccountService, actor_for
from pst_desktop.admin.office_setup import create_office
from pst_desktop.core.clock import FixedClock
from pst_desktop.core.errors import ServiceError, ValidationError
from pst_desktop.db.connection import open_database
from pst_desktop.frontdesk.appointments import AppointmentService
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm, validate
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visits.queue import QueueService
from tests.support import wib

FAST = settings(
    max_examples=60,
    deadline=None,
    # no "explain" phase: on a failure it re-runs the test hundreds of times and pytest's
    # traceback formatting made it outlast the 120 s faulthandler timeout
    phases=(Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink),
    print_blob=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOW = wib(2026, 11, 24, 10, 0)
GOOD = dict(
    name="Budi Santoso",
    email="budi.santoso@example.co.id",
    phone="+62 812-3456-7890",
    gender="male",
    birth_year=1998,
    education="bachelor",
    occupation="student",
    institution_category="research_education",
    institution_name="Universitas Bengkulu",
    consent=True,
)

# text as people type it (and worse): any unicode but the NUL a database driver rejects
texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=80
)
ids = st.one_of(st.integers(-5, 50), st.integers(-(2**63), 2**63 - 1))


@pytest.fixture
def office_db(tmp_path):
    """One SQLite office with an admin, a receptionist, a visitor; shared by the examples."""
    db = open_database("sqlite:///" + str(tmp_path / "pst.db"))
    clock = FixedClock(NOW)
    office = create_office(clock)
    accounts = AccountService(clock)
    admin = actor_for(accounts.create_first_admin(office.id, "admin", "Admin", "rahasia-admin"))
    desk = actor_for(accounts.create(admin, "rina", "Rina", Role.RECEPTIONIST, "rahasia-123"))
    visitor = RegistrationService(clock).register(desk, VisitorForm(**GOOD))
    yield {"clock": clock, "admin": admin, "desk": desk, "visitor": visitor.id, "db": db}
    db.close()
    database_proxy.initialize(None)


def counts() -> dict[str, int]:
    return {m._meta.table_name: m.select().count() for m in ALL_TABLES}


def refused_cleanly(exc: ServiceError, before: dict[str, int]) -> None:
    message = "; ".join(exc.fields.values()) if isinstance(exc, ValidationError) else str(exc)
    assert message.strip(), f"{type(exc).__name__} without a message"
    assert counts() == before, "a refused call changed the database"


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {t: after[t] - before[t] for t in before if after[t] != before[t]}


def _good_or(field: str, *others):
    """Mostly the good value of ``field``, sometimes anything: so some forms pass."""
    return st.one_of(st.just(GOOD.get(field, "")), st.just(GOOD.get(field, "")), *others)


forms = st.builds(
    VisitorForm,
    name=_good_or("name", texts, st.sampled_from(["Ani", "  Siti   Aminah ", "x"])),
    email=_good_or("email", texts, st.sampled_from(["", "a@b", "budi@@x.id"])),
    phone=_good_or("phone", texts, st.sampled_from(["", "081234567890", "12"])),
    gender=_good_or("gender", texts, st.just("female")),
    birth_year=_good_or("birth_year", st.none(), st.integers(-(10**6), 10**6)),
    education=_good_or("education", texts),
    occupation=_good_or("occupation", texts),
    occupation_other=_good_or("occupation_other", texts),
    institution_category=_good_or("institution_category", texts),
    institution_name=_good_or("institution_name", texts),
    disability=_good_or("disability", texts),
    consent=_good_or("consent", st.booleans()),
)


@FAST
@given(form=forms, year=st.integers(1, 9999))
def test_validate_never_crashes(office_db, form, year):
    try:
        values = validate(form, year)
    except ValidationError as exc:
        assert exc.fields and all(m.strip() for m in exc.fields.values())
    else:
        assert len(values["name"]) >= 2


@FAST
@given(form=forms)
def test_register_saves_all_or_nothing(office_db, form):
    before = counts()
    try:
        RegistrationService(office_db["clock"]).register(office_db["desk"], form)
    except ServiceError as exc:
        refused_cleanly(exc, before)
    else:
        assert changed(before, counts()).get("visitor") == 1


@FAST
@given(
    username=st.one_of(texts, st.sampled_from(["budi", "admin", "Budi.S", "x"])),
    full_name=texts,
    role=st.sampled_from(list(Role)),
    password=st.one_of(texts, st.just("rahasia-456")),
)
def test_account_create_saves_all_or_nothing(office_db, username, full_name, role, password):
    before = counts()
    try:
        AccountService(office_db["clock"]).create(
            office_db["admin"], username, full_name, role, password
        )
    except ServiceError as exc:
        refused_cleanly(exc, before)
    else:
        assert changed(before, counts()).get("user_account") == 1


@FAST
@given(username=st.one_of(texts, st.just("rina")), password=texts)
def test_authenticate_refuses_with_a_message(office_db, username, password):
    before = counts()
    with pytest.raises(ServiceError) as caught:
        AccountService(office_db["clock"]).authenticate(username, password)
    assert str(caught.value).strip()
    # a lock-out after repeated failures is audited: that row is the only change allowed
    assert set(changed(before, counts())) <= {"audit_log"}


@FAST
@given(
    visit_id=ids,
    score=st.integers(-(2**40), 2**40),
    comment=st.one_of(st.none(), texts, st.text(min_size=490, max_size=600)),
    scale_max=st.integers(-(2**40), 2**40),
)
def test_rating_record_refuses_cleanly(office_db, visit_id, score, comment, scale_max):
    before = counts()
    try:
        RatingService(office_db["clock"]).record(visit_id, score, comment, scale_max)
    except ServiceError as exc:
        refused_cleanly(exc, before)
    else:  # pragma: no cover - no visit awaits a rating in this office
        pytest.fail("a rating for a visit that does not exist was saved")


aware_moments = st.datetimes(
    min_value=dt.datetime(1900, 1, 2),
    max_value=dt.datetime(2200, 1, 1),
    timezones=st.sampled_from([ZoneInfo("Asia/Jakarta"), ZoneInfo("UTC"), dt.UTC]),
)


@FAST
@given(
    visitor_id=st.one_of(ids, st.just(1)),
    service_id=st.one_of(ids, st.sampled_from([1, 2])),
    scheduled_at=st.one_of(
        aware_moments, st.just(NOW + dt.timedelta(days=1)), st.just(NOW + dt.timedelta(hours=2))
    ),
    note=texts,
)
def test_appointment_book_saves_all_or_nothing(
    office_db, visitor_id, service_id, scheduled_at, note
):
    before = counts()
    try:
        AppointmentService(office_db["clock"]).book(
            office_db["desk"],
            visitor_id=visitor_id,
            service_id=service_id,
            scheduled_at=scheduled_at,
            note=note,
        )
    except ServiceError as exc:
        refused_cleanly(exc, before)
    else:
        assert changed(before, counts()).get("appointment") == 1


@FAST
@given(
    visitor_id=st.one_of(ids, st.just(1)),
    service_id=st.one_of(ids, st.sampled_from([1, 2])),
    purpose=st.one_of(texts, st.just("")),
)
def test_issue_ticket_saves_all_or_nothing(office_db, visitor_id, service_id, purpose):
    before = counts()
    try:
        QueueService(office_db["clock"]).issue_ticket(
            office_db["desk"], visitor_id=visitor_id, service_id=service_id, purpose=purpose
        )
    except ServiceError as exc:
        refused_cleanly(exc, before)
    else:
        assert changed(before, counts()).get("visit") == 1


dates = st.one_of(texts, st.dates().map(str), st.sampled_from(["2026-11-01", "2026-13-01", ""]))


@FAST
@given(
    date_from=dates,
    date_to=dates,
    output=st.one_of(texts, st.sampled_from(["r.pdf", "r.xlsx", "r.txt", "nope/r.pdf"])),
    username=texts,
    role=st.one_of(texts, st.sampled_from([r.value for r in Role])),
    password=texts,
)
def test_cli_arguments_give_a_clear_exit(
    office_db, tmp_path, capsys, monkeypatch, date_from, date_to, output, username, role, password
):
    url = office_db["db"].database
    monkeypatch.chdir(tmp_path)
    argvs = [
        ["--db", f"sqlite:///{url}", "report", "--from", date_from, "--to", date_to, "-o", output],
        ["--db", f"sqlite:///{url}", "user", "add", username, "--role", role],
    ]
    for argv in argvs:
        before = counts()
        monkeypatch.setattr(sys, "stdin", io.StringIO(password + "\n"))
        code = cli.main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1, 2)
        if code:
            assert err.strip(), argv
            assert counts() == before
        open_database(f"sqlite:///{url}")  # main() closed it: the next example needs it

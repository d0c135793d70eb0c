"""The rating screen's logic without widgets: which visit, one rating, the outbox, unlocking
with the kiosk PIN."""

from __future__ import annotations

import json

import pytest

from models.entities import (
    AuditLog,
    Consultation,
    Desk,
    OfficeSetting,
    Rating,
    Role,
    ServiceType,
    Visit,
    VisitStatus,
)
from pst_desktop.admin import administration as adm
from pst_desktop.admin.administration import Administration
from pst_desktop.core.errors import (
    AuthenticationFailed,
    ConnectionLost,
    PermissionDenied,
    ValidationError,
)
from pst_desktop.frontdesk.guest_book import RegistrationService, VisitorForm
from pst_desktop.visitor.rating_screen import (
    Delivery,
    RatingKiosk,
    RatingOutbox,
    Stage,
    UnlockGuard,
    rating_prompt,
    unlock,
)
from pst_desktop.visits.queue import QueueService


@pytest.fixture
def desk(office):
    return Desk.select().where(Desk.office == office.id).order_by(Desk.id).first()


@pytest.fixture
def serve(make_actor, clock, desk):
    """Issue a ticket, call it at ``desk`` and finish it; returns the visit id."""
    receptionist = make_actor(Role.RECEPTIONIST)
    officer = make_actor(Role.OFFICER)
    queue = QueueService(clock)
    service = ServiceType.get(ServiceType.code == "consultation")

    def serve(question: str = "", finish: bool = True) -> int:
        visitor = RegistrationService(clock).register(
            receptionist,
            VisitorForm(name="Siti Rahma", email="siti@example.com", gender="female", consent=True),
        )
        queue.issue_ticket(receptionist, visitor_id=visitor.id, service_id=service.id)
        visit = queue.call_next(officer, desk.id)
        if question:
            Consultation.create(
                visit=visit.id, question=question, created_at=clock.now(), updated_at=clock.now()
            )
        if finish:
            queue.finish(officer, visit.id)
        return visit.id

    serve.officer = officer
    return serve


@pytest.fixture
def outbox(tmp_path, clock):
    return RatingOutbox(tmp_path / "outbox.json", clock)


def test_the_prompt_names_desk_officer_and_question_but_never_the_visitor(
    office, desk, serve, clock
):
    assert rating_prompt(office.id, desk.id, clock.now()) is None
    visit_id = serve(question="Berapa jumlah penduduk Kota Bengkulu 2025?")
    prompt = rating_prompt(office.id, desk.id, clock.now())
    assert prompt.visit_id == visit_id
    assert prompt.code == "K-001"
    assert prompt.desk_name == desk.name
    assert prompt.officer_name == "Staf officer2"
    assert prompt.question == "Berapa jumlah penduduk Kota Bengkulu 2025?"
    assert "Siti" not in repr(prompt) and "example.com" not in repr(prompt)


def test_no_prompt_for_another_desk_an_unfinished_visit_or_after_five_minutes(
    office, desk, serve, clock
):
    other = Desk.select().where((Desk.office == office.id) & (Desk.id != desk.id)).first()
    serve()
    assert rating_prompt(office.id, other.id, clock.now()) is None
    clock.advance(minutes=5, seconds=1)
    assert rating_prompt(office.id, desk.id, clock.now()) is None


def test_a_visit_in_service_is_not_asked_about(office, desk, serve, clock):
    serve(finish=False)
    assert rating_prompt(office.id, desk.id, clock.now()) is None


def test_the_kiosk_asks_once_and_counts_one_tap(office, desk, serve, clock, outbox):
    kiosk = RatingKiosk(office.id, desk.id, clock, outbox)
    assert kiosk.check() is False and kiosk.stage is Stage.IDLE
    visit_id = serve()
    assert kiosk.check() is True and kiosk.stage is Stage.ASKING
    assert kiosk.tap(4) is Delivery.WRITTEN
    assert kiosk.tap(1) is None and kiosk.tap(4) is None
    assert kiosk.comment("Petugasnya ramah") is Delivery.WRITTEN
    rating = Rating.get(Rating.visit == visit_id)
    assert (rating.score, rating.comment, rating.officer_id) == (
        4,
        "Petugasnya ramah",
        serve.officer.user_id,
    )
    assert Rating.select().count() == 1
    assert Visit.get_by_id(visit_id).status == VisitStatus.DONE.value
    kiosk.idle()
    assert kiosk.check() is False  # rated: never asked again


def test_the_kiosk_stops_asking_when_the_visit_was_rated_elsewhere(
    office, desk, serve, clock, outbox
):
    kiosk = RatingKiosk(office.id, desk.id, clock, outbox)
    visit_id = serve()
    kiosk.check()
    RatingOutbox(outbox.path.with_name("other.json"), clock).submit(visit_id, 3)
    assert kiosk.check() is True and kiosk.stage is Stage.IDLE


def test_a_visit_dismissed_without_rating_is_not_asked_again(office, desk, serve, clock, outbox):
    kiosk = RatingKiosk(office.id, desk.id, clock, outbox)
    serve()
    kiosk.check()
    kiosk.idle()  # the screen's timeout
    assert kiosk.check() is False


class Outage:
    """Stands in for a database that cannot be reached: every query fails like a dead server."""

    def __init__(self, db):
        self.db = db
        self.real = db.execute_sql

    def __enter__(self):
        def fail(*args, **kwargs):
            raise ConnectionLost("server closed the connection unexpectedly")  # the boundary's

        self.db.execute_sql = fail
        return self

    def __exit__(self, *exc):
        self.db.execute_sql = self.real


def test_a_rating_during_an_outage_is_kept_and_written_later(
    db, office, desk, serve, clock, outbox
):
    kiosk = RatingKiosk(office.id, desk.id, clock, outbox)
    visit_id = serve()
    kiosk.check()
    tapped = clock.now()
    with Outage(db):
        assert kiosk.tap(2) is Delivery.KEPT
        assert kiosk.comment("Antrian lama") is Delivery.KEPT
        assert outbox.flush() == 0
    assert json.loads(outbox.path.read_text())[0]["visit"] == visit_id
    assert Rating.select().count() == 0
    clock.advance(minutes=20)
    assert outbox.flush() == 1
    rating = Rating.get(Rating.visit == visit_id)
    assert (rating.score, rating.comment, rating.created_at) == (2, "Antrian lama", tapped)
    assert outbox.pending() == []
    assert outbox.flush() == 0


def test_flushing_twice_or_after_the_visit_was_rated_writes_nothing_more(
    db, office, desk, serve, clock, outbox
):
    visit_id = serve()
    with Outage(db):
        assert outbox.submit(visit_id, 4) is Delivery.KEPT
    RatingOutbox(outbox.path.with_name("other.json"), clock).submit(visit_id, 1)
    assert outbox.flush() == 1  # dropped: the visit has its rating
    assert Rating.get(Rating.visit == visit_id).score == 1
    assert outbox.pending() == []


def test_a_comment_that_misses_the_database_follows_later(db, office, desk, serve, clock, outbox):
    visit_id = serve()
    assert outbox.submit(visit_id, 3) is Delivery.WRITTEN
    with Outage(db):
        assert outbox.add_comment(visit_id, "Terima kasih") is Delivery.KEPT
    assert outbox.flush() == 1
    assert Rating.get(Rating.visit == visit_id).comment == "Terima kasih"


def test_a_broken_outbox_file_is_set_aside(outbox):
    outbox.path.write_text("{not json")
    assert outbox.pending() == []
    assert outbox.path.with_suffix(".broken.json").exists()


def test_the_kiosk_pin_unlocks(office, admin, clock):
    Administration(clock).save_kiosk_pin(admin, "2468")
    unlock(office.id, "2468")  # no exception: the screen may close
    assert adm.verify_kiosk_pin(office.id, "2468")
    assert not adm.verify_kiosk_pin(office.id + 1, "2468")  # another office's kiosk


def test_a_wrong_pin_is_refused(office, admin, clock):
    Administration(clock).save_kiosk_pin(admin, "2468")
    for wrong in ("1357", "", "24680", "２４６８", "abcd"):
        with pytest.raises(AuthenticationFailed, match="Wrong PIN"):
            unlock(office.id, wrong)


def test_without_a_pin_nobody_unlocks(office, admin):
    assert not adm.kiosk_pin_set(office.id)
    assert not adm.verify_kiosk_pin(office.id, "2468")
    with pytest.raises(AuthenticationFailed, match="Ask the administrator to set one"):
        unlock(office.id, "2468")


def test_five_wrong_pins_make_the_kiosk_wait(office, admin, clock):
    Administration(clock).save_kiosk_pin(admin, "2468")
    now = [1000.0]
    guard = UnlockGuard(lambda: now[0])
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong PIN"):
            unlock(office.id, "0000", guard)
    unlock(office.id, "2468", guard)  # a right PIN starts the count again
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="Wrong PIN"):
            unlock(office.id, "0000", guard)
    with pytest.raises(AuthenticationFailed, match="Try again in 60 seconds"):
        unlock(office.id, "2468", guard)  # even the right PIN waits
    now[0] += 59.5
    with pytest.raises(AuthenticationFailed, match="Try again in 1 seconds"):
        unlock(office.id, "2468", guard)
    now[0] += 0.5
    unlock(office.id, "2468", guard)


def test_only_an_admin_sets_a_pin_of_4_to_8_digits(office, admin, clock, make_actor):
    administration = Administration(clock)
    with pytest.raises(PermissionDenied):
        administration.save_kiosk_pin(make_actor(Role.SUPERVISOR, "kepala"), "2468")
    for bad in ("123", "123456789", "12a4", "", "１２３４"):
        with pytest.raises(ValidationError) as refused:
            administration.save_kiosk_pin(admin, bad)
        assert "kiosk_pin" in refused.value.fields
    assert not adm.kiosk_pin_set(office.id)


def test_the_pin_is_stored_hashed_and_audited_without_the_hash(office, admin, clock):
    administration = Administration(clock)
    administration.save_kiosk_pin(admin, "2468")
    administration.save_kiosk_pin(admin, "13572468")
    stored = OfficeSetting.get(OfficeSetting.key == adm.KEY_KIOSK_PIN).value
    assert stored.startswith("$argon2id$") and "13572468" not in stored
    assert OfficeSetting.select().where(OfficeSetting.key == adm.KEY_KIOSK_PIN).count() == 1
    rows = list(AuditLog.select().where(AuditLog.entity == "office_setting"))
    assert len(rows) == 2
    for row in rows:
        assert "argon2" not in row.before + row.after
        assert "2468" not in row.before + row.after
    assert adm.verify_kiosk_pin(office.id, "13572468")
    assert not adm.verify_kiosk_pin(office.id, "2468")
    # the settings the screens read do not carry it
    assert "argon2" not in repr(adm.office_settings(office.id))


def test_a_kiosk_comment_stores_no_control_characters(office, desk, serve, clock, outbox):
    """The comment typed after the tap goes through the same cleaning (one
    control character in it broke that month's XLSX report)."""
    kiosk = RatingKiosk(office.id, desk.id, clock, outbox)
    visit_id = serve()
    assert kiosk.check() is True
    assert kiosk.tap(4) is Delivery.WRITTEN
    assert kiosk.comment("Petugas\x00nya\x07 ramah\r\nterima kasih\x1b") is Delivery.WRITTEN
    assert Rating.get(Rating.visit == visit_id).comment == "Petugasnya ramah\nterima kasih"

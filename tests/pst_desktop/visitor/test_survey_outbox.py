"""Survey answers and rating reasons interrupted by an outage are kept on this PC and sent
later, exactly once (the rating outbox's mechanism)."""

from __future__ import annotations

import json

import pytest

from models.entities import RatingReason, SurveyAnswer, SurveyChoice, SurveyResponse
from pst_desktop.core.errors import ConnectionLost
from pst_desktop.visitor.rating_screen import Delivery, RatingOutbox
from pst_desktop.visitor.survey_outbox import SurveyOutbox
from pst_desktop.visitor.surveys import SurveyRun, survey_form
from tests.pst_desktop.visitor.survey_support import Visits, run_survey


class Outage:
    """Every query fails as the database boundary says a lost connection."""

    def __init__(self, db):
        self.db = db
        self.real = db.execute_sql

    def __enter__(self):
        def fail(*args, **kwargs):
            raise ConnectionLost("server closed the connection unexpectedly")

        self.db.execute_sql = fail
        return self

    def __exit__(self, *exc):
        self.db.execute_sql = self.real


@pytest.fixture
def visits(office, clock, make_actor):
    return Visits(office, clock, make_actor)


@pytest.fixture
def outbox(tmp_path, clock):
    return SurveyOutbox(tmp_path / "survey-outbox.json", clock)


def answers() -> dict[tuple[str, str], int]:
    return {(a.item, a.aspect): a.value for a in SurveyAnswer.select()}


def test_answers_during_an_outage_are_kept_and_sent_once(db, visits, admin, clock, outbox):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    run = SurveyRun(survey_form(visit), outbox.submit)
    run.start()
    assert run.answer(4) is Delivery.WRITTEN
    answered_at = clock.now()
    with Outage(db):
        assert run.answer(3) is Delivery.KEPT
        assert run.answer(2) is Delivery.KEPT
        assert outbox.flush() == 0
    kept = json.loads(outbox.path.read_text())
    assert len(kept) == 1 and kept[0]["answers"] == [["U2", "score", 3], ["U3", "score", 2]]
    # back: the next answer waits behind the kept ones, then all go in order
    assert run.answer(4) is Delivery.KEPT
    clock.advance(minutes=10)
    assert outbox.flush() == 1
    assert outbox.pending() == [] and outbox.flush() == 0
    assert answers() == {
        ("U1", "score"): 4,
        ("U2", "score"): 3,
        ("U3", "score"): 2,
        ("U4", "score"): 4,
    }
    assert {a.answered_at for a in SurveyAnswer.select() if a.item != "U1"} == {answered_at}
    assert SurveyResponse.select().count() == 1


def test_a_response_whose_start_was_lost_is_sent_once(db, visits, admin, clock, outbox):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    run = SurveyRun(survey_form(visit), outbox.submit)
    with Outage(db):
        run.start()
        run.answer(4)
    # the same entries sent twice (a flush that reached the server but not its answer)
    copy = SurveyOutbox(outbox.path.with_name("copy.json"), clock)
    copy._save(outbox.pending())
    assert outbox.flush() == 1
    assert copy.flush() == 1  # the same response and answers: nothing written twice
    assert SurveyResponse.select().count() == 1 and answers() == {("U1", "score"): 4}


def test_a_visit_answered_elsewhere_meanwhile_drops_what_was_kept(db, visits, admin, clock, outbox):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    form = survey_form(visit)
    with Outage(db):
        SurveyRun(form, outbox.submit).answer(1)
    other = SurveyOutbox(outbox.path.with_name("other.json"), clock)
    SurveyRun(survey_form(visit), other.submit).answer(4)  # another screen, another key
    assert outbox.flush() == 1  # dropped: the visit has its response
    assert outbox.pending() == [] and answers() == {("U1", "score"): 4}


def test_reasons_wait_for_their_rating(db, visits, clock, outbox, tmp_path):
    ratings = RatingOutbox(tmp_path / "rating-outbox.json", clock)
    visit = visits.finished()
    with Outage(db):
        assert ratings.submit(visit, 1) is Delivery.KEPT
    # the database is back, the rating still waits in its outbox: the reasons wait with it
    assert (
        outbox.submit_reasons(visit, ["U3", "U7"], hold=ratings.pending_visits()) is Delivery.KEPT
    )
    assert outbox.flush(hold=ratings.pending_visits()) == 0
    assert ratings.flush() == 1
    assert outbox.flush(hold=ratings.pending_visits()) == 1
    assert sorted(r.element for r in RatingReason.select()) == ["U3", "U7"]
    with Outage(db):
        assert outbox.submit_reasons(visit, ["U9"]) is Delivery.KEPT
    assert outbox.flush() == 1 and RatingReason.select().count() == 3


def test_a_broken_outbox_file_is_set_aside(outbox):
    outbox.path.write_text("{not json")
    assert outbox.pending() == []
    assert outbox.path.with_suffix(".broken.json").exists()

"""The kiosk's database role and the surveys, against the real server: it reads the
survey definitions and inserts responses, answers and the reasons after a low rating, nothing
else (no complaint, no follow-up, no change to an answer)."""

from __future__ import annotations

import psycopg
import pytest

from models.database import database_proxy
from models.entities import Role, SurveyAnswer, SurveyChoice, SurveyResponse, UserAccount
from pst_desktop.admin.accounts import actor_for
from pst_desktop.admin.survey_settings import SurveySettings, SurveySettingsService
from pst_desktop.core.clock import FixedClock
from pst_desktop.db.connection import open_database
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visitor.surveys import SurveyRun, SurveyService, survey_form
from tests.pst_desktop.db.test_grants import NOW, _connect, pg_office  # noqa: F401 - fixture

pytestmark = pytest.mark.postgres


def test_a_visitor_screen_runs_a_survey_as_the_kiosk(pg_office):  # noqa: F811
    db = open_database(pg_office["owner"])
    try:
        admin = UserAccount.select().where(UserAccount.role == Role.ADMIN.value).first()
        SurveySettingsService(FixedClock(NOW)).save(
            actor_for(admin), SurveySettings(SurveyChoice.BOTH)
        )
        # the demo may have surveyed the visit already: it starts unasked here
        SurveyResponse.delete().where(SurveyResponse.visit == pg_office["visit"]).execute()
    finally:
        db.close()
        database_proxy.initialize(None)
    db = open_database(pg_office["kiosk"])
    try:
        clock = FixedClock(NOW)
        visit = pg_office["visit"]
        RatingService(clock).record(visit, 1, "Lama")
        assert SurveyService(clock).record_reasons(visit, ["U3"]) == 1
        form = survey_form(visit, "id")
        assert len(form.questions) == 9 + 32
        surveys = SurveyService(clock)
        run = SurveyRun(form, surveys.record)
        run.start()
        for value in (4, 3, 2):
            run.answer(value)
        while run.current is not None and run.current.instrument == "ikm":
            run.skip()
        run.answer(9)  # the first SKD attribute's importance
        mine = SurveyAnswer.select().join(SurveyResponse).where(SurveyResponse.visit == visit)
        assert mine.count() == 4
        assert survey_form(visit, "en").parts[0].answered == 3
    finally:
        db.close()
        database_proxy.initialize(None)


def test_the_kiosk_cannot_touch_complaints_follow_ups_or_answers(pg_office):  # noqa: F811
    with _connect(pg_office["kiosk"]) as conn:
        for sql in (
            "SELECT * FROM complaint",
            "SELECT * FROM follow_up",
            "INSERT INTO follow_up (office_id, origin, source, element, opened_at, due_at, "
            "action_note) VALUES (1, 'x', 'comment', '', now(), now(), '')",
            "UPDATE survey_answer SET value = 1",
            "DELETE FROM survey_response",
            "DELETE FROM rating_reason",
            "UPDATE survey_plan SET survey = 'none'",
            "UPDATE skd_attribute SET active = false",
            "SELECT entered_by_id FROM survey_response",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute("SELECT count(*) FROM skd_attribute").fetchone()[0] == 16

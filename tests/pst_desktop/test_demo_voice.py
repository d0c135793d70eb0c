"""The demo writes the visitor's voice too: survey answers on the screen and on
paper, reasons after low ratings, follow-ups and complaints, so the report shows them."""

from __future__ import annotations

import datetime as dt

from models.entities import (
    FollowUp,
    RatingReason,
    SurveyAnswer,
    SurveyResponse,
)
from pst_desktop import demo
from pst_desktop.reporting.reports import build_report

END = dt.date(2026, 8, 21)


def counts() -> tuple[int, int, int, int]:
    return (
        SurveyResponse.select().count(),
        SurveyAnswer.select().count(),
        RatingReason.select().count(),
        FollowUp.select().count(),
    )


def test_the_demo_gives_the_report_voice_sections(db, office, clock):
    summary = demo.generate(days=8, seed=4, visits_per_day=30, end=END, clock=clock)
    assert summary.survey_responses == SurveyResponse.select().count() > 0
    assert summary.follow_ups == FollowUp.select().count() > 0
    assert "survey responses" in str(summary)
    data = build_report(office.id, dt.date(2026, 8, 1), END, clock=clock)
    voice = data.voice
    assert data.ikm is not None and data.ikm.respondents > 0
    channels = {c.channel: c.respondents for c in voice.ikm_channels}
    assert channels["screen"] > 0 and channels["paper"] > 0
    assert voice.skd is not None and voice.skd.respondents > 0
    assert all(r.quadrant for r in voice.skd.rows if r.importance is not None)
    assert sum(r.count for r in voice.reasons.rows) == RatingReason.select().count() > 0
    total = voice.follow_ups.total
    assert total.opened == FollowUp.select().count()
    assert total.closed_in_time > 0
    assert voice.unmet  # the demo's records say "no" / "not yet" now and then
    # every follow-up is due after it opened; a closed one has its note
    for follow in FollowUp.select():
        assert follow.due_at > follow.opened_at
        assert follow.closed_at is None or follow.action_note


def test_same_seed_same_voice(db, office, clock, tmp_path):
    from models.database import database_proxy
    from pst_desktop.admin.office_setup import create_office
    from pst_desktop.db.connection import open_database

    demo.generate(days=4, seed=9, visits_per_day=30, end=END, clock=clock)
    first = counts()
    answers = sorted(SurveyAnswer.select(SurveyAnswer.item, SurveyAnswer.value).tuples())
    assert answers
    other = open_database("sqlite:///" + str(tmp_path / "other.db"))
    try:
        create_office(clock)
        demo.generate(days=4, seed=9, visits_per_day=30, end=END, clock=clock)
        assert counts() == first
        again = SurveyAnswer.select(SurveyAnswer.item, SurveyAnswer.value).tuples()
        assert sorted(again) == answers
    finally:
        other.close()
        database_proxy.initialize(db)

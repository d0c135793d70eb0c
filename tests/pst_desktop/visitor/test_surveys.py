"""Surveys on the visitor screens and on paper: who is asked, what is asked, and the
answers, refused with a sentence and nothing written when they are wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from models.entities import (
    Rating,
    RatingReason,
    Role,
    SkdAttribute,
    SurveyAnswer,
    SurveyAudience,
    SurveyChoice,
    SurveyInstrument,
    SurveyResponse,
    Visit,
    VisitStatus,
)
from pst_desktop.admin.survey_settings import SurveySettings, SurveySettingsService
from pst_desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pst_desktop.visitor.instruments import IKM_CODES, IKM_ELEMENTS, is_low_rating
from pst_desktop.visitor.ratings import RatingService
from pst_desktop.visitor.surveys import (
    Answer,
    SurveyEntry,
    SurveyRun,
    SurveyService,
    find_visit,
    survey_form,
    who_is_asked,
)
from tests.pst_desktop.visitor.survey_support import Visits, run_survey

IKM = SurveyInstrument.IKM
SKD = SurveyInstrument.SKD
DAY = dt.date(2026, 11, 24)


@pytest.fixture
def visits(office, clock, make_actor):
    return Visits(office, clock, make_actor)


def ikm(*scores: int) -> tuple[Answer, ...]:
    return tuple(Answer(f"U{i}", "score", s) for i, s in enumerate(scores, start=1))


def counts() -> tuple[int, int]:
    return SurveyResponse.select().count(), SurveyAnswer.select().count()


# -- the rule ---------------------------------------------------------------------------------
def plan(survey: SurveyChoice, audience=SurveyAudience.EVERY, **more) -> SurveySettings:
    return SurveySettings(survey, audience=audience, **more)


ONE_IN_5 = SurveyAudience.ONE_IN_N
NOT_ASKED = SurveyAudience.NOT_ASKED_THIS_YEAR
NEXT_DAY, DAY_BEFORE = DAY + dt.timedelta(days=1), DAY - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("settings", "visit_id", "asked", "expected"),
    [
        (plan(SurveyChoice.NONE), 10, set(), ()),
        (plan(SurveyChoice.IKM), 10, set(), (IKM,)),
        (plan(SurveyChoice.BOTH), 11, set(), (IKM, SKD)),
        # one visit in 5: the visit whose id 5 divides
        (plan(SurveyChoice.SKD, ONE_IN_5, one_in=5), 10, set(), (SKD,)),
        (plan(SurveyChoice.SKD, ONE_IN_5, one_in=5), 11, set(), ()),
        # not asked this year: per instrument
        (plan(SurveyChoice.BOTH, NOT_ASKED), 3, {IKM}, (SKD,)),
        (plan(SurveyChoice.IKM, NOT_ASKED), 3, {IKM}, ()),
        # "asked" matters only to that audience
        (plan(SurveyChoice.IKM), 3, {IKM}, (IKM,)),
        # the period, both ends included
        (plan(SurveyChoice.IKM, starts_on=DAY), 3, set(), (IKM,)),
        (plan(SurveyChoice.IKM, ends_on=DAY), 3, set(), (IKM,)),
        (plan(SurveyChoice.IKM, starts_on=NEXT_DAY), 3, set(), ()),
        (plan(SurveyChoice.IKM, ends_on=DAY_BEFORE), 3, set(), ()),
    ],
)
def test_who_is_asked(settings, visit_id, asked, expected):
    assert who_is_asked(settings, visit_id, DAY, frozenset(asked)) == expected


def test_one_in_n_asks_that_share_of_visits():
    settings = SurveySettings(SurveyChoice.IKM, audience=SurveyAudience.ONE_IN_N, one_in=4)
    asked = [v for v in range(1, 101) if who_is_asked(settings, v, DAY)]
    assert len(asked) == 25 and asked[:3] == [4, 8, 12]


def test_low_rating_is_the_lower_half_of_the_scale():
    assert [s for s in range(1, 5) if is_low_rating(s, 4)] == [1, 2]
    assert [s for s in range(1, 6) if is_low_rating(s, 5)] == [1, 2]  # 3 is the middle
    assert [s for s in range(1, 7) if is_low_rating(s, 6)] == [1, 2, 3]
    assert [s for s in range(1, 3) if is_low_rating(s, 2)] == [1]


def test_the_nine_elements_have_the_regulations_wording():
    assert tuple(f"U{i}" for i in range(1, 10)) == IKM_CODES
    u1, u4, u8 = IKM_ELEMENTS[0], IKM_ELEMENTS[3], IKM_ELEMENTS[7]
    assert u1.question("id").startswith("Bagaimana pendapat Saudara tentang kesesuaian persyaratan")
    assert u1.answers("id") == ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")
    assert u4.answers("id")[-1] == "Gratis"  # the best score of cost is "free"
    assert u8.name("id") == "Penanganan Pengaduan, Saran dan Masukan"
    assert all(e.question("en") and len(e.answers("en")) == 4 for e in IKM_ELEMENTS)


# -- what a screen asks -----------------------------------------------------------------------
def test_no_form_without_a_survey_or_for_an_unfinished_visit(visits, admin, clock):
    visit = visits.finished()
    assert survey_form(visit) is None  # the admin never set a survey
    run_survey(admin, clock, SurveyChoice.IKM)
    assert survey_form(visits.finished(finish=False)) is None
    assert survey_form(999_999) is None


def test_the_form_asks_ikm_then_skd_in_the_screens_language(visits, admin, clock):
    run_survey(admin, clock, SurveyChoice.BOTH)
    form = survey_form(visits.finished(), "en")
    assert [p.instrument for p in form.parts] == [IKM, SKD]
    questions = form.questions
    assert len(questions) == 9 + 16 * 2
    first = questions[0]
    assert (first.item, first.aspect, first.low, first.high) == ("U1", "score", 1, 4)
    assert first.choices == ("Not fitting", "Barely fitting", "Fitting", "Very fitting")
    skd = questions[9:11]
    assert [(q.item, q.aspect, q.low, q.high) for q in skd] == [
        ("skd01", "importance", 1, 10),
        ("skd01", "satisfaction", 1, 10),
    ]
    assert skd[0].title.startswith("Information on the service")
    assert survey_form(form.visit_id, "id").questions[0].title == "Persyaratan"


def test_not_asked_this_year_needs_a_staff_station_to_decide(visits, admin, clock):
    run_survey(admin, clock, SurveyChoice.IKM, SurveyAudience.NOT_ASKED_THIS_YEAR)
    officer = visits.officer
    guest = visits.visitor()
    first = visits.finished(guest)
    assert survey_form(first) is None  # the kiosk cannot tell who the visitor is
    surveys = SurveyService(clock)
    assert surveys.invite(officer, first) == (IKM,)
    assert surveys.invite(officer, first) == (IKM,)  # again: the same, nothing more written
    assert SurveyResponse.select().count() == 1
    form = survey_form(first)
    assert [p.instrument for p in form.parts] == [IKM] and form.parts[0].exists
    # the same visitor again this year: not asked (even without answering the first time)
    Visit.update(status=VisitStatus.DONE.value).where(Visit.id == first).execute()
    second = visits.finished(guest)
    assert surveys.invite(officer, second) == ()
    assert survey_form(second) is None
    # another visitor is asked
    assert surveys.invite(officer, visits.finished()) == (IKM,)


def test_invite_is_for_staff_only_and_the_visits_office(visits, admin, clock, make_actor):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    with pytest.raises(PermissionDenied):
        SurveyService(clock).invite(make_actor(Role.RECEPTIONIST), visit)
    with pytest.raises(NotFound):
        SurveyService(clock).invite(visits.officer, 999_999)


# -- answers ----------------------------------------------------------------------------------
def test_answers_one_by_one_and_an_abandoned_response_keeps_them(visits, admin, clock):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    form = survey_form(visit)
    key = form.parts[0].key
    surveys = SurveyService(clock)
    first = surveys.record(SurveyEntry(IKM, (Answer("U1", "score", 4),), visit, key))
    assert (first.written, first.answered, first.complete) == (1, 1, False)
    surveys.record(SurveyEntry(IKM, (Answer("U2", "score", 3),), visit, key))
    # the visitor walks away: the screen goes idle; what was answered is there
    assert counts() == (1, 2)
    again = survey_form(visit)  # the screen asks again later: the rest only
    assert again.parts[0].key == key and again.parts[0].answered == 2
    assert [q.item for q in again.questions] == [f"U{i}" for i in range(3, 10)]
    last = surveys.record(SurveyEntry(IKM, ikm(4, 3, 3, 4, 3, 4, 4, 3, 3), visit, key))
    assert (last.written, last.answered, last.complete) == (7, 9, True)
    assert survey_form(visit) is None  # nothing left to ask
    response = SurveyResponse.get()
    assert (response.channel, response.day, response.visit_id) == ("screen", DAY, visit)


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        (SurveyEntry("xyz", ()), ValidationError),  # unknown instrument
        (SurveyEntry(IKM, (Answer("U10", "score", 3),)), ValidationError),  # unknown element
        (SurveyEntry(IKM, (Answer("U1", "score", 5),)), ValidationError),  # out of range
        (SurveyEntry(IKM, (Answer("U1", "score", 0),)), ValidationError),
        (SurveyEntry(IKM, (Answer("U1", "score", True),)), ValidationError),
        (SurveyEntry(IKM, (Answer("U1", "importance", 3),)), ValidationError),  # IKM: a score
        (SurveyEntry(SKD, (Answer("skd01", "importance", 11),)), ValidationError),
        (SurveyEntry(SKD, (Answer("skd99", "importance", 7),)), ValidationError),  # unknown
        (SurveyEntry(SKD, (Answer("skd01", "score", 7),)), ValidationError),
        # the same question answered twice differently in one entry
        (SurveyEntry(IKM, (Answer("U1", "score", 3), Answer("U1", "score", 4))), ValidationError),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(visits, clock, entry, kind):
    visit = visits.finished()
    # a good answer first in the same entry: nothing of it is written either
    good = (Answer("U2", "score", 4),) if entry.instrument == IKM else ()
    entry = SurveyEntry(entry.instrument, good + entry.answers, visit, "k1")
    with pytest.raises(kind) as refused:
        SurveyService(clock).record(entry)
    assert str(refused.value)  # a sentence
    assert counts() == (0, 0)


def test_unknown_or_unfinished_visits_are_refused(visits, clock):
    surveys = SurveyService(clock)
    with pytest.raises(NotFound, match="does not exist"):
        surveys.record(SurveyEntry(IKM, ikm(4), 999_999, "k1"))
    serving = visits.finished(finish=False)
    with pytest.raises(Conflict, match="not finished"):
        surveys.record(SurveyEntry(IKM, ikm(4), serving, "k2"))
    with pytest.raises(ValidationError, match="belongs to a visit"):
        surveys.record(SurveyEntry(IKM, ikm(4), None, "k3"))
    assert counts() == (0, 0)


def test_a_second_response_for_the_visit_is_refused(visits, clock):
    visit = visits.finished()
    surveys = SurveyService(clock)
    surveys.record(SurveyEntry(IKM, ikm(4), visit, "screen-a"))
    with pytest.raises(Conflict, match="already has a response"):
        surveys.record(SurveyEntry(IKM, ikm(4, 4), visit, "screen-b"))
    assert counts() == (1, 1)
    # the other instrument is another response
    surveys.record(SurveyEntry(SKD, (Answer("skd01", "importance", 9),), visit, "screen-c"))
    assert counts() == (2, 2)
    # a key is one visit's and one instrument's
    with pytest.raises(Conflict):
        surveys.record(SurveyEntry(SKD, (Answer("skd02", "importance", 9),), visit, "screen-a"))


def test_an_answer_once_given_cannot_be_changed_but_a_repeat_is_the_same(visits, clock):
    visit = visits.finished()
    surveys = SurveyService(clock)
    surveys.record(SurveyEntry(IKM, ikm(4, 3), visit, "k"))
    repeat = surveys.record(SurveyEntry(IKM, ikm(4, 3, 2), visit, "k"))  # the outbox again
    assert (repeat.written, repeat.answered) == (1, 3)
    with pytest.raises(Conflict, match="cannot be changed"):
        changed = (Answer("U4", "score", 4), Answer("U1", "score", 1))
        surveys.record(SurveyEntry(IKM, changed, visit, "k"))
    assert counts() == (1, 3)
    assert SurveyAnswer.get(SurveyAnswer.item == "U1").value == 4


def test_a_retired_skd_attribute_is_no_longer_asked_nor_taken_from_the_screen(visits, admin, clock):
    run_survey(admin, clock, SurveyChoice.SKD)
    SurveySettingsService(clock).retire_attribute(admin, "skd02")
    visit = visits.finished()
    form = survey_form(visit)
    assert "skd02" not in {q.item for q in form.questions} and len(form.questions) == 30
    with pytest.raises(ValidationError, match="not on the office's list"):
        SurveyService(clock).record(
            SurveyEntry(SKD, (Answer("skd02", "importance", 8),), visit, form.parts[0].key)
        )
    answers = tuple(Answer(q.item, q.aspect, 8) for q in form.questions)
    receipt = SurveyService(clock).record(SurveyEntry(SKD, answers, visit, form.parts[0].key))
    assert receipt.complete and receipt.answered == 30


# -- paper ------------------------------------------------------------------------------------
def test_a_supervisor_types_in_paper_questionnaires(visits, clock, make_actor):
    supervisor = make_actor(Role.SUPERVISOR)
    surveys = SurveyService(clock)
    receipt = surveys.enter_paper(supervisor, SurveyEntry(IKM, ikm(3, 3, 3, 3, 3, 3, 3, 3, 3)))
    assert receipt.complete
    paper = SurveyResponse.get_by_id(receipt.response_id)
    assert (paper.channel, paper.entered_by_id, paper.visit_id, paper.day) == (
        "paper", supervisor.user_id, None, DAY,
    )  # fmt: skip
    older = surveys.enter_paper(
        supervisor, SurveyEntry(IKM, ikm(2, 2), day=dt.date(2026, 11, 2))
    )  # blanks on paper are blanks
    assert not older.complete and SurveyResponse.get_by_id(older.response_id).day.day == 2
    with pytest.raises(PermissionDenied):
        surveys.enter_paper(visits.officer, SurveyEntry(IKM, ikm(3)))
    assert SurveyResponse.select().count() == 2


def test_a_paper_form_of_a_visit_fills_the_response_it_was_asked_on_screen(
    visits, admin, clock, make_actor
):
    supervisor = make_actor(Role.SUPERVISOR)
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    surveys = SurveyService(clock)
    surveys.invite(visits.officer, visit)  # asked on the screen, not answered there
    # the paper form carries the ticket's code and day
    code = f"{visits.service.prefix}-{Visit.get_by_id(visit).number:03d}"
    assert find_visit(visits.office.id, DAY, code) == visit
    assert find_visit(visits.office.id, DAY, "X-1") is None
    filled = surveys.enter_paper(supervisor, SurveyEntry(IKM, ikm(4, 4, 4), visit_id=visit))
    response = SurveyResponse.get_by_id(filled.response_id)
    assert (response.channel, response.entered_by_id) == ("paper", supervisor.user_id)
    assert SurveyResponse.select().count() == 1
    with pytest.raises(Conflict, match="already has a response"):
        surveys.enter_paper(supervisor, SurveyEntry(IKM, ikm(4), visit_id=visit))


# -- reasons after a low rating -----------------------------------------------------------------
def test_reasons_after_a_low_rating(visits, clock):
    visit = visits.finished()
    surveys = SurveyService(clock)
    with pytest.raises(NotFound, match="no rating yet"):
        surveys.record_reasons(visit, ["U3"])
    RatingService(clock).record(visit, 2)
    assert surveys.record_reasons(visit, ["U3", "U7", "U3"]) == 2
    assert surveys.record_reasons(visit, ["U7", "U9"]) == 1  # a repeat is the same reason
    rating = Rating.get(Rating.visit == visit)
    assert sorted(r.element for r in RatingReason.select()) == ["U3", "U7", "U9"]
    assert all(r.rating_id == rating.id for r in RatingReason.select())
    with pytest.raises(ValidationError):
        surveys.record_reasons(visit, ["U3", "waiting"])
    happy = visits.finished()
    RatingService(clock).record(happy, 3)
    with pytest.raises(Conflict, match="low rating only"):
        surveys.record_reasons(happy, ["U3"])
    assert RatingReason.select().count() == 3


# -- the screen's course ----------------------------------------------------------------------
def test_a_run_sends_each_answer_and_can_skip(visits, admin, clock):
    run_survey(admin, clock, SurveyChoice.IKM)
    visit = visits.finished()
    sent = []
    surveys = SurveyService(clock)

    def send(entry):
        sent.append(entry)
        return surveys.record(entry)

    run = SurveyRun(survey_form(visit), send)
    run.start()  # marks "asked" before any answer
    assert counts() == (1, 0)
    assert run.progress() == (1, 9)
    run.answer(4)
    assert run.answer(7) is None and run.progress() == (2, 9)  # outside 1–4: nothing
    run.skip()
    run.answer(3)
    assert run.progress() == (4, 9) and run.answered == 2
    assert {a.item: a.value for a in SurveyAnswer.select()} == {"U1": 4, "U3": 3}
    while not run.finished:
        run.skip()
    assert run.current is None and run.answer(4) is None
    assert [len(e.answers) for e in sent] == [0, 1, 1]


def test_skd_attributes_are_data(db):
    assert SkdAttribute.select().count() == 16

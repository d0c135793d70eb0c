"""The visitor's voice in the demo: survey answers, reasons after a low rating, follow-ups and
complaints over the last days of a run, so the report's IKM (by channel), SKD, reasons,
follow-up and unmet-demand sections show something.

- The office runs both surveys for every finished visit (set only when the admin set none).
- Of the rated walk-in visits of the last ``SURVEY_DAYS`` demo days, ``P_IKM`` answer the IKM and
  ``P_SKD`` the SKD on the visitor screen, a few leaving half-way (``P_ABANDON``); the answers
  lean on the visit's rating.  A few paper IKM forms a day are typed in by a supervisor.
- A low rating gets one or two reasons (the rating screen's chips).
- Follow-ups are opened as a staff station opens them (``FollowUpService.open_due``) at the end
  of the last day, plus a complaint or two; most are closed in time with an action note, some
  late, some left open (overdue ones among them).

Seeded from the run's seed: the same seed writes the same rows.
"""

from __future__ import annotations

import datetime as dt
import random

from models.database import database_proxy
from models.entities import (
    Complaint,
    FollowUp,
    Office,
    Rating,
    RatingReason,
    Role,
    SkdAttribute,
    SurveyAnswer,
    SurveyAudience,
    SurveyChoice,
    SurveyInstrument,
    SurveyPlan,
    SurveyResponse,
    UserAccount,
    Visit,
    VisitStatus,
)
from pst_desktop.core.clock import Clock, FixedClock
from pst_desktop.demo import reference as ref
from pst_desktop.demo.bulk import bulk_insert, reserve_ids
from pst_desktop.officer.follow_ups import FollowUpService, due_for
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.visitor.instruments import IKM_CODES, REASON_CHIPS

SURVEY_DAYS = 20
P_IKM = 0.35
P_SKD = 0.15
P_ABANDON = 0.1
PAPER_PER_DAY = (0, 2)
P_CLOSED_IN_TIME = 0.6
P_CLOSED_LATE = 0.2
COMPLAINTS = (
    ("U9", "AC ruang tunggu tidak dingin."),
    ("U3", "Menunggu terlalu lama untuk dipanggil."),
    ("U1", "Persyaratan permintaan data mikro kurang jelas di situs web."),
)

RESPONSE_FIELDS = (
    SurveyResponse.id,
    SurveyResponse.office,
    SurveyResponse.visit,
    SurveyResponse.instrument,
    SurveyResponse.channel,
    SurveyResponse.day,
    SurveyResponse.key,
    SurveyResponse.entered_by,
    SurveyResponse.created_at,
)
ANSWER_FIELDS = (
    SurveyAnswer.response,
    SurveyAnswer.item,
    SurveyAnswer.aspect,
    SurveyAnswer.value,
    SurveyAnswer.answered_at,
)


def _stamp(moment: dt.datetime) -> str:
    """The text peewee stores for a naive UTC moment."""
    return f"{moment.astimezone(dt.UTC):%Y-%m-%d %H:%M:%S}"


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def add_voice(office: Office, days: list[dt.date], seed: int, clock: Clock) -> tuple[int, int]:
    """Write the demo's surveys, reasons and follow-ups for the last of ``days`` (inside the
    caller's transaction); returns (survey responses, follow-ups) written."""
    recent = sorted(days)[-SURVEY_DAYS:]
    if not recent:
        return 0, 0
    rng = random.Random(f"voice-{seed}")
    db = database_proxy.obj
    if SurveyPlan.get_or_none(SurveyPlan.office == office.id) is None:
        SurveyPlan.create(
            office=office.id,
            survey=SurveyChoice.BOTH.value,
            audience=SurveyAudience.EVERY.value,
            updated_at=clock.now(),
        )
    staff = {
        role: [
            i
            for (i,) in UserAccount.select(UserAccount.id)
            .where((UserAccount.office == office.id) & (UserAccount.role == role.value))
            .order_by(UserAccount.id)
            .tuples()
        ]
        for role in (Role.OFFICER, Role.SUPERVISOR, Role.ADMIN)
    }
    officers = staff[Role.OFFICER] or staff[Role.ADMIN]
    typist = (staff[Role.SUPERVISOR] or staff[Role.ADMIN] or [None])[0]
    attributes = [
        c
        for (c,) in SkdAttribute.select(SkdAttribute.code)
        .where(SkdAttribute.active == True)  # noqa: E712
        .order_by(SkdAttribute.sort_order, SkdAttribute.id)
        .tuples()
    ]
    rated = list(
        Visit.select(Visit.id, Visit.day, Visit.finished_at, Rating.id, Rating.score)
        .join(Rating, on=(Rating.visit == Visit.id))
        .where(
            (Visit.office == office.id)
            & Visit.day.in_(recent)
            & (Visit.status == VisitStatus.DONE.value)
            & Visit.number.is_null(False)
        )
        .order_by(Visit.id)
        .tuples()
    )
    # each attribute matters and pleases a little more or less than the others
    leaning = {code: (rng.uniform(-1.2, 1.0), rng.uniform(-1.3, 0.9)) for code in attributes}
    responses: list[tuple] = []
    answers: list[tuple] = []
    reasons: list[tuple] = []
    plans = []
    for visit_id, day, finished, rating_id, score in rated:
        if score <= 2:
            chips = rng.sample(REASON_CHIPS, rng.randint(1, 2))
            reasons += [(rating_id, chip.element) for chip in chips]
        for instrument, share in ((SurveyInstrument.IKM, P_IKM), (SurveyInstrument.SKD, P_SKD)):
            if rng.random() < share:
                plans.append((instrument, visit_id, day, finished, score))
    per_day = {day: rng.randint(*PAPER_PER_DAY) for day in recent}
    paper = [(day, n) for day in recent for n in range(per_day[day])]
    ids = reserve_ids(db, SurveyResponse, len(plans) + len(paper))
    for response_id, (instrument, visit_id, day, finished, score) in zip(ids, plans, strict=False):
        at = _stamp(finished + dt.timedelta(minutes=rng.randint(2, 6)))
        responses.append(
            (response_id, office.id, visit_id, instrument.value, "screen", day,
             f"demo-{seed}-{response_id}", None, at)
        )  # fmt: skip
        if instrument is SurveyInstrument.IKM:
            items = [(code, "score", _clamp(score + rng.choice((-1, 0, 0, 0, 1)), 1, 4))
                     for code in IKM_CODES]  # fmt: skip
        else:
            items = []
            unhappy = 1.5 if score <= 2 else 0.0
            for code in attributes:
                lean_i, lean_s = leaning[code]
                importance = _clamp(round(rng.gauss(8.3 + lean_i, 1.0)), 1, 10)
                satisfaction = _clamp(round(rng.gauss(8.0 + lean_s - unhappy, 1.0)), 1, 10)
                items += [(code, "importance", importance), (code, "satisfaction", satisfaction)]
        if rng.random() < P_ABANDON:
            items = items[: rng.randint(0, len(items) - 1)]
        answers += [(response_id, item, aspect, value, at) for item, aspect, value in items]
    calendar = OfficeCalendar.for_office(office.id)
    for response_id, (day, _n) in zip(ids[len(plans) :], paper, strict=True):
        at = _stamp(calendar.hours_on(day)[1] + dt.timedelta(hours=1))
        responses.append(
            (response_id, office.id, None, SurveyInstrument.IKM.value, "paper", day,
             f"demo-{seed}-{response_id}", typist, at)
        )  # fmt: skip
        base = rng.choice((3, 3, 4, 4, 2))
        answers += [(response_id, code, "score", _clamp(base + rng.choice((-1, 0, 0, 1)), 1, 4), at)
                    for code in IKM_CODES]  # fmt: skip
    bulk_insert(db, SurveyResponse, RESPONSE_FIELDS, responses)
    bulk_insert(db, SurveyAnswer, ANSWER_FIELDS, answers)
    if reasons:
        RatingReason.insert_many(
            reasons, fields=[RatingReason.rating, RatingReason.element]
        ).execute()
    follow_ups = _follow_ups(office, recent, rng, officers)
    return len(responses), follow_ups


def _follow_ups(office: Office, recent: list[dt.date], rng: random.Random, officers) -> int:
    calendar = OfficeCalendar.for_office(office.id)
    evening = calendar.hours_on(recent[-1])[1]
    before = FollowUp.select().where(FollowUp.office == office.id).count()
    FollowUpService(FixedClock(evening)).open_due(office.id)
    for n, (element, summary) in enumerate(rng.sample(COMPLAINTS, 2)):
        day = recent[-1 - min(len(recent) - 1, 2 + 3 * n)]
        received = calendar.hours_on(day)[0] + dt.timedelta(hours=rng.randint(1, 5))
        complaint = Complaint.create(
            office=office.id, element=element, summary=summary, received_at=received,
            recorded_by=officers[n % len(officers)] if officers else None,
        )  # fmt: skip
        FollowUp.create(
            office=office.id, complaint=complaint.id, origin=f"complaint:{complaint.id}",
            source="complaint", element=element, opened_at=received,
            due_at=due_for(office.id, received),
        )  # fmt: skip
    opened = list(
        FollowUp.select()
        .where((FollowUp.office == office.id) & FollowUp.closed_at.is_null())
        .order_by(FollowUp.id)
    )
    for follow in opened:
        if not officers:
            break
        roll = rng.random()
        taker = officers[rng.randrange(len(officers))]
        start, due = follow.opened_at, follow.due_at
        if due < evening and roll < P_CLOSED_IN_TIME + P_CLOSED_LATE:
            in_time = roll < P_CLOSED_IN_TIME
            low, high = (start, due) if in_time else (due, evening)
        elif due >= evening and roll < 0.5:
            low, high = start, evening
        else:
            if roll < 0.9:  # taken, not closed yet
                FollowUp.update(taken_by=taker, taken_at=start + dt.timedelta(hours=1)).where(
                    FollowUp.id == follow.id
                ).execute()
            continue
        span = max(60, int((high - low).total_seconds()))
        closed = low + dt.timedelta(seconds=rng.randint(30, span - 30))
        FollowUp.update(
            taken_by=taker,
            taken_at=min(closed, start + dt.timedelta(hours=1)),
            action_note=rng.choice(ref.FOLLOW_UP),
            closed_at=closed,
            closed_by=taker,
        ).where(FollowUp.id == follow.id).execute()
    return FollowUp.select().where(FollowUp.office == office.id).count() - before

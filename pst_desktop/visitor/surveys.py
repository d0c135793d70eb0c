"""Surveys on the visitor screens and on paper: who is asked, what is asked, and the answers.

- ``who_is_asked``: the rule, pure: the survey runs on the visit's day (``SurveySettings``),
  one visit in N is the visit whose id N divides, and "only visitors not asked yet this year"
  leaves out each instrument the visitor was asked this (calendar) year.
- ``SurveyService.invite``: a staff station decides for a visit that just finished and writes
  an empty response per instrument ("asked").  Only staff may: the rule "not asked yet this
  year" needs the visit's visitor, which the kiosk's database role may not read.
- ``survey_form``: what a visitor screen asks about a finished visit (kiosk role): the invited
  responses not complete yet, with what was answered already; with no invitation, the rule
  decides when it needs no visitor (every visit, one in N).
- ``SurveyService.record``: answers, a few at a time (the screen sends each one as the visitor
  moves on, so an abandoned response keeps what was answered).  Refused with a sentence and
  nothing written: an unknown instrument, element or attribute, a score outside the scale, an
  unknown or unfinished visit, a second response for the same visit and instrument, an answer
  changed.  ``key`` makes a repeat (the outbox sending again after an outage) the same response:
  answers it holds already are not written twice.
- ``SurveyService.enter_paper``: a supervisor types in a paper questionnaire (channel "paper").
- ``SurveyService.record_reasons``: the IKM elements a visitor taps after a low rating.
- ``SurveyRun``: a visitor screen's course through a form (progress, answer, skip), no widget.

The kiosk's database role reads the visit's queue columns only (never its visitor), the survey
definitions, and the keys and answers of responses; it inserts responses, answers and reasons.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    Rating,
    RatingReason,
    SkdAttribute,
    SurveyAnswer,
    SurveyAudience,
    SurveyChannel,
    SurveyInstrument,
    SurveyResponse,
    Visit,
    VisitStatus,
)
from pst_desktop.admin.survey_settings import SurveySettings, skd_attributes, survey_settings
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, ValidationError
from pst_desktop.sop.office_calendar import OfficeCalendar
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visitor.instruments import (
    ASPECT_IMPORTANCE,
    ASPECT_SATISFACTION,
    ASPECT_SCORE,
    ASPECTS,
    IKM_CODES,
    IKM_ELEMENTS,
    SCALES,
    is_low_rating,
)

FINISHED = (VisitStatus.AWAITING_RATING.value, VisitStatus.DONE.value)


def new_key() -> str:
    """A response's own id, made where it starts (32 hex digits)."""
    return uuid.uuid4().hex


# -- the rule ---------------------------------------------------------------------------------
def who_is_asked(
    settings: SurveySettings,
    visit_id: int,
    day: dt.date,
    asked_this_year: frozenset[SurveyInstrument] | set[SurveyInstrument] = frozenset(),
) -> tuple[SurveyInstrument, ...]:
    """The instruments a finished visit of ``day`` is asked (IKM first); ``asked_this_year``:
    those its visitor was asked already in ``day``'s year (only the audience "not asked yet
    this year" looks at it)."""
    if not settings.runs_on(day):
        return ()
    if settings.audience is SurveyAudience.ONE_IN_N and visit_id % max(1, settings.one_in):
        return ()
    instruments = settings.instruments
    if settings.audience is SurveyAudience.NOT_ASKED_THIS_YEAR:
        instruments = tuple(i for i in instruments if i not in asked_this_year)
    return instruments


# -- what a screen asks -----------------------------------------------------------------------
@dataclass(frozen=True)
class SurveyQuestion:
    instrument: SurveyInstrument
    item: str  # "U1".."U9" or an SKD attribute's code
    aspect: str  # "score" / "importance" / "satisfaction"
    title: str  # the IKM element's name, or the SKD attribute
    text: str  # the IKM question, or the SKD attribute again ("" when the title says it)
    low: int
    high: int
    choices: tuple[str, ...] = ()  # the words of each score from ``low`` up ((): numbers only)


@dataclass(frozen=True)
class SurveyPart:
    """One instrument of a form: its response's key and the questions still to answer."""

    instrument: SurveyInstrument
    key: str
    questions: tuple[SurveyQuestion, ...]
    answered: int = 0  # answers the response holds already
    exists: bool = False  # the response is in the database (invited, or started earlier)


@dataclass(frozen=True)
class SurveyForm:
    visit_id: int
    parts: tuple[SurveyPart, ...]

    @property
    def questions(self) -> tuple[SurveyQuestion, ...]:
        return tuple(q for part in self.parts for q in part.questions)


def questions_of(instrument: SurveyInstrument, language: str) -> tuple[SurveyQuestion, ...]:
    """Every question of an instrument in the order asked: the 9 IKM elements; each active SKD
    attribute's importance, then its satisfaction."""
    low, high = SCALES[instrument]
    if instrument is SurveyInstrument.IKM:
        return tuple(
            SurveyQuestion(
                instrument,
                e.code,
                ASPECT_SCORE,
                e.name(language),
                e.question(language),
                low,
                high,
                e.answers(language),
            )
            for e in IKM_ELEMENTS
        )
    return tuple(
        SurveyQuestion(instrument, a.code, aspect, a.label(language), "", low, high)
        for a in skd_attributes()
        for aspect in (ASPECT_IMPORTANCE, ASPECT_SATISFACTION)
    )


def _visit_facts(visit_id: int) -> Visit | None:
    # only the queue columns: the kiosk role may not read a visit's visitor or contact
    return (
        Visit.select(Visit.id, Visit.office, Visit.day, Visit.status, Visit.finished_at)
        .where(Visit.id == visit_id)
        .first()
    )


def survey_form(visit_id: int, language: str = "id") -> SurveyForm | None:
    """What a visitor screen asks about ``visit_id`` now; None: nothing (no survey runs for it,
    it is answered, or the visit is not finished).  Reads only; safe for the kiosk role."""
    visit = _visit_facts(visit_id)
    if visit is None or visit.status not in FINISHED:
        return None
    responses = list(
        SurveyResponse.select(
            SurveyResponse.id,
            SurveyResponse.instrument,
            SurveyResponse.channel,
            SurveyResponse.key,
        ).where(SurveyResponse.visit == visit_id)
    )
    if responses:
        targets = [
            (SurveyInstrument(r.instrument), r.key, r.id)
            for r in responses
            if r.channel == SurveyChannel.SCREEN.value and r.instrument in _INSTRUMENT_VALUES
        ]
    else:
        settings = survey_settings(visit.office_id)
        if settings.audience is SurveyAudience.NOT_ASKED_THIS_YEAR:
            return None  # only a staff station can tell (``SurveyService.invite``)
        targets = [(i, new_key(), None) for i in who_is_asked(settings, visit.id, visit.day)]
    parts = []
    for instrument, key, response_id in sorted(targets, key=lambda t: _ORDER[t[0]]):
        done = _answered(response_id) if response_id is not None else set()
        asked = questions_of(instrument, language)
        left = tuple(q for q in asked if (q.item, q.aspect) not in done)
        if left:
            parts.append(SurveyPart(instrument, key, left, len(done), response_id is not None))
    return SurveyForm(visit_id, tuple(parts)) if parts else None


_INSTRUMENT_VALUES = {i.value for i in SurveyInstrument}
_ORDER = {SurveyInstrument.IKM: 0, SurveyInstrument.SKD: 1}


def _answered(response_id: int) -> set[tuple[str, str]]:
    return set(
        SurveyAnswer.select(SurveyAnswer.item, SurveyAnswer.aspect)
        .where(SurveyAnswer.response == response_id)
        .tuples()
    )


# -- recording --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Answer:
    item: str
    aspect: str
    value: int


@dataclass(frozen=True)
class SurveyEntry:
    """Answers to one instrument of one respondent (all of them, or the next few)."""

    instrument: SurveyInstrument | str
    answers: tuple[Answer, ...] = ()
    visit_id: int | None = None  # required on the visitor screen; optional on paper
    key: str = ""  # the response's own id; "" on paper: a new one is made
    day: dt.date | None = None  # paper without a visit: the day it counts for (default today)
    answered_at: dt.datetime | None = None  # when answered (the outbox sends it later)


@dataclass(frozen=True)
class SurveyReceipt:
    response_id: int
    key: str
    written: int  # answers written by this call
    answered: int  # answers the response holds now
    complete: bool  # every question of the instrument answered


@dataclass
class _Checked:
    instrument: SurveyInstrument
    answers: list[Answer] = field(default_factory=list)


def _sentence_unknown_instrument() -> str:
    return QCoreApplication.translate("Surveys", "Unknown survey: choose IKM or SKD.")


def _check(entry: SurveyEntry) -> _Checked:
    """The entry's instrument and answers checked against the instrument (the SKD's attribute
    codes are checked against the database in the transaction); ``ValidationError`` else."""
    try:
        instrument = SurveyInstrument(entry.instrument)
    except ValueError:
        raise ValidationError({"instrument": _sentence_unknown_instrument()}) from None
    low, high = SCALES[instrument]
    aspects = ASPECTS[instrument]
    checked = _Checked(instrument)
    seen: dict[tuple[str, str], int] = {}
    for answer in entry.answers:
        item, aspect, value = answer.item, answer.aspect, answer.value
        if instrument is SurveyInstrument.IKM and item not in IKM_CODES:
            raise ValidationError(
                {
                    "item": QCoreApplication.translate(
                        "Surveys", "Unknown IKM element: the elements are U1 to U9."
                    )
                }
            )
        if aspect not in aspects:
            raise ValidationError(
                {
                    "aspect": QCoreApplication.translate(
                        "Surveys",
                        "An IKM element has one score; an SKD attribute an importance and a "
                        "satisfaction.",
                    )
                }
            )
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(
                {
                    item: QCoreApplication.translate(
                        "Surveys", "Score each question from {low} to {high}."
                    ).format(low=low, high=high)
                }
            )
        if seen.get((item, aspect), value) != value:
            raise ValidationError({item: _changed_sentence()})
        if (item, aspect) not in seen:
            seen[(item, aspect)] = value
            checked.answers.append(Answer(item, aspect, value))
    return checked


def _changed_sentence() -> str:
    return QCoreApplication.translate(
        "Surveys", "An answer once given is kept; it cannot be changed."
    )


def _question_count(instrument: SurveyInstrument) -> int:
    if instrument is SurveyInstrument.IKM:
        return len(IKM_CODES)
    active = SkdAttribute.select().where(SkdAttribute.active == True).count()  # noqa: E712
    return active * len(ASPECTS[instrument])


class SurveyService:
    """Writes survey responses: from a visitor screen (no login, the kiosk role), typed in
    from paper (a supervisor), and the reasons after a low rating."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    # -- deciding ---------------------------------------------------------------------------
    def invite(self, actor: Actor, visit_id: int) -> tuple[SurveyInstrument, ...]:
        """Decide who is asked for a visit that just finished, and write an empty response
        ("asked") per instrument; returns the instruments the visit is asked (those invited
        earlier included).  A staff station calls it after finishing a visit."""
        require(actor, Action.SERVE)
        with write_transaction():
            visit = (
                Visit.select(Visit.id, Visit.office, Visit.day, Visit.status, Visit.visitor)
                .where((Visit.id == visit_id) & (Visit.office == actor.office_id))
                .first()
            )
            if visit is None:
                raise NotFound(_no_visit_sentence())
            if visit.status not in FINISHED:
                return ()
            have = {
                SurveyInstrument(i)
                for (i,) in SurveyResponse.select(SurveyResponse.instrument)
                .where(SurveyResponse.visit == visit.id)
                .tuples()
                if i in _INSTRUMENT_VALUES
            }
            settings = survey_settings(visit.office_id)
            asked: set[SurveyInstrument] = set()
            if settings.audience is SurveyAudience.NOT_ASKED_THIS_YEAR:
                asked = self._asked_this_year(visit)
            chosen = who_is_asked(settings, visit.id, visit.day, asked)
            now = self.clock.now()
            for instrument in chosen:
                if instrument in have:
                    continue
                SurveyResponse.insert(
                    office=visit.office_id,
                    visit=visit.id,
                    instrument=instrument.value,
                    channel=SurveyChannel.SCREEN.value,
                    day=visit.day,
                    key=new_key(),
                    created_at=now,
                ).on_conflict_ignore().execute()
        return tuple(sorted(set(chosen) | have, key=_ORDER.__getitem__))

    @staticmethod
    def _asked_this_year(visit: Visit) -> set[SurveyInstrument]:
        if visit.visitor_id is None:
            return set()
        year = visit.day.year
        found = (
            SurveyResponse.select(SurveyResponse.instrument)
            .join(Visit, on=(SurveyResponse.visit == Visit.id))
            .where(
                (Visit.visitor == visit.visitor_id)
                & (Visit.id != visit.id)
                & (SurveyResponse.day >= dt.date(year, 1, 1))
                & (SurveyResponse.day <= dt.date(year, 12, 31))
            )
            .distinct()
            .tuples()
        )
        return {SurveyInstrument(i) for (i,) in found if i in _INSTRUMENT_VALUES}

    # -- answers ----------------------------------------------------------------------------
    def record(self, entry: SurveyEntry) -> SurveyReceipt:
        """Answers from a visitor screen (channel "screen"; the visit is required)."""
        if entry.visit_id is None:
            raise ValidationError(
                {
                    "visit": QCoreApplication.translate(
                        "Surveys", "A response on the visitor screen belongs to a visit."
                    )
                }
            )
        return self._record(entry, SurveyChannel.SCREEN, office_id=None, entered_by=None)

    def enter_paper(self, actor: Actor, entry: SurveyEntry) -> SurveyReceipt:
        """A paper questionnaire typed in by a supervisor: one respondent, for a visit (its
        day) or none (``entry.day``, default today)."""
        require(actor, Action.ENTER_PAPER_SURVEY)
        return self._record(
            entry, SurveyChannel.PAPER, office_id=actor.office_id, entered_by=actor.user_id
        )

    def _record(
        self,
        entry: SurveyEntry,
        channel: SurveyChannel,
        office_id: int | None,
        entered_by: int | None,
    ) -> SurveyReceipt:
        checked = _check(entry)
        instrument = checked.instrument
        with write_transaction():
            now = self.clock.now()
            visit = None
            if entry.visit_id is not None:
                visit = _visit_facts(entry.visit_id)
                if visit is None or (office_id is not None and visit.office_id != office_id):
                    raise NotFound(_no_visit_sentence())
                if visit.status not in FINISHED:
                    raise Conflict(
                        QCoreApplication.translate("Surveys", "This visit has not finished yet.")
                    )
                if visit.finished_at is not None:  # never answered before the visit finished
                    now = max(now, visit.finished_at)
            office = visit.office_id if visit is not None else office_id
            if office is None:  # pragma: no cover - record() needs a visit, paper an actor
                raise NotFound(_no_visit_sentence())
            if instrument is SurveyInstrument.SKD:
                self._check_attributes(checked.answers, retired_ok=channel is SurveyChannel.PAPER)
            at = entry.answered_at or now
            if visit is not None and visit.finished_at is not None:
                at = max(at, visit.finished_at)
            response = self._response(entry, instrument, channel, visit, office, entered_by, now)
            held = {
                (a.item, a.aspect): a.value
                for a in SurveyAnswer.select(
                    SurveyAnswer.item, SurveyAnswer.aspect, SurveyAnswer.value
                ).where(SurveyAnswer.response == response.id)
            }
            new = []
            for answer in checked.answers:
                old = held.get((answer.item, answer.aspect))
                if old is None:
                    new.append(answer)
                elif old != answer.value:
                    raise Conflict(_changed_sentence())
            if new:
                try:
                    with write_transaction():  # a savepoint: another screen sent them meanwhile
                        SurveyAnswer.insert_many(
                            [
                                {
                                    "response": response.id,
                                    "item": a.item,
                                    "aspect": a.aspect,
                                    "value": a.value,
                                    "answered_at": at,
                                }
                                for a in new
                            ]
                        ).execute()
                except pw.IntegrityError as exc:
                    raise Conflict(_changed_sentence()) from exc
            answered = len(held) + len(new)
            return SurveyReceipt(
                response.id,
                response.key,
                len(new),
                answered,
                answered >= _question_count(instrument),
            )

    @staticmethod
    def _check_attributes(answers: Sequence[Answer], retired_ok: bool) -> None:
        codes = {a.item for a in answers}
        if not codes:
            return
        query = SkdAttribute.select(SkdAttribute.code).where(SkdAttribute.code.in_(sorted(codes)))
        if not retired_ok:
            query = query.where(SkdAttribute.active == True)  # noqa: E712
        known = {code for (code,) in query.tuples()}
        if codes - known:
            raise ValidationError(
                {
                    "item": QCoreApplication.translate(
                        "Surveys", "Unknown SKD attribute: it is not on the office's list."
                    )
                }
            )

    def _response(
        self,
        entry: SurveyEntry,
        instrument: SurveyInstrument,
        channel: SurveyChannel,
        visit: Visit | None,
        office_id: int,
        entered_by: int | None,
        now: dt.datetime,
    ) -> SurveyResponse:
        """The response the answers go to: the one of ``entry.key``, or a new one; a visit
        holds one per instrument (a paper form may fill one the visitor was asked on the
        screen and did not answer)."""
        columns = (
            SurveyResponse.id,
            SurveyResponse.office,
            SurveyResponse.visit,
            SurveyResponse.instrument,
            SurveyResponse.channel,
            SurveyResponse.key,
        )
        visit_id = visit.id if visit is not None else None
        if entry.key:
            mine = SurveyResponse.select(*columns).where(SurveyResponse.key == entry.key).first()
            if mine is not None:
                if (
                    mine.visit_id != visit_id
                    or mine.instrument != instrument.value
                    or mine.office_id != office_id
                ):
                    raise Conflict(_another_response_sentence())
                return mine
        if visit is not None:
            other = (
                SurveyResponse.select(*columns)
                .where(
                    (SurveyResponse.visit == visit.id)
                    & (SurveyResponse.instrument == instrument.value)
                )
                .first()
            )
            if other is not None:
                empty = not SurveyAnswer.select().where(SurveyAnswer.response == other.id).exists()
                if channel is SurveyChannel.PAPER and empty:
                    SurveyResponse.update(
                        channel=channel.value, entered_by=entered_by, created_at=now
                    ).where(SurveyResponse.id == other.id).execute()
                    return other
                raise Conflict(_another_response_sentence())
            day = visit.day
        else:
            day = entry.day or OfficeCalendar.for_office(office_id).office_day(now)
        try:
            with write_transaction():  # a savepoint: another screen may have started it
                return SurveyResponse.create(
                    office=office_id,
                    visit=visit_id,
                    instrument=instrument.value,
                    channel=channel.value,
                    day=day,
                    key=entry.key or new_key(),
                    entered_by=entered_by,
                    created_at=now,
                )
        except pw.IntegrityError as exc:
            raise Conflict(_another_response_sentence()) from exc

    # -- reasons after a low rating ---------------------------------------------------------
    def record_reasons(self, visit_id: int, elements: Iterable[str]) -> int:
        """The IKM elements a visitor tapped after a low rating; returns how many were new
        (a repeat is the same reason).  Refused: an unknown element, no rating, a rating that
        is not low."""
        chosen = []
        for element in elements:
            if element not in IKM_CODES:
                raise ValidationError(
                    {
                        "element": QCoreApplication.translate(
                            "Surveys", "Unknown IKM element: the elements are U1 to U9."
                        )
                    }
                )
            if element not in chosen:
                chosen.append(element)
        if not chosen:
            return 0
        with write_transaction():
            rating = (
                Rating.select(Rating.id, Rating.score, Rating.scale_max)
                .where(Rating.visit == visit_id)
                .first()
            )
            if rating is None:
                raise NotFound(
                    QCoreApplication.translate("Surveys", "This visit has no rating yet.")
                )
            if not is_low_rating(rating.score, rating.scale_max):
                raise Conflict(
                    QCoreApplication.translate(
                        "Surveys", "Reasons are asked after a low rating only."
                    )
                )
            have = {
                e
                for (e,) in RatingReason.select(RatingReason.element)
                .where(RatingReason.rating == rating.id)
                .tuples()
            }
            new = [e for e in chosen if e not in have]
            if new:
                RatingReason.insert_many(
                    [{"rating": rating.id, "element": e} for e in new]
                ).on_conflict_ignore().execute()
        return len(new)


def _no_visit_sentence() -> str:
    return QCoreApplication.translate("Surveys", "This visit does not exist.")


def _another_response_sentence() -> str:
    return QCoreApplication.translate(
        "Surveys", "This visit already has a response to this survey."
    )


def find_visit(office_id: int, day: dt.date, code: str) -> int | None:
    """The visit of a ticket code ("K-007") on an office day, for the paper entry (a paper form
    carries the ticket's code and date, not the visit's id); None when there is none."""
    from models.entities import ServiceType

    prefix, _, number = (code or "").strip().upper().partition("-")
    if not prefix or not number.isdigit():
        return None
    return (
        Visit.select(Visit.id)
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .where(
            (Visit.office == office_id)
            & (Visit.day == day)
            & (ServiceType.prefix == prefix)
            & (Visit.number == int(number))
        )
        .scalar()
    )


# -- a screen's course ------------------------------------------------------------------------
class SurveyRun:
    """One visitor's way through a ``SurveyForm``: one question at a time, each answer sent at
    once (``send``: e.g. ``SurveyOutbox.submit``), skip always possible.  Stopping half-way
    (the visitor walks away; the screen goes idle) loses nothing: what was answered is sent."""

    def __init__(self, form: SurveyForm, send) -> None:  # send(SurveyEntry) -> object
        self.form = form
        self.send = send
        self._questions = [(part, q) for part in form.parts for q in part.questions]
        self.position = 0
        self.answered = 0

    def start(self) -> None:
        """Mark each response "asked" that is not in the database yet (no answer needed)."""
        for part in self.form.parts:
            if not part.exists:
                self._send(part, ())

    @property
    def current(self) -> SurveyQuestion | None:
        if self.position >= len(self._questions):
            return None
        return self._questions[self.position][1]

    @property
    def finished(self) -> bool:
        return self.current is None

    def progress(self) -> tuple[int, int]:
        """(the current question's number from 1, how many): "3 / 9" on the progress line."""
        return min(self.position + 1, len(self._questions)), len(self._questions)

    def answer(self, value: int) -> object | None:
        """The visitor's answer to the current question; sent at once.  None when finished
        or ``value`` is outside the question's scale (nothing sent, nothing moves)."""
        if self.finished:
            return None
        part, question = self._questions[self.position]
        if isinstance(value, bool) or not question.low <= value <= question.high:
            return None
        self.position += 1
        self.answered += 1
        return self._send(part, (Answer(question.item, question.aspect, value),))

    def skip(self) -> None:
        if not self.finished:
            self.position += 1

    def _send(self, part: SurveyPart, answers: tuple[Answer, ...]) -> object:
        return self.send(
            SurveyEntry(part.instrument, answers, visit_id=self.form.visit_id, key=part.key)
        )

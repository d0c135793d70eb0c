"""The reads of the visitor's-voice sections (``voice_figures.py`` says what counts): the IKM
from complete survey responses, IKM respondents by channel, the SKD, the reasons after a low
rating, follow-ups, and the unmet data demand with its raw rows.  Aggregates in SQL where the
rows can be many; follow-ups and unmet requests are few and counted in Python."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import peewee as pw

from models.entities import (
    Consultation,
    FollowUp,
    Office,
    Rating,
    RatingReason,
    SkdAttribute,
    SurveyAnswer,
    SurveyChannel,
    SurveyInstrument,
    SurveyResponse,
    UserAccount,
    Visit,
)
from pst_desktop.frontdesk.guest_book_lists import options
from pst_desktop.officer.consultations import ConsultationRecord, DataRequest
from pst_desktop.officer.follow_ups import NEED_NOT_MET
from pst_desktop.reporting.ikm import ELEMENT_COUNT, IkmResult, compute_ikm_from_sums
from pst_desktop.reporting.sql import CURRENT_SERVICE, TICKET_SERVICE, as_utc, visits_in_range
from pst_desktop.reporting.voice_figures import (
    ChannelCount,
    FollowUpGroup,
    FollowUpSummary,
    ReasonRow,
    ReasonSummary,
    SkdRow,
    SkdSummary,
    UnmetDemandRow,
    VisitorVoice,
    quadrant,
    voice_labels,
    years_text,
)
from pst_desktop.visitor.instruments import (
    ASPECT_IMPORTANCE,
    ASPECT_SATISFACTION,
    ASPECT_SCORE,
    IKM_CODES,
    IKM_ELEMENTS,
)
from pst_desktop.visits.queue import ticket_code


def _responses(office_id: int, instrument: SurveyInstrument, date_from, date_to) -> pw.Node:
    return (
        (SurveyResponse.office == office_id)
        & (SurveyResponse.instrument == instrument.value)
        & (SurveyResponse.day >= date_from)
        & (SurveyResponse.day <= date_to)
    )


def complete_ikm_responses(office_id: int, date_from: dt.date, date_to: dt.date) -> pw.Select:
    """The ids of the range's IKM responses with all 9 elements answered."""
    return (
        SurveyAnswer.select(SurveyAnswer.response)
        .join(SurveyResponse, on=(SurveyAnswer.response == SurveyResponse.id))
        .where(
            _responses(office_id, SurveyInstrument.IKM, date_from, date_to)
            & (SurveyAnswer.aspect == ASPECT_SCORE)
            & SurveyAnswer.item.in_(IKM_CODES)
        )
        .group_by(SurveyAnswer.response)
        .having(pw.fn.COUNT(SurveyAnswer.id) == ELEMENT_COUNT)
    )


def ikm_of_range(office_id: int, date_from: dt.date, date_to: dt.date) -> IkmResult | None:
    """The IKM of the range's complete responses (None: none)."""
    complete = complete_ikm_responses(office_id, date_from, date_to)
    sums = dict(
        SurveyAnswer.select(SurveyAnswer.item, pw.fn.SUM(SurveyAnswer.value))
        .where(SurveyAnswer.response.in_(complete) & (SurveyAnswer.aspect == ASPECT_SCORE))
        .group_by(SurveyAnswer.item)
        .tuples()
    )
    respondents = (
        SurveyResponse.select().where(SurveyResponse.id.in_(complete)).count() if sums else 0
    )
    if not respondents:
        return None
    return compute_ikm_from_sums([int(sums[code]) for code in IKM_CODES], respondents)


def ikm_channels(
    office_id: int, date_from: dt.date, date_to: dt.date, L: dict[str, str]
) -> tuple[ChannelCount, ...]:
    """Screen and paper always; "not recorded" when some responses have no channel."""
    complete = complete_ikm_responses(office_id, date_from, date_to)
    found = {
        channel: (int(started), int(respondents or 0))
        for channel, started, respondents in SurveyResponse.select(
            SurveyResponse.channel,
            pw.fn.COUNT(SurveyResponse.id),
            pw.fn.SUM(pw.Case(None, [(SurveyResponse.id.in_(complete), 1)], 0)),
        )
        .where(_responses(office_id, SurveyInstrument.IKM, date_from, date_to))
        .group_by(SurveyResponse.channel)
        .tuples()
    }
    rows = [
        (SurveyChannel.SCREEN.value, L["channel_screen"]),
        (SurveyChannel.PAPER.value, L["channel_paper"]),
    ]
    if found.get("", (0, 0))[0]:
        rows.append(("", L["channel_unknown"]))
    return tuple(
        ChannelCount(code, label, found.get(code, (0, 0))[1], found.get(code, (0, 0))[0])
        for code, label in rows
    )


def skd_summary(
    office_id: int, date_from: dt.date, date_to: dt.date, language: str
) -> SkdSummary | None:
    in_range = _responses(office_id, SurveyInstrument.SKD, date_from, date_to)
    answers = (
        SurveyAnswer.select(
            SurveyAnswer.item,
            SurveyAnswer.aspect,
            pw.fn.SUM(SurveyAnswer.value),
            pw.fn.COUNT(SurveyAnswer.id),
        )
        .join(SurveyResponse, on=(SurveyAnswer.response == SurveyResponse.id))
        .where(in_range)
        .group_by(SurveyAnswer.item, SurveyAnswer.aspect)
        .tuples()
    )
    stats = {(item, aspect): (int(total), int(n)) for item, aspect, total, n in answers}
    if not stats:
        return None
    respondents = (
        SurveyAnswer.select(pw.fn.COUNT(pw.fn.DISTINCT(SurveyAnswer.response)))
        .join(SurveyResponse, on=(SurveyAnswer.response == SurveyResponse.id))
        .where(in_range)
        .scalar()
    )
    answered = {item for item, _ in stats}
    attributes = [
        a
        for a in SkdAttribute.select().order_by(SkdAttribute.sort_order, SkdAttribute.id)
        if a.active or a.code in answered
    ]

    def mean(code: str, aspect: str) -> tuple[float | None, int]:
        total, n = stats.get((code, aspect), (0, 0))
        return (total / n if n else None), n

    means = []
    for a in attributes:
        importance, n_i = mean(a.code, ASPECT_IMPORTANCE)
        satisfaction, n_s = mean(a.code, ASPECT_SATISFACTION)
        label = a.label_en if language == "en" else a.label_id
        means.append((a.code, label, importance, satisfaction, n_i, n_s))
    both = [(i, s) for _, _, i, s, _, _ in means if i is not None and s is not None]
    mean_i = sum(i for i, _ in both) / len(both) if both else None
    mean_s = sum(s for _, s in both) / len(both) if both else None
    rows = tuple(
        SkdRow(code, label, i, s, n_i, n_s, quadrant(i, s, mean_i, mean_s))
        for code, label, i, s, n_i, n_s in means
    )
    return SkdSummary(int(respondents or 0), rows, mean_i, mean_s)


def reason_summary(office_id: int, date_from: dt.date, date_to: dt.date, language: str):
    in_range = visits_in_range(office_id, date_from, date_to)
    low = (
        Rating.select()
        .join(Visit, on=(Rating.visit == Visit.id))
        .where(in_range & (Rating.score * 2 <= Rating.scale_max))
        .count()
    )
    reasons = (
        RatingReason.select(RatingReason.element, RatingReason.rating)
        .join(Rating, on=(RatingReason.rating == Rating.id))
        .join(Visit, on=(Rating.visit == Visit.id))
        .where(in_range)
        .tuples()
    )
    counts: dict[str, int] = {}
    rated: set[int] = set()
    for element, rating_id in reasons:
        counts[element] = counts.get(element, 0) + 1
        rated.add(rating_id)
    rows = tuple(ReasonRow(e.code, e.name(language), counts.get(e.code, 0)) for e in IKM_ELEMENTS)
    return ReasonSummary(low, len(rated), rows)


def _day_bounds(zone: ZoneInfo, date_from: dt.date, date_to: dt.date):
    start = dt.datetime.combine(date_from, dt.time(0, 0), zone).astimezone(dt.UTC)
    end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(0, 0), zone)
    return start, end.astimezone(dt.UTC)


def follow_up_summary(
    office_id: int,
    date_from: dt.date,
    date_to: dt.date,
    now: dt.datetime,
    language: str,
    L: dict[str, str],
) -> FollowUpSummary:
    zone = ZoneInfo(Office.get_by_id(office_id).time_zone)
    start, end = _day_bounds(zone, date_from, date_to)
    rows = list(
        FollowUp.select(
            FollowUp.element,
            FollowUp.taken_by,
            UserAccount.full_name,
            FollowUp.due_at,
            FollowUp.closed_at,
        )
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(FollowUp.taken_by == UserAccount.id))
        .where(
            (FollowUp.office == office_id)
            & (FollowUp.opened_at >= start)
            & (FollowUp.opened_at < end)
        )
        .tuples()
    )

    def state(due: dt.datetime, closed: dt.datetime | None) -> str:
        due = as_utc(due)
        if closed is not None:
            return "closed_in_time" if as_utc(closed) <= due else "closed_late"
        return "overdue" if now > due else "open_not_due"

    def group(key: str, label: str, states: list[str]) -> FollowUpGroup:
        return FollowUpGroup(
            key,
            label,
            len(states),
            states.count("closed_in_time"),
            states.count("closed_late"),
            states.count("overdue"),
            states.count("open_not_due"),
        )

    by_element: dict[str, list[str]] = {}
    by_officer: dict[str, tuple[str, list[str]]] = {}
    every: list[str] = []
    for element, taker, name, due, closed in rows:
        s = state(due, closed)
        every.append(s)
        by_element.setdefault(element or "", []).append(s)
        key = str(taker or "")
        by_officer.setdefault(key, (name or L["not_taken"], []))[1].append(s)
    names = {e.code: f"{e.code} {e.name(language)}" for e in IKM_ELEMENTS}
    elements = tuple(
        group(code, names.get(code) or L["not_classed"], by_element[code])
        for code in [*IKM_CODES, ""]
        if code in by_element
    )
    officers = tuple(
        group(key, label, states)
        for key, (label, states) in sorted(by_officer.items(), key=lambda kv: (not kv[0], kv[1][0]))
    )
    return FollowUpSummary(group("", L["total"], every), elements, officers)


# -- unmet data demand --------------------------------------------------------------------------
def _unmet_query(office_id: int, date_from: dt.date, date_to: dt.date) -> pw.ModelSelect:
    Ticket, Current = TICKET_SERVICE, CURRENT_SERVICE
    return (
        Consultation.select(
            Visit.day,
            Ticket.prefix,
            Visit.number,
            Current.name,
            Visit.channel,
            Consultation.need_met,
            Consultation.topic,
            Consultation.data_requested,
        )
        .join(Visit, on=(Consultation.visit == Visit.id))
        .join(Ticket, on=(Visit.ticket_service == Ticket.id))
        .switch(Visit)
        .join(Current, on=(Visit.service == Current.id))
        .where(
            visits_in_range(office_id, date_from, date_to)
            & Consultation.need_met.in_(NEED_NOT_MET)
            & (Consultation.is_draft == False)  # noqa: E712
        )
        .order_by(Visit.day, Visit.id)
        .tuples()
    )


def _requests(data_requested: str, topic: str) -> list[DataRequest]:
    """The record's data requests; one of its topic when it names none."""
    try:
        items = json.loads(data_requested) if data_requested else []
    except ValueError:
        items = []
    items = [d for d in items if isinstance(d, dict)] if isinstance(items, list) else []
    record = ConsultationRecord.from_dict({"data_requested": items})
    found = [d for d in record.data_requested if not d.is_empty()]
    return found or [DataRequest(subject=topic or "")]


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def unmet_demand(
    office_id: int, date_from: dt.date, date_to: dt.date, language: str
) -> tuple[UnmetDemandRow, ...]:
    levels = {o.code: o.label(language) for o in options("data_level", include_inactive=True)}
    periods = {o.code: o.label(language) for o in options("data_period", include_inactive=True)}
    groups: dict[tuple, list] = {}
    for day, _prefix, _number, _service, _channel, _need, topic, data in _unmet_query(
        office_id, date_from, date_to
    ):
        for request in _requests(data, topic):
            subject, region = _clean(request.subject), _clean(request.region)
            key = (
                subject.casefold(),
                region.casefold(),
                request.level,
                request.period,
                years_text(request.year_from, request.year_to),
            )
            entry = groups.setdefault(key, [subject, region, 0, day])
            entry[2] += 1
            if day >= entry[3]:  # the latest request's spelling
                entry[0], entry[1], entry[3] = subject, region, day
    rows = [
        UnmetDemandRow(
            subject,
            region,
            levels.get(level, level),
            periods.get(period, period),
            years,
            count,
            latest,
        )
        for (_, _, level, period, years), (subject, region, count, latest) in groups.items()
    ]
    rows.sort(key=lambda r: (-r.count, -r.latest.toordinal(), r.subject.casefold()))
    return tuple(rows)


def unmet_raw_columns(language: str) -> list[str]:
    from pst_desktop.reporting.labels import labels_for

    L, V = labels_for(language), voice_labels(language)
    return [
        L["day"],
        L["ticket"],
        L["service"],
        L["channel"],
        V["need_met"],
        V["topic"],
        V["subject"],
        V["region"],
        V["level"],
        V["data_period"],
        V["year_from"],
        V["year_to"],
    ]


def iter_unmet_raw(
    office_id: int, date_from: dt.date, date_to: dt.date, language: str
) -> Iterator[tuple]:
    """One row per data request not met (or per record without one): no personal data."""
    lists = {
        name: {o.code: o.label(language) for o in options(name, include_inactive=True)}
        for name in ("data_level", "data_period", "need_met", "channel")
    }
    for day, prefix, number, service, channel, need, topic, data in _unmet_query(
        office_id, date_from, date_to
    ):
        for request in _requests(data, topic):
            yield (
                day,
                ticket_code(prefix, number),
                service,
                lists["channel"].get(channel, channel),
                lists["need_met"].get(need, need),
                topic,
                _clean(request.subject),
                _clean(request.region),
                lists["data_level"].get(request.level, request.level),
                lists["data_period"].get(request.period, request.period),
                request.year_from,
                request.year_to,
            )


def visitor_voice(
    office_id: int,
    date_from: dt.date,
    date_to: dt.date,
    now: dt.datetime,
    language: str,
    L: dict[str, str],
) -> VisitorVoice:
    """Every section at once; ``L``: the report's labels (for "Total")."""
    V = {**L, **voice_labels(language)}
    return VisitorVoice(
        ikm_channels=ikm_channels(office_id, date_from, date_to, V),
        skd=skd_summary(office_id, date_from, date_to, language),
        reasons=reason_summary(office_id, date_from, date_to, language),
        follow_ups=follow_up_summary(office_id, date_from, date_to, now, language, V),
        unmet=unmet_demand(office_id, date_from, date_to, language),
    )

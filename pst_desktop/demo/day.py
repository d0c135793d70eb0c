"""One simulated office day of the demo, written as plain rows.

Each working day is simulated desk by desk: walk-ins arrive through the opening hours (more in
the morning; Monday busiest), one officer staffs each desk for the day, and the desk that frees
first calls the oldest waiting ticket it serves, so an officer never serves two visits at once.
Numbers are gap-free per (service, office day) in issue order; every timestamp lies inside the
service hours.  Some tickets are cancelled, skipped or left unserved at closing; most finished
visits are rated, some with a comment; consultations get a record.  Some visitors come back on
a later day (``P_RETURNING``); a few online consultations come in too.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random

from models.database import database_proxy
from models.entities import (
    Channel,
    Consultation,
    Office,
    Rating,
    TicketCounter,
    Visit,
    Visitor,
    VisitStatus,
)
from pst_desktop.core.clock import Clock
from pst_desktop.demo import reference as ref
from pst_desktop.demo.bulk import (
    CONSULTATION_FIELDS,
    COUNTER_FIELDS,
    RATING_FIELDS,
    VISIT_FIELDS,
    VISITOR_FIELDS,
    bulk_insert,
    reserve_ids,
)
from pst_desktop.demo.draws import Picker
from pst_desktop.demo.records import Records
from pst_desktop.demo.setup import ensure_setup
from pst_desktop.demo.summary import DemoSummary
from pst_desktop.sop.office_calendar import OfficeCalendar

#: rating scale of the visitor-facing screen
SCALE_MAX = 4

_UTC = dt.UTC
_WALK_IN = Channel.WALK_IN.value
_DONE = VisitStatus.DONE.value
_SKIPPED = VisitStatus.SKIPPED.value
_CANCELLED = VisitStatus.CANCELLED.value
_SECONDS = [f"{s:02d}" for s in range(60)]


class DayWriter:
    """Writes the demo's office days for one office; ``ensure_setup`` first."""

    def __init__(
        self,
        office: Office,
        calendar: OfficeCalendar,
        rng: random.Random,
        mean: int,
        clock: Clock,
        summary: DemoSummary,
    ) -> None:
        self.office = office
        self.calendar = calendar
        self.rng = rng
        self.mean = mean
        self.clock = clock
        self.summary = summary
        self.db = database_proxy.obj
        self.pool: list[tuple[int, str]] = []  # returning visitors: (id, occupation)
        self.records = Records(rng, office.id)
        self.score = Picker(ref.SCORES)
        self.online_channel = Picker(ref.ONLINE_CHANNELS)

    def ensure_setup(self) -> None:
        """The office's services, desks and staff (``setup.py``), and who wants which service."""
        staffing = ensure_setup(self.office.id, self.calendar, self.mean, self.clock)
        self.summary.desks_created = staffing.desks_created
        self.summary.accounts_created = staffing.accounts_created
        self.services = staffing.services
        self.service_code = dict(self.services)
        by_code = {code: sid for sid, code in self.services}
        uniform = {sid: 1 for sid, _ in self.services}
        self.service_pickers = {
            occupation: Picker(
                {by_code[c]: w for c, w in spec["service"].items() if c in by_code} or uniform
            )
            for occupation, spec in ref.OCCUPATIONS.items()
        }
        self.desks = staffing.desks
        self.officers = staffing.officers
        self.receptionists = staffing.receptionists

    # -- one office day ----------------------------------------------------------------------
    def _day_taken(self, day: dt.date) -> bool:
        if (
            Visit.select(Visit.id)
            .where((Visit.office == self.office.id) & (Visit.day == day))
            .exists()
        ):
            return True
        return (
            TicketCounter.select(TicketCounter.id)
            .where(
                TicketCounter.service.in_([sid for sid, _ in self.services])
                & (TicketCounter.day == day)
            )
            .exists()
        )

    def fill_day(self, day: dt.date) -> None:
        """Write one office day (inside the caller's transaction), or skip a day already used."""
        span = self.calendar.hours_on(day)
        if span is None or not self.services:
            return
        if self._day_taken(day):
            self.summary.skipped_days.append(day)
            return
        self._write_day(day, span)
        self.summary.days.append(day)

    def _write_day(self, day: dt.date, span: tuple[dt.datetime, dt.datetime]) -> None:
        rng = self.rng
        opens, closes = span
        base = opens.astimezone(_UTC).replace(tzinfo=None)
        width = int((closes - opens).total_seconds())
        # "YYYY-MM-DD HH:MM:" per minute of the day's window and ":SS" per second: building a
        # stamp is then two lookups (the same text peewee stores for a naive UTC datetime)
        first = base.replace(second=0, microsecond=0)
        lead = int((base - first).total_seconds())
        minutes = []
        for m in range((lead + width) // 60 + 1):
            moment = first + dt.timedelta(minutes=m)
            minutes.append(f"{moment.date()} {moment.hour:02d}:{moment.minute:02d}:")

        def stamp(offset: int) -> str:
            t = lead + offset
            return minutes[t // 60] + _SECONDS[t % 60]

        factor = ref.WEEKDAY_FACTOR.get(day.weekday(), 0.5) * rng.uniform(0.8, 1.2)
        n_walk = max(1, round(self.mean * factor))
        n_online = round(rng.uniform(0, 2 * self.mean * 0.06))
        latest = max(600, width - 3600)  # registration starts at least an hour before closing
        peak = latest * 0.25

        # 1. who comes when, for what
        used_today: set[int] = set()
        new_rows: list[list] = []
        items: list[list] = []  # [issue, reg, channel, visitor_ref, occupation, service_id]
        code_to_id = {code: sid for sid, code in self.services}
        for k in range(n_walk + n_online):
            online = k >= n_walk
            if online:
                reg = None
                issue = rng.randrange(latest)
            else:
                reg = (
                    int(rng.triangular(0, latest, peak))
                    if rng.random() < 0.6
                    else rng.randrange(latest)
                )
                issue = reg + rng.randint(120, 720)
            visitor_ref: int | list
            if self.pool and rng.random() < ref.P_RETURNING:
                visitor_id, occupation = self.pool[rng.randrange(len(self.pool))]
                if visitor_id in used_today:
                    visitor_id = None
                else:
                    used_today.add(visitor_id)
            else:
                visitor_id = None
            if visitor_id is None:
                row, occupation = self.records.new_visitor(
                    stamp(reg if reg is not None else issue), day.year
                )
                row = list(row)
                new_rows.append(row)
                visitor_ref = row
            else:
                visitor_ref = visitor_id
            if online:
                service_id = code_to_id.get("consultation", self.services[0][0])
                channel = self.online_channel(rng)
            else:
                service_id = self.service_pickers[occupation](rng)
                channel = _WALK_IN
            purpose = self.records.purpose(occupation)
            items.append([issue, reg, channel, visitor_ref, purpose, service_id])
        items.sort(key=lambda item: (item[0], item[2] != _WALK_IN))

        # 2. ids and numbers
        db = self.db
        for row, vid in zip(new_rows, reserve_ids(db, Visitor, len(new_rows)), strict=True):
            row[0] = vid
        visit_ids = reserve_ids(db, Visit, len(items))
        counters: dict[int, int] = {}
        # 3. the desks: one officer each today, the first free desk calls the next ticket
        desks = self.desks
        officers = self.officers
        if len(officers) >= len(desks):
            staffed = list(zip(desks, rng.sample(officers, len(desks)), strict=True))
        else:
            staffed = list(zip(rng.sample(desks, len(officers)), officers, strict=True))
        heap = [(0, k) for k in range(len(staffed))]
        order = []
        for index, item in enumerate(items):
            issue = item[0]
            if item[2] == _WALK_IN:
                ready = issue + rng.randint(15, 90)
            else:
                ready = min(issue + rng.randint(300, 9000), width - 1200)
            order.append((max(ready, issue), index))
        order.sort()

        visits: list[tuple | None] = [None] * len(items)
        consultations: list[tuple] = []
        ratings: list[tuple] = []
        consultation_ids = {sid for sid, code in self.services if code == "consultation"}
        for sid in sorted({item[5] for item in items if item[2] == _WALK_IN}):
            counters[sid] = 0
        numbers: dict[int, int | None] = {}
        for index, item in enumerate(items):  # numbers follow issue order, gap-free
            if item[2] == _WALK_IN:
                counters[item[5]] += 1
                numbers[index] = counters[item[5]]
            else:
                numbers[index] = None
        receptionists = self.receptionists
        walk_in = _WALK_IN
        for ready, index in order:
            issue, reg, channel, visitor_ref, purpose, service_id = items[index]
            visit_id = visit_ids[index]
            visitor_id = visitor_ref[0] if isinstance(visitor_ref, list) else visitor_ref
            is_walk_in = channel == walk_in
            issued_by = receptionists[rng.randrange(len(receptionists))] if is_walk_in else None
            head = (
                visit_id,
                self.office.id,
                visitor_id,
                service_id,
                service_id,
                purpose,
                channel,
                day,
                numbers[index],
            )
            reg_s = stamp(reg) if reg is not None else None
            issue_s = stamp(issue)
            roll = rng.random()
            if is_walk_in and roll < ref.P_CANCEL:
                left = min(issue + rng.randint(180, 1800), width)
                visits[index] = (
                    *head, _CANCELLED, None, None, issued_by,
                    reg_s, issue_s, None, None, None, 0, rng.choice(ref.CANCEL_REASONS),
                    stamp(left),
                )  # fmt: skip
                continue
            # the desk that frees first among those serving this service
            aside = []
            chosen = None
            while heap:
                free, k = heapq.heappop(heap)
                if service_id in staffed[k][0][1]:
                    chosen = (free, k)
                    break
                aside.append((free, k))
            for entry in aside:
                heapq.heappush(heap, entry)
            call = max(ready, chosen[0]) if chosen else width
            if chosen is None or call > width - 300:
                if chosen is not None:
                    heapq.heappush(heap, chosen)
                visits[index] = (
                    *head, _CANCELLED, None, None, issued_by,
                    reg_s, issue_s, None, None, None, 0, ref.CLOSED_REASON, stamp(width),
                )  # fmt: skip
                continue
            k = chosen[1]
            (desk_id, _), officer_id = staffed[k]
            if is_walk_in and roll < ref.P_CANCEL + ref.P_SKIP:
                gone = min(call + rng.randint(60, 180), width)
                heapq.heappush(heap, (gone, k))
                visits[index] = (
                    *head, _SKIPPED, desk_id, officer_id, issued_by,
                    reg_s, issue_s, stamp(call), None, None, rng.randint(2, 3), "", stamp(gone),
                )  # fmt: skip
                continue
            if is_walk_in:
                start = min(call + rng.randint(30, 150), width - 240)
                low, high, mode = ref.DURATION.get(self.service_code[service_id], (10, 60, 20))
                if service_id in consultation_ids and rng.random() < ref.P_LONG:
                    length = rng.randint(185 * 60, 215 * 60)
                else:
                    length = int(rng.triangular(low, high, mode) * 60)
            else:
                start = call
                length = rng.randint(10 * 60, 45 * 60)
            finish = min(start + length, width)
            heapq.heappush(heap, (min(finish + rng.randint(20, 120), width), k))
            finish_s = stamp(finish)
            updated = finish
            if rng.random() < (ref.P_RATED if is_walk_in else ref.P_RATED_ONLINE):
                rated = min(finish + rng.randint(15, 240), width)
                score = self.score(rng)
                comment = ""
                if rng.random() < ref.P_COMMENT:
                    comment = rng.choice(ref.COMMENTS_GOOD if score >= 3 else ref.COMMENTS_BAD)
                ratings.append((visit_id, officer_id, score, SCALE_MAX, comment, stamp(rated)))
                updated = rated
            if service_id in consultation_ids:
                consultations.append(self.records.consultation(visit_id, officer_id, day, finish_s))
            visits[index] = (
                *head, _DONE, desk_id if is_walk_in else None, officer_id,
                issued_by, reg_s, issue_s, stamp(call), stamp(start), finish_s,
                1 if is_walk_in else 0, "", stamp(updated),
            )  # fmt: skip

        # 4. write
        bulk_insert(db, Visitor, VISITOR_FIELDS, [tuple(r) for r in new_rows])
        bulk_insert(db, Visit, VISIT_FIELDS, visits)  # type: ignore[arg-type]
        bulk_insert(db, TicketCounter, COUNTER_FIELDS, [(s, day, n) for s, n in counters.items()])
        consultations.sort()
        ratings.sort()
        bulk_insert(db, Consultation, CONSULTATION_FIELDS, consultations)
        bulk_insert(db, Rating, RATING_FIELDS, ratings)
        self.pool.extend((row[0], row[8]) for row in new_rows)
        summary = self.summary
        summary.walk_in_visits += n_walk
        summary.online_visits += n_online
        summary.new_visitors += len(new_rows)
        summary.consultations += len(consultations)
        summary.ratings += len(ratings)

"""Desks that open and close: open, on a break (with a reason and an expected
return), or closed.

- The officer at a desk sets its state, a supervisor (or admin) any desk's
  (``DeskStateService.set_state``); an officer may not change a desk another officer's window
  is attending, and no desk goes on a break or closes while a ticket is called or served at it.
- "Call next" (and calling a ticket out of order) is refused at a desk that is not open
  (``require_open``), with a sentence saying what to do.
- The wait estimate and the board use the desks open now (``desks_for_service``,
  ``on_break``); supervisors see every desk's state live (``desk_states``), and the day report
  the time each desk spent in each state (``pst_desktop.reporting.fair_queue``) from the log
  (``DeskStateChange``: every change with its time, who made it, or that it was automatic).
- A desk left open with nobody signed in closes by itself.  "Signed in at the desk" is the
  officer window's sign of life: it calls ``keep_alive`` on its periodic refresh (at least every
  ``HEARTBEAT_EVERY``; it writes at most that often), and every station's periodic jobs call
  ``close_unattended``: a desk open (or on a break past its expected return) with no sign of
  life for ``UNATTENDED_AFTER`` closes, stamped at the moment it was last attended plus that
  time.  Each close is a guarded update (``WHERE`` the state it read), so two PCs running it at
  once close a desk once and log it once.
- A desk without a state row is open: every desk was before desks had states, and an office
  whose officers' windows never report stays as it was.  The first ``keep_alive`` or ``set_state``
  gives it a row.

Every change publishes ``Event.DESK_CHANGED``, so the stations refresh.  No Qt beyond QtCore.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import is_sqlite, write_transaction
from models.entities import (
    HELD_STATUSES,
    Desk,
    DeskService,
    DeskState,
    DeskStateChange,
    DeskStateKind,
    Role,
    ServiceType,
    UserAccount,
    Visit,
)
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import Conflict, NotFound, PermissionDenied, ValidationError
from pst_desktop.core.text import clean_text
from pst_desktop.sop.permissions import Action, Actor, require
from pst_desktop.visits.events import Event, publish

log = logging.getLogger(__name__)

K = DeskStateKind

# a desk open with no sign of life of an officer's window for this long closes by itself
UNATTENDED_AFTER = dt.timedelta(minutes=10)
# how often an officer's window gives a sign of life (``keep_alive`` writes at most this often)
HEARTBEAT_EVERY = dt.timedelta(minutes=2)
# the longest break one can announce
MAX_BREAK = dt.timedelta(hours=4)
REASON_MAX = 120

_OVERSEERS = (Role.SUPERVISOR, Role.ADMIN)


def state_label(state: str) -> str:
    """The state as staff say it, in the chosen language."""
    labels = {
        K.OPEN: QCoreApplication.translate("DeskState", "open"),
        K.BREAK: QCoreApplication.translate("DeskState", "on a break"),
        K.CLOSED: QCoreApplication.translate("DeskState", "closed"),
    }
    return labels[K(state)] if state in K._value2member_map_ else state


# -- what the windows show ---------------------------------------------------------------------
@dataclass(frozen=True)
class DeskStatus:
    """One desk's state as the officer, the supervisor and the board see it."""

    desk_id: int
    name: str
    state: DeskStateKind
    reason: str  # a break's reason
    expected_back: dt.datetime | None  # a break's expected return
    since: dt.datetime | None  # None: never set (open, as every desk was before)
    set_by: str  # who set it; "" automatic or never set
    automatic: bool  # closed by itself (nobody attended it)
    attended_by: str  # the officer whose window was seen at the desk lately, "" nobody
    seen_at: dt.datetime | None

    def break_overdue(self, now: dt.datetime) -> bool:
        """On a break past its expected return."""
        return self.state is K.BREAK and self.expected_back is not None and now > self.expected_back


def desk_states(office_id: int, now: dt.datetime, only: int | None = None) -> list[DeskStatus]:
    """Every active desk of the office (and an inactive one not closed), by name, with its
    state now; ``only``: that desk alone, whatever it is.  Reads only: safe on a worker
    thread."""
    SetBy = UserAccount.alias()
    SeenBy = UserAccount.alias()
    where = Desk.office == office_id
    if only is not None:
        where &= Desk.id == only
    rows = (
        Desk.select(
            Desk.id,
            Desk.name,
            Desk.active,
            DeskState.state,
            DeskState.reason,
            DeskState.expected_back,
            DeskState.since,
            DeskState.set_by,
            SetBy.full_name,
            DeskState.seen_at,
            SeenBy.full_name,
        )
        .join(DeskState, pw.JOIN.LEFT_OUTER, on=(DeskState.desk == Desk.id))
        .join(SetBy, pw.JOIN.LEFT_OUTER, on=(DeskState.set_by == SetBy.id))
        .switch(DeskState)
        .join(SeenBy, pw.JOIN.LEFT_OUTER, on=(DeskState.seen_by == SeenBy.id))
        .where(where)
        .order_by(Desk.name, Desk.id)
        .tuples()
    )
    out = []
    for (
        desk_id,
        name,
        active,
        state,
        reason,
        expected_back,
        since,
        set_by_id,
        set_by,
        seen_at,
        seen_by,
    ) in rows:
        if not active and state in (None, K.CLOSED.value) and only is None:
            continue
        kind = K(state) if state else K.OPEN
        attended = seen_at is not None and now - seen_at <= UNATTENDED_AFTER
        out.append(
            DeskStatus(
                desk_id=desk_id,
                name=name,
                state=kind,
                reason=reason or "",
                expected_back=expected_back,
                since=since,
                set_by=set_by or "",
                automatic=state is not None and set_by_id is None and kind is K.CLOSED,
                attended_by=(seen_by or "") if attended else "",
                seen_at=seen_at,
            )
        )
    return out


def state_of(desk_id: int) -> DeskStateKind:
    """The desk's state now (open when it never had one)."""
    state = DeskState.select(DeskState.state).where(DeskState.desk == desk_id).scalar()
    return K(state) if state else K.OPEN


@dataclass(frozen=True)
class BoardBreak:
    """A desk on a break, as the waiting room sees it: its name and when it is back (never
    the reason)."""

    desk_name: str
    expected_back: dt.datetime | None


def on_break(office_id: int) -> list[BoardBreak]:
    """The office's active desks on a break, by name."""
    return [
        BoardBreak(name, expected_back)
        for name, expected_back in Desk.select(Desk.name, DeskState.expected_back)
        .join(DeskState, on=(DeskState.desk == Desk.id))
        .where((Desk.office == office_id) & Desk.active & (DeskState.state == K.BREAK.value))
        .order_by(Desk.name, Desk.id)
        .tuples()
    ]


@dataclass(frozen=True)
class DesksForService:
    """The active desks serving a service, by state now: the wait estimate's divisor."""

    open: int
    on_break_until: tuple[dt.datetime | None, ...]  # each desk on a break: its expected return
    closed: int


def desks_for_service(office_id: int, service_id: int) -> DesksForService:
    states = [
        (state or K.OPEN.value, expected_back)
        for state, expected_back in DeskService.select(DeskState.state, DeskState.expected_back)
        .join(Desk, on=(DeskService.desk == Desk.id))
        .join(DeskState, pw.JOIN.LEFT_OUTER, on=(DeskState.desk == Desk.id))
        .where((DeskService.service == service_id) & (Desk.office == office_id) & Desk.active)
        .tuples()
    ]
    return DesksForService(
        open=sum(1 for state, _ in states if state == K.OPEN.value),
        on_break_until=tuple(back for state, back in states if state == K.BREAK.value),
        closed=sum(1 for state, _ in states if state == K.CLOSED.value),
    )


def is_open_condition() -> pw.Node:
    """A condition on ``Desk``: the desk is open now (no state row counts as open)."""
    return Desk.id.not_in(DeskState.select(DeskState.desk).where(DeskState.state != K.OPEN.value))


def require_open(desk: Desk) -> None:
    """Refuse a call at a desk on a break or closed, with what to do; inside the call's
    transaction (the state is read there)."""
    state = state_of(desk.id)
    if state is K.BREAK:
        raise Conflict(
            QCoreApplication.translate(
                "DeskState",
                "{desk} is on a break. Open the desk again before calling a visitor.",
            ).format(desk=desk.name)
        )
    if state is K.CLOSED:
        raise Conflict(
            QCoreApplication.translate(
                "DeskState", "{desk} is closed. Open the desk before calling a visitor."
            ).format(desk=desk.name)
        )


# -- changing states ---------------------------------------------------------------------------
class DeskStateService:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def set_state(
        self,
        actor: Actor,
        desk_id: int,
        state: DeskStateKind | str,
        *,
        reason: str = "",
        expected_back: dt.datetime | None = None,
    ) -> DeskStatus:
        """Open the desk, put it on a break (``reason`` and ``expected_back`` required: after
        now, within ``MAX_BREAK``), or close it; logged with its time, heard by every station.

        The officer at the desk sets it (and is then the one attending it); a supervisor or
        admin any desk.  Refused: another officer's window attends the desk; a break or a close
        while a ticket is called or served at the desk."""
        require(actor, Action.SERVE)
        if state not in K._value2member_map_:
            raise ValidationError(
                {
                    "state": QCoreApplication.translate(
                        "DeskState", "Choose open, on a break or closed."
                    )
                }
            )
        kind = K(state)
        reason = clean_text(reason) if kind is K.BREAK else ""
        with write_transaction():
            desk = self._desk(actor, desk_id)
            row = self._row(desk.id, lock=True)
            now = self.clock.now()  # after the row lock
            errors: dict[str, str] = {}
            if kind is K.BREAK:
                if not reason:
                    errors["reason"] = QCoreApplication.translate(
                        "DeskState", "Say why the desk is on a break."
                    )
                elif len(reason) > REASON_MAX:
                    errors["reason"] = QCoreApplication.translate(
                        "DeskState", "The reason is too long (at most {limit} characters)."
                    ).format(limit=REASON_MAX)
                if expected_back is None or expected_back.tzinfo is None:
                    errors["expected_back"] = QCoreApplication.translate(
                        "DeskState", "Say when the desk is expected back."
                    )
                elif expected_back <= now:
                    errors["expected_back"] = QCoreApplication.translate(
                        "DeskState", "The expected return must be later than now."
                    )
                elif expected_back - now > MAX_BREAK:
                    errors["expected_back"] = QCoreApplication.translate(
                        "DeskState", "A break lasts at most 4 hours; close the desk instead."
                    )
            if not desk.active and kind is not K.CLOSED:
                errors["state"] = QCoreApplication.translate(
                    "DeskState", "{desk} is not in use; the admin can turn it on again."
                ).format(desk=desk.name)
            if errors:
                raise ValidationError(errors)
            back = expected_back if kind is K.BREAK else None
            overseer = actor.role in _OVERSEERS
            if (
                not overseer
                and row is not None
                and row.seen_by_id not in (None, actor.user_id)
                and row.seen_at is not None
                and now - row.seen_at <= UNATTENDED_AFTER
                and row.state != K.CLOSED.value
            ):
                name = UserAccount.get_by_id(row.seen_by_id).full_name
                raise PermissionDenied(
                    QCoreApplication.translate(
                        "DeskState",
                        "{officer} is at {desk}; only they or a supervisor may change its state.",
                    ).format(officer=name, desk=desk.name)
                )
            if kind is not K.OPEN:
                self._refuse_held(desk)
            current = (row.state, row.reason, row.expected_back) if row is not None else None
            if current == (kind.value, reason, back):
                if not overseer:
                    self._seen(desk.id, actor, now)
                return self._status(actor.office_id, desk.id, now)
            values = {
                "state": kind.value,
                "reason": reason,
                "expected_back": back,
                "since": now if row is None else max(now, row.since),
                "set_by": actor.user_id,
            }
            if not overseer:  # the officer at the desk: their window attends it
                values.update(seen_at=now, seen_by=actor.user_id)
            if row is None:
                made = list(
                    DeskState.insert(desk=desk.id, office=actor.office_id, **values)
                    .on_conflict_ignore()
                    .returning(DeskState.id)
                    .execute()
                )
                if not made:  # another PC gave the desk its first state this very moment
                    raise Conflict(
                        QCoreApplication.translate(
                            "DeskState", "{desk} was changed on another PC just now; look again."
                        ).format(desk=desk.name)
                    )
            else:
                DeskState.update(**values).where(DeskState.id == row.id).execute()
            self._log(actor.office_id, desk.id, kind, reason, back, values["since"], actor.user_id)
        log.info("desk %s %s by user %s", desk.id, kind.value, actor.user_id)
        return self._status(actor.office_id, desk.id, now)

    def keep_alive(self, actor: Actor, desk_id: int) -> bool:
        """The officer's window at ``desk_id`` is alive (its periodic refresh calls this): the
        desk counts as attended.  Writes only when the last sign is older than
        ``HEARTBEAT_EVERY`` or was another officer's; gives a desk without a state row its row
        (open).  Returns whether it wrote."""
        require(actor, Action.SERVE)
        if actor.user_id is None:
            return False
        now = self.clock.now()
        row = self._row(desk_id)
        if (
            row is not None
            and row.seen_by_id == actor.user_id
            and row.seen_at is not None
            and now - row.seen_at < HEARTBEAT_EVERY
        ):
            return False  # fresh enough: no write, no change for the other stations to read
        with write_transaction():
            desk = self._desk(actor, desk_id)
            now = self.clock.now()
            if self._row(desk.id) is not None:
                self._seen(desk.id, actor, now)
                return True
            inserted = list(
                DeskState.insert(
                    desk=desk.id,
                    office=actor.office_id,
                    state=K.OPEN.value,
                    since=now,
                    set_by=actor.user_id,
                    seen_at=now,
                    seen_by=actor.user_id,
                )
                .on_conflict_ignore()
                .returning(DeskState.id)
                .execute()
            )
            if inserted:  # this PC gave the desk its row: the log starts here
                self._log(actor.office_id, desk.id, K.OPEN, "", None, now, actor.user_id)
            else:  # another PC did at the same moment
                self._seen(desk.id, actor, now)
        return True

    def close_unattended(self, office_id: int) -> list[int]:
        """Close the office's desks left open (or on a break past the expected return) with no
        sign of life for ``UNATTENDED_AFTER``; returns their ids.  Any station's periodic jobs
        call it: each close is a guarded update, so two PCs at once close a desk once."""
        now = self.clock.now()
        stale = now - UNATTENDED_AFTER
        last_sign = (DeskState.seen_at < stale) | (
            DeskState.seen_at.is_null() & (DeskState.since < stale)
        )
        candidates = (
            (DeskState.office == office_id)
            & last_sign
            & (
                (DeskState.state == K.OPEN.value)
                | ((DeskState.state == K.BREAK.value) & (DeskState.expected_back < stale))
            )
        )
        if not DeskState.select(DeskState.id).where(candidates).exists():
            return []  # one read on most rounds: no write, no change for the others to read
        closed: list[int] = []
        with write_transaction():
            now = self.clock.now()
            for row in list(DeskState.select().where(candidates)):
                attended = max(t for t in (row.since, row.seen_at, row.expected_back) if t)
                at = min(now, max(row.since, attended + UNATTENDED_AFTER))
                changed = (
                    DeskState.update(
                        state=K.CLOSED.value,
                        reason="",
                        expected_back=None,
                        since=at,
                        set_by=None,
                    )
                    .where(
                        (DeskState.id == row.id)
                        & (DeskState.state == row.state)
                        & (DeskState.since == row.since)
                    )
                    .execute()
                )
                if changed:
                    self._log(office_id, row.desk_id, K.CLOSED, "", None, at, None, True)
                    closed.append(row.desk_id)
            if closed:
                log.info(
                    "office %s: desks %s closed by themselves (nobody at them)", office_id, closed
                )
        return closed

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _desk(actor: Actor, desk_id: int) -> Desk:
        desk = Desk.get_or_none((Desk.id == desk_id) & (Desk.office == actor.office_id))
        if desk is None:
            raise NotFound(QCoreApplication.translate("DeskState", "No such desk."))
        return desk

    @staticmethod
    def _row(desk_id: int, lock: bool = False) -> DeskState | None:
        query = DeskState.select().where(DeskState.desk == desk_id)
        if lock and not is_sqlite():
            query = query.for_update()
        return query.first()

    @staticmethod
    def _seen(desk_id: int, actor: Actor, now: dt.datetime) -> None:
        DeskState.update(seen_at=now, seen_by=actor.user_id).where(
            (DeskState.desk == desk_id) & ((DeskState.seen_at < now) | DeskState.seen_at.is_null())
        ).execute()

    @staticmethod
    def _refuse_held(desk: Desk) -> None:
        held = (
            Visit.select(Visit.number, ServiceType.prefix)
            .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
            .where((Visit.desk == desk.id) & Visit.status.in_(HELD_STATUSES))
            .tuples()
            .first()
        )
        if held is not None:
            number, prefix = held
            code = f"{prefix}-{number:03d}" if number is not None else ""
            raise Conflict(
                QCoreApplication.translate(
                    "DeskState",
                    "Ticket {code} is still at {desk}; finish, skip or return it first.",
                ).format(code=code, desk=desk.name)
            )

    @staticmethod
    def _log(
        office_id: int,
        desk_id: int,
        state: DeskStateKind,
        reason: str,
        expected_back: dt.datetime | None,
        at: dt.datetime,
        by: int | None,
        automatic: bool = False,
    ) -> None:
        DeskStateChange.create(
            office=office_id,
            desk=desk_id,
            state=state.value,
            reason=reason,
            expected_back=expected_back,
            at=at,
            by=by,
            automatic=automatic,
        )
        publish(Event.DESK_CHANGED, office=office_id, desk=desk_id, state=state.value)

    @staticmethod
    def _status(office_id: int, desk_id: int, now: dt.datetime) -> DeskStatus:
        return desk_states(office_id, now, only=desk_id)[0]

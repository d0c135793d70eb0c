"""The visitor-facing rating screen's logic (SOP step 6), without any widget.

- ``rating_prompt``: which visit the rating screen of a desk should ask about now: the latest
  visit finished at that desk that still waits for its rating (within the SOP's 5 minutes) and
  has none.  Only the desk, the officer, the service and the consultation question: no
  visitor's name, phone or e-mail.
- ``RatingOutbox``: a rating that cannot be written (network or server down) is kept in a small
  JSON file in this PC's data folder and written when the database is back.  Writing is
  idempotent: a visit already rated (from here or anywhere) is dropped from the outbox.
- ``RatingKiosk``: the screen's course idle → asking → comment → thanks → idle.  A visit is
  asked about once, and only its first tap counts.
- ``unlock``: leaving the kiosk needs the office's kiosk PIN (the admin sets it; a supervisor
  types it).  No staff account is read: the kiosk's database role sees only staff names
  (``user_account.id``, ``full_name``), never a password hash.
  After ``UNLOCK_MAX_FAILURES`` wrong PINs in a row the screen refuses for ``UNLOCK_COOLDOWN``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path

import peewee as pw
from PySide6.QtCore import QCoreApplication

from models.database import write_transaction
from models.entities import (
    Consultation,
    Desk,
    Rating,
    ServiceType,
    UserAccount,
    Visit,
    VisitStatus,
)
from pst_desktop.admin.administration import kiosk_pin_set, verify_kiosk_pin
from pst_desktop.core.clock import Clock, FixedClock
from pst_desktop.core.errors import (
    AuthenticationFailed,
    Conflict,
    DatabaseTrouble,
    NotFound,
    ValidationError,
)
from pst_desktop.core.text import clean_text
from pst_desktop.db.reconnect import reset as reset_connection
from pst_desktop.visitor.ratings import COMMENT_MAX, DEFAULT_SCALE, RatingService
from pst_desktop.visits.queue import RATING_WINDOW, ticket_code

OUTBOX_FILE = "rating-outbox.json"


def default_outbox_path() -> Path:
    from platformdirs import user_data_dir

    folder = Path(os.environ.get("PST_DATA_DIR") or user_data_dir("PST Desktop", "BPS"))
    return folder / OUTBOX_FILE


# -- which visit to ask about -----------------------------------------------------------------
@dataclass(frozen=True)
class RatingPrompt:
    visit_id: int
    code: str  # the ticket number, e.g. "K-007"
    desk_name: str
    officer_name: str
    service_name: str
    question: str  # the consultation question the officer recorded ("" when none)
    finished_at: dt.datetime


def rating_prompt(
    office_id: int, desk_id: int, now: dt.datetime, exclude: set[int] | frozenset[int] = frozenset()
) -> RatingPrompt | None:
    """The visit the rating screen of ``desk_id`` should ask about at ``now``, if any."""
    query = (
        Visit.select(
            Visit.id,
            Visit.number,
            Visit.finished_at,
            ServiceType.prefix,
            ServiceType.name.alias("service_name"),
            Desk.name.alias("desk_name"),
            UserAccount.full_name.alias("officer_name"),
            Consultation.question,
        )
        .join(ServiceType, on=(Visit.ticket_service == ServiceType.id))
        .switch(Visit)
        .join(Desk, on=(Visit.desk == Desk.id))
        .switch(Visit)
        .join(UserAccount, pw.JOIN.LEFT_OUTER, on=(Visit.officer == UserAccount.id))
        .switch(Visit)
        .join(Consultation, pw.JOIN.LEFT_OUTER, on=(Consultation.visit == Visit.id))
        .switch(Visit)
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(
            (Visit.office == office_id)
            & (Visit.desk == desk_id)
            & (Visit.status == VisitStatus.AWAITING_RATING.value)
            & (Visit.finished_at >= now - RATING_WINDOW)
            & Rating.id.is_null()
        )
        .order_by(Visit.finished_at.desc(), Visit.id.desc())
        .objects()
    )
    if exclude:
        query = query.where(Visit.id.not_in(sorted(exclude)))
    visit = query.first()
    if visit is None:
        return None
    return RatingPrompt(
        visit_id=visit.id,
        code=ticket_code(visit.prefix, visit.number),
        desk_name=visit.desk_name,
        officer_name=visit.officer_name or "",
        service_name=visit.service_name,
        question=" ".join((visit.question or "").split()),
        finished_at=visit.finished_at,
    )


def still_waiting(visit_id: int) -> bool:
    """Whether ``visit_id`` still waits for its rating (nobody rated it, it did not expire)."""
    return (
        Visit.select()
        .join(Rating, pw.JOIN.LEFT_OUTER, on=(Rating.visit == Visit.id))
        .where(
            (Visit.id == visit_id)
            & (Visit.status == VisitStatus.AWAITING_RATING.value)
            & Rating.id.is_null()
        )
        .exists()
    )


# -- the outbox -------------------------------------------------------------------------------
class Delivery(StrEnum):
    WRITTEN = "written"  # in the database now
    KEPT = "kept"  # the database is unreachable: kept in the outbox, written later
    ALREADY = "already"  # the visit had its rating already (or cannot take one): nothing to do


@dataclass
class PendingRating:
    visit: int
    score: int
    scale_max: int
    comment: str
    tapped_at: str  # ISO 8601, the moment the visitor tapped


class RatingOutbox:
    """Ratings on their way to the database, kept on disk until written."""

    def __init__(self, path: Path | str, clock: Clock) -> None:
        self.path = Path(path)
        self.clock = clock

    # the file: a JSON list, replaced atomically
    def pending(self) -> list[PendingRating]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            # unreadable: keep it aside for a human, start a fresh one
            with contextlib.suppress(OSError):
                self.path.replace(self.path.with_suffix(".broken.json"))
            return []
        return [PendingRating(**item) for item in raw if isinstance(item, dict)]

    def _save(self, items: list[PendingRating]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".outbox-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([asdict(i) for i in items], handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    def pending_visits(self) -> set[int]:
        return {item.visit for item in self.pending()}

    # submitting
    def submit(
        self, visit_id: int, score: int, scale_max: int = DEFAULT_SCALE, comment: str = ""
    ) -> Delivery:
        """Write the rating now, or keep it when the database cannot be reached.

        ``ValidationError`` (a bad score) propagates: that is a bug, not an outage.
        """
        item = PendingRating(
            visit_id, score, scale_max, clean_text(comment, multiline=True)[:COMMENT_MAX],
            self.clock.now().isoformat(),
        )  # fmt: skip
        try:
            return self._write(item)
        except DatabaseTrouble:  # lost or busy: kept here, sent later
            self._keep(item)
            return Delivery.KEPT

    def add_comment(self, visit_id: int, comment: str) -> Delivery:
        """The visitor's optional comment, after the tap."""
        comment = clean_text(comment, multiline=True)[:COMMENT_MAX]
        if not comment:
            return Delivery.ALREADY
        items = self.pending()
        for item in items:
            if item.visit == visit_id:  # the rating itself still waits: ride along
                item.comment = comment
                self._save(items)
                return Delivery.KEPT
        try:
            return Delivery.WRITTEN if _set_comment(visit_id, comment) else Delivery.ALREADY
        except DatabaseTrouble:  # lost or busy: kept here, sent later
            reset_connection_quietly()
            # the rating is in the database without its comment: keep the comment for later
            self._keep(PendingRating(visit_id, 0, 0, comment, self.clock.now().isoformat()))
            return Delivery.KEPT

    def flush(self) -> int:
        """Write what waits, oldest first; returns how many left the outbox.

        Stops at the first connection error (the rest stays for the next try).
        """
        items = self.pending()
        if not items:
            return 0
        done = 0
        remaining = list(items)
        try:
            for item in items:
                self._write(item)
                remaining.remove(item)
                done += 1
        except DatabaseTrouble:  # lost or busy: kept here, sent later
            reset_connection_quietly()
        if done:
            self._save(remaining)
        return done

    def _keep(self, item: PendingRating) -> None:
        reset_connection_quietly()
        items = [i for i in self.pending() if i.visit != item.visit]
        items.append(item)
        self._save(items)

    @staticmethod
    def _write(item: PendingRating) -> Delivery:
        if item.score == 0:  # a comment alone (its rating is in the database already)
            return Delivery.WRITTEN if _set_comment(item.visit, item.comment) else Delivery.ALREADY
        tapped = dt.datetime.fromisoformat(item.tapped_at)
        try:
            RatingService(FixedClock(tapped)).record(
                item.visit, item.score, item.comment, item.scale_max
            )
        except Conflict:
            # rated already (the outbox's earlier try did reach the server, or another
            # screen): at most add the comment it lacks
            if item.comment:
                _set_comment(item.visit, item.comment)
            return Delivery.ALREADY
        except (NotFound, ValidationError):
            return Delivery.ALREADY  # nothing sensible to write; dropping beats retrying forever
        return Delivery.WRITTEN


def _set_comment(visit_id: int, comment: str) -> bool:
    comment = clean_text(comment, multiline=True)  # also a comment kept by an older version
    with write_transaction():
        return bool(
            Rating.update(comment=comment)
            .where((Rating.visit == visit_id) & (Rating.comment == ""))
            .execute()
        )


def reset_connection_quietly() -> None:
    from models.database import database_proxy

    if database_proxy.obj is not None:
        reset_connection(database_proxy.obj)


# -- the screen's course ----------------------------------------------------------------------
class Stage(StrEnum):
    IDLE = "idle"
    ASKING = "asking"
    COMMENT = "comment"
    THANKS = "thanks"


class RatingKiosk:
    """The rating screen of one desk, as a small state machine the widget follows."""

    def __init__(
        self,
        office_id: int,
        desk_id: int,
        clock: Clock,
        outbox: RatingOutbox,
        scale_max: int = DEFAULT_SCALE,
    ) -> None:
        self.office_id = office_id
        self.desk_id = desk_id
        self.clock = clock
        self.outbox = outbox
        self.scale_max = scale_max
        self.stage = Stage.IDLE
        self.prompt: RatingPrompt | None = None
        self.last_delivery: Delivery | None = None
        self._asked: set[int] = set()  # visits this screen asked about already

    def check(self) -> bool:
        """Look at the database: start asking, or stop asking about a visit rated or expired
        elsewhere.  Returns whether the stage changed.  Raises ``ConnectionLost`` (or
        ``DatabaseBusy``) when the database cannot be read (the screen then stays as it is)."""
        if self.stage is Stage.IDLE:
            prompt = rating_prompt(
                self.office_id,
                self.desk_id,
                self.clock.now(),
                exclude=self._asked | self.outbox.pending_visits(),
            )
            if prompt is None:
                return False
            self.prompt = prompt
            self._asked.add(prompt.visit_id)
            self.stage = Stage.ASKING
            return True
        asking = self.stage is Stage.ASKING and self.prompt is not None
        if asking and not still_waiting(self.prompt.visit_id):
            self.idle()
            return True
        return False

    def tap(self, score: int) -> Delivery | None:
        """The visitor's one tap: records the rating (or keeps it for later).  Any further tap
        on the same question is ignored (None)."""
        if self.stage is not Stage.ASKING or self.prompt is None:
            return None
        if not 1 <= score <= self.scale_max:
            return None
        self.stage = Stage.COMMENT  # before writing: a second tap can never write twice
        self.last_delivery = self.outbox.submit(self.prompt.visit_id, score, self.scale_max)
        return self.last_delivery

    def comment(self, text: str) -> Delivery | None:
        if self.stage is not Stage.COMMENT or self.prompt is None:
            return None
        self.stage = Stage.THANKS
        return self.outbox.add_comment(self.prompt.visit_id, text)

    def skip_comment(self) -> None:
        if self.stage is Stage.COMMENT:
            self.stage = Stage.THANKS

    def idle(self) -> None:
        self.stage = Stage.IDLE
        self.prompt = None


# -- leaving the kiosk ------------------------------------------------------------------------
UNLOCK_MAX_FAILURES = 5
UNLOCK_COOLDOWN = 60.0  # seconds


class UnlockGuard:
    """Wrong PINs in a row on this screen (in memory, for this process): after
    ``UNLOCK_MAX_FAILURES`` of them no PIN is checked for ``UNLOCK_COOLDOWN`` seconds."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        self.failures = 0
        self.blocked_until = 0.0

    def wait_left(self) -> int:
        """Whole seconds still to wait before a PIN is checked again (0: none)."""
        left = self.blocked_until - self.monotonic()
        return max(0, int(left + 0.999)) if left > 0 else 0

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= UNLOCK_MAX_FAILURES:
            self.failures = 0
            self.blocked_until = self.monotonic() + UNLOCK_COOLDOWN

    def succeeded(self) -> None:
        self.failures = 0
        self.blocked_until = 0.0


def unlock(office_id: int, pin: str, guard: UnlockGuard | None = None) -> None:
    """Returns when ``pin`` is the office's kiosk PIN; ``AuthenticationFailed`` otherwise (no
    PIN set, a wrong PIN, or too many wrong PINs just now).  Raises ``ConnectionLost`` when
    the database cannot be read."""
    if guard is not None and (left := guard.wait_left()):
        raise AuthenticationFailed(
            QCoreApplication.translate(
                "RatingDesk", "Too many wrong PINs. Try again in {seconds} seconds."
            ).format(seconds=left)
        )
    if not kiosk_pin_set(office_id):
        raise AuthenticationFailed(
            QCoreApplication.translate(
                "RatingDesk",
                "No kiosk PIN is set. Ask the administrator to set one "
                "(Administration, Rating & board).",
            )
        )
    if not verify_kiosk_pin(office_id, pin):
        if guard is not None:
            guard.failed()
        raise AuthenticationFailed(
            QCoreApplication.translate("RatingDesk", "Wrong PIN. Try again.")
        )
    if guard is not None:
        guard.succeeded()

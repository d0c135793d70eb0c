"""Survey answers and rating reasons on their way to the database, kept on this PC while it
cannot be reached, and sent later exactly once: the rating outbox's mechanism
(``pst_desktop.visitor.rating_screen.RatingOutbox``) for surveys.

- A small JSON file beside the rating outbox (``survey-outbox.json``), replaced atomically.
- ``submit`` writes at once, or keeps the entry when the database is lost or busy (answers of
  the same response kept earlier are joined into one entry).
- ``flush`` sends what waits, oldest first, and stops at the first outage.
- Exactly once: an entry carries its response's key, and ``SurveyService.record`` writes an
  answer the response holds already no second time; a refusal (the visit got its response
  from elsewhere, an attribute retired meanwhile) drops the entry rather than retrying forever.
  Reasons wait while their visit's rating still waits in the rating outbox (``hold``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pst_desktop.core.clock import Clock, FixedClock
from pst_desktop.core.errors import Conflict, DatabaseTrouble, NotFound, ValidationError
from pst_desktop.visitor.rating_screen import Delivery, reset_connection_quietly
from pst_desktop.visitor.surveys import Answer, SurveyEntry, SurveyService

OUTBOX_FILE = "survey-outbox.json"


def default_survey_outbox_path() -> Path:
    from pst_desktop.visitor.rating_screen import default_outbox_path

    return default_outbox_path().with_name(OUTBOX_FILE)


@dataclass
class PendingSurvey:
    kind: str  # "answers" or "reasons"
    visit: int
    at: str  # ISO 8601: when the visitor answered (the first of the entry's answers)
    instrument: str = ""
    key: str = ""
    answers: list[list] = field(default_factory=list)  # [item, aspect, value]
    elements: list[str] = field(default_factory=list)


class _Keep(Exception):
    """Not sendable yet (a reason whose rating still waits): keep it, go on with the rest."""


class SurveyOutbox:
    def __init__(self, path: Path | str, clock: Clock) -> None:
        self.path = Path(path)
        self.clock = clock

    # the file ----------------------------------------------------------------------------------
    def pending(self) -> list[PendingSurvey]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            with contextlib.suppress(OSError):  # unreadable: aside for a human, start afresh
                self.path.replace(self.path.with_suffix(".broken.json"))
            return []
        names = set(PendingSurvey.__dataclass_fields__)
        return [
            PendingSurvey(**{k: v for k, v in item.items() if k in names})
            for item in raw
            if isinstance(item, dict) and {"kind", "visit", "at"} <= set(item)
        ]

    def _save(self, items: list[PendingSurvey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".survey-outbox-", dir=self.path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([asdict(i) for i in items], handle, ensure_ascii=False, indent=1)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)

    # sending ------------------------------------------------------------------------------------
    def submit(self, entry: SurveyEntry) -> Delivery:
        """Send answers (``SurveyRun``'s ``send``).  ``ValidationError`` propagates: that is a
        bug of the screen, not an outage."""
        instrument = getattr(entry.instrument, "value", entry.instrument)
        item = PendingSurvey(
            "answers",
            int(entry.visit_id or 0),
            self.clock.now().isoformat(),
            instrument=str(instrument),
            key=entry.key,
            answers=[[a.item, a.aspect, a.value] for a in entry.answers],
        )
        if any(p.kind == "answers" and p.key == entry.key for p in self.pending()):
            self._keep(item)  # earlier answers of this response wait: keep the order
            return Delivery.KEPT
        return self._send(item)

    def submit_reasons(
        self, visit_id: int, elements: Iterable[str], hold: Iterable[int] = ()
    ) -> Delivery:
        """The IKM elements tapped after a low rating; ``hold``: the visits whose rating waits
        in the rating outbox (``RatingOutbox.pending_visits``): their reasons wait with it."""
        item = PendingSurvey(
            "reasons", visit_id, self.clock.now().isoformat(), elements=list(elements)
        )
        return self._send(item, frozenset(hold))

    def _send(self, item: PendingSurvey, hold: frozenset[int] = frozenset()) -> Delivery:
        try:
            return self._write(item, hold)
        except DatabaseTrouble:  # lost or busy: kept here, sent later
            self._keep(item)
            return Delivery.KEPT
        except _Keep:
            self._keep(item)
            return Delivery.KEPT

    def flush(self, hold: Iterable[int] = ()) -> int:
        """Send what waits, oldest first; returns how many entries left the outbox.  ``hold``:
        visits whose rating still waits in the rating outbox (their reasons wait too)."""
        items = self.pending()
        if not items:
            return 0
        held = frozenset(hold)
        remaining = list(items)
        done = 0
        try:
            for item in items:
                try:
                    self._write(item, held)
                except _Keep:
                    continue
                remaining.remove(item)
                done += 1
        except DatabaseTrouble:
            reset_connection_quietly()
        if done:
            self._save(remaining)
        return done

    def _keep(self, item: PendingSurvey) -> None:
        reset_connection_quietly()
        items = self.pending()
        for kept in items:
            if item.kind == "answers" and kept.kind == "answers" and kept.key == item.key:
                kept.answers += [a for a in item.answers if a not in kept.answers]
                break
            if item.kind == "reasons" and kept.kind == "reasons" and kept.visit == item.visit:
                kept.elements += [e for e in item.elements if e not in kept.elements]
                break
        else:
            items.append(item)
        self._save(items)

    @staticmethod
    def _write(item: PendingSurvey, hold: frozenset[int]) -> Delivery:
        at = dt.datetime.fromisoformat(item.at)
        service = SurveyService(FixedClock(at))
        try:
            if item.kind == "reasons":
                if item.visit in hold:
                    raise _Keep
                service.record_reasons(item.visit, item.elements)
            else:
                service.record(
                    SurveyEntry(
                        item.instrument,
                        tuple(Answer(str(i), str(a), v) for i, a, v in item.answers),
                        visit_id=item.visit,
                        key=item.key,
                        answered_at=at,
                    )
                )
        except (Conflict, NotFound, ValidationError):
            return Delivery.ALREADY  # nothing sensible to write; dropping beats retrying forever
        return Delivery.WRITTEN

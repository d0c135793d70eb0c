"""The live queue as the shared table model (``ui.tables.RowsModel``) over
``frontdesk.reception.QueueRow`` (plain data, no queries): its columns, the row colours of a long
wait (``reception.wait_level``) and of each stage, and by default only the tickets still in the
queue (waiting, called, serving)."""

from __future__ import annotations

import datetime as dt

from pst_desktop.frontdesk.reception import (
    WAIT_ALERT,
    WAIT_WARNING,
    QueueRow,
    Stage,
    WaitLevel,
    minutes_text,
)
from ui import style
from ui.tables import Column, RowsModel

COL_NUMBER = 0
COL_SERVICE = 1
COL_VISITOR = 2
COL_ISSUED = 3
COL_WAITED = 4
COL_STATUS = 5
COL_DESK = 6
COLUMN_COUNT = 7

#: the row's background when its wait passes a threshold (the rule is ``front_desk.wait_level``)
LEVEL_BACKGROUND = {
    WaitLevel.WARNING: style.WARNING_BACKGROUND,
    WaitLevel.ALERT: style.ALERT_BACKGROUND,
}
STAGE_COLOUR = {
    Stage.WAITING: style.WAITING,
    Stage.CALLED: style.CALLED,
    Stage.SERVING: style.SERVING,
    Stage.DONE: style.DONE,
    Stage.CLOSED: style.CLOSED,
}
IN_QUEUE = (Stage.WAITING, Stage.CALLED, Stage.SERVING)


def _number_text(row: QueueRow) -> str:
    return f"{row.code} ★" if row.priority else row.code


def _in_queue(row: QueueRow) -> bool:
    return row.stage in IN_QUEUE


class QueueTableModel(RowsModel[QueueRow]):
    """Today's tickets; by default only those still in the queue (waiting, called, serving)."""

    def __init__(self, time_zone, purposes: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(
            [],
            background=lambda r: LEVEL_BACKGROUND.get(r.level(self._at(r))),
            foreground=lambda r: STAGE_COLOUR[r.stage],
            tooltip=self._tip,
            key=lambda r: r.visit_id,
            shown=_in_queue,
            parent=parent,
        )
        self._zone = time_zone
        self._now: dt.datetime | None = None
        self._show_closed = False
        self._purposes = dict(purposes or {})
        self.columns = [
            # a priority ticket carries a mark, never its reason
            Column(self.tr("Number"), _number_text, bold=True, point_size=13),
            Column(self.tr("Service"), lambda r: r.service_name),
            Column(self.tr("Visitor"), lambda r: r.visitor_name),
            Column(self.tr("Issued"), self._issued_text, centre=True),
            Column(self.tr("Waited"), self._waited_text, centre=True),
            Column(self.tr("Status"), self.status_text, bold=True),
            Column(self.tr("Desk"), lambda r: r.desk_name),
        ]

    # -- feeding ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[QueueRow], now: dt.datetime | None = None) -> None:
        if now is not None:
            self._now = now
        super().set_rows(rows)

    def set_now(self, now: dt.datetime) -> None:
        """Move the waiting times on (a timer calls this; no database)."""
        self._now = now
        self.refresh_all()

    def set_show_closed(self, show: bool) -> None:
        if show != self._show_closed:
            self._show_closed = show
            self.set_shown(None if show else _in_queue)

    # -- reading ---------------------------------------------------------------------------------
    def row_of_visit(self, visit_id: int) -> int:
        return self.row_of(visit_id)

    def codes(self) -> list[str]:
        return [r.code for r in self.rows]

    def _at(self, row: QueueRow) -> dt.datetime:
        return self._now or row.issued_at

    def _issued_text(self, row: QueueRow) -> str:
        return row.issued_at.astimezone(self._zone).strftime("%H:%M")

    def _waited_text(self, row: QueueRow) -> str:
        return minutes_text(row.waited(self._at(row)))

    def status_text(self, row: QueueRow) -> str:
        if row.left:
            return self.tr("Left")
        texts = {
            "waiting": self.tr("Waiting"),
            "called": self.tr("Called"),
            "serving": self.tr("In service"),
            "awaiting_rating": self.tr("Done (rating)"),
            "done": self.tr("Done"),
            "skipped": self.tr("No-show"),
            "cancelled": self.tr("Cancelled"),
        }
        text = texts.get(row.status, row.status)
        if row.from_appointment and row.stage is Stage.WAITING:
            text = self.tr("{status} · appointment").format(status=text)
        return text

    def _tip(self, row: QueueRow) -> str | None:
        tips = []
        if row.purpose:
            tips.append(
                self.tr("Purpose: {purpose}").format(
                    purpose=self._purposes.get(row.purpose, row.purpose)
                )
            )
        level = row.level(self._at(row))
        if level is WaitLevel.WARNING:
            tips.append(
                self.tr("Waiting longer than {minutes} minutes").format(
                    minutes=int(WAIT_WARNING.total_seconds() // 60)
                )
            )
        elif level is WaitLevel.ALERT:
            tips.append(
                self.tr("Waiting longer than {minutes} minutes").format(
                    minutes=int(WAIT_ALERT.total_seconds() // 60)
                )
            )
        if row.cancel_reason and not row.left:
            tips.append(self.tr("Reason: {reason}").format(reason=row.cancel_reason))
        return "\n".join(tips) or None

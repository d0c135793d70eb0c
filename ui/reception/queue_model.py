"""The live queue as one table model over ``front_desk.QueueRow`` (plain data, no queries)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from pst_desktop.frontdesk.reception import (
    WAIT_ALERT,
    WAIT_WARNING,
    QueueRow,
    Stage,
    WaitLevel,
    minutes_text,
)

COL_NUMBER = 0
COL_SERVICE = 1
COL_VISITOR = 2
COL_ISSUED = 3
COL_WAITED = 4
COL_STATUS = 5
COL_DESK = 6
COLUMN_COUNT = 7

#: the row's background when its wait passes a threshold (the rule is ``front_desk.wait_level``)
LEVEL_BACKGROUND = {WaitLevel.WARNING: "#ffe8b3", WaitLevel.ALERT: "#f9c7c3"}
STAGE_COLOUR = {
    Stage.WAITING: "#0b4a8b",
    Stage.CALLED: "#b45309",
    Stage.SERVING: "#15803d",
    Stage.DONE: "#5b6773",
    Stage.CLOSED: "#8a9099",
}

Index = QModelIndex | QPersistentModelIndex


class QueueTableModel(QAbstractTableModel):
    """Today's tickets; by default only those still in the queue (waiting, called, serving)."""

    def __init__(self, time_zone, purposes: dict[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._zone = time_zone
        self._all: list[QueueRow] = []
        self._rows: list[QueueRow] = []
        self._now: dt.datetime | None = None
        self._show_closed = False
        self._purposes = dict(purposes or {})
        self._headers = [
            self.tr("Number"),
            self.tr("Service"),
            self.tr("Visitor"),
            self.tr("Issued"),
            self.tr("Waited"),
            self.tr("Status"),
            self.tr("Desk"),
        ]

    # -- feeding ---------------------------------------------------------------------------------
    def set_rows(self, rows: list[QueueRow], now: dt.datetime) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._now = now
        self._rows = self._visible()
        self.endResetModel()

    def set_now(self, now: dt.datetime) -> None:
        """Move the waiting times on (a timer calls this; no database)."""
        self._now = now
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, COLUMN_COUNT - 1)
            )

    def set_show_closed(self, show: bool) -> None:
        if show != self._show_closed:
            self.beginResetModel()
            self._show_closed = show
            self._rows = self._visible()
            self.endResetModel()

    def _visible(self) -> list[QueueRow]:
        if self._show_closed:
            return list(self._all)
        return [r for r in self._all if r.stage in (Stage.WAITING, Stage.CALLED, Stage.SERVING)]

    # -- reading ---------------------------------------------------------------------------------
    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_visit(self, visit_id: int) -> int:
        for i, r in enumerate(self._rows):
            if r.visit_id == visit_id:
                return i
        return -1

    def codes(self) -> list[str]:
        return [r.code for r in self._rows]

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

    # -- Qt --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        now = self._now or row.issued_at
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NUMBER:  # a priority ticket's mark, never its reason (issue 15)
                return f"{row.code} ★" if row.priority else row.code
            if column == COL_SERVICE:
                return row.service_name
            if column == COL_VISITOR:
                return row.visitor_name
            if column == COL_ISSUED:
                return row.issued_at.astimezone(self._zone).strftime("%H:%M")
            if column == COL_WAITED:
                return minutes_text(row.waited(now))
            if column == COL_STATUS:
                return self.status_text(row)
            if column == COL_DESK:
                return row.desk_name
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = LEVEL_BACKGROUND.get(row.level(now))
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_STATUS, COL_NUMBER):
            return QBrush(QColor(STAGE_COLOUR[row.stage]))
        if role == Qt.ItemDataRole.FontRole and column in (COL_NUMBER, COL_STATUS):
            font = QFont()
            font.setBold(True)
            if column == COL_NUMBER:
                font.setPointSizeF(13)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_ISSUED, COL_WAITED):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if row.purpose:
                tips.append(
                    self.tr("Purpose: {purpose}").format(
                        purpose=self._purposes.get(row.purpose, row.purpose)
                    )
                )
            level = row.level(now)
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
        if role == Qt.ItemDataRole.UserRole:
            return row.visit_id
        return None

"""The one table model of the app: every list a window shows is rows of plain data (the
dataclasses the services answer with) and columns described once.

    model = RowsModel(
        [
            Column(self.tr("Number"), lambda r: r.code, 74, bold=True),
            Column(self.tr("Waited"), waited_text, 84, centre=True),
        ],
        background=lambda r: style.WARNING_BACKGROUND if r.late else None,
        key=lambda r: r.visit_id,
    )
    model.set_rows(snapshot.queue)
    table = table_view(model, "officerQueue")

A column says its title, its text, its width (0: it stretches), whether it is bold (then the
row's ``foreground`` colours it, or the column's own ``foreground``), centred, or larger
(``point_size``). The model colours whole rows (``background``), gives each a tool tip and a
key (``UserRole``, ``row_of``), and may show only some rows (``shown``) without a new read.
Colours are names from ``ui.style``.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.widgets import fit_columns

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column[R]:
    """One column of a list: its title and how a row reads in it."""

    header: str
    text: Callable[[R], str]
    width: int = 0  # 0: stretch
    bold: bool = False
    centre: bool = False
    #: a larger (or smaller) text than the table's, in points (0: the table's)
    point_size: float = 0
    #: this column's text colour (default: the model's ``foreground`` for a bold column)
    foreground: Callable[[R], str | None] | None = None


class RowsModel[R](QAbstractTableModel):
    """``rows`` are any objects (the services' dataclasses); ``background``/``foreground``/
    ``tooltip`` colour and explain them, ``key`` names each (``UserRole``), ``shown`` keeps
    only some of the rows set (``set_shown`` changes it without a new read)."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        *,
        background: Callable[[R], str | None] | None = None,
        foreground: Callable[[R], str | None] | None = None,
        tooltip: Callable[[R], str | None] | None = None,
        key: Callable[[R], Hashable] | None = None,
        shown: Callable[[R], bool] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        #: the rows the list shows (``shown`` of those set)
        self.rows: list[R] = []
        self._all: list[R] = []
        self._background = background
        self._foreground = foreground
        self._tooltip = tooltip
        self._key = key
        self._shown = shown

    # -- feeding ---------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.rows = self._visible()
        self.endResetModel()

    def set_shown(self, shown: Callable[[R], bool] | None) -> None:
        """Show only the rows ``shown`` accepts (None: all) of those set last."""
        self.beginResetModel()
        self._shown = shown
        self.rows = self._visible()
        self.endResetModel()

    def refresh_all(self) -> None:
        """Every cell reads again (a clock moved on; no new rows)."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )

    def _visible(self) -> list[R]:
        return [r for r in self._all if self._shown(r)] if self._shown else list(self._all)

    # -- reading ---------------------------------------------------------------------------------
    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, key: Hashable) -> int:
        """The index of the row whose ``key`` is ``key``; -1 when the list does not show it."""
        if self._key is None:
            return -1
        return next((i for i, r in enumerate(self.rows) if self._key(r) == key), -1)

    # -- Qt --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and self._background:
            return _brush(self._background(row))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.foreground is not None:
                return _brush(column.foreground(row))
            if self._foreground and column.bold:
                return _brush(self._foreground(row))
            return None
        if role == Qt.ItemDataRole.FontRole and (column.bold or column.point_size):
            font = QFont()
            font.setBold(column.bold)
            if column.point_size:
                font.setPointSizeF(column.point_size)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centre:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip:
            return self._tooltip(row)
        if role == Qt.ItemDataRole.UserRole and self._key:
            return self._key(row)
        return None


def _brush(colour: str | None) -> QBrush | None:
    return QBrush(QColor(colour)) if colour else None


def table_view(model: RowsModel, name: str = "", *, row_height: int = 30) -> QTableView:
    """A list of whole rows for ``model``: one row selected at a time, nothing edited in
    place, each column as wide as its ``width`` (0: sharing what is left), titles whole in
    either language."""
    table = QTableView()
    if name:
        table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    table.setShowGrid(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for index, column in enumerate(model.columns):
        if column.width:
            table.setColumnWidth(index, column.width)
        else:
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.Stretch)
    fit_columns(table)  # titles whole in either language
    return table

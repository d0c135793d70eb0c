"""What the administrator's tabs share: the ``AdminTab`` base (a message line, its rows read on
a reader thread, where a change's outcome goes) and the layout helpers (a table, a card, a table
beside its card, two cards side by side).

Each tab asks ``pst_desktop.admin.administration`` / ``accounts`` and shows the answer.  Its rows
are read on the tab's ``reader`` (``ui.readers.BackgroundReader``): ``read()`` says what to read,
``show_read(answer)`` shows it.  A change goes through the window's ``calls``
(``ui.calls.ServiceCalls``, one write at a time off the GUI thread) with the tab's ``saved``,
``refused`` and ``lost`` as its outcomes: saved, its line in the message, the rows read again and
``changed``; a refusal, its clean words in the message line and nothing saved; a lost
connection, a clean line here and ``connection_trouble`` for the window's connection band."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.admin.administration import Administration
from pst_desktop.core.errors import ServiceError, ValidationError, first_line
from pst_desktop.db.connection import app_database
from pst_desktop.db.startup import connection_reason
from pst_desktop.sop.permissions import Actor
from ui.calls import ServiceCalls, refusal_text
from ui.readers import BackgroundReader
from ui.style import ADMIN_SHEET, font_scale, scale_sheet
from ui.tables import RowsModel
from ui.widgets import MessageBand, fit_columns

log = logging.getLogger(__name__)

STYLE = ADMIN_SHEET  # (ui.style)


def table_view(model: RowsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    for column, spec in enumerate(model.columns):
        if spec.width:
            table.setColumnWidth(column, spec.width)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    fit_columns(table)  # titles whole in either language
    return table


class AdminTab(QWidget):
    """A tab with a message line; ``changed`` after every saved change, ``connection_trouble``
    when the database did not answer."""

    changed = Signal()
    # the database did not answer (the exception): the window shows its connection band
    connection_trouble = Signal(object)

    def __init__(
        self,
        actor: Actor,
        admin: Administration,
        calls: ServiceCalls,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.actor, self.admin, self.calls = actor, admin, calls
        self.setStyleSheet(scale_sheet(STYLE, font_scale(), pixels=False))  # system text size
        self.message = MessageBand()  # keeps its place: a message never moves the fields
        self.message.setObjectName("tabMessage")
        self.message.hide()
        # the tab's rows: a burst of changes reads once, the newest answer is shown
        self.reader = BackgroundReader(app_database(), self, skip_superseded=True)
        self.reader.finished.connect(self.show_read)
        self.reader.failed.connect(self._read_failed)

    def show_message(self, text: str, kind: str = "ok") -> None:
        self.message.setToolTip("")
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- reading ----------------------------------------------------------------------------
    def reload(self, *_args) -> None:
        """Read the tab's rows again on the reader thread; ``show_read`` shows them."""
        self.reader.submit(self.read())

    def read(self) -> Callable[[], Any]:  # pragma: no cover - every tab has its own
        """What to read (called on the GUI thread: it takes what it needs from the widgets and
        returns the work for the reader thread, which must not touch them)."""
        raise NotImplementedError

    def show_read(self, answer: Any) -> None:  # pragma: no cover - every tab has its own
        raise NotImplementedError

    def _read_failed(self, exc: Exception) -> None:
        self.calls.read_failed(
            type(self).__name__, exc, on_refused=self.refused, on_lost=self._lost_reading
        )

    def _lost_reading(self, exc: Exception) -> None:
        self.database_trouble(
            exc,
            QCoreApplication.translate(
                "AdminTab",
                "The database did not answer ({reason}); the list is not up to date. It is "
                "read again after your next change.",
            ),
        )

    # -- a change's outcomes (``self.calls.submit(name, write, self.saved(...), ...)``) -------
    def saved(self, done: str, then: Callable[[Any], None] | None = None) -> Callable[[Any], None]:
        """The outcome of a saved change: ``done`` in the message line, ``then(value)``, the
        rows read again, ``changed``."""

        def saved(value: Any) -> None:
            log.info("%s: a change was saved", type(self).__name__)
            self.show_message(done)
            if then is not None:
                then(value)
            self.reload()
            self.changed.emit()

        return saved

    def refused(self, exc: ServiceError) -> None:
        """A refusal: the service's words in the message line (a form's: one line a field)."""
        if isinstance(exc, ValidationError):
            self.show_message("\n".join(exc.fields.values()), "error")
        else:
            self.show_message(refusal_text(exc), "error")

    def lost(self, exc: Exception) -> None:
        """A change found the database gone: nothing was saved, the typing stays."""
        self.database_trouble(
            exc,
            QCoreApplication.translate(
                "AdminTab",
                "The database did not answer ({reason}). Nothing was saved; try again when "
                "the connection is back.",
            ),
        )

    def database_trouble(self, exc: BaseException, text: str) -> None:
        """The database did not answer: ``text`` (with ``{reason}``) in the message line, the
        driver's own line in its tooltip for the office IT, then ``connection_trouble``."""
        self.show_message(text.format(reason=connection_reason(exc)), "error")
        self.message.setToolTip(first_line(exc))
        self.connection_trouble.emit(exc)

    @staticmethod
    def selected(table: QTableView, model: RowsModel):
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None


def two_cards(
    owner: QWidget, message: QLabel, left: QWidget, right: QWidget, stretch: tuple[int, int]
) -> None:
    """The tab's message line over two cards side by side."""
    row = QHBoxLayout()
    row.setSpacing(14)
    row.addWidget(left, stretch[0])
    row.addWidget(right, stretch[1])
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(10, 10, 10, 10)
    layout.addWidget(message)
    layout.addLayout(row, 1)


def table_and_card(table: QWidget, form: QWidget, message: QLabel, title: str) -> QVBoxLayout:
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    row = QHBoxLayout()
    row.setSpacing(14)
    row.addWidget(table, 3)
    row.addWidget(form, 2)
    layout = QVBoxLayout()
    layout.setContentsMargins(10, 10, 10, 10)
    layout.setSpacing(8)
    layout.addWidget(heading)
    layout.addWidget(message)
    layout.addLayout(row, 1)
    return layout


def form_card(grid: QGridLayout, buttons: list[QPushButton], title: str) -> QFrame:
    card = QFrame()
    card.setObjectName("card")
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    inner = QVBoxLayout(card)
    inner.setContentsMargins(16, 12, 16, 12)
    inner.setSpacing(10)
    inner.addWidget(heading)
    inner.addLayout(grid)
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    inner.addLayout(row)
    inner.addStretch(1)
    return card

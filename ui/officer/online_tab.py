"""The officer's Online consultations tab: the list with the SOP clock (portal, e-mail,
WhatsApp, phone, letter), a new consultation, and the answer to the one selected.

The list is read with the rest of the window's snapshot; the tab says what was asked
(``record_asked``, ``answer_asked``, ``wait_asked`` …) and the window runs the writes.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.entities import OnlineStatus
from pst_desktop.officer.online import ONLINE_CHANNELS, OnlineRow
from ui import style
from ui.tables import Column, RowsModel, table_view
from ui.widgets import ChoiceBox


class OnlineTab(QWidget):
    """``show_closed_toggled(on)`` when the officer wants the closed ones listed too (or not)."""

    record_asked = Signal()
    answer_asked = Signal()
    wait_asked = Signal()
    replied_asked = Signal()
    close_asked = Signal()
    show_closed_toggled = Signal(bool)

    def __init__(
        self, channel_labels: dict[str, str], zone: dt.tzinfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.channel_labels = channel_labels
        self.zone = zone
        #: the online consultation to select once the list holding it arrives
        self.select_after: int | None = None
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.model: RowsModel[OnlineRow] = RowsModel(
            [
                Column(self.tr("Channel"), lambda r: self.channel_labels.get(r.channel, ""), 110),
                Column(self.tr("Contact"), lambda r: r.contact, 140),
                Column(self.tr("Topic / question"), self._subject, 0),
                Column(self.tr("Status"), self.status_text, 178, bold=True),
                Column(self.tr("Opened"), lambda r: self._local(r.opened_at), 92, centre=True),
                Column(self.tr("Answer due"), self.due_text, 112, centre=True),
                Column(self.tr("Auto-close"), self._auto_close_text, 112, centre=True),
            ],
            background=self._background,
            foreground=lambda r: style.ALERT if r.overdue else style.TEXT,
            tooltip=self._tip,
            key=lambda r: r.visit_id,
            parent=self,
        )
        self.table = table_view(self.model, "onlineTable")
        self.show_closed = QCheckBox(self.tr("Show closed"))
        self.summary = QLabel()
        self.summary.setObjectName("cardHint")
        # a new online consultation
        new_title = QLabel(self.tr("New online consultation"))
        new_title.setObjectName("sectionTitle")
        # as wide as its longest channel: a chat app's name reads whole once picked
        self.channel = ChoiceBox()
        for channel in ONLINE_CHANNELS:
            self.channel.addItem(
                self.channel_labels.get(channel.value, channel.value), channel.value
            )
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(self.tr("E-mail, phone or WhatsApp number"))
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("Topic"))
        self.question = QPlainTextEdit()
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText(self.tr("The user's question"))
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.setObjectName("primaryButton")
        self.record_button.setToolTip(self.tr("Record the online consultation"))
        form = QGridLayout()
        form.addWidget(new_title, 0, 0, 1, 2)
        # (the channel a row of its own: its longest name does not leave room for the contact
        # in a 390 px side panel)
        form.addWidget(self.channel, 1, 0, 1, 2)
        form.addWidget(self.contact, 2, 0, 1, 2)
        form.addWidget(self.topic, 3, 0, 1, 2)
        form.addWidget(self.question, 4, 0, 1, 2)
        form.addWidget(self.record_button, 5, 1, Qt.AlignmentFlag.AlignRight)
        # acting on the selected one
        act_title = QLabel(self.tr("Selected consultation"))
        act_title.setObjectName("sectionTitle")
        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer sent to the user"))
        self.answer_button = QPushButton(self.tr("Answered"))
        self.answer_button.setObjectName("primaryButton")
        self.answer_button.setToolTip(self.tr("Record the answer sent to the user"))
        self.wait_button = QPushButton(self.tr("Waiting for user"))
        self.wait_button.setToolTip(
            self.tr("Waiting for the user's reply: closes by itself after 3 days without one")
        )
        self.replied_button = QPushButton(self.tr("User replied"))
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QGridLayout()
        for button in (self.wait_button, self.replied_button, self.close_button):
            button.setObjectName("small")
        buttons.addWidget(self.wait_button, 0, 0)
        buttons.addWidget(self.replied_button, 0, 1)
        buttons.addWidget(self.close_button, 1, 0)
        buttons.addWidget(self.answer_button, 1, 1)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addSpacing(10)
        side.addWidget(act_title)
        side.addWidget(self.answer, 1)
        side.addLayout(buttons)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setMaximumWidth(390)
        tools = QHBoxLayout()
        tools.addWidget(self.summary, 1)
        tools.addWidget(self.show_closed)
        left = QVBoxLayout()
        left.addLayout(tools)
        left.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(left, 1)
        layout.addWidget(side_widget)

    def _connect_signals(self) -> None:
        self.record_button.clicked.connect(self.record_asked)
        self.answer_button.clicked.connect(self.answer_asked)
        self.wait_button.clicked.connect(self.wait_asked)
        self.replied_button.clicked.connect(self.replied_asked)
        self.close_button.clicked.connect(self.close_asked)
        self.show_closed.toggled.connect(self.show_closed_toggled)

    # == how a row reads =========================================================================
    def _local(self, moment: dt.datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%d-%m %H:%M") if moment else ""

    @staticmethod
    def _subject(row: OnlineRow) -> str:
        question = " ".join(row.question.split())
        return f"{row.topic} — {question}" if row.topic else question

    def status_text(self, row: OnlineRow) -> str:
        texts = {
            OnlineStatus.OPEN: self.tr("Open"),
            OnlineStatus.ANSWERED: self.tr("Answered"),
            OnlineStatus.WAITING_FOR_USER: self.tr("Waiting for user"),
            OnlineStatus.CLOSED: self.tr("Closed"),
        }
        text = texts.get(OnlineStatus(row.status), row.status)
        if row.overdue:
            text = self.tr("{status} · OVERDUE").format(status=text)
        elif row.closed_by_auto:
            text = self.tr("{status} (automatically)").format(status=text)
        return text

    def due_text(self, row: OnlineRow) -> str:
        if row.first_answer_at is not None:
            return "✓ " + self._local(row.first_answer_at)
        return self._local(row.first_answer_due)

    def _auto_close_text(self, row: OnlineRow) -> str:
        return self._local(row.auto_close_at) if row.auto_close_at else ""

    @staticmethod
    def _background(row: OnlineRow) -> str | None:
        if row.overdue:
            return style.ALERT_BACKGROUND
        if row.due_soon:
            return style.WARNING_BACKGROUND
        return None

    def _tip(self, row: OnlineRow) -> str:
        lines = [row.question]
        if row.overdue:
            lines.append(self.tr("The first answer was due within 3 working days."))
        return "\n".join(lines)

    # == the list ================================================================================
    def show_rows(self, rows: list[OnlineRow]) -> int:
        """Show ``rows``, the one selected (or just recorded) selected; the overdue count."""
        selected = self.selected()
        wanted = self.select_after or (selected.visit_id if selected else None)
        self.model.set_rows(rows)
        if wanted is not None and self.select(wanted) and wanted == self.select_after:
            self.select_after = None
        overdue = sum(1 for r in rows if r.overdue)
        open_count = sum(1 for r in rows if r.status != OnlineStatus.CLOSED)
        self.summary.setText(
            self.tr("{open} open, {overdue} overdue").format(open=open_count, overdue=overdue)
        )
        return overdue

    def selected(self) -> OnlineRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select(self, visit_id: int) -> bool:
        index = self.model.row_of(visit_id)
        if index >= 0:
            self.table.selectRow(index)
        return index >= 0

    def include_closed(self) -> bool:
        return self.show_closed.isChecked()

    # == the forms ===============================================================================
    def new_consultation(self) -> tuple[str, str, str, str]:
        """The new consultation typed: channel, contact, topic, question."""
        return (
            str(self.channel.currentData() or ""),
            self.contact.text(),
            self.topic.text(),
            self.question.toPlainText(),
        )

    def recorded(self, visit_id: int) -> None:
        """The new consultation is recorded: the form empties, it is selected once listed."""
        for edit in (self.contact, self.topic):
            edit.clear()
        self.question.clear()
        self.select_after = visit_id

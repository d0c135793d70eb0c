"""Paper questionnaires typed in by a supervisor, keyboard only, one row per respondent.

A row: the visit's ticket code and day (both optional: a form without a ticket counts for the
day typed), then the scores: the IKM's nine elements 1–4, or each SKD attribute's importance
and satisfaction 1–10.  A score field takes digits only and moves on by itself once the score
is whole (one digit on 1–4; on 1–10 a "1" waits for a "0"); Tab moves too, a blank score is a
question not answered.  Enter saves the row (``SurveyService.enter_paper``: marked as paper in
the data) on the window's write thread (``ui.calls.ServiceCalls``) and starts the next; the rows
typed so far are listed under it.  A refusal shows in place and nothing is written: a score
outside the scale under the scores with its field marked, a ticket not found (or already
answered, or not finished) under the ticket.  The questions are read on the dialog's reader
thread (``ui.readers.BackgroundReader``); the window behind it keeps working.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.entities import SurveyInstrument
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import ServiceError, ValidationError, first_line
from pst_desktop.db.startup import connection_reason
from pst_desktop.sop.permissions import Actor
from pst_desktop.visitor.instruments import ASPECT_IMPORTANCE
from pst_desktop.visitor.surveys import (
    Answer,
    SurveyEntry,
    SurveyQuestion,
    SurveyReceipt,
    SurveyService,
    questions_of,
)
from ui.accessibility import name_controls
from ui.calls import ServiceCalls, refusal_text
from ui.officer.complaint_dialog import DayEdit, TicketNotFound, visit_of_ticket
from ui.readers import BackgroundReader
from ui.style import ADMIN_SHEET, font_scale, scale_sheet
from ui.tables import Column, RowsModel, table_view
from ui.widgets import (
    ChoiceBox,
    MessageBand,
    VerticalScrollArea,
    field_error,
    field_label,
    set_field_error,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Questions:
    """What a paper form asks, per instrument, in the screen's language."""

    ikm: tuple[SurveyQuestion, ...]
    skd: tuple[SurveyQuestion, ...]


@dataclass(frozen=True)
class TypedRow:
    """A row saved in this session, as the list under the form shows it."""

    number: int
    ticket: str
    day: dt.date
    instrument: SurveyInstrument
    scores: str
    answered: int
    receipt: SurveyReceipt


class ScoreField(QLineEdit):
    """One score of one question: digits only; ``whole`` once no digit can follow."""

    whole = Signal()

    def __init__(self, question: SurveyQuestion, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.question = question
        digits = len(str(question.high))
        self.setMaxLength(digits)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{digits}}}"), self)
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedWidth(42 if digits == 1 else 48)
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.textEdited.connect(self._edited)

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text.isdigit() else None

    def _edited(self, text: str) -> None:
        if text and (len(text) >= self.maxLength() or int(text) * 10 > self.question.high):
            self.whole.emit()


class PaperEntryDialog(QDialog):
    """``saved(TypedRow)`` after each row written; ``connection_trouble(exc)`` when the database
    did not answer (the window's band)."""

    saved = Signal(object)
    loaded = Signal()
    connection_trouble = Signal(object)

    def __init__(
        self,
        actor: Actor,
        clock: Clock,
        calls: ServiceCalls,
        db: pw.Database,
        zone: dt.tzinfo,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.actor, self.clock, self.calls, self.zone = actor, clock, calls, zone
        self.language = language
        self.service = SurveyService(clock)
        self.fields: dict[SurveyInstrument, list[ScoreField]] = {
            SurveyInstrument.IKM: [],
            SurveyInstrument.SKD: [],
        }
        self.rows: list[TypedRow] = []
        self.setWindowTitle(self.tr("Paper questionnaires"))
        self.setStyleSheet(scale_sheet(ADMIN_SHEET, font_scale(), pixels=False))
        self.reader = BackgroundReader(db, self, skip_superseded=True)
        self._build()
        self._connect_signals()
        self.resize(1080, 660)
        self.reload()

    # == building ================================================================================
    def _build(self) -> None:
        title = QLabel(self.tr("Paper questionnaires"))
        title.setObjectName("sectionTitle")
        hint = QLabel(
            self.tr(
                "One row per respondent. Type the ticket and day when the form has them, then "
                "the scores: each field moves on by itself, a blank is a question not "
                "answered. Enter saves the row as paper and starts the next."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.instrument = ChoiceBox()
        self.instrument.addItem(self.tr("IKM (9 elements, 1–4)"), SurveyInstrument.IKM.value)
        self.instrument.addItem(
            self.tr("SKD (importance and satisfaction, 1–10)"), SurveyInstrument.SKD.value
        )
        self.ticket = QLineEdit()
        self.ticket.setPlaceholderText(self.tr("e.g. K-007"))
        self.ticket.setMaxLength(12)
        self.ticket.setFixedWidth(170)
        today = self.clock.now().astimezone(self.zone).date()
        self.day = DayEdit(today)
        # the row's one refusal, under the ticket and over the scores
        self.row_error = field_error()
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(field_label(self.tr("&Survey"), self.instrument))
        head.addWidget(self.instrument)
        head.addSpacing(12)
        head.addWidget(field_label(self.tr("&Ticket"), self.ticket))
        head.addWidget(self.ticket)
        head.addSpacing(12)
        head.addWidget(field_label(self.tr("&Day"), self.day))
        head.addWidget(self.day)
        head.addStretch(1)
        self.ikm_page = QWidget()
        self.ikm_grid = QGridLayout(self.ikm_page)
        self.ikm_grid.setContentsMargins(0, 0, 0, 0)
        self.skd_page = QWidget()
        self.skd_grid = QGridLayout(self.skd_page)
        self.skd_grid.setContentsMargins(0, 0, 0, 0)
        self.skd_area = VerticalScrollArea(self.skd_page)
        # one of the two shows: the IKM's one row of scores leaves the rest to the rows typed
        self.ikm_page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.skd_area.hide()
        self.message = MessageBand(1)
        self.message.setObjectName("tabMessage")
        self.message.hide()
        self.save_button = QPushButton(self.tr("Save row (Enter)"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close (Esc)"))
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        self.model: RowsModel[TypedRow] = RowsModel(
            [
                Column(self.tr("No."), lambda r: str(r.number), 48, centre=True),
                Column(self.tr("Ticket"), lambda r: r.ticket or "–", 80, centre=True),
                Column(self.tr("Day"), lambda r: f"{r.day:%d/%m/%Y}", 100, centre=True),
                Column(self.tr("Survey"), lambda r: r.instrument.value.upper(), 70, centre=True),
                Column(self.tr("Answers"), lambda r: str(r.answered), 80, centre=True),
                Column(self.tr("Scores"), lambda r: r.scores, 0),
            ],
            key=lambda r: r.number,
            parent=self,
        )
        self.table = table_view(self.model, "paperRows", row_height=26)
        self.table.setAccessibleName(self.tr("Rows typed in"))
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays on the form
        self.count = QLabel()
        self.count.setObjectName("cardHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(head)
        layout.addWidget(self.row_error)
        layout.addWidget(self.ikm_page)
        layout.addWidget(self.skd_area, 3)
        layout.addLayout(buttons)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 2)
        self._count()

    def _connect_signals(self) -> None:
        self.reader.finished.connect(self._show_questions)
        self.reader.failed.connect(self._read_failed)
        self.instrument.currentIndexChanged.connect(self._instrument_changed)
        self.save_button.clicked.connect(self.save_row)
        self.close_button.clicked.connect(self.reject)

    # == the questions ===========================================================================
    def reload(self) -> None:
        """Read the questions (the SKD's active attributes) on the reader thread."""
        language = self.language
        self.reader.submit(
            lambda: Questions(
                questions_of(SurveyInstrument.IKM, language),
                questions_of(SurveyInstrument.SKD, language),
            )
        )

    def _show_questions(self, questions: Questions) -> None:
        self._fill_ikm(questions.ikm)
        self._fill_skd(questions.skd)
        for instrument in (SurveyInstrument.IKM, SurveyInstrument.SKD):
            self._chain(instrument)
        self._instrument_changed(self.instrument.currentIndex())
        name_controls(self)
        self.ticket.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit()

    def _fill_ikm(self, questions: tuple[SurveyQuestion, ...]) -> None:
        self.fields[SurveyInstrument.IKM] = []
        legend = []
        for column, question in enumerate(questions):
            name = f"{question.item} {question.title}"
            code = QLabel(question.item)
            code.setObjectName("fieldLabel")
            code.setAlignment(Qt.AlignmentFlag.AlignCenter)
            code.setToolTip(question.title)
            field = ScoreField(question, name)
            self.ikm_grid.addWidget(code, 0, column, Qt.AlignmentFlag.AlignHCenter)
            self.ikm_grid.addWidget(field, 1, column, Qt.AlignmentFlag.AlignHCenter)
            self.fields[SurveyInstrument.IKM].append(field)
            legend.append(f"{question.item} {question.title}")
        self.ikm_grid.setColumnStretch(len(questions), 1)
        scale = QLabel(
            self.tr("Each element from 1 (worst) to 4 (best): {elements}.").format(
                elements=" · ".join(legend)
            )
        )
        scale.setObjectName("cardHint")
        scale.setWordWrap(True)
        self.ikm_grid.addWidget(scale, 2, 0, 1, len(questions) + 1)
        self.ikm_grid.setRowStretch(3, 1)

    def _fill_skd(self, questions: tuple[SurveyQuestion, ...]) -> None:
        self.fields[SurveyInstrument.SKD] = []
        items: list[tuple[SurveyQuestion, SurveyQuestion]] = []
        for question in questions:
            if question.aspect == ASPECT_IMPORTANCE:
                pair = next(
                    (q for q in questions if q.item == question.item and q is not question),
                    None,
                )
                if pair is not None:
                    items.append((question, pair))
        half = (len(items) + 1) // 2
        for side in range(2 if items else 0):
            base = side * 4
            for offset, text in ((1, self.tr("Importance")), (2, self.tr("Satisfaction"))):
                header = QLabel(text)
                header.setObjectName("fieldLabel")
                self.skd_grid.addWidget(header, 0, base + offset, Qt.AlignmentFlag.AlignHCenter)
        for index, (importance, satisfaction) in enumerate(items):
            side, row = divmod(index, half)
            base = side * 4
            label = QLabel(f"{index + 1}. {importance.title}")
            label.setWordWrap(True)
            label.setToolTip(importance.title)
            first = ScoreField(
                importance,
                self.tr("{attribute}: importance").format(attribute=importance.title),
            )
            second = ScoreField(
                satisfaction,
                self.tr("{attribute}: satisfaction").format(attribute=satisfaction.title),
            )
            self.skd_grid.addWidget(label, row + 1, base)
            self.skd_grid.addWidget(first, row + 1, base + 1, Qt.AlignmentFlag.AlignHCenter)
            self.skd_grid.addWidget(second, row + 1, base + 2, Qt.AlignmentFlag.AlignHCenter)
            self.fields[SurveyInstrument.SKD] += [first, second]
        self.skd_grid.setColumnStretch(0, 1)
        self.skd_grid.setColumnStretch(4, 1)
        self.skd_grid.setColumnMinimumWidth(3, 16)
        if not items:
            none = QLabel(self.tr("The office has no SKD attribute to ask."))
            none.setObjectName("cardHint")
            self.skd_grid.addWidget(none, 0, 0)

    def _chain(self, instrument: SurveyInstrument) -> None:
        """A whole score moves the keyboard on to the next one of its survey."""
        fields = self.fields[instrument]
        for field, following in itertools.pairwise(fields):
            field.whole.connect(
                lambda following=following: following.setFocus(Qt.FocusReason.TabFocusReason)
            )

    def _tab_order(self, instrument: SurveyInstrument) -> None:
        """The keyboard's way: survey, ticket, day, then each score of the survey shown."""
        QWidget.setTabOrder(self.instrument, self.ticket)
        QWidget.setTabOrder(self.ticket, self.day)
        previous: QWidget = self.day
        for field in self.fields[instrument]:
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, self.save_button)

    def current_instrument(self) -> SurveyInstrument:
        return SurveyInstrument(self.instrument.currentData())

    def choose(self, instrument: SurveyInstrument) -> None:
        self.instrument.setCurrentIndex(self.instrument.findData(instrument.value))

    def _instrument_changed(self, _index: int) -> None:
        ikm = self.current_instrument() is SurveyInstrument.IKM
        self.ikm_page.setVisible(ikm)
        self.skd_area.setVisible(not ikm)
        self._tab_order(self.current_instrument())
        self._clear_errors()

    def _read_failed(self, exc: Exception) -> None:
        self.calls.read_failed(
            "paper questions", exc, on_refused=self._say_refusal, on_lost=self._lost
        )

    # == saving a row ============================================================================
    def save_row(self) -> None:
        """Enter: the row as typed, to the service; refused in place, nothing written."""
        if self.calls.busy:
            return  # the row before is being written
        self._clear_errors()
        instrument = self.current_instrument()
        fields = self.fields[instrument]
        answers = tuple(
            Answer(f.question.item, f.question.aspect, f.value())
            for f in fields
            if f.value() is not None
        )
        if not answers:
            target = fields[0] if fields else self.ticket
            self._field_error(target, self.tr("Type at least one score."))
            return
        actor, service = self.actor, self.service
        code = self.ticket.text().strip().upper()
        day = self.day.date().toPython()
        not_found = self.tr("No ticket {code} on {day}.").format(code=code, day=f"{day:%d/%m/%Y}")
        scores = self._scores_text(instrument, fields)

        def write() -> SurveyReceipt:
            visit_id = visit_of_ticket(actor.office_id, day, code, not_found)
            entry = SurveyEntry(instrument, answers, visit_id=visit_id, day=day)
            return service.enter_paper(actor, entry)

        def written(receipt: SurveyReceipt) -> None:
            row = TypedRow(
                len(self.rows) + 1, code, day, instrument, scores, receipt.answered, receipt
            )
            self.rows.append(row)
            self.model.set_rows(list(reversed(self.rows)))
            self._count()
            self._say(
                self.tr("Row {number} saved as paper ({answers} answers).").format(
                    number=row.number, answers=receipt.answered
                ),
                "ok",
            )
            self._next_row(instrument)
            self.saved.emit(row)

        self.calls.submit(
            "enter paper survey", write, written, on_refused=self.refused, on_lost=self._lost
        )

    @staticmethod
    def _scores_text(instrument: SurveyInstrument, fields: list[ScoreField]) -> str:
        texts = [f.text().strip() or "·" for f in fields]
        if instrument is SurveyInstrument.SKD:
            texts = [f"{a}/{b}" for a, b in zip(texts[::2], texts[1::2], strict=False)]
        return " ".join(texts)

    def _next_row(self, instrument: SurveyInstrument) -> None:
        """The next respondent: scores and ticket cleared, the survey and day kept."""
        for field in self.fields[instrument]:
            field.clear()
        self.ticket.clear()
        self.ticket.setFocus(Qt.FocusReason.OtherFocusReason)

    def _count(self) -> None:
        self.count.setText(
            self.tr("Typed in since this window opened: {n}").format(n=len(self.rows))
        )

    # == refusals ================================================================================
    def refused(self, exc: ServiceError) -> None:
        """In place: a ticket's trouble under the ticket, a score's under the scores with its
        field marked; the rest in the line under them."""
        if isinstance(exc, TicketNotFound) or (
            not isinstance(exc, ValidationError) and self.ticket.text().strip()
        ):
            text = (
                " ".join(exc.fields.values())
                if isinstance(exc, ValidationError)
                else refusal_text(exc)
            )
            self._field_error(self.ticket, text)
            return
        if isinstance(exc, ValidationError):
            fields = self.fields[self.current_instrument()]
            for item, text in exc.fields.items():
                mine = [f for f in fields if f.question.item == item]
                if not mine:
                    continue
                bad = [
                    f
                    for f in mine
                    if f.value() is not None and not f.question.low <= f.value() <= f.question.high
                ]
                for field in bad or mine:
                    field.setProperty("invalid", True)
                    field.style().unpolish(field)
                    field.style().polish(field)
                self._field_error((bad or mine)[0], text)
                return
        self._say_refusal(exc)

    def _field_error(self, field: QWidget, text: str) -> None:
        set_field_error(field, self.row_error, text)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()

    def _say_refusal(self, exc: ServiceError) -> None:
        self._say(refusal_text(exc), "error")

    def _lost(self, exc: Exception) -> None:
        self._say(
            self.tr(
                "The database did not answer ({reason}). The row is not saved; it stays typed."
            ).format(reason=connection_reason(exc)),
            "error",
        )
        self.message.setToolTip(first_line(exc))
        self.connection_trouble.emit(exc)

    def _say(self, text: str, kind: str) -> None:
        self.message.setToolTip("")
        self.message.setProperty("kind", kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _clear_errors(self) -> None:
        set_field_error(self.ticket, self.row_error, "")
        for fields in self.fields.values():
            for field in fields:
                if field.property("invalid"):
                    set_field_error(field, self.row_error, "")
        self.message.hide()

    def shutdown(self) -> None:
        self.reader.cancel()
        self.reader.wait(10_000)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

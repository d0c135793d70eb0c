"""The consultation record form (Silastik-style): one widget, used while serving and when an
officer edits a past record. It only turns widgets into a ``ConsultationRecord`` and back;
saving is the window's job (``edited`` fires on every change)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWidgetItem,
)

from pst_desktop.frontdesk.guest_book_lists import Option
from pst_desktop.officer.consultations import ConsultationRecord, DataRequest, Publication
from ui.widgets import field_label

NO_YEAR = 0  # the year spin boxes show "–" at their minimum


def _year_box(tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(NO_YEAR, 2100)
    box.setSpecialValueText("–")
    box.setValue(NO_YEAR)
    box.setToolTip(tip)
    box.setMinimumWidth(64)
    return box


def _combo(options: list[Option], language: str, empty: str) -> QComboBox:
    combo = QComboBox()
    combo.addItem(empty, "")
    for option in options:
        combo.addItem(option.label(language), option.code)
    return combo


def _two_lines(text: str) -> str:
    """``text`` broken at the space nearest its middle ("Need\nmet?")."""
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return text
    cut = min(spaces, key=lambda i: abs(len(text) / 2 - i))
    return text[:cut] + "\n" + text[cut + 1 :]


def _text(minimum_height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(minimum_height)
    return edit


class RecordForm(QWidget):
    edited = Signal()

    def __init__(
        self,
        lists: dict[str, list[Option]],
        language: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._loading = False
        #: the form's least widths (narrow -> px), kept until a child's size, the font, the style
        #: or the language changes: asked on every resize and every layout pass
        self._least_widths: dict[bool, int] = {}
        self.topic = QLineEdit()
        self.topic.setPlaceholderText(self.tr("e.g. Inflation, poverty, GRDP"))
        self.question = _text(54)
        self.question.setPlaceholderText(self.tr("What the visitor asked"))
        self.answer = _text(84)
        self.answer.setPlaceholderText(
            self.tr("The answer or information given (tables, links, explanations)")
        )
        self.subject = QLineEdit()
        self.subject.setPlaceholderText(self.tr("Subject"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("Region"))
        for line in (self.subject, self.region):
            line.setMinimumWidth(90)
        self.year_from = _year_box(self.tr("First year of the data asked for"))
        self.year_to = _year_box(self.tr("Last year of the data asked for"))
        self.level = _combo(lists.get("data_level", []), language, self.tr("Level…"))
        self.period = _combo(lists.get("data_period", []), language, self.tr("Period…"))
        self.publication_kind = QLineEdit()
        self.publication_kind.setPlaceholderText(self.tr("Type"))
        self.publication_title = QLineEdit()
        self.publication_title.setPlaceholderText(self.tr("Title of the publication or table"))
        self.publication_year = _year_box(self.tr("Year of the publication"))
        self.need_met = _combo(lists.get("need_met", []), language, self.tr("Not asked yet"))
        self.follow_up = QLineEdit()
        self.follow_up.setPlaceholderText(self.tr("e.g. send the table by e-mail"))
        self.notes = _text(40)
        self.notes.setMaximumHeight(70)
        # the data-request and publication rows share one label: each part says what it is
        for widget, name in (
            (self.subject, self.tr("Data asked for: subject")),
            (self.region, self.tr("Data asked for: region")),
            (self.year_from, self.tr("Data asked for: first year")),
            (self.year_to, self.tr("Data asked for: last year")),
            (self.level, self.tr("Data asked for: level")),
            (self.period, self.tr("Data asked for: period")),
            (self.publication_kind, self.tr("Publication: type")),
            (self.publication_title, self.tr("Publication: title")),
            (self.publication_year, self.tr("Publication: year")),
            (self.need_met, self.tr("Need met")),
            (self.follow_up, self.tr("Follow-up")),
            (self.notes, self.tr("Notes")),
        ):
            widget.setAccessibleName(name)

        #: the rows' labels and their texts: on one line, or on two where the form is narrow
        self._row_labels: list[tuple[QLabel, str]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        row = 0
        grid.addWidget(self._row_label(self.tr("Topic"), self.topic), row, 0)
        grid.addWidget(self.topic, row, 1)
        row += 1
        grid.addWidget(self._row_label(self.tr("Question"), self.question), row, 0)
        grid.addWidget(self.question, row, 1)
        row += 1
        grid.addWidget(self._row_label(self.tr("Answer"), self.answer), row, 0)
        grid.addWidget(self.answer, row, 1)
        row += 1
        # the data asked for: one line, or two where the form is narrow (a laptop at 125 %)
        self._data_first = QHBoxLayout()
        self._data_second = QHBoxLayout()
        self._year_dash = QLabel("–")
        for line in (self._data_first, self._data_second):
            line.setSpacing(6)
        data = QVBoxLayout()
        data.setSpacing(4)
        data.addLayout(self._data_first)
        data.addLayout(self._data_second)
        self._narrow: bool | None = None
        grid.addWidget(self._row_label(self.tr("Data asked for"), self.subject), row, 0)
        grid.addLayout(data, row, 1)
        self._data_grid_row = row
        row += 1
        publication = QHBoxLayout()
        publication.setSpacing(6)
        publication.addWidget(self.publication_kind, 2)
        publication.addWidget(self.publication_title, 6)
        publication.addWidget(self.publication_year)
        grid.addWidget(self._row_label(self.tr("Publication"), self.publication_title), row, 0)
        grid.addLayout(publication, row, 1)
        row += 1
        outcome = QHBoxLayout()
        outcome.setSpacing(6)
        outcome.addWidget(self.need_met, 2)
        outcome.addWidget(field_label(self.tr("Follow-up"), self.follow_up))
        outcome.addWidget(self.follow_up, 3)
        grid.addWidget(self._row_label(self.tr("Need met?"), self.need_met), row, 0)
        grid.addLayout(outcome, row, 1)
        row += 1
        grid.addWidget(self._row_label(self.tr("Notes"), self.notes), row, 0)
        grid.addWidget(self.notes, row, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 2)
        grid.setRowStretch(1, 1)
        self._arrange(narrow=False)
        self._connect_signals()

    def _row_label(self, text: str, buddy: QWidget) -> QLabel:
        label = field_label(text, buddy)
        self._row_labels.append((label, text))
        return label

    # -- the data row, one line or two -------------------------------------------------------
    def _data_parts(self) -> tuple[list[tuple[QWidget, int]], list[tuple[QWidget, int]]]:
        """(subject and region, years, level and period) with their stretch."""
        names = [(self.subject, 3), (self.region, 3)]
        rest = [
            (self.year_from, 0),
            (self._year_dash, 0),
            (self.year_to, 0),
            (self.level, 2),
            (self.period, 2),
        ]
        return names, rest

    def _arrange(self, narrow: bool) -> None:
        """The data row on one line or two, and the rows' labels likewise."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        names, rest = self._data_parts()
        for widget, _stretch in names + rest:
            self._data_first.removeWidget(widget)
            self._data_second.removeWidget(widget)
        for widget, stretch in names:
            self._data_first.addWidget(widget, stretch)
        for widget, stretch in rest:
            (self._data_second if narrow else self._data_first).addWidget(widget, stretch)
        if narrow:  # the years at their size, the lists share what is left
            self._data_second.setStretch(self._data_second.indexOf(self.level), 1)
            self._data_second.setStretch(self._data_second.indexOf(self.period), 1)
        for label, text in self._row_labels:
            label.setText(_two_lines(text) if narrow else text)

    def _data_widths(self) -> tuple[int, int]:
        """The data row's least width on one line and on two."""
        names, rest = self._data_parts()

        def wide(parts: list[tuple[QWidget, int]]) -> int:
            widths = [QWidgetItem(w).minimumSize().width() for w, _s in parts]
            return sum(widths) + 6 * (len(widths) - 1)

        one = wide(names) + 6 + wide(rest)
        return one, max(wide(names), wide(rest))

    def _least_width(self, narrow: bool) -> int:
        """The form's least width, wide (one line each) or narrow (two); measured once until
        something it depends on changes (``event``)."""
        width = self._least_widths.get(narrow)
        if width is None:
            width = self._least_widths[narrow] = self._measure_least_width(narrow)
        return width

    #: what can change the least widths: a child's size hint (its parent gets a layout
    #: request), being shown, the font, the style sheet, the language
    _REMEASURE = frozenset(
        {
            QEvent.Type.LayoutRequest,
            QEvent.Type.Show,
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.LanguageChange,
            QEvent.Type.ApplicationFontChange,
        }
    )

    def event(self, event: QEvent) -> bool:
        if event.type() in self._REMEASURE:
            self._least_widths.clear()
        return super().event(event)

    def _measure_least_width(self, narrow: bool) -> int:
        grid = self.layout()
        labels = fields = 0
        for label, text in self._row_labels:
            shown = _two_lines(text) if narrow else text
            extra = label.contentsMargins().left() + label.contentsMargins().right()
            widest = max(label.fontMetrics().horizontalAdvance(line) for line in shown.split("\n"))
            labels = max(labels, widest + extra + 2 * label.margin())
        for row in range(grid.rowCount()):
            field = grid.itemAtPosition(row, 1)
            if field is not None and row != self._data_grid_row:
                fields = max(fields, field.minimumSize().width())
        one, two = self._data_widths()
        margins = grid.contentsMargins()
        return (
            labels
            + grid.horizontalSpacing()
            + max(fields, two if narrow else one)
            + margins.left()
            + margins.right()
        )

    def minimumSizeHint(self) -> QSize:
        """As narrow as the narrow arrangement allows (the form takes it where needed)."""
        hint = super().minimumSizeHint()
        return QSize(self._least_width(narrow=True), hint.height())

    def resizeEvent(self, event) -> None:
        self._arrange(narrow=self.width() < self._least_width(narrow=False))
        super().resizeEvent(event)

    def _connect_signals(self) -> None:
        for line in (
            self.topic,
            self.subject,
            self.region,
            self.publication_kind,
            self.publication_title,
            self.follow_up,
        ):
            line.textEdited.connect(self._changed)
        for text in (self.question, self.answer, self.notes):
            text.textChanged.connect(self._changed)
        for box in (self.year_from, self.year_to, self.publication_year):
            box.valueChanged.connect(self._changed)
        for combo in (self.level, self.period, self.need_met):
            combo.currentIndexChanged.connect(self._changed)

    def _changed(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    # -- record <-> widgets ------------------------------------------------------------------
    def record(self) -> ConsultationRecord:
        def year(box: QSpinBox) -> int | None:
            return box.value() or None

        data = DataRequest(
            subject=self.subject.text().strip(),
            region=self.region.text().strip(),
            year_from=year(self.year_from),
            year_to=year(self.year_to),
            level=self.level.currentData() or "",
            period=self.period.currentData() or "",
        )
        publication = Publication(
            kind=self.publication_kind.text().strip(),
            title=self.publication_title.text().strip(),
            year=year(self.publication_year),
        )
        return ConsultationRecord(
            topic=self.topic.text(),
            question=self.question.toPlainText(),
            answer=self.answer.toPlainText(),
            data_requested=[] if data.is_empty() else [data],
            publications=[publication] if publication.title else [],
            need_met=self.need_met.currentData() or "",
            follow_up=self.follow_up.text(),
            notes=self.notes.toPlainText(),
        )

    def set_record(self, record: ConsultationRecord | None) -> None:
        record = record or ConsultationRecord()
        self._loading = True
        try:
            self.topic.setText(record.topic)
            self.question.setPlainText(record.question)
            self.answer.setPlainText(record.answer)
            data = record.data_requested[0] if record.data_requested else DataRequest()
            self.subject.setText(data.subject)
            self.region.setText(data.region)
            self.year_from.setValue(data.year_from or NO_YEAR)
            self.year_to.setValue(data.year_to or NO_YEAR)
            self.level.setCurrentIndex(max(0, self.level.findData(data.level)))
            self.period.setCurrentIndex(max(0, self.period.findData(data.period)))
            publication = record.publications[0] if record.publications else Publication()
            self.publication_kind.setText(publication.kind)
            self.publication_title.setText(publication.title)
            self.publication_year.setValue(publication.year or NO_YEAR)
            self.need_met.setCurrentIndex(max(0, self.need_met.findData(record.need_met)))
            self.follow_up.setText(record.follow_up)
            self.notes.setPlainText(record.notes)
        finally:
            self._loading = False

    def clear(self) -> None:
        self.set_record(None)

    def set_editable(self, editable: bool) -> None:
        for child in self.findChildren(QWidget):
            if isinstance(child, QLineEdit | QPlainTextEdit):
                child.setReadOnly(not editable)
            elif isinstance(child, QComboBox | QSpinBox):
                child.setEnabled(editable)

"""The survey on the rating screen, and the reasons after a low face.

After the one-tap rating the rating screen (``ui.visitor.rating_screen``) may go on to the
office's survey: the nine IKM elements on the regulation's 1–4 scale, with its wording, and the
SKD attributes (importance and satisfaction, 1–10).  Which visit is asked and what is decided by
``pst_desktop.visitor.surveys.survey_form``; the course through the questions (progress, answer,
skip) is its ``SurveyRun``; this module only shows them.

- ``SurveyPanel``: one screen at a time.  An IKM element is one question (four answers in the
  regulation's words); an SKD attribute is one screen with its two questions (importance and
  satisfaction, 1–10 each), so that the sixteen attributes are sixteen screens, not 32.  A
  progress line ("3 / 25"), "Skip" and "End the survey" always there; no visitor's data.
  Each answer is sent as it is given; a screen left by the pause timer (the visitor walked away)
  sends what was tapped on it, so nothing answered is lost.
- ``SurveySender``: the answers and the reasons go through ``SurveyOutbox`` (kept on this PC
  when the database is away, sent later exactly once) on a worker thread (``ui.calls``), in the
  order given; the form is read on a reader (``ui.readers``).  The GUI thread never waits.
- ``ReasonChips``: after a low face, the IKM elements a visitor can tap as reasons
  (``instruments.REASON_CHIPS``).

The IKM and SKD wording is data in both languages (the regulation's Indonesian must not drift
with a translation file); everything else on these screens goes through Qt translation.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import peewee as pw
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.entities import SurveyInstrument
from pst_desktop.visitor.instruments import (
    ASPECT_IMPORTANCE,
    IKM_CODES,
    REASON_CHIPS,
    ReasonChip,
)
from pst_desktop.visitor.rating_screen import Delivery
from pst_desktop.visitor.survey_outbox import SurveyOutbox
from pst_desktop.visitor.surveys import (
    SurveyEntry,
    SurveyForm,
    SurveyQuestion,
    SurveyRun,
    survey_form,
)
from ui.accessibility import ButtonRow
from ui.calls import ServiceCalls
from ui.readers import BackgroundReader
from ui.style import FACE_GOOD, FACE_HAPPY, FACE_UNHAPPY, ORANGE, SURVEY_SHEET, scale_sheet
from ui.visitor.screens import scaled

log = logging.getLogger(__name__)

#: the top edge of the four IKM answers, from the worst to the best: the rating faces' colours
ANSWER_COLOURS = (FACE_UNHAPPY, ORANGE, FACE_GOOD, FACE_HAPPY)

#: drawn for 1920×1080 like the rating screen's own sheet, scaled with it (``SurveyPanel.fit``)
SURVEY_STYLE = SURVEY_SHEET + "".join(
    f'QPushButton#answerButton[score="{score}"] {{ border-top-color: {colour}; }}\n'
    for score, colour in enumerate(ANSWER_COLOURS, start=1)
)


# -- sending, off the GUI thread --------------------------------------------------------------
class JobConnection:
    """The database as ``ServiceCalls`` and ``BackgroundReader`` see it here: a job's connection
    opens with its first query and is closed after the job.

    Not peewee's ``connection_context``: the outbox drops a broken connection after an outage
    (``reconnect.reset``; the database boundary does too), which empties that context's stack
    in the middle of the job, and its exit then fails with an ``IndexError`` in place of the
    outage (seen in ``test_answers_given_during_an_outage_are_kept_and_sent_later``)."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def connection_context(self) -> JobConnection:
        return self

    def __enter__(self) -> JobConnection:
        return self

    def __exit__(self, *exc: object) -> bool:
        with contextlib.suppress(Exception):  # (a connection already dropped: nothing to do)
            if not self.db.is_closed() and not self.db.in_transaction():
                self.db.close()
        return False


class SurveySender(QObject):
    """The rating screen's survey writes, in order, on one worker thread: answers, reasons, and
    the outbox's retries.  The outbox keeps what the database cannot take now (``kept``)."""

    kept = Signal()  # something waits in the outbox: the screen says the connection is lost
    flushed = Signal()  # a retry finished (the screen may hide its connection line)

    def __init__(self, db: pw.Database, outbox: SurveyOutbox, parent: QObject | None = None):
        super().__init__(parent)
        self.outbox = outbox
        self.calls = ServiceCalls(JobConnection(db), self._refused, self._lost, self)

    def answers(self, entry: SurveyEntry) -> None:
        """``SurveyRun``'s ``send``: one response's answers (or none: "asked")."""
        self.calls.submit("survey answers", lambda: self.outbox.submit(entry), self._delivered)

    def reasons(self, visit_id: int, elements: Iterable[str], hold: Iterable[int] = ()) -> None:
        """The IKM elements tapped after a low face; ``hold``: visits whose rating still waits
        in the rating outbox (their reasons wait with it)."""
        chosen, held = list(elements), set(hold)
        if chosen:
            self.calls.submit(
                "rating reasons",
                lambda: self.outbox.submit_reasons(visit_id, chosen, hold=held),
                self._delivered,
            )

    def flush(self, hold: Iterable[int] = ()) -> None:
        """Send what the outbox keeps (after the ratings it may wait for)."""
        if self.calls.busy or not self.outbox.pending():
            return
        held = set(hold)
        self.calls.submit(
            "survey outbox", lambda: self.outbox.flush(hold=held), lambda _n: self.flushed.emit()
        )

    def waiting(self) -> bool:
        """Something is on its way or kept in the outbox."""
        return self.calls.busy or bool(self.outbox.pending())

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for the writes under way and hand over their outcomes (closing; tests)."""
        done = self.calls.wait(msecs)
        # (their outcomes are queued to the ``ServiceCalls`` itself, which its ``wait`` leaves)
        QCoreApplication.sendPostedEvents(self.calls)
        return done

    def _delivered(self, delivery: object) -> None:
        if delivery is Delivery.KEPT:
            self.kept.emit()

    @staticmethod
    def _refused(text: str) -> None:
        # the outbox drops what the database refuses; nothing for the public to read
        log.warning("a survey write was refused")

    def _lost(self, exc: Exception) -> None:
        self.kept.emit()


# -- the survey ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Screen:
    """One screen of the survey: an IKM element, or an SKD attribute's two questions."""

    start: int  # the position of its first question in the ``SurveyRun``
    questions: tuple[SurveyQuestion, ...]

    @property
    def end(self) -> int:
        return self.start + len(self.questions)


def screens_of(form: SurveyForm) -> list[_Screen]:
    """The form's questions, one screen per IKM element and per SKD attribute."""
    screens: list[_Screen] = []
    group: list[SurveyQuestion] = []
    start = 0
    for position, question in enumerate(form.questions):
        if group and (group[0].instrument, group[0].item) != (question.instrument, question.item):
            screens.append(_Screen(start, tuple(group)))
            group, start = [], position
        group.append(question)
    if group:
        screens.append(_Screen(start, tuple(group)))
    return screens


class AnswerButton(QPushButton):
    """A large answer of the IKM: the regulation's words, wrapped (they run to five words)."""

    def __init__(self, text: str, score: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerButton")
        self.setProperty("score", str(score))
        self.setCheckable(True)
        self.setAccessibleName(text)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel(text, self)
        self.label.setObjectName("answerText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label)


class SurveyPanel(QWidget):
    """The survey page of the rating screen (see the module's docstring).

    ``prepare(visit)`` reads the visit's form while the faces are on screen; ``begin(visit)``
    after the tap starts it when there is one (``ready(visit)`` when the read comes later).
    ``finished`` when the visitor answered or skipped the last screen or ended the survey;
    ``activity`` at every tap (the screen's pause timer starts again); ``finish_now`` sends what
    was tapped and stops (the pause, the officer's next visit, the officer's Esc)."""

    finished = Signal()
    activity = Signal()
    ready = Signal(int)  # a visit's form arrived after ``begin`` asked for it

    def __init__(
        self,
        db: pw.Database,
        sender: SurveySender,
        language: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.sender_ = sender
        self.language = language
        self.reader = BackgroundReader(JobConnection(db), self, skip_superseded=True)
        self.reader.finished.connect(self._form_read)
        self.reader.failed.connect(self._form_failed)
        self.keys: ButtonRow | None = None  # the answers by keyboard (a stand-alone kiosk)
        self.rows: list[ButtonRow] = []
        self._factor = 1.0
        self._visit: int | None = None  # the visit whose form is read (or being read)
        self._form: SurveyForm | None = None
        self._reading = False
        self._wanted: int | None = None  # ``begin`` came before the form
        self.run: SurveyRun | None = None
        self.screens: list[_Screen] = []
        self.index = 0
        self.chosen: dict[int, int] = {}  # on this screen: question's index → score tapped
        self.ikm_answers = 0  # IKM answers given in this survey (no reasons asked then)
        self.buttons: list[list[QPushButton]] = []  # this screen's rows of answers
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_label = QLabel()
        self.name_label.setObjectName("surveyName")
        self.progress_label = QLabel()
        self.progress_label.setObjectName("surveyProgress")
        self.progress_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("surveyBar")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(10)
        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.progress_label)
        self.title_label = self._label("surveyTitle")
        self.question_label = self._label("surveyQuestion")
        self.body = QVBoxLayout()  # this screen's rows of answers
        self.body.setSpacing(36)
        self.hint_label = self._label("surveyHint")
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setObjectName("bigSecondary")
        self.skip_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.skip_button.clicked.connect(self.skip)
        self.end_button = QPushButton(self.tr("End the survey"))
        self.end_button.setObjectName("bigSecondary")
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.end)
        foot = QHBoxLayout()
        foot.addWidget(self.end_button)
        foot.addStretch(1)
        foot.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.setSpacing(24)
        layout.addLayout(head)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.question_label)
        layout.addLayout(self.body)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)
        layout.addLayout(foot)

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def fit(self, factor: float) -> None:
        """Fonts and targets for the rating screen's scale (1.0 at 1920×1080)."""
        self._factor = factor
        self.setStyleSheet(scale_sheet(SURVEY_STYLE, factor))
        px = scaled(factor)
        self.progress_bar.setFixedHeight(px(10))
        self.body.setSpacing(px(36))
        for row in self.buttons:
            for button in row:
                self._size(button)

    def _size(self, button: QPushButton) -> None:
        """(Heights and least widths are in the style sheet: the app's own sheet gives every
        button a least height, which a widget's fixed height does not outweigh.)"""
        px = scaled(self._factor)
        if isinstance(button, AnswerButton):
            button.layout().setContentsMargins(px(6), px(4), px(6), px(4))
        else:
            button.setMaximumWidth(px(150))

    # -- the form ---------------------------------------------------------------------------------
    def prepare(self, visit_id: int) -> None:
        """Read what ``visit_id`` is asked (while its visitor looks at the faces)."""
        if self._visit == visit_id and (self._reading or self._form is not None):
            return
        self._visit, self._form, self._wanted, self._reading = visit_id, None, None, True
        language = self.language()
        self.reader.submit(lambda: (visit_id, survey_form(visit_id, language)))

    def _form_read(self, value: tuple[int, SurveyForm | None]) -> None:
        visit_id, form = value
        if visit_id != self._visit:
            return
        self._form, self._reading = form, False
        if self._wanted == visit_id:
            self._wanted = None
            if form is not None:
                self.ready.emit(visit_id)

    def _form_failed(self, exc: Exception) -> None:
        self._reading, self._wanted = False, None
        # no survey this time; a lost connection shows in the screen's line (the live bus);
        # anything else goes to the crash handler as every window's read does
        self.sender_.calls.read_failed(
            "survey form", exc, on_refused=lambda _e: None, on_lost=lambda _e: None
        )

    @property
    def active(self) -> bool:
        """A survey is under way on this panel."""
        return self.run is not None

    def begin(self, visit_id: int) -> bool:
        """Start the survey of ``visit_id`` if it is asked; False when not (or not known yet:
        then ``ready(visit_id)`` follows if its form arrives and asks something)."""
        if self._visit != visit_id:
            return False
        if self._form is None:
            if self._reading:
                self._wanted = visit_id
            return False
        form, self._form, self._visit = self._form, None, None  # a form is asked once
        self.run = SurveyRun(form, self.sender_.answers)
        self.screens = screens_of(form)
        self.index = 0
        self.ikm_answers = 0
        self.name_label.setText("")
        self.run.start()  # "asked": a response left half-way still counts as started
        self._show_screen()
        log.info("survey started: %s questions", len(form.questions))
        return True

    # -- the course -------------------------------------------------------------------------------
    def _show_screen(self) -> None:
        screen = self.screens[self.index]
        first = screen.questions[0]
        self.chosen = {}
        self._clear_body()
        ikm = first.instrument is SurveyInstrument.IKM
        self.name_label.setText(
            self.tr("Public satisfaction survey (IKM)")
            if ikm
            else self.tr("Data needs survey (SKD)")
        )
        self.progress_label.setText(f"{self.index + 1} / {len(self.screens)}")
        self.progress_bar.setRange(0, len(self.screens))
        self.progress_bar.setValue(self.index + 1)
        self.progress_bar.setAccessibleName(self.progress_label.text())
        self.title_label.setText(first.title if ikm else "")
        self.title_label.setVisible(ikm)
        self.question_label.setText(first.text if ikm else first.title)
        if ikm:
            self._add_answers(first)
            self.hint_label.setText(self.tr("Tap one answer."))
        else:
            for k, question in enumerate(screen.questions):
                self._add_scores(k, question)
            self.hint_label.setText(
                self.tr("Tap a number on each line: 1 is the lowest, 10 the highest.")
            )
        if self.keys is not None:
            self._use_keys()

    def _clear_body(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        for row in self.rows:
            row.set_buttons([])
        self.rows = []
        self.buttons = []

    def _add_answers(self, question: SurveyQuestion) -> None:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(scaled(self._factor)(24))
        buttons: list[QPushButton] = []
        for value, words in enumerate(question.choices, start=question.low):
            button = AnswerButton(words, value)
            button.clicked.connect(lambda _=False, v=value: self.choose(0, v))
            self._size(button)
            buttons.append(button)
            line.addWidget(button)
        self.buttons.append(buttons)
        self.body.addWidget(row)

    def _add_scores(self, k: int, question: SurveyQuestion) -> None:
        px = scaled(self._factor)
        block = QWidget()
        lines = QVBoxLayout(block)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(px(8))
        importance = question.aspect == ASPECT_IMPORTANCE
        aspect = QLabel(
            self.tr("How important is this to you?")
            if importance
            else self.tr("How satisfied are you with it at this office?")
        )
        aspect.setObjectName("surveyAspect")
        aspect.setAlignment(Qt.AlignmentFlag.AlignCenter)
        aspect.setWordWrap(True)
        # the numbers, and under the first and the last one what they mean
        scale = QWidget()
        scale.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        grid = QVBoxLayout(scale)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(px(6))
        numbers = QHBoxLayout()
        numbers.setSpacing(px(14))
        buttons: list[QPushButton] = []
        for value in range(question.low, question.high + 1):
            button = QPushButton(str(value))
            button.setObjectName("scoreButton")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"{aspect.text()} {value}")
            button.clicked.connect(lambda _=False, i=k, v=value: self.choose(i, v))
            self._size(button)
            buttons.append(button)
            numbers.addWidget(button)
        low = QLabel(self.tr("Not at all") if importance else self.tr("Not satisfied"))
        high = QLabel(self.tr("Very important") if importance else self.tr("Very satisfied"))
        for label in (low, high):
            label.setObjectName("surveyEnd")
        high.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ends = QHBoxLayout()
        ends.addWidget(low)
        ends.addStretch(1)
        ends.addWidget(high)
        grid.addLayout(numbers)
        grid.addLayout(ends)
        lines.addWidget(aspect)
        lines.addWidget(scale, 0, Qt.AlignmentFlag.AlignHCenter)
        self.buttons.append(buttons)
        self.body.addWidget(block)

    def choose(self, k: int, value: int) -> None:
        """The visitor tapped ``value`` for the screen's question ``k``: sent at once when the
        questions before it on the screen are answered (else with them); a line once answered
        keeps its answer (it is in the database)."""
        if self.run is None or k >= len(self.buttons):
            return
        row = self.buttons[k]
        if k not in self.chosen:
            self.chosen[k] = value
        for score, button in enumerate(row, start=self.shown.questions[k].low):
            button.setChecked(score == self.chosen[k])
        self.activity.emit()
        self._send_chosen()
        if len(self.chosen) == len(self.shown.questions):
            self._next()

    @property
    def shown(self) -> _Screen:
        """The survey screen shown now (not ``screen``: that is QWidget's own, which Qt and
        the automation hook call)."""
        return self.screens[self.index]

    def _send_chosen(self) -> None:
        """Send this screen's answers in the run's order, up to the first not tapped yet."""
        run, screen = self.run, self.shown
        while run is not None and run.position < screen.end:
            k = run.position - screen.start
            if k not in self.chosen:
                return
            self._answer(screen.questions[k], self.chosen[k])

    def _answer(self, question: SurveyQuestion, value: int) -> None:
        assert self.run is not None
        before = self.run.answered
        self.run.answer(value)  # (its value is the sender's: None, the write is under way)
        if self.run.answered > before and question.instrument is SurveyInstrument.IKM:
            self.ikm_answers += 1

    def _close_screen(self) -> None:
        """Send what was tapped on this screen; skip the rest of it."""
        run, screen = self.run, self.shown
        while run is not None and run.position < screen.end:
            k = run.position - screen.start
            if k in self.chosen:
                self._answer(screen.questions[k], self.chosen[k])
            else:
                run.skip()

    def skip(self) -> None:
        """ "Skip": this screen's questions not answered stay unanswered; on to the next."""
        if self.run is None:
            return
        self.activity.emit()
        self._close_screen()
        self._next()

    def _next(self) -> None:
        self.index += 1
        if self.index >= len(self.screens):
            self._stop()
            self.finished.emit()
            return
        self._show_screen()

    def end(self) -> None:
        """ "End the survey": what was answered is kept; on to the comment."""
        if self.run is None:
            return
        self.finish_now()
        self.finished.emit()

    def finish_now(self) -> None:
        """Stop here (the pause, the officer's next visit or Esc): what was tapped is sent."""
        if self.run is None:
            return
        self._close_screen()
        self._stop()

    def _stop(self) -> None:
        if self.run is not None:
            log.info(
                "survey left after %s of %s questions",
                self.run.answered,
                len(self.run.form.questions),
            )
        self.run = None
        self._clear_body()

    # -- a stand-alone kiosk's keyboard ------------------------------------------------------
    def use_keyboard(self) -> None:
        """Arrow keys within a line of answers, Enter or Space to choose, Tab to Skip and End
        (a kiosk PC of its own; never beside an officer's window)."""
        self.keys = ButtonRow(self)
        for button in (self.skip_button, self.end_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if self.run is not None:
            self._use_keys()

    def _use_keys(self) -> None:
        self.rows = []
        for buttons in self.buttons:
            row = ButtonRow(self)
            row.set_buttons(buttons)
            self.rows.append(row)
        if self.buttons and self.buttons[0]:
            first = self.buttons[0]
            first[(len(first) - 1) // 2].setFocus()


# -- the reasons after a low face -------------------------------------------------------------
class ReasonChips(QWidget):
    """The IKM elements a visitor can tap after a low face (waiting time, staff behaviour…),
    in the screen's language; ``chosen()`` gives their element codes (U1…U9)."""

    toggled = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(18)
        self.chips: list[tuple[ReasonChip, QPushButton]] = []
        for i, chip in enumerate(REASON_CHIPS):
            button = QPushButton()
            button.setObjectName("chipButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.toggled.connect(self.toggled)
            self.chips.append((chip, button))
            grid.addWidget(button, i // 2, i % 2)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        for chip, button in self.chips:
            button.setText(chip.text(language))
            button.setAccessibleName(chip.text(language))

    @property
    def buttons(self) -> list[QPushButton]:
        return [button for _chip, button in self.chips]

    def chosen(self) -> list[str]:
        return [
            chip.element
            for chip, button in self.chips
            if button.isChecked() and chip.element in IKM_CODES
        ]

    def clear(self) -> None:
        for _chip, button in self.chips:
            button.setChecked(False)

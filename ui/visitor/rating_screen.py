"""The public rating screen: fullscreen on the visitor-facing monitor of a desk (a kiosk).

Idle it shows the office and "Thank you for your visit".  When the officer of its desk
finishes a visit (``LiveBus.rating_requested``, or any resync) it asks: the desk, the officer,
the consultation question, and large faces, one tap each.  Then an optional comment, a
thank-you, and idle again by itself.  The logic (which visit, one rating, the outbox) is
``pst_desktop.visitor.rating_screen``; this widget only shows it.

When the office runs a survey and this visit is asked, the tap is followed by the survey
(``ui.visitor.survey_screen``: the IKM's nine elements, the SKD's attributes), then the comment;
after a low face the comment offers reasons (IKM elements) unless the survey asked them.

Kiosk: no frame, no close button; Escape and Alt+F4 do nothing.  Ctrl+Shift+Q, or five taps on
the office logo, opens the kiosk PIN prompt (the admin sets the PIN) that closes the screen.
"""

from __future__ import annotations

import time

import peewee as pw
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QRegularExpression,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QRegularExpressionValidator,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.admin.administration import OfficeProfile, office_settings
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import AuthenticationFailed, DatabaseTrouble, first_line
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import LiveBus
from pst_desktop.visitor.instruments import is_low_rating
from pst_desktop.visitor.rating_screen import (
    Delivery,
    RatingKiosk,
    RatingOutbox,
    Stage,
    UnlockGuard,
    unlock,
)
from pst_desktop.visitor.survey_outbox import OUTBOX_FILE as SURVEY_OUTBOX_FILE
from pst_desktop.visitor.survey_outbox import SurveyOutbox
from ui.accessibility import ButtonRow, name_controls
from ui.style import (
    FACE_FAIR,
    FACE_GOOD,
    FACE_HAPPY,
    FACE_UNHAPPY,
    ORANGE,
    RATING_SCREEN_SHEET,
    TEXT,
)
from ui.visitor.screens import fit_to_screen, logo_pixmap, scaled
from ui.visitor.survey_screen import ReasonChips, SurveyPanel, SurveySender

FLUSH_MS = 30_000  # how often kept ratings are retried while the database is away
UNLOCK_TAPS = 5
UNLOCK_TAP_WINDOW = 3.0  # seconds

#: face colours from unhappy to happy (4 faces; the 5-face scale adds the middle one)
FACE_COLOURS = {
    4: (FACE_UNHAPPY, ORANGE, FACE_GOOD, FACE_HAPPY),
    5: (FACE_UNHAPPY, ORANGE, FACE_FAIR, FACE_GOOD, FACE_HAPPY),
}
#: mouth curve per face, -1 (frown) … +1 (big smile)
FACE_MOUTHS = {4: (-1.0, -0.45, 0.5, 1.0), 5: (-1.0, -0.5, 0.0, 0.55, 1.0)}
_UNHAPPY, _HAPPY = QColor(FACE_UNHAPPY), QColor(FACE_HAPPY)


def face_style(scale: int, score: int) -> tuple[str, float]:
    """Colour and mouth of face ``score`` on a scale of ``scale`` faces (any scale 2–10: the
    4- and 5-face scales have their own tuned faces, others run evenly from frown to smile)."""
    if scale in FACE_COLOURS:
        return FACE_COLOURS[scale][score - 1], FACE_MOUTHS[scale][score - 1]
    t = (score - 1) / (scale - 1)
    mix = QColor.fromRgbF(
        _UNHAPPY.redF() + (_HAPPY.redF() - _UNHAPPY.redF()) * t,
        _UNHAPPY.greenF() + (_HAPPY.greenF() - _UNHAPPY.greenF()) * t,
        _UNHAPPY.blueF() + (_HAPPY.blueF() - _UNHAPPY.blueF()) * t,
    )
    return mix.name(), -1.0 + 2.0 * t


STYLE = RATING_SCREEN_SHEET  # (ui.style)


def face_pixmap(colour: str, mouth: float, size: int) -> QPixmap:
    """A round face: ``mouth`` from -1 (frown) to +1 (wide smile)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(colour))
    m = size * 0.04
    p.drawEllipse(QRectF(m, m, size - 2 * m, size - 2 * m))
    p.setBrush(QColor(TEXT))
    eye = size * 0.085
    for x in (0.35, 0.65):
        p.drawEllipse(QPointF(size * x, size * 0.4), eye / 2, eye * 0.65)
    pen = QPen(QColor(TEXT), size * 0.06)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath()
    y = size * (0.68 - 0.02 * mouth)
    path.moveTo(size * 0.3, y)
    path.quadTo(size * 0.5, y + size * 0.2 * mouth, size * 0.7, y)
    p.drawPath(path)
    p.end()
    return pixmap


class _TapCounter(QObject):
    """Counts quick taps on a widget: five within three seconds ask for the unlock."""

    tapped_enough = Signal()

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self._times: list[float] = []
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            now = time.monotonic()
            self._times = [t for t in self._times if now - t < UNLOCK_TAP_WINDOW] + [now]
            if len(self._times) >= UNLOCK_TAPS:
                self._times.clear()
                self.tapped_enough.emit()
        return False


class RatingScreen(QWidget):
    """The rating screen of one desk.  ``kiosk=False`` makes it a plain closable window (one
    screen only: the officer's PC has no second monitor)."""

    closed = Signal()

    def __init__(
        self,
        db: pw.Database,
        office: OfficeProfile,
        desk_id: int,
        clock: Clock,
        settings: StationSettings,
        outbox: RatingOutbox,
        *,
        bus: LiveBus | None = None,
        desk_name: str = "",
        kiosk: bool = True,
        notice: str = "",
        survey_outbox: SurveyOutbox | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("PST Desktop — Rating screen"))
        self.db = db
        self.office = office
        self.clock = clock
        self.settings = settings
        self.kiosk_mode = kiosk
        self.face_keys: ButtonRow | None = None  # the faces by keyboard (``use_keyboard``)
        # the office-wide question and scale (admin), else this station's setting
        self.office_settings = office_settings(office.id, station_scale=settings.rating_scale)
        self.kiosk = RatingKiosk(
            office.id, desk_id, clock, outbox, scale_max=self.office_settings.rating_scale
        )
        self.unlock_guard = UnlockGuard()  # wrong PINs in a row: a pause after five
        self._unlocked = not kiosk
        self._owns_bus = bus is None
        self.bus = bus or LiveBus(db, office.id, clock, self)
        # survey answers and reasons: beside the rating outbox, written on a worker thread
        self.survey_sender = SurveySender(
            db,
            survey_outbox or SurveyOutbox(outbox.path.with_name(SURVEY_OUTBOX_FILE), clock),
            self,
        )
        self.survey_sender.kept.connect(lambda: self._show_offline(""))
        self.survey_sender.flushed.connect(self._offline_over)
        self._score = 0  # the face tapped for the visit on screen

        self.stage_timer = QTimer(self)
        self.stage_timer.setSingleShot(True)
        self.stage_timer.timeout.connect(self._stage_timeout)
        self.flush_timer = QTimer(self)
        self.flush_timer.timeout.connect(self.flush)

        self.pages = QStackedWidget()
        self.idle_page = self._build_idle()
        self.ask_page = self._build_ask()
        self.comment_page = self._build_comment()
        self.thanks_page = self._build_thanks()
        self.unlock_page = self._build_unlock()
        self.survey_page = SurveyPanel(db, self.survey_sender, self._language)
        self.survey_page.activity.connect(self._restart_comment_timer)
        self.survey_page.finished.connect(self._show_stage)  # on to the comment
        self.survey_page.ready.connect(self._survey_ready)
        for page in (
            self.idle_page,
            self.ask_page,
            self.comment_page,
            self.thanks_page,
            self.unlock_page,
            self.survey_page,
        ):
            self.pages.addWidget(page)
        self.pages.currentChanged.connect(self._page_changed)

        self.banner = self._build_banner(desk_name)
        self.notice_line = QLabel(notice)
        self.notice_line.setObjectName("noticeLine")
        self.notice_line.setWordWrap(True)
        self.notice_line.setVisible(bool(notice))
        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice_line)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status_line)
        # the window takes any size: what is in it scales with it (``_fit``)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self._unlock_taps = _TapCounter(self.logo_label)
        self._unlock_taps.tapped_enough.connect(self.ask_unlock)
        self._unlock_taps_idle = _TapCounter(self.idle_logo)
        self._unlock_taps_idle.tapped_enough.connect(self.ask_unlock)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        shortcut.activated.connect(self.ask_unlock)

        self.bus.settings_changed.connect(self.follow_settings)
        self.bus.rating_requested.connect(self._rating_requested)
        self.bus.rating_closed.connect(self._rating_closed)
        self.bus.queue_changed.connect(self.check)
        self.bus.online.connect(self._online)
        self._show_stage()
        self._scale = 0.0
        self._fit()
        name_controls(self)  # a screen reader's names

    # -- sizes: faces and fonts follow the screen ---------------------------------------------
    def minimumSizeHint(self) -> QSize:
        return QSize(640, 360)  # everything in it scales to the window (``_fit``)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Fonts, faces, logos and margins in proportion to the window (fullscreen: the
        screen): designed for 1920×1080, from 1280×720 up to 4K."""
        factor = fit_to_screen(self, STYLE)
        if factor is None:
            return
        px = scaled(factor)

        for i in range(self.pages.count()):
            page_layout = self.pages.widget(i).layout()
            page_layout.setContentsMargins(px(80), px(40), px(80), px(40))
            page_layout.setSpacing(px(24))
        self.banner.layout().setContentsMargins(px(40), px(20), px(48), px(20))
        self.logo_label.setPixmap(logo_pixmap(self.office.logo, px(72)))
        self.idle_logo.setPixmap(logo_pixmap(self.office.logo, px(220)))
        self.unlock_card.setFixedWidth(px(760))
        self.reason_chips.layout().setSpacing(px(18))
        self.survey_page.fit(factor)
        self._size_faces()

    def _size_faces(self) -> None:
        px = scaled(getattr(self, "_scale", 0.0) or 1.0)

        self.faces_row.setSpacing(px(32))
        for button in self.face_buttons:
            button.setIconSize(QSize(px(170), px(170)))
            button.setMinimumSize(px(200), px(250))
            button.setMaximumSize(px(340), px(330))

    # -- building -------------------------------------------------------------------------------
    def _build_banner(self, desk_name: str) -> QWidget:
        banner = QWidget()
        banner.setObjectName("ratingBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.logo_label = QLabel()
        self.logo_label.setPixmap(logo_pixmap(self.office.logo, 72))
        office = QLabel(self.office.name)
        office.setObjectName("ratingOffice")
        subtitle = QLabel(self.tr("Integrated Statistical Services (PST)"))
        subtitle.setObjectName("ratingSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(office)
        titles.addWidget(subtitle)
        self.desk_label = QLabel(desk_name)
        self.desk_label.setObjectName("ratingDesk")
        row = QHBoxLayout(banner)
        row.setContentsMargins(40, 20, 48, 20)
        row.setSpacing(22)
        row.addWidget(self.logo_label)
        row.addLayout(titles, 1)
        row.addWidget(self.desk_label)
        return banner

    @staticmethod
    def _page() -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        page.setObjectName("ratingPage")
        page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.setSpacing(24)
        return page, layout

    def _label(self, text: str, name: str, wrap: bool = True) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(wrap)
        return label

    def _build_idle(self) -> QWidget:
        page, layout = self._page()
        self.idle_logo = QLabel()
        self.idle_logo.setPixmap(logo_pixmap(self.office.logo, 220))
        self.idle_logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle_title = self._label(self.tr("Thank you for your visit"), "idleTitle")
        layout.addStretch(2)
        layout.addWidget(self.idle_logo)
        layout.addSpacing(20)
        layout.addWidget(self._label(self.office.name, "idleOffice"))
        layout.addWidget(self.idle_title)
        layout.addWidget(
            self._label(
                self.tr("After your consultation you can rate our service on this screen."),
                "idleHint",
            )
        )
        layout.addStretch(3)
        return page

    def _build_ask(self) -> QWidget:
        page, layout = self._page()
        self.ask_title = self._label(self._question(), "askTitle")
        self.ask_officer = self._label("", "askOfficer")
        self.question_box = QFrame()
        self.question_box.setObjectName("questionBox")
        box = QVBoxLayout(self.question_box)
        box.setContentsMargins(28, 18, 28, 18)
        caption = QLabel(self.tr("Your question"))
        caption.setObjectName("questionLabel")
        self.question_text = QLabel()
        self.question_text.setObjectName("questionText")
        self.question_text.setWordWrap(True)
        box.addWidget(caption)
        box.addWidget(self.question_text)
        faces = QHBoxLayout()
        faces.setSpacing(32)
        self.faces_row = faces
        self.face_buttons: list[QToolButton] = []
        self._fill_faces()
        layout.addStretch(1)
        layout.addWidget(self.ask_title)
        layout.addWidget(self.ask_officer)
        layout.addWidget(self.question_box)
        layout.addSpacing(16)
        layout.addLayout(faces)
        layout.addWidget(self._label(self.tr("Tap one face."), "askHint"))
        layout.addStretch(1)
        return page

    def _fill_faces(self) -> None:
        """One face per point of the kiosk's scale (again when the admin changes the scale)."""
        faces = self.faces_row
        for button in self.face_buttons:
            faces.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.face_buttons = []
        scale = self.kiosk.scale_max
        words = self._face_words(scale)
        for score in range(1, scale + 1):
            button = QToolButton()
            button.setObjectName("faceButton")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            colour, mouth = face_style(scale, score)
            button.setIcon(QIcon(face_pixmap(colour, mouth, 220)))
            button.setIconSize(QSize(170, 170))
            button.setText(words[score - 1])
            button.setMinimumSize(220, 250)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMaximumSize(340, 330)
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=score: self.tap(s))
            self.face_buttons.append(button)
            faces.addWidget(button)
        if self.face_keys is not None:  # a stand-alone kiosk: the new faces by keyboard too
            self.face_keys.set_buttons(self.face_buttons)
        self._size_faces()  # (to the window's size)

    def use_keyboard(self) -> None:
        """A stand-alone kiosk (its own PC, maybe a keyboard): the faces are reached with the
        arrow keys and chosen with Enter or Space. Never called beside an
        officer's window, where the screen takes no focus (``keep_keyboard_off``)."""
        if self.face_keys is None:
            self.face_keys = ButtonRow(self)
            self.survey_page.use_keyboard()
        self.face_keys.set_buttons(self.face_buttons)
        if self.kiosk.stage is Stage.ASKING:
            self._focus_a_face()

    def _focus_a_face(self) -> None:
        if self.face_keys is not None and self.face_buttons:
            self.face_buttons[(len(self.face_buttons) - 1) // 2].setFocus()

    def _question(self) -> str:
        return self.office_settings.rating_question or self.tr(
            "How satisfied are you with our service today?"
        )

    def follow_settings(self, what: str = "") -> None:
        """The admin changed the rating question or scale on some PC: show them at once.  An
        open question switches to the new faces before the next tap, so a tap is stored with
        the scale the visitor saw; a rating already given keeps the scale it was given on."""
        if what not in ("", "rating"):
            return
        try:
            fresh = office_settings(self.office.id, station_scale=self.settings.rating_scale)
        except DatabaseTrouble as exc:
            self._show_offline(first_line(exc))
            return
        self.office_settings = fresh
        self.ask_title.setText(self._question())
        if fresh.rating_scale != self.kiosk.scale_max:
            self.kiosk.scale_max = fresh.rating_scale
            self._fill_faces()
            if self.kiosk.stage is Stage.ASKING:
                for button in self.face_buttons:
                    button.setEnabled(True)
                    button.setChecked(False)

    def _face_words(self, scale: int) -> list[str]:
        if scale not in (4, 5):  # other scales: the number, with words at both ends
            words = [str(n) for n in range(1, scale + 1)]
            words[0] = f"1 · {self.tr('Very dissatisfied')}"
            words[-1] = f"{scale} · {self.tr('Very satisfied')}"
            return words
        if scale == 5:
            return [
                self.tr("Very dissatisfied"),
                self.tr("Dissatisfied"),
                self.tr("Neutral"),
                self.tr("Satisfied"),
                self.tr("Very satisfied"),
            ]
        return [
            self.tr("Very dissatisfied"),
            self.tr("Dissatisfied"),
            self.tr("Satisfied"),
            self.tr("Very satisfied"),
        ]

    def _build_comment(self) -> QWidget:
        page, layout = self._page()
        self.comment_title = self._label(self.tr("Thank you for your rating!"), "askTitle")
        self.comment_hint = self._label("", "askHint")
        chips = QGridLayout()
        chips.setSpacing(18)
        self.chip_buttons: list[QPushButton] = []
        for i, text in enumerate(
            (
                self.tr("Friendly officer"),
                self.tr("Clear explanation"),
                self.tr("Quick service"),
                self.tr("I found the data I need"),
                self.tr("Waited too long"),
                self.tr("Data not available yet"),
            )
        ):
            chip = QPushButton(text)
            chip.setObjectName("chipButton")
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.toggled.connect(self._restart_comment_timer)
            self.chip_buttons.append(chip)
            chips.addWidget(chip, i // 3, i % 3)
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setMaxLength(300)
        self.comment_edit.setPlaceholderText(self.tr("Your comment (optional)"))
        self.comment_edit.textEdited.connect(self._restart_comment_timer)
        self.comment_edit.returnPressed.connect(self.send_comment)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("bigPrimary")
        self.send_button.clicked.connect(self.send_comment)
        self.skip_button = QPushButton(self.tr("No, thank you"))
        self.skip_button.setObjectName("bigSecondary")
        self.skip_button.clicked.connect(self.skip_comment)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addSpacing(24)
        buttons.addWidget(self.send_button)
        buttons.addStretch(1)
        layout.addStretch(1)
        # after a low face: what went wrong, as IKM elements (instead of the chips above)
        self.reason_chips = ReasonChips(self._language())
        self.reason_chips.toggled.connect(self._restart_comment_timer)
        self.reason_chips.hide()
        layout.addWidget(self.comment_title)
        layout.addWidget(self.comment_hint)
        layout.addSpacing(12)
        layout.addLayout(chips)
        layout.addWidget(self.reason_chips)
        layout.addWidget(self.comment_edit)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _build_thanks(self) -> QWidget:
        page, layout = self._page()
        layout.addStretch(1)
        layout.addWidget(self._label(self.tr("Thank you!"), "thanksTitle"))
        self.thanks_text = self._label(
            self.tr("Your rating helps us serve you better."), "thanksText"
        )
        layout.addWidget(self.thanks_text)
        layout.addStretch(1)
        return page

    def _build_unlock(self) -> QWidget:
        page, layout = self._page()
        card = QFrame()
        card.setObjectName("unlockCard")
        card.setFixedWidth(560)
        self.unlock_card = card
        form = QVBoxLayout(card)
        form.setContentsMargins(32, 28, 32, 28)
        form.setSpacing(12)
        title = QLabel(self.tr("Close the rating screen"))
        title.setObjectName("unlockTitle")
        hint = QLabel(self.tr("Enter the kiosk PIN to close this screen."))
        hint.setWordWrap(True)
        self.unlock_pin = QLineEdit()
        self.unlock_pin.setObjectName("unlockField")
        self.unlock_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_pin.setMaxLength(8)
        self.unlock_pin.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self.unlock_pin)
        )
        self.unlock_pin.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
        )
        self.unlock_pin.setPlaceholderText(self.tr("Kiosk PIN"))
        self.unlock_pin.setAccessibleName(self.tr("Kiosk PIN"))
        self.unlock_pin.returnPressed.connect(self.try_unlock)
        self.unlock_error = QLabel()
        self.unlock_error.setObjectName("unlockError")
        self.unlock_error.setWordWrap(True)
        close = QPushButton(self.tr("Close screen"))
        close.setObjectName("bigPrimary")
        close.clicked.connect(self.try_unlock)
        back = QPushButton(self.tr("Back"))
        back.setObjectName("bigSecondary")
        back.clicked.connect(self.cancel_unlock)
        row = QHBoxLayout()
        row.addWidget(back)
        row.addWidget(close)
        for widget in (title, hint, self.unlock_pin, self.unlock_error):
            form.addWidget(widget)
        form.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return page

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        """Listen for this desk's finished visits; write any rating kept from before."""
        if self._owns_bus:
            self.bus.start()
        self.flush()
        self.check()
        self.flush_timer.start(FLUSH_MS)

    def check(self) -> None:
        """Ask the database whether to start (or stop) asking."""
        if self.pages.currentWidget() is self.unlock_page:
            return
        try:
            changed = self.kiosk.check()
        except DatabaseTrouble as exc:
            self._show_offline(first_line(exc))
            return
        if changed:
            self._show_stage()

    def _rating_requested(self, payload: dict) -> None:
        if payload.get("desk") != self.kiosk.desk_id:
            return
        prompt = self.kiosk.prompt
        survey_left = self.survey_page.active and prompt is not None
        if survey_left and payload.get("visit") != prompt.visit_id:
            # the officer finished the next visit: the survey's visitor has gone (what they
            # answered is sent); the next visitor is asked
            self.survey_page.finish_now()
            self.kiosk.idle()
            self._show_stage()
        self.check()

    def _rating_closed(self, payload: dict) -> None:
        prompt = self.kiosk.prompt
        if prompt is not None and payload.get("visit") == prompt.visit_id:
            self.check()

    def tap(self, score: int) -> None:
        delivery = self.kiosk.tap(score)
        if delivery is None:
            return  # a second tap, or no question on screen
        for button in self.face_buttons:
            button.setEnabled(False)
            button.setChecked(button is self.face_buttons[score - 1])
        self._score = score
        self.survey_page.ikm_answers = 0  # (the reasons ask about this visit's survey only)
        if delivery is Delivery.KEPT:
            self._show_offline("")
        elif self.kiosk.prompt is not None:
            # the office's survey, when this visit is asked (its form was read meanwhile)
            self.survey_page.begin(self.kiosk.prompt.visit_id)
        self._show_stage()

    def _survey_ready(self, visit_id: int) -> None:
        """The form came after the tap: start it if the visitor has not begun the comment."""
        prompt = self.kiosk.prompt
        untouched = not self.comment_edit.text() and not any(
            chip.isChecked() for chip in self.chip_buttons + self.reason_chips.buttons
        )
        if (
            self.kiosk.stage is Stage.COMMENT
            and prompt is not None
            and prompt.visit_id == visit_id
            and self.pages.currentWidget() is self.comment_page
            and untouched
            and self.survey_page.begin(visit_id)
        ):
            self._show_stage()

    def send_comment(self) -> None:
        if self.kiosk.stage is not Stage.COMMENT:
            return
        prompt = self.kiosk.prompt
        reasons = [] if self.reason_chips.isHidden() else self.reason_chips.chosen()
        if reasons and prompt is not None:
            # after the rating (which may still wait in its outbox: the reasons wait with it)
            self.survey_sender.reasons(
                prompt.visit_id, reasons, hold=self.kiosk.outbox.pending_visits()
            )
        shown = [chip for chip in self.chip_buttons if not chip.isHidden()]
        parts = [chip.text() for chip in shown if chip.isChecked()]
        typed = " ".join(self.comment_edit.text().split())
        if typed:
            parts.append(typed)
        if parts:
            self.kiosk.comment("; ".join(parts))
        else:
            self.kiosk.skip_comment()
        self._show_stage()

    def skip_comment(self) -> None:
        self.kiosk.skip_comment()
        self._show_stage()

    def flush(self) -> None:
        self.kiosk.outbox.flush()  # keeps what cannot be written yet
        # survey answers and reasons after it: a reason waits while its rating waits
        self.survey_sender.flush(hold=self.kiosk.outbox.pending_visits())
        self._offline_over()

    def _offline_over(self) -> None:
        """Hide the connection line when nothing waits any more."""
        if (
            self.bus.is_online
            and not self.kiosk.outbox.pending()
            and not self.survey_sender.waiting()
        ):
            self.status_line.hide()

    def _online(self, online: bool) -> None:
        if online:
            self.flush()
            self.check()
        else:
            self._show_offline(self.bus.offline_reason)

    def _show_offline(self, reason: str) -> None:
        del reason  # technical detail: not for the public screen
        self.status_line.setText(
            self.tr("Connection to the server lost. Ratings are kept and sent when it is back.")
        )
        self.status_line.show()

    def _show_stage(self) -> None:
        stage = self.kiosk.stage
        self.stage_timer.stop()
        if stage is Stage.IDLE:
            self.pages.setCurrentWidget(self.idle_page)
        elif stage is Stage.ASKING:
            self._fill_question()
            self.pages.setCurrentWidget(self.ask_page)
            self._focus_a_face()
            self.stage_timer.start(self.settings.rating_ask_seconds * 1000)
            if self.kiosk.prompt is not None:  # the survey's questions, read while it asks
                self.survey_page.prepare(self.kiosk.prompt.visit_id)
        elif stage is Stage.COMMENT and self.survey_page.active:
            self.pages.setCurrentWidget(self.survey_page)
            self.stage_timer.start(self.settings.rating_comment_seconds * 1000)
        elif stage is Stage.COMMENT:
            self._fill_comment()
            self.pages.setCurrentWidget(self.comment_page)
            self.stage_timer.start(self.settings.rating_comment_seconds * 1000)
        else:
            self.pages.setCurrentWidget(self.thanks_page)
            self.stage_timer.start(self.settings.rating_thanks_seconds * 1000)

    def _fill_comment(self) -> None:
        """The comment, empty; after a low face it asks what went wrong (IKM elements), unless
        the visitor has just scored the IKM's elements in the survey."""
        self.comment_edit.clear()
        for chip in self.chip_buttons + self.reason_chips.buttons:
            chip.setChecked(False)
        low = is_low_rating(self._score, self.kiosk.scale_max)
        reasons = low and self.survey_page.ikm_answers == 0
        self.reason_chips.set_language(self._language())
        self.reason_chips.setVisible(reasons)
        for chip in self.chip_buttons:
            chip.setVisible(not reasons)
        if reasons:
            self.comment_title.setText(self.tr("We are sorry. What went wrong?"))
            self.comment_hint.setText(
                self.tr("Tap what went wrong (one or more) or type a short comment (optional).")
            )
        else:
            self.comment_title.setText(self.tr("Thank you for your rating!"))
            self.comment_hint.setText(
                self.tr("Anything to add? Tap what fits or type a short comment (optional).")
            )

    def _language(self) -> str:
        """The screen's language for the survey's wording: the station's ("id" by default)."""
        return "en" if self.settings.language == "en" else "id"

    def _page_changed(self, _index: int) -> None:
        # the officer's Esc over a one-screen desk (``ui.visitor.overlay``) goes straight to
        # idle: a survey under way stops there, what was tapped is sent
        if self.pages.currentWidget() is self.idle_page and self.survey_page.active:
            self.survey_page.finish_now()

    def _fill_question(self) -> None:
        prompt = self.kiosk.prompt
        assert prompt is not None
        self.desk_label.setText(prompt.desk_name)
        officer = (
            self.tr("{desk} · served by {officer}").format(
                desk=prompt.desk_name, officer=prompt.officer_name
            )
            if prompt.officer_name
            else prompt.desk_name
        )
        self.ask_officer.setText(officer)
        self.question_text.setText(prompt.question)
        self.question_box.setVisible(bool(prompt.question))
        for button in self.face_buttons:
            button.setEnabled(True)
            button.setChecked(False)

    def _restart_comment_timer(self, *args) -> None:
        if self.kiosk.stage is Stage.COMMENT:
            self.stage_timer.start(self.settings.rating_comment_seconds * 1000)

    def _stage_timeout(self) -> None:
        stage = self.kiosk.stage
        if stage is Stage.COMMENT and self.survey_page.active:
            # the visitor walked away from the survey: what they answered is sent already
            self.survey_page.finish_now()
            self.kiosk.idle()
            self._show_stage()
            self.check()
            return
        if stage is Stage.COMMENT:
            self.send_comment()  # what was picked so far still counts
            return
        self.kiosk.idle()
        self._show_stage()
        # the officer may have finished the next visit while this one was thanked: its
        # request came when the screen was busy, so ask the database now (seen in the
        # office-day run: a quick officer's next visitor was never asked)
        self.check()

    # -- the kiosk lock -------------------------------------------------------------------------
    def ask_unlock(self) -> None:
        self.stage_timer.stop()
        self.unlock_pin.clear()
        self.unlock_error.clear()
        self.pages.setCurrentWidget(self.unlock_page)
        self.unlock_pin.setFocus()
        QTimer.singleShot(60_000, self._unlock_timeout)

    def _unlock_timeout(self) -> None:
        if self.pages.currentWidget() is self.unlock_page:
            self.cancel_unlock()

    def cancel_unlock(self) -> None:
        self.unlock_pin.clear()
        self._show_stage()

    def try_unlock(self) -> None:
        try:
            unlock(self.office.id, self.unlock_pin.text(), self.unlock_guard)
        except AuthenticationFailed as exc:
            self.unlock_pin.clear()
            self.unlock_error.setText(str(exc))
            return
        except DatabaseTrouble:
            self.unlock_pin.clear()
            self.unlock_error.setText(
                self.tr("The server cannot be reached; the PIN cannot be checked now.")
            )
            return
        self._unlocked = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.kiosk_mode and event.key() == Qt.Key.Key_Escape:
            event.accept()  # no way out for the public
            if self.pages.currentWidget() is self.unlock_page:
                self.cancel_unlock()
            return
        super().keyPressEvent(event)

    def release(self) -> None:
        """Close without the PIN: the officer of this desk signed out of their workspace."""
        self._unlocked = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._unlocked:
            event.ignore()  # Alt+F4 and the like
            self.ask_unlock()
            return
        self.stage_timer.stop()
        self.flush_timer.stop()
        self.survey_page.finish_now()
        self.survey_sender.wait(5000)  # the answers on their way reach the database or outbox
        if self._owns_bus:
            self.bus.stop()
        event.accept()
        self.closed.emit()

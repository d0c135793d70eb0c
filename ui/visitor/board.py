"""The waiting-room display board (``pst-desktop display``): a TV on any PC.

The number called now, large, with its desk; the last few calls; how many wait per service;
the date and time; an optional running text.  Each call (and each recall) chimes and is spoken
in Indonesian from the shipped clips (``pst_desktop.visitor.spoken_call``; the station may choose
the PC's own voice instead).  Only numbers and desk names: never a visitor's name.
The content comes from ``pst_desktop.visitor.board``; calls arrive through
``LiveBus.ticket_called``.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

import peewee as pw
from PySide6.QtCore import QDate, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.admin.administration import OfficeProfile, office_settings
from pst_desktop.core.clock import Clock
from pst_desktop.core.errors import DatabaseTrouble, first_line
from pst_desktop.core.settings import StationSettings
from pst_desktop.db.changes import LiveBus
from pst_desktop.visitor.board import RECENT_CALLS, BoardState, board_state, call_row
from pst_desktop.visitor.rating_screen import UnlockGuard
from pst_desktop.visitor.spoken_call import board_voice
from ui.accessibility import name_controls
from ui.style import BOARD_SHEET, ORANGE
from ui.visitor.announcer import Announcement, Announcer
from ui.visitor.board_lock import BoardUnlockDialog
from ui.visitor.screens import fit_to_screen, logo_pixmap, scaled

STYLE = BOARD_SHEET  # (ui.style)

TICKER_MS = 30
TICKER_STEP = 2  # pixels per tick: ~65 px/s
FLASH_TIMES = 6
#: an assisted call (the visitor may not see or hear it) flashes this much longer and
#: is spoken this many times
ASSISTED_FLASH_TIMES = 18
ASSISTED_SAID = 2


class RunningText(QWidget):
    """A line of text that scrolls from right to left, for ever."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self._offset = 0
        self.set_scale(1.0)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.setText(text)

    def set_scale(self, factor: float) -> None:
        """Text and band in proportion to the board (1.0 on 1920×1080)."""
        font = QFont(self.font())
        font.setPixelSize(max(12, round(34 * factor)))
        font.setBold(True)
        self.setFont(font)
        self.setFixedHeight(max(24, round(64 * factor)))

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._text = text
        self._offset = 0
        self.setVisible(bool(text))
        if text:
            self._timer.start(TICKER_MS)
        else:
            self._timer.stop()

    def _tick(self) -> None:
        width = QFontMetrics(self.font()).horizontalAdvance(self._text) + 120
        self._offset = (self._offset + TICKER_STEP) % (width + self.width())
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(ORANGE))
        painter.setPen(QColor("white"))
        x = self.width() - self._offset
        painter.drawText(x, 0, 10_000, self.height(), Qt.AlignmentFlag.AlignVCenter, self._text)
        painter.end()


class DisplayBoard(QWidget):
    """The board of one office."""

    refreshed = Signal()

    def __init__(
        self,
        db: pw.Database,
        office: OfficeProfile,
        clock: Clock,
        settings: StationSettings,
        *,
        bus: LiveBus | None = None,
        announcer: Announcer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("PST Desktop — Display board"))
        self.db = db
        self.office = office
        self.clock = clock
        self.settings = settings
        self._owns_bus = bus is None
        self.bus = bus or LiveBus(db, office.id, clock, self)
        self.announcer = announcer or Announcer(
            self, speech=settings.board_speech, voice=board_voice(settings)
        )
        self.state: BoardState | None = None
        self._flashes = 0
        self._zone = ZoneInfo(office.time_zone)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_banner())
        self.offline_line = QLabel()
        self.offline_line.setObjectName("offlineLine")
        self.offline_line.hide()
        layout.addWidget(self.offline_line)
        body = QHBoxLayout()
        self.body_row = body
        body.setContentsMargins(48, 36, 48, 24)
        body.setSpacing(36)
        body.addWidget(self._build_now(), 3)
        body.addWidget(self._build_recent(), 2)
        layout.addLayout(body, 1)
        layout.addWidget(self._build_waiting())
        self.ticker = RunningText(
            office_settings(
                office.id, station_running_text=settings.board_running_text
            ).board_running_text
        )
        layout.addWidget(self.ticker)
        # the window takes any size: what is in it scales with it (``_fit``)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._show_time)
        self.flash_timer = QTimer(self)
        self.flash_timer.timeout.connect(self._flash)
        quit_shortcut = QShortcut(QKeySequence("Ctrl+Shift+Q"), self)
        quit_shortcut.activated.connect(self.ask_unlock)  # the kiosk PIN first
        self.unlock_guard = UnlockGuard()  # wrong PINs in a row: a pause after five
        self.unlock_dialog: BoardUnlockDialog | None = None
        self.bus.queue_changed.connect(self.refresh)
        self.bus.ticket_called.connect(self._ticket_called)
        self.bus.online.connect(self._online)
        self._show_time()
        self._scale = 0.0
        self._fit()
        name_controls(self)  # a screen reader's names

    def ask_unlock(self) -> None:
        """Ctrl+Shift+Q: close the board, once the kiosk PIN is given (``unlock_dialog``)."""
        if self.unlock_dialog is not None and self.unlock_dialog.isVisible():
            return
        self.unlock_dialog = BoardUnlockDialog(self.office.id, self.unlock_guard, self)
        self.unlock_dialog.unlocked.connect(self.close)
        self.unlock_dialog.open()
        self.unlock_dialog.pin.setFocus()

    # -- sizes: fonts and cards follow the screen ----------------------------------------------
    def minimumSizeHint(self) -> QSize:
        return QSize(640, 360)  # everything in it scales to the window (``_fit``)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Fonts, logo, cards and margins in proportion to the window (fullscreen: the TV):
        designed for 1920×1080, from 1280×720 up to 4K."""
        factor = fit_to_screen(self, STYLE)
        if factor is None:
            return
        px = scaled(factor)

        self.logo_label.setPixmap(logo_pixmap(self.office.logo, px(84)))
        self.banner.layout().setContentsMargins(px(40), px(18), px(48), px(18))
        self.body_row.setContentsMargins(px(48), px(36), px(48), px(24))
        self.body_row.setSpacing(px(36))
        self.now_card.layout().setContentsMargins(px(40), px(36), px(40), px(36))
        self.recent_card.layout().setContentsMargins(px(36), px(30), px(36), px(30))
        self.waiting_grid.setContentsMargins(px(48), 0, px(48), px(28))
        self.waiting_grid.setHorizontalSpacing(px(24))
        self.ticker.set_scale(factor)

    # -- building -------------------------------------------------------------------------------
    def _build_banner(self) -> QWidget:
        banner = QWidget()
        banner.setObjectName("boardBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        logo = QLabel()
        self.logo_label = logo
        self.banner = banner
        logo.setPixmap(logo_pixmap(self.office.logo, 84))
        office = QLabel(self.office.name)
        office.setObjectName("boardOffice")
        subtitle = QLabel(self.tr("Integrated Statistical Services (PST) · Queue"))
        subtitle.setObjectName("boardSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(office)
        titles.addWidget(subtitle)
        self.time_label = QLabel()
        self.time_label.setObjectName("boardTime")
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.date_label = QLabel()
        self.date_label.setObjectName("boardDate")
        self.date_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        when = QVBoxLayout()
        when.setSpacing(0)
        when.addWidget(self.time_label)
        when.addWidget(self.date_label)
        row = QHBoxLayout(banner)
        row.setContentsMargins(40, 18, 48, 18)
        row.setSpacing(24)
        row.addWidget(logo)
        row.addLayout(titles, 1)
        row.addLayout(when)
        return banner

    def _centered(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label

    def _build_now(self) -> QWidget:
        self.now_card = QFrame()
        self.now_card.setObjectName("nowCard")
        card = QVBoxLayout(self.now_card)
        card.setContentsMargins(40, 36, 40, 36)
        card.setSpacing(0)
        card.addWidget(self._centered(self.tr("NOW CALLING"), "nowCaption"))
        card.addStretch(1)
        self.now_number = self._centered("", "nowNumber")
        self.now_desk = self._centered("", "nowDesk")
        self.now_service = self._centered("", "nowService")
        self.now_empty = self._centered(self.tr("Please wait for your number."), "nowEmpty")
        for label in (self.now_number, self.now_desk, self.now_service, self.now_empty):
            card.addWidget(label)
        card.addStretch(1)
        return self.now_card

    def _build_recent(self) -> QWidget:
        frame = QFrame()
        frame.setObjectName("recentCard")
        self.recent_card = frame
        column = QVBoxLayout(frame)
        column.setContentsMargins(36, 30, 36, 30)
        column.setSpacing(6)
        caption = QLabel(self.tr("Previous calls"))
        caption.setObjectName("recentCaption")
        column.addWidget(caption)
        self.recent_rows: list[tuple[QLabel, QLabel]] = []
        for _ in range(RECENT_CALLS):
            row = QFrame()
            row.setObjectName("recentRow")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 8, 0, 8)
            number = QLabel()
            number.setObjectName("recentNumber")
            desk = QLabel()
            desk.setObjectName("recentDesk")
            desk.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.addWidget(number)
            line.addWidget(desk, 1)
            self.recent_rows.append((number, desk))
            column.addWidget(row)
        self.recent_empty = QLabel(self.tr("No calls yet today."))
        self.recent_empty.setObjectName("recentEmpty")
        column.addWidget(self.recent_empty)
        # desks on a break, with their expected return (never the reason)
        self.break_line = QLabel()
        self.break_line.setObjectName("breakLine")
        self.break_line.setWordWrap(True)
        self.break_line.hide()
        column.addWidget(self.break_line)
        column.addStretch(1)
        return frame

    def _build_waiting(self) -> QWidget:
        holder = QWidget()
        self.waiting_grid = QGridLayout(holder)
        self.waiting_grid.setContentsMargins(48, 0, 48, 28)
        self.waiting_grid.setHorizontalSpacing(24)
        caption = QLabel(self.tr("Waiting"))
        caption.setObjectName("waitCaption")
        self.waiting_grid.addWidget(caption, 0, 0, 1, -1)
        self.waiting_chips: list[tuple[QLabel, QLabel, QLabel]] = []
        return holder

    def _waiting_chip(self) -> tuple[QLabel, QLabel, QLabel]:
        chip = QFrame()
        chip.setObjectName("waitChip")
        row = QHBoxLayout(chip)
        row.setContentsMargins(16, 12, 22, 12)
        row.setSpacing(16)
        prefix = QLabel()
        prefix.setObjectName("waitPrefix")
        name = QLabel()
        name.setObjectName("waitName")
        name.setWordWrap(True)
        count = QLabel()
        count.setObjectName("waitCount")
        row.addWidget(prefix)
        row.addWidget(name, 1)
        row.addWidget(count)
        self.waiting_grid.addWidget(chip, 1, len(self.waiting_chips))
        return prefix, name, count

    # -- running --------------------------------------------------------------------------------
    def start(self) -> None:
        if self._owns_bus:
            self.bus.start()
        self.refresh()
        self.clock_timer.start(1000)

    def stop(self) -> None:
        self.clock_timer.stop()
        self.flash_timer.stop()
        self.announcer.stop()
        if self._owns_bus:
            self.bus.stop()

    def refresh(self) -> None:
        try:
            state = board_state(
                self.office.id,
                self.clock.now(),
                station_running_text=self.settings.board_running_text,
            )
        except DatabaseTrouble as exc:
            self._online(False, first_line(exc))
            return
        self.state = state
        if state.running_text != self.ticker.text():  # the admin changed it
            self.ticker.setText(state.running_text)
        self._show(state)
        self.refreshed.emit()

    def _show(self, state: BoardState) -> None:
        current = state.current
        self.now_number.setText(current.code if current else "")
        self.now_desk.setText(current.desk_name if current else "")
        self.now_service.setText(current.service_name if current else "")
        for label in (self.now_number, self.now_desk, self.now_service):
            label.setVisible(current is not None)
        self.now_empty.setVisible(current is None)
        for i, (number, desk) in enumerate(self.recent_rows):
            call = state.recent[i] if i < len(state.recent) else None
            number.setText(call.code if call else "")
            desk.setText(call.desk_name if call else "")
            number.parentWidget().setVisible(call is not None)
        self.recent_empty.setVisible(not state.recent)
        self.break_line.setText(self.breaks_text(state))
        self.break_line.setVisible(bool(state.on_break))
        while len(self.waiting_chips) < len(state.waiting):
            self.waiting_chips.append(self._waiting_chip())
        for i, (prefix, name, count) in enumerate(self.waiting_chips):
            row = state.waiting[i] if i < len(state.waiting) else None
            prefix.parentWidget().setVisible(row is not None)
            if row is not None:
                prefix.setText(row.prefix)
                name.setText(row.service_name)
                count.setText(str(row.waiting))

    def _ticket_called(self, payload: dict) -> None:
        try:
            row = call_row(self.office.id, int(payload["visit"]))
        except DatabaseTrouble:
            return
        if row is None:
            return
        said = ASSISTED_SAID if row.assisted else 1  # assisted: said again, flashed longer
        self.announcer.announce(Announcement(row.visit_id, row.code, row.desk_name, said))
        self._flashes = ASSISTED_FLASH_TIMES if row.assisted else FLASH_TIMES
        self.flash_timer.start(350)

    def breaks_text(self, state: BoardState) -> str:
        """'On a break: Meja 2 (back 13:30)' for the desks on a break, "" for none."""
        parts = []
        for desk in state.on_break:
            if desk.expected_back is None:
                parts.append(desk.desk_name)
            else:
                back = desk.expected_back.astimezone(self._zone).strftime("%H:%M")
                parts.append(self.tr("{desk} (back {time})").format(desk=desk.desk_name, time=back))
        return self.tr("On a break: {desks}").format(desks=", ".join(parts)) if parts else ""

    def _flash(self) -> None:
        self._flashes -= 1
        on = self._flashes > 0 and self._flashes % 2 == 1
        self.now_card.setProperty("flash", on)
        self.now_card.style().unpolish(self.now_card)
        self.now_card.style().polish(self.now_card)
        if self._flashes <= 0:
            self.flash_timer.stop()

    def _online(self, online: bool, reason: str = "") -> None:
        del reason
        if online:
            self.offline_line.hide()
        else:
            self.offline_line.setText(
                self.tr("Connection to the server lost; the board updates again when it is back.")
            )
            self.offline_line.show()

    def _show_time(self) -> None:
        now = self.clock.now().astimezone(self._zone)
        self.time_label.setText(now.strftime("%H:%M"))
        self.date_label.setText(
            QLocale().toString(QDate(now.year, now.month, now.day), "dddd, d MMMM yyyy")
        )

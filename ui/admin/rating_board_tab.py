"""The rating and board tab: the rating question and scale, the kiosk PIN and the board's
running text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from pst_desktop.admin import administration as adm
from ui.admin.base import AdminTab, form_card, two_cards
from ui.widgets import field_label


@dataclass(frozen=True)
class _RatingRead:
    settings: adm.OfficeSettings
    kiosk_pin_set: bool


class RatingBoardTab(AdminTab):
    def __init__(self, actor, admin, calls, station_scale: int, station_text: str, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.station_scale, self.station_text = station_scale, station_text
        self.question = QLineEdit()
        self.scale = QSpinBox()
        self.scale.setRange(adm.RATING_SCALE_MIN, adm.RATING_SCALE_MAX)
        self.save_rating_button = QPushButton(self.tr("&Save rating"))
        self.save_rating_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Question"), self.question), 0, 0)
        grid.addWidget(self.question, 0, 1)
        grid.addWidget(field_label(self.tr("S&cale: 1 to"), self.scale), 1, 0)
        grid.addWidget(self.scale, 1, 1, Qt.AlignmentFlag.AlignLeft)
        hint = QLabel(
            self.tr(
                "Offices use 1–4, 1–5 or 1–6. Ratings already given keep their own scale; "
                "reports map them onto the most used one."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 2, 0, 1, 2)
        self.kiosk_pin = QLineEdit()
        self.kiosk_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.kiosk_pin.setMaxLength(8)
        self.kiosk_pin.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,8}"), self.kiosk_pin)
        )
        self.kiosk_pin.setPlaceholderText(self.tr("4 to 8 digits; blank keeps it unchanged"))
        self.kiosk_pin_state = QLabel()
        self.kiosk_pin_state.setObjectName("cardHint")
        self.kiosk_pin_state.setWordWrap(True)
        self.save_pin_button = QPushButton(self.tr("Save kiosk P&IN"))
        grid.addWidget(field_label(self.tr("&Kiosk PIN"), self.kiosk_pin), 3, 0)
        grid.addWidget(self.kiosk_pin, 3, 1)
        grid.addWidget(self.kiosk_pin_state, 4, 0, 1, 2)
        rating = form_card(
            grid, [self.save_rating_button, self.save_pin_button], self.tr("Rating screen")
        )

        self.running_text = QPlainTextEdit()
        self.running_text.setFixedHeight(90)
        self.counter = QLabel()
        self.counter.setObjectName("cardHint")
        self.save_text_button = QPushButton(self.tr("Save running &text"))
        self.save_text_button.setObjectName("primaryButton")
        board_grid = QGridLayout()
        board_grid.addWidget(field_label(self.tr("&Running text"), self.running_text), 0, 0)
        board_grid.addWidget(self.running_text, 1, 0)
        board_grid.addWidget(self.counter, 2, 0)
        board = form_card(board_grid, [self.save_text_button], self.tr("Display board"))
        two_cards(self, self.message, rating, board, (1, 1))
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.save_rating_button.clicked.connect(self.save_rating)
        self.save_pin_button.clicked.connect(self.save_pin)
        self.kiosk_pin.returnPressed.connect(self.save_pin)
        self.save_text_button.clicked.connect(self.save_text)
        self.running_text.textChanged.connect(self._count)

    def read(self):
        office_id, scale, text = self.actor.office_id, self.station_scale, self.station_text
        return lambda: _RatingRead(
            adm.office_settings(office_id, station_scale=scale, station_running_text=text),
            adm.kiosk_pin_set(office_id),
        )

    def show_read(self, read: _RatingRead) -> None:
        current = read.settings
        self.question.setText(current.rating_question)
        self.scale.setValue(current.rating_scale)
        self.running_text.setPlainText(current.board_running_text)
        self._count()
        self.kiosk_pin.clear()
        self.kiosk_pin_state.setText(
            self.tr("A kiosk PIN is set; a supervisor types it to close the rating screen.")
            if read.kiosk_pin_set
            else self.tr("No kiosk PIN is set yet: nobody can close the rating screen.")
        )

    def _count(self) -> None:
        n = len(" ".join(self.running_text.toPlainText().split()))
        self.counter.setText(
            self.tr("{n} of {max} characters").format(n=n, max=adm.RUNNING_TEXT_MAX)
        )

    def save_rating(self) -> None:
        actor, admin = self.actor, self.admin
        question, scale = self.question.text(), self.scale.value()
        self.calls.submit(
            "save rating",
            lambda: admin.save_rating(actor, question=question, scale=scale),
            self.saved(self.tr("The rating question and scale are saved.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def save_pin(self) -> None:
        pin = self.kiosk_pin.text()
        if not pin:  # blank: keep the PIN as it is
            self.show_message(self.tr("The kiosk PIN is unchanged."))
            return
        actor, admin = self.actor, self.admin
        self.calls.submit(
            "save kiosk PIN",
            lambda: admin.save_kiosk_pin(actor, pin),
            self.saved(self.tr("The kiosk PIN is saved; the rating screens ask for it.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )
        self.kiosk_pin.clear()

    def save_text(self) -> None:
        actor, admin, text = self.actor, self.admin, self.running_text.toPlainText()
        self.calls.submit(
            "save running text",
            lambda: admin.save_running_text(actor, text),
            self.saved(self.tr("The running text is saved; the display boards show it.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

"""The office tab: the office's profile (name, address, time zone, logo), the priority rule's
N and M and the service hours."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.admin import administration as adm
from pst_desktop.admin.administration import KEEP_LOGO, OfficeProfile
from pst_desktop.core.errors import ValidationError
from pst_desktop.visits.priority import PriorityRule, priority_rule
from ui.admin.base import AdminTab, form_card, two_cards
from ui.widgets import field_label

FileChooser = Callable[[], Path | None]
TIME_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


@dataclass(frozen=True)
class _OfficeRead:
    profile: OfficeProfile
    week: dict[int, tuple[dt.time, dt.time]]
    rule: PriorityRule


class OfficeTab(AdminTab):
    def __init__(self, actor, admin, calls, choose_logo: FileChooser | None = None, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.choose_logo: FileChooser = choose_logo or self._ask_logo
        self.logo: bytes | object | None = KEEP_LOGO
        self.name = QLineEdit()
        self.address = QPlainTextEdit()
        self.address.setFixedHeight(64)
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        for zone in TIME_ZONES:
            self.time_zone.addItem(zone)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(96, 96)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Choose &logo…"))
        self.remove_logo_button = QPushButton(self.tr("Remo&ve logo"))
        self.save_profile_button = QPushButton(self.tr("&Save office"))
        self.save_profile_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("Office &name"), self.name), 0, 0)
        grid.addWidget(self.name, 0, 1, 1, 2)
        grid.addWidget(field_label(self.tr("&Address"), self.address), 1, 0)
        grid.addWidget(self.address, 1, 1, 1, 2)
        grid.addWidget(field_label(self.tr("&Time zone"), self.time_zone), 2, 0)
        grid.addWidget(self.time_zone, 2, 1, 1, 2)
        grid.addWidget(QLabel(self.tr("Logo")), 3, 0)
        grid.addWidget(self.logo_preview, 3, 1, 2, 1)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        grid.addLayout(logo_buttons, 3, 2, 2, 1)
        logo_hint = QLabel(self.tr("PNG or JPEG, at most 512 KB; printed on tickets and reports."))
        logo_hint.setObjectName("cardHint")
        logo_hint.setWordWrap(True)
        grid.addWidget(logo_hint, 5, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        profile = form_card(grid, [self.save_profile_button], self.tr("Office profile"))

        # the priority rule: whole numbers typed, the service's sentences if not
        self.max_in_row = QLineEdit()
        self.max_in_row.setObjectName("priorityMaxInRow")
        self.normal_max_wait = QLineEdit()
        self.normal_max_wait.setObjectName("priorityNormalMaxWait")
        for edit in (self.max_in_row, self.normal_max_wait):
            edit.setMaximumWidth(80)
        rule = QGridLayout()  # each label over its field: a narrow third column
        rule.addWidget(field_label(self.tr("Priority calls in a &row (N)"), self.max_in_row), 0, 0)
        rule.addWidget(self.max_in_row, 1, 0)
        rule.addWidget(
            field_label(
                self.tr("A normal ticket goes first after (M, minutes)"), self.normal_max_wait
            ),
            2,
            0,
        )
        rule.addWidget(self.normal_max_wait, 3, 0)
        rule_hint = QLabel(
            self.tr(
                "Priority tickets (disability, elderly, pregnant, with a small child) are called "
                "first, at most N in a row while a normal ticket waits; a normal ticket that has "
                "waited longer than M minutes is called before them."
            )
        )
        rule_hint.setObjectName("cardHint")
        rule_hint.setWordWrap(True)
        rule.addWidget(rule_hint, 4, 0)
        rule.setColumnStretch(0, 1)
        self.save_rule_button = QPushButton(self.tr("Save &priority rule"))
        self.save_rule_button.setObjectName("primaryButton")
        rule_card = form_card(rule, [self.save_rule_button], self.tr("Priority service"))

        self.days: dict[int, tuple[QCheckBox, QTimeEdit, QTimeEdit]] = {}
        hours = QGridLayout()
        hours.addWidget(QLabel(self.tr("Opens")), 0, 1)
        hours.addWidget(QLabel(self.tr("Closes")), 0, 2)
        names = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        for weekday, name in enumerate(names):
            box = QCheckBox(name)
            opens, closes = QTimeEdit(), QTimeEdit()
            for edit in (opens, closes):
                edit.setDisplayFormat("HH:mm")
            opens.setAccessibleName(self.tr("{day}: opens at").format(day=name))
            closes.setAccessibleName(self.tr("{day}: closes at").format(day=name))
            hours.addWidget(box, weekday + 1, 0)
            hours.addWidget(opens, weekday + 1, 1)
            hours.addWidget(closes, weekday + 1, 2)
            self.days[weekday] = (box, opens, closes)
        hours_hint = QLabel(
            self.tr(
                "SOP: Mon–Thu 08:00–15:30, Fri 08:00–16:00, no break. Outside the hours "
                "visitors are served by appointment only."
            )
        )
        hours_hint.setObjectName("cardHint")
        hours_hint.setWordWrap(True)
        hours.addWidget(hours_hint, 8, 0, 1, 3)
        self.save_hours_button = QPushButton(self.tr("Save &hours"))
        self.save_hours_button.setObjectName("primaryButton")
        hours_card = form_card(hours, [self.save_hours_button], self.tr("Service hours"))

        # the hours and the priority rule side by side right of the profile (fits 1280×720)
        right = QWidget()
        right_row = QHBoxLayout(right)
        right_row.setContentsMargins(0, 0, 0, 0)
        right_row.setSpacing(14)
        right_row.addWidget(hours_card, 1)
        right_row.addWidget(rule_card, 1)
        two_cards(self, self.message, profile, right, (3, 4))
        self._connect_signals()
        self.reload()

    def _connect_signals(self) -> None:
        self.save_profile_button.clicked.connect(self.save_profile)
        self.save_hours_button.clicked.connect(self.save_hours)
        self.save_rule_button.clicked.connect(self.save_rule)
        self.logo_button.clicked.connect(self.pick_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        for box, opens, closes in self.days.values():
            box.toggled.connect(opens.setEnabled)
            box.toggled.connect(closes.setEnabled)

    def read(self):
        office_id = self.actor.office_id
        return lambda: _OfficeRead(
            adm.office_profile(office_id), adm.hours(office_id), priority_rule(office_id)
        )

    def show_read(self, read: _OfficeRead) -> None:
        office = read.profile
        self.name.setText(office.name)
        self.address.setPlainText(office.address)
        self.time_zone.setCurrentText(office.time_zone)
        self.logo = KEEP_LOGO
        self._preview(office.logo)
        self.max_in_row.setText(str(read.rule.max_in_row))
        self.normal_max_wait.setText(str(read.rule.normal_max_wait_minutes))
        week = read.week
        for weekday, (box, opens, closes) in self.days.items():
            span = week.get(weekday)
            box.setChecked(span is not None)
            opens.setEnabled(span is not None)
            closes.setEnabled(span is not None)
            first, last = span or (dt.time(8, 0), dt.time(15, 30))
            opens.setTime(QTime(first.hour, first.minute))
            closes.setTime(QTime(last.hour, last.minute))

    def _preview(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    88,
                    88,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("no logo"))

    def _ask_logo(self) -> Path | None:  # pragma: no cover - a real dialog
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the logo"), "", self.tr("Pictures (*.png *.jpg *.jpeg)")
        )
        return Path(name) if name else None

    def pick_logo(self) -> None:
        path = self.choose_logo()
        if path is None:
            return
        data = Path(path).read_bytes()
        try:
            adm.check_logo(data)
        except ValidationError as exc:
            self.show_message("\n".join(exc.fields.values()), "error")
            return
        self.logo = data
        self._preview(data)
        self.show_message(self.tr("Logo chosen; save the office to keep it."))

    def remove_logo(self) -> None:
        self.logo = None
        self._preview(None)

    def save_profile(self) -> None:
        actor, admin = self.actor, self.admin
        values = dict(
            name=self.name.text(),
            address=self.address.toPlainText(),
            time_zone=self.time_zone.currentText(),
            logo=self.logo,
        )
        self.calls.submit(
            "save office profile",
            lambda: admin.save_profile(actor, **values),
            self.saved(self.tr("The office profile is saved.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def save_rule(self) -> None:
        """The priority rule's N and M, checked by the service (its sentences if not)."""
        actor, admin = self.actor, self.admin
        n, m = self.max_in_row.text(), self.normal_max_wait.text()
        self.calls.submit(
            "save priority rule",
            lambda: admin.save_priority_rule(actor, max_in_row=n, normal_max_wait_minutes=m),
            self.saved(self.tr("The priority rule is saved; call next follows it now.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def week(self) -> dict[int, tuple[dt.time, dt.time] | None]:
        return {
            weekday: (opens.time().toPython(), closes.time().toPython())
            if box.isChecked()
            else None
            for weekday, (box, opens, closes) in self.days.items()
        }

    def save_hours(self) -> None:
        actor, admin, week = self.actor, self.admin, self.week()
        self.calls.submit(
            "save service hours",
            lambda: admin.save_hours(actor, week),
            self.saved(self.tr("The service hours are saved.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

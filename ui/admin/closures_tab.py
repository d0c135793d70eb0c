"""The closure days tab: the year's holidays and the office's own closed or open days."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from pst_desktop.admin import administration as adm
from ui.admin.base import AdminTab, form_card, table_and_card, table_view
from ui.style import BLUE, OK_BACKGROUND
from ui.tables import Column, RowsModel
from ui.widgets import field_label


class ClosuresTab(AdminTab):
    def __init__(self, actor, admin, calls, today: dt.date, parent=None):
        super().__init__(actor, admin, calls, parent)
        self.today = today
        self.model = RowsModel(
            [
                Column(self.tr("Date"), self._date, 150, bold=True),
                Column(self.tr("Holiday / cuti bersama"), lambda e: e.holiday),
                Column(self.tr("Office"), self._office, 150),
                Column(self.tr("Reason"), lambda e: e.reason, 200),
            ],
            background=lambda e: OK_BACKGROUND if not e.closed else None,
            foreground=lambda e: BLUE if e.office_override else None,
        )
        self.table = table_view(self.model)
        self.table.setAccessibleName(self.tr("Closure days"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.day = QDateEdit(QDate(today.year, today.month, today.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Office closed"), True)
        self.kind.addItem(self.tr("Office open (on a listed holiday)"), False)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. decree number or office event"))
        self.add_button = QPushButton(self.tr("&Add day"))
        self.add_button.setObjectName("primaryButton")
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        grid = QGridLayout()
        grid.addWidget(field_label(self.tr("&Year shown"), self.year), 0, 0)
        grid.addWidget(self.year, 0, 1)
        grid.addWidget(field_label(self.tr("&Date"), self.day), 1, 0)
        grid.addWidget(self.day, 1, 1)
        grid.addWidget(field_label(self.tr("&The office is"), self.kind), 2, 0)
        grid.addWidget(self.kind, 2, 1)
        grid.addWidget(field_label(self.tr("Rea&son"), self.reason), 3, 0)
        grid.addWidget(self.reason, 3, 1)
        hint = QLabel(
            self.tr(
                "The list shows the year's national holidays and cuti bersama with the "
                "office's own days on top. Working days and the online 3-day limit follow it."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        grid.addWidget(hint, 4, 0, 1, 2)
        card = form_card(grid, [self.add_button, self.remove_button], self.tr("Office day"))
        self.setLayout(table_and_card(self.table, card, self.message, self.tr("Closure days")))
        self._connect_signals()
        self.reload()

    def _date(self, entry) -> str:
        weekdays = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        return f"{weekdays[entry.day.weekday()]} {entry.day:%d/%m/%Y}"

    def _office(self, entry) -> str:
        if not entry.office_override:
            return self.tr("closed (national)")
        return self.tr("closed") if entry.closed else self.tr("open")

    def _connect_signals(self) -> None:
        self.year.valueChanged.connect(self._year_changed)
        self.add_button.clicked.connect(self.add_day)
        self.remove_button.clicked.connect(self.remove_day)

    def _year_changed(self, _year: int) -> None:
        self.reload()  # a lost connection goes to the band, never the crash handler

    def read(self):
        office_id, year = self.actor.office_id, self.year.value()
        return lambda: adm.year_calendar(office_id, year)

    def show_read(self, entries: list[adm.CalendarEntry]) -> None:
        self.model.set_rows(entries)

    def add_day(self) -> None:
        day = self.day.date().toPython()
        if day.year != self.year.value():
            self.year.setValue(day.year)
        actor, admin = self.actor, self.admin
        reason, closed = self.reason.text(), bool(self.kind.currentData())
        self.calls.submit(
            "add closure day",
            lambda: admin.add_closure(actor, day, reason, closed=closed),
            self.saved(
                self.tr("{date} is added to the office's days.").format(date=f"{day:%d/%m/%Y}"),
                lambda _value: self.reason.clear(),
            ),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def remove_day(self) -> None:
        entry = self.selected(self.table, self.model)
        if entry is None or not entry.office_override:
            self.show_message(
                self.tr("Select one of the office's own days (in blue) to remove it."), "error"
            )
            return
        actor, admin = self.actor, self.admin
        self.calls.submit(
            "remove closure day",
            lambda: admin.remove_closure(actor, entry.day),
            self.saved(
                self.tr("{date} is removed from the office's days.").format(
                    date=f"{entry.day:%d/%m/%Y}"
                )
            ),
            on_refused=self.refused,
            on_lost=self.lost,
        )

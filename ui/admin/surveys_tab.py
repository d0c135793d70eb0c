"""The surveys tab: which survey the visitor screens run (IKM, SKD, both or none), for which
period and for whom (every finished visit, one visit in N, only visitors not asked yet this
year), how many working days a follow-up has, and the SKD's attributes (added, reworded in
Indonesian and English, reordered, retired and brought back).  The IKM's nine elements are
shown as the regulation has them, read only: nothing here edits them, and the service refuses
any edit (``pst_desktop.admin.survey_settings``)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from models.entities import SurveyAudience, SurveyChoice
from pst_desktop.admin import survey_settings as ss
from pst_desktop.visitor.instruments import IKM_ELEMENTS
from ui import style
from ui.admin.base import AdminTab
from ui.tables import Column, RowsModel, table_view
from ui.widgets import ChoiceBox, field_label


@dataclass(frozen=True)
class SurveysRead:
    settings: ss.SurveySettings
    attributes: list[ss.SkdAttributeRow]


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("card")
    heading = QLabel(title)
    heading.setObjectName("sectionTitle")
    inner = QVBoxLayout(card)
    inner.setContentsMargins(16, 10, 16, 10)
    inner.setSpacing(8)
    inner.addWidget(heading)
    return card, inner


class SurveysTab(AdminTab):
    def __init__(self, actor, admin, calls, surveys: ss.SurveySettingsService, today: dt.date,
                 language: str = "id", parent=None):  # fmt: skip
        super().__init__(actor, admin, calls, parent)
        self.surveys, self.today, self.language = surveys, today, language
        # the attribute to select once the list is read again (after a change)
        self.select_after: str | None = None
        self.attributes: list[ss.SkdAttributeRow] = []
        settings_card = self._settings_card()
        ikm_card = self._ikm_card()
        skd_card = self._skd_card()
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(settings_card)
        left.addWidget(ikm_card, 1)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addLayout(left, 5)
        row.addWidget(skd_card, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.message)
        layout.addLayout(row, 1)
        self._connect_signals()
        self._audience_changed()
        self.reload()

    # == building ================================================================================
    def _settings_card(self) -> QFrame:
        card, inner = _card(self.tr("Survey on the visitor screens"))
        self.survey = ChoiceBox()
        for text, choice in (
            (self.tr("No survey"), SurveyChoice.NONE),
            (self.tr("IKM"), SurveyChoice.IKM),
            (self.tr("SKD"), SurveyChoice.SKD),
            (self.tr("IKM and SKD"), SurveyChoice.BOTH),
        ):
            self.survey.addItem(text, choice.value)
        self.from_box = QCheckBox(self.tr("&From"))
        self.starts_on = self._date_edit()
        self.until_box = QCheckBox(self.tr("&Until"))
        self.ends_on = self._date_edit()
        self.starts_on.setAccessibleName(self.tr("The survey runs from"))
        self.ends_on.setAccessibleName(self.tr("The survey runs until"))
        self.audience = ChoiceBox()
        for text, audience in (
            (self.tr("Every finished visit"), SurveyAudience.EVERY),
            (self.tr("One visit in N"), SurveyAudience.ONE_IN_N),
            (self.tr("Visitors not asked yet this year"), SurveyAudience.NOT_ASKED_THIS_YEAR),
        ):
            self.audience.addItem(text, audience.value)
        self.one_in = QSpinBox()
        self.one_in.setRange(2, ss.ONE_IN_MAX)
        self.one_in.setValue(5)
        self.follow_up_days = QSpinBox()
        self.follow_up_days.setRange(1, ss.FOLLOW_UP_DAYS_MAX)
        self.follow_up_days.setValue(ss.DEFAULT_FOLLOW_UP_DAYS)
        self.save_button = QPushButton(self.tr("&Save survey settings"))
        self.save_button.setObjectName("primaryButton")
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        grid.addWidget(field_label(self.tr("Sur&vey"), self.survey), 0, 0)
        grid.addWidget(self.survey, 0, 1, 1, 4)
        period = QLabel(self.tr("Period"))
        period.setObjectName("fieldLabel")
        grid.addWidget(period, 1, 0)
        grid.addWidget(self.from_box, 1, 1)
        grid.addWidget(self.starts_on, 1, 2)
        grid.addWidget(self.until_box, 1, 3)
        grid.addWidget(self.ends_on, 1, 4)
        grid.addWidget(field_label(self.tr("&Who is asked"), self.audience), 2, 0)
        grid.addWidget(self.audience, 2, 1, 1, 2)
        grid.addWidget(field_label(self.tr("&N ="), self.one_in), 2, 3, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.one_in, 2, 4)
        grid.addWidget(
            field_label(self.tr("Follow-up &due in (working days)"), self.follow_up_days),
            3,
            0,
            1,
            3,
        )
        grid.addWidget(self.follow_up_days, 3, 4)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(4, 1)
        inner.addLayout(grid)
        hint = QLabel(
            self.tr(
                "A low rating, a comment or a need not met opens a follow-up, due after this "
                "many working days (weekends, holidays and cuti bersama skipped)."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        inner.addWidget(hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        inner.addLayout(buttons)
        return card

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        return edit

    def _ikm_card(self) -> QFrame:
        card, inner = _card(self.tr("IKM elements (PermenPANRB 14/2017)"))
        self.ikm_box = QFrame()
        grid = QGridLayout(self.ikm_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(2)
        half = (len(IKM_ELEMENTS) + 1) // 2
        self.ikm_labels: list[QLabel] = []
        for index, element in enumerate(IKM_ELEMENTS):
            label = QLabel(f"{element.code} · {element.name(self.language)}")
            label.setWordWrap(True)
            label.setToolTip(element.question(self.language))
            column, row = divmod(index, half)
            grid.addWidget(label, row, column)
            self.ikm_labels.append(label)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        inner.addWidget(self.ikm_box)
        self.ikm_fixed = QLabel(ss.ikm_is_fixed_message())
        self.ikm_fixed.setObjectName("cardHint")
        self.ikm_fixed.setWordWrap(True)
        inner.addWidget(self.ikm_fixed)
        inner.addStretch(1)
        return card

    def _skd_card(self) -> QFrame:
        card, inner = _card(self.tr("SKD attributes"))
        self.model: RowsModel[ss.SkdAttributeRow] = RowsModel(
            [
                Column(self.tr("No."), self._number, 48, centre=True),
                Column(self.tr("Indonesian"), lambda a: a.label_id),
                Column(self.tr("English"), lambda a: a.label_en),
                Column(self.tr("State"), self._state, 96),
            ],
            foreground=lambda a: None if a.active else style.FAINT,
            tooltip=lambda a: f"{a.label_id}\n{a.label_en}",
            key=lambda a: a.code,
        )
        self.table = table_view(self.model)
        self.table.setAccessibleName(self.tr("SKD attributes"))
        self.table.setWordWrap(False)
        self.label_id = QLineEdit()
        self.label_id.setPlaceholderText(self.tr("The attribute as the form says it"))
        self.label_en = QLineEdit()
        self.label_en.setPlaceholderText(self.tr("The same in English"))
        self.add_button = QPushButton(self.tr("&Add as new"))
        self.save_attribute_button = QPushButton(self.tr("Save &changes"))
        self.save_attribute_button.setObjectName("primaryButton")
        self.up_button = QPushButton(self.tr("Move u&p"))
        self.down_button = QPushButton(self.tr("Move do&wn"))
        self.retire_button = QPushButton(self.tr("&Retire"))
        self.retire_button.setToolTip(self.tr("No longer asked; its answers stay in the reports"))
        self.restore_button = QPushButton(self.tr("Ask ag&ain"))
        form = QGridLayout()
        form.setVerticalSpacing(6)
        form.addWidget(field_label(self.tr("&Indonesian"), self.label_id), 0, 0)
        form.addWidget(self.label_id, 0, 1)
        form.addWidget(field_label(self.tr("&English"), self.label_en), 1, 0)
        form.addWidget(self.label_en, 1, 1)
        form.setColumnStretch(1, 1)
        buttons = QGridLayout()
        buttons.setHorizontalSpacing(6)
        for column, button in enumerate(
            (self.up_button, self.down_button, self.retire_button, self.restore_button)
        ):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.add_button, 1, 0, 1, 2)
        buttons.addWidget(self.save_attribute_button, 1, 2, 1, 2)
        inner.addWidget(self.table, 1)
        inner.addLayout(form)
        inner.addLayout(buttons)
        return card

    def _number(self, attribute: ss.SkdAttributeRow) -> str:
        active = [a for a in self.attributes if a.active]
        return str(active.index(attribute) + 1) if attribute in active else "–"

    def _state(self, attribute: ss.SkdAttributeRow) -> str:
        return self.tr("asked") if attribute.active else self.tr("retired")

    def _connect_signals(self) -> None:
        self.from_box.toggled.connect(self.starts_on.setEnabled)
        self.until_box.toggled.connect(self.ends_on.setEnabled)
        self.audience.currentIndexChanged.connect(self._audience_changed)
        self.save_button.clicked.connect(self.save_settings)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        self.add_button.clicked.connect(self.add_attribute)
        self.save_attribute_button.clicked.connect(self.save_attribute)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.retire_button.clicked.connect(lambda: self.set_asked(False))
        self.restore_button.clicked.connect(lambda: self.set_asked(True))

    def _audience_changed(self, *_args) -> None:
        self.one_in.setEnabled(self.audience.currentData() == SurveyAudience.ONE_IN_N.value)

    # == reading =================================================================================
    def read(self):
        office_id = self.actor.office_id
        return lambda: SurveysRead(
            ss.survey_settings(office_id), ss.skd_attributes(include_retired=True)
        )

    def show_read(self, read: SurveysRead) -> None:
        self.show_settings(read.settings)
        selected = self.selected(self.table, self.model)
        keep = self.select_after or (selected.code if selected else None)
        self.select_after = None
        self.attributes = list(read.attributes)
        self.model.set_rows(self.attributes)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._enable_attribute_buttons()

    def show_settings(self, settings: ss.SurveySettings) -> None:
        self.survey.setCurrentIndex(self.survey.findData(settings.survey.value))
        for box, edit, day in (
            (self.from_box, self.starts_on, settings.starts_on),
            (self.until_box, self.ends_on, settings.ends_on),
        ):
            box.setChecked(day is not None)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        self.audience.setCurrentIndex(self.audience.findData(settings.audience.value))
        if settings.audience is SurveyAudience.ONE_IN_N:
            self.one_in.setValue(settings.one_in)
        self.follow_up_days.setValue(settings.follow_up_days)

    def settings_typed(self) -> ss.SurveySettings:
        audience = SurveyAudience(self.audience.currentData())
        return ss.SurveySettings(
            survey=SurveyChoice(self.survey.currentData()),
            starts_on=self.starts_on.date().toPython() if self.from_box.isChecked() else None,
            ends_on=self.ends_on.date().toPython() if self.until_box.isChecked() else None,
            audience=audience,
            one_in=self.one_in.value() if audience is SurveyAudience.ONE_IN_N else 1,
            follow_up_days=self.follow_up_days.value(),
        )

    # == writing =================================================================================
    def save_settings(self) -> None:
        actor, surveys, settings = self.actor, self.surveys, self.settings_typed()
        self.calls.submit(
            "save survey settings",
            lambda: surveys.save(actor, settings),
            self.saved(self.tr("The survey settings are saved; the visitor screens follow them.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def _picked(self, *_args) -> None:
        attribute = self.selected(self.table, self.model)
        if attribute is not None:
            self.label_id.setText(attribute.label_id)
            self.label_en.setText(attribute.label_en)
        self._enable_attribute_buttons()

    def _enable_attribute_buttons(self) -> None:
        attribute = self.selected(self.table, self.model)
        active = [a for a in self.attributes if a.active]
        chosen = attribute is not None
        self.save_attribute_button.setEnabled(chosen)
        self.retire_button.setEnabled(chosen and attribute.active)
        self.restore_button.setEnabled(chosen and not attribute.active)
        self.up_button.setEnabled(chosen and attribute.active and attribute != active[0])
        self.down_button.setEnabled(chosen and attribute.active and attribute != active[-1])

    def _pick_first(self) -> ss.SkdAttributeRow | None:
        attribute = self.selected(self.table, self.model)
        if attribute is None:
            self.show_message(self.tr("Select an attribute in the list first."), "error")
        return attribute

    def add_attribute(self) -> None:
        actor, surveys = self.actor, self.surveys
        label_id, label_en = self.label_id.text(), self.label_en.text()

        def added(row: ss.SkdAttributeRow) -> None:
            self.select_after = row.code

        self.calls.submit(
            "add SKD attribute",
            lambda: surveys.save_attribute(actor, None, label_id=label_id, label_en=label_en),
            self.saved(self.tr("The attribute is added; it is asked last."), added),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def save_attribute(self) -> None:
        attribute = self._pick_first()
        if attribute is None:
            return
        actor, surveys, code = self.actor, self.surveys, attribute.code
        label_id, label_en = self.label_id.text(), self.label_en.text()
        self.select_after = code
        self.calls.submit(
            "reword SKD attribute",
            lambda: surveys.save_attribute(actor, code, label_id=label_id, label_en=label_en),
            self.saved(self.tr("The attribute's wording is saved.")),
            on_refused=self.refused,
            on_lost=self.lost,
        )

    def move(self, step: int) -> None:
        """Ask the selected attribute one place earlier (-1) or later (1): the attributes
        whose place changes are saved with their new order, one write each."""
        attribute = self._pick_first()
        if attribute is None or not attribute.active:
            return
        active = [a for a in self.attributes if a.active]
        index = active.index(attribute)
        other = index + step
        if not 0 <= other < len(active):
            return
        # the places they hold now, handed out again in the new order (renumbered from the
        # first when two share one)
        places = [a.sort_order for a in active]
        if any(b <= a for a, b in itertools.pairwise(places)):
            places = list(range(places[0], places[0] + len(places)))
        active[index], active[other] = active[other], active[index]
        changed = [
            (a, place) for a, place in zip(active, places, strict=True) if a.sort_order != place
        ]
        actor, surveys = self.actor, self.surveys
        self.select_after = attribute.code
        for number, (row, place) in enumerate(changed, 1):
            last = number == len(changed)
            self.calls.submit(
                "reorder SKD attribute",
                lambda row=row, place=place: surveys.save_attribute(
                    actor, row.code, label_id=row.label_id, label_en=row.label_en, sort_order=place
                ),
                self.saved(self.tr("The order is saved.")) if last else None,
                on_refused=self.refused,
                on_lost=self.lost,
            )

    def set_asked(self, asked: bool) -> None:
        attribute = self._pick_first()
        if attribute is None:
            return
        actor, surveys, code = self.actor, self.surveys, attribute.code
        self.select_after = code
        if asked:
            write, done = (
                lambda: surveys.restore_attribute(actor, code),
                self.tr("The attribute is asked again."),
            )
        else:
            write, done = (
                lambda: surveys.retire_attribute(actor, code),
                self.tr("The attribute is no longer asked; its answers stay in the reports."),
            )
        self.calls.submit(
            "retire or restore SKD attribute",
            write,
            self.saved(done),
            on_refused=self.refused,
            on_lost=self.lost,
        )

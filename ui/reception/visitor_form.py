"""The guest-book form (buku tamu, SKD "Blok I"), in the order of the paper form.

It only collects what was typed and shows the messages a service gives back; it never decides
whether a value is valid (``registration.validate`` does).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.frontdesk import guest_book_lists
from pst_desktop.frontdesk.guest_book import VisitorForm
from pst_desktop.frontdesk.reception import ServiceChoice
from ui.accessibility import announce_error
from ui.reception.more_services import MoreServices
from ui.widgets import ChoiceBox, FieldRows, field_error, field_label

#: the SKD lists shown as choices: field name -> catalog list
CHOICE_LISTS = {
    "gender": "gender",
    "education": "education",
    "occupation": "occupation",
    "institution_category": "institution_category",
    "disability": "disability",
    "purpose": "purpose",
}

#: the tab order: the order of the paper form
FIELD_ORDER = (
    "name",
    "email",
    "phone",
    "gender",
    "birth_year",
    "education",
    "occupation",
    "occupation_other",
    "institution_category",
    "institution_name",
    "disability",
    "purpose",
    "service",
    "consent",
)


def _choices(name: str) -> ChoiceBox:
    """A list of choices as wide as its longest choice (a long one takes a whole row of the
    form, see ``FieldRows``); the open list is never narrower than 300 px."""
    combo = ChoiceBox()
    combo.setObjectName(name)
    combo.view().setMinimumWidth(300)
    return combo


class VisitorFormWidget(QWidget):
    """Emits ``edited`` whenever the receptionist changes something (not when code fills it)."""

    edited = Signal()

    def __init__(
        self,
        services: list[ServiceChoice],
        language: str = "id",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._loading = False
        self.visitor_id: int | None = None
        self.loaded_form: VisitorForm | None = None
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build(services)
        self._connect_signals()

    # -- building --------------------------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.fields[name] = edit
        return edit

    def _combo(self, name: str, list_name: str) -> QComboBox:
        combo = _choices(name)
        combo.addItem(self.tr("— choose —"), "")
        for option in guest_book_lists.options(list_name):
            combo.addItem(option.label(self._language), option.code)
        self.fields[name] = combo
        return combo

    def _build(self, services: list[ServiceChoice]) -> None:
        self.name = self._line("name", self.tr("As on the identity card"))
        self.email = self._line("email", self.tr("name@example.com"))
        self.phone = self._line("phone", self.tr("0812…"))
        self.gender = self._combo("gender", "gender")
        self.birth_year = self._line("birth_year", self.tr("e.g. 1990"))
        self.birth_year.setValidator(QRegularExpressionValidator(r"\d{0,4}", self.birth_year))
        self.birth_year.setMaximumWidth(140)
        self.education = self._combo("education", "education")
        self.occupation = self._combo("occupation", "occupation")
        self.occupation_other = self._line("occupation_other", self.tr("Which occupation?"))
        self.occupation_other.setEnabled(False)
        self.institution_category = self._combo("institution_category", "institution_category")
        self.institution_name = self._line("institution_name", self.tr("e.g. Universitas Bengkulu"))
        self.disability = self._combo("disability", "disability")
        self.purpose = self._combo("purpose", "purpose")
        self.service = _choices("service")
        self._fill_services(services)
        self.fields["service"] = self.service
        # the services the visitor wants after this one (one visit, several services)
        self.more_services = MoreServices()
        self.more_services.set_services(services)
        self.more_services.set_first(self.service.currentData())
        self.consent = QCheckBox(self.tr("Visitor agrees to the use of this data (UU 27/2022)"))
        self.consent.setObjectName("consent")
        self.consent.setToolTip(
            self.tr(
                "Personal data protection law UU 27/2022: the visitor agrees that the PST "
                "records this data and uses it for the service and its statistics."
            )
        )
        self.fields["consent"] = self.consent

        labels = {
            "name": self.tr("&Name"),
            "email": self.tr("&E-mail"),
            "phone": self.tr("P&hone"),
            "gender": self.tr("&Gender"),
            "birth_year": self.tr("Birth &year"),
            "education": self.tr("Ed&ucation"),
            "occupation": self.tr("&Occupation"),
            "occupation_other": self.tr("Other occupation"),
            "institution_category": self.tr("Institution &category"),
            "institution_name": self.tr("Ins&titution name"),
            "disability": self.tr("Disa&bility"),
            "purpose": self.tr("&Purpose of visit"),
            "service": self.tr("&Service wanted"),
        }
        # two to a row in the order of the paper form; a list with a long choice (an
        # institution category, a service) takes a row of its own where half a row is too
        # narrow for it, so a long choice reads whole once picked
        rows = FieldRows(column_spacing=14, row_spacing=2)
        self.rows = rows
        for name in FIELD_ORDER:
            if name == "consent":
                continue
            block = QWidget()
            block.setObjectName(f"{name}Block")
            column = QVBoxLayout(block)
            column.setSpacing(2)
            column.setContentsMargins(0, 0, 0, 4)
            column.addWidget(field_label(labels[name], self.fields[name]))
            if name == "service":  # the further services beside it: the form keeps its height
                line = QHBoxLayout()
                line.setSpacing(6)
                line.addWidget(self.fields[name], 1)
                line.addWidget(self.more_services)
                column.addLayout(line)
            else:
                column.addWidget(self.fields[name])
            error = field_error()
            error.setObjectName(f"{name}Error")
            self.errors[name] = error
            column.addWidget(error)
            rows.add_field(block)
        consent_error = field_error()
        consent_error.setObjectName("consentError")
        self.errors["consent"] = consent_error
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(rows)
        layout.addWidget(self.consent)
        layout.addWidget(consent_error)
        layout.addStretch(1)  # on a big screen the rows stay together, at the top
        order = [self.fields[name] for name in FIELD_ORDER]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self._user_edit)
            elif isinstance(widget, QComboBox):
                widget.activated.connect(self._user_edit)
            elif isinstance(widget, QCheckBox):
                widget.clicked.connect(self._user_edit)
        self.occupation.currentIndexChanged.connect(self._occupation_changed)
        self.service.currentIndexChanged.connect(
            lambda _index: self.more_services.set_first(self.service.currentData())
        )

    def _user_edit(self, *_args) -> None:
        if not self._loading:
            self.edited.emit()

    def _occupation_changed(self) -> None:
        other = self.occupation.currentData() == "other"
        self.occupation_other.setEnabled(other)
        if not other and not self._loading:
            self.occupation_other.clear()

    # -- values ----------------------------------------------------------------------------------
    def form(self) -> VisitorForm:
        year = self.birth_year.text().strip()
        return VisitorForm(
            name=self.name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            gender=self.gender.currentData() or "",
            birth_year=int(year) if year.isdigit() else None,
            education=self.education.currentData() or "",
            occupation=self.occupation.currentData() or "",
            occupation_other=self.occupation_other.text(),
            institution_category=self.institution_category.currentData() or "",
            institution_name=self.institution_name.text(),
            disability=self.disability.currentData() or "",
            consent=self.consent.isChecked(),
        )

    def purpose_code(self) -> str:
        return self.purpose.currentData() or ""

    def service_id(self) -> int | None:
        return self.service.currentData()

    def more_service_ids(self) -> list[int]:
        """The services ticked to follow the first, in order."""
        return self.more_services.service_ids()

    def is_blank(self) -> bool:
        form = self.form()
        return not any(
            (form.name.strip(), form.email.strip(), form.phone.strip(), form.institution_name)
        )

    def load(self, visitor_id: int, form: VisitorForm) -> None:
        """Fill the form with a returning visitor (the visit's purpose and service stay)."""
        self._loading = True
        try:
            self.visitor_id = visitor_id
            self.loaded_form = form
            self.name.setText(form.name)
            self.email.setText(form.email)
            self.phone.setText(form.phone)
            self.birth_year.setText("" if form.birth_year is None else str(form.birth_year))
            for name in ("gender", "education", "occupation", "institution_category", "disability"):
                self._select(self.fields[name], getattr(form, name))
            self.occupation_other.setText(form.occupation_other)
            self.institution_name.setText(form.institution_name)
            self.consent.setChecked(bool(form.consent))
        finally:
            self._loading = False
        self.show_errors({})

    def clear(self) -> None:
        self._loading = True
        try:
            self.visitor_id = None
            self.loaded_form = None
            for widget in self.fields.values():
                if isinstance(widget, QLineEdit):
                    widget.clear()
                elif isinstance(widget, QComboBox) and widget is not self.service:
                    widget.setCurrentIndex(0)
                elif isinstance(widget, QCheckBox):
                    widget.setChecked(False)
            self.service.setCurrentIndex(self._first_served())
            self.more_services.clear()
        finally:
            self._loading = False
        self.show_errors({})

    def _fill_services(self, services: list[ServiceChoice]) -> None:
        """One item per service; one no open desk serves is shown, marked and not choosable
        (the front desk would refuse its ticket)."""
        self.service.clear()
        model = self.service.model()
        for choice in services:
            text = f"{choice.prefix} · {choice.name}"
            if not choice.served:
                text = self.tr("{service} (no desk serves it now)").format(service=text)
            self.service.addItem(text, choice.service_id)
            if not choice.served and isinstance(model, QStandardItemModel):
                model.item(self.service.count() - 1).setEnabled(False)

    def set_services(self, services: list[ServiceChoice]) -> None:
        """The admin changed the services: show the new list, keeping the chosen service
        while it still exists (the first one a desk serves otherwise)."""
        current = self.service.currentData()
        self._loading = True
        try:
            self._fill_services(services)
            self.more_services.set_services(services)
            index = self.service.findData(current) if current is not None else -1
            self.service.setCurrentIndex(index if index >= 0 else self._first_served())
        finally:
            self._loading = False

    def _first_served(self) -> int:
        model = self.service.model()
        for row in range(self.service.count()):
            if not isinstance(model, QStandardItemModel) or model.item(row).isEnabled():
                return row
        return 0

    def select_service(self, service_id: int) -> None:
        self._select(self.service, service_id)

    def select_purpose(self, code: str) -> None:
        self._select(self.purpose, code)

    @staticmethod
    def _select(combo: QComboBox, value) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    # -- messages --------------------------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        """One message under each field the service refused; the first bad field gets focus."""
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            widget = self.fields[name]
            widget.setProperty("invalid", bool(message))
            widget.style().unpolish(widget)
            widget.style().polish(widget)
            announce_error(widget, message)  # said by a screen reader
        for name in FIELD_ORDER:
            if name in errors:
                self.fields[name].setFocus(Qt.FocusReason.OtherFocusReason)
                break

"""Receptionist windows on the test database, with the fixed clock and tickets in tmp."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.entities import Role, ServiceType, UserAccount
from ui.calls import CONNECTION_ERRORS
from ui.reception.window import ReceptionWindow
from ui.session import Session
from ui.style import apply_style


@pytest.fixture
def ticket_folder(tmp_path):
    return tmp_path / "tickets"


@pytest.fixture
def make_window(qtbot, qapp, db, office, clock, make_actor, station, ticket_folder):
    """Build a shown ReceptionWindow at 1366×768 for a new receptionist (or ``actor``)."""
    apply_style(qapp)
    windows: list[ReceptionWindow] = []

    def make(actor=None, **kwargs) -> ReceptionWindow:
        actor = actor or make_actor(Role.RECEPTIONIST)
        session = Session(UserAccount.get_by_id(actor.user_id), actor, office, "test", clock)
        options = {"settings": station, "ticket_folder": ticket_folder, "poll_ms": 50}
        options.update(kwargs)
        window = ReceptionWindow(session, **options)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.snapshot is not None)
        windows.append(window)
        return window

    yield make
    for window in windows:  # before the database closes
        window.shutdown()
    qapp.setStyleSheet("")


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def services(office):
    return {s.code: s for s in ServiceType.select().where(ServiceType.office == office.id)}


def choose(qtbot, combo, code) -> None:
    """Pick an option the way the receptionist does: focus the list and type its first letters."""
    index = combo.findData(code)
    assert index >= 0, code
    combo.setFocus()
    qtbot.keyClicks(combo, combo.itemText(index)[:6])
    if combo.currentIndex() != index:  # two labels share a beginning: arrow keys
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    assert combo.currentData() == code


def type_visitor(
    qtbot,
    window,
    name="Siti Aminah",
    email="siti.aminah@example.com",
    phone="0812 3456 7890",
    gender="female",
    service="consultation",
    consent=True,
) -> None:
    form = window.form
    qtbot.keyClicks(form.name, name)
    qtbot.keyClicks(form.email, email)
    qtbot.keyClicks(form.phone, phone)
    choose(qtbot, form.gender, gender)
    qtbot.keyClicks(form.birth_year, "1995")
    choose(qtbot, form.education, "bachelor")
    choose(qtbot, form.occupation, "student")
    choose(qtbot, form.institution_category, "research_education")
    qtbot.keyClicks(form.institution_name, "Universitas Bengkulu")
    choose(qtbot, form.purpose, "research")
    index = form.service.findData(service_id_of(window, service))
    form.service.setCurrentIndex(index)
    if consent:
        qtbot.mouseClick(form.consent, Qt.MouseButton.LeftButton, pos=form.consent.rect().center())
        if not form.consent.isChecked():  # the click landed beside the box on some styles
            form.consent.setChecked(True)


def service_id_of(window, code) -> int:
    service = ServiceType.get(
        (ServiceType.office == window.actor.office_id) & (ServiceType.code == code)
    )
    return service.id


def focused():
    return QApplication.focusWidget()


@contextmanager
def answered(qtbot, window, timeout: int = 5000) -> Iterator[None]:
    """The write a key starts (F9, Ctrl+K, Ctrl+L…) runs on the window's write thread: wait
    until its answer (issued, refused or not reached) was handed to the window."""
    with qtbot.waitSignal(window.calls.settled, timeout=timeout):
        yield


def booking_dialog(qtbot, window, action=None):
    """Ctrl+B (or ``action``): the write thread saves the visitor, then the dialog opens."""
    before = window.appointment_dialog
    with answered(qtbot, window):
        (action or window.open_appointment_dialog)()
    dialog = window.appointment_dialog
    assert dialog is not None and dialog is not before and dialog.isVisible()
    return dialog


def booked(qtbot, window, dialog) -> None:
    """The dialog's "Book appointment", answered by the write thread."""
    with answered(qtbot, window):
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)


def lost_connection(words: str = "server closed the connection unexpectedly") -> Exception:
    """What a service raises when the server went away mid-call: the kind the database boundary
    makes of the driver's error (``ui.calls.CONNECTION_ERRORS``), with the driver's words."""
    return CONNECTION_ERRORS[0](words)

"""Every control has a name a screen reader can say.

Walks every window (login, reception, officer, supervisor, admin, the rating screen, the board)
and asks each interactive widget for a non-empty accessible name or a QLabel buddy that names it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from pst_desktop.core.i18n import install_translator
from tests.ui.test_fit import Office
from ui.accessibility import unnamed_controls

pytestmark = pytest.mark.keep_windows  # built once per module, on demand

WINDOWS = [
    "login",
    "reception",
    "officer",
    "supervisor",
    "admin",
    "rating",
    "board",
    "paper",
    "complaint",
]


@pytest.fixture(scope="module")
def office_day(qapp):
    with tempfile.TemporaryDirectory() as folder:
        office = Office(Path(folder))
        yield office
        office.close()
        install_translator(qapp, "en")


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", WINDOWS)
def test_every_control_has_an_accessible_name(office_day, kind, language):
    window = office_day.window(kind, language)
    missing = unnamed_controls(window)
    assert not missing, "\n".join(missing)


def test_the_walk_sees_an_unnamed_control(qapp):
    window = QWidget()
    QLineEdit(window).setObjectName("nameless")
    named = QLineEdit(window)
    named.setAccessibleName("Cari")
    buddy = QLineEdit(window)
    QLabel("&Nama", window).setBuddy(buddy)
    assert [m.split()[1] for m in unnamed_controls(window)] == ["nameless"]
    button = QPushButton("", window)  # an icon-only button with no name is found too
    assert len(unnamed_controls(window)) == 2
    button.setAccessibleName("Tutup")
    assert len(unnamed_controls(window)) == 1


def test_a_field_error_is_announced_not_only_drawn(qapp, monkeypatch):
    from PySide6.QtGui import QAccessible

    import ui.accessibility as accessibility
    from ui.widgets import field_error, set_field_error

    posted = []

    class ScreenReader:  # a screen reader listening (offscreen has none)
        Event = QAccessible.Event

        @staticmethod
        def isActive():
            return True

        @staticmethod
        def updateAccessibility(event):
            posted.append((event.object(), event.type()))

    monkeypatch.setattr(accessibility, "QAccessible", ScreenReader)
    window = QWidget()
    field = QLineEdit(window)
    label = field_error()
    set_field_error(field, label, "Isi alamat e-mail.")
    assert field.accessibleDescription() == "Isi alamat e-mail."
    assert posted == [(field, QAccessible.Event.Alert)]
    set_field_error(field, label, "")
    assert field.accessibleDescription() == "" and len(posted) == 1

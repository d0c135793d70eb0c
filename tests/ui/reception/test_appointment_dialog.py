"""The appointment dialog in Indonesian: Indonesian day names, and "outside hours" only when
it is."""

from __future__ import annotations

import pytest

from pst_desktop.core.i18n import install_translator
from pst_desktop.frontdesk.reception import AppointmentOffer
from tests.support import wib
from ui.reception.dialogs import AppointmentDialog


@pytest.fixture
def indonesian(qapp):
    install_translator(qapp, "id")
    yield
    install_translator(qapp, "en")


def hint_text(dialog: AppointmentDialog) -> str:
    from PySide6.QtWidgets import QLabel

    return next(
        label.text() for label in dialog.findChildren(QLabel) if label.objectName() == "cardHint"
    )


def test_outside_hours_the_opening_is_named_in_indonesian(qtbot, indonesian):
    opens = wib(2026, 11, 25, 8, 0)  # a Wednesday
    offer = AppointmentOffer(
        opens_at=opens, suggested=opens, earliest_today=opens, outside_hours=True
    )
    dialog = AppointmentDialog("Ani", [], None, offer)
    qtbot.addWidget(dialog)
    hint = hint_text(dialog)
    assert "Di luar jam layanan" in hint
    assert "Rabu 25-11-2026 08:00" in hint
    assert "Wed" not in hint
    assert "Rab" in dialog.when.text() and "Wed" not in dialog.when.text()


def test_during_open_hours_it_does_not_say_outside_hours(qtbot, indonesian):
    now = wib(2026, 11, 24, 10, 0)
    suggested = wib(2026, 11, 24, 11, 0)
    offer = AppointmentOffer(
        opens_at=now, suggested=suggested, earliest_today=suggested, outside_hours=False
    )
    dialog = AppointmentDialog("Ani", [], None, offer)
    qtbot.addWidget(dialog)
    hint = hint_text(dialog)
    assert "Di luar jam layanan" not in hint
    assert "1 jam" in hint

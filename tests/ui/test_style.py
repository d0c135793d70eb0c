"""The app style: applied once, again only when something changed."""

from PySide6.QtWidgets import QApplication

from ui import style


def test_applying_the_style_again_with_nothing_changed_does_nothing(qapp, monkeypatch):
    style.apply_style(qapp)
    calls = []
    real = QApplication.setStyleSheet
    monkeypatch.setattr(
        QApplication, "setStyleSheet", lambda app, sheet: calls.append(sheet) or real(app, sheet)
    )
    style.apply_style(qapp)
    assert calls == []  # every live widget would be re-polished

    qapp.setStyleSheet("")  # something changed: applied again
    style.apply_style(qapp)
    assert len(calls) == 2 and qapp.styleSheet() == calls[-1] != ""

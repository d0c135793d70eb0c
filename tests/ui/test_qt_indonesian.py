"""Qt's own buttons, context menus and file dialog speak Indonesian in the Indonesian app: Qt
ships no Indonesian, so resources/translations/qtbase_id.ts provides it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)

from pst_desktop import selfcheck
from pst_desktop.core.i18n import install_translator
from tests.pst_desktop.core.test_i18n import tool


@pytest.fixture
def indonesian(qapp):
    assert install_translator(qapp, "id")
    yield
    install_translator(qapp, "en")


def menu_texts(widget) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [action.text().split("\t")[0].replace("&", "") for action in menu.actions()]
    menu.deleteLater()
    return texts


def test_standard_buttons_are_indonesian(qtbot, indonesian):
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Save
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Tutup"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
    message = QMessageBox(
        QMessageBox.Icon.Question,
        "t",
        "q",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ya"
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Tidak"


def test_text_context_menus_are_indonesian(qtbot, indonesian):
    line = QLineEdit("teks")
    qtbot.addWidget(line)
    texts = menu_texts(line)
    assert {"Urungkan", "Potong", "Salin", "Tempel", "Hapus", "Pilih semua"} <= set(texts)
    assert "Copy" not in texts and "Paste" not in texts
    area = QPlainTextEdit("teks")
    qtbot.addWidget(area)
    assert {"Salin", "Tempel", "Pilih semua"} <= set(menu_texts(area))


def test_the_file_dialog_is_indonesian(qtbot, indonesian, tmp_path):
    dialog = QFileDialog(None, "Simpan", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    assert {"Lihat di:", "Nama berkas:", "Jenis berkas:"} <= labels
    buttons = dialog.findChild(QDialogButtonBox)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert {"Simpan", "Batal"} <= texts


def test_english_stays_english(qtbot, qapp):
    install_translator(qapp, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_committed_qtbase_qm_is_built_from_its_ts(tmp_path):
    rebuilt = tmp_path / "qtbase_id.qm"
    tool.run_lrelease(tool.qt_ts_file(), rebuilt, silent=True)
    assert rebuilt.read_bytes() == tool.qt_ts_file().with_suffix(".qm").read_bytes(), (
        "resources/translations/qtbase_id.qm is older than qtbase_id.ts: "
        "run `python tools/translations.py build` and commit the .qm."
    )


def test_the_self_check_loads_qt_indonesian_and_requires_the_file():
    assert ("translations", "qtbase_id.qm") in selfcheck.REQUIRED_RESOURCES
    assert "'Batal'" in selfcheck._check_translations()

"""The office-day run's automation hook: reads and fills real widgets, answers on a socket."""

from __future__ import annotations

import json

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from ui import automation


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.service = QComboBox()
        self.service.addItem("Konsultasi Statistik", 1)
        self.service.addItem("Perpustakaan", 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.service)


@pytest.fixture
def form(qtbot):
    widget = Form()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_set_and_get_by_window_class_and_attribute_path(form):
    edited = []
    form.name.textEdited.connect(edited.append)
    automation.handle({"cmd": "set", "window": "Form", "path": "name", "value": "Ani"})
    assert form.name.text() == "Ani" and edited == ["Ani"]  # as typing would
    automation.handle({"cmd": "set", "window": "Form", "path": "service", "value": 2})
    assert form.service.currentText() == "Perpustakaan"
    got = automation.handle({"cmd": "get", "window": "Form", "path": "service"})
    assert got["text"] == "Perpustakaan" and got["items"][0] == "Konsultasi Statistik"
    assert got["list"]  # the office day knows a list by this, whatever its class


def test_a_list_of_another_class_is_still_a_list(qtbot):
    """The guest book's lists are ChoiceBoxes now; the office day chose by class name and
    stopped at the first visitor (seen in a CI rehearsal)."""
    from ui.widgets import ChoiceBox

    box = ChoiceBox()
    box.setObjectName("x")
    qtbot.addWidget(box)
    box.addItems(["K · Konsultasi Statistik", "P · Perpustakaan"])
    info = automation._describe(box)
    assert info["list"] and info["items"] == ["K · Konsultasi Statistik", "P · Perpustakaan"]


def test_a_path_indexes_a_list_of_lists(form):
    """The survey screen keeps its answer buttons as rows of buttons: ``buttons[1][0]``."""
    form.rows = [[form.name], [form.service, form.name]]
    got = automation.handle({"cmd": "get", "window": "Form", "path": "rows[1][0]"})
    assert got["list"] and got["text"] == "Konsultasi Statistik"
    with pytest.raises(automation.AutomationError, match="bad path segment"):
        automation.handle({"cmd": "get", "window": "Form", "path": "rows[1]x"})
    with pytest.raises(automation.AutomationError, match=r"rows has no item \[2\]"):
        automation.handle({"cmd": "get", "window": "Form", "path": "rows[2][0]"})


def test_a_missing_window_or_attribute_is_a_clear_refusal(form):
    with pytest.raises(automation.AutomationError, match="no visible window"):
        automation.handle({"cmd": "get", "window": "OfficerWindow", "path": "x"})
    with pytest.raises(automation.AutomationError, match="has no 'phone'"):
        automation.handle({"cmd": "get", "window": "Form", "path": "phone"})
    with pytest.raises(automation.AutomationError, match="no item"):
        automation.handle({"cmd": "set", "window": "Form", "path": "service", "value": "Z"})


def test_the_socket_answers_one_json_line_per_request(form, qtbot, tmp_path):
    server = automation.AutomationServer(str(tmp_path / "hook"), form)
    client = QLocalSocket(form)
    client.connectToServer(str(tmp_path / "hook"))
    assert client.waitForConnected(2000)
    client.write(b'{"cmd": "get", "window": "Form", "path": "name"}\n{"cmd": "nope"}\n')
    client.flush()
    answers: list[dict] = []

    def two_answers():
        if client.bytesAvailable():
            answers.extend(json.loads(line) for line in bytes(client.readAll().data()).splitlines())
        assert len(answers) == 2

    qtbot.waitUntil(two_answers, timeout=3000)
    assert answers[0]["ok"] and answers[0]["class"] == "QLineEdit"
    assert answers[1] == {"ok": False, "error": "unknown command 'nope'"}
    client.disconnectFromServer()
    server.server.close()
    qtbot.waitUntil(lambda: not server._buffers, timeout=3000)


def test_the_hook_is_off_unless_the_environment_names_a_socket(qapp, monkeypatch):
    monkeypatch.delenv(automation.ENVIRONMENT, raising=False)
    assert automation.install_automation_hook(qapp) is None

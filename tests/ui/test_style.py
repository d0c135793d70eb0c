"""The app style: applied once, again only when something changed; every colour a name in it."""

import re
from pathlib import Path

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


#: a colour written out: ``#0b4a8b``, ``#fff``, ``#0b4a8bcc`` (an object name such as
#: ``QLabel#cafe`` follows a word character, so it is not one)
HEX_COLOUR = re.compile(r"(?<![\w&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
UI = Path(style.__file__).resolve().parent


def colour_lines(path: Path) -> list[str]:
    return [
        f"{path.relative_to(UI.parent).as_posix()}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HEX_COLOUR.search(line)
    ]


def test_colours_are_written_only_in_the_style_module():
    """Every colour is a name in ui/style.py (WAITING, CALLED, ALERT_BACKGROUND …): the same
    colour had been written 200 times in 17 files, each free to drift from the palette."""
    assert len(colour_lines(UI / "style.py")) > 50  # the palette itself: the search finds them
    elsewhere = [
        line
        for path in sorted(UI.rglob("*.py"))
        if path != UI / "style.py"
        for line in colour_lines(path)
    ]
    assert elsewhere == [], "write these as names from ui.style:\n" + "\n".join(elsewhere)


def test_each_colour_has_one_name():
    """One colour, one name (the aliases by meaning, WAITING = BLUE …, are names for a name)."""
    values = {
        name: value
        for name, value in vars(style).items()
        if name.isupper() and isinstance(value, str) and HEX_COLOUR.fullmatch(value)
    }
    written = re.findall(
        r'^([A-Z_]+) = "(#[0-9a-f]+)"', (UI / "style.py").read_text(encoding="utf-8"), re.M
    )
    assert len(written) == len({value for _, value in written}) >= 50
    assert {name for name, _ in written} <= set(values)

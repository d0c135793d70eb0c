"""Screenshots of every window at the screen sizes offices have, in both languages (not a test).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.make_fit_screenshots [folder]

The same throw-away office as ``tests/ui/test_fit.py``; files are named
``<language>-<width>x<height>-<window>.png``; the staff windows of a receptionist's or an
officer's laptop (``LAPTOP_WINDOWS``) at 1093×614 too (1366×768 at 125 %).  Look at them after
any layout change.

    --longest   each list shows its longest choice (as a receptionist may pick it)
    --window K  only window K (login, reception, officer, …; may be given more than once)

The reception's whole guest-book form (scrolled or not) is saved as ``…-reception-form.png``.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from tests.ui.test_fit import LANGUAGES, LAPTOP, LAPTOP_WINDOWS, WINDOWS, Office

SIZES = [(1366, 768), (1920, 1080)]


def pick_longest(window: QWidget) -> None:
    """Each list of ``window`` shows its longest choice that can be picked."""
    for combo in window.findChildren(QComboBox):
        model = combo.model()
        metrics = combo.fontMetrics()
        rows = [
            row
            for row in range(combo.count())
            if model.flags(model.index(row, combo.modelColumn(), combo.rootModelIndex()))
            & Qt.ItemFlag.ItemIsEnabled
        ]
        if rows:
            widest = max(rows, key=lambda r: metrics.horizontalAdvance(combo.itemText(r)))
            combo.setCurrentIndex(widest)


def main(
    folder: Path,
    sizes: list[tuple[int, int]],
    languages: list[str],
    kinds: list[str] | None = None,
    longest: bool = False,
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        office = Office(Path(tmp))
        try:
            for language in languages:
                for kind in kinds or WINDOWS:
                    window = office.window(kind, language)
                    if longest:
                        pick_longest(window)
                    # the staff windows of a laptop at 125 % too (1366×768 → 1093×614 logical)
                    extra = [LAPTOP] if kind in LAPTOP_WINDOWS else []
                    for width, height in [*sizes, *extra]:
                        window.resize(width, height)
                        window.show()
                        for _ in range(3):
                            app.processEvents()
                        path = folder / f"{language}-{width}x{height}-{kind}.png"
                        window.grab().save(str(path))
                        print(path)
                        if kind == "reception":
                            form = folder / f"{language}-{width}x{height}-{kind}-form.png"
                            window.form.grab().save(str(form))
                            print(form)
        finally:
            office.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("fit-screenshots"))
    parser.add_argument("--language", action="append", choices=LANGUAGES)
    parser.add_argument("--window", action="append", choices=WINDOWS)
    parser.add_argument("--longest", action="store_true", help="pick each list's longest choice")
    args = parser.parse_args()
    main(args.folder, SIZES, args.language or LANGUAGES, args.window, args.longest)

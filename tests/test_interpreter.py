"""The interpreter and Qt binding pair the stations run on must not lose references to the
singletons ``None``, ``True`` and ``False``.

PySide6 6.12.0 drops one reference to ``None`` on every call of a Qt method that returns nothing
and one to ``True`` on every ``emit``. On Python 3.11 that frees ``None`` and aborts the process
(the display board died within minutes); Python 3.12+ makes the singletons immortal. Each check
runs in a child process, because a failing pair aborts the interpreter that runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

CALLS = 2000

# each snippet runs CALLS times inside the child; ``label``, ``timer``, ``painter``, ``source``
# and ``view`` exist there
SNIPPETS = {
    "void methods (setText, update, QTimer.start)": (
        "label.setText('K-001'); label.update(); timer.start(1000); timer.stop()"
    ),
    "painting (fillRect, setPen, drawText)": (
        "painter.fillRect(0, 0, 8, 8, color); painter.setPen(color); painter.drawText(0, 8, 'A')"
    ),
    "signals (emit with and without arguments)": "source.plain.emit(); source.carrying.emit(1)",
    "item model data() returning fonts": "view.model().data(index, font_role)",
}

CHILD = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtGui import QColor, QImage, QPainter, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLabel, QTableView

    app = QApplication([])

    class Source(QObject):
        plain = Signal()
        carrying = Signal(int)

    source = Source()
    source.plain.connect(lambda: None)
    source.carrying.connect(lambda n: None)
    label = QLabel()
    timer = QTimer()
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("#123456")
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("K-001"))
    view = QTableView()
    view.setModel(model)
    index = model.index(0, 0)
    font_role = Qt.ItemDataRole.FontRole
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range({calls}):
        {snippet}
    after = [sys.getrefcount(x) for x in (None, True, False)]
    painter.end()
    print(" ".join(str(b - a) for a, b in zip(before, after)))
    """
)


@pytest.mark.parametrize("snippet", SNIPPETS.values(), ids=list(SNIPPETS))
def test_qt_calls_leave_none_true_and_false_alone(snippet):
    done = subprocess.run(
        [sys.executable, "-c", CHILD.format(calls=CALLS, snippet=snippet)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, f"the interpreter died: {done.stderr[-1500:]}"
    deltas = [int(word) for word in done.stdout.split()]
    # a lost reference per call shows as -CALLS; a few stray references are noise
    assert all(abs(delta) < CALLS // 10 for delta in deltas), (
        f"None/True/False reference counts moved by {deltas} over {CALLS} calls"
    )


def test_this_interpreter_is_new_enough():
    assert sys.version_info >= (3, 12), "PST Desktop needs Python 3.12+ (see pst_desktop/__init__)"

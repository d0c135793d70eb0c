import subprocess
import sys
import textwrap


def test_thousands_of_emits_do_not_crash_the_interpreter():
    """PySide6 6.12.0 on Python 3.11 took a reference from True on every emit; importing
    pst_desktop repairs it. A child process, because the unrepaired bug aborts the interpreter."""
    script = textwrap.dedent(
        """
        import sys
        import pst_desktop  # noqa: F401  (applies the fix)
        from PySide6.QtCore import QCoreApplication, QObject, Signal

        app = QCoreApplication([])

        class Source(QObject):
            plain = Signal()
            carrying = Signal(dict)

        source = Source()
        seen = []
        source.plain.connect(lambda: seen.append(1))
        source.carrying.connect(lambda payload: seen.append(payload["n"]))
        before = sys.getrefcount(True)
        for n in range(5000):
            source.plain.emit()
            source.carrying.emit({"n": n})
        assert len(seen) == 10000
        print("delta", sys.getrefcount(True) - before)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "delta 0"

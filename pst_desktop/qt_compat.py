"""Work-arounds for bugs of the Qt binding, applied once when ``pst_desktop`` is imported.

PySide6 6.12.0 on Python < 3.12: ``SignalInstance.emit`` returns ``True`` without taking a
reference to it, so every emit from Python leaves ``True`` one reference short; after a few
thousand emits CPython aborts with "bool_dealloc: deallocating True or False" (seen here: a
fresh interpreter crashed within a few dozen emits).  ``PySide6-Pdf`` exists only for 6.12, so
the version cannot simply be avoided.  ``fix_signal_emit`` probes for the bug and, only where it
is present, wraps ``emit`` to give the reference back.  Python 3.12+ makes ``True`` immortal.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 8


class _Probe(QObject):
    ping = Signal()


def emit_loses_a_reference() -> bool:
    """True when each ``emit`` from Python takes one reference from ``True`` (and repairs the
    references the probe itself took)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= _PROBE_EMITS


def fix_signal_emit() -> bool:
    """Install the compensating ``emit`` if this binding needs it; True when installed."""
    if getattr(SignalInstance.emit, "_pst_fixed", False) or not emit_loses_a_reference():
        return False
    original = SignalInstance.emit
    incref = ctypes.pythonapi.Py_IncRef
    true = ctypes.py_object(True)

    def emit(self, *args):
        result = original(self, *args)
        if result is True:
            incref(true)
        return result

    emit._pst_fixed = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit
    return True

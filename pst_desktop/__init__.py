"""PST Desktop application core: configuration, connection, domain services, the command.

Nothing here imports a widget; at most QtCore (settings, the change signal).

Python 3.12 or newer: PySide6 6.12 drops a reference to ``None`` (and to ``True`` on ``emit``)
on every call of a Qt method that returns nothing; on 3.11 the interpreter then aborts within
minutes (``none_dealloc``). 3.12 makes those objects immortal (PEP 683), so the calls are
harmless. ``tests/test_interpreter.py`` fails on any interpreter and binding where they are not.
"""

import sys

__version__ = "0.1.0"

if sys.version_info < (3, 12):  # noqa: UP036 - a 3.11 interpreter can still reach this (PYTHONPATH)
    raise ImportError(
        "PST Desktop needs Python 3.12 or newer (PySide6 6.12 frees None on Python 3.11)"
    )

"""PST Desktop application core: configuration, connection, domain services, the command.

Nothing here imports a widget; at most QtCore (settings, the change signal).
"""

__version__ = "0.1.0"

from pst_desktop.qt_compat import fix_signal_emit

fix_signal_emit()

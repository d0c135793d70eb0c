"""``python -m pst_desktop`` and the ``pst-desktop`` program: the one entry point.

The admin commands (db, user, demo-data, report, ``--help``, ``--version``) run in the core's
command line (``pst_desktop.cli``) without importing a window; the commands that start windows
(the app, ``rating``, ``display``, ``--self-check``) go through ``ui.launch``, above ``ui/``.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Sequence

from pst_desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.starts_windows(args):
        from ui import launch

        return launch.main(args)
    return cli.main(args)


if __name__ == "__main__":
    # the helper processes (pst_desktop.core.helper_process) are this program started again:
    # in the built program this runs the helper instead of the app
    multiprocessing.freeze_support()
    raise SystemExit(main())

"""``python -m pst_desktop`` and the ``pst-desktop`` program: the one entry point.

The admin commands (db, user, demo-data, report, ``--help``, ``--version``) run in the core's
command line (``pst_desktop.cli``) without importing a window; the commands that start windows
(the app, ``rating``, ``display``, ``--self-check``) go through ``ui.launch``, above ``ui/``.
"""

from __future__ import annotations

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
    raise SystemExit(main())

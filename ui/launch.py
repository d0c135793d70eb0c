"""The commands that start windows: the staff app, the display board, the rating screen and
``--self-check`` (which builds every window).

This sits above ``ui/``: the core's command line (``pst_desktop.cli``) parses every command and
runs the admin ones without importing a window; ``python -m pst_desktop`` sends the rest here
(``cli.starts_windows``), and ``main`` hands the core these window commands to run them with.

    pst-desktop [--db URL]                 the app (the login window)
    pst-desktop rating --desk N [--window] this PC is the rating screen of desk N (a kiosk)
    pst-desktop display [--window]         this PC drives the waiting-room display board
    pst-desktop --self-check [--db URL]    check this installation (one line per check)
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from pst_desktop import cli


def cmd_app(args: argparse.Namespace) -> int:
    """The staff app: the login window, then the signed-in role's window."""
    from ui.app import run

    return run(db_url=args.db)


def cmd_rating(args: argparse.Namespace) -> int:
    """This PC as the visitor rating screen of one desk (fullscreen unless ``--window``)."""
    from ui.visitor.app import run_rating

    return run_rating(db_url=args.db, desk_id=args.desk, windowed=args.window)


def cmd_display(args: argparse.Namespace) -> int:
    """This PC as the waiting-room display board (fullscreen unless ``--window``)."""
    from ui.visitor.app import run_board

    return run_board(db_url=args.db, windowed=args.window)


#: what the core's ``WINDOW_COMMANDS`` run (None: no command, the app)
WINDOWS: dict[str | None, cli.Command] = {
    None: cmd_app,
    "rating": cmd_rating,
    "display": cmd_display,
}


def self_check(db_url: str | None) -> int:
    """``--self-check``: the core's checks, then every window and the print path."""
    from ui.selfcheck import run_self_check

    return run_self_check(db_url)


def main(argv: Sequence[str] | None = None) -> int:
    """Any ``pst-desktop`` command, the window ones included; its exit status."""
    return cli.main(argv, windows=WINDOWS, self_check=self_check)

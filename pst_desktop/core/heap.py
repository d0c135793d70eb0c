"""The objects the program starts with kept out of the garbage collector's full passes (issue
12 item 9: no staff window blocks its event loop for more than 50 ms).

Every so often Python's cyclic garbage collector looks at every object the program holds: the
imported modules, their functions and classes, Qt's wrappers, the open window.  A staff
window holds about 100,000 of them, and one such pass took 50-70 ms of processor time (over
140 ms on a busy PC) with the interpreter lock held, whichever thread happened to start it:
the window stopped answering for that long at a moment no action of its own explained (an F9
here, a keystroke in the history filter there).

``settle()``, called as a window is built and before it is shown, collects what start-up left
behind and moves the rest into the collector's permanent generation (``gc.freeze``): later
passes look only at what was made since, a few milliseconds.  Objects made at start-up live as
long as the program anyway; objects made later are collected as before.  Each call first lets
go of what the previous one froze (``gc.unfreeze``), so a window closed since (a log-out) is
collected, not kept: call it at every window change, never in the middle of an action (the
collection itself takes those 50-70 ms).
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)


def settle() -> int:
    """Collect now, then freeze what is left; returns how many objects are frozen."""
    started = time.perf_counter()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.debug(
        "heap settled: %d objects frozen in %.0f ms", frozen, (time.perf_counter() - started) * 1e3
    )
    return frozen

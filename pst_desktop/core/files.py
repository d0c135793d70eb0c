"""Writing an output file (report, export) so that a failure leaves no half-written file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(temp)`` with a temporary file in ``target``'s folder, then put it in
    ``target``'s place.  An ``OSError`` (folder missing or not writable, disk full) leaves
    ``target`` as it was."""
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=".pst-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def write_file_atomically(target: Path, data: bytes) -> Path:
    return write_atomically(target, lambda temp: temp.write_bytes(data))

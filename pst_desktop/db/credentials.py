"""Where the office server's password lives: the PostgreSQL password file, never the settings.

The settings (QSettings) keep the server URL *without* a password.  The password goes into the
password file that libpq itself reads on every connection (``~/.pgpass`` on Linux/macOS,
``%APPDATA%\\postgresql\\pgpass.conf`` on Windows, or the file ``PGPASSFILE`` names): the
PostgreSQL-standard place, used by ``psql`` and ``pg_dump`` too, so no password is ever in the
settings file and no custom encryption with a key stored next to it is needed.  The file is
written with permission 0600 (owner only; libpq ignores a file others can read) and lives in the
user's own profile, which on Windows only that user (and administrators) can open.

An office that wants more can leave the password out altogether and let the server trust the
PC's certificate or Windows account (``sslcert``/``gssapi`` in the URL's query).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from urllib.parse import quote


def pgpass_path() -> Path:
    """The password file libpq reads for this user."""
    named = os.environ.get("PGPASSFILE")
    if named:
        return Path(named)
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(appdata) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _fields(line: str) -> list[str]:
    """The fields of one password-file line (``\\:`` and ``\\\\`` escaped)."""
    fields, current, escaped = [], [], False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def save_password(
    host: str, port: int, database: str, user: str, password: str, path: Path | None = None
) -> Path:
    """Put (or replace) the entry ``host:port:database:user:password`` in the password file,
    written with permission 0600.  Returns the file."""
    target = path or pgpass_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    key = [host, str(port), database, user]
    kept = []
    if target.exists():
        for line in target.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#") and _fields(line)[:4] == key:
                continue
            kept.append(line)
    kept.append(":".join(_escape(part) for part in [*key, password]))
    temporary = target.with_name(target.name + ".new")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write("\n".join(kept) + "\n")
    with contextlib.suppress(OSError):  # Windows has no POSIX modes; the profile ACL holds
        os.chmod(temporary, 0o600)
    os.replace(temporary, target)
    return target


def stored_password(
    host: str, port: int, database: str, user: str, path: Path | None = None
) -> str | None:
    """The password the file holds for exactly this server, database and user (or None)."""
    target = path or pgpass_path()
    if not target.exists():
        return None
    for line in target.read_text(encoding="utf-8").splitlines():
        fields = _fields(line)
        if len(fields) == 5 and fields[:4] == [host, str(port), database, user]:
            return fields[4]
    return None


def server_url(
    host: str, port: int, database: str, user: str, password: str = "", schema: str = ""
) -> str:
    """``postgresql://user[:password]@host:port/database[?schema=…]`` with the parts quoted."""
    credentials = quote(user, safe="")
    if password:
        credentials += ":" + quote(password, safe="")
    host_part = f"[{host}]" if ":" in host else host
    url = f"postgresql://{credentials}@{host_part}:{int(port)}/{quote(database, safe='')}"
    return f"{url}?schema={schema}" if schema else url

"""Text as the office stores it: one cleaning for everything a person types, and the length
limits of the columns it goes into, read from the models (never re-typed numbers).

SQLite stores anything; PostgreSQL refuses a NUL character and a value longer than its
``VARCHAR(n)``, and openpyxl refuses control characters in a cell.  Every service that stores
text cleans it with :func:`clean_text` and checks it with :func:`check_length`, so what one
database accepts the other accepts too, a backup restores onto either, and exports never fail.
"""

from __future__ import annotations

import re

import peewee as pw
from PySide6.QtCore import QCoreApplication

from pst_desktop.core.errors import ValidationError

# C0 and C1 control characters, DEL, and lone surrogates (which UTF-8 cannot encode);
# tab, line feed and carriage return are handled separately
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: object, multiline: bool = False) -> str:
    """``value`` without control characters and outer blanks.

    One-line fields (names, topics, reasons typed in a line edit) also collapse every run of
    white space, line breaks included, into one space.  Multi-line fields keep their line
    breaks (as ``\\n``) and turn tabs into spaces.
    """
    text = "" if value is None else str(value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        return _CONTROL.sub("", text).strip()
    return " ".join(_CONTROL.sub("", text).split())


def export_text(value: object) -> object:
    """A stored value made safe for a spreadsheet cell (old data may hold control characters);
    anything that is not text is returned as it is."""
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\t", " ")
        return _CONTROL.sub("", text)
    return value


def max_length(field: pw.Field) -> int | None:
    """The column limit of ``field`` (``max_length`` of a CharField), None when unlimited."""
    return getattr(field, "max_length", None) if isinstance(field, pw.CharField) else None


def too_long_message(limit: int) -> str:
    return QCoreApplication.translate("Text", "At most {limit} characters here.").format(
        limit=limit
    )


def check_length(errors: dict[str, str], name: str, value: str, field: pw.Field) -> None:
    """Add a message for ``name`` to ``errors`` when ``value`` does not fit ``field``'s column."""
    limit = max_length(field)
    if limit is not None and len(value) > limit and name not in errors:
        errors[name] = too_long_message(limit)


def fit(field: pw.Field, value: object, name: str | None = None, multiline: bool = False) -> str:
    """``value`` cleaned, or ValidationError (keyed ``name``, default the field's name) when it
    is longer than the column allows."""
    text = clean_text(value, multiline=multiline)
    errors: dict[str, str] = {}
    check_length(errors, name or field.name, text, field)
    if errors:
        raise ValidationError(errors)
    return text

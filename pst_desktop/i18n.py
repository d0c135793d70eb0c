"""Translation: English source strings, Indonesian by default, English selectable.

Services and widgets call ``QCoreApplication.translate("Context", "English text")`` (or
``self.tr("...")``) with the string literal right in the call: ``pyside6-lupdate`` reads literals
only, so a helper such as ``_t(text)`` would hide its strings from the translation.
``python tools/translations.py update`` refreshes ``resources/translations/pst_id.ts``, ``build``
makes the committed ``pst_id.qm``; ``install_translator`` loads the ``.qm`` of the chosen
language.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTranslator

from pst_desktop.paths import resource_path

DEFAULT_LANGUAGE = "id"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

_installed: list[QTranslator] = []
_translator_data: dict[QTranslator, bytes] = {}  # what each translator reads, kept alive


def install_translator(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> bool:
    """Load ``pst_<language>.qm`` and ``qtbase_<language>.qm`` (Qt's own strings); English
    needs none (it is the source language)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English)
    )
    if language == "en":
        return True
    # Qt's own strings first (standard buttons, context menus, file dialog: Qt ships no
    # Indonesian), so that ours, installed last, are asked first
    _install_qm(app, f"qtbase_{language}.qm")
    return _install_qm(app, f"pst_{language}.qm")


def _install_qm(app: QCoreApplication, name: str) -> bool:
    translator = QTranslator(app)
    qm = resource_path("translations", name)
    # Read into memory, not QTranslator.load(path): Qt maps a .qm file into memory, and when
    # the file is rewritten in place (an update copied over the installed folder while the
    # stations run) every running station dies at its next translated string (SIGBUS; seen
    # in the office-day run: three stations at the same second). Qt keeps a pointer to the
    # data, so the bytes live as long as the translator does.
    try:
        data = qm.read_bytes()
    except OSError:
        return False
    if not translator.load(data):
        return False
    _translator_data[translator] = data
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def format_moment(moment: dt.datetime, with_day: bool = True) -> str:
    """A moment in the chosen language, e.g. ``Rabu 25-11-2026 08:00`` (keep it aware and local)."""
    qt_moment = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    pattern = "dddd dd-MM-yyyy HH:mm" if with_day else "dd-MM-yyyy HH:mm"
    return QLocale().toString(qt_moment, pattern)

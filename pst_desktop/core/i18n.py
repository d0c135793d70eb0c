"""Translation: English source strings, Indonesian by default, English selectable.

Services and widgets call ``QCoreApplication.translate("Context", "English text")`` (or
``self.tr("...")``) with the string literal right in the call: ``pyside6-lupdate`` reads literals
only, so a helper such as ``_t(text)`` would hide its strings from the translation.
``python tools/translations.py update`` refreshes ``resources/translations/pst_id.ts``, ``build``
makes the committed ``pst_id.qm``; ``install_translator`` loads the ``.qm`` of the chosen
language.

A printed ticket or a report has its own language (the station's ticket language, the one
chosen for a report), which need not be the staff's UI language: ``translation(language)``
gives a ``Translation`` whose ``translate("Context", "English text")`` asks that language's
``.qm`` only (loaded once, never installed in the app), and whose ``locale`` names months and
weekdays in it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTranslator

from pst_desktop.core.paths import resource_path

log = logging.getLogger(__name__)

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
    data = _read_qm(name)
    if data is None or not translator.load(data):
        return False
    _translator_data[translator] = data
    app.installTranslator(translator)
    _installed.append(translator)
    return True


class Translation:
    """The words of one language for a document printed in it (a ticket, a report).

    ``translate("Context", "English text")`` as ``QCoreApplication.translate``, but from this
    language's ``.qm`` whatever the app's language is, and the English source when the ``.qm``
    has no translation (English itself has no ``.qm``).  Call it with string literals, like
    ``QCoreApplication.translate``, so that lupdate sees them.  Safe on any thread.
    """

    def __init__(self, language: str, translator: QTranslator | None) -> None:
        self.language = language
        self._lookup = translator.translate if translator is not None else None
        self._lock = threading.Lock()  # one QTranslator is reentrant, not thread-safe
        self.locale = QLocale(
            QLocale.Language.Indonesian if language == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia if language == "id" else QLocale.Country.UnitedStates,
        )

    def translate(self, context: str, source: str) -> str:
        if self._lookup is None:
            return source
        # the callers pass literals (lupdate reads them there); this only forwards them
        with self._lock:
            return self._lookup(context, source) or source

    def month_name(self, month: int, short: bool = False) -> str:
        """``Agustus`` / ``August`` (``Agu`` / ``Aug`` when short), from QLocale."""
        kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
        return self.locale.monthName(month, kind)

    def weekday_name(self, weekday: int) -> str:
        """``Senin`` / ``Monday`` for Python's ``weekday()`` (0 = Monday), from QLocale."""
        return self.locale.dayName(weekday + 1)

    def date_text(self, day: dt.date, pattern: str) -> str:
        """``day`` written with a QLocale pattern, e.g. ``dddd, d MMMM yyyy``."""
        return self.locale.toString(QDate(day.year, day.month, day.day), pattern)


_translations: dict[str, Translation] = {}
_translations_lock = threading.Lock()


def translation(language: str) -> Translation:
    """The ``Translation`` of ``language`` ("id", "en"; anything else: the default), cached."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    with _translations_lock:
        found = _translations.get(language)
        if found is None:
            translator = None
            if language != "en":
                translator = QTranslator()
                app = QCoreApplication.instance()
                if app is not None:  # first asked on a print thread: live with the app
                    translator.moveToThread(app.thread())
                data = _read_qm(f"pst_{language}.qm")
                if data is None or not translator.load(data):
                    log.warning(
                        "pst_%s.qm not loaded: %s documents are printed in English",
                        language,
                        LANGUAGES[language],
                    )
                    translator = None
                else:
                    _translator_data[translator] = data
            found = _translations[language] = Translation(language, translator)
        return found


def _read_qm(name: str) -> bytes | None:
    """The bytes of a ``.qm``, for ``QTranslator.load(data)``; keep them as long as the translator
    (``_translator_data``).

    Read into memory, not QTranslator.load(path): Qt maps a .qm file into memory, and when the
    file is rewritten in place (an update copied over the installed folder while the stations
    run) every running station dies at its next translated string (SIGBUS; seen in the
    office-day run: three stations at the same second). Qt keeps a pointer to the data, so the
    bytes live as long as the translator does.
    """
    try:
        return resource_path("translations", name).read_bytes()
    except OSError:
        return None


def format_moment(moment: dt.datetime, with_day: bool = True) -> str:
    """A moment in the chosen language, e.g. ``Rabu 25-11-2026 08:00`` (keep it aware and local)."""
    qt_moment = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    pattern = "dddd dd-MM-yyyy HH:mm" if with_day else "dd-MM-yyyy HH:mm"
    return QLocale().toString(qt_moment, pattern)

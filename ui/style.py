"""The look of the whole app: Fusion, a calm palette in BPS blue, one style sheet.

Widgets only set object names (``banner``, ``card``, ``primaryButton``, ``errorLabel`` …);
the colours and sizes live here.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BLUE = "#0b4a8b"
BLUE_DARK = "#083766"
BLUE_LIGHT = "#e8f0f9"
ORANGE = "#f28c28"
BACKGROUND = "#eef2f6"
TEXT = "#1f2933"
MUTED = "#5b6773"
BORDER = "#c9d3dd"
ERROR = "#b3261e"
ERROR_BACKGROUND = "#fdecea"

STYLE_SHEET = f"""
QWidget#page {{ background: {BACKGROUND}; }}
QWidget#banner {{ background: {BLUE}; border-bottom: 4px solid {ORANGE}; }}
QLabel#bannerOffice {{ color: white; font-size: 22pt; font-weight: bold; }}
QLabel#bannerSubtitle {{ color: #d6e4f3; font-size: 11pt; }}
QLabel#bannerUser {{ color: white; font-size: 10pt; }}
QFrame#card {{
    background: white; border: 1px solid {BORDER}; border-radius: 8px;
}}
QLabel#cardTitle {{ color: {TEXT}; font-size: 16pt; font-weight: bold; }}
QLabel#placeholderTitle {{ color: {TEXT}; font-size: 14pt; font-weight: bold; }}
QLabel#cardHint {{ color: {MUTED}; }}
QLabel#fieldLabel {{ color: {TEXT}; font-weight: bold; }}
QLabel#fieldError {{ color: {ERROR}; font-size: 9pt; }}
QLabel#errorLabel {{
    color: {ERROR}; background: {ERROR_BACKGROUND}; border: 1px solid #f3c1bd;
    border-radius: 4px; padding: 8px 10px;
}}
QLabel#footer {{ color: {MUTED}; font-size: 9pt; }}
QLabel#detailKey {{ color: {MUTED}; }}
QLabel#detailValue {{ color: {TEXT}; font-weight: bold; }}
QLineEdit {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 6px 8px; min-height: 22px; selection-background-color: {BLUE};
}}
QLineEdit:focus {{ border: 2px solid {BLUE}; padding: 5px 7px; }}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; padding: 5px 7px; }}
QPushButton {{
    background: white; color: {TEXT}; border: 1px solid {BORDER}; border-radius: 4px;
    padding: 7px 18px; min-height: 22px;
}}
QPushButton:hover {{ background: {BLUE_LIGHT}; }}
QPushButton#primaryButton {{
    background: {BLUE}; color: white; border: 1px solid {BLUE_DARK}; font-weight: bold;
}}
QPushButton#primaryButton:hover {{ background: {BLUE_DARK}; }}
QPushButton#bannerButton {{
    background: transparent; color: white; border: 1px solid #8fb0d3; padding: 5px 14px;
}}
QPushButton#bannerButton:hover {{ background: {BLUE_DARK}; }}
"""


#: the app's text is this much larger than the system's (Windows' 9 pt gives the 10.5 pt the
#: windows were designed with); a larger system text size gives larger text here too
FONT_FACTOR = 7 / 6
DESIGN_POINT_SIZE = 10.5
_SIZE = re.compile(r"(\d+(?:\.\d+)?)(pt|px)\b")


def scale_sheet(sheet: str, factor: float, *, pixels: bool = True) -> str:
    """``sheet`` with every ``pt`` size (and, with ``pixels``, every ``px`` length) times
    ``factor``: a window's style sheet follows the app font or its screen instead of pinning
    sizes.  A 1 px border stays at least 1 px."""

    def scaled(match: re.Match) -> str:
        value, unit = float(match.group(1)), match.group(2)
        if unit == "px" and not pixels:
            return match.group(0)
        new = value * factor
        if unit == "px":
            return f"{max(1 if value else 0, round(new))}px"
        return f"{new:.1f}pt"

    return _SIZE.sub(scaled, sheet)


def font_scale() -> float:
    """The app font against the size the style sheets were written for (10.5 pt): style sheets
    of staff windows pass their ``pt`` sizes through ``scale_sheet(sheet, font_scale(),
    pixels=False)`` so that they follow the system's text size."""
    app = QApplication.instance()
    size = app.font().pointSizeF() if app is not None else -1
    return size / DESIGN_POINT_SIZE if size > 0 else 1.0


_system_point_size: float | None = None


def app_point_size(system_point_size: float) -> float:
    """The app's text size for the system's (to the half point): 9 pt (Windows at 100 %
    text size) gives 10.5 pt, a larger system text size a larger app text."""
    return round(system_point_size * FONT_FACTOR * 2) / 2


def apply_style(app: QApplication) -> None:
    """Fusion with the app palette and style sheet; the same on Windows and Linux.

    Applying it again with nothing changed does nothing: a new style or sheet re-polishes every
    live widget (each UI test applied it, and that was much of the suite's time)."""
    global _system_point_size
    if _system_point_size is None:  # the system's own text size, before ours
        _system_point_size = QFont(app.font()).pointSizeF()
    font = QFont(app.font())
    if _system_point_size > 0:
        font.setPointSizeF(app_point_size(_system_point_size))
    applied = app.property("pstStyleSheet")
    if (
        applied
        and app.styleSheet() == applied
        and app.font() == font
        and app.palette().color(QPalette.ColorRole.Window) == QColor(BACKGROUND)
    ):
        return
    app.setStyle("Fusion")
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(BLUE))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("white"))
    palette.setColor(QPalette.ColorRole.Button, QColor("white"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    app.setPalette(palette)
    app.setFont(font)
    sheet = scale_sheet(STYLE_SHEET, font_scale(), pixels=False)  # after the font: it scales
    app.setStyleSheet(sheet)
    app.setProperty("pstStyleSheet", sheet)

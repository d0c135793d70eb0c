"""Which monitor a visitor-facing screen opens on, and putting a window there fullscreen.

TECH-NOTES: ``setScreen`` alone leaves the window on the primary screen; the geometry is set
too, then ``showFullScreen`` (under a bare X server fullscreen is only a request).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap, QScreen
from PySide6.QtWidgets import QWidget

from ui.style import BLUE, ORANGE, scale_sheet


@dataclass(frozen=True)
class ScreenChoice:
    screen: QScreen
    #: True when the window has a screen of its own (not the one the staff window uses)
    dedicated: bool


def choose_screen(wanted: str = "", *, second: bool = True) -> ScreenChoice:
    """The screen named ``wanted``; else (``second``) the first screen that is not the primary
    one; else the primary screen, then ``dedicated`` is False when a second screen was wanted."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    if wanted:
        for screen in screens:
            if screen.name() == wanted:
                return ScreenChoice(screen, screen is not primary or not second)
    if second:
        for screen in screens:
            if screen is not primary:
                return ScreenChoice(screen, True)
        return ScreenChoice(primary, False)
    return ScreenChoice(primary, True)


#: the size the visitor-facing screens were designed for: their fonts and faces scale from it
DESIGN_SIZE = QSize(1920, 1080)


def screen_scale(size: QSize) -> float:
    """How big a visitor-facing screen draws in a window (fullscreen: a screen) of ``size``:
    1.0 on 1920×1080, 2/3 on 1280×720 or 1366×768-ish TVs, 2.0 on 4K; the tighter of width and
    height, so a 16:10 or 4:3 screen fits too."""
    factor = min(size.width() / DESIGN_SIZE.width(), size.height() / DESIGN_SIZE.height())
    return max(0.4, min(3.0, factor))


def fit_to_screen(widget: QWidget, sheet: str) -> float | None:
    """Restyle a visitor screen for its size (``sheet`` drawn for 1920×1080) and return the
    new scale, or None when the size changed too little to redraw (the board and the rating
    screen then size their pictures and margins with ``scaled``)."""
    factor = screen_scale(widget.size())
    if abs(factor - getattr(widget, "_scale", 0.0)) < 0.02:
        return None
    widget._scale = factor  # type: ignore[attr-defined]
    widget.setStyleSheet(scale_sheet(sheet, factor))
    return factor


def scaled(factor: float) -> Callable[[float], int]:
    """Pixels of the 1920×1080 design at ``factor`` (never below one)."""
    return lambda value: max(1, round(value * factor))


def keep_keyboard_off(widget: QWidget) -> None:
    """A visitor-facing window that never becomes the active window: shown, tapped and clicked
    without taking keyboard focus from the staff window on the same PC."""
    widget.setWindowFlag(Qt.WindowType.WindowDoesNotAcceptFocus, True)
    widget.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for child in widget.findChildren(QWidget):
        child.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def show_fullscreen_on(widget: QWidget, screen: QScreen) -> None:
    """Frameless and fullscreen on ``screen``."""
    widget.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    widget.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    widget.winId()  # create the native window, so that it can be moved to the screen
    handle = widget.windowHandle()
    if handle is not None:
        handle.setScreen(screen)
    widget.setGeometry(screen.geometry())
    widget.showFullScreen()  # (a later setGeometry would drop the fullscreen state)


def logo_pixmap(data: bytes | None, size: int) -> QPixmap:
    """The office logo from the database; without one a plain round "PST" badge."""
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        return pixmap.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(ORANGE))
    painter.drawEllipse(0, 0, size, size)
    painter.setBrush(QColor(BLUE))
    inset = max(2, size // 14)
    painter.drawEllipse(inset, inset, size - 2 * inset, size - 2 * inset)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.3))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "PST")
    painter.end()
    return pixmap

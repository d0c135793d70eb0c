"""Small building blocks every window shares: the office banner, field labels and errors."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.accessibility import announce_error


class Banner(QWidget):
    """The blue band at the top of a window: the office name big, a subtitle under it, and
    room on the right (``side``) for the signed-in user and a logout button."""

    def __init__(self, office_name: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.office_label = QLabel(office_name)
        self.office_label.setObjectName("bannerOffice")
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("bannerSubtitle")
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.office_label)
        titles.addWidget(self.subtitle_label)
        self.side = QHBoxLayout()
        self.side.setSpacing(12)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 18, 32, 18)
        row.addLayout(titles, 1)
        row.addLayout(self.side)


def field_label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("fieldLabel")
    label.setBuddy(buddy)
    return label


def field_error() -> QLabel:
    """An error line under one field; hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label


def set_field_error(field: QLineEdit, label: QLabel, message: str) -> None:
    """Show ``message`` under ``field`` and mark it (an empty message clears both)."""
    label.setText(message)
    label.setVisible(bool(message))
    field.setProperty("invalid", bool(message))
    field.style().unpolish(field)
    field.style().polish(field)
    announce_error(field, message)  # said by a screen reader, not only drawn (issue 12 item 10)


class MessageBand(QLabel):
    """A window's message line that keeps its place: shown or hidden, with one line of text or
    ``lines`` lines, it is as tall, so a message never moves the fields under the mouse. (A
    longer message still grows it rather than hide its end.)"""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self.setWordWrap(True)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        self.setSizePolicy(policy)

    def reserved_height(self) -> int:
        self.ensurePolished()  # the style sheet's padding and border are contents margins
        margins = self.contentsMargins()
        return (
            self.fontMetrics().lineSpacing() * self.lines
            + margins.top()
            + margins.bottom()
            + 2 * self.margin()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self.reserved_height()))

    def heightForWidth(self, width: int) -> int:
        return max(super().heightForWidth(width), self.reserved_height())


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a frameless scroll area: on a small screen (1280×720 logical) it scrolls
    instead of making the whole window larger than the screen."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
    area.viewport().setAutoFillBackground(False)
    page.setAutoFillBackground(False)
    return area


class WrappingLabel(QLabel):
    """A word-wrapped label never narrower than its longest word (a plain wrapped label may be
    squeezed until a long word is cut)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        margins = self.contentsMargins()
        words = self.text().split()
        longest = max((self.fontMetrics().horizontalAdvance(w) for w in words), default=0)
        extra = margins.left() + margins.right() + 2 * self.margin() + 1
        return QSize(max(hint.width(), longest + extra), hint.height())


def breakable(text: str) -> str:
    """``text`` that a word-wrapped label may break inside a long file path too (a zero-width
    space after each ``/`` and ``\\``), so a path never widens the window."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")

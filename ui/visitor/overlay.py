"""The rating screen of a one-screen officer desk: a full-window prompt over the officer's window.

With no monitor facing the visitor, the officer turns the one screen to the visitor after F8.
The rating screen then lies over the whole officer window (not a second window that could open
behind it): it shows only while it asks, takes the keyboard while it shows (so the officer's F2 or
Enter cannot act unseen under it), and goes away by itself when the visitor is done.  The officer
can dismiss it at any time with Esc; the officer's window is back with the keyboard where it was.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QShortcut
from PySide6.QtWidgets import QApplication, QWidget

from ui.visitor.rating_screen import RatingScreen

logger = logging.getLogger(__name__)


class RatingOverlay(QObject):
    """Lays ``screen`` (a ``RatingScreen`` made a child of ``host``) over all of ``host``."""

    def __init__(self, screen: RatingScreen, host: QWidget) -> None:
        super().__init__(screen)
        self.screen = screen
        self.host = host
        self._return_focus: QWidget | None = None
        screen.setParent(host)
        screen.setWindowFlags(Qt.WindowType.Widget)
        screen.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # the kiosk's hidden exit means nothing here: the officer's Esc dismisses
        for shortcut in screen.findChildren(QShortcut):
            shortcut.setEnabled(False)
        for widget in [screen, *screen.findChildren(QWidget)]:
            widget.installEventFilter(self)
        host.installEventFilter(self)
        screen.pages.currentChanged.connect(self._stage_shown)
        # one quiet line for the officer: how to get the window back
        screen.notice_line.setText(self.tr("Officer: press Esc to return to your window."))
        screen.notice_line.show()
        screen.hide()
        self._fit()
        self._stage_shown(0)  # it may have found a visit to ask about when it started

    @property
    def showing(self) -> bool:
        return self.screen.isVisible()

    def _fit(self) -> None:
        self.screen.setGeometry(self.host.rect())

    def _stage_shown(self, _index: int) -> None:
        if self.screen.pages.currentWidget() is self.screen.idle_page:
            self._hide()
        else:
            self._show()

    def _show(self) -> None:
        if self.screen.isVisible():
            return
        focus = QApplication.focusWidget()
        if focus is not None and focus is not self.screen and not self.screen.isAncestorOf(focus):
            self._return_focus = focus
        self._fit()
        self.screen.show()
        self.screen.raise_()
        self.screen.setFocus(Qt.FocusReason.OtherFocusReason)
        logger.info("rating prompt shown over the officer's window")

    def _hide(self) -> None:
        if not self.screen.isVisible():
            return
        self.screen.hide()
        back, self._return_focus = self._return_focus, None
        if back is not None and not shiboken6.isValid(back):
            back = None
        (back or self.host).setFocus(Qt.FocusReason.OtherFocusReason)

    def dismiss(self) -> None:
        """The officer's Esc: stop asking (the visit is not asked about again here)."""
        if self.screen.kiosk.stage.value != "idle":
            logger.info("rating prompt dismissed by the officer")
        self.screen.stage_timer.stop()
        self.screen.kiosk.idle()
        self.screen.pages.setCurrentWidget(self.screen.idle_page)
        self._hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not shiboken6.isValid(self.screen) or not shiboken6.isValid(self.host):
            return False  # (being deleted: signing out)
        kind = event.type()
        if watched is self.host:
            if kind == QEvent.Type.Resize:
                self._fit()
            return False
        if not self.screen.isVisible():
            return False
        if kind == QEvent.Type.ShortcutOverride:
            # the officer's window keys (F2, F8, Ctrl+T…) stay off while the visitor rates
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if watched is not self.screen.comment_edit:
                return True  # Enter & co. never press a visitor's button
        return False

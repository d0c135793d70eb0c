"""The blue card at the top of the officer's window: the ticket held, its service clock, the
desk this PC serves and the moves on the ticket (Call next, Recall, Start, Finish, No-show,
Return, Transfer).

The card shows what it is given and says what was pressed (``call_asked`` …); the window runs
the moves, keeps the keys (F2 … Ctrl+T) and decides nothing here but which buttons fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.officer.workspace import DeskChoice, HeldTicket, ServiceClock
from pst_desktop.sop.standards import Verdict


def repolish(widget: QWidget) -> None:
    """Restyle ``widget`` after a property its style sheet reads has changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class HeldCard(QFrame):
    """The held ticket and the moves on it; ``desk_chosen`` when the officer picks a desk."""

    call_asked = Signal()
    recall_asked = Signal()
    start_asked = Signal()
    skip_asked = Signal()
    return_asked = Signal()
    finish_asked = Signal()
    transfer_asked = Signal()
    hand_on_asked = Signal()
    desk_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("heldCard")
        self._build()
        self._connect_signals()

    def _action(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("action")
        button.setToolTip(tip)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def _build(self) -> None:
        self.held_code = QLabel()
        self.held_code.setObjectName("heldCode")
        self.held_status = QLabel()
        self.held_status.setObjectName("heldStatus")
        self.held_detail = QLabel()
        self.held_detail.setObjectName("heldDetail")
        # the visitor may not see or hear the call (a sensory disability): go and fetch them
        self.fetch_line = QLabel(self.tr("Fetch the visitor: they may not see or hear the call"))
        self.fetch_line.setObjectName("heldStatus")  # the status badge's look: white, bold
        self.fetch_line.setWordWrap(True)
        self.fetch_line.hide()
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer")
        self.timer_label.setToolTip(
            self.tr("SOP: the service, from start to finish, takes at most 3 hours")
        )
        self.timer_hint = QLabel(self.tr("service time / standard"))
        self.timer_hint.setObjectName("timerHint")
        self.desk_combo = QComboBox()
        self.desk_combo.setMaximumWidth(230)
        self.desk_combo.setToolTip(self.tr("The desk this PC serves (saved on this PC)"))

        self.call_button = QPushButton(self.tr("Call next  (F2)"))
        self.call_button.setObjectName("callButton")
        self.call_button.setToolTip(self.tr("Call the next waiting ticket of this desk (F2)"))
        self.recall_button = self._action(self.tr("Recall"), self.tr("Announce again (F3)"))
        self.start_button = self._action(
            self.tr("Start"), self.tr("The visitor is at the desk: start the service (F4)")
        )
        self.skip_button = self._action(
            self.tr("No-show"), self.tr("The visitor did not come: skip the ticket (F6)")
        )
        self.return_button = self._action(
            self.tr("Return"), self.tr("Put the ticket back in the queue, keeping its place (F7)")
        )
        self.finish_button = self._action(
            self.tr("Finish"), self.tr("End the service and ask the visitor to rate it (F8)")
        )
        self.transfer_button = self._action(
            self.tr("Transfer"),
            self.tr("Send the ticket to another service or desk; it keeps its place (Ctrl+T)"),
        )
        # a visit with several services: this one is done, the visitor goes on to the next
        self.hand_on_button = self._action(
            self.tr("On to the next service  (Shift+F8)"),
            self.tr(
                "This service is done: the visitor goes on to the next service of the visit "
                "and keeps their place in its queue (Shift+F8)"
            ),
        )
        self.hand_on_button.hide()

        left = QVBoxLayout()
        left.setSpacing(2)
        code_row = QHBoxLayout()
        code_row.addWidget(self.held_code)
        code_row.addWidget(self.held_status, 0, Qt.AlignmentFlag.AlignVCenter)
        code_row.addStretch(1)
        left.addLayout(code_row)
        left.addWidget(self.held_detail)
        left.addWidget(self.fetch_line)
        # the service clock under the ticket (not a column of its own): fits 1280 px
        clock_box = QHBoxLayout()
        clock_box.setSpacing(10)
        clock_box.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignBaseline)
        clock_box.addWidget(self.timer_hint, 0, Qt.AlignmentFlag.AlignBaseline)
        clock_box.addStretch(1)
        left.addLayout(clock_box)
        actions = QGridLayout()
        actions.setHorizontalSpacing(6)
        actions.setVerticalSpacing(6)
        actions.addWidget(self.desk_combo, 0, 0, 1, 2)
        actions.addWidget(self.call_button, 1, 0, 1, 2)
        actions.addWidget(self.recall_button, 0, 2)
        actions.addWidget(self.start_button, 0, 3)
        actions.addWidget(self.finish_button, 0, 4)
        actions.addWidget(self.skip_button, 1, 2)
        actions.addWidget(self.return_button, 1, 3)
        actions.addWidget(self.transfer_button, 1, 4)  # (five columns: fits 1093 px)
        actions.addWidget(self.hand_on_button, 2, 2, 1, 3)  # only while the visit has one
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 10, 18, 10)
        row.setSpacing(18)
        row.addLayout(left, 4)
        row.addLayout(actions, 5)

    def _connect_signals(self) -> None:
        self.desk_combo.currentIndexChanged.connect(lambda _index: self.desk_chosen.emit())
        self.call_button.clicked.connect(self.call_asked)
        self.recall_button.clicked.connect(self.recall_asked)
        self.start_button.clicked.connect(self.start_asked)
        self.skip_button.clicked.connect(self.skip_asked)
        self.return_button.clicked.connect(self.return_asked)
        self.finish_button.clicked.connect(self.finish_asked)
        self.transfer_button.clicked.connect(self.transfer_asked)
        self.hand_on_button.clicked.connect(self.hand_on_asked)

    # == the desk ================================================================================
    def fill_desks(self, desks: list[DeskChoice], keep: int | None = None) -> bool:
        """List ``desks`` (and "Choose your desk…"), ``keep`` chosen while it is still there.
        True and ``desk_chosen`` when the choice had to change (the admin closed that desk)."""
        self.desk_combo.blockSignals(True)
        try:
            self.desk_combo.clear()
            self.desk_combo.addItem(self.tr("Choose your desk…"), None)
            for desk in desks:
                self.desk_combo.addItem(desk.name, desk.desk_id)
            self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(keep)))
        finally:
            self.desk_combo.blockSignals(False)
        if self.desk_id == keep:
            return False
        self.desk_chosen.emit()
        return True

    @property
    def desk_id(self) -> int | None:
        """The desk chosen (None: none yet)."""
        return self.desk_combo.currentData()

    def choose_desk(self, desk_id: int | None) -> None:
        self.desk_combo.setCurrentIndex(max(0, self.desk_combo.findData(desk_id)))

    # == the ticket ==============================================================================
    def show_held(self, held: HeldTicket | None, *, desk_chosen: bool) -> None:
        if held is None:
            self.held_code.setText(self.tr("No ticket"))
            self.held_status.hide()
            self.held_detail.setText(
                self.tr("Press F2 to call the next visitor")
                if desk_chosen
                else self.tr("Choose your desk to start")
            )
        else:
            self.held_code.setText(held.code)
            self.held_status.setText(
                self.tr("In service") if held.status == "serving" else self.tr("Called")
            )
            self.held_status.show()
            parts = [held.visitor_name or "—", held.service_name]
            if held.call_count > 1:
                parts.append(self.tr("called {n} times").format(n=held.call_count))
            if held.priority:
                parts.append(self.tr("priority"))
            if held.next_service:
                parts.append(self.tr("then {service}").format(service=held.next_service))
            self.held_detail.setText(" · ".join(parts))
        self.hand_on_button.setVisible(held is not None and bool(held.next_service))
        self.fetch_line.setVisible(held is not None and held.fetch_visitor)
        if self.held_code.property("idle") != (held is None):  # restyled only when it changes
            self.held_code.setProperty("idle", held is None)
            repolish(self.held_code)

    def show_clock(self, timer: ServiceClock | None) -> None:
        """The service time against its standard (``None``: the service has not started)."""
        if timer is None:
            self.timer_label.setText("–:–– / 3:00")
            level = ""
        else:
            self.timer_label.setText(timer.text())
            level = (
                "overdue"
                if timer.verdict is Verdict.OVERDUE
                else ("warning" if timer.warning else "")
            )
        if self.timer_label.property("level") != level:
            self.timer_label.setProperty("level", level)
            repolish(self.timer_label)

    def enable_moves(
        self, held: HeldTicket | None, *, free: bool, desk_chosen: bool, no_show_to_return: bool
    ) -> None:
        """The moves that fit the held ticket; all off while a move is under way (not
        ``free``). Holding none, Return puts the last no-show back (``no_show_to_return``)."""
        has = held is not None
        called = has and held.status == "called"
        self.call_button.setEnabled(free and not has and desk_chosen)
        self.recall_button.setEnabled(free and called)
        self.start_button.setEnabled(free and called)
        self.skip_button.setEnabled(free and called)
        self.return_button.setEnabled(free and (called or (not has and no_show_to_return)))
        self.finish_button.setEnabled(free and has)
        self.transfer_button.setEnabled(free and has)
        self.hand_on_button.setEnabled(free and has and bool(held.next_service))

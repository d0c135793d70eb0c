"""This station's ticket printer: which printer, which paper, and a test print.

The test print runs on the print thread (``ui.reception.output.PrintRunner``) and says the truth:
a printer that is stopped, in error or unknown gets nothing, and the dialog says what is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pst_desktop.core.settings import TICKET_PAPERS, StationSettings
from pst_desktop.frontdesk import ticket_printing as printing
from ui import printing as print_path
from ui.reception.output import PrintRunner
from ui.widgets import field_label


class PrinterSettingsDialog(QDialog):
    """Lists ``ui.printing.available_printers()``; "no printer" saves each ticket as a PDF only.

    ``saved`` is emitted after the choice is written to the station settings."""

    saved = Signal()
    test_finished = Signal(object)  # the test print's PrintResult

    def __init__(
        self,
        settings: StationSettings,
        office_name: str = "",
        parent: QWidget | None = None,
        print_to_file: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self._office_name = office_name
        self._print_to_file = print_to_file
        self.printer_status: printing.StatusReader | None = None  # tests fake the state
        self._runner = PrintRunner(self)
        self._runner.finished.connect(self._test_done)
        self.setWindowTitle(self.tr("Ticket printer"))
        self.setMinimumWidth(520)
        title = QLabel(self.tr("Ticket printer of this station"))
        title.setObjectName("cardTitle")
        hint = QLabel(
            self.tr(
                "Every ticket is also saved as a PDF. Without a printer the ticket is only "
                "saved, and the receptionist is told so."
            )
        )
        hint.setObjectName("cardHint")
        hint.setWordWrap(True)
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.addItem(self.tr("No printer — save PDF only"), "")
        for name in print_path.available_printers():
            self.printer.addItem(name, name)
        current = settings.printer
        if current and self.printer.findData(current) < 0:
            self.printer.addItem(self.tr("{name} (not found)").format(name=current), current)
        self.printer.setCurrentIndex(max(self.printer.findData(current), 0))
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        paper_names = {
            "80mm": self.tr("80 mm roll"),
            "58mm": self.tr("58 mm roll"),
            "A6": self.tr("A6 sheet"),
        }
        for code in TICKET_PAPERS:
            self.paper.addItem(paper_names.get(code, code), code)
        self.paper.setCurrentIndex(max(self.paper.findData(settings.ticket_paper), 0))
        self.result = QLabel()
        self.result.setObjectName("cardHint")
        self.result.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Print a test ticket"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(field_label(self.tr("&Printer"), self.printer))
        layout.addWidget(self.printer)
        layout.addWidget(field_label(self.tr("P&aper"), self.paper))
        layout.addWidget(self.paper)
        layout.addWidget(self.result)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.test_button.clicked.connect(self.print_test)

    def save(self) -> None:
        self.settings.printer = self.printer.currentData() or ""
        self.settings.ticket_paper = self.paper.currentData()
        self.saved.emit()
        self.accept()

    def print_test(self) -> None:
        """Print a made-up ticket on the chosen printer and paper (nothing is saved)."""
        name = self.printer.currentData() or ""
        if not name and self._print_to_file is None:
            self.result.setText(self.tr("Choose a printer first."))
            return
        settings, office, paper = self.settings, self._office_name, self.paper.currentData()
        print_to_file, status = self._print_to_file, self.printer_status

        def work() -> printing.PrintResult:
            return print_path.print_test_ticket(
                settings,
                office,
                printer_name=name,
                paper=paper,
                print_to_file=print_to_file,
                status=status,
            )

        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Sending the test ticket to {printer}…").format(printer=name))
        self._runner.submit(name, work)

    def _test_done(self, name: str, value: object) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(value, printing.PrintResult):  # the print thread caught an exception
            self.result.setText(self.tr("The test ticket failed: {reason}").format(reason=value))
            self.test_finished.emit(None)
            return
        if value.ok:
            self.result.setText(self.tr("The test ticket was sent to the printer."))
        elif value.status is not None:
            problem = printing.problem_line(name, value)
            if value.sent:
                self.result.setText(
                    self.tr("{problem} after the test ticket was sent.").format(problem=problem)
                )
            else:
                self.result.setText(
                    self.tr("{problem}: the test ticket was not sent.").format(problem=problem)
                )
        else:
            self.result.setText(
                self.tr("The test ticket failed: {reason}").format(reason=value.error)
            )
        self.test_finished.emit(value)

    def done(self, result: int) -> None:
        self._runner.wait(5000)
        super().done(result)

"""A ticket's PDF and print-out: render (``tickets``), save and print (``printing``).

One small object the window calls for every ticket and reprint; tests give it a folder and a
PDF file standing in for the printer.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pst_desktop import printing, tickets
from pst_desktop.clock import Clock
from pst_desktop.settings import StationSettings


@dataclass(frozen=True)
class OutputResult:
    code: str
    pdf: bytes
    pdf_path: Path | None
    printed: bool
    message: str  # "" when printed and saved; else one line for the receptionist


class TicketOutput:
    def __init__(
        self,
        settings: StationSettings,
        clock: Clock,
        folder: Path | None = None,
        print_to_file: str | os.PathLike[str] | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.folder = folder
        self.print_to_file = print_to_file

    def output(self, visit_id: int) -> OutputResult:
        language = self.settings.ticket_language or tickets.DEFAULT_LANGUAGE
        data = tickets.ticket_data_for(visit_id, self.clock, language)
        pdf = tickets.render_ticket(data, paper=self.settings.ticket_paper, language=language)
        result = printing.issue_output(
            pdf,
            self.settings,
            self.folder,
            code=data.code,
            day=data.day,
            print_to_file=self.print_to_file,
        )
        return OutputResult(data.code, pdf, result.pdf_path, result.printed, result.message)

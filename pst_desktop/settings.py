"""This PC's settings (QSettings): which database, which office, desk, screens and printer.

Organisation "BPS", application "PST Desktop"; tests point QSettings at a temp folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "BPS"
APPLICATION = "PST Desktop"
#: the ticket papers ``tickets.render_ticket`` knows
TICKET_PAPERS = ("80mm", "58mm", "A6")


class StationSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(ORGANIZATION, APPLICATION)

    def _get(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return "" if value is None else str(value)

    def _set(self, key: str, value: str | int | None) -> None:
        if value is None or value == "":
            self._s.remove(key)
        else:
            self._s.setValue(key, value)
        self._s.sync()

    @property
    def database_url(self) -> str:
        return self._get("database/url")

    @database_url.setter
    def database_url(self, value: str) -> None:
        self._set("database/url", value)

    @property
    def office_id(self) -> int | None:
        value = self._get("station/office_id")
        return int(value) if value.isdigit() else None

    @office_id.setter
    def office_id(self, value: int | None) -> None:
        self._set("station/office_id", value)

    @property
    def desk_id(self) -> int | None:
        value = self._get("station/desk_id")
        return int(value) if value.isdigit() else None

    @desk_id.setter
    def desk_id(self, value: int | None) -> None:
        self._set("station/desk_id", value)

    @property
    def visitor_screen(self) -> str:
        return self._get("station/visitor_screen")

    @visitor_screen.setter
    def visitor_screen(self, value: str) -> None:
        self._set("station/visitor_screen", value)

    @property
    def printer(self) -> str:
        return self._get("station/printer")

    @printer.setter
    def printer(self, value: str) -> None:
        self._set("station/printer", value)

    @property
    def ticket_paper(self) -> str:
        """The ticket's paper: "80mm" (default), "58mm" or "A6" (see ``tickets.PAPERS``)."""
        value = self._get("station/ticket_paper", "80mm")
        return value if value in TICKET_PAPERS else "80mm"

    @ticket_paper.setter
    def ticket_paper(self, value: str) -> None:
        if value not in TICKET_PAPERS:
            raise ValueError(f"unknown ticket paper {value!r}; choose one of {TICKET_PAPERS}")
        self._set("station/ticket_paper", value)

    @property
    def ticket_folder(self) -> str:
        """Where ticket PDFs are saved; "" means ``tickets`` in the user data folder."""
        return self._get("station/ticket_folder")

    @ticket_folder.setter
    def ticket_folder(self, value: str) -> None:
        self._set("station/ticket_folder", value)

    @property
    def language(self) -> str:
        return self._get("station/language", "id")

    @language.setter
    def language(self, value: str) -> None:
        self._set("station/language", value)

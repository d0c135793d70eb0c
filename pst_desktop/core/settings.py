"""This PC's settings (QSettings): which database, which office, desk, screens and printer.

Organisation "BPS", application "PST Desktop"; tests point QSettings at a temp folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "BPS"
APPLICATION = "PST Desktop"
#: the ticket papers ``tickets.render_ticket`` knows
TICKET_PAPERS = ("80mm", "58mm", "A6")
#: what a PC can run (``StationSettings.station_role``)
STATION_ROLES = ("staff", "board", "rating")


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

    @property
    def ticket_language(self) -> str:
        """The language printed on tickets: visitors read Indonesian unless the office says so."""
        return self._get("station/ticket_language", "id")

    @ticket_language.setter
    def ticket_language(self, value: str) -> None:
        self._set("station/ticket_language", value)

    # -- visitor-facing screens ---------------------------------------------------------
    def _get_int(self, key: str, default: int, low: int, high: int) -> int:
        value = self._get(key)
        try:
            number = int(value)
        except ValueError:
            return default
        return min(max(number, low), high)

    @property
    def rating_scale(self) -> int:
        """Faces on the rating screen: 4 (default) or 5."""
        return 5 if self._get("rating/scale") == "5" else 4

    @rating_scale.setter
    def rating_scale(self, value: int) -> None:
        if value not in (4, 5):
            raise ValueError("the rating screen shows 4 or 5 faces")
        self._set("rating/scale", value)

    @property
    def rating_ask_seconds(self) -> int:
        """How long the rating question stays before the screen returns to idle."""
        return self._get_int("rating/ask_seconds", 120, 1, 600)

    @rating_ask_seconds.setter
    def rating_ask_seconds(self, value: int) -> None:
        self._set("rating/ask_seconds", int(value))

    @property
    def rating_comment_seconds(self) -> int:
        """How long the optional comment waits for the visitor."""
        return self._get_int("rating/comment_seconds", 45, 1, 600)

    @rating_comment_seconds.setter
    def rating_comment_seconds(self, value: int) -> None:
        self._set("rating/comment_seconds", int(value))

    @property
    def rating_thanks_seconds(self) -> int:
        return self._get_int("rating/thanks_seconds", 6, 1, 60)

    @rating_thanks_seconds.setter
    def rating_thanks_seconds(self, value: int) -> None:
        self._set("rating/thanks_seconds", int(value))

    @property
    def board_running_text(self) -> str:
        """The running text at the foot of the display board ("" for none)."""
        return self._get("board/running_text")

    @board_running_text.setter
    def board_running_text(self, value: str) -> None:
        self._set("board/running_text", " ".join((value or "").split()))

    @property
    def board_speech(self) -> bool:
        """Speak each call (where the platform has a voice) after the chime."""
        return self._get("board/speech", "true").lower() not in ("false", "0", "no")

    @board_speech.setter
    def board_speech(self, value: bool) -> None:
        self._set("board/speech", "true" if value else "false")

    @property
    def board_voice(self) -> str:
        """Whose voice speaks a call: ``clips`` (the shipped Indonesian clips, the default),
        ``clips+system`` or ``system`` (``pst_desktop.visitor.spoken_call`` reads the choice)."""
        return self._get("board/voice", "clips")

    @board_voice.setter
    def board_voice(self, value: str) -> None:
        self._set("board/voice", value)

    @property
    def board_screen(self) -> str:
        """The screen (by name) the display board opens on; "" for the primary screen."""
        return self._get("board/screen")

    @board_screen.setter
    def board_screen(self, value: str) -> None:
        self._set("board/screen", value)

    # -- first-run setup ----------------------------------------------------------------
    @property
    def configured(self) -> bool:
        """True once the first-run wizard finished on this PC (or a database URL was chosen)."""
        return self._get("station/configured").lower() in ("true", "1", "yes")

    @configured.setter
    def configured(self, value: bool) -> None:
        self._set("station/configured", "true" if value else None)

    @property
    def station_role(self) -> str:
        """What this PC runs: "staff" (sign-in, the default), "board" (the waiting-room display)
        or "rating" (the rating kiosk of ``desk_id``)."""
        value = self._get("station/role", STATION_ROLES[0])
        return value if value in STATION_ROLES else STATION_ROLES[0]

    @station_role.setter
    def station_role(self, value: str) -> None:
        if value not in STATION_ROLES:
            raise ValueError(f"unknown station role {value!r}; choose one of {STATION_ROLES}")
        self._set("station/role", value)

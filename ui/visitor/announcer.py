"""Announcing calls on the display board: a chime, then (optionally) a spoken call.

Announcements queue and never cut each other off; a recall is announced again.  Sound and
speech are best effort: with no audio device ``QSoundEffect`` goes to an error status, with no
voice there is no speech, and a call is never held up by either (every step has a deadline).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal

from pst_desktop.core.paths import resource_path
from pst_desktop.visitor.board import spoken_code

CHIME = resource_path("sounds", "chime.wav")
CHIME_MS = 1900  # the chime's length: the longest a chime may hold the queue
SPEECH_LIMIT_MS = 12_000  # the longest a spoken call may hold the queue
GAP_MS = 500  # silence between two announcements
MAX_QUEUED = 6  # after an outage, do not announce a whole morning's calls


@dataclass(frozen=True)
class Announcement:
    visit_id: int
    code: str
    desk_name: str


class Announcer(QObject):
    """Plays announcements one after another.  ``started(Announcement)`` when one begins,
    ``finished(Announcement)`` when it is over (whether sound worked or not)."""

    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sound: bool = True,
        speech: bool = True,
        speech_engine: str | None = None,
        language: QLocale.Language | None = None,
        chime_ms: int = CHIME_MS,
        gap_ms: int = GAP_MS,
    ) -> None:
        super().__init__(parent)
        self.queue: deque[Announcement] = deque()
        self.current: Announcement | None = None
        self.played: list[Announcement] = []  # what was announced (tests, diagnostics)
        self._chime_ms = chime_ms
        self._gap_ms = gap_ms
        self._effect = self._make_effect() if sound else None
        self._speech = self._make_speech(speech_engine, language) if speech else None
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.timeout.connect(self._advance)
        self._phase = "idle"

    # -- the devices, each allowed to be missing ----------------------------------------------
    def _make_effect(self):
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # no QtMultimedia (or its system libraries): chime-less
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(CHIME)))
        effect.setVolume(0.9)
        return effect

    def _make_speech(self, engine: str | None, language: QLocale.Language | None):
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        language = language if language is not None else QLocale().language()
        locales = [loc for loc in speech.availableLocales() if loc.language() == language]
        if not locales:
            return None  # no voice for the app's language: a chime only
        speech.setLocale(locales[0])
        speech.stateChanged.connect(self._speech_state)
        return speech

    @property
    def speaks(self) -> bool:
        return self._speech is not None

    # -- the queue ------------------------------------------------------------------------------
    def announce(self, item: Announcement) -> None:
        """Queue ``item``; an announcement of the same visit still waiting is replaced."""
        self.queue = deque(a for a in self.queue if a.visit_id != item.visit_id)
        self.queue.append(item)
        while len(self.queue) > MAX_QUEUED:
            self.queue.popleft()
        if self._phase == "idle":
            self._next()

    @property
    def busy(self) -> bool:
        return self._phase != "idle"

    def _next(self) -> None:
        if not self.queue:
            self._phase = "idle"
            self.current = None
            return
        self.current = self.queue.popleft()
        self._phase = "chime"
        self.started.emit(self.current)
        played = False
        if self._effect is not None:
            try:
                from PySide6.QtMultimedia import QSoundEffect

                if self._effect.status() != QSoundEffect.Status.Error:
                    self._effect.play()
                    played = True
            except RuntimeError:
                played = False
        self._step.start(self._chime_ms if played else 0)

    def _advance(self) -> None:
        if self._phase == "chime":
            self._phase = "speech"
            self._step.start(SPEECH_LIMIT_MS)  # a deadline, in case the engine hangs
            if self._speech is not None and self._say(self.current):
                return
            self._phase = "gap"
            self._step.start(self._gap_ms)
        elif self._phase == "speech":  # the deadline passed
            self._phase = "gap"
            self._step.start(self._gap_ms)
        elif self._phase == "gap":
            done, self.current = self.current, None
            if done is not None:
                self.played.append(done)
                self.finished.emit(done)
            self._next()

    def _say(self, item: Announcement | None) -> bool:
        if item is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speech.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking):
            return False
        text = self.tr("Ticket number {code}, please go to {desk}.").format(
            code=spoken_code(item.code), desk=item.desk_name
        )
        self._speech.say(text)
        return True

    def _speech_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._phase == "speech" and state in (
            QTextToSpeech.State.Ready,
            QTextToSpeech.State.Error,
        ):
            self._phase = "gap"
            self._step.start(self._gap_ms)

    def stop(self) -> None:
        self._step.stop()
        self.queue.clear()
        self._phase = "idle"
        self.current = None
        if self._speech is not None:
            self._speech.stop()
        if self._effect is not None:
            self._effect.stop()

"""Announcing calls on the display board: a chime, then the call spoken in Indonesian.

The call is spoken from the clips in ``resources/voice`` ("Nomor antrian K nol nol tujuh, silakan
ke meja dua"; ``pst_desktop.visitor.spoken_call`` says which clips, in which order), so every
board says it whatever voices the PC has.  The station may choose the operating system's voice
instead (``board/voice``: ``clips``, ``clips+system`` for desk names without clips, ``system``
for the whole call as before), or no voice at all (``board/speech`` false: the chime only).

Announcements queue and never cut each other off; a recall is announced again.  Sound and speech
are best effort: a run of clips is rendered into one WAV file (no gaps between the words) and
played with ``QSoundEffect``, which QtMultimedia ships on every platform and the PyInstaller build
already carries for the chime; with no audio device nothing sounds and nothing waits, with no
voice there is no speech, and every step has a deadline, so a call is never held up.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import weakref
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal

from pst_desktop.core.paths import resource_path
from pst_desktop.visitor.board import spoken_code
from pst_desktop.visitor.spoken_call import (
    VOICE_CLIPS,
    VOICE_CLIPS_AND_SYSTEM,
    VOICE_SYSTEM,
    Call,
    Part,
    SystemVoice,
    call_parts,
    render_wav,
    runs,
)

logger = logging.getLogger(__name__)

CHIME = resource_path("sounds", "chime.wav")
CHIME_MS = 1900  # the chime's length: the longest a chime may hold the queue
SPEECH_LIMIT_MS = 12_000  # the longest one spoken part may hold the queue
GAP_MS = 500  # silence between two announcements
CLIPS_MARGIN_MS = 150  # a sound starts a little after play(): wait that much longer
MAX_QUEUED = 6  # after an outage, do not announce a whole morning's calls


@dataclass(frozen=True)
class Announcement:
    visit_id: int
    code: str
    desk_name: str
    #: how many times the call is said after its chime (2 for an assisted call)
    said: int = 1


class SoundPlayer(Protocol):
    """Plays one WAV file at a time."""

    def play(self, path: Path) -> bool:
        """Start ``path``; False when nothing will sound (no device, no QtMultimedia)."""
        ...

    def stop(self) -> None: ...


class EffectPlayer(QObject):
    """A ``QSoundEffect``; missing QtMultimedia or a missing audio device is no error."""

    def __init__(self, parent: QObject | None = None, volume: float = 0.9) -> None:
        super().__init__(parent)
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # no QtMultimedia (or its system libraries): silent
            return
        self._effect = QSoundEffect(self)
        self._effect.setVolume(volume)

    def load(self, path: Path) -> None:
        """Load ``path`` ahead of its first ``play``."""
        if self._effect is not None:
            url = QUrl.fromLocalFile(str(path))
            if self._effect.source() != url:
                self._effect.setSource(url)

    def play(self, path: Path) -> bool:
        if self._effect is None:
            return False
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if QMediaDevices.defaultAudioOutput().isNull():
                return False  # no audio device (a PC without sound, CI): nothing to wait for
            self.load(path)
            if self._effect.status() == QSoundEffect.Status.Error:
                return False
            self._effect.play()  # while the file still loads: it plays once loaded
        except RuntimeError:
            return False
        return True

    def stop(self) -> None:
        if self._effect is not None:
            self._effect.stop()


class Announcer(QObject):
    """Plays announcements one after another.  ``started(Announcement)`` when one begins,
    ``finished(Announcement)`` when it is over (whether sound worked or not).

    ``voice``: ``VOICE_SYSTEM`` (the default here) speaks with the PC's voice for the app's
    language, or not at all where there is none; ``VOICE_CLIPS`` plays the clips;
    ``VOICE_CLIPS_AND_SYSTEM`` plays the clips and gives desk-name words without a clip to the
    PC's voice (spelled where there is none).  The board passes its station's choice
    (``spoken_call.board_voice``, the clips unless chosen otherwise)."""

    started = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        sound: bool = True,
        speech: bool = True,
        voice: str = VOICE_SYSTEM,
        speech_engine: str | None = None,
        language: QLocale.Language | None = None,
        chime_ms: int = CHIME_MS,
        gap_ms: int = GAP_MS,
        clip_folder: Path | None = None,
        player: SoundPlayer | None = None,
    ) -> None:
        super().__init__(parent)
        self.queue: deque[Announcement] = deque()
        self.current: Announcement | None = None
        self.played: list[Announcement] = []  # what was announced (tests, diagnostics)
        self.spoken: list[tuple[Part, ...]] = []  # what each announcement said, in order
        self._chime_ms = chime_ms
        self._gap_ms = gap_ms
        self._clip_folder = clip_folder
        self._chime = None
        if sound:
            self._chime = EffectPlayer(self)
            self._chime.load(CHIME)
        self._speech = None
        if speech and voice in (VOICE_SYSTEM, VOICE_CLIPS_AND_SYSTEM):
            self._speech = self._make_speech(speech_engine, language)
        if not speech:
            self.voice = ""  # the chime only
        elif voice == VOICE_SYSTEM:
            self.voice = VOICE_SYSTEM if self._speech is not None else ""
        elif voice == VOICE_CLIPS_AND_SYSTEM and self._speech is not None:
            self.voice = VOICE_CLIPS_AND_SYSTEM
        else:
            self.voice = VOICE_CLIPS
        self._player: SoundPlayer | None = None
        if self.voice in (VOICE_CLIPS, VOICE_CLIPS_AND_SYSTEM):
            self._player = player if player is not None else EffectPlayer(self) if sound else None
        self._runs: deque[tuple[str, ...] | SystemVoice] = deque()
        self._folder: Path | None = None  # where calls are rendered (made when first needed)
        self._remove_folder: weakref.finalize | None = None
        self._rendered: Path | None = None
        self._renders = 0
        self._speaking = False
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.timeout.connect(self._advance)
        self._phase = "idle"

    # -- the devices, each allowed to be missing ----------------------------------------------
    def _make_speech(self, engine: str | None, language: QLocale.Language | None):
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:
            return None
        speech = QTextToSpeech(engine, self) if engine else QTextToSpeech(self)
        language = language if language is not None else QLocale().language()
        locales = [loc for loc in speech.availableLocales() if loc.language() == language]
        if not locales:
            return None  # no voice for the app's language
        speech.setLocale(locales[0])
        speech.stateChanged.connect(self._speech_state)
        return speech

    @property
    def speaks(self) -> bool:
        """The PC's own voice speaks (the whole call, or desk names without clips)."""
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

    def parts(self, item: Announcement) -> tuple[Part, ...]:
        """What this announcer says for ``item``."""
        if self.voice == VOICE_SYSTEM:
            text = self.tr("Ticket number {code}, please go to {desk}.").format(
                code=spoken_code(item.code), desk=item.desk_name
            )
            return (SystemVoice(text),)
        if self.voice in (VOICE_CLIPS, VOICE_CLIPS_AND_SYSTEM):
            call = Call(item.code, item.desk_name)
            return call_parts(call, system_voice=self.voice == VOICE_CLIPS_AND_SYSTEM)
        return ()

    def _next(self) -> None:
        if not self.queue:
            self._phase = "idle"
            self.current = None
            return
        self.current = self.queue.popleft()
        parts = self.parts(self.current) * max(1, self.current.said)
        self.spoken.append(parts)
        self._runs = deque(runs(parts))
        self._phase = "chime"
        self.started.emit(self.current)
        played = self._chime is not None and self._chime.play(CHIME)
        self._step.start(self._chime_ms if played else 0)

    def _advance(self) -> None:
        if self._phase in ("chime", "voice"):  # the chime or a part is over (or its deadline)
            self._phase = "voice"
            self._speaking = False
            self._play_next_run()
        elif self._phase == "gap":
            done, self.current = self.current, None
            if done is not None:
                self.played.append(done)
                self.finished.emit(done)
            self._next()

    def _play_next_run(self) -> None:
        if not self._runs:
            self._phase = "gap"
            self._step.start(self._gap_ms)
            return
        run = self._runs.popleft()
        if isinstance(run, SystemVoice):
            self._step.start(SPEECH_LIMIT_MS)  # a deadline, in case the engine hangs
            if not self._say(run.text):
                self._step.start(0)
            return
        self._step.start(self._play_clips(run))

    def _play_clips(self, names: tuple[str, ...]) -> int:
        """Render ``names`` into one file and play it; how long to wait for it (ms)."""
        if self._player is None:
            return 0
        try:
            if self._folder is None:
                self._folder = Path(tempfile.mkdtemp(prefix="pst-board-voice-"))
                # removed by stop(), or when the announcer goes, or at exit
                self._remove_folder = weakref.finalize(
                    self, shutil.rmtree, self._folder, ignore_errors=True
                )
            self._forget_rendered()
            self._renders += 1  # a new name each time: QtMultimedia caches a sound by its URL
            path = self._folder / f"call-{self._renders}.wav"
            seconds = render_wav(names, path, self._clip_folder)
            self._rendered = path
        except (OSError, ValueError, EOFError) as exc:  # a clip missing or broken: no voice
            logger.warning("the call's clips could not be put together: %s", exc)
            return 0
        if not self._player.play(path):
            return 0
        return min(round(seconds * 1000) + CLIPS_MARGIN_MS, SPEECH_LIMIT_MS)

    def _forget_rendered(self) -> None:
        if self._rendered is not None:
            # still open by the sound system (Windows): it goes with the folder, later
            with contextlib.suppress(OSError):
                self._rendered.unlink(missing_ok=True)
            self._rendered = None

    def _say(self, text: str) -> bool:
        if self._speech is None:
            return False
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speech.state() not in (QTextToSpeech.State.Ready, QTextToSpeech.State.Speaking):
            return False
        self._speaking = True
        self._speech.say(text)
        return True

    def _speech_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._speaking and state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            self._speaking = False
            self._step.start(0)

    def stop(self) -> None:
        self._step.stop()
        self.queue.clear()
        self._runs.clear()
        self._phase = "idle"
        self.current = None
        self._speaking = False
        if self._speech is not None:
            self._speech.stop()
        for player in (self._chime, self._player):
            if player is not None:
                player.stop()
        self._forget_rendered()
        if self._remove_folder is not None:
            self._remove_folder()
            self._folder = self._remove_folder = None

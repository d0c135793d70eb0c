"""The board's announcer plays a call's clips in order, one call after another (pytest-qt)."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from pst_desktop.visitor.spoken_call import (
    CLIP_FORMAT,
    CLIP_NAMES,
    PAUSE,
    VOICE_CLIPS,
    VOICE_CLIPS_AND_SYSTEM,
    VOICE_SYSTEM,
    Call,
    SystemVoice,
    call_parts,
)
from ui.visitor.announcer import Announcement, Announcer

#: QtMultimedia on a machine without a sound server (or VA-API) says so, as warnings
pytestmark = pytest.mark.qt_log_ignore(
    "Couldn't load",
    "Couldn't resolve",
    "pa_context_connect",
    "QSoundEffect",
    "multimedia",
    "Failed to play sound",
    "text-to-speech",
)

CLIP_MS = 40  # each stand-in clip: 40 ms


@pytest.fixture
def clips(tmp_path) -> Path:
    """Stand-in clips, short and each of one constant sample (its index + 1): a rendered call
    read back says which clips it holds, in which order."""
    folder = tmp_path / "voice"
    folder.mkdir()
    channels, width, rate = CLIP_FORMAT
    frames = rate * CLIP_MS // 1000
    for i, name in enumerate(CLIP_NAMES):
        with wave.open(str(folder / f"{name}.wav"), "wb") as clip:
            clip.setnchannels(channels)
            clip.setsampwidth(width)
            clip.setframerate(rate)
            clip.writeframes((i + 1).to_bytes(2, "little", signed=True) * frames)
    return folder


def clips_in(frames: bytes) -> list[str]:
    """The stand-in clips a rendered file holds, in order."""
    samples = [
        int.from_bytes(frames[i : i + 2], "little", signed=True) for i in range(0, len(frames), 2)
    ]
    names: list[str] = []
    per_clip = CLIP_FORMAT[2] * CLIP_MS // 1000
    for start in range(0, len(samples), per_clip):
        names.append(CLIP_NAMES[samples[start] - 1])
    return names


class RecordingPlayer:
    """Stands in for the sound device: keeps what it was given to play, and when."""

    def __init__(self) -> None:
        self.plays: list[tuple[float, list[str], float]] = []  # (when, clips, seconds)
        self.stops = 0

    def play(self, path: Path) -> bool:
        with wave.open(str(path), "rb") as sound:
            frames = sound.readframes(sound.getnframes())
            seconds = sound.getnframes() / sound.getframerate()
        self.plays.append((time.monotonic(), clips_in(frames), seconds))
        return True

    def stop(self) -> None:
        self.stops += 1


def make(clips: Path, player: RecordingPlayer, **kwargs) -> Announcer:
    options = {"sound": True, "speech": True, "voice": VOICE_CLIPS, "chime_ms": 20, "gap_ms": 10}
    return Announcer(clip_folder=clips, player=player, **{**options, **kwargs})


def test_a_call_plays_its_clips_in_order(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(clips, player)
    assert announcer.voice == VOICE_CLIPS
    announcer.announce(Announcement(1, "K-007", "Meja 2"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=5000)
    expected = [
        "ticket_number",
        "letter_k",
        "digit_0",
        "digit_0",
        "digit_7",
        PAUSE,
        "please_go_to",
        "word_meja",
        "digit_2",
    ]
    assert list(announcer.spoken[0]) == expected
    assert [clips for _, clips, _ in player.plays] == [expected]  # one sound: no gaps in it
    assert player.plays[0][2] == pytest.approx(len(expected) * CLIP_MS / 1000)
    assert not announcer.busy


def test_a_desk_the_admin_added_is_spelled(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(clips, player)
    announcer.announce(Announcement(1, "A-001", "Loket Data"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=5000)
    assert player.plays[0][1][-6:] == ["word_loket", PAUSE, *(f"letter_{c}" for c in "data")]


def test_two_calls_back_to_back_queue_and_neither_is_cut(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(clips, player, chime_ms=30, gap_ms=40)
    events: list[tuple[str, str, float]] = []
    announcer.started.connect(lambda a: events.append(("start", a.code, time.monotonic())))
    announcer.finished.connect(lambda a: events.append(("end", a.code, time.monotonic())))
    announcer.announce(Announcement(1, "K-001", "Meja 1"))
    announcer.announce(Announcement(2, "K-002", "Meja 2"))  # while the first one plays
    assert announcer.busy
    assert [a.code for a in announcer.queue] == ["K-002"]
    qtbot.waitUntil(lambda: len(announcer.played) == 2, timeout=8000)
    assert [(kind, code) for kind, code, _ in events] == [
        ("start", "K-001"),
        ("end", "K-001"),
        ("start", "K-002"),
        ("end", "K-002"),
    ]
    (first_at, first, first_seconds), (second_at, second, _) = player.plays
    assert first == list(call_parts(Call("K-001", "Meja 1")))
    assert second == list(call_parts(Call("K-002", "Meja 2")))
    # the second call's sound starts only once the first one's has played out, gap and chime
    assert second_at - first_at >= first_seconds + (40 + 30) / 1000
    assert player.stops == 0  # nothing was stopped halfway


def test_a_recall_waiting_in_the_queue_is_announced_once(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(clips, player)
    announcer.announce(Announcement(1, "K-001", "Meja 1"))
    announcer.announce(Announcement(2, "K-002", "Meja 2"))
    announcer.announce(Announcement(2, "K-002", "Meja 2"))  # recalled before its turn came
    qtbot.waitUntil(lambda: not announcer.busy, timeout=8000)
    assert [a.code for a in announcer.played] == ["K-001", "K-002"]


def test_desk_names_without_clips_go_to_the_pcs_voice_when_chosen(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(
        clips,
        player,
        voice=VOICE_CLIPS_AND_SYSTEM,
        speech_engine="mock",
        language=QLocale.Language.English,
    )
    assert announcer.speaks and announcer.voice == VOICE_CLIPS_AND_SYSTEM
    said: list[str] = []
    announcer._speech.aboutToSynthesize.connect(lambda *_: said.append("speaking"))
    announcer.announce(Announcement(1, "K-003", "Loket Data 2"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=8000)
    assert announcer.spoken[0][-3:] == ("word_loket", SystemVoice("Data"), "digit_2")
    # the clips before the name, the PC's voice for it, the clips after it
    assert [clips[-1] for _, clips, _ in player.plays] == ["word_loket", "digit_2"]
    assert said


def test_the_pcs_voice_for_the_whole_call_stays_available(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(
        clips, player, voice=VOICE_SYSTEM, speech_engine="mock", language=QLocale.Language.English
    )
    assert announcer.voice == VOICE_SYSTEM
    announcer.announce(Announcement(1, "K-007", "Meja 2"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=8000)
    (part,) = announcer.spoken[0]
    assert isinstance(part, SystemVoice) and "Meja 2" in part.text
    assert player.plays == []  # no clips


def test_without_a_voice_for_the_language_clips_are_chosen_or_a_chime_only(qtbot, clips):
    # the mock engine has no Indonesian voice
    options = {"speech_engine": "mock", "language": QLocale.Language.Indonesian}
    assert make(clips, RecordingPlayer(), voice=VOICE_CLIPS_AND_SYSTEM, **options).voice == (
        VOICE_CLIPS
    )
    chime_only = make(clips, RecordingPlayer(), voice=VOICE_SYSTEM, **options)
    assert chime_only.voice == "" and not chime_only.speaks
    assert make(clips, RecordingPlayer(), speech=False).voice == ""


def test_missing_clips_or_no_sound_device_never_stop_a_call(qtbot, tmp_path):
    # no clips at all, and the real player (this machine may have no audio device)
    announcer = Announcer(voice=VOICE_CLIPS, clip_folder=tmp_path, chime_ms=20, gap_ms=10)
    announcer.announce(Announcement(1, "K-001", "Meja 1"))
    qtbot.waitUntil(lambda: len(announcer.played) == 1, timeout=3000)
    real = Announcer(voice=VOICE_CLIPS, chime_ms=20, gap_ms=10)  # the shipped clips
    real.announce(Announcement(2, "K-002", "Meja 2"))
    qtbot.waitUntil(lambda: len(real.played) == 1, timeout=10_000)
    real.stop()


def test_stop_clears_the_queue_and_the_rendered_sounds(qtbot, clips):
    player = RecordingPlayer()
    announcer = make(clips, player, chime_ms=200)
    announcer.announce(Announcement(1, "K-001", "Meja 1"))
    announcer.announce(Announcement(2, "K-002", "Meja 2"))
    qtbot.waitUntil(lambda: len(player.plays) == 1, timeout=5000)
    folder = announcer._folder
    assert list(folder.glob("*.wav"))
    announcer.stop()
    assert not announcer.busy and not announcer.queue
    assert not folder.exists()


def test_the_board_speaks_with_the_clips_unless_its_station_chose_otherwise(
    qtbot, db, office, clock, station, make_bus
):
    from ui.visitor.board import DisplayBoard

    def board_voice() -> str:
        board = DisplayBoard(db, office, clock, station, bus=make_bus())
        qtbot.addWidget(board)
        voice = board.announcer.voice
        board.stop()
        return voice

    assert board_voice() == VOICE_CLIPS
    station.board_speech = False
    assert board_voice() == ""

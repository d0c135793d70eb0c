"""A call spoken in Indonesian from short clips, whatever voices the PC has.

"Nomor antrian K nol nol tujuh, silakan ke meja dua": the board plays the clips of a call one
after another.  The clips (``resources/voice/<name>.wav``: digits, number words, the letters A–Z,
the fixed phrases, the words of the default desks' names) are generated once by
``tools/make_voice_clips.py`` from ``CLIP_TEXTS``; all have one format (``CLIP_FORMAT``), so a
call is their frames end to end (``render_wav``).

How a call reads:

- the ticket digit by digit, as printed: ``K-007`` is "ka nol nol tujuh";
- the desk as a name: the words with a clip (``meja``, ``loket``), its numbers as numbers
  (``Meja 12`` is "meja dua belas"); a word without a clip (a desk the admin added, "Loket
  Data") is spelled letter by letter, or, when the station chose it and the PC has a voice,
  handed to the operating system's voice (a ``SystemVoice`` part).

No Qt here: the widgets' player (``ui.visitor.announcer``) plays what this module builds.
"""

from __future__ import annotations

import re
import unicodedata
import wave
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pst_desktop.core.paths import resource_path

if TYPE_CHECKING:
    from pst_desktop.core.settings import StationSettings

#: the folder of the clips, under ``resources/``
VOICE_FOLDER = "voice"
#: every clip: mono, 16-bit signed PCM, 22 050 Hz (eSpeak NG's own rate: no resampling)
CLIP_FORMAT = (1, 2, 22_050)  # channels, bytes per sample, frames per second
#: the silence between the ticket and "silakan ke" (and between a spelled word and the next)
PAUSE = "pause"
PAUSE_SECONDS = 0.3

#: the station's choice (ini key ``board/voice``): how a call is spoken
VOICE_CLIPS = "clips"  # the clips; a desk-name word without a clip is spelled
VOICE_CLIPS_AND_SYSTEM = "clips+system"  # the clips; such a word by the PC's voice, if it has one
VOICE_SYSTEM = "system"  # the whole call by the PC's voice (where it has none: the chime only)
VOICES = (VOICE_CLIPS, VOICE_CLIPS_AND_SYSTEM, VOICE_SYSTEM)

_DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
#: the words of desk names that have a clip (the default desks are "Meja 1", "Meja 2", …)
DESK_WORDS = ("meja", "loket")

#: clip name -> what eSpeak NG says for it (a letter: the letter itself, which the Indonesian
#: voice reads by its name: "ka", "be", "ce"…)
CLIP_TEXTS: dict[str, str] = {
    **{f"digit_{n}": word for n, word in enumerate(_DIGITS)},
    "number_10": "sepuluh",
    "number_11": "sebelas",
    "teen": "belas",  # 12–19: "dua belas"
    "tens": "puluh",  # 20–99: "dua puluh tiga"
    "number_100": "seratus",
    "hundreds": "ratus",  # 200–999: "dua ratus"
    **{f"letter_{c}": c.upper() for c in "abcdefghijklmnopqrstuvwxyz"},
    "ticket_number": "nomor antrian",
    "please_go_to": "silakan ke",
    **{f"word_{w}": w for w in DESK_WORDS},
}
#: every clip the board needs (``PAUSE`` is silence, made by sox)
CLIP_NAMES: tuple[str, ...] = (*CLIP_TEXTS, PAUSE)


@dataclass(frozen=True)
class SystemVoice:
    """Words for the operating system's voice (a desk name without clips)."""

    text: str


Part = str | SystemVoice  # a clip's name, or words for the PC's voice


@dataclass(frozen=True)
class Call:
    """What is called: the ticket and the desk, as the board shows them."""

    code: str  # "K-007"
    desk_name: str  # "Meja 2", "Loket Data"


# -- the words -----------------------------------------------------------------------------------
def digit_parts(digits: str) -> list[str]:
    """Digit by digit: ``"007"`` -> nol, nol, tujuh."""
    return [f"digit_{d}" for d in digits if d.isdigit()]


def number_parts(n: int) -> list[str]:
    """``n`` as an Indonesian number, 0–999 ("dua belas", "seratus lima"); larger ones digit by
    digit."""
    if n < 0 or n > 999:
        return digit_parts(str(abs(n)))
    if n < 10:
        return [f"digit_{n}"]
    if n == 10:
        return ["number_10"]
    if n == 11:
        return ["number_11"]
    if n < 20:
        return [f"digit_{n - 10}", "teen"]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [f"digit_{tens}", "tens", *([f"digit_{ones}"] if ones else [])]
    hundreds, rest = divmod(n, 100)
    head = ["number_100"] if hundreds == 1 else [f"digit_{hundreds}", "hundreds"]
    return head + (number_parts(rest) if rest else [])


def _plain(text: str) -> str:
    """Accents off ("Pelayanan Ké-2" -> "Pelayanan Ke-2"): the letters have clips A–Z."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def spell(word: str) -> list[str]:
    """Letter by letter (digits as digits); anything else is left out."""
    parts: list[str] = []
    for c in _plain(word).lower():
        if "a" <= c <= "z":
            parts.append(f"letter_{c}")
        elif c.isdigit():
            parts.append(f"digit_{c}")
    return parts


def code_parts(code: str) -> list[str]:
    """The ticket as printed: its letters by name, its number digit by digit (``K-007``)."""
    prefix, dash, number = code.partition("-")
    if not dash:
        return spell(code)
    return spell(prefix) + digit_parts(number)


_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def desk_parts(name: str, *, system_voice: bool = False) -> list[Part]:
    """A desk's name: words with a clip, numbers as numbers, other words spelled (or, with
    ``system_voice``, for the PC's voice: neighbouring such words go together)."""
    parts: list[Part] = []
    pending: list[str] = []  # words for the PC's voice, not yet added

    def flush() -> None:
        if pending:
            parts.append(SystemVoice(" ".join(pending)))
            pending.clear()

    for token in _TOKEN.findall(_plain(name)):
        word = token.lower()
        if token.isdigit():
            flush()
            leading_zero = len(token) > 1 and token.startswith("0")
            parts.extend(digit_parts(token) if leading_zero else number_parts(int(token)))
        elif f"word_{word}" in CLIP_TEXTS:
            flush()
            parts.append(f"word_{word}")
        elif len(word) == 1 and "a" <= word <= "z":  # "Meja A": the letter's name
            flush()
            parts.append(f"letter_{word}")
        elif system_voice:
            pending.append(token)
        else:
            spelled = spell(token)
            if spelled:
                if parts and parts[-1] != PAUSE:
                    parts.append(PAUSE)  # a spelled word stands apart from the words around it
                parts.extend([*spelled, PAUSE])
    flush()
    while parts and parts[-1] == PAUSE:
        parts.pop()
    return parts


def call_parts(call: Call, *, system_voice: bool = False) -> tuple[Part, ...]:
    """The whole call: "nomor antrian K nol nol tujuh — silakan ke meja dua"."""
    return (
        "ticket_number",
        *code_parts(call.code),
        PAUSE,
        "please_go_to",
        *desk_parts(call.desk_name, system_voice=system_voice),
    )


def runs(parts: Iterable[Part]) -> list[tuple[str, ...] | SystemVoice]:
    """``parts`` in turns for a player: each run of clips together, each ``SystemVoice`` alone."""
    out: list[tuple[str, ...] | SystemVoice] = []
    clips: list[str] = []
    for part in parts:
        if isinstance(part, SystemVoice):
            if clips:
                out.append(tuple(clips))
                clips = []
            out.append(part)
        else:
            clips.append(part)
    if clips:
        out.append(tuple(clips))
    return out


# -- the station's choice ------------------------------------------------------------------------
def voice_choice(value: str | None) -> str:
    """A station's ``board/voice`` value as one of ``VOICES`` (anything else: the clips)."""
    value = (value or "").strip().lower()
    return value if value in VOICES else VOICE_CLIPS


def board_voice(settings: StationSettings) -> str:
    """This PC's choice of voice for the board (``board/voice`` in its station settings)."""
    return voice_choice(settings.board_voice)


# -- the clips -----------------------------------------------------------------------------------
def voice_folder() -> Path:
    return resource_path(VOICE_FOLDER)


def clip_path(name: str, folder: Path | None = None) -> Path:
    return (folder or voice_folder()) / f"{name}.wav"


def missing_clips(folder: Path | None = None) -> list[str]:
    """The clips the board needs that are not there (the self-check asks)."""
    return [name for name in CLIP_NAMES if not clip_path(name, folder).is_file()]


def clip_frames(name: str, folder: Path | None = None) -> bytes:
    """A clip's PCM frames; a clip in another format is refused (it would play wrongly)."""
    path = clip_path(name, folder)
    with wave.open(str(path), "rb") as clip:
        found = (clip.getnchannels(), clip.getsampwidth(), clip.getframerate())
        if found != CLIP_FORMAT:
            raise ValueError(f"{path.name}: format {found}, the clips' is {CLIP_FORMAT}")
        return clip.readframes(clip.getnframes())


def clip_seconds(name: str, folder: Path | None = None) -> float:
    with wave.open(str(clip_path(name, folder)), "rb") as clip:
        return clip.getnframes() / clip.getframerate()


def render_wav(names: Sequence[str], path: Path, folder: Path | None = None) -> float:
    """The clips ``names`` end to end in one WAV file at ``path``; returns its length in
    seconds."""
    channels, width, rate = CLIP_FORMAT
    frames = b"".join(clip_frames(name, folder) for name in names)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(frames)
    return len(frames) / (channels * width * rate)


def render_call_wav(call: Call, path: Path, folder: Path | None = None) -> float:
    """The call as one WAV file, as the board plays it with the clips alone (names without a
    clip spelled): to hear a call, or to look at it with sox."""
    names = [part for part in call_parts(call) if isinstance(part, str)]
    return render_wav(names, path, folder)

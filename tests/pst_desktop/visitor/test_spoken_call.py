"""The spoken call as a sequence of clips, and the clips the board ships (no Qt)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_desktop.visitor.spoken_call import (
    CLIP_FORMAT,
    CLIP_NAMES,
    CLIP_TEXTS,
    PAUSE,
    PAUSE_SECONDS,
    VOICE_CLIPS,
    VOICE_CLIPS_AND_SYSTEM,
    VOICE_SYSTEM,
    Call,
    SystemVoice,
    call_parts,
    clip_path,
    clip_seconds,
    code_parts,
    desk_parts,
    missing_clips,
    number_parts,
    render_call_wav,
    render_wav,
    runs,
    voice_choice,
    voice_folder,
)

ROOT = Path(__file__).resolve().parents[3]


def words(parts) -> list[str]:
    """What the clips say, as text (a pause as ``|``): readable expectations."""
    said = []
    for part in parts:
        if isinstance(part, SystemVoice):
            said.append(f"<{part.text}>")
        elif part == PAUSE:
            said.append("|")
        else:
            said.append(CLIP_TEXTS[part].lower())
    return said


# -- the sequences -------------------------------------------------------------------------------
def test_the_call_of_the_issue_reads_the_ticket_digit_by_digit_and_the_desk_as_a_number():
    parts = call_parts(Call("K-007", "Meja 2"))
    assert parts == (
        "ticket_number",
        "letter_k",
        "digit_0",
        "digit_0",
        "digit_7",
        PAUSE,
        "please_go_to",
        "word_meja",
        "digit_2",
    )
    assert " ".join(words(parts)) == "nomor antrian k nol nol tujuh | silakan ke meja dua"


@pytest.mark.parametrize(
    ("n", "said"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (115, "seratus lima belas"),
        (250, "dua ratus lima puluh"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "satu nol nol nol"),  # beyond the words: digit by digit
    ],
)
def test_desk_numbers_are_indonesian_numbers(n, said):
    assert " ".join(words(number_parts(n))) == said


def test_the_ticket_is_read_as_printed_letters_by_name_and_every_digit():
    assert words(code_parts("K-007")) == ["k", "nol", "nol", "tujuh"]
    assert words(code_parts("PD-120")) == ["p", "d", "satu", "dua", "nol"]
    assert words(code_parts("K-1000")) == ["k", "satu", "nol", "nol", "nol"]
    assert words(code_parts("visit 12")) == ["v", "i", "s", "i", "t", "satu", "dua"]


def test_default_desks_have_clips_for_every_word():
    for n in range(1, 13):
        parts = desk_parts(f"Meja {n}")
        assert parts[0] == "word_meja"
        assert all(p.startswith(("digit_", "number_", "teen")) for p in parts[1:]), parts
    assert words(desk_parts("Meja 12")) == ["meja", "dua", "belas"]
    assert words(desk_parts("LOKET 3")) == ["loket", "tiga"]
    assert words(desk_parts("Meja2")) == ["meja", "dua"]
    assert words(desk_parts("Meja A")) == ["meja", "a"]
    assert words(desk_parts("Meja 01")) == ["meja", "nol", "satu"]  # as written


def test_a_desk_the_admin_added_is_spelled_where_no_clip_matches():
    assert words(desk_parts("Loket Data")) == ["loket", "|", "d", "a", "t", "a"]
    assert words(desk_parts("Data")) == ["d", "a", "t", "a"]
    assert words(desk_parts("Ruang Ké-2")) == ["r", "u", "a", "n", "g", "|", "k", "e", "|", "dua"]
    assert words(desk_parts("Loket — ☎")) == ["loket"]  # nothing sayable is left out


def test_or_handed_to_the_pcs_voice_when_the_station_chose_it():
    assert desk_parts("Loket Data Center 2", system_voice=True) == [
        "word_loket",
        SystemVoice("Data Center"),
        "digit_2",
    ]
    parts = call_parts(Call("K-007", "Pojok Statistik"), system_voice=True)
    assert parts[-1] == SystemVoice("Pojok Statistik")
    assert runs(parts) == [
        (
            "ticket_number",
            "letter_k",
            "digit_0",
            "digit_0",
            "digit_7",
            PAUSE,
            "please_go_to",
        ),
        SystemVoice("Pojok Statistik"),
    ]


@given(
    code=st.from_regex(r"[A-Z]{1,3}-[0-9]{3,4}", fullmatch=True),
    desk=st.text(max_size=30),
    system_voice=st.booleans(),
)
def test_every_call_uses_only_clips_the_board_ships(code, desk, system_voice):
    parts = call_parts(Call(code, desk), system_voice=system_voice)
    clips = [p for p in parts if isinstance(p, str)]
    assert set(clips) <= set(CLIP_NAMES)
    assert clips[:1] == ["ticket_number"]
    assert "please_go_to" in clips
    if not system_voice:
        assert len(clips) == len(parts)  # spelled: never the PC's voice


def test_the_station_choice_of_voice():
    assert voice_choice(None) == VOICE_CLIPS
    assert voice_choice("") == VOICE_CLIPS
    assert voice_choice(" System ") == VOICE_SYSTEM
    assert voice_choice("clips+system") == VOICE_CLIPS_AND_SYSTEM
    assert voice_choice("robot") == VOICE_CLIPS


# -- the clips -----------------------------------------------------------------------------------
def test_every_clip_is_shipped_in_one_small_format():
    assert missing_clips() == []
    total = 0
    for name in CLIP_NAMES:
        path = clip_path(name)
        with wave.open(str(path), "rb") as clip:
            assert (clip.getnchannels(), clip.getsampwidth(), clip.getframerate()) == CLIP_FORMAT
            assert 0.1 < clip.getnframes() / clip.getframerate() < 1.6, name
        total += path.stat().st_size
    assert total < 1.5 * 1024 * 1024
    assert clip_seconds(PAUSE) == pytest.approx(PAUSE_SECONDS)
    assert (voice_folder() / "README.md").is_file()  # how they are made


def test_a_missing_clip_is_named(tmp_path):
    for name in CLIP_NAMES:
        if name != "digit_7":
            shutil.copy(clip_path(name), tmp_path)
    assert missing_clips(tmp_path) == ["digit_7"]


def test_a_rendered_call_lasts_exactly_as_long_as_its_clips(tmp_path):
    call = Call("K-007", "Meja 2")
    path = tmp_path / "call.wav"
    seconds = render_call_wav(call, path)
    expected = sum(clip_seconds(name) for name in call_parts(call))
    assert seconds == pytest.approx(expected, abs=1e-9)
    with wave.open(str(path), "rb") as out:
        assert (out.getnchannels(), out.getsampwidth(), out.getframerate()) == CLIP_FORMAT
        assert out.getnframes() / out.getframerate() == pytest.approx(expected, abs=1e-9)
        frames = out.readframes(out.getnframes())
    # the clips end to end, in the call's order
    with wave.open(str(clip_path("ticket_number")), "rb") as first:
        assert frames.startswith(first.readframes(first.getnframes()))
    with wave.open(str(clip_path("digit_2")), "rb") as last:
        assert frames.endswith(last.readframes(last.getnframes()))


def test_a_clip_in_another_format_is_refused(tmp_path):
    with wave.open(str(tmp_path / "digit_1.wav"), "wb") as odd:
        odd.setnchannels(2)
        odd.setsampwidth(2)
        odd.setframerate(44_100)
        odd.writeframes(b"\0\0\0\0" * 100)
    with pytest.raises(ValueError, match=r"digit_1\.wav"):
        render_wav(["digit_1"], tmp_path / "out.wav", tmp_path)


@pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("sox")), reason="espeak-ng and sox needed"
)
def test_the_shipped_clips_are_what_the_tool_makes():
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_voice_clips.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode == 3:
        pytest.skip(done.stdout.strip())  # another eSpeak NG or SoX version: other bytes
    assert done.returncode == 0, done.stdout + done.stderr

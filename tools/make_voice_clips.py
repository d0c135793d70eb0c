"""Make the display board's Indonesian clips (``resources/voice/*.wav``) with eSpeak NG and SoX.

    python tools/make_voice_clips.py          # (re)write every clip and resources/voice/README.md
    python tools/make_voice_clips.py --check  # make them in a temp folder; compare byte for byte

Needs the Debian packages ``espeak-ng`` (1.51) and ``sox`` (14.4.2): ``apt-get install espeak-ng
sox``.  What each clip says is ``pst_desktop.visitor.spoken_call.CLIP_TEXTS`` (a letter is the
letter itself, which the Indonesian voice reads by its name).  For each clip:

    espeak-ng -v id -s 150 -p 50 -a 100 -g 0 -w raw.wav "<text>"
    sox -D raw.wav -r 22050 -c 1 -b 16 -e signed-integer <name>.wav \\
        silence 1 0.01 0.5% reverse silence 1 0.01 0.5% fade t 0.01 reverse \\
        fade t 0.005 norm -1 pad 0.02 0.06

(the voice ``id`` pinned at 150 words a minute, pitch 50, full amplitude; silence trimmed at both
ends, normalised to -1 dBFS, 5 ms / 10 ms fades against clicks, 20 ms / 60 ms of silence around
so neighbouring words neither run together nor drag).  The pause is ``sox -D -n -r 22050 -c 1 -b 16
-e signed-integer pause.wav trim 0 0.3``.  ``-D`` (no dither) keeps the output the same on every
run, so ``--check`` can compare.  To add a desk word: add it to ``DESK_WORDS``, run this, commit
the new clip.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pst_desktop.visitor.spoken_call import (  # noqa: E402
    CLIP_FORMAT,
    CLIP_TEXTS,
    PAUSE,
    PAUSE_SECONDS,
)

VOICE_DIR = ROOT / "resources" / "voice"
#: the eSpeak NG and SoX versions the committed clips were made with (Debian 12's)
MADE_WITH = ("1.51", "v14.4.2")
#: the pinned voice: eSpeak NG's Indonesian, words a minute, pitch, amplitude, word gap
ESPEAK = ("espeak-ng", "-v", "id", "-s", "150", "-p", "50", "-a", "100", "-g", "0")
_, _, RATE = CLIP_FORMAT
FORMAT = ("-r", str(RATE), "-c", "1", "-b", "16", "-e", "signed-integer")
#: trim the silence at the start, reverse, trim it at the end, fade the end out (reversed: in),
#: reverse back, fade in, normalise, pad
SHAPE = (
    *("silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%"),
    *("fade", "t", "0.01", "reverse", "fade", "t", "0.005"),
    *("norm", "-1", "pad", "0.02", "0.06"),
)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)


def make_clip(name: str, text: str, folder: Path, scratch: Path) -> Path:
    raw = scratch / f"{name}.raw.wav"
    out = folder / f"{name}.wav"
    _run(*ESPEAK, "-w", str(raw), text)
    _run("sox", "-D", str(raw), *FORMAT, str(out), *SHAPE)
    return out


def make_pause(folder: Path) -> Path:
    out = folder / f"{PAUSE}.wav"
    _run("sox", "-D", "-n", *FORMAT, str(out), "trim", "0", str(PAUSE_SECONDS))
    return out


def _phonemes(text: str) -> str:
    done = subprocess.run(
        [*ESPEAK[:3], "-q", "-x", text], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _version(*command: str) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).strip().splitlines()[0]


def versions() -> tuple[str, str]:
    """("1.51", "v14.4.2"): the eSpeak NG and SoX here."""
    espeak = _version("espeak-ng", "--version").split(":")[1].split("Data")[0].strip()
    sox = _version("sox", "--version").replace("sox:", "").replace("SoX", "").strip()
    return espeak, sox


README = """# The display board's voice clips

Short Indonesian clips the display board plays in sequence for a call ("Nomor antrian K nol nol
tujuh, silakan ke meja dua"): whatever voices the PC has, every board says the same words.
Generated, never recorded by hand: do not edit them, run

    python tools/make_voice_clips.py           # writes every clip and this README
    python tools/make_voice_clips.py --check   # regenerates in a temp folder, compares bytes

Made with {espeak} and {sox} (Debian: `apt-get install espeak-ng sox`). For each clip:

    {espeak_command} -w raw.wav "<says>"
    {sox_command}

and `pause.wav`, {pause} s of silence:

    {pause_command}

Every clip: WAV, mono, 16-bit, {rate} Hz, silence trimmed, normalised to -1 dBFS, padded with
20 ms before and 60 ms after; `-D` (no dither) makes every run give the same bytes.

Which clip says what is `CLIP_TEXTS` in `pst_desktop/visitor/spoken_call.py` (a letter is the
letter itself, which the Indonesian voice reads by its name); how a call is put together from the
clips is `call_parts` there.

| clip | says | eSpeak's phonemes (`espeak-ng -v id -q -x`) |
| --- | --- | --- |
{rows}
"""


def make_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory(prefix="pst-voice-raw-") as scratch:
        for name, text in CLIP_TEXTS.items():
            made.append(make_clip(name, text, folder, Path(scratch)))
    made.append(make_pause(folder))
    rows = "\n".join(
        f"| `{name}` | {text} | `{_phonemes(text)}` |" for name, text in CLIP_TEXTS.items()
    )
    (folder / "README.md").write_text(
        README.format(
            espeak=f"eSpeak NG {versions()[0]}",
            sox=f"SoX {versions()[1]}",
            espeak_command=" ".join(ESPEAK),
            sox_command=" ".join(("sox", "-D", "raw.wav", *FORMAT, "<clip>.wav", *SHAPE)),
            pause_command=" ".join(
                ("sox", "-D", "-n", *FORMAT, "pause.wav", "trim", "0", str(PAUSE_SECONDS))
            ),
            rate=RATE,
            pause=PAUSE_SECONDS,
            rows=rows + f"\n| `{PAUSE}` | ({PAUSE_SECONDS} s of silence) | |",
        ),
        encoding="utf-8",
    )
    return made


def check() -> int:
    """Regenerate into a temp folder: the committed clips must come out byte for byte (with the
    versions they were made with: another version makes other bytes, exit status 3)."""
    if versions() != MADE_WITH:
        print(f"made with eSpeak NG / SoX {MADE_WITH}; here {versions()}: not comparable")
        return 3
    with tempfile.TemporaryDirectory(prefix="pst-voice-") as tmp:
        made = make_all(Path(tmp))
        differ = (
            [p.name for p in made if not filecmp.cmp(p, VOICE_DIR / p.name, shallow=False)]
            if VOICE_DIR.is_dir()
            else [p.name for p in made]
        )
        extra = sorted(p.name for p in VOICE_DIR.glob("*.wav") if not (Path(tmp) / p.name).exists())
    if differ or extra:
        print("differ: " + ", ".join(differ + extra))
        return 1
    print(f"all {len(made)} clips reproduced byte for byte")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(f"{tool} is missing: apt-get install espeak-ng sox", file=sys.stderr)
            return 2
    if args.check:
        return check()
    made = make_all(VOICE_DIR)
    size = sum(p.stat().st_size for p in made)
    print(f"{len(made)} clips in {VOICE_DIR.relative_to(ROOT)}, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Keep the Indonesian translation in step with the code.

    python tools/translations.py update  # pyside6-lupdate: code -> resources/translations/pst_id.ts
    python tools/translations.py build   # pyside6-lrelease: pst_id.ts -> pst_id.qm (committed),
                                         # and Qt's own strings: qtbase_id.ts -> qtbase_id.qm
    python tools/translations.py check   # list the strings without an Indonesian translation

Source strings are English (``self.tr("...")``, ``QCoreApplication.translate("Context", "...")``);
``update`` scans every ``.py`` under ``pst_desktop/``, ``ui/`` and ``models/``, keeps the existing
translations and marks the ones whose source vanished as obsolete. Translate the new
``type="unfinished"`` entries (Qt Linguist, or by hand), then run ``build``.

lupdate only sees string literals passed straight to ``tr``/``translate``: a wrapper such as
``_t(text)`` hides its strings (they would never be translated).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("pst_desktop", "ui", "models")
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("id",)  # English is the source language and needs no file


def ts_file(language: str = "id") -> Path:
    return TRANSLATIONS / f"pst_{language}.ts"


def qm_file(language: str = "id") -> Path:
    return TRANSLATIONS / f"pst_{language}.qm"


def tool(name: str) -> str:
    """The Qt tool shipped inside the PySide6 wheel (what ``pyside6-<name>`` runs)."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        PySide6 = None
    if PySide6 is not None:
        exe = Path(PySide6.__file__).resolve().parent / (
            f"{name}.exe" if sys.platform == "win32" else name
        )
        if exe.exists():
            return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install -e .)")
    return found


def sources(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for folder in SOURCE_DIRS:
        files.extend(p for p in (root / folder).rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(files)


def run_lupdate(ts: Path, *, language: str = "id", silent: bool = False) -> None:
    """Merge the strings of the sources into ``ts`` (created when missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"  # a list file: no command-line length limit
        listing.write_text("\n".join(str(p) for p in sources()) + "\n", encoding="utf-8")
        command = [
            tool("lupdate"),
            f"@{listing}",
            "-locations",
            "relative",
            "-source-language",
            "en",
            "-target-language",
            language,
            "-ts",
            str(ts),
        ]
        if silent:
            command.insert(1, "-silent")
        subprocess.run(command, check=True, cwd=ROOT, capture_output=silent)


def run_lrelease(ts: Path, qm: Path, *, silent: bool = False) -> None:
    command = [tool("lrelease"), str(ts), "-qm", str(qm)]
    if silent:
        command.insert(1, "-silent")
    subprocess.run(command, check=True, cwd=ROOT, capture_output=silent)


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]  # one, or the numerus forms
    kind: str  # "" (finished), "unfinished", "obsolete" or "vanished"
    numerus: bool

    @property
    def current(self) -> bool:
        return self.kind not in ("obsolete", "vanished")

    @property
    def finished(self) -> bool:
        return self.kind == "" and all(t.strip() for t in self.translations)


def read_ts(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    translations=texts,
                    kind=translation.get("type", ""),
                    numerus=message.get("numerus") == "yes",
                )
            )
    return messages


def untranslated(ts: Path | None = None) -> list[Message]:
    """The strings of the current code with no finished translation in ``ts`` (a copy of it is
    updated by lupdate, so strings new in the code count too)."""
    ts = ts or ts_file()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        shutil.copyfile(ts, copy)
        run_lupdate(copy, silent=True)
        return [m for m in read_ts(copy) if m.current and not m.finished]


def update() -> int:
    for language in LANGUAGES:
        run_lupdate(ts_file(language), language=language)
    missing = untranslated()
    if missing:
        print(f"\n{len(missing)} string(s) to translate in {ts_file().relative_to(ROOT)}:")
        for m in missing:
            print(f"  [{m.context}] {m.source}")
        print('Translate them (remove type="unfinished"), then: python tools/translations.py build')
    return 0


def qt_ts_file(language: str = "id") -> Path:
    """Indonesian for Qt's own strings (standard buttons, context menus, file dialog): Qt ships
    none; written by hand with Qt's source texts and contexts, never touched by ``update``."""
    return TRANSLATIONS / f"qtbase_{language}.ts"


def build() -> int:
    for language in LANGUAGES:
        run_lrelease(ts_file(language), qm_file(language))
        qt_ts = qt_ts_file(language)
        if qt_ts.exists():
            run_lrelease(qt_ts, qt_ts.with_suffix(".qm"))
    return 0


def check() -> int:
    missing = untranslated()
    for m in missing:
        print(f"[{m.context}] {m.source}")
    return 1 if missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    return {"update": update, "build": build, "check": check}[args.command]()


if __name__ == "__main__":
    sys.exit(main())

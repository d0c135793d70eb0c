"""The Indonesian translation: complete for the current code, built, loadable, placeholders kept.

Runs ``pyside6-lupdate`` over the sources (about half a second) through ``tools/translations.py``.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from pst_desktop.core.i18n import install_translator

ROOT = Path(__file__).resolve().parents[3]
HOW_TO_FIX = (
    "Run `python tools/translations.py update`, translate the new entries of "
    "resources/translations/pst_id.ts (Qt Linguist, or edit the <translation> and drop "
    'type="unfinished"), then `python tools/translations.py build` and commit both files.'
)


def _load_tool():
    """``tools/`` is no package: load ``tools/translations.py`` by its path."""
    name = "pst_translations_tool"
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture
def restore_translation(qapp):
    """``install_translator`` changes the whole app; other tests expect English (no translator)."""
    locale = QLocale()
    yield qapp
    install_translator(qapp, "en")
    QLocale.setDefault(locale)


def test_every_visible_string_has_an_indonesian_translation():
    missing = tool.untranslated()
    listing = "\n".join(f"  [{m.context}] {m.source!r}" for m in missing)
    assert not missing, (
        f"{len(missing)} string(s) have no Indonesian translation:\n{listing}\n{HOW_TO_FIX}"
    )


def test_committed_qm_is_built_from_the_committed_ts(tmp_path):
    rebuilt = tmp_path / "pst_id.qm"
    tool.run_lrelease(tool.ts_file(), rebuilt, silent=True)
    assert tool.qm_file().exists(), HOW_TO_FIX
    assert rebuilt.read_bytes() == tool.qm_file().read_bytes(), (
        "resources/translations/pst_id.qm is older than pst_id.ts: "
        "run `python tools/translations.py build` and commit the .qm."
    )


def test_indonesian_by_default_and_english_on_request(restore_translation):
    app = restore_translation
    source = "Another desk has just called this ticket."
    assert install_translator(app) is True  # DEFAULT_LANGUAGE
    assert (
        QCoreApplication.translate("Queue", source)
        == "Nomor antrian ini baru saja dipanggil oleh loket lain."
    )
    assert QCoreApplication.translate("Roles", "Service officer") == "Petugas layanan"
    assert QLocale().language() == QLocale.Language.Indonesian
    assert install_translator(app, "en") is True
    assert QCoreApplication.translate("Queue", source) == source
    assert QLocale().language() == QLocale.Language.English


PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*(?:[:!][^{}]*)?\}|\{\}|%n|%L?\d+")
ACCELERATOR = re.compile(r"(?<!&)&(?!&)")


def _translated_messages():
    return [m for m in tool.read_ts(tool.ts_file()) if m.current and m.finished]


def test_translations_keep_placeholders_and_accelerators():
    wrong = []
    for m in _translated_messages():
        expected = sorted(PLACEHOLDER.findall(m.source))
        for text in m.translations:
            if sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"  [{m.context}] {m.source!r} -> {text!r}: placeholders differ")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(m.source)):
                wrong.append(f"  [{m.context}] {m.source!r} -> {text!r}: '&' accelerator")
    assert not wrong, "Translations that break formatting:\n" + "\n".join(wrong)


def test_accelerators_are_unique_per_window():
    """Two labels of one window with the same Alt key would fight over it."""
    clashes = []
    by_context: dict[str, dict[str, str]] = {}
    for m in _translated_messages():
        for text in m.translations:
            keys = ACCELERATOR.split(text)
            if len(keys) == 2 and keys[1]:
                key = keys[1][0].lower()
                seen = by_context.setdefault(m.context, {})
                if key in seen and seen[key] != text:
                    clashes.append(f"  [{m.context}] {seen[key]!r} and {text!r}: Alt+{key}")
                seen.setdefault(key, text)
    assert not clashes, "Accelerator clashes:\n" + "\n".join(clashes)


def _text_argument(call: ast.Call) -> ast.expr | None:
    """The source-text argument of ``x.tr(text)`` / ``translate(context, text)``."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name == "tr" and isinstance(func, ast.Attribute):
        return call.args[0] if call.args else None
    if name == "translate":
        return call.args[1] if len(call.args) > 1 else None
    return None


def test_translated_texts_are_literals_lupdate_can_see():
    """``translate("Queue", text)`` inside a helper hides every string passed to the helper:
    lupdate reads string literals only, so those strings would stay English for good."""
    hidden = []
    for path in tool.sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            text = _text_argument(node)
            if text is not None and not (
                isinstance(text, ast.Constant) and isinstance(text.value, str)
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                hidden.append(f"  {where}: {ast.unparse(node)}")
    assert not hidden, (
        "Translated text that is not a string literal (lupdate cannot extract it); call "
        'QCoreApplication.translate("Context", "English text") / self.tr("...") directly:\n'
        + "\n".join(hidden)
    )


def test_a_translation_file_rewritten_while_the_app_runs_does_not_kill_it(tmp_path):
    """An update copied over the installed folder rewrites ``pst_id.qm`` in place; Qt had
    mapped the file, so every running station died at its next translated string (three at
    once in the office-day run). The translation is read into memory instead. A child process,
    because the old behaviour kills the interpreter."""
    import os
    import shutil
    import subprocess
    import sys
    import textwrap

    from pst_desktop.core.paths import resource_path

    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(resource_path("translations", "pst_id.qm"), folder / "pst_id.qm")
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from pst_desktop.core import i18n

        i18n.resource_path = lambda *parts: Path({str(tmp_path)!r}).joinpath(*parts)
        app = QCoreApplication([])
        assert i18n.install_translator(app, "id")
        before = QCoreApplication.translate("SelfCheck", "The self-check passed.")
        Path({str(folder / "pst_id.qm")!r}).write_bytes(b"\\0" * 16)  # rewritten in place
        for _ in range(200):
            after = QCoreApplication.translate("SelfCheck", "The self-check passed.")
        print(before == after != "The self-check passed.")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, f"the process died ({done.returncode}): {done.stderr[-800:]}"
    assert done.stdout.strip() == "True"

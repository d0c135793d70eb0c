"""The documentation points at what exists: every file or folder of this repository named in a
Markdown file, a docstring or a comment (``pst_desktop/visits/queue.py``, ``ui/officer/``,
``pst_desktop.reporting.reports``) is there; and docstrings and comments give the reason for a
thing rather than the number of the issue that asked for it (a newcomer cannot look that up;
the commit messages keep it).

No database and no Qt: the files are read as text, Python through ``ast`` and ``tokenize``.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CODE_FOLDERS = ("pst_desktop", "ui", "models", "tests", "tools", "bench")
SKIPPED = {".git", ".venv", "build", "dist", "__pycache__", "pst_desktop.egg-info", "node_modules"}

_FOLDERS = "|".join(CODE_FOLDERS)
#: a path such as pst_desktop/visits/queue.py or ui/officer/ (not part of a longer path or URL)
PATH = re.compile(rf"(?<![\w/.<*-])((?:{_FOLDERS})/(?:[\w-]+/)*(?:[\w-]+\.py\b|[\w-]+/(?![\w*<])))")
#: a bare file name such as ``queue.py`` (a wildcard such as ``*_tab.py`` is not one)
FILE_NAME = re.compile(r"(?<![\w/.*-])([\w-]+\.py)\b")
#: a dotted module name such as pst_desktop.reporting.reports.build_report
MODULE = re.compile(r"(?<![\w./])((?:pst_desktop|ui|models)(?:\.\w+)+)")
#: "issue" and a number (an item too, perhaps): the number of a request, not a reason
ISSUE = re.compile(r"\bissues? #?\d+", re.IGNORECASE)


def _files(pattern: str) -> list[Path]:
    found = []
    for path in sorted(ROOT.rglob(pattern)):
        parts = path.relative_to(ROOT).parts
        if any(part in SKIPPED or part.startswith(".") for part in parts[:-1]):
            continue
        found.append(path)
    return found


def _python_files() -> list[Path]:
    return [p for p in _files("*.py") if p.relative_to(ROOT).parts[0] in CODE_FOLDERS]


def _docstrings_and_comments(path: Path) -> Iterator[tuple[int, str]]:
    """(line, text) of every docstring and comment of a Python file."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node, clean=False)
            if text is not None:
                yield node.body[0].lineno, text
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string


def _texts() -> Iterator[tuple[str, int, str]]:
    """(file, line, text) of every Markdown file and every docstring and comment."""
    for path in _files("*.md"):
        name = str(path.relative_to(ROOT))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            yield name, number, line
    for path in _python_files():
        name = str(path.relative_to(ROOT))
        for number, text in _docstrings_and_comments(path):
            yield name, number, text


def _logger_names() -> set[str]:
    """The names given to ``logging.getLogger("…")`` (a logger may be named like a module)."""
    named = re.compile(r"""getLogger\(\s*["']([\w.]+)["']""")
    return {name for path in _python_files() for name in named.findall(path.read_text())}


def _module_exists(dotted: str) -> bool:
    """``a.b.c`` names a module or package here, or something defined in one."""
    parts = dotted.split(".")
    place = ROOT
    for index, part in enumerate(parts):
        if (place / part).is_dir():
            place = place / part
            continue
        if (place / f"{part}.py").is_file():
            return True  # what follows is an attribute of that module
        if index == 0:
            return False
        init = place / "__init__.py"
        return init.is_file() and re.search(rf"\b{re.escape(part)}\b", init.read_text()) is not None
    return True


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, int, str]]:
    return list(_texts())


def test_every_path_named_in_the_documentation_exists(texts):
    missing = [
        f"{name}:{line}: {path}"
        for name, line, text in texts
        for path in PATH.findall(text)
        if not (ROOT / path).exists()
    ]
    assert not missing, "named but not in the repository:\n" + "\n".join(missing)


def test_every_file_named_without_its_folder_exists_somewhere(texts):
    here = {path.name for path in _files("*.py")}
    missing = [
        f"{name}:{line}: {file_name}"
        for name, line, text in texts
        for file_name in FILE_NAME.findall(text)
        if file_name not in here
    ]
    assert not missing, "no such file in the repository:\n" + "\n".join(missing)


def test_every_module_named_in_the_documentation_exists(texts):
    loggers = _logger_names()
    missing = [
        f"{name}:{line}: {dotted}"
        for name, line, text in texts
        for dotted in MODULE.findall(text)
        if not _module_exists(dotted) and dotted not in loggers
    ]
    assert not missing, "named but not in the repository:\n" + "\n".join(missing)


def test_docstrings_and_comments_give_reasons_not_issue_numbers(texts):
    found = [
        f"{name}:{line}: {ISSUE.search(text).group(0)}"
        for name, line, text in texts
        if name.endswith(".py") and ISSUE.search(text)
    ]
    assert not found, "say why instead:\n" + "\n".join(found)


def test_the_checks_catch_what_they_are_named_after(tmp_path):
    assert PATH.findall("see pst_desktop/visits/queue.py and ui/officer/ here") == [
        "pst_desktop/visits/queue.py",
        "ui/officer/",
    ]
    assert PATH.findall("https://x.org/ui/a.py, borg/ui/a.py, ui/*_tab.py") == []
    assert FILE_NAME.findall("``queue.py``, ui/*_tab.py, views/x_tab.py") == ["queue.py"]
    assert _module_exists("pst_desktop.reporting.reports.build_report")
    assert _module_exists("pst_desktop.demo.generate")
    assert not _module_exists("pst_desktop.live")
    assert not _module_exists("pst_desktop.reporting.nothing_here")
    assert ISSUE.search("(issue 12 item 4)") and ISSUE.search("Issue 13: the")
    assert not ISSUE.search("an issue with the printer")
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc."""\n\nx = "issue 5"  # the reason (issue 6)\n')
    assert [text for _, text in _docstrings_and_comments(sample)] == [
        "Doc.",
        "# the reason (issue 6)",
    ]

"""The level words of reports ("Toàn huyện", "toàn tỉnh", "20/20 xã", "cấp huyện") come
from the receiving unit's level (``core.levels``), never from a string written into the
code that makes the reports or the window: a province receiving from its communes since
2025 would otherwise print "Toàn huyện"."""

from __future__ import annotations

import ast
import re

from tests.conftest import PROJECT

PACKAGES = ("consolidation", "documents", "ui", "workspace", "receiving")
# a level word as reports use it: opening a whole, naming a level, counting units
WORDS = re.compile(
    r"\b(toàn|cấp)\s+(xã|huyện|tỉnh)\b|\d+\s*/\s*\d+\s+(xã|huyện|tỉnh)\b", re.IGNORECASE
)
# the setup dialog names the two structures themselves, not a unit's level
ALLOWED = {("ui/setup_dialog.py", "Trước 01/7/2025 (tỉnh – huyện – xã)")}


def _strings(tree: ast.AST) -> list[str]:
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_level_word_is_written_into_the_code_of_reports_and_windows():
    found = []
    root = PROJECT / "desktop_app"
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            for text in _strings(ast.parse(path.read_text(encoding="utf-8"))):
                if WORDS.search(text) and (relative, text) not in ALLOWED:
                    found.append((relative, text))
    assert found == []


def test_the_check_finds_a_hard_coded_level_word():
    tree = ast.parse('label = f"Toàn huyện: {value}"\nother = "18/20 xã đạt"\n')
    assert sorted(t for t in _strings(tree) if WORDS.search(t)) == ["18/20 xã đạt", "Toàn huyện: "]

"""Every string the window shows has its English translation, and the built .qm matches
the .ts (scripts/update_translations.sh refreshes both)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import PROJECT

TS = PROJECT / "resources" / "translations" / "app_en.ts"
QM = PROJECT / "resources" / "translations" / "app_en.qm"
BIN = Path(sys.executable).parent


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    return {
        (ctx.findtext("name"), msg.findtext("source")): msg
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to this Python")
    return str(path)


def test_every_message_is_translated():
    messages = _messages(TS)
    assert messages
    for (context, source), msg in messages.items():
        translation = msg.find("translation")
        assert translation.get("type") is None, (
            f"{context}: «{source}» is {translation.get('type')}"
        )
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        assert all(f and f.strip() for f in forms), f"{context}: «{source}» has no translation"
        assert context, f"«{source}» has no context: call self.tr(), not a bare tr()"


def test_the_ts_file_holds_every_string_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (PROJECT / "desktop_app" / "ui").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(fresh))
    in_ts = set(_messages(TS))
    assert in_code - in_ts == set(), "run scripts/update_translations.sh and translate"
    assert in_ts - in_code == set(), "the .ts has strings the code no longer uses"


def test_the_qm_file_is_built_from_the_ts(tmp_path):
    copy = tmp_path / "app_en.ts"
    shutil.copy(TS, copy)
    built = tmp_path / "app_en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(copy), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == QM.read_bytes(), "run scripts/update_translations.sh"

"""Checking a packet with standard tools alone, as anyone without the application would
(README, "Checking a packet with standard tools alone"): unzip, ``openssl cms -verify``,
the members' sha256 against the manifest, and ``pdfsig``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

MEMBERS = ["manifest.json", "data.json", "report.xlsx", "report.pdf", "manifest.json.p7s"]
needs_tools = pytest.mark.skipif(
    not (shutil.which("openssl") and shutil.which("pdfsig")), reason="openssl + poppler-utils"
)


def unzip(packet: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(packet) as archive:
        assert archive.namelist() == MEMBERS
        archive.extractall(into)
    return into


def openssl_ok(folder: Path, trusted: Path) -> bool:
    result = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
         "-content", "manifest.json", "-CAfile", str(trusted), "-purpose", "any",
         "-out", os.devnull],
        cwd=folder, capture_output=True, text=True,
    )  # fmt: skip
    return result.returncode == 0


def hashes_ok(folder: Path) -> bool:
    files = json.loads((folder / "manifest.json").read_bytes())["files"]
    return all(
        hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        for name, digest in files.items()
    )


def pdfsig(folder: Path) -> str:
    return subprocess.run(
        ["pdfsig", str(folder / "report.pdf")], capture_output=True, text=True
    ).stdout


def standard_tools_accept(packet: Path, trusted: Path, tmp: Path) -> Path:
    """Unzip ``packet`` into ``tmp`` and check it as the README says; returns the folder."""
    folder = unzip(packet, tmp)
    assert openssl_ok(folder, trusted)
    assert hashes_ok(folder)
    report = pdfsig(folder)
    assert "Signature Validation: Signature is Valid." in report
    assert "Total document signed" in report
    return folder

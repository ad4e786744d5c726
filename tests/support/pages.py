"""What a reader sees of a PDF: its text by poppler's pdftotext, white space folded (a
line broken in a table cell reads as one)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def pdf_text(pdf: Path) -> str:
    run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(run.stdout.split())


__all__ = ["pdf_text"]

"""Headless LibreOffice for tests: convert a file as a PC set to a given locale would
(the locale is the profile's "Locale setting", which decides 30,5 or 30.5), and read a
PDF's printed type sizes from its content streams."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice not installed"
)

_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>{locale}</value></prop></item>
</oor:items>
"""


def convert(source: Path, target: str, out_dir: Path, locale: str = "en-US") -> Path:
    """``soffice --convert-to target`` with a fresh profile set to ``locale``; returns
    the output directory."""
    profile = out_dir / f"profile-{locale}"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        _SETTINGS.format(locale=locale), encoding="utf-8"
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", target, "--outdir", str(out_dir), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out_dir


def csv_of_sheet(number: int) -> str:
    """The CSV filter that writes sheet ``number`` (1-based) with cells as shown."""
    return f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,{number}"


def _pages(node):
    node = node.get_object()
    if node["/Type"] == "/Pages":
        for kid in node["/Kids"]:
            yield from _pages(kid)
    else:
        yield node


def type_sizes(pdf: Path) -> list[list[float]]:
    """Every text's size in points (``Tf``), page by page. LibreOffice and reportlab set
    the size there and draw text unscaled, so this is the printed size."""
    reader = PdfFileReader(pdf.open("rb"))
    out = []
    for page in _pages(reader.root["/Pages"]):
        contents = page["/Contents"].get_object()
        streams = [contents] if hasattr(contents, "data") else [s.get_object() for s in contents]
        data = b"".join(s.data for s in streams)
        out.append([float(x) for x in re.findall(rb"/[\w.+-]+ ([\d.]+) Tf", data)])
    return out

"""The consolidated report's year-on-year section as a picture: the 20 Chợ Đồn sample
communes' 2026 reports (form 2026.1) against the same communes' 2025 figures on the form
of that year (2022.1), made from the 2026 samples by lowering each ratio's numerator
(demonstration figures, not data), and one commune left out of 2025 so that "—" shows.

    .venv/bin/python scripts/year_on_year_screens.py [OUT_DIR]

writes ``consolidated-year-on-year.png`` (the page of section V, via pdftoppm) into
OUT_DIR (default docs/screenshots) and keeps the PDF and workbook beside it in a
temporary folder it prints."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.consolidation import (  # noqa: E402
    ExpectedUnit,
    ReportInfo,
    UnitReport,
    consolidate,
    district_statements,
    rank_units,
)
from desktop_app.consolidation.compare import consolidated_year_on_year  # noqa: E402
from desktop_app.consolidation.reports import write_reports  # noqa: E402
from desktop_app.core.forms import load_form_file  # noqa: E402
from desktop_app.core.units import Catalogue  # noqa: E402
from scripts.district_screens import DISTRICT, _earlier, _numerators, _reports  # noqa: E402


def year_on_year_reports(out_dir: Path) -> tuple[Path, Path]:
    """(pdf, xlsx) of 2026 against 2025 written into ``out_dir``."""
    form = load_form_file(ROOT / "forms" / "cntt-xa-2026.yaml")
    before = load_form_file(ROOT / "forms" / "cntt-xa-2022.yaml")
    expected = [ExpectedUnit(u.code, u.name) for u in Catalogue.load("legacy").children(DISTRICT)]
    reports = _reports(form)
    earlier = []
    for r in _earlier(reports, Decimal("0.85"), _numerators(form)):
        if r.unit_code == "02083":
            continue  # not reported in 2025
        values = {k: v for k, v in r.values.items() if k in before.fields}
        earlier.append(UnitReport(r.unit_code, r.unit_name, before, values))
    c = consolidate(form, reports, expected)
    previous = consolidate(before, earlier, expected)
    yoy = consolidated_year_on_year(c, previous, "2025")
    info = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn")
    written = write_reports(
        out_dir, c, info, ranking=rank_units(c), statements=district_statements(c),
        year_on_year=yoy,
    )  # fmt: skip
    return written.pdf, written.xlsx


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    work = Path(tempfile.mkdtemp(prefix="yoy-"))
    pdf, xlsx = year_on_year_reports(work)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    page = next(i for i, p in enumerate(text.split("\f"), start=1) if "SO VỚI NĂM 2025" in p)
    stem = out / "consolidated-year-on-year"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(stem)], check=True)  # fmt: skip
    print(stem.with_suffix(".png"), pdf, xlsx)


if __name__ == "__main__":
    main()

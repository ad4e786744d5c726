"""Screenshots of the district officer's views at 1366×768: the ranking (18 of the 20
Chợ Đồn sample communes in, so provisional, with last year's places), the district's trend
of a key indicator, and the print preview of the consolidated report.

The samples hold 2026 only; the earlier years here are made from them by lowering each
ratio's numerator (demonstration figures, not data). Needs an X server:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/district_screens.py
or call ``district_screens(out_dir)`` from scripts/screenshots.py with the app running."""

from __future__ import annotations

import re
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop_app.consolidation import (  # noqa: E402
    Consolidation,
    ExpectedUnit,
    ReportInfo,
    UnitReport,
    consolidate,
    rank_units,
    trend,
    typed_inputs,
)
from desktop_app.consolidation.reports import write_reports  # noqa: E402
from desktop_app.core.forms import load_form_file  # noqa: E402
from desktop_app.core.forms.model import Form  # noqa: E402
from desktop_app.core.units import Catalogue  # noqa: E402
from desktop_app.workspace.entry import read_values_file  # noqa: E402

SIZE = (1366, 768)
DISTRICT = "064"  # Huyện Chợ Đồn, legacy catalogue
YEARS = {"2023": Decimal("0.62"), "2024": Decimal("0.74"), "2025": Decimal("0.88")}


def _reports(form: Form) -> list[UnitReport]:
    catalogue = Catalogue.load("legacy")
    out = []
    for path in sorted((ROOT / "resources" / "samples").glob("cntt-xa_2026_*.json")):
        data = read_values_file(path)
        unit = catalogue.require(data["unit"])
        out.append(UnitReport(unit.code, unit.name, form, typed_inputs(form, data["values"])))
    return out


def _numerators(form: Form) -> set[str]:
    """The first input named in each ratio ("vb_di_ky_so / vb_di_tong * 100")."""
    found = set()
    for f in form.fields.values():
        match = re.match(r"\(?\s*(\w+)", f.compute.source) if f.compute is not None else None
        if match and "/" in f.compute.source and match.group(1) in form.fields:
            found.add(match.group(1))
    return found


def _earlier(reports: list[UnitReport], share: Decimal, numerators: set[str]) -> list[UnitReport]:
    """The same communes with smaller numerators, each by a slightly different share so
    that places change from year to year."""
    out = []
    for r in reports:
        unit_share = min(Decimal(1), share + Decimal(int(r.unit_code) % 7) / 50)
        values = dict(r.values)
        for name in numerators:
            value = values.get(name)
            if isinstance(value, int) and not isinstance(value, bool):
                values[name] = int(value * unit_share)
        out.append(UnitReport(r.unit_code, r.unit_name, r.form, values))
    return out


def _save(widget, path: Path, app, then=None) -> Path:  # Qt objects: imported lazily
    widget.resize(*SIZE)
    widget.show()
    for _ in range(10):
        app.processEvents()
    if then is not None:  # something only possible once shown
        then()
        for _ in range(10):
            app.processEvents()
    widget.grab().save(str(path))
    print(path)
    return path


def district_screens(out_dir: Path) -> list[Path]:
    """ranking.png, trend.png and print-preview.png in ``out_dir``; the QApplication must
    exist (``desktop_app.ui.app.create_application``)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.district.print_preview import PdfPrintPreview
    from desktop_app.ui.district.ranking_view import RankingView
    from desktop_app.ui.district.trend_view import TrendView

    app = QApplication.instance()
    out_dir.mkdir(parents=True, exist_ok=True)
    form = load_form_file(ROOT / "forms" / "cntt-xa-2026.yaml")
    reports = _reports(form)
    expected = [ExpectedUnit(u.code, u.name) for u in Catalogue.load("legacy").children(DISTRICT)]
    numerators = _numerators(form)
    by_period: dict[str, Consolidation] = {
        year: consolidate(form, _earlier(reports, share, numerators), expected)
        for year, share in YEARS.items()
    }
    by_period["2026"] = consolidate(form, reports, expected)
    rankings = {p: rank_units(c) for p, c in by_period.items()}
    shots = []

    # two communes not yet in: the ranking is provisional and says so
    partial = consolidate(
        form, [r for r in reports if r.unit_code not in ("02080", "02083")], expected
    )
    ranking = rank_units(partial, rankings["2025"])
    view = RankingView(partial, ranking, "vi", period="2026")
    shots.append(_save(view, out_dir / "ranking.png", app))
    view.close()

    units = [(r.unit_code, r.unit_name) for r in reports]
    trend_view = TrendView(trend(by_period, rankings=rankings), form, "vi", units)
    trend_view.choose_indicator("ty_le_vb_di_ky_so")
    shots.append(_save(trend_view, out_dir / "trend.png", app))
    trend_view.close()

    with tempfile.TemporaryDirectory() as tmp:
        info = ReportInfo("Huyện Chợ Đồn", "Tỉnh Bắc Kạn", "2026", "2027-01-20", "Chợ Đồn")
        written = write_reports(Path(tmp), by_period["2026"], info, rankings["2025"])
        preview = PdfPrintPreview(written.pdf)
        # page 2 holds the ranking table, the page the leadership looks at; the toolbar's
        # own action, so that its page number follows
        next_page = next(a for a in preview.findChildren(QAction) if a.text() == "Trang sau")
        show_ranking = next_page.trigger
        shots.append(_save(preview, out_dir / "print-preview.png", app, show_ranking))
        preview.close()
    return shots


if __name__ == "__main__":
    from desktop_app.ui.app import create_application

    application = create_application(sys.argv)
    district_screens(ROOT / "docs" / "screenshots")

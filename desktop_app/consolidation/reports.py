"""Everything the ``report`` command and the window's "print consolidated report" need, in
one call: rank, state, and write the workbook and the PDF side by side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking, rank_units
from .report_pdf import render_consolidated_pdf
from .report_xlsx import write_consolidated_xlsx
from .statements import Statement, district_statements


@dataclass(frozen=True)
class WrittenReports:
    xlsx: Path
    pdf: Path
    ranking: Ranking
    statements: list[Statement]


def write_reports(
    out_dir: Path,
    c: Consolidation,
    info: ReportInfo,
    previous: Ranking | None = None,
) -> WrittenReports:
    """``{form}_{period}_tong-hop.xlsx`` and ``.pdf`` in ``out_dir``."""
    ranking = rank_units(c, previous)
    statements = district_statements(c)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{c.form.id}_{info.period}_tong-hop"
    xlsx, pdf = out_dir / f"{stem}.xlsx", out_dir / f"{stem}.pdf"
    write_consolidated_xlsx(xlsx, c, ranking, statements, info)
    pdf.write_bytes(render_consolidated_pdf(c, ranking, statements, info))
    return WrittenReports(xlsx, pdf, ranking, statements)

"""Everything the ``report`` command and the window's "print consolidated report" need, in
one call: rank, state, and write the workbook and the PDF side by side.

Both files are written under temporary names and put in place only once both are made:
a cancelled or failed run leaves the folder as it was (no half-written workbook beside
an old PDF).

May import: ``consolidation``, ``storage`` (durable files), ``core``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..core.progress import Progress, no_progress
from ..storage.durable import replacing
from .appraisal_print import appraisal_sheet
from .appraised import AppraisalSummary
from .compare import YearOnYear
from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking, rank_units
from .report_pdf import render_consolidated_pdf
from .report_xlsx import write_consolidated_xlsx
from .statements import Statement, district_statements

STEPS = 3  # workbook, PDF, both put in place


@dataclass(frozen=True)
class WrittenReports:
    xlsx: Path
    pdf: Path
    ranking: Ranking | None  # None: the form carries no scoring (the years before 2026)
    statements: list[Statement]


def report_stem(c: Consolidation, info: ReportInfo) -> str:
    """``{form}_{period}_tong-hop``: the two files' name without the suffix."""
    return f"{c.form.id}_{info.period}_tong-hop"


def write_reports(
    out_dir: Path,
    c: Consolidation,
    info: ReportInfo,
    previous: Ranking | None = None,
    *,
    ranking: Ranking | None = None,
    statements: Sequence[Statement] | None = None,
    progress: Progress = no_progress,
    year_on_year: YearOnYear | None = None,
    appraisal: AppraisalSummary | None = None,
) -> WrittenReports:
    """``{form}_{period}_tong-hop.xlsx`` and ``.pdf`` in ``out_dir``.

    ``ranking`` and ``statements`` already computed by the caller are used as they are
    (else computed here, ``previous`` being last period's ranking). ``progress(done,
    total)`` is called after each step; raising ``core.progress.Cancelled`` from it stops
    the work with nothing written. ``year_on_year``: the figures against the previous
    period's, printed beside them in both files. ``appraisal``: the receiving unit's
    appraisal, a part of the PDF and a sheet of the workbook. A form without scoring (the versions
    before 2026) gives both files without the ranking, its scores and its chart."""
    if ranking is None and c.form.scoring is not None:
        ranking = rank_units(c, previous)
    statements = list(statements) if statements is not None else district_statements(c)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = report_stem(c, info)
    xlsx, pdf = out_dir / f"{stem}.xlsx", out_dir / f"{stem}.pdf"
    # Both renamed only once both are written; a cancel or a failure leaves neither part.
    with replacing(xlsx) as xlsx_part, replacing(pdf) as pdf_part:
        progress(0, STEPS)
        extra = [lambda wb: appraisal_sheet(wb, appraisal, info.period)] if appraisal else []
        write_consolidated_xlsx(xlsx_part, c, ranking, statements, info, year_on_year, extra)
        progress(1, STEPS)
        pdf_part.write_bytes(
            render_consolidated_pdf(
                c, ranking, statements, info, year_on_year=year_on_year, appraisal=appraisal
            )
        )
        progress(2, STEPS)
    progress(STEPS, STEPS)
    return WrittenReports(xlsx, pdf, ranking, statements)

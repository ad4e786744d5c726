"""Consolidation of the children's reports: figures, scores and ranks, targets and district
statements, units merged in the 2025 rearrangement, the district's own pre-filled form,
trends, and the consolidated workbook and PDF.

The rules are plain Python over plain inputs (``UnitReport``), so the CLI, the window and
the tests feed them the same way; one module reads those inputs from the receiving
unit's database (``received``: which submission counts, typed with its packet).

May import: ``documents`` (the Decree 30 furniture of the PDF), ``storage`` (reading the
received reports in ``received``, durable files in ``reports``, the merge table's and
pre-fill records' types), ``core``. Never ``packets``, ``receiving``, ``workspace`` or Qt.
"""

from .consolidate import Consolidation, FigureTrace, consolidate
from .merges import Merged, apply_merges, merge_units
from .model import ExpectedUnit, PacketRef, ReportInfo, UnitReport, typed_inputs
from .prefill import Prefill, PrefilledValue, prefill_parent_form
from .ranking import Ranking, RankRow, rank_units
from .statements import Statement, district_statements, target_attainment
from .trend import Trend, trend

__all__ = [
    "Consolidation",
    "ExpectedUnit",
    "FigureTrace",
    "Merged",
    "PacketRef",
    "Prefill",
    "PrefilledValue",
    "RankRow",
    "Ranking",
    "ReportInfo",
    "Statement",
    "Trend",
    "UnitReport",
    "apply_merges",
    "consolidate",
    "district_statements",
    "merge_units",
    "prefill_parent_form",
    "rank_units",
    "target_attainment",
    "trend",
    "typed_inputs",
]

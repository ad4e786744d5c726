"""Consolidation of the children's reports: figures, scores and ranks, targets and district
statements, the district's own pre-filled form, trends, and the consolidated workbook and PDF.

Plain Python over plain inputs (``UnitReport``): it does not know how received packets are
stored, so the receiving side, the CLI and the window all feed it the same way.
"""

from .consolidate import Consolidation, FigureTrace, consolidate, merge_units
from .model import ExpectedUnit, PacketRef, ReportInfo, UnitReport, typed_inputs
from .prefill import Prefill, PrefilledValue, prefill_parent_form
from .ranking import Ranking, RankRow, rank_units
from .statements import Statement, district_statements, target_attainment
from .trend import Trend, trend

__all__ = [
    "Consolidation",
    "ExpectedUnit",
    "FigureTrace",
    "PacketRef",
    "Prefill",
    "PrefilledValue",
    "RankRow",
    "Ranking",
    "ReportInfo",
    "Statement",
    "Trend",
    "UnitReport",
    "consolidate",
    "district_statements",
    "merge_units",
    "prefill_parent_form",
    "rank_units",
    "target_attainment",
    "trend",
    "typed_inputs",
]

"""The self-assessment appendix of a report, as rows: "Phụ lục — Bảng tự chấm điểm …
(Kèm theo Báo cáo số …)", one row per scored indicator (STT | Chỉ số | Điểm tối đa |
Cách tính | Điểm tự chấm | Giải trình) under its section's subtotal, then the total and
the band. Drawn from ``data.json``'s score and the form's scoring rules alone, so the
district can re-check the sum by hand; ``pdf.py`` and ``excel.py`` render it as the
report's last page and its second sheet.

May import: ``packets``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..core.forms.model import Band, Field, Form, ScoringItem
from ..core.numbers import format_number
from ..core.text import nfc
from .cells import (
    BLANK,
    Cell,
    number_cell,
    own_decimals,
    roman,
    section_title,
    text_cell,
    value_cell,
)

SCORE_HEADERS = ("STT", "Chỉ số", "Điểm tối đa", "Cách tính", "Điểm tự chấm", "Giải trình")
PENDING = "Chấm khi tổng hợp"


@dataclass(frozen=True)
class ScoreRow:
    kind: Literal["section", "item", "total", "band"]
    number: str
    label: str
    maximum: Cell
    method: str
    points: Cell
    note: str


@dataclass(frozen=True)
class ScoreTable:
    heading: tuple[str, str, str]  # "Phụ lục", its title, "(Kèm theo Báo cáo số …)"
    rows: tuple[ScoreRow, ...]


def _suffix(field: Field) -> str:
    unit = nfc(field.unit.vi) if field.unit else ""
    return unit if unit in ("", "%") else f" {unit}"


def _method(item: ScoringItem, field: Field) -> str:
    """The scale in words, so the district can re-check the sum by hand."""
    unit = _suffix(field)
    if item.scale == "boolean":
        return "Có: đủ điểm; Không: 0 điểm"
    if item.scale == "linear":
        return f"Tỷ lệ thuận với số liệu, đủ điểm khi đạt {format_number(item.full_at)}{unit}"
    if item.scale == "relative":
        return "So với đơn vị cao nhất: điểm tối đa × số liệu ÷ số liệu cao nhất"
    steps = "; ".join(
        f"từ {format_number(s.minimum)}{unit}: {format_number(s.points)} điểm" for s in item.steps
    )
    return f"Theo mức: {steps}; thấp hơn: 0 điểm"


def _band_note(bands: tuple[Band, ...], code: str) -> str:
    """ "Trung bình (từ 65 đến dưới 80 điểm)": the band's name and its range."""
    ordered = sorted(bands, key=lambda b: b.minimum, reverse=True)
    for i, band in enumerate(ordered):
        if band.code != code:
            continue
        low = format_number(band.minimum)
        if i == 0:
            return f"{nfc(band.label.vi)} (từ {low} điểm trở lên)"
        high = format_number(ordered[i - 1].minimum)
        if band.minimum <= 0:
            return f"{nfc(band.label.vi)} (dưới {high} điểm)"
        return f"{nfc(band.label.vi)} (từ {low} đến dưới {high} điểm)"
    return ""


def _score_rows(form: Form, score: Mapping[str, Any], values: Mapping[str, Any]) -> list[ScoreRow]:
    scoring = form.scoring
    assert scoring is not None
    decimals = scoring.decimals
    items = score.get("items") or {}
    pending = set(score.get("pending") or [])

    def maximum(item: ScoringItem) -> Decimal:
        return Decimal(items.get(item.id, {}).get("maximum", item.points))

    rows: list[ScoreRow] = []
    numbered = [s for s in form.sections if any(i.section_id == s.id for i in scoring.items)]
    for s_index, section in enumerate(numbered, start=1):
        own = [i for i in scoring.items if i.section_id == section.id]
        top = sum((maximum(i) for i in own), Decimal(0))
        points = Decimal((score.get("sections") or {}).get(section.id, "0"))
        title = section_title(section.title.vi)
        top_cell, got = number_cell(top, own_decimals(top)), number_cell(points, decimals)
        rows.append(ScoreRow("section", roman(s_index), title, top_cell, "", got, ""))
        for i_index, item in enumerate(own, start=1):
            field = form.fields[item.field_id]
            shown = value_cell(field, values.get(field.id))
            note = f"Số liệu: {shown.text}{_suffix(field)}" if shown.text else "Chưa có số liệu"
            if item.id in pending:
                got = text_cell(PENDING)
            else:
                got = number_cell(Decimal(items.get(item.id, {}).get("points", "0")), decimals)
            top = maximum(item)
            top_cell, how = number_cell(top, own_decimals(top)), _method(item, field)
            rows.append(
                ScoreRow("item", str(i_index), nfc(item.title.vi), top_cell, how, got, note)
            )
    return rows


def score_sheet(
    form: Form, data: Mapping[str, Any], reference: str, summary: str
) -> ScoreTable | None:
    """The self-assessment appendix of the report ``summary`` ("(Kèm theo Báo cáo số …)":
    ``reference``), or None when the form does not score or data has no score."""
    score = data.get("score")
    if not score or form.scoring is None:
        return None
    values = {**(data.get("values") or {}), **(data.get("computed") or {})}
    rows = _score_rows(form, score, values)
    total_max = sum((r.maximum.number for r in rows if r.kind == "section"), Decimal(0))
    pending = [i for i in form.scoring.items if i.id in set(score.get("pending") or [])]
    note = ""
    if pending:
        left_out = sum((i.points for i in pending), Decimal(0))
        note = f"Chưa gồm {len(pending)} chỉ số chấm khi tổng hợp ({format_number(left_out)} điểm)"
    total = number_cell(Decimal(score["total"]), form.scoring.decimals)
    top = number_cell(total_max, own_decimals(total_max))
    rows.append(ScoreRow("total", "", "Tổng cộng", top, "", total, note))
    if score.get("band"):
        band = str(score["band"])
        note = _band_note(form.scoring.bands, band)
        rows.append(ScoreRow("band", "", "Xếp loại", BLANK, "", text_cell(band), note))
    title = f"BẢNG TỰ CHẤM ĐIỂM {summary.upper()}"
    return ScoreTable(("Phụ lục", title, reference), tuple(rows))


__all__ = ["PENDING", "SCORE_HEADERS", "ScoreRow", "ScoreTable", "score_sheet"]

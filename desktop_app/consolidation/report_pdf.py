"""The consolidated PDF (Decree 30/2020/NĐ-CP layout, A4 landscape for the wide tables):
general results in words, the ranking with per-section scores, bar charts of the total
scores and key indicators, the units that have not reported, and the signatures.

Tables use plain strings styled per column, not a Paragraph per cell: a province's
3,321-row ranking then renders in seconds. Output is deterministic (``invariant``).

May import: ``consolidation``, ``packets`` (fonts), ``core``; reportlab.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Spacer,
)

from ..core.dates import format_place_date
from ..core.levels import LEVEL_WORDS, agency_heading, level_name
from ..core.numbers import format_number
from ..core.periods import Period
from ..core.text import nfc
from ..packets.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, register_pdf_fonts
from .consolidate import Consolidation
from .model import ReportInfo
from .pdf_blocks import (
    BOTTOM,
    HEIGHT,
    LEFT,
    LINE,
    MM,
    PAGE,
    WIDTH,
    HeaderBlock,
    Rule,
    page_number,
    para,
    signatures,
    style,
)
from .pdf_charts import Reference, bar_chart
from .ranking import Ranking
from .statements import Statement

CHART_LIMIT = 40  # more units than this: charts show the top 30
CHART_TOP = 30
_HEADING = style(13, SERIF_BOLD, spaceBefore=8, spaceAfter=4)
_BODY = style(13, SERIF, TA_JUSTIFY, leftIndent=10)
_TITLE = style(14, SERIF_BOLD, TA_CENTER, spaceAfter=2)


def _table(rows: list[list[str]], widths: Sequence[float], right_from: int) -> LongTable:
    """A framed table with a repeated header; columns from ``right_from`` are numbers."""
    st = [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTNAME", (0, 0), (-1, 0), SERIF_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 10),
        ("LEADING", (0, 0), (-1, -1), 12),
        ("GRID", (0, 0), (-1, -1), LINE, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (right_from, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    return LongTable(rows, colWidths=widths, repeatRows=1, style=st)


def _header_rows(c: Consolidation, ranking: Ranking) -> list[str]:
    numerals = [nfc(c.form.sections_by_id[s].title.vi).split(".")[0] for s in ranking.section_ids]
    tops = [f"{n}\n({format_number(ranking.section_maximum[s])})" for n, s in
            zip(numerals, ranking.section_ids, strict=True)]  # fmt: skip
    return [
        "Hạng",
        "Mã",
        "Đơn vị",
        *tops,
        "Tổng\nđiểm",
        "Xếp\nloại",
        "Tăng/\ngiảm",
        "Hạng\nkỳ trước",
    ]


def ranking_table(c: Consolidation, ranking: Ranking) -> LongTable:
    rows = [_header_rows(c, ranking)]
    for r in ranking.rows:
        change = r.total_change
        rows.append(
            [str(r.rank), r.code, nfc(r.name)]
            + [format_number(r.by_section[s], 2) for s in ranking.section_ids]
            + [
                format_number(r.total, 2),
                r.band.code if r.band else "",
                "" if change is None else ("+" if change > 0 else "") + format_number(change, 2),
                "" if r.previous_rank is None else str(r.previous_rank),
            ]
        )
    n = len(ranking.section_ids)
    fixed = [13, 15, 0, *([15] * n), 17, 12, 16, 16]
    fixed[2] = WIDTH / MM - sum(fixed)
    table = _table(rows, [w * MM for w in fixed], 3)
    table.setStyle([("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (-3, 1), (-3, -1), "CENTER")])
    table.setStyle([("FONTNAME", (3 + n, 1), (3 + n, -1), SERIF_BOLD)])
    return table


def _missing_table(c: Consolidation) -> Flowable:
    if not c.missing:
        return para("Tất cả các đơn vị đã nộp báo cáo.", _BODY)
    rows = [["STT", "Mã", "Đơn vị"]]
    rows += [[str(i), u.code, nfc(u.name)] for i, u in enumerate(c.missing, start=1)]
    return _table(rows, [15 * MM, 20 * MM, 110 * MM], 99)


def _chart_block(title: str, drawing: Flowable, lead: Sequence[Flowable] = ()) -> list[Flowable]:
    # a chart never splits, and a heading never ends a page without its chart
    return [CondPageBreak(60 * MM), KeepTogether([*lead, para(title, _HEADING), drawing])]


def _key_fields(c: Consolidation, limit: int = 3) -> list[str]:
    seen: list[str] = []
    for t in c.form.targets:
        f = c.form.fields[t.field_id]
        if f.type == "percent" and f.id not in seen:
            seen.append(f.id)
    return seen[:limit]


def charts(c: Consolidation, ranking: Ranking, key_fields: Sequence[str] | None) -> list[Flowable]:
    many = len(ranking.rows) > CHART_LIMIT
    top = list(ranking.rows[:CHART_TOP] if many else ranking.rows)
    which = f"{CHART_TOP} đơn vị điểm cao nhất" if many else "các đơn vị"
    totals = [r.total for r in ranking.rows]
    mean = sum(totals, Decimal(0)) / len(totals) if totals else Decimal(0)
    ref = [Reference(mean, f"Bình quân {format_number(mean, 2)}")]
    drawing = bar_chart([nfc(r.name) for r in top], [r.total for r in top], 100, ref, 2)
    lead = [para("III. BIỂU ĐỒ", _HEADING)]
    out = _chart_block(f"Biểu đồ 1. Tổng điểm của {which}", drawing, lead)
    for index, fid in enumerate(key_fields or _key_fields(c), start=2):
        f = c.form.fields[fid]
        pairs = [(nfc(c.name(code)), v.get(fid)) for code, v in c.values_by_unit.items()]
        pairs.sort(key=lambda p: (p[1] is None, -(p[1] or 0)))
        pairs = pairs[:CHART_TOP] if many else pairs
        refs = [Reference(t.value, f"Chỉ tiêu {format_number(t.value)}%")
                for t in c.form.targets if t.field_id == fid and not isinstance(t.value, bool)]  # fmt: skip
        overall = c.figures.values.get(fid)
        if overall is not None:
            refs.append(Reference(Decimal(overall), f"Chung {format_number(overall, 1)}%"))
        drawing = bar_chart([p[0] for p in pairs], [p[1] for p in pairs], 100, refs)
        title = f"Biểu đồ {index}. {nfc(f.label.vi)} (%)" + (
            f", {CHART_TOP} đơn vị cao nhất" if many else ""
        )
        out += _chart_block(title, drawing)
    return out


def _opening(c: Consolidation, info: ReportInfo) -> list[Flowable]:
    name, parent = nfc(info.unit_name), nfc(info.parent_name or "")
    agency = [(agency_heading(parent), SERIF)] if parent else []
    agency += [("ỦY BAN NHÂN DÂN", SERIF_BOLD), (name.upper(), SERIF_BOLD)]
    number = f"Số: {info.number or '……/BC-UBND'}"
    place = format_place_date(nfc(info.place), datetime.date.fromisoformat(info.date))
    level = f" {level_name(c.form.level).vi}" if c.form.level in LEVEL_WORDS else ""
    period = Period.parse(info.period).label("vi")
    summary = f"Tổng hợp, đánh giá, xếp hạng mức độ ứng dụng công nghệ thông tin{level} {period[:1].lower()}{period[1:]}"
    return [HeaderBlock(agency, number, place), Spacer(1, 14), para("BÁO CÁO", _TITLE),
            para(summary, _TITLE), Rule(60 * MM), Spacer(1, 8)]  # fmt: skip


def _story(c, ranking, statements, info, key_fields) -> list[Flowable]:
    story = _opening(c, info)
    if ranking.note is not None:
        story.append(para(ranking.note.vi, style(13, SERIF_BOLD_ITALIC, spaceAfter=6)))
    story.append(para("I. KẾT QUẢ CHUNG", _HEADING))
    story += [para(f"- {nfc(s.text.vi)}.", _BODY) for s in statements]
    story += [para("II. BẢNG XẾP HẠNG VÀ ĐIỂM THEO TỪNG PHẦN", _HEADING)]
    story += [ranking_table(c, ranking), Spacer(1, 4)]
    names = "; ".join(f"{nfc(c.form.sections_by_id[s].title.vi)}" for s in ranking.section_ids)
    story.append(para(f"Ghi chú: {names}.", style(10)))
    story += charts(c, ranking, key_fields)
    story += [para("IV. CÁC ĐƠN VỊ CHƯA NỘP BÁO CÁO", _HEADING), _missing_table(c)]
    titles = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    story += [Spacer(1, 14), KeepTogether([signatures(info.prepared_by, info.approved_by, titles)])]
    return story


def render_consolidated_pdf(
    c: Consolidation,
    ranking: Ranking,
    statements: Sequence[Statement],
    info: ReportInfo,
    key_fields: Sequence[str] | None = None,
) -> bytes:
    """The consolidated report as PDF bytes. ``key_fields``: the indicators charted
    (default: the first three percentage fields the form sets targets for)."""
    register_pdf_fonts()
    out = io.BytesIO()
    frame = Frame(LEFT, BOTTOM, WIDTH, HEIGHT, 0, 0, 0, 0, id="body")
    doc = BaseDocTemplate(
        out,
        pagesize=PAGE,
        pageTemplates=[
            PageTemplate("first", [frame], autoNextPageTemplate="later"),
            PageTemplate("later", [frame], onPage=page_number),
        ],
        title=f"Tổng hợp báo cáo {c.form.id} kỳ {info.period} — {nfc(info.unit_name)}",
        author=nfc(info.unit_name),
        creator="cntt-baocao",
        lang="vi",
        initialFontName=SERIF,
        initialFontSize=13,
        invariant=1,
    )
    doc.build(_story(c, ranking, statements, info, key_fields))
    return out.getvalue()


def write_consolidated_pdf(path: Path, *args, **kwargs) -> None:
    """``render_consolidated_pdf`` written to ``path``."""
    path.write_bytes(render_consolidated_pdf(*args, **kwargs))

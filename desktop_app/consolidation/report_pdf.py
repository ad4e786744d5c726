"""The consolidated PDF (Decree 30/2020/NĐ-CP layout): general results in words, the
ranking with per-section scores, bar charts of the total scores and key indicators, the
units that have not reported, and "Nơi nhận" beside the signature block.

A4 portrait, as the decree lays out a document: the first page with the motto and the
agency block, the charts and the closing; only the ranking, too wide for portrait, is on
landscape pages (the decree allows a table to be laid out across the page).

Tables use plain strings styled per column, not a Paragraph per cell: a province's
3,321-row ranking then renders in seconds. Output is deterministic (``invariant``).

The decree's furniture (page, heading, signatures, table styles, charts) is
``documents``'; this module lays out the consolidated report's own content on it.

May import: ``consolidation``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.comparison import NONE, Comparison, change_text, previous_text
from ..core.dates import format_place_date
from ..core.forms import Form
from ..core.forms.model import Field
from ..core.levels import LEVEL_WORDS, committee, level_name, units_word
from ..core.numbers import format_number
from ..core.periods import Period
from ..core.text import nfc
from ..documents.blocks import Heading, TitleRule, closing_table
from ..documents.charts import Reference, bar_chart
from ..documents.decree30 import FILED, REPORT, agency, report_number, signatories
from ..documents.flow import (
    CENTRE,
    JUSTIFY,
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Spacer,
    para,
    style,
)
from ..documents.fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, register_pdf_fonts
from ..documents.page import LANDSCAPE, MM, PORTRAIT, build_pdf, turn_back, turn_to_wide
from ..documents.tables import string_table
from ..storage.durable import atomic_write
from .appraisal_print import appraisal_story
from .appraised import AppraisalSummary
from .compare import YearOnYear
from .consolidate import Consolidation
from .model import ReportInfo
from .ranking import Ranking, band_text
from .statements import Statement

WIDTH = LANDSCAPE.width  # the ranking's
_CELL = style(10)  # 10 pt on 12 pt lines, as string_table sets its cells
_CELL_CENTRE = style(10, align=CENTRE)
CHART_WIDTH = PORTRAIT.width
CHART_LIMIT = 40  # more units than this: charts show the top 30
CHART_TOP = 30
_HEADING = style(13, SERIF_BOLD, spaceBefore=8, spaceAfter=4)
_BODY = style(13, SERIF, JUSTIFY, leftIndent=10)
_TITLE = style(14, SERIF_BOLD, CENTRE, spaceAfter=2)


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
                band_text(r.band),  # "A – Tốt", as on screen and in the workbook
                "" if change is None else ("+" if change > 0 else "") + format_number(change, 2),
                "" if r.previous_rank is None else str(r.previous_rank),
            ]
        )
    n = len(ranking.section_ids)
    fixed = [13, 15, 0, *([15] * n), 17, 27, 16, 16]
    fixed[2] = WIDTH / MM - sum(fixed)
    table = string_table(rows, [w * MM for w in fixed], 3)
    table.setStyle([("ALIGN", (0, 1), (1, -1), "CENTER"), ("ALIGN", (-3, 1), (-3, -1), "LEFT")])
    table.setStyle([("FONTNAME", (3 + n, 1), (3 + n, -1), SERIF_BOLD)])
    return table


def _missing_table(c: Consolidation) -> Flowable:
    if not c.missing:
        return para("Tất cả các đơn vị đã nộp báo cáo.", _BODY)
    rows = [["STT", "Mã", "Đơn vị"]]
    rows += [[str(i), u.code, nfc(u.name)] for i, u in enumerate(c.missing, start=1)]
    return string_table(rows, [15 * MM, 20 * MM, 110 * MM], 99)


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


def charts(
    c: Consolidation,
    ranking: Ranking | None,
    key_fields: Sequence[str] | None,
    heading: str = "III. BIỂU ĐỒ",
) -> list[Flowable]:
    many = len(c.values_by_unit) > CHART_LIMIT
    lead = [para(heading, _HEADING)]
    out: list[Flowable] = []
    if ranking is not None:
        top = list(ranking.rows[:CHART_TOP] if many else ranking.rows)
        which = f"{CHART_TOP} đơn vị điểm cao nhất" if many else "các đơn vị"
        totals = [r.total for r in ranking.rows]
        mean = sum(totals, Decimal(0)) / len(totals) if totals else Decimal(0)
        ref = [Reference(mean, f"Bình quân {format_number(mean, 2)}")]
        drawing = bar_chart(
            [nfc(r.name) for r in top], [r.total for r in top], 100, ref, 2, width=CHART_WIDTH
        )
        out = _chart_block(f"Biểu đồ 1. Tổng điểm của {which}", drawing, lead)
        lead = []
    first = 2 if ranking is not None else 1
    for index, fid in enumerate(key_fields or _key_fields(c), start=first):
        f = c.form.fields[fid]
        pairs = [(nfc(c.name(code)), v.get(fid)) for code, v in c.values_by_unit.items()]
        pairs.sort(key=lambda p: (p[1] is None, -(p[1] or 0)))
        pairs = pairs[:CHART_TOP] if many else pairs
        refs = [Reference(t.value, f"Chỉ tiêu {format_number(t.value)}%")
                for t in c.form.targets if t.field_id == fid and not isinstance(t.value, bool)]  # fmt: skip
        overall = c.figures.values.get(fid)
        if overall is not None:
            refs.append(Reference(Decimal(overall), f"Chung {format_number(overall, 1)}%"))
        drawing = bar_chart(
            [p[0] for p in pairs], [p[1] for p in pairs], 100, refs, width=CHART_WIDTH
        )
        title = f"Biểu đồ {index}. {nfc(f.label.vi)} (%)" + (
            f", {CHART_TOP} đơn vị cao nhất" if many else ""
        )
        out += _chart_block(title, drawing, lead)
        lead = []
    return out


def _subject(form: Form) -> str:
    """What the units are ranked on: a digital-transformation index (cds-xa, or a province's
    own index titled so) is not the IT-application level of the cntt-* forms."""
    title = form.title.vi.lower()
    if "chuyển đổi số" in title and "ứng dụng công nghệ thông tin" not in title:
        return "mức độ chuyển đổi số"
    return "mức độ ứng dụng công nghệ thông tin"


def _opening(c: Consolidation, info: ReportInfo, ranked: bool = True) -> list[Flowable]:
    name = nfc(info.unit_name)
    number = f"Số: {report_number(info.number, name)}"
    place = format_place_date(nfc(info.place), datetime.date.fromisoformat(info.date))
    level = f" {level_name(c.form.level).vi}" if c.form.level in LEVEL_WORDS else ""
    period = Period.parse(info.period).label("vi")
    summary = (
        f"Tổng hợp, đánh giá{', xếp hạng' if ranked else ''} {_subject(c.form)}{level}"
        f" {period[:1].lower()}{period[1:]}"
    )
    heading = Heading(agency(name, info.parent_name), number, place, PORTRAIT)
    return [heading, Spacer(1, 14), para(REPORT, _TITLE), para(summary, _TITLE),
            TitleRule(60 * MM, PORTRAIT), Spacer(1, 8)]  # fmt: skip


def year_on_year_table(c: Consolidation, yoy: YearOnYear, period: str) -> LongTable:
    """Every consolidated indicator beside the previous period's figure and the change,
    section by section ("—" where the previous period has none)."""
    word = units_word(c.form.level).vi
    heads = ["STT", "Chỉ tiêu", "Đơn vị tính", Period.parse(period).label("vi"), yoy.label,
             "Tăng, giảm"]  # fmt: skip
    rows: list[list[Any]] = [heads]
    sections: list[int] = []
    for section in c.form.sections:
        fields = [f for f in section.fields if f.id in yoy.rows and _consolidated(f)]
        if not fields:
            continue
        sections.append(len(rows))
        rows.append([nfc(section.title.vi), "", "", "", "", ""])  # "I. Hạ tầng…"
        for number, f in enumerate(fields, start=1):
            cmp = yoy.rows[f.id]
            unit = nfc(f.unit.vi) if f.unit else word if f.type == "boolean" else ""
            # a long label wraps in its column, never runs over the next one
            rows.append([str(number), para(nfc(f.label.vi), _CELL), para(unit, _CELL_CENTRE),
                         _current_text(f, cmp), previous_text(f, cmp), change_text(cmp)])  # fmt: skip
    fixed = [10, 0, 20, 26, 26, 22]  # on a portrait page, after the ranking
    fixed[1] = PORTRAIT.width / MM - sum(fixed)
    table = string_table(rows, [w * MM for w in fixed], 3)
    table.setStyle([("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER")])
    for r in sections:
        table.setStyle([("SPAN", (0, r), (-1, r)), ("FONTNAME", (0, r), (-1, r), SERIF_BOLD),
                        ("ALIGN", (0, r), (-1, r), "LEFT")])  # fmt: skip
    return table


def _consolidated(f: Field) -> bool:
    # a field no rule consolidates has no district-wide figure to compare
    return f.type != "text" and (f.is_computed or f.aggregate not in ("none", "list"))


def _current_text(f: Field, cmp: Comparison) -> str:
    value = cmp.current
    if value is None or isinstance(value, (list, dict)):
        return NONE
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return format_number(value, cmp.decimals)
    return previous_text(f, Comparison(f.id, None, value, None))


def _story(c, ranking, statements, info, key_fields, yoy=None, appraisal=None) -> list[Flowable]:
    # the parts are numbered as they come: a form without scoring has no ranking part
    numerals = iter(("I", "II", "III", "IV", "V", "VI"))
    story = _opening(c, info, ranked=ranking is not None)
    if ranking is not None and ranking.note is not None:
        story.append(para(ranking.note.vi, style(13, SERIF_BOLD_ITALIC, spaceAfter=6)))
    story.append(para(f"{next(numerals)}. KẾT QUẢ CHUNG", _HEADING))
    story += [para(f"- {nfc(s.text.vi)}.", _BODY) for s in statements]
    if ranking is not None:
        story += turn_to_wide()  # the ranking alone is too wide for portrait
        story += [para(f"{next(numerals)}. BẢNG XẾP HẠNG VÀ ĐIỂM THEO TỪNG PHẦN", _HEADING)]
        story += [ranking_table(c, ranking), Spacer(1, 4)]
        names = "; ".join(f"{nfc(c.form.sections_by_id[s].title.vi)}" for s in ranking.section_ids)
        story.append(para(f"Ghi chú: {names}.", style(10)))
        story += turn_back()
    if appraisal is not None:
        story += appraisal_story(appraisal, next(numerals))
    if ranking is not None or key_fields or _key_fields(c):
        story += charts(c, ranking, key_fields, f"{next(numerals)}. BIỂU ĐỒ")
    missing = [para(f"{next(numerals)}. CÁC ĐƠN VỊ CHƯA NỘP BÁO CÁO", _HEADING), _missing_table(c)]
    compared: list[Flowable] = []
    if yoy is not None:
        heading = f"{next(numerals)}. CÁC CHỈ SỐ TỔNG HỢP SO VỚI {yoy.label.upper()}"
        word = units_word(c.form.level).vi
        note = f"{yoy.label}: {yoy.reported}/{yoy.expected} {word} đã nộp báo cáo"
        note += f"; {Period.parse(info.period).label('vi')}: {len(c.reports)}/{len(c.expected)}."
        compared = [CondPageBreak(80 * MM), para(heading, _HEADING),
                    para(f"Ghi chú: {note}", style(10)), Spacer(1, 3),
                    year_on_year_table(c, yoy, info.period)]  # fmt: skip
    closing = [Spacer(1, 14), _closing(info)]
    # the closing never alone on a page when it can be helped (KeepTogether splits what
    # cannot fit on one page: a long missing list, a name kept without a limit)
    if len(c.missing) <= 15 and not compared:
        return [*story, KeepTogether([*missing, *closing])]
    return [*story, *missing, *compared, KeepTogether(closing)]


def recipients(info: ReportInfo) -> list[str]:
    """The "Nơi nhận" lines: the parent's committee, for its information, and the file."""
    parent = nfc(info.parent_name or "")
    return ([f"- {committee(parent)} (để b/c);"] if parent else []) + [FILED]


def _closing(info: ReportInfo) -> Flowable:
    preparer, approver = signatories(info.unit_name, info.prepared_by, info.approved_by)
    return closing_table(recipients(info), preparer, approver, PORTRAIT)


def render_consolidated_pdf(
    c: Consolidation,
    ranking: Ranking | None,
    statements: Sequence[Statement],
    info: ReportInfo,
    key_fields: Sequence[str] | None = None,
    year_on_year: YearOnYear | None = None,
    appraisal: AppraisalSummary | None = None,
) -> bytes:
    """The consolidated report as PDF bytes. ``key_fields``: the indicators charted
    (default: the first three percentage fields the form sets targets for);
    ``year_on_year``: the figures against the previous period's (a section of its own);
    ``appraisal``: the official ranking and the items appraised (a section of its own)."""
    register_pdf_fonts()  # before the signatures measure the names
    return build_pdf(
        _story(c, ranking, statements, info, key_fields, year_on_year, appraisal),
        PORTRAIT,
        wide=LANDSCAPE,
        title=f"Tổng hợp báo cáo {c.form.id} kỳ {info.period} — {nfc(info.unit_name)}",
        author=nfc(info.unit_name),
    )


def write_consolidated_pdf(path: Path, *args, **kwargs) -> None:
    """``render_consolidated_pdf`` written to ``path``, whole or not at all."""
    atomic_write(path, render_consolidated_pdf(*args, **kwargs))

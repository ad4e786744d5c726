"""The printed report as rows: one model, drawn from ``data.json`` and the form alone, that
``excel.py`` and ``pdf.py`` both render, so the workbook and the PDF say the same thing,
and that the receiving side reads a received report back against (``agreement``).

Everything here is Vietnamese (the official report is), NFC, and free of presentation:
numbers stay numbers (``int``/``Decimal``) with the digits they are shown with; each
renderer decides fonts, widths and rules. The administrative conventions are Decree
30/2020/NĐ-CP's (Appendix I), worded in ``documents.decree30``: agency block, national
motto, "Số: …/BC-UBND", place and date, document type and summary, the indicator table,
signatures "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Nơi nhận:". The self-assessed score is an
appendix ("Phụ lục … (Kèm theo Báo cáo số …)") as offices attach it: ``score_sheet``.

May import: ``packets``, ``documents`` (``decree30``: plain data), ``core``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from ..core.comparison import NONE, change_text, compare, previous_text
from ..core.dates import format_date, format_place_date
from ..core.evidence import megabytes
from ..core.forms.model import Form
from ..core.levels import committee
from ..core.periods import Period
from ..core.text import nfc
from ..documents.decree30 import FILED, REPORT, Signature, agency, report_number, signatories
from .cells import BLANK, Cell, number_cell, roman, section_title, text_cell, value_cell
from .data import typed_previous
from .published_part import published_lines
from .score_sheet import ScoreTable, score_sheet

TABLE_HEADERS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")


@dataclass(frozen=True)
class Header:
    parent_agency: str | None  # "UBND HUYỆN CHỢ ĐỒN"
    issuer: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ BÌNH TRUNG")
    number: str  # "Số: ……/BC-UBND"
    place_date: str  # "Bình Trung, ngày 05 tháng 01 năm 2027"
    doc_type: str  # "BÁO CÁO"
    summary: str  # "Mức độ ứng dụng công nghệ thông tin cấp xã năm 2026"


@dataclass(frozen=True)
class Row:
    kind: Literal["section", "field", "text"]  # text: free text printed across the table
    number: str
    label: str
    unit: str
    value: Cell
    note: str
    field_id: str | None = None
    computed: bool = False
    # year on year (when data.json has ``previous``): the previous period's value, "—"
    # when it had none, and the change ("+0,3"); both blank on section and text rows
    previous: Cell = BLANK
    change: Cell = BLANK


@dataclass(frozen=True)
class ReportLayout:
    header: Header
    rows: tuple[Row, ...]
    general_notes: tuple[str, ...]  # explanations of warnings that name no printed field
    score: ScoreTable | None
    preparer: Signature
    approver: Signature
    recipients: tuple[str, ...]
    metadata_title: str
    previous_period: str | None = None  # "Năm 2025": the year-on-year column's period
    # scores a higher level published, under the appendix (``published_part``)
    published: tuple[str, ...] = ()
    # "1. Quyết định ….pdf — chỉ tiêu «…» (18 KB, SHA-256 70a0…)": the evidence sent
    evidence: tuple[str, ...] = ()


def _year_on_year(form: Form, data: Mapping[str, Any], rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows with the previous period's value and the change (``core.comparison``)."""
    before = typed_previous(form, data)
    if before is None:
        return rows
    out = []
    for row in rows:
        if row.kind != "field" or row.field_id is None:
            out.append(row)
            continue
        f = form.fields[row.field_id]
        comparison = compare(f, row.value.value, before.get(f.id))
        previous = text_cell(previous_text(f, comparison))
        if comparison.previous is not None and f.is_numeric:
            previous = number_cell(comparison.previous, comparison.decimals)  # type: ignore[arg-type]
        change = text_cell("") if not f.is_numeric else text_cell(NONE)
        if comparison.change is not None:
            change = Cell(comparison.change, change_text(comparison), comparison.decimals)
        out.append(replace(row, previous=previous, change=change))
    return tuple(out)


def previous_shown(row: Row) -> str:
    """The year-on-year cell of report.pdf: "30,1 (+0,3)", "Có", "—"."""
    if row.change.is_number:
        return f"{row.previous.text} ({row.change.text})"
    return row.previous.text


def table_headers(layout: ReportLayout) -> tuple[str, ...]:
    """report.pdf's column headings, with the year-on-year one after Số liệu when shown."""
    if layout.previous_period is None:
        return TABLE_HEADERS
    return (*TABLE_HEADERS[:4], previous_header(layout), *TABLE_HEADERS[4:])


def previous_header(layout: ReportLayout) -> str:
    """The year-on-year column's heading: "Năm 2025 (tăng, giảm)"."""
    return f"{layout.previous_period} (tăng, giảm)"


def _notes(form: Form, data: Mapping[str, Any]) -> tuple[dict[str, list[str]], list[str]]:
    """Ghi chú per field: the clerk's comment, then the explanation of each warning, on
    the first field the warning names that the report prints (once, not on every field)."""
    notes: dict[str, list[str]] = {}
    for fid, comment in (data.get("comments") or {}).items():
        if comment:
            notes.setdefault(fid, []).append(nfc(comment))
    general: list[str] = []
    for warning in data.get("warnings") or []:
        explanation = nfc(warning.get("explanation") or "")
        if not explanation:
            continue
        named = [f for f in warning.get("fields") or [] if f in form.fields]
        if named:
            notes.setdefault(named[0], []).append(f"Giải trình: {explanation}")
        else:
            general.append(explanation)
    # Evidence files (issue 18) beside the indicator they back: name, size, short hash
    # (the full hash is in manifest.json).
    for fid, files in (data.get("evidence") or {}).items():
        for f in files:
            notes.setdefault(fid, []).append(
                f"Kiểm chứng: {nfc(f['name'])} ({megabytes(int(f['size']))}, {f['sha256'][:12]})"
            )
    return notes, general


def _rows(form: Form, data: Mapping[str, Any]) -> tuple[tuple[Row, ...], tuple[str, ...]]:
    notes, general = _notes(form, data)
    values = {**(data.get("values") or {}), **(data.get("computed") or {})}
    rows: list[Row] = []
    for s_index, section in enumerate(form.sections, start=1):
        rows.append(Row("section", roman(s_index), section_title(section.title.vi), "", BLANK, ""))
        for f_index, field in enumerate(section.fields, start=1):
            rows.append(
                Row(
                    "text" if field.type == "text" else "field",
                    str(f_index),
                    nfc(field.label.vi),
                    nfc(field.unit.vi) if field.unit else "",
                    value_cell(field, values.get(field.id)),
                    "\n".join(notes.get(field.id, [])),
                    field.id,
                    field.is_computed,
                )
            )
    return tuple(rows), tuple(general)


def _evidence_list(form: Form, data: Mapping[str, Any]) -> tuple[str, ...]:
    """The list of evidence files at the end of the report, in the packet's order."""
    listed = sorted(
        ((fid, f) for fid, files in (data.get("evidence") or {}).items() for f in files),
        key=lambda pair: str(pair[1]["member"]),
    )
    lines = []
    for n, (fid, f) in enumerate(listed, start=1):
        field = form.fields.get(fid)
        label = nfc(field.label.vi) if field else fid
        lines.append(
            f"{n}. {nfc(f['name'])} — chỉ tiêu «{label}» ({megabytes(int(f['size']))}, "
            f"SHA-256 {f['sha256']}; tệp {f['member']} trong gói nộp)"
        )
    return tuple(lines)


def _summary(form: Form, period: Period) -> str:
    """The trích yếu: the form title without "Báo cáo", naming the period exactly once."""
    title = nfc(form.title.vi).strip()
    if title.casefold().startswith("báo cáo "):
        title = title[len("báo cáo ") :]
    label = period.label("vi")
    if label.casefold() not in title.casefold():
        # the form's own year goes: a 2026 version serving 2027 reads "… năm 2027", never
        # "… năm 2026 năm 2027" (a period not yet started then, so no packet said so)
        title = re.sub(r"\s+năm \d{4}$", "", title, flags=re.IGNORECASE)
        title = f"{title} {label[:1].lower()}{label[1:]}"
    return title[:1].upper() + title[1:]


def build_layout(form: Form, data: Mapping[str, Any]) -> ReportLayout:
    """The report for ``data`` (a ``data.json`` object of ``form``), ready to render."""
    unit = data["unit"]
    name = nfc(unit["name"])
    parent = nfc(unit.get("parent_name") or "")
    number_text = report_number(str(data.get("number") or ""), name)
    date = datetime.date.fromisoformat(data["date"])
    period = Period.parse(data["period"])
    block = agency(name, parent)
    header = Header(
        parent_agency=block.parent,
        issuer=block.issuer,
        number=f"Số: {number_text}",
        place_date=format_place_date(nfc(data.get("place") or ""), date),
        doc_type=REPORT,
        summary=_summary(form, period),
    )
    rows, general = _rows(form, data)
    rows = _year_on_year(form, data, rows)

    previous = data.get("previous")
    previous_period = (
        Period.parse(previous["period"]).label("vi") if isinstance(previous, dict) else None
    )
    reference = (
        f"(Kèm theo Báo cáo số {number_text} ngày {format_date(date)} của {committee(name)})"
    )
    recipients = [f"- {committee(parent)} (để b/c);"] if parent else []
    recipients.append(FILED)
    preparer, approver = signatories(name, data["prepared_by"], data["approved_by"])
    score = score_sheet(form, data, reference, header.summary)
    return ReportLayout(
        header=header,
        rows=rows,
        general_notes=general,
        evidence=_evidence_list(form, data),
        score=score,
        preparer=preparer,
        approver=approver,
        recipients=tuple(recipients),
        metadata_title=f"Báo cáo {header.summary[:1].lower()}{header.summary[1:]}",
        previous_period=previous_period,
        published=published_lines(data) if score is not None else (),
    )


__all__ = [
    "TABLE_HEADERS",
    "Header",
    "ReportLayout",
    "Row",
    "Signature",
    "build_layout",
    "previous_header",
    "previous_shown",
    "table_headers",
]

"""The printed report as rows: one model, drawn from ``data.json`` and the form alone, that
``excel.py`` and ``pdf.py`` both render, so the workbook and the PDF say the same thing.

Everything here is Vietnamese (the official report is), NFC, and free of presentation:
numbers stay numbers (``int``/``Decimal``) with the digits they are shown with; each
renderer decides fonts, widths and rules. The administrative conventions follow Decree
30/2020/NĐ-CP, Appendix I: agency block (parent agency, then the issuer in capitals),
national motto, "Số: …/BC-UBND", place and date, document type and summary, signature
"TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "Nơi nhận:". The self-assessed score is an appendix
("Phụ lục … (Kèm theo Báo cáo số …)") as offices attach it.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..core.dates import format_date, format_place_date
from ..core.forms.model import Band, Field, Form, ScoringItem
from ..core.levels import agency_heading, committee, is_committee
from ..core.numbers import format_number, from_canonical
from ..core.periods import Period
from ..core.text import nfc
from .textpieces import chunks, paragraphs

Raw = int | Decimal | datetime.date | str | None

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
TABLE_HEADERS = ("STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú")
SCORE_HEADERS = ("STT", "Chỉ số", "Điểm tối đa", "Cách tính", "Điểm tự chấm", "Giải trình")
PENDING = "Chấm khi tổng hợp"
_ROMAN = (
    ("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
    ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1),
)  # fmt: skip
# Form section titles carry their own numeral ("I. Hạ tầng kỹ thuật"); the report numbers
# sections itself so that a form without numerals prints the same way.
_NUMERAL = re.compile(r"^\s*[IVXLC]+\s*[.)]\s*")


def roman(n: int) -> str:
    out = []
    for letters, value in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def section_title(title: str) -> str:
    return nfc(_NUMERAL.sub("", title, count=1))


@dataclass(frozen=True)
class Cell:
    """One value as printed. ``value`` is a number, a date, text, or None (blank)."""

    value: Raw
    text: str
    decimals: int = 0  # numbers: digits after the decimal comma

    @property
    def is_number(self) -> bool:
        return isinstance(self.value, (int, Decimal))


BLANK = Cell(None, "")


def number_cell(value: int | Decimal, decimals: int) -> Cell:
    return _number_cell(value, decimals, type(value))


@functools.lru_cache(maxsize=4096)  # the same figures recur from report to report
def _number_cell(value: int | Decimal, decimals: int, kind: type) -> Cell:
    return Cell(value, format_number(value, decimals), decimals)


def text_cell(text: str) -> Cell:
    return Cell(nfc(text), nfc(text)) if text else BLANK


def own_decimals(value: int | Decimal) -> int:
    """Digits after the point as written: ``Decimal("2.50")`` → 2, ``6`` → 0."""
    exponent = Decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


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


@dataclass(frozen=True)
class Signature:
    titles: tuple[str, ...]
    hint: str
    name: str


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


def typed_value(field: Field, raw: Any) -> Any:
    """A ``data.json`` value as a Python value. Numbers are read as canonical text, never
    with Vietnamese rules: "1.234" in data.json is one point two three four."""
    if raw is None:
        return None
    if field.is_numeric:
        if isinstance(raw, str):
            return from_canonical(raw, integer=field.type == "integer")
        return raw if isinstance(raw, int) else Decimal(raw)
    if field.type == "date" and isinstance(raw, str):
        return datetime.date.fromisoformat(raw)
    return raw


def value_cell(field: Field, raw: Any) -> Cell:
    value = typed_value(field, raw)
    if value is None:
        return BLANK
    if field.is_numeric:
        # Computed values print with the form's decimals; typed ones never lose a digit
        # the clerk entered, and money keeps its one decimal ("112,5 triệu đồng").
        decimals = field.display_decimals
        if not field.is_computed and field.type != "integer":
            decimals = max(decimals, own_decimals(value))
        return number_cell(value, decimals)
    if field.type == "boolean":
        return text_cell("Có" if value else "Không")
    if field.type == "choice":
        label = field.choice_label(value)
        return text_cell(label.vi if label else str(value))
    if field.type == "date":
        return Cell(value, format_date(value))
    return text_cell(str(value))


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


def _score_table(
    form: Form, data: Mapping[str, Any], reference: str, summary: str
) -> ScoreTable | None:
    """The self-assessment appendix, or None when the form does not score or data has no score."""
    score = data.get("score")
    if not score or form.scoring is None:
        return None
    values = {**(data.get("values") or {}), **(data.get("computed") or {})}
    rows = _score_rows(form, score, values)
    total_max = sum((r.maximum.value for r in rows if r.kind == "section"), Decimal(0))
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


def _summary(form: Form, period: Period) -> str:
    """The trích yếu: the form title without "Báo cáo", naming the period exactly once."""
    title = nfc(form.title.vi).strip()
    if title.casefold().startswith("báo cáo "):
        title = title[len("báo cáo ") :]
    label = period.label("vi")
    if label.casefold() not in title.casefold():
        year = f" năm {period.year}"
        if title.casefold().endswith(year):
            title = title[: -len(year)]
        title = f"{title} {label[:1].lower()}{label[1:]}"
    return title[:1].upper() + title[1:]


def build_layout(form: Form, data: Mapping[str, Any]) -> ReportLayout:
    """The report for ``data`` (a ``data.json`` object of ``form``), ready to render."""
    unit = data["unit"]
    name = nfc(unit["name"])
    parent = nfc(unit.get("parent_name") or "")
    is_ubnd = is_committee(name)  # a commune, district or province People's Committee
    symbol = "BC-UBND" if is_ubnd else "BC"
    number = nfc(str(data.get("number") or "")).strip()
    number_text = number if "/" in number else f"{number or '……'}/{symbol}"
    date = datetime.date.fromisoformat(data["date"])
    period = Period.parse(data["period"])
    header = Header(
        parent_agency=agency_heading(parent) if parent else None,
        issuer=("ỦY BAN NHÂN DÂN", name.upper()) if is_ubnd else (name.upper(),),
        number=f"Số: {number_text}",
        place_date=format_place_date(nfc(data.get("place") or ""), date),
        doc_type="BÁO CÁO",
        summary=_summary(form, period),
    )
    rows, general = _rows(form, data)
    reference = (
        f"(Kèm theo Báo cáo số {number_text} ngày {format_date(date)} của {committee(name)})"
    )
    recipients = [f"- {committee(parent)} (để b/c);"] if parent else []
    recipients.append("- Lưu: VT.")
    return ReportLayout(
        header=header,
        rows=rows,
        general_notes=general,
        score=_score_table(form, data, reference, header.summary),
        preparer=Signature(("NGƯỜI LẬP BIỂU",), "(Ký, ghi rõ họ tên)", nfc(data["prepared_by"])),
        approver=Signature(
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") if is_ubnd else ("THỦ TRƯỞNG ĐƠN VỊ",),
            "",
            nfc(data["approved_by"]),
        ),
        recipients=tuple(recipients),
        metadata_title=f"Báo cáo {header.summary[:1].lower()}{header.summary[1:]}",
    )


__all__ = [
    "BLANK",
    "MOTTO",
    "PENDING",
    "SCORE_HEADERS",
    "TABLE_HEADERS",
    "Cell",
    "Header",
    "ReportLayout",
    "Row",
    "ScoreRow",
    "ScoreTable",
    "Signature",
    "build_layout",
    "chunks",
    "number_cell",
    "own_decimals",
    "paragraphs",
    "roman",
    "section_title",
    "text_cell",
    "typed_value",
    "value_cell",
]

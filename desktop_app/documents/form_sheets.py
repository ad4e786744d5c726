"""The layout of a form definition as a workbook: which sheet holds which part of the YAML,
and which column holds which key.

One table describes both directions (``form_workbook`` writes it, ``form_workbook_read``
reads it back), so a key added to the form format is added here once. The layout follows
XLSForm's habit: one sheet per kind of row, a row per item, a column per key, lists that
nest (choices, scoring steps) on sheets of their own that name their parent in a column.

May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

# Enumerations of the form format (forms/form.schema.json): offered as drop-down lists so an
# author in Excel or LibreOffice picks a valid one.
FIELD_TYPES = ("integer", "decimal", "money", "percent", "boolean", "choice", "text", "date")
LEVELS = ("commune", "district", "province")
PERIODS = ("year", "half", "quarter", "month")
SEVERITIES = ("error", "warning")
SCALES = ("linear", "stepped", "relative", "boolean")
OPS = (">=", ">", "<=", "<", "==")
PREFILLS = ("children",)
EVIDENCE = ("required", "optional")


@dataclass(frozen=True)
class Column:
    """One key of an item. ``key`` is dotted for a bilingual text ("label.vi"); ``kind``
    says how a cell becomes a YAML value: text, number, integer, bool, list (comma
    separated ids), number_or_bool, op (a comparison; "=", "≥", "≤" are read as "==",
    ">=", "<=", as an author types them), or parent (the id of the row this one belongs
    to, not a key of the item itself)."""

    key: str
    header: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    width: int = 14


@dataclass(frozen=True)
class Sheet:
    name: str
    about: str
    columns: tuple[Column, ...]
    required: bool = False

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


def _text(key: str, what: str, width: int = 30) -> tuple[Column, Column]:
    return (
        Column(f"{key}.vi", f"{what} tiếng Việt", width=width),
        Column(f"{key}.en", f"{what} tiếng Anh", width=width),
    )


SETTINGS = Sheet(
    "Thiết lập",
    "Thông tin chung của biểu mẫu: mỗi dòng một khoá / the form's settings, one key a row",
    (
        Column("key", "Khoá", width=22),
        Column("value", "Giá trị", width=80),
        Column("about", "Ghi chú", width=50),
    ),
    required=True,
)

# The settings sheet's rows: key, kind, and what the author is told about it.
SETTING_ROWS: tuple[tuple[str, str, str], ...] = (
    ("id", "text", "Mã biểu mẫu (chữ thường, số, dấu gạch dưới, gạch ngang) / form id"),
    ("version", "text", "Phiên bản, ví dụ 2027.1 / version"),
    ("year", "integer", "Năm báo cáo đầu tiên áp dụng / first reporting year"),
    ("until", "integer", "Năm cuối áp dụng (để trống: đến phiên bản sau) / last year"),
    ("title.vi", "text", "Tên biểu mẫu tiếng Việt / title in Vietnamese"),
    ("title.en", "text", "Tên biểu mẫu tiếng Anh / title in English"),
    ("legal_basis.vi", "text", "Căn cứ pháp lý tiếng Việt / legal basis in Vietnamese"),
    ("legal_basis.en", "text", "Căn cứ pháp lý tiếng Anh / legal basis in English"),
    ("level", "text", "Cấp đơn vị báo cáo: " + ", ".join(LEVELS)),
    ("period", "text", "Kỳ báo cáo: " + ", ".join(PERIODS)),
    ("deadline", "deadline", "Hạn nộp: tháng-ngày sau kỳ (01-15) hoặc số ngày / deadline"),
    ("scoring.decimals", "integer", "Số chữ số thập phân của điểm / score decimals"),
    (
        "evidence_limits.file_mb",
        "number",
        "Dung lượng tối đa một tệp kiểm chứng, MB (để trống: 10) / evidence MB a file",
    ),
    (
        "evidence_limits.packet_mb",
        "number",
        "Tổng dung lượng tệp kiểm chứng một báo cáo, MB (để trống: 30) / evidence MB a report",
    ),
)

SECTIONS = Sheet(
    "Phần",
    "Các phần của biểu mẫu, theo thứ tự / the form's sections, in order",
    (
        Column("id", "Mã phần"),
        *_text("title", "Tên phần", 40),
        *_text("short_title", "Tên ngắn", 24),
    ),
    required=True,
)

FIELDS = Sheet(
    "Chỉ tiêu",
    "Các chỉ tiêu, theo thứ tự trong từng phần / the fields, in order within their section",
    (
        Column("section", "Thuộc phần", "parent"),
        Column("id", "Mã chỉ tiêu", width=22),
        Column("type", "Kiểu", choices=FIELD_TYPES, width=10),
        *_text("label", "Tên chỉ tiêu", 40),
        *_text("unit", "Đơn vị tính", 10),
        Column("min", "Nhỏ nhất", "number", width=9),
        Column("max", "Lớn nhất", "number", width=9),
        Column("decimals", "Số chữ số thập phân", "integer", width=9),
        Column("required", "Bắt buộc", "bool", width=9),
        Column("compute", "Công thức tính", width=30),
        Column("multiline", "Nhiều dòng", "bool", width=9),
        Column("max_length", "Độ dài tối đa", "integer", width=9),
        Column("aggregate", "Cách tổng hợp", width=14),
        Column("copy_forward", "Chép từ kỳ trước", "bool", width=9),
        Column("previous_ids", "Mã cũ (các năm trước)", "list", width=18),
        Column("prefill", "Điền sẵn từ đơn vị cấp dưới", choices=PREFILLS, width=10),
        *_text("statement", "Câu tổng hợp có/không", 30),
        Column("evidence", "Tài liệu kiểm chứng", choices=EVIDENCE, width=11),
        *_text("help", "Hướng dẫn", 60),
    ),
    required=True,
)

CHOICES = Sheet(
    "Lựa chọn",
    "Các lựa chọn của chỉ tiêu kiểu choice / the choices of choice fields",
    (
        Column("field", "Thuộc chỉ tiêu", "parent", width=22),
        Column("value", "Giá trị"),
        *_text("label", "Nhãn"),
    ),
)

RULES = Sheet(
    "Quy tắc",
    "Quy tắc kiểm tra / validation rules",
    (
        Column("id", "Mã quy tắc", width=22),
        Column("check", "Điều kiện đúng", width=40),
        Column("severity", "Mức", choices=SEVERITIES, width=9),
        Column("fields", "Chỉ tiêu liên quan", "list", width=24),
        *_text("message", "Thông báo", 40),
    ),
)

ITEMS = Sheet(
    "Chấm điểm",
    "Các mục chấm điểm / scoring items",
    (
        Column("id", "Mã mục", width=16),
        *_text("title", "Tên mục", 36),
        Column("section", "Thuộc phần"),
        Column("field", "Chỉ tiêu chấm", width=22),
        Column("points", "Điểm tối đa", "number", width=9),
        Column("scale", "Cách tính điểm", choices=SCALES, width=10),
        Column("full_at", "Đạt điểm tối đa khi", "number", width=9),
    ),
)

STEPS = Sheet(
    "Bậc điểm",
    "Các bậc của mục chấm điểm kiểu stepped / the steps of stepped items",
    (
        Column("item", "Thuộc mục", "parent", width=16),
        Column("min", "Từ", "number", width=9),
        Column("points", "Điểm", "number", width=9),
    ),
)

BANDS = Sheet(
    "Xếp loại",
    "Xếp loại theo tổng điểm / rating bands",
    (Column("code", "Mã"), Column("min", "Từ điểm", "number"), *_text("label", "Tên loại", 20)),
)

TARGETS = Sheet(
    "Mục tiêu",
    "Chỉ tiêu phấn đấu / targets",
    (
        Column("id", "Mã mục tiêu", width=18),
        Column("field", "Chỉ tiêu", width=22),
        Column("op", "So sánh", "op", choices=OPS, width=8),
        Column("value", "Giá trị", "number_or_bool", width=9),
        *_text("label", "Nội dung", 36),
        *_text("source", "Nguồn (kế hoạch)", 30),
    ),
)

AGGREGATE = Sheet(
    "Tổng hợp",
    "Cách tổng hợp riêng cho từng chỉ tiêu (ngoài cột của sheet Chỉ tiêu) / aggregation",
    (Column("field", "Chỉ tiêu", width=22), Column("aggregate", "Cách tổng hợp", width=24)),
)

SHEETS: tuple[Sheet, ...] = (
    SETTINGS,
    SECTIONS,
    FIELDS,
    CHOICES,
    RULES,
    ITEMS,
    STEPS,
    BANDS,
    TARGETS,
    AGGREGATE,
)


def header_text(column: Column) -> str:
    """A header as the author reads it, with the YAML key beside it: "Tên chỉ tiêu
    tiếng Việt (label.vi)". The reader takes the key from the brackets only, so the
    Vietnamese words may be reworded without breaking anything."""
    return f"{column.header} ({column.key})"


def key_of_header(text: object) -> str | None:
    if not isinstance(text, str) or not text.rstrip().endswith(")") or "(" not in text:
        return None
    return text.rstrip()[text.rindex("(") + 1 : -1].strip() or None


__all__ = [
    "AGGREGATE",
    "BANDS",
    "CHOICES",
    "FIELDS",
    "ITEMS",
    "RULES",
    "SECTIONS",
    "SETTINGS",
    "SETTING_ROWS",
    "SHEETS",
    "STEPS",
    "TARGETS",
    "Column",
    "Sheet",
    "header_text",
    "key_of_header",
]

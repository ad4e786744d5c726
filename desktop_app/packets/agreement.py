"""Receiving check 6, the reports say what ``data.json`` says: a packet whose signed
``report.pdf`` shows 999 where its ``data.json`` holds 23 is refused, because the district
merges the one and the leadership reads the other.

Both reports are drawn from ``data.json`` and the form alone (``layout.build_layout``),
so what each must say is known exactly. Rendering them again and comparing bytes would
be the simplest proof, but costs ~30 times the rest of the receiving; instead:

- ``report.xlsx``: every non-empty cell of both sheets, value and number format, equal to
  what ``excel.render_xlsx`` writes for the layout, and nothing that could show or do
  something else: no other part in the workbook (macros, pictures, comments, external
  links, shared strings), no formula, no hidden sheet, row or column, no conditional
  formatting, no header or footer but the page number;
- ``report.pdf``: the text its pages show, in drawing order (``pdftext``), equal to the
  text ``pdf.render_pdf`` draws for the layout.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import functools
import io
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from ..core.forms import Form
from ..core.messages import AppError, Text
from .excel import ExpectedCell
from .layout import ReportLayout, build_layout

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PARTS = {
    "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/theme/theme1.xml",
    "xl/worksheets/sheet1.xml",
}  # fmt: skip
_SCORE_PART = "xl/worksheets/sheet2.xml"
_SHEET_PARTS = ("xl/worksheets/sheet1.xml", _SCORE_PART)
_ACTIVE = re.compile(r"vbaProject|activeX|embeddings|externalLink|oleObject|macrosheet", re.I)
_PAGE_NUMBER_HEADER = '&C&"Times New Roman,Regular"&13 &P'
_HIDDEN_MARKS = (b'hidden="1"', b'hidden="true"', b'state="hidden"', b'state="veryHidden"')
_FORBIDDEN = (b"<f>", b"<f ", b"<conditionalFormatting", b"<dataValidations", b"<hyperlinks",
              b"<drawing", b"<legacyDrawing", b"<oleObjects", b"<controls")  # fmt: skip
# Number formats Excel knows by id without writing them (ECMA-376 §18.8.30), as openpyxl names them.
_BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    14: "mm-dd-yy",
    49: "@",
}


def _refuse(code: str, member: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(
        code,
        Text(
            f"{member} không khớp với data.json: {vi}. Báo cáo đã ký phải thể hiện đúng số liệu gửi lên.",
            f"{member} does not agree with data.json: {en}. A signed report must show the figures it sends.",
        ),
        check=6,
        member=member,
        **details,
    )


def _xlsx_refused(vi: str, en: str, **details: Any) -> AppError:
    return _refuse("packet.report_xlsx_mismatch", "report.xlsx", vi, en, **details)


def _xlsx_active(part: str) -> AppError:
    return AppError(
        "packet.xlsx_active_content",
        Text(
            f"report.xlsx chứa thành phần có thể tự chạy hoặc mở nội dung ngoài ({part}): báo cáo của phần mềm không có thành phần này.",
            f"report.xlsx holds a part that can run or fetch something ({part}): the application's report has none.",
        ),
        check=6,
        member="report.xlsx",
        part=part,
    )


def _cell_ref(row: int, column: int) -> str:
    return f"{chr(64 + column)}{row}"


def _split_ref(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    if len(letters) != 1 or not letters.isalpha() or not ref[len(letters) :].isdigit():
        raise ValueError(ref)
    return int(ref[len(letters) :]), ord(letters.upper()) - 64


def _formats(styles: bytes) -> list[str]:
    """Each cell style's number format code, by style index."""
    from lxml import etree

    root = etree.fromstring(styles)
    custom = {int(f.get("numFmtId")): f.get("formatCode")
              for f in root.iter(f"{_MAIN}numFmt")}  # fmt: skip
    xfs = root.find(f"{_MAIN}cellXfs")
    found = []
    for xf in [] if xfs is None else xfs.findall(f"{_MAIN}xf"):
        number = int(xf.get("numFmtId", "0"))
        found.append(custom.get(number) or _BUILTIN_FORMATS.get(number, f"#{number}"))
    return found


def _comparable(value: Any) -> Any:
    """An expected cell value as the workbook holds it (numbers and dates as doubles)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, Decimal)):
        return float(value)
    if isinstance(value, datetime.date):
        from openpyxl.utils.datetime import to_excel

        return float(to_excel(value))
    return value


def _hidden(xml: bytes) -> bool:
    return any(mark in xml for mark in _HIDDEN_MARKS)


def _check_sheet_xml(xml: bytes) -> None:
    for forbidden in _FORBIDDEN:
        if forbidden in xml:
            raise _xlsx_refused("có công thức hoặc phần tử có thể hiện khác giá trị ô",
                                "it has formulas or elements that can show other than a cell's value",
                                element=forbidden.decode().strip("<> "))  # fmt: skip
    if _hidden(xml):
        raise _xlsx_refused("có hàng, cột hoặc trang tính bị ẩn",
                            "it has hidden rows, columns or sheets")  # fmt: skip


def _sheet_cells(xml: bytes, formats: list[str]) -> dict[tuple[int, int], tuple[Any, str]]:
    """Every non-empty cell of a sheet as (value, number format), read by the XML parser."""
    from lxml import etree

    root = etree.fromstring(xml)
    footer = root.find(f"{_MAIN}headerFooter")
    for part in [] if footer is None else footer:
        if (part.text or "") not in ("", _PAGE_NUMBER_HEADER):
            raise _xlsx_refused("đầu trang hoặc chân trang khác",
                                "its page header or footer differs")  # fmt: skip
    cells: dict[tuple[int, int], tuple[Any, str]] = {}
    for cell in root.iter(f"{_MAIN}c"):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            value: Any = "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
        else:
            found = cell.find(f"{_MAIN}v")
            if found is None or found.text is None:
                continue
            if kind != "n":
                raise _xlsx_refused(f"ô kiểu «{kind}» không được dùng",
                                    f"cells of type «{kind}» are not used")  # fmt: skip
            value = float(found.text)  # a spreadsheet holds every number as a double
        if value == "":
            continue
        style = int(cell.get("s", "0"))
        cells[_split_ref(cell.get("r", ""))] = (
            value,
            formats[style] if style < len(formats) else "?",
        )
    return cells


# A cell exactly as openpyxl writes it (reference, style, type, then a value or an inline
# string whose characters beyond ASCII are numeric references), and the header that
# carries the page number: a sheet in this shape is compared byte for byte, at C speed,
# with what openpyxl would write; any difference is then settled by the XML parser.
_WRITTEN_CELL = re.compile(
    rb'<c r="([A-Z])([0-9]+)" s="([0-9]+)" t="(n|inlineStr)"'
    rb"(?:></c>|/>|><v>([^<]*)</v></c>|><is><t>([^<]*)</t></is></c>)"
)
_WRITTEN_FOOTER = (
    b'<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;"Times New Roman,Regular"&amp;13 '
    b"&amp;P</oddHeader><oddFooter></oddFooter><evenHeader></evenHeader><evenFooter></evenFooter>"
    b"<firstHeader></firstHeader><firstFooter></firstFooter></headerFooter>"
)


def _written(value: Any) -> bytes:
    return escape(value).encode("ascii", "xmlcharrefreplace")


def _same_as_written(
    xml: bytes, want: dict[tuple[int, int], ExpectedCell], formats: list[str]
) -> bool:
    """Whether the sheet is, cell for cell, what openpyxl writes for ``want``."""
    if xml.count(b"<headerFooter") != 1 or _WRITTEN_FOOTER not in xml:
        return False
    found = _WRITTEN_CELL.findall(xml)
    if len(found) != xml.count(b"<c "):
        return False
    seen = 0
    for column, row, style, kind, number, text in found:
        if not number and not text:
            continue
        wanted = want.get((int(row), column[0] - 64))
        index = int(style)
        if wanted is None or index >= len(formats) or formats[index] != wanted[1]:
            return False
        value = wanted[0]
        if kind == b"n":
            if isinstance(value, str) or float(number) != _comparable(value):
                return False
        elif not isinstance(value, str) or text != _written(value):
            return False
        seen += 1
    return seen == len(want)


@functools.lru_cache(maxsize=64)  # the same form gives the same styles, packet after packet
def _formats_of(styles: bytes) -> tuple[str, ...]:
    return tuple(_formats(styles))


def check_xlsx(layout: ReportLayout, xlsx: bytes) -> None:
    """AppError (check 6) unless the workbook says exactly what ``render_xlsx`` writes."""
    from .excel import expected_cells

    expected = expected_cells(layout)
    try:
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            names = set(book.namelist())
            for name in sorted(names):
                if _ACTIVE.search(name):
                    raise _xlsx_active(name)
            want = _PARTS | ({_SCORE_PART} if len(expected) > 1 else set())
            if names != want:
                extra, missing = sorted(names - want), sorted(want - names)
                raise _xlsx_refused(f"thành phần khác (thừa {extra or '—'}, thiếu {missing or '—'})",
                                    f"other parts (extra {extra or '—'}, missing {missing or '—'})")  # fmt: skip
            workbook = book.read("xl/workbook.xml")
            if _hidden(workbook) or b"<externalReferences" in workbook:
                raise _xlsx_refused("có trang tính bị ẩn hoặc tham chiếu ngoài",
                                    "it has hidden sheets or external references")  # fmt: skip
            formats = list(_formats_of(book.read("xl/styles.xml")))
            sheets = [book.read(part) for part in _SHEET_PARTS[: len(expected)]]
        for xml, (title, want_cells) in zip(sheets, expected.items(), strict=True):
            _check_sheet_xml(xml)
            if not _same_as_written(xml, want_cells, formats):
                _compare(title, want_cells, _sheet_cells(xml, formats))
    except AppError:
        raise
    except Exception as exc:  # a damaged or hostile workbook (zip, XML, numbers)
        raise _xlsx_refused("không đọc được", "it cannot be read",
                            problem=type(exc).__name__) from exc  # fmt: skip


def _compare(
    title: str,
    want_cells: dict[tuple[int, int], ExpectedCell],
    got: dict[tuple[int, int], tuple[Any, str]],
) -> None:
    for key in sorted(set(want_cells) | set(got)):
        want_value, want_format = want_cells.get(key, (None, ""))
        got_value, got_format = got.get(key, (None, ""))
        if _comparable(want_value) != got_value or (
            want_value is not None and want_format != got_format
        ):
            shown = "trống" if got_value is None else str(got_value)
            shown_en = "empty" if got_value is None else str(got_value)
            should = "trống" if want_value is None else str(want_value)
            should_en = "empty" if want_value is None else str(want_value)
            ref = _cell_ref(*key)
            raise _xlsx_refused(
                f"trang «{title}», ô {ref} ghi «{shown}», data.json cho «{should}»",
                f"sheet «{title}», cell {ref} shows «{shown_en}» where data.json gives «{should_en}»",
                sheet=title,
                cell=ref,
            )


def check_pdf(layout: ReportLayout, reader: Any) -> None:
    """AppError (check 6) unless the PDF's pages show the text ``render_pdf`` draws."""
    from .layout import table_headers
    from .pdftext import expected_texts, shown_text

    try:
        shown = shown_text(reader, table_headers(layout))
    except Exception as exc:  # a structure the text reader cannot follow
        raise _refuse("packet.report_pdf_mismatch", "report.pdf", "không đọc được chữ trên các trang",
                      "the text of its pages cannot be read", problem=type(exc).__name__) from exc  # fmt: skip
    accepted = expected_texts(layout)
    expected = accepted[0]
    if shown not in accepted:
        at = next((i for i, (a, b) in enumerate(zip(shown, expected, strict=False)) if a != b),
                  min(len(shown), len(expected)))  # fmt: skip
        got = shown[max(0, at - 20) : at + 20].decode("latin-1")
        want = expected[max(0, at - 20) : at + 20].decode("latin-1")
        raise _refuse(
            "packet.report_pdf_mismatch",
            "report.pdf",
            f"chữ trên trang là «…{got}…» ở chỗ data.json cho «…{want}…»",
            f"its pages read «…{got}…» where data.json gives «…{want}…»",
        )


def check_reports(
    form: Form, data: Mapping[str, Any], members: Mapping[str, bytes], reader: Any
) -> None:
    """Both reports against ``data.json`` (``reader``: report.pdf already opened)."""
    try:
        layout = build_layout(form, data)
    except AppError:
        raise
    except Exception as exc:  # data check 6 lets through but no report can show
        raise AppError(
            "packet.data_invalid",
            Text(
                "data.json: có giá trị không thể trình bày thành báo cáo (ví dụ phần tự chấm điểm sai cấu trúc).",
                "data.json: it holds values no report can show (for example a malformed self-assessment).",
            ),
            check=6,
            problem=type(exc).__name__,
        ) from exc
    check_xlsx(layout, members["report.xlsx"])
    check_pdf(layout, reader)


__all__ = ["check_pdf", "check_reports", "check_xlsx"]

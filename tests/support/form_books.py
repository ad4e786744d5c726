"""Form workbooks as an author leaves them: the shipped commune form exported to a
workbook (``documents.form_workbook``), with settings and cells changed, as bytes. Used
by the form tests and scripts/forms_screens.py."""

from __future__ import annotations

import io
from collections.abc import Mapping

import yaml
from openpyxl import load_workbook
from openpyxl.workbook import Workbook

from desktop_app.documents.form_workbook import form_workbook_bytes
from tests.conftest import PROJECT

XA_2026 = PROJECT / "forms" / "cntt-xa-2026.yaml"


def column_of(ws, key: str) -> int:
    """The column whose header names ``key`` ("Nhỏ nhất (min)" → min)."""
    return next(c.column for c in ws[1] if str(c.value).endswith(f"({key})"))


def set_setting(wb: Workbook, key: str, value) -> None:
    for row in wb["Thiết lập"].iter_rows(min_row=2):
        if row[0].value == key:
            row[1].value = value
            return
    raise AssertionError(key)


def edited_form_workbook(
    settings: Mapping[str, object], cells: Mapping[tuple[str, int, str], object] | None = None
) -> bytes:
    """cntt-xa 2026 as a workbook with ``settings`` (key → value on «Thiết lập») and
    ``cells`` ((sheet, row, key) → value) changed."""
    wb = load_workbook(io.BytesIO(form_workbook_bytes(yaml.safe_load(XA_2026.read_bytes()))))
    for key, value in settings.items():
        set_setting(wb, key, value)
    for (sheet, row, key), value in (cells or {}).items():
        ws = wb[sheet]
        ws.cell(row=row, column=column_of(ws, key), value=value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def append_item(ws, item: Mapping[str, object]) -> None:
    """A new row under the sheet's last, each value in its key's column."""
    row = ws.max_row + 1
    for key, value in item.items():
        ws.cell(row=row, column=column_of(ws, key), value=value)


def add_wifi_indicator(wb: Workbook) -> None:
    """The indicator an author adds in the form tests: the free Wi-Fi points at the
    one-stop desk, in the first section, with a warning rule over it."""
    fields = wb["Chỉ tiêu"]
    section = fields.cell(row=2, column=column_of(fields, "section")).value
    append_item(
        fields,
        {
            "section": section,
            "id": "diem_wifi_mot_cua",
            "type": "integer",
            "label.vi": "Số điểm Wi-Fi miễn phí tại Bộ phận Một cửa",
            "label.en": "Free Wi-Fi points at the one-stop desk",
            "min": 0,
            "max": 20,
            "aggregate": "sum",
            "help.vi": "Số điểm phát Wi-Fi miễn phí cho người dân tại Bộ phận Một cửa.",
            "help.en": "Free Wi-Fi access points for citizens at the one-stop desk.",
        },
    )
    append_item(
        wb["Quy tắc"],
        {
            "id": "r_wifi_toi_da",
            "check": "diem_wifi_mot_cua <= 10",
            "severity": "warning",
            "message.vi": "Hơn 10 điểm Wi-Fi tại Bộ phận Một cửa: kiểm tra lại.",
            "message.en": "More than 10 Wi-Fi points at the one-stop desk: check again.",
        },
    )


__all__ = [
    "XA_2026",
    "add_wifi_indicator",
    "append_item",
    "column_of",
    "edited_form_workbook",
    "set_setting",
]

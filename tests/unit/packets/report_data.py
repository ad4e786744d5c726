"""``data.json`` objects for the report tests, built from the shipped sample reports the
way an export builds them (values read with ``parse_float=Decimal``, validated, then
``build_data``), with a comment and an explained warning added so every part of the
report has something to show."""

from __future__ import annotations

import datetime
import functools
import json
from decimal import Decimal
from typing import Any

from desktop_app.core.forms.model import Form
from desktop_app.core.validation import validate
from desktop_app.core.values import from_json
from desktop_app.packets.data import build_data
from desktop_app.workspace.workspace import shipped_forms
from tests.conftest import PROJECT

SAMPLES = PROJECT / "resources" / "samples"
REPORT_DATE = datetime.date(2027, 1, 5)
EXPLANATION = "Trang thông tin điện tử nâng cấp từ tháng 10 nên đăng ít bài."
COMMUNE = {
    "code": "02080",
    "name": "Xã Bình Trung",
    "parent_code": "064",
    "parent_name": "Huyện Chợ Đồn",
}
DISTRICT = {
    "code": "064",
    "name": "Huyện Chợ Đồn",
    "parent_code": "06",
    "parent_name": "Tỉnh Bắc Kạn",
}


def build(
    sample: str,
    unit: dict[str, str],
    place: str,
    *,
    changes: dict[str, Any] | None = None,
    comments: dict[str, str] | None = None,
) -> tuple[Form, dict[str, Any]]:
    raw = json.loads((SAMPLES / sample).read_text("utf-8"), parse_float=Decimal)
    form = shipped_forms().get(raw["form"], int(raw["period"][:4]))
    raw["values"].update(changes or {})
    values = {fid: from_json(form.fields[fid], v).value for fid, v in raw["values"].items()}
    first = validate(form, values)
    assert not first.errors, first.errors
    result = validate(form, values, {p.rule_id: EXPLANATION for p in first.warnings})
    data = build_data(
        form,
        unit=unit,
        period=raw["period"],
        revision=1,
        result=result,
        comments=comments or {},
        prepared_by="Nguyễn Thị Hoa",
        approved_by="Hoàng Văn Nam",
        place=place,
        date=REPORT_DATE,
    )
    return form, data


@functools.cache
def _commune() -> tuple[Form, dict[str, Any]]:
    # 9 articles trips the "fewer than 12 articles" warning, explained above
    return build(
        "cntt-xa_2026_02080.json",
        COMMUNE,
        "Bình Trung",
        changes={"so_bai_dang": 9},
        comments={
            "cbcc_tong": "=1+1",
            "kinh_phi_cntt": "@gồm 40 triệu đồng mua máy tính cho Bộ phận Một cửa",
            "may_tinh_tong": "+2 máy mượn của trường",
        },
    )


@functools.cache
def _district() -> tuple[Form, dict[str, Any]]:
    return build("cntt-huyen_2026_064.json", DISTRICT, "Chợ Đồn")


def commune() -> tuple[Form, dict[str, Any]]:
    """Xã Bình Trung 2026 (full commune form). A fresh copy: tests may change it."""
    form, data = _commune()
    return form, json.loads(json.dumps(data))


def district() -> tuple[Form, dict[str, Any]]:
    """Huyện Chợ Đồn 2026 (district form)."""
    form, data = _district()
    return form, json.loads(json.dumps(data))

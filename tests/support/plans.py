"""Plans (kế hoạch) for the tests, as the YAML file a province or district sends: the
province's 2026 plan with two targets the clerk sees while typing, and the district's
one-target plan published with the form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PROVINCE_PLAN = {
    "plan": {"number": "12/KH-UBND", "date": "15/01/2026", "issuer": "UBND tỉnh Bắc Kạn",
             "form": "cntt-xa", "period": "2026"},
    "targets": [
        {"id": "t_tthc", "field": "ty_le_tthc_truc_tuyen", "op": ">=", "value": 40,
         "label": {"vi": "Tối thiểu 40% TTHC trực tuyến", "en": "At least 40% of procedures online"}},
        {"id": "t_mot_cua", "field": "co_mot_cua_dien_tu", "op": "==", "value": True,
         "label": {"vi": "Dùng một cửa điện tử", "en": "On the one-stop software"}},
    ],
}  # fmt: skip

DISTRICT_PLAN = {
    "plan": {"number": "12/KH-UBND", "date": "20/01/2026", "issuer": "UBND huyện Chợ Đồn",
             "form": "cntt-xa", "period": "2026"},
    "targets": [
        {"id": "t_tthc", "field": "ty_le_tthc_truc_tuyen", "op": ">=", "value": 45,
         "label": {"vi": "Tối thiểu 45% TTHC trực tuyến", "en": "45% online"}},
    ],
}  # fmt: skip


def plan_file(folder: Path, plan: dict[str, Any]) -> Path:
    """``plan`` written as ``ke-hoach.yaml`` in ``folder``."""
    path = folder / "ke-hoach.yaml"
    path.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    return path

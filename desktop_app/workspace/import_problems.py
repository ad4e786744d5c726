"""The problems ``values import`` lists before anything is written
(``workspace.values_import``), each with its code, severity, unit and row.

May import: ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.forms import Form
from ..core.forms.model import Field
from ..core.messages import Text

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class ImportProblem:
    code: str
    severity: str  # error | warning
    message: Text
    unit_code: str | None = None
    row: int | None = None  # the sheet's row number
    where: str | None = None  # the column's header or the row's label

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message.as_dict(),
            "unit_code": self.unit_code,
            "row": self.row,
            "where": self.where,
        }


def unknown_field(form: Form, where: str, row: int | None, code: str | None) -> ImportProblem:
    return ImportProblem(
        "import.unknown_field",
        ERROR,
        Text(
            f"Biểu mẫu {form.id} {form.version} không có chỉ tiêu «{where}».",
            f"Form {form.id} {form.version} has no field «{where}».",
        ),
        code,
        row,
        where,
    )


def computed_field(f: Field, where: str, row: int | None) -> ImportProblem:
    return ImportProblem(
        "import.computed",
        WARNING,
        Text(
            f"«{f.label.vi}» được tính tự động từ các số liệu khác: giá trị trong tệp không nhập.",
            f"«{f.label.en}» is computed from other figures: the file's value is not imported.",
        ),
        None,
        row,
        where,
    )


__all__ = ["ERROR", "WARNING", "ImportProblem", "computed_field", "unknown_field"]

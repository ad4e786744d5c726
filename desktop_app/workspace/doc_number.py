"""The report's document number ("Số: 12/BC-UBND") and date, as the office's clerk gives
them before export.

A signed PDF cannot be filled in afterwards without breaking its signature, so the
number and the date are entered before export and printed. They are kept with the report
(a setting per form and period, audited like any setting): a re-export without new ones
uses them again, so the packet stays the same. A number left blank on purpose prints
"Số: ……/BC-UBND" for the clerk to fill on paper.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

import contextlib
import datetime
from dataclasses import dataclass

from ..core.dates import parse_date
from ..core.messages import AppError, Text
from ..core.periods import Period
from ..core.text import kept_text_problem, nfc
from ..storage import get_setting, set_setting
from ..storage.database import Database

NUMBER_MAX_LENGTH = 40  # "1234/BC-UBND-VP" with room; one line under the agency block


@dataclass(frozen=True)
class DocumentNumber:
    number: str  # "" when left blank on purpose
    date: datetime.date | None  # None: the export's date


def _key(form_id: str, period: str) -> str:
    # "2026" and "năm 2026" name one report; a bad period: the export refuses it
    with contextlib.suppress(AppError):
        period = str(Period.parse(period))
    return f"document_number:{form_id}:{period}"


def stored_number(db: Database, form_id: str, period: str) -> DocumentNumber | None:
    """The number and date entered at the last export of this report, if any."""
    kept = get_setting(db, _key(form_id, period))
    if not isinstance(kept, dict):
        return None
    date = kept.get("date")
    return DocumentNumber(
        str(kept.get("number") or ""), datetime.date.fromisoformat(date) if date else None
    )


def check_number(number: str, date: datetime.date | None, today: datetime.date) -> None:
    """Refuse a number that cannot be printed on one line, or a date after the export."""
    problem = kept_text_problem(number, NUMBER_MAX_LENGTH)
    if problem is None and "\n" in number:
        problem = Text("có xuống dòng", "has a line break")
    if problem is not None:
        raise AppError(
            "export.bad_document_number",
            Text(f"Số văn bản không dùng được: {problem.vi}.",
                 f"The document number cannot be used: {problem.en}."),
        )  # fmt: skip
    if date is not None and date > today:
        raise AppError(
            "export.document_date_future",
            Text(
                f"Ngày văn bản {date:%d/%m/%Y} sau ngày hôm nay ({today:%d/%m/%Y}): báo cáo"
                " được ký khi xuất, không thể ký trước ngày ghi trên văn bản.",
                f"The document date {date:%d/%m/%Y} is after today ({today:%d/%m/%Y}): the"
                " report is signed when exported, before the date it would bear.",
            ),
        )


def chosen_number(
    db: Database, form_id: str, period: str, number: str | None, date_text: str | None
) -> DocumentNumber | None:
    """The number and date to export with: those given (``date_text`` as the clerk writes
    it, dd/mm/yyyy), the kept ones for what is not given, None when neither is either."""
    kept = stored_number(db, form_id, period)
    if number is None and date_text is None:
        return kept
    date = parse_date(date_text) if date_text is not None else kept.date if kept else None
    number = nfc(number).strip() if number is not None else kept.number if kept else ""
    return DocumentNumber(number, date)


def keep_number(db: Database, form_id: str, period: str, chosen: DocumentNumber, user: str) -> None:
    value = {"number": chosen.number, "date": chosen.date.isoformat() if chosen.date else None}
    set_setting(db, _key(form_id, period), value, user)


__all__ = [
    "NUMBER_MAX_LENGTH",
    "DocumentNumber",
    "check_number",
    "chosen_number",
    "keep_number",
    "stored_number",
]

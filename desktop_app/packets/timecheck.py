"""When a packet was made (part of receiving check 4): the manifest's ``created_at``, the
CMS signing time and the reporting period must tell one story.

- ``created_at`` (what the status board used to date a packet by) agrees with the
  signing time within ``CREATED_AT_TOLERANCE``. The export writes both from one reading
  of the clock, so a genuine packet differs by less than a second; five minutes leaves
  room for a tool that reads the clock twice, not for a packet "made" in 2000 and
  signed today.
- The period has started: a year period starts on 1 January, a half, quarter or month
  on its first day (Vietnam time). A report for the current year may be filled and sent
  during the year; one for next year, or 2099, may not. "Started" is judged against the
  receiving clock with the same one-day allowance as the signing time.
- The signing time is not before the period's first day.

The signing time is what the signer's software wrote: without a timestamp authority
(DESIGN: communes are often offline) it cannot be proved, only kept consistent. The
status board therefore shows both the signing time and the day the file was received
here, which is the district's own fact.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from ..core.messages import AppError, Text
from ..core.periods import Period, PeriodError
from .manifest import vietnam_time

CREATED_AT_TOLERANCE = datetime.timedelta(minutes=5)


def _reject(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=4, **details)


def _shown(moment: datetime.datetime) -> str:
    return vietnam_time(moment).strftime("%d/%m/%Y %H:%M")


def check_times(
    raw_manifest: bytes,
    signed_at: datetime.datetime,
    now: datetime.datetime,
    allowance: datetime.timedelta,
) -> None:
    """Refuse a packet whose times disagree (see the module docstring). ``raw_manifest``
    has passed check 2 (parsed, schema-valid); ``allowance`` is the clock tolerance the
    signing time was checked with."""
    manifest = json.loads(raw_manifest)
    created = datetime.datetime.fromisoformat(manifest["created_at"])
    if abs(created - signed_at) > CREATED_AT_TOLERANCE:
        minutes = int(CREATED_AT_TOLERANCE.total_seconds() // 60)
        raise _reject(
            "packet.created_at_mismatch",
            f"Gói ghi lập lúc {_shown(created)} nhưng chữ ký số ghi thời điểm ký {_shown(signed_at)}: hai thời điểm phải khớp nhau (lệch không quá {minutes} phút).",
            f"The packet says it was made at {_shown(created)} but its signature says it was signed at {_shown(signed_at)}: the two must agree (within {minutes} minutes).",
            created_at=manifest["created_at"],
            signed_at=signed_at.isoformat(),
        )
    try:
        period = Period.parse(manifest["period"])
    except PeriodError:
        return  # not a period at all: the data check (6) refuses it with its own reason
    start = period.start
    if start > vietnam_time(now + allowance).date():
        raise _reject(
            "packet.period_not_started",
            f"Kỳ báo cáo {period.label('vi')} chưa bắt đầu (bắt đầu ngày {start:%d/%m/%Y}): không nhận báo cáo cho kỳ chưa tới.",
            f"The reporting period {period.label('en')} has not started (it starts on {start:%d/%m/%Y}): a report for a period still to come is not received.",
            period=str(period),
        )
    if vietnam_time(signed_at).date() < start:
        raise _reject(
            "packet.signed_before_period",
            f"Báo cáo kỳ {period.label('vi')} được ký lúc {_shown(signed_at)}, trước khi kỳ bắt đầu ({start:%d/%m/%Y}).",
            f"The report for {period.label('en')} was signed at {_shown(signed_at)}, before the period began ({start:%d/%m/%Y}).",
            period=str(period),
            signed_at=signed_at.isoformat(),
        )


__all__ = ["CREATED_AT_TOLERANCE", "check_times"]

"""Accepting a child unit's submission, or returning it with a reason, and the signed
receipt or return note that tells the unit (``receipt_format``).

The receipt is signed with the receiving unit's own identity (``packets.identities``),
then, in one transaction, the submission's review is set, the receipt recorded (table
``receipts``, direction ``issued``), the decision audited (kind ``review``) and the file
put in place (atomically, last): a failure anywhere leaves neither a decision without
its receipt nor a receipt file without its decision.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.messages import AppError, Text
from ..core.text import clean_multiline
from ..packets import certs
from ..packets.manifest import sha256_hex, vietnam_time
from ..storage.audit import write_audit
from ..storage.durable import atomic_write
from ..storage.receipts import ReceiptRow, insert_receipt
from ..storage.submissions import (
    Submission,
    current_submission,
    find_submissions,
    get_submission,
    set_review,
)
from .decisions import require_reason
from .office import Office
from .receipt_format import DECISIONS, ReceiptFile, build_receipt

if TYPE_CHECKING:  # imported where it signs: not at start-up
    from cryptography import x509

    from ..packets.identities import SigningIdentity


@dataclass(frozen=True)
class ReviewResult:
    submission: Submission
    path: Path  # the receipt or return note written
    receipt: ReceiptRow
    fingerprint: str  # of the certificate that signed it


def _error(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), **details)


def reviewable(office: Office, unit_code: str, form_id: str, period: str) -> Submission:
    """The current submission to accept or return; refused while a conflict waits."""
    unit = office.catalogue.get(unit_code)
    code = unit.code if unit else unit_code
    submission = current_submission(office.db, code, form_id, period)
    if submission is None:
        raise _error(
            "review.no_submission",
            f"Chưa nhận báo cáo {form_id} kỳ {period} của đơn vị {code}.",
            f"No {form_id} report for period {period} has been received from unit {code}.",
            unit_code=code,
        )
    if find_submissions(office.db, form_id, period, code, states=("pending",)):
        raise _error(
            "review.conflict_pending",
            f"Báo cáo của đơn vị {code} đang có xung đột chưa giải quyết: hãy chọn bản số liệu trước.",
            f"Unit {code}'s report has an unresolved conflict: choose which data to keep first.",
            unit_code=code,
        )
    return submission


def _check_identity(office: Office, cert: x509.Certificate) -> None:
    """The receipt is checked on the other side against the unit the certificate names:
    refuse here, before anything is written, an identity made for another unit."""
    named = certs.unit_codes(cert)
    if named and office.unit_code not in named:
        raise _error(
            "review.identity_not_for_unit",
            f"Chứng thư ký số đang dùng mang mã đơn vị {', '.join(named)}, không phải {office.unit_code}: biên nhận sẽ bị đơn vị cấp dưới từ chối.",
            f"The signing certificate in use names unit {', '.join(named)}, not {office.unit_code}: the receipt would be refused.",
            named=named,
        )


def _receipt(
    office: Office,
    s: Submission,
    decision: str,
    reason: str,
    moment: datetime.datetime,
    appraisal: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    extra = {} if appraisal is None else {"appraisal": dict(appraisal)}
    return {
        **extra,
        "decision": decision,
        "reason": reason,
        "issuer": {"code": office.unit_code, "name": office.unit.name},
        "unit": {"code": s.unit_code, "name": s.unit_name},
        "form": {"id": s.form_id, "version": s.form_version},
        "period": s.period,
        "revision": s.revision,
        "data_sha256": s.data_sha256,
        "packet_created_at": s.created_at,
        "received_at": s.received_at,
        "decided_at": vietnam_time(moment).isoformat(),
        "decided_by": office.user,
    }


def review_submission(
    office: Office,
    unit_code: str,
    form_id: str,
    period: str,
    decision: str,
    reason: str,
    out_dir: Path,
    *,
    identity: SigningIdentity | None = None,
    secret: str | None = None,
    now: datetime.datetime | None = None,
    appraisal: Mapping[str, Any] | None = None,
) -> ReviewResult:
    """Accept (``decision="accepted"``) or return (``"returned"``, reason required) the
    unit's current submission and write the signed receipt into ``out_dir``.
    ``identity`` is an open SigningIdentity; without it the unit's identity is opened
    with ``secret`` (passphrase or PIN) and closed after. ``appraisal`` (the unit's score
    items as appraised, ``workspace.appraisal``) goes into the receipt."""
    from ..packets.identities import load_identity

    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {DECISIONS}, not {decision!r}")
    if decision == "returned":
        reason = require_reason(reason, Text("trả lại báo cáo", "returning the report"))
    reason = clean_multiline(reason or "")
    submission = reviewable(office, unit_code, form_id, period)
    moment = now or datetime.datetime.now(datetime.UTC)
    owned = identity is None
    opened = (
        identity
        if identity is not None
        else load_identity(office.db, office.data_dir, secret, now=moment)
    )
    try:
        _check_identity(office, opened.info.certificate)
        made = build_receipt(
            opened.signer,
            _receipt(office, submission, decision, reason, moment, appraisal),
            moment,
        )
        fingerprint = opened.info.fingerprint
    finally:
        if owned:
            opened.close()
    path, row = _record(office, submission, made, Path(out_dir), fingerprint)
    updated = get_submission(office.db, submission.id)
    assert updated is not None
    return ReviewResult(updated, path, row, fingerprint)


def _issued(
    office: Office, s: Submission, made: ReceiptFile, target: Path, fingerprint: str, now: str
) -> ReceiptRow:
    """The receipt's row and the decision's audit row (kind ``review``)."""
    receipt, db = made.receipt, office.db
    row = insert_receipt(
        db, direction="issued", submission_id=s.id, decision=receipt["decision"],
        reason=receipt["reason"], issuer_code=office.unit_code, unit_code=s.unit_code,
        form_id=s.form_id, period=s.period, revision=s.revision,
        data_sha256=s.data_sha256, signer_fingerprint=fingerprint, file_name=made.name,
        path=str(target), sha256=sha256_hex(made.content), at=now, by=office.user,
    )  # fmt: skip
    record = {"review": receipt["decision"], "reason": receipt["reason"],
              "revision": s.revision, "receipt": made.name}  # fmt: skip
    write_audit(
        db,
        [(now, office.user, None, "review", s.key, s.review,
          json.dumps(record, ensure_ascii=False, sort_keys=True))],
    )  # fmt: skip
    return row


def _record(
    office: Office, s: Submission, made: ReceiptFile, out_dir: Path, fingerprint: str
) -> tuple[Path, ReceiptRow]:
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / made.name
    receipt = made.receipt
    db = office.db
    with db.transaction():
        if current_submission(db, s.unit_code, s.form_id, s.period) != s:
            raise _error(
                "review.changed_meanwhile",
                "Báo cáo vừa thay đổi (nhận bản mới hoặc đã quyết định) trong lúc lập biên nhận; hãy làm lại.",
                "The report changed (a new packet or a decision) while the receipt was made; do it again.",
            )
        now = db.now()
        set_review(
            db, s.id, receipt["decision"], user=office.user, reason=receipt["reason"], at=now
        )
        row = _issued(office, s, made, target, fingerprint, now)
        atomic_write(target, made.content)  # last: the file exists only with its record
    return target, row


__all__ = ["ReviewResult", "review_submission", "reviewable"]

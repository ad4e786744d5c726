"""The child unit's side of a receipt: open the file, check it (``receipt_verify``), match
it to the unit's own report, and mark the report accepted or returned.

Matching: the receipt must name this unit, a report it has for that form and period,
a packet it exported (revision and ``data.json`` hash, from ``exports``), and the
revision the report is still at (an edited report has moved on: the receipt is about
an older state). Each mismatch is refused with its own code.

``check_receipt`` writes nothing (the window shows the decision, the signer and, on
first use, the fingerprint to confirm); ``open_receipt`` checks again and does it all in
one transaction: keeps the file under ``received/``, registers the parent's certificate on
first use, sets the report status (audited as ``status``), records the receipt
(``receipts``, direction ``received``) with an audit row ``receipt`` carrying the reason.

**No trust on first sight** (issue 14 §7). With no certificate registered for the parent,
anyone can make a certificate naming "district 064"; applying its receipt and pinning it
would mark a report accepted and then refuse the genuine district's receipts. So a first
receipt is applied only on an explicit decision: the parent's certificate as the clerk
received it (``trust_cert``, a file or pasted PEM), or its SHA-256 fingerprint read back
by phone (``fingerprint``); it must be the receipt's signer. Without one the receipt is
refused with ``receipt.parent_unconfirmed``, carrying the signer's name and fingerprint
for the window to show and ask, and nothing is written.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..core.messages import AppError, Text
from ..storage import ExportRow, ReportRow, get_report, list_exports, set_status
from ..storage.appraisals import appraisal_key
from ..storage.audit import write_audit
from ..storage.receipts import insert_receipt, list_receipts
from ..storage.settings import set_setting
from ..storage.trust_entries import insert_entry
from . import files
from .cert_input import (
    CertificateInput,
    entry_fields,
)
from .office import Office
from .parent_confirm import confirm_parent
from .receipt_verify import RECEIPT, VerifiedReceipt, verify_receipt
from .trust_store import DbTrustSource

MAX_RECEIPT_BYTES = 1024 * 1024  # a receipt is ~3 KB


@dataclass(frozen=True)
class ReceiptCheck:
    path: Path
    sha256: str
    verified: VerifiedReceipt
    report: ReportRow
    export: ExportRow
    already: bool  # this very receipt was opened before: nothing to do

    @property
    def decision(self) -> str:
        return self.verified.decision

    @property
    def reason(self) -> str:
        reason: str = self.verified.receipt["reason"]  # a string: receipt_format._shape
        return reason

    def message(self) -> Text:
        r = self.verified.receipt
        what = f"{r['form']['id']} {r['period']} (lần {r['revision']})"
        what_en = f"{r['form']['id']} {r['period']} (revision {r['revision']})"
        issuer = r["issuer"]["name"]
        if self.decision == "accepted":
            return Text(
                f"{issuer} đã tiếp nhận báo cáo {what}.", f"{issuer} accepted report {what_en}."
            )
        return Text(
            f"{issuer} trả lại báo cáo {what}: {self.reason}",
            f"{issuer} returned report {what_en}: {self.reason}",
        )

    def as_dict(self) -> dict[str, object]:
        v = self.verified
        return {
            "path": str(self.path),
            "decision": self.decision,
            "reason": self.reason,
            "receipt": v.receipt,
            "signer": v.signer.subject.rfc4514_string(),
            "fingerprint": v.fingerprint,
            "first_use": v.first_use,
            "report_id": self.report.id,
            "already": self.already,
            "message": self.message().as_dict(),
        }


def _refuse(code: str, vi: str, en: str, **details: object) -> AppError:
    return AppError(code, Text(vi, en), **details)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_RECEIPT_BYTES:
            raise _refuse(
                "receipt.unreadable",
                "Tệp quá lớn để là biên nhận.",
                "The file is too large to be a receipt.",
            )
        return path.read_bytes()
    except OSError as exc:
        raise _refuse(
            "receipt.unreadable", f"Không đọc được tệp: {exc}", f"Cannot read the file: {exc}"
        ) from exc


def _match(office: Office, v: VerifiedReceipt) -> tuple[ReportRow, ExportRow]:
    r = v.receipt
    if r["unit"]["code"] != office.unit_code:
        raise _refuse(
            "receipt.wrong_unit",
            f"Biên nhận này dành cho đơn vị {r['unit']['code']}, không phải {office.unit_code}.",
            f"This receipt is for unit {r['unit']['code']}, not {office.unit_code}.",
            unit_code=r["unit"]["code"],
        )
    report = get_report(office.db, office.unit_code, r["form"]["id"], r["period"])
    if report is None:
        raise _refuse(
            "receipt.no_report",
            f"Không có báo cáo {r['form']['id']} kỳ {r['period']} ở đây.",
            f"There is no {r['form']['id']} report for period {r['period']} here.",
        )
    exported = [
        e for e in list_exports(office.db, report.id, r["revision"])
        if e.data_sha256 == r["data_sha256"]
    ]  # fmt: skip
    if not exported:
        raise _refuse(
            "receipt.data_mismatch",
            f"Biên nhận nói về số liệu (lần {r['revision']}, mã băm {r['data_sha256'][:12]}…) không khớp gói nộp nào đã xuất ở đây.",
            f"The receipt is about data (revision {r['revision']}, hash {r['data_sha256'][:12]}…) that matches no packet exported here.",
            data_sha256=r["data_sha256"],
        )
    if report.revision != r["revision"]:
        raise _refuse(
            "receipt.outdated",
            f"Biên nhận nói về lần {r['revision']}, báo cáo đã được sửa (nay là lần {report.revision}).",
            f"The receipt is about revision {r['revision']}; the report has been edited since (now revision {report.revision}).",
        )
    return report, exported[0]


def _check(office: Office, path: Path, raw: bytes) -> ReceiptCheck:
    parent = office.parent
    if parent is None:
        raise _refuse(
            "receipt.no_parent",
            "Đơn vị này không có đơn vị cấp trên.",
            "This unit has no parent unit.",
        )
    verified = verify_receipt(raw, DbTrustSource(office.db), parent.code)
    report, export = _match(office, verified)
    digest = hashlib.sha256(raw).hexdigest()
    seen = any(
        r.sha256 == digest for r in list_receipts(office.db, "received", report_id=report.id)
    )
    return ReceiptCheck(path, digest, verified, report, export, seen)


def check_receipt(office: Office, path: Path) -> ReceiptCheck:
    """Verify and match a receipt file; writes nothing. AppError ``receipt.*`` if refused."""
    path = Path(path)
    return _check(office, path, _read(path))


def _confirm_parent(
    office: Office, v: VerifiedReceipt, trust_cert: CertificateInput | None, fingerprint: str | None
) -> None:
    confirm_parent(office, v.signer, v.receipt["issuer"], RECEIPT, trust_cert, fingerprint)


def open_receipt(
    office: Office,
    path: Path,
    *,
    trust_cert: CertificateInput | None = None,
    fingerprint: str | None = None,
) -> ReceiptCheck:
    """Check the receipt and apply it to the report (see the module docstring); on first
    use only with ``trust_cert`` or ``fingerprint`` naming its signer. The check is made
    again inside the transaction: an edit saved meanwhile in the window (a new revision)
    makes the receipt outdated rather than marking the edited report."""
    path = Path(path)
    raw = _read(path)
    db = office.db
    with db.transaction():
        check = _check(office, path, raw)
        if check.already:
            return check
        if check.verified.first_use:
            _confirm_parent(office, check.verified, trust_cert, fingerprint)
        _apply(office, check, raw)
    return check


def _apply(office: Office, check: ReceiptCheck, raw: bytes) -> None:
    v, r, db = check.verified, check.verified.receipt, office.db
    stored = files.keep(office.data_dir, files.Incoming(check.path, len(raw), check.sha256, raw))
    if v.first_use:
        insert_entry(
            db, unit_code=r["issuer"]["code"], is_ca=False, user=office.user,
            note=f"first use: {check.path.name}", **entry_fields(v.signer),
        )  # fmt: skip
    set_status(db, check.report.id, check.decision, office.user)
    if isinstance(r.get("appraisal"), dict):  # the parent's appraisal of the score items
        set_setting(db, appraisal_key(r["form"]["id"], r["period"]), r["appraisal"], office.user)
    now = db.now()
    insert_receipt(
        db, direction="received", report_id=check.report.id, decision=check.decision,
        reason=check.reason, issuer_code=r["issuer"]["code"], unit_code=office.unit_code,
        form_id=r["form"]["id"], period=r["period"], revision=r["revision"],
        data_sha256=r["data_sha256"], signer_fingerprint=v.fingerprint,
        file_name=check.path.name, path=stored or "", sha256=check.sha256, at=now,
        by=office.user,
    )  # fmt: skip
    record = {"decision": check.decision, "reason": check.reason,
              "issuer": r["issuer"]["code"], "fingerprint": v.fingerprint,
              "revision": r["revision"]}  # fmt: skip
    write_audit(
        db,
        [(now, office.user, check.report.id, "receipt", check.path.name, None,
          json.dumps(record, ensure_ascii=False, sort_keys=True))],
    )  # fmt: skip


__all__ = ["MAX_RECEIPT_BYTES", "ReceiptCheck", "check_receipt", "open_receipt"]

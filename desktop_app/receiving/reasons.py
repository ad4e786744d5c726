"""Refusals that only the receiving unit can make: receiving check 7 (is the sender our
child, is the revision new) and a sharper reason for an untrusted signer whose
certificate the trust list registered for another unit.
Each has its own code and a Vietnamese and English message, like checks 1–6.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from typing import Any

from ..core.messages import AppError, Text
from ..storage import Database
from ..storage.submissions import Submission
from ..storage.trust_entries import by_fingerprint


def day(iso: str | None) -> str:
    """ "2026-11-23T09:00:00+07:00" → "23/11/2026", as Vietnamese documents write dates."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso and len(iso) >= 10 else "?"


def _reject(code: str, check: int, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(vi, en), check=check, **details)


_KINDS = {
    "folder": Text("một thư mục", "a folder"),
    "fifo": Text("một đường ống (FIFO)", "a pipe (FIFO)"),
    "socket": Text("một socket", "a socket"),
    "device": Text("một thiết bị (như /dev/zero)", "a device (like /dev/zero)"),
    "link": Text("một liên kết", "a link"),
}


def not_a_file(path: Any, kind: str) -> AppError:
    """A path named for receiving that is not a regular file: refused unread."""
    what = _KINDS.get(kind, _KINDS["device"])
    return _reject(
        "packet.not_a_file",
        1,
        f"«{path}» là {what.vi}, không phải tệp gói nộp: không đọc.",
        f"«{path}» is {what.en}, not a packet file: not read.",
        kind=kind,
    )


def check_failed(exc: BaseException, check: int | None = None) -> AppError:
    """A check that failed in a way nobody foresaw: this file is refused (the log holds
    the details), the others are still received."""
    what = type(exc).__name__
    return AppError(
        "packet.check_failed",
        Text(
            f"Không kiểm tra được gói nộp này (lỗi không lường trước: {what}), nên gói bị từ chối; các gói khác vẫn được nhận. Nhật ký của phần mềm ghi chi tiết.",
            f"This packet could not be checked (an unforeseen error: {what}), so it is refused; the other packets are still received. The application's log has the details.",
        ),
        check=check,
        error=what,
    )


def not_child(unit_code: str, unit_name: str, receiver: str, why: Text) -> AppError:
    return _reject(
        "packet.not_child",
        7,
        f"Gói nộp của {unit_name} ({unit_code}) không gửi cho {receiver}: {why.vi}.",
        f"The packet from {unit_name} ({unit_code}) is not for {receiver}: {why.en}.",
        unit_code=unit_code,
    )


def unit_mismatch(unit_code: str, claimed: str, known: str) -> AppError:
    return _reject(
        "packet.unit_mismatch",
        7,
        f"Gói nộp ghi đơn vị {unit_code} là «{claimed}», danh mục ở đây là «{known}».",
        f"The packet names unit {unit_code} «{claimed}»; the catalogue here says «{known}».",
        unit_code=unit_code,
        claimed=claimed,
        known=known,
    )


def form_wrong_level(form_id: str, level: str, unit_code: str, unit_level: str) -> AppError:
    return _reject(
        "packet.form_wrong_level",
        7,
        f"Biểu mẫu {form_id} dành cho cấp {level}, đơn vị {unit_code} thuộc cấp {unit_level}.",
        f"Form {form_id} is for the {level} level; unit {unit_code} is a {unit_level}.",
        form=form_id,
        unit_code=unit_code,
    )


def form_not_for_period(form_id: str, version: str, period: str) -> AppError:
    return _reject(
        "packet.form_not_for_period",
        7,
        f"Biểu mẫu {form_id} phiên bản {version} không dùng cho kỳ {period}.",
        f"Form {form_id} version {version} does not apply to period {period}.",
        form=form_id,
        version=version,
        period=period,
    )


def replay(revision: int, held: Submission, *, known: bool = False) -> AppError:
    when = day(held.received_at)
    if known:
        vi = f"Gói nộp lần {revision} đã nhận trước đây và đã được thay bằng lần {held.revision} (nhận ngày {when}): không nhận lại bản cũ."
        en = f"Revision {revision} was received before and has been replaced by revision {held.revision} (received on {when}): an older packet is not taken back."
    else:
        vi = f"Gói nộp lần {revision} cũ hơn lần {held.revision} đã nhận ngày {when}: không nhận lại bản cũ."
        en = f"Revision {revision} is older than revision {held.revision} received on {when}: an older packet is not taken back."
    return _reject(
        "packet.replay", 7, vi, en, revision=revision, held_revision=held.revision, known=known
    )


def explain_untrusted(db: Database, error: AppError, unit_code: str) -> AppError:
    """``packet.signer_untrusted`` made specific when the trust list knows the signer as
    registered for another unit (one commune's key signing for its neighbour). A revoked
    or replaced certificate is refused by check 4 itself (``packets.trust.decide``), so a
    trusted CA cannot bring it back."""
    fingerprint = error.details.get("fingerprint")
    if error.code != "packet.signer_untrusted" or not fingerprint:
        return error
    entries = by_fingerprint(db, fingerprint)
    elsewhere = [e for e in entries if e.active and e.unit_code not in (None, unit_code)]
    if elsewhere:
        other = elsewhere[0].unit_code
        return _reject(
            "packet.signer_not_for_unit",
            4,
            f"Gói nộp mang mã đơn vị {unit_code} nhưng được ký bằng chứng thư đăng ký cho đơn vị {other} (vân tay {fingerprint}).",
            f"The packet claims unit {unit_code} but is signed with the certificate registered for unit {other} (fingerprint {fingerprint}).",
            fingerprint=fingerprint,
            registered_for=other,
        )
    return error


__all__ = [
    "check_failed",
    "day",
    "explain_untrusted",
    "form_not_for_period",
    "form_wrong_level",
    "not_a_file",
    "not_child",
    "replay",
    "unit_mismatch",
]

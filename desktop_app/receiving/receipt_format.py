"""The receipt / return note, format ``cntt-receipt/1``: a small zip signed by the receiving
unit, telling a child unit that its packet (form, period, revision, ``data.json`` hash)
was accepted, or returned with a reason.

    manifest.json      format, issuer {code, name}, unit {code, name}, created_at,
                       app_version, files {"receipt.json": sha256}
    receipt.json       canonical JSON: decision, reason, the submission it is about,
                       when it was received and decided, by whom
    manifest.json.p7s  detached CMS over manifest.json, signer certificate included

Like a packet, it can be checked with standard tools alone (``openssl cms -verify``,
``sha256sum``). Named ``{unit}_{form}_{period}_r{revision}_bien-nhan.zip`` (accepted) or
``…_tra-lai.zip`` (returned).

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..core.messages import AppError, Text
from ..packets.data import canonical_json
from ..packets.manifest import manifest_bytes, sha256_hex, vietnam_time
from ..packets.packet import packet_name, stamped_zip

RECEIPT_FORMAT = "cntt-receipt/1"
RECEIPT_MEMBERS = ("manifest.json", "receipt.json", "manifest.json.p7s")
DECISIONS = ("accepted", "returned")
_SUFFIX = {"accepted": "bien-nhan", "returned": "tra-lai"}
_RECEIPT_KEYS = {
    "format", "decision", "reason", "issuer", "unit", "form", "period", "revision",
    "data_sha256", "packet_created_at", "received_at", "decided_at", "decided_by",
}  # fmt: skip
_MANIFEST_KEYS = {"format", "issuer", "unit", "created_at", "app_version", "files"}


@dataclass(frozen=True)
class ReceiptFile:
    name: str
    content: bytes  # the zip
    receipt: Mapping[str, Any]


def receipt_name(receipt: Mapping[str, Any]) -> str:
    base = packet_name(
        receipt["unit"]["code"], receipt["form"]["id"], receipt["period"], receipt["revision"]
    )
    return base.removesuffix(".zip") + f"_{_SUFFIX[receipt['decision']]}.zip"


def build_receipt(
    signer: Any, receipt: Mapping[str, Any], moment: datetime.datetime
) -> ReceiptFile:
    """Sign ``receipt`` (the receipt.json object) with ``signer`` (a pyHanko signer)."""
    from ..packets.signing import sign_detached

    body = canonical_json({"format": RECEIPT_FORMAT, **receipt})
    manifest = {
        "format": RECEIPT_FORMAT,
        "issuer": dict(receipt["issuer"]),
        "unit": dict(receipt["unit"]),
        "created_at": vietnam_time(moment).isoformat(),
        "app_version": __version__,
        "files": {"receipt.json": sha256_hex(body)},
    }
    raw_manifest = manifest_bytes(manifest)
    members = {
        "manifest.json": raw_manifest,
        "receipt.json": body,
        "manifest.json.p7s": sign_detached(signer, raw_manifest, moment),
    }
    return ReceiptFile(
        receipt_name(receipt), stamped_zip(members, RECEIPT_MEMBERS, moment), json.loads(body)
    )


def invalid(vi: str, en: str, **details: Any) -> AppError:
    return AppError(
        "receipt.invalid",
        Text(f"Tệp biên nhận không hợp lệ: {vi}", f"The receipt file is invalid: {en}"),
        **details,
    )


def _object(raw: bytes, name: str, keys: set[str]) -> dict[str, Any]:
    try:
        value = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError) as exc:  # also a number too long, nesting too deep
        raise invalid(f"{name} không đọc được", f"{name} is not readable JSON") from exc
    if not isinstance(value, dict) or value.get("format") != RECEIPT_FORMAT:
        raise invalid(f"{name} không phải {RECEIPT_FORMAT}", f"{name} is not {RECEIPT_FORMAT}")
    missing = sorted(keys - set(value))
    if missing:
        raise invalid(f"{name} thiếu {missing}", f"{name} lacks {missing}")
    return value


def _shape(receipt: Mapping[str, Any]) -> None:
    ok = (
        receipt["decision"] in DECISIONS
        and isinstance(receipt["reason"], str)
        and all(isinstance(receipt[k], dict) for k in ("issuer", "unit", "form"))
        and isinstance(receipt["revision"], int)
        and isinstance(receipt["data_sha256"], str)
        and isinstance(receipt["unit"].get("code"), str)
        and isinstance(receipt["issuer"].get("code"), str)
        and isinstance(receipt["form"].get("id"), str)
    )
    if not ok or not _appraisal_shape(receipt.get("appraisal")):
        raise invalid("nội dung receipt.json sai kiểu", "receipt.json has values of the wrong type")


def _appraisal_shape(appraisal: Any) -> bool:
    """An appraisal (optional): {items: {id: {self, appraised, reason}}, self_total,
    official_total, complete}, numbers as text, nothing else."""
    if appraisal is None:
        return True
    if not isinstance(appraisal, dict) or set(appraisal) != {
        "items", "self_total", "official_total", "complete"
    }:  # fmt: skip
        return False
    items = appraisal["items"]
    return (
        isinstance(items, dict)
        and all(
            isinstance(k, str)
            and isinstance(v, dict)
            and set(v) == {"self", "appraised", "reason"}
            and isinstance(v["self"], str)
            and isinstance(v["appraised"], (str, type(None)))
            and isinstance(v["reason"], str)
            for k, v in items.items()
        )
        and isinstance(appraisal["self_total"], str)
        and isinstance(appraisal["official_total"], str)
        and isinstance(appraisal["complete"], bool)
    )


def parse_members(members: Mapping[str, bytes]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(manifest, receipt) after the structural checks: formats, keys, the receipt.json
    hash against the manifest, and the two agreeing on issuer and unit."""
    manifest = _object(members["manifest.json"], "manifest.json", _MANIFEST_KEYS)
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != {"receipt.json"}:
        raise invalid(
            "manifest.json phải liệt kê đúng receipt.json",
            "manifest.json must list receipt.json only",
        )
    if sha256_hex(members["receipt.json"]) != files["receipt.json"]:
        raise AppError(
            "receipt.hash_mismatch",
            Text(
                "receipt.json không khớp với manifest (tệp đã bị sửa sau khi ký).",
                "receipt.json does not match the manifest (changed after signing).",
            ),
        )
    receipt = _object(members["receipt.json"], "receipt.json", _RECEIPT_KEYS)
    _shape(receipt)
    if manifest["issuer"] != receipt["issuer"] or manifest["unit"] != receipt["unit"]:
        raise invalid(
            "manifest.json và receipt.json khác nhau", "manifest.json and receipt.json disagree"
        )
    return manifest, receipt


__all__ = [
    "DECISIONS",
    "RECEIPT_FORMAT",
    "RECEIPT_MEMBERS",
    "ReceiptFile",
    "build_receipt",
    "invalid",
    "parse_members",
    "receipt_name",
]

"""Writing a verified packet into the receiving unit's tables, inside the receiving
transaction: the submission, its values, and what it replaces.

- **accepted**: the first submission for its unit × form × period becomes current;
- **superseding**: the newer revision becomes current, the one it replaces (and any
  conflict still pending at an older revision) superseded; their values stay, so the
  officer can see what changed;
- **conflict**: kept as pending beside the current one; nothing is replaced until the
  officer decides (``decisions.decide_conflict``).

A packet's evidence files are kept with the submission (``storage.evidence``), bytes
and all, so the officer opens them beside the figures they back.

Each is one audit row, kind ``receive``, target ``unit/form/period``: old = the revision
and data hash it replaces or challenges, new = its own.

May import: ``receiving``, ``packets``, ``storage``, ``core``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..packets import certs
from ..packets.data import canonical_json
from ..packets.verify import VerifiedPacket
from ..storage.audit import write_audit
from ..storage.evidence import keep_received_evidence
from ..storage.submissions import Submission, find_submissions, insert_submission, set_state
from .judge import Plan
from .office import Office

_KINDS = (("input", "values"), ("computed", "computed"), ("comment", "comments"))


def value_text(value: Any) -> str:
    """A data.json value as stored: its canonical JSON text (``"93.7"``, ``12``, ``true``).
    Values are scalars already checked canonical (NFC) by check 6: ``json.dumps`` gives
    the same text as ``canonical_json`` at a fraction of its cost (~90 values a packet)."""
    if isinstance(value, (str, int, bool)) or value is None:
        return json.dumps(value, ensure_ascii=False)
    return canonical_json(value).decode("utf-8")


def value_rows(data: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    rows: dict[tuple[str, str], str] = {}
    for kind, member in _KINDS:
        for field_id, value in (data.get(member) or {}).items():
            rows[(kind, field_id)] = value_text(value)
    return rows


def _describe(submission: Submission | None) -> str | None:
    if submission is None:
        return None
    return f"r{submission.revision} {submission.data_sha256}"


def submission_fields(packet: VerifiedPacket) -> dict[str, Any]:
    """The submissions columns that come from a verified packet."""
    manifest = packet.manifest
    return {
        "unit_code": manifest["unit"]["code"],
        "unit_name": manifest["unit"]["name"],
        # the packet's own word for its parent: an old unit's names its old district
        "parent_code": packet.data["unit"].get("parent_code"),
        "form_id": manifest["form"]["id"],
        "form_version": manifest["form"]["version"],
        "period": manifest["period"],
        "revision": packet.revision,
        "data_sha256": packet.data_sha256,
        "created_at": manifest["created_at"],
        "signed_at": packet.signed_at.isoformat(timespec="seconds"),
        "signer_fingerprint": packet.fingerprint,
        "signer_name": certs.common_name(packet.signer),
        "data_json": packet.members["data.json"].decode("utf-8"),
    }


def store_packet(
    office: Office,
    packet: VerifiedPacket,
    plan: Plan,
    *,
    packet_path: str,
    received_at: str,
) -> Submission:
    """The new submission (current, or pending for a conflict); call inside a transaction."""
    db = office.db
    fields = submission_fields(packet)
    if plan.verdict == "superseding":
        older = find_submissions(
            db, fields["form_id"], fields["period"], fields["unit_code"],
            states=("current", "pending"), with_data=False,
        )  # fmt: skip
        for old in older:
            set_state(db, old.id, "superseded")
    state = "pending" if plan.verdict == "conflict" else "current"
    submission = insert_submission(
        db, value_rows(packet.data), **fields, received_at=received_at,
        packet_path=packet_path, state=state,
    )  # fmt: skip
    listed = packet.manifest.get("evidence") or []
    keep_received_evidence(db, submission.id, [
        (e["member"], e["field"], e["name"], e["media_type"], e["sha256"], packet.members[e["member"]])
        for e in listed
    ])  # fmt: skip
    new = json.dumps(
        {"verdict": plan.verdict, "revision": packet.revision, "data_sha256": packet.data_sha256},
        sort_keys=True,
    )
    write_audit(
        db, [(received_at, office.user, None, "receive", submission.key, _describe(plan.held), new)]
    )
    return submission


__all__ = ["store_packet", "submission_fields", "value_rows", "value_text"]

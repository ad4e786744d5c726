"""What receiving one file came to: its verdict, in words for people (vi/en) and as a
dictionary for scripts, and what a rejected file claimed to be (read without trusting
it, so the officer sees which unit's packet was refused).

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..storage.received import ReceivedFile
from ..storage.submissions import Submission
from .reasons import day


def claimed_fields(data: bytes | None) -> dict[str, Any]:
    """unit, form, period and revision as the file's manifest claims them, or nothing if
    it has no readable manifest. Never trusted: only shown and logged."""
    if data is None:
        return {}
    from ..packets.manifest import parse_manifest
    from ..packets.zipread import read_members

    try:
        manifest = parse_manifest(read_members(data)["manifest.json"])
    except AppError:
        return {}
    return manifest_fields(manifest)


def manifest_fields(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The received_files columns a (parsed) manifest gives."""
    return {
        "unit_code": manifest["unit"]["code"],
        "form_id": manifest["form"]["id"],
        "period": manifest["period"],
        "revision": manifest["revision"],
    }


@dataclass(frozen=True)
class ReceiveOutcome:
    path: Path
    verdict: str  # accepted | duplicate | superseding | conflict | rejected
    received: ReceivedFile | None  # the received_files row (always written)
    submission: Submission | None = None  # the new one, or the duplicate's twin
    previous: Submission | None = None  # replaced (superseding), challenged (conflict)
    error: AppError | None = None

    @property
    def ok(self) -> bool:
        return self.verdict != "rejected"

    def message(self) -> Text:
        """One sentence saying what happened, for the officer."""
        if self.error is not None:
            return self.error.message
        s, p = self.submission, self.previous
        assert s is not None
        who = f"{s.unit_name} ({s.unit_code}), {s.form_id} {s.period}"
        if self.verdict == "accepted":
            return Text(
                f"Đã nhận: {who}, lần {s.revision}.", f"Received: {who}, revision {s.revision}."
            )
        if self.verdict == "duplicate":
            return Text(
                f"Trùng lặp: {who}, lần {s.revision} đã nhận ngày {day(s.received_at)}; không thay đổi gì.",
                f"Duplicate: {who}, revision {s.revision} received on {day(s.received_at)}; nothing changed.",
            )
        old = p.revision if p else "?"
        if self.verdict == "superseding":
            return Text(
                f"Thay thế: {who}, lần {s.revision} thay cho lần {old}.",
                f"Superseding: {who}, revision {s.revision} replaces revision {old}.",
            )
        return Text(
            f"Xung đột: {who}, lần {s.revision} đã có với số liệu khác; chưa thay thế, chờ cán bộ quyết định.",
            f"Conflict: {who}, revision {s.revision} is already held with other data; nothing replaced until the officer decides.",
        )

    def as_dict(self) -> dict[str, Any]:
        row = self.received
        result: dict[str, Any] = {
            "path": str(self.path),
            "verdict": self.verdict,
            "ok": self.ok,
            "message": self.message().as_dict(),
            "received_id": row.id if row else None,
            "stored_path": row.stored_path if row else None,
            "sha256": row.sha256 if row else None,
        }
        if self.submission is not None:
            s = self.submission
            result.update(
                unit={"code": s.unit_code, "name": s.unit_name},
                form=s.form_id,
                period=s.period,
                revision=s.revision,
                data_sha256=s.data_sha256,
                fingerprint=s.signer_fingerprint,
                submission_id=s.id,
            )
        if self.previous is not None:
            result["previous"] = {
                "submission_id": self.previous.id,
                "revision": self.previous.revision,
            }
        if self.error is not None:
            result["error"] = self.error.as_dict()
            if row is not None and row.unit_code:
                result["claimed"] = {
                    "unit": row.unit_code, "form": row.form_id,
                    "period": row.period, "revision": row.revision,
                }  # fmt: skip
        return result


__all__ = ["ReceiveOutcome", "claimed_fields", "manifest_fields"]

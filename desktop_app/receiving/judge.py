"""Receiving check 7 and the verdict for a packet that passed checks 1–6.

Run inside the receiving transaction, so two windows receiving at once cannot both
decide that their packet is the first:

- the unit is a child of the receiving unit (the catalogue says so, and the packet
  names this unit as its parent), under the name the catalogue gives it — or an old unit
  the officer declared merged into a child (``Office.former_units``), naming its old
  parent under its old name — and the form
  is one its level fills, in a version that can apply to the period;
- against what is held for that unit × form × period: the same revision with the same
  ``data.json`` (by hash) is a harmless **duplicate** (whatever state that copy is in,
  so a conflict the officer decided is not raised again); a newer revision is
  **superseding**; the same revision with other data is a **conflict** for the
  officer; an older one is refused as a **replay**, even an exact copy of a packet once
  held (DESIGN §3: a revision only moves forward); nothing held yet: **accepted**.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.messages import Text
from ..core.periods import Period
from ..core.text import nfc
from ..packets.verify import VerifiedPacket
from ..storage.submissions import Submission, find_submissions, get_submission
from . import reasons
from .office import Office


@dataclass(frozen=True)
class Plan:
    verdict: str  # accepted | duplicate | superseding | conflict
    held: Submission | None = None  # the duplicate's twin, or the current one replaced/challenged


def _same_name(a: str, b: str) -> bool:
    # Normalisation, case and spacing aside (an NFD "Xã  Bình Trung" is the same unit);
    # accents count: Bình Trung and Bình Trưng are two communes.
    return " ".join(nfc(a).casefold().split()) == " ".join(nfc(b).casefold().split())


def check_sender(office: Office, packet: VerifiedPacket) -> None:
    """Check 7, first half: the sender is ours and the form is one it fills."""
    unit = packet.manifest["unit"]
    code, name = unit["code"], unit["name"]
    # the children of the packet's own period: a unit declared for 2018 sends its 2018
    # report, one removed for that year does not
    child = office.children_in(packet.manifest["period"]).get(code)
    parent_code: str | None = office.unit_code
    former = office.former_units.get(code)
    # An old unit merged into one of ours sends its own packets naming its old parent; a
    # new unit often kept one old unit's code, so the name and parent tell them apart.
    if former is not None and (
        child is None
        or (unit.get("parent_code") == former.parent_code and _same_name(name, former.name))
    ):
        child, parent_code = former, former.parent_code
    if child is None:
        why = Text(f"{name} không phải đơn vị trực thuộc", f"{name} is not one of its units")
        raise reasons.not_child(code, name, office.unit.name, why)
    if unit.get("parent_code") != parent_code:
        parent = unit.get("parent_code") or "—"
        why = Text(f"gói ghi đơn vị cấp trên là {parent}", f"the packet names {parent} as parent")
        raise reasons.not_child(code, name, office.unit.name, why)
    if not _same_name(name, child.name):
        raise reasons.unit_mismatch(code, name, child.name)
    form = packet.form
    if form.level and form.level != child.level:
        raise reasons.form_wrong_level(form.id, form.level, code, child.level)
    period = Period.parse(packet.manifest["period"], form.period_kind)
    if form.year > period.year:
        raise reasons.form_not_for_period(form.id, form.version, str(period))


def judge(office: Office, packet: VerifiedPacket) -> Plan:
    """The verdict for a verified packet; AppError (check 7) when it is refused."""
    check_sender(office, packet)
    manifest = packet.manifest
    # Every revision held, without their data.json texts (a unit resending often has
    # dozens, ~10 kB each); the one the verdict names is then read whole.
    held = find_submissions(
        office.db, manifest["form"]["id"], manifest["period"], manifest["unit"]["code"],
        with_data=False,
    )  # fmt: skip
    revision, sha = packet.revision, packet.data_sha256
    twin = next((s for s in held if s.revision == revision and s.data_sha256 == sha), None)
    current = next((s for s in held if s.state == "current"), None)
    if current is not None and revision < current.revision:
        # Even a copy of a packet once held: an older revision never comes back.
        raise reasons.replay(revision, current, known=twin is not None)
    if twin is not None:
        return Plan("duplicate", _whole(office, twin))
    if current is None:
        return Plan("accepted")
    if revision == current.revision:
        return Plan("conflict", _whole(office, current))
    return Plan("superseding", _whole(office, current))


def _whole(office: Office, submission: Submission) -> Submission:
    found = get_submission(office.db, submission.id)
    assert found is not None  # read in the same transaction
    return found


__all__ = ["Plan", "check_sender", "judge"]

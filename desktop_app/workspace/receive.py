"""The receiving side as use cases over a workspace (the CLI and the window alike):
the trust list, receiving packets, conflicts and what changed, accepting or returning a
report with a signed receipt, the status board; and, for the unit that sent the report,
opening the receipt.

The receiving unit is the profile's unit; its children come from the profile's
catalogue. Each function opens nothing itself: a worker thread calls them on its own
``Workspace`` (``ui.background.in_workspace``).

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.progress import Progress, no_progress
from ..receiving.cert_input import preview_certificates as preview
from ..receiving.decisions import decide_conflict as decide
from ..receiving.decisions import list_conflicts
from ..receiving.diff import previous_submission, submission_changes
from ..receiving.office import Office
from ..receiving.packet_signer import register_packet_signer as register_signer
from ..receiving.receipt_open import check_receipt as check
from ..receiving.receipt_open import open_receipt as apply
from ..receiving.receive import receive_paths
from ..receiving.review import review_submission
from ..receiving.status import status_board as board
from ..receiving.status_xlsx import write_status_xlsx
from ..receiving.trust_store import register_certificate as register
from ..receiving.trust_store import revoke
from ..receiving.trust_store import trust_ca as trust
from ..storage.durable import atomic_write
from ..storage.received import list_received
from ..storage.submissions import find_submissions, get_submission, periods_with_submissions
from ..storage.submissions import submission_values as values
from ..storage.trust_entries import list_entries
from .appraisal import receipt_appraisal
from .workspace import Workspace, form_order

if TYPE_CHECKING:  # each use case imports its module when called (start-up time)
    from ..core.forms.model import Form
    from ..packets.identities import SigningIdentity
    from ..receiving.cert_input import CertificatePreview
    from ..receiving.diff import FieldChange
    from ..receiving.receipt_open import ReceiptCheck
    from ..receiving.receive import ReceiveReport
    from ..receiving.review import ReviewResult
    from ..receiving.status import Board, BoardRow
    from ..receiving.trust_store import Registered
    from ..storage.received import ReceivedFile
    from ..storage.submissions import Submission
    from ..storage.trust_entries import TrustEntry


def office(ws: Workspace) -> Office:
    """The profile's unit as a receiving office (AppError ``setup.missing`` without one)."""
    profile = ws.require_profile()
    return Office(ws.db, ws.data_dir, ws.forms, profile.unit_code, profile.catalogue, ws.user)


def receives(ws: Workspace) -> bool:
    """Whether the profile's unit has children to receive from (the window shows its
    receiving menu only then); False before set-up."""
    profile = ws.profile
    return profile is not None and bool(office(ws).children)


def receiving_forms(ws: Workspace) -> list[Form]:
    """The forms the children fill (the newest version of each), for the board's choice."""
    levels = {u.level for u in office(ws).children.values()}
    forms = [f for f in ws.forms.latest() if f.level in levels]
    return sorted(forms, key=lambda f: form_order(ws.forms, f, bool(board_periods(ws, f.id))))


def board_periods(ws: Workspace, form_id: str) -> list[str]:
    """Periods that received anything for the form, or hold children's figures entered
    here (``values import``), newest first."""

    profile = ws.require_profile()
    entered = ws.db.fetchall(
        "SELECT DISTINCT period FROM reports WHERE form_id = ? AND unit_code != ?",
        (form_id, profile.unit_code),
    )
    held = set(periods_with_submissions(ws.db, form_id)) | {row[0] for row in entered}
    return sorted(held, reverse=True)


# -- trust list ---------------------------------------------------------------------------


def preview_certificates(source: Path | str | bytes) -> list[CertificatePreview]:
    """The certificates in a file or pasted PEM, to show before trusting one."""

    return preview(source)


def register_certificate(
    ws: Workspace,
    source: Path | str | bytes,
    unit_code: str,
    *,
    replace: bool = False,
    note: str = "",
) -> Registered:
    """A child unit's certificate (file path, pasted PEM text or bytes) → ``Registered``."""

    return register(office(ws), source, unit_code, replace=replace, note=note)


def register_packet_signer(
    ws: Workspace, packet: Path, unit_code: str, fingerprint: str, *, note: str = ""
) -> Registered:
    """The certificate that signed a refused ``packet`` ("signer unknown"), registered for
    ``unit_code`` once the officer confirmed its ``fingerprint`` → ``Registered``."""
    return register_signer(office(ws), packet, unit_code, fingerprint, note=note)


def trust_ca(ws: Workspace, source: Path | str | bytes, *, note: str = "") -> list[Registered]:
    return trust(office(ws), source, note=note)


def revoke_trust(ws: Workspace, target: str | Path, reason: str) -> list[TrustEntry]:
    """Revoke by unit code, fingerprint or certificate (a file path or pasted PEM) → the
    ended ``TrustEntry`` rows; a certificate a trusted CA issued is recorded revoked."""

    return revoke(office(ws), target, reason)


def trust_list(ws: Workspace, *, include_ended: bool = False) -> list[TrustEntry]:
    return list_entries(ws.db, include_ended=include_ended)


# -- receiving ---------------------------------------------------------------------------


def receive(
    ws: Workspace,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    waiting: Callable[[], None] | None = None,
    *,
    parallel: bool | None = None,
    workers: int | None = None,
) -> ReceiveReport:
    """Receive files and folders → ``ReceiveReport``; ``ReceiveCancelled`` (a
    ``Cancelled``, with ``.report``) if ``progress`` cancels. ``waiting()`` is called
    if another process is receiving into the same data folder (this one then waits).
    ``parallel``: check in worker processes (default: when the batch is large enough)."""
    if waiting is None:  # receive_paths' own default: a line in the log
        return receive_paths(office(ws), list(paths), progress, parallel=parallel, workers=workers)
    return receive_paths(
        office(ws), list(paths), progress, waiting=waiting, parallel=parallel, workers=workers
    )


def received_files(ws: Workspace, **filters: Any) -> list[ReceivedFile]:
    """``received_files`` rows, oldest first (filters: unit_code, form_id, period, after_id)."""

    return list_received(ws.db, **filters)


def submissions(ws: Workspace, form_id: str, period: str, **filters: Any) -> list[Submission]:
    return find_submissions(ws.db, form_id, period, **filters)


def submission_values(ws: Workspace, submission_id: int, kind: str = "input") -> dict[str, Any]:
    """field id → value (decoded data.json value: int, bool, str; decimals as Decimal)."""

    return {
        k: json.loads(v, parse_float=Decimal) for k, v in values(ws.db, submission_id, kind).items()
    }


# -- conflicts and changes -------------------------------------------------------------


def conflicts(
    ws: Workspace, form_id: str | None = None, period: str | None = None
) -> list[tuple[Submission, Submission]]:
    """(held, pending) submissions waiting for the officer's decision."""

    return list_conflicts(office(ws), form_id, period)


def decide_conflict(ws: Workspace, pending_id: int, take: str, reason: str) -> Submission:
    """``take`` "held" or "new"; returns the submission that now counts."""

    return decide(office(ws), pending_id, take, reason)


def changes_between(ws: Workspace, old_id: int, new_id: int) -> list[FieldChange]:
    """[FieldChange(field, old, new, kind)] between two submissions, in the form's order."""

    new = get_submission(ws.db, new_id)
    form = ws.forms.by_version(new.form_id, new.form_version) if new else None
    return submission_changes(ws.db, old_id, new_id, form)


def latest_changes(
    ws: Workspace, submission_id: int
) -> tuple[Submission | None, list[FieldChange]]:
    """(the submission it superseded or None, what changed) for a submission."""

    submission = get_submission(ws.db, submission_id)
    previous = previous_submission(ws.db, submission) if submission else None
    if previous is None:
        return None, []
    return previous, changes_between(ws, previous.id, submission_id)


# -- accepting, returning, receipts ----------------------------------------------------


def review(
    ws: Workspace,
    unit_code: str,
    form_id: str,
    period: str,
    decision: str,
    reason: str,
    out_dir: Path,
    *,
    secret: str | None = None,
    identity: SigningIdentity | None = None,
) -> ReviewResult:
    """Accept ("accepted") or return ("returned") a unit's current submission and write the
    signed receipt into ``out_dir`` → ``ReviewResult`` (submission, path, receipt row).
    The receipt carries the appraisal of the unit's score items, if any was made."""

    appraisal = receipt_appraisal(ws, unit_code, form_id, period)
    return review_submission(
        office(ws), unit_code, form_id, period, decision, reason, Path(out_dir),
        secret=secret, identity=identity, appraisal=appraisal,
    )  # fmt: skip


def check_receipt(ws: Workspace, path: Path) -> ReceiptCheck:
    """A receipt for this unit's own report, checked and matched; writes nothing."""

    return check(office(ws), Path(path))


def open_receipt(
    ws: Workspace,
    path: Path,
    *,
    trust_cert: Path | str | bytes | None = None,
    fingerprint: str | None = None,
) -> ReceiptCheck:
    """Check the receipt and mark the report accepted or returned → ``ReceiptCheck``.
    With no parent certificate registered yet, only on the clerk's explicit decision:
    ``trust_cert`` (the parent's certificate) or ``fingerprint`` (read back by phone);
    otherwise AppError ``receipt.parent_unconfirmed`` with the signer to confirm."""

    return apply(office(ws), Path(path), trust_cert=trust_cert, fingerprint=fingerprint)


# -- status board ----------------------------------------------------------------------


def status_board(ws: Workspace, form_id: str, period: str) -> Board:
    return board(office(ws), form_id, period)


def export_status_xlsx(
    ws: Workspace, form_id: str, period: str, out: Path, rows: list[BoardRow] | None = None
) -> Path:
    """The board as an .xlsx (``rows`` in the order shown, default by state)."""

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    board = status_board(ws, form_id, period)
    atomic_write(out, lambda handle: write_status_xlsx(handle, board, rows))
    return out


__all__ = [
    "board_periods",
    "changes_between",
    "check_receipt",
    "conflicts",
    "decide_conflict",
    "export_status_xlsx",
    "latest_changes",
    "office",
    "open_receipt",
    "preview_certificates",
    "receive",
    "received_files",
    "receives",
    "receiving_forms",
    "register_certificate",
    "review",
    "revoke_trust",
    "status_board",
    "submission_values",
    "submissions",
    "trust_ca",
    "trust_list",
]

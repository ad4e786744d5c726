"""Checking packet files without receiving them (DESIGN §3 checks 1–6): the clerk checks
the packet they are about to send, anyone checks a file they were handed.

Trusted signers are the unit's own certificate (a clerk can always check their own
packet) and any certificate files given (a unit's or a CA's).

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..core.messages import AppError
from ..core.progress import Progress, no_progress
from ..packets.identities import current_identity
from ..packets.trust import TrustList
from ..packets.verify import PacketVerifier
from .workspace import Workspace


@dataclass(frozen=True)
class Checked:
    """One file's outcome: the verified packet, or the reason it was refused."""

    path: Path
    packet: Any = None  # packets.verify.VerifiedPacket
    error: AppError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def trust_for_checking(ws: Workspace, trust_files: Iterable[Path] = ()) -> Any:
    """A TrustList of the given certificate files plus the unit's own certificate."""

    trust = TrustList.from_files(list(trust_files))
    own = current_identity(ws.db, ws.data_dir)
    profile = ws.profile
    if own is not None and profile is not None:
        trust.add(own.certificate, profile.unit_code)
    return trust


def check_packets(
    ws: Workspace,
    paths: Sequence[Path],
    trust_files: Iterable[Path] = (),
    progress: Progress = no_progress,
) -> list[Checked]:
    """Verify each file; a refusal is an outcome, not an exception. Writes nothing."""

    outcomes: list[Checked] = []
    progress(0, len(paths))
    with PacketVerifier(ws.forms, trust_for_checking(ws, trust_files)) as verifier:
        for done, path in enumerate(paths, 1):
            try:
                outcomes.append(Checked(Path(path), packet=verifier.verify(Path(path))))
            except AppError as error:
                outcomes.append(Checked(Path(path), error=error))
            progress(done, len(paths))
    return outcomes


__all__ = ["Checked", "check_packets", "trust_for_checking"]

"""Receiving packets: one file, many, or a folder, with progress and cancel.

For each file: read it (capped); keep its bytes under ``received/`` (every file, rejected
ones too), written and fsynced by a second thread while this one runs checks 1–6
(``PacketVerifier``, trusting the database's trust list) and waited for before anything
is written to the database; then in **one transaction** check 7 and the verdict
(``judge``), the merge (``merge``) and the ``received_files`` row. A rejected file gets
that row and nothing else.

    with Receiver(office) as receiver:
        outcome = receiver.receive(Path("02080_cntt-xa_2026_r1.zip"))
    report = receive_paths(office, [folder], progress)   # many, with progress + cancel

Cancelling (the progress callback raises ``Cancelled``) stops between files: every file
reported done is committed, none after it is touched. ``ReceiveCancelled`` carries the
outcomes so far.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.messages import AppError, Text
from ..core.progress import Cancelled, Progress, no_progress
from ..packets.zipread import DEFAULT_LIMITS, ZipLimits
from ..storage.exclusive import exclusive
from ..storage.received import insert_received, is_named
from ..storage.submissions import Submission
from . import files
from .folders import PACKET_SUFFIX, Skipped, collect
from .judge import Plan, judge
from .office import Office
from .outcome import ReceiveOutcome, claimed_fields, manifest_fields
from .reasons import check_failed, explain_untrusted, not_a_file

if TYPE_CHECKING:
    from ..packets.verify import VerifiedPacket
    from .parallel import WorkerHooks

LOCK_NAME = ".receiving.lock"
WAITING = Text(
    "Một lượt nhận gói nộp khác đang chạy trên thư mục dữ liệu này; đang chờ lượt đó xong…",
    "Another receive is running on this data folder; waiting for it to finish…",
)

log = logging.getLogger(__name__)


@dataclass
class ReceiveReport:
    outcomes: list[ReceiveOutcome] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # what a folder held besides packets
    workers: int = 0  # the worker processes that checked the packets (0: in this process)

    @property
    def rejected(self) -> list[ReceiveOutcome]:
        return [o for o in self.outcomes if o.verdict == "rejected"]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for outcome in self.outcomes:
            found[outcome.verdict] = found.get(outcome.verdict, 0) + 1
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": not self.rejected,
            "counts": self.counts(),
            "packets": [o.as_dict() for o in self.outcomes],
            "skipped": [str(s.path) for s in self.skipped],  # as before, for scripts
            "skipped_reasons": [s.as_dict() for s in self.skipped],
        }


class ReceiveCancelled(Cancelled):
    """Cancelled between two files; ``report`` holds those received (all committed)."""

    def __init__(self, report: ReceiveReport) -> None:
        super().__init__()
        self.report = report


@dataclass(frozen=True)
class Begun:
    """A file read, its copy being kept, its checks to come."""

    path: Path
    incoming: files.Incoming
    keeping: Future[str | None]

    @property
    def source(self) -> Path | bytes:
        return self.incoming.data if self.incoming.data is not None else self.incoming.path


class Receiver:
    """Receives files one by one into the office's database; keeps one verifier (and the
    trust roots parsed for pyHanko) for all of them, and one thread that writes the kept
    copies."""

    def __init__(
        self,
        office: Office,
        *,
        limits: ZipLimits = DEFAULT_LIMITS,
        clock: Callable[[], datetime.datetime] | None = None,
    ) -> None:
        from ..packets.verify import PacketVerifier
        from .trust_store import DbTrustSource

        self.office = office
        self.limits = limits
        office.children  # noqa: B018  # the catalogue is read now, not inside a transaction
        self.verifier = PacketVerifier(
            office.forms, DbTrustSource(office.db), limits=limits, clock=clock
        )
        self._keeper = ThreadPoolExecutor(max_workers=1, thread_name_prefix="receive-keep")

    def close(self) -> None:
        self._keeper.shutdown(wait=True)
        self.verifier.close()

    def __enter__(self) -> Receiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def receive(self, path: Path) -> ReceiveOutcome:
        """Receive one file: its outcome, with the ``received_files`` row always written.

        Whatever a file holds, it gets a verdict: a check that fails in a way nobody
        foresaw (a library's error on a hostile file, a bug) refuses that file
        (``packet.check_failed``) and the next file is received. Only the data folder
        failing (``storage.*``) or the user stopping ends the batch, and then the copy
        kept for the file in flight is removed unless a row already names it."""
        begun = self.begin(path)
        if isinstance(begun, ReceiveOutcome):
            return begun
        return self.complete(begun, lambda: self.verifier.verify(begun.source))

    def begin(self, path: Path) -> Begun | ReceiveOutcome:
        """Read a file and start keeping its copy; the outcome already if it cannot be read.
        ``complete`` (or ``abandon``) must follow."""
        path = Path(path)
        try:
            incoming = files.read_incoming(path, self.limits.max_file_bytes)
        except files.NotAFile as exc:
            return self._record(path, files.Incoming(path, 0, "", None), None,
                                error=not_a_file(path, exc.kind))  # fmt: skip
        except OSError as exc:
            error = AppError(
                "packet.unreadable",
                Text(f"Không đọc được tệp: {exc}", f"Cannot read the file: {exc}"),
                check=1,
            )
            return self._record(path, files.Incoming(path, 0, "", None), None, error=error)
        # The kept copy is written and fsynced by another thread while the packet is
        # checked (the disk waits, the checks compute); it is on disk before the row that
        # names it is written.
        return Begun(
            path, incoming, self._keeper.submit(files.keep, self.office.data_dir, incoming)
        )

    def complete(self, begun: Begun, check: Callable[[], VerifiedPacket]) -> ReceiveOutcome:
        """Checks 1–6 (``check()``: here, or a worker's verdict), then check 7, the merge
        and the row, in one transaction."""
        try:
            return self._check_and_record(begun.path, begun.incoming, begun.keeping, check)
        except BaseException:
            self.abandon(begun)
            raise

    def abandon(self, begun: Begun) -> None:
        """A begun file that will not be completed: its kept copy is removed."""
        self._discard_orphan(begun.keeping)

    def _check_and_record(
        self,
        path: Path,
        incoming: files.Incoming,
        keeping: Future[str | None],
        check: Callable[[], VerifiedPacket],
    ) -> ReceiveOutcome:
        try:
            packet = check()
        except Cancelled:
            raise  # the user stopped while the verdict was awaited: not the file's fault
        except AppError as error:
            if error.code.startswith("storage."):
                raise  # the database failed, not the packet: stop the batch
            return self._refuse(path, incoming, keeping.result(), error)
        except Exception as exc:  # unforeseen: this file is refused, the batch goes on
            log.error("receive %s: check failed", path.name, exc_info=True)
            return self._refuse(path, incoming, keeping.result(), check_failed(exc))
        stored = keeping.result()
        try:
            return self._record(path, incoming, stored, packet=packet)
        except AppError as refused:  # raised while merging; its transaction rolled back
            if refused.code.startswith("storage."):
                raise
            failure = refused
        except Exception as exc:  # unforeseen: refused, the batch goes on
            log.error("receive %s: merge failed", path.name, exc_info=True)
            failure = check_failed(exc, check=7)
        claimed = manifest_fields(packet.manifest)
        return self._record(path, incoming, stored, error=failure, claimed=claimed)

    def _refuse(
        self, path: Path, incoming: files.Incoming, stored: str | None, error: AppError
    ) -> ReceiveOutcome:
        try:
            claimed = claimed_fields(incoming.data)
        except Exception:  # only shown: a file that breaks it claims nothing
            claimed = {}
        unit = claimed.get("unit_code")
        if unit:
            error = explain_untrusted(self.office.db, error, unit)
        return self._record(path, incoming, stored, error=error, claimed=claimed)

    def _discard_orphan(self, keeping: Future[str | None]) -> None:
        wait([keeping])  # the copy is not left half-written behind a failure
        stored = None if keeping.exception() else keeping.result()
        if stored is None:
            return
        try:
            orphan = not is_named(self.office.db, stored)
        except Exception:  # the database is what failed: keep the copy
            return
        if orphan:
            files.discard(self.office.data_dir, stored)

    def _record(
        self,
        path: Path,
        incoming: files.Incoming,
        stored: str | None,
        packet: Any = None,
        error: AppError | None = None,
        claimed: dict[str, Any] | None = None,
    ) -> ReceiveOutcome:
        db = self.office.db
        common = {
            "received_by": self.office.user,
            "file_name": path.name,
            "source_path": str(path),
            "size": incoming.size,
            "sha256": incoming.sha256,
            "stored_path": stored,
        }
        with db.transaction():
            now = db.now()
            plan: Plan | None = None
            if error is None:
                try:
                    plan = judge(self.office, packet)
                except AppError as refused:
                    if refused.code.startswith("storage."):
                        raise
                    error = refused
                except Exception as exc:  # unforeseen: refused, the batch goes on
                    log.error("receive %s: check 7 failed", path.name, exc_info=True)
                    error = check_failed(exc, check=7)
            if error is not None or plan is None:
                assert error is not None
                if claimed is None:  # refused by check 7 (a verified manifest) or unreadable
                    claimed = manifest_fields(packet.manifest) if packet is not None else {}
                row = insert_received(db, received_at=now, **common, **_rejection(error, claimed))
                return ReceiveOutcome(path, "rejected", row, error=error)
            submission = self._merge(packet, plan, stored, now)
            row = insert_received(
                db, received_at=now, **common, **_accepted(packet, plan, submission)
            )
        return ReceiveOutcome(path, plan.verdict, row, submission, previous=plan.held)

    def _merge(self, packet: Any, plan: Plan, stored: str | None, now: str) -> Submission:
        if plan.verdict == "duplicate":
            assert plan.held is not None
            return plan.held
        from .merge import store_packet

        assert stored is not None  # a verified packet was read, so it was kept
        return store_packet(self.office, packet, plan, packet_path=stored, received_at=now)


def _rejection(error: AppError, claimed: dict[str, Any]) -> dict[str, Any]:
    return {
        "verdict": "rejected",
        "reason_code": error.code,
        "check_number": error.details.get("check"),
        "message_vi": error.message.vi,
        "message_en": error.message.en,
        "signer_fingerprint": error.details.get("fingerprint"),
        **claimed,
    }


def _accepted(packet: Any, plan: Plan, submission: Submission) -> dict[str, Any]:
    manifest = packet.manifest
    return {
        "verdict": plan.verdict,
        "unit_code": manifest["unit"]["code"],
        "form_id": manifest["form"]["id"],
        "period": manifest["period"],
        "revision": packet.revision,
        "data_sha256": packet.data_sha256,
        "signer_fingerprint": packet.fingerprint,
        "submission_id": submission.id,
    }


def receive_paths(
    office: Office,
    paths: Iterable[Path],
    progress: Progress = no_progress,
    *,
    limits: ZipLimits = DEFAULT_LIMITS,
    clock: Callable[[], datetime.datetime] | None = None,
    waiting: Callable[[], None] = lambda: log.info(WAITING.en),
    parallel: bool | None = None,
    workers: int | None = None,
    hooks: WorkerHooks | None = None,
) -> ReceiveReport:
    """Receive files and folders' ``.zip`` files, ``progress(done, total)`` after each
    (committed) file; ``ReceiveCancelled`` if the callback cancels. One receive at a
    time per data folder: if another process is receiving into it, ``waiting()`` is
    called once (to say so: ``WAITING``) and this one waits for it to finish.

    ``parallel``: checks 1–6 in worker processes (``parallel``), by default when the
    batch holds ``PARALLEL_FROM`` files or more; the database ends the same either way."""
    from .parallel import PARALLEL_FROM, receive_in_workers

    chosen, skipped = collect(paths)
    report = ReceiveReport(skipped=skipped)
    total = len(chosen)
    if parallel is None:
        parallel = total >= PARALLEL_FROM
    try:
        progress(0, total)
        with (
            exclusive(Path(office.data_dir) / LOCK_NAME, waiting),
            Receiver(office, limits=limits, clock=clock) as receiver,
        ):
            if parallel:
                report.workers = receive_in_workers(
                    receiver, chosen, progress, report.outcomes,
                    workers=workers, clock=clock, hooks=hooks, done=_log_outcome,
                )  # fmt: skip
            else:
                for done, path in enumerate(chosen, 1):
                    outcome = receiver.receive(path)
                    report.outcomes.append(outcome)
                    _log_outcome(outcome)
                    progress(done, total)
    except Cancelled as cancelled:
        log.info("receive cancelled after %d of %d files", len(report.outcomes), total)
        raise ReceiveCancelled(report) from cancelled
    return report


def _log_outcome(outcome: ReceiveOutcome) -> None:
    """One line per file in the application's log: its verdict, and what it was."""
    s = outcome.submission
    if outcome.error is not None:
        log.info("receive %s: rejected, %s", outcome.path.name, outcome.error.code)
    elif s is not None:
        log.info(
            "receive %s: %s, %s %s %s r%s",
            outcome.path.name, outcome.verdict, s.unit_code, s.form_id, s.period, s.revision,
        )  # fmt: skip
    else:
        log.info("receive %s: %s", outcome.path.name, outcome.verdict)


__all__ = [
    "LOCK_NAME",
    "PACKET_SUFFIX",
    "WAITING",
    "Begun",
    "ReceiveCancelled",
    "ReceiveReport",
    "Receiver",
    "Skipped",
    "collect",
    "receive_paths",
]

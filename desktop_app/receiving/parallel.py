"""Checks 1–6 of a large batch in worker processes; one writer, in batch order.

Without a patch of any library, checking a packet's signatures and reports costs tens of
milliseconds of CPU, nearly all in pyHanko and asn1crypto. A large batch is therefore
checked by a pool of worker processes (``spawn``: the same on Windows, Linux and in the
one-folder build, whose entry calls ``multiprocessing.freeze_support``):

- a worker only verifies: it gets the forms, the trust list as plain data
  (``TrustSnapshot``: no database handle), the limits, and per packet its bytes; it
  answers with a ``Verdict`` (picklable: the verified packet's fields, or the refusal);
- the parent reads each file, keeps its copy, and commits the verdicts **in batch order**
  (check 7, the merge, the row: ``Receiver.complete``), so the database ends exactly as
  an in-process receive leaves it, and progress counts committed files;
- cancelling submits nothing more and cancels what is waiting; files begun but not
  committed lose their kept copy, as in-process. While a verdict is awaited (the first
  one waits for the workers to start) the progress callback is called again with the
  last count every ``POLL_S``, so a cancel is seen at once;
- a worker that dies (or whose answer cannot be read) is a verdict for that packet
  (``packet.check_crashed``): the pool is started again, the packet is checked once more
  alone to be sure it is the one at fault, and the rest of the batch goes on. If no
  worker ever answers (processes cannot start here), the batch is checked in process.

Imports packets (the verifier) and the receiving modules beside it; no database in a worker.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import functools
import logging
import multiprocessing
import os
import pickle
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.forms import FormRegistry
from ..core.messages import AppError, Text
from ..core.progress import Cancelled, Progress
from ..packets.verify import VerifiedPacket
from ..packets.zipread import ZipLimits
from .check_worker import Task, Verdict, refusal_of, start_worker, verify_task
from .outcome import ReceiveOutcome
from .trust_store import TrustSnapshot

log = logging.getLogger(__name__)

# Below this many files a batch is checked in this process. Measured with
# bench/bench_receive.py (1,000 packets, 2 cores, machine shared, load 6–8): CPU per
# packet 26–27 ms in process; 28–30 ms with 2 workers, of which 4.2–4.4 ms in this
# (writing) process; so an idle 2-core machine receives ≈ 37/s in process and ≈ 70/s
# with workers, ≈ 12 ms a packet gained. Starting the workers (spawn, imports, pyHanko's
# validators) delayed the first commit by up to 7.6 s on the busy machine (three runs:
# 5.5, 7.6, −0.4 s), ≈ 1.5 s idle: the pool pays for itself from ≈ 100–300 files.
PARALLEL_FROM = 200
POLL_S = 0.25  # how soon a cancel is seen while a verdict is awaited (workers starting)
MAX_WORKERS = 8  # more processes than this only adds memory: the parent commits one by one


def worker_count() -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def crashed(path: Path) -> AppError:
    """The process checking the file died (or its answer was unreadable), twice."""
    return AppError(
        "packet.check_crashed",
        Text(
            f"Tiến trình kiểm tra gói nộp «{path.name}» bị dừng đột ngột (hai lần), nên gói bị từ chối; các gói khác vẫn được nhận. Nhật ký của phần mềm ghi chi tiết.",
            f"The process checking the packet «{path.name}» stopped abruptly (twice), so it is refused; the other packets are still received. The application's log has the details.",
        ),
        check=None,
    )


# -- the parent's side ---------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerHooks:
    """Tests only: the files (by SHA-256) whose worker exits as it starts checking them;
    ``no_start``: every worker exits as it starts; ``slow_start``: seconds every worker
    waits before it is ready (an old PC starting processes)."""

    exit_on: frozenset[str] = frozenset()
    no_start: bool = False
    slow_start: float = 0.0


@dataclass
class _Ticket:
    path: Path
    task: Task
    future: Future[Verdict] = field(default_factory=Future)
    generation: int = 0


class VerifierPool:
    """Worker processes checking packets; ``result`` answers for each ticket, a crash
    included."""

    def __init__(
        self,
        forms: FormRegistry,
        trust: TrustSnapshot,
        limits: ZipLimits,
        workers: int,
        no_start: bool = False,
        slow_start: float = 0.0,
    ) -> None:
        self._start_data = _start_file(forms, trust, limits)
        self._args = (str(self._start_data), no_start, slow_start)
        self._workers = workers
        self._generation = 0
        self._executor = self._start()
        self._open: list[_Ticket] = []
        self._answered = False  # a worker answered once: the pool can start here
        self.usable = True

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=start_worker,
            initargs=self._args,
        )

    def _restart(self) -> None:
        _stop(self._executor)
        self._generation += 1
        self._executor = self._start()

    def submit(self, path: Path, task: Task) -> _Ticket | None:
        """None once the pool is unusable: the file is then checked in this process."""
        if not self.usable:
            return None
        ticket = _Ticket(path, task, self._submit(task), self._generation)
        self._open.append(ticket)
        return ticket

    def result(self, ticket: _Ticket, waiting: Callable[[], None]) -> Verdict | None:
        """The worker's verdict; None if no worker can start here (checked in process then).
        ``waiting()`` is called every ``POLL_S`` while it is awaited (it may cancel)."""
        self._open.remove(ticket)
        if not self.usable:
            return None
        try:
            return self._await(ticket.future, waiting)
        except Cancelled:
            raise
        except BrokenProcessPool:
            pass
        except Exception as exc:  # an answer that could not travel back: as a crash
            log.error("receive %s: worker failed", ticket.path.name, exc_info=exc)
        log.warning("receive %s: a worker stopped; checking it again alone", ticket.path.name)
        if ticket.generation == self._generation:
            self._restart()
        try:  # alone in a fresh pool: if it stops again, this file is the cause
            verdict = self._await(self._submit(ticket.task), waiting)
        except Cancelled:
            raise
        except Exception as exc:
            log.error("receive %s: the worker stopped again", ticket.path.name, exc_info=exc)
            self._restart()
            if not self._answered and not self._starts(waiting):
                log.error("receive: worker processes cannot start; checking in this process")
                self.usable = False
                return None
            verdict = Verdict(refusal=refusal_of(crashed(ticket.path)))
        for other in self._open:  # those lost with the pool are checked again
            if other.generation != self._generation:
                other.future = self._submit(other.task)
                other.generation = self._generation
        return verdict

    def _submit(self, task: Task) -> Future[Verdict]:
        """The pool may break at any moment (another file killed its worker): then the
        future says so, and ``result`` deals with it as with any other stop."""
        try:
            return self._executor.submit(verify_task, task)
        except BrokenProcessPool as exc:
            broken: Future[Verdict] = Future()
            broken.set_exception(exc)
            return broken

    def _await(self, future: Future[Verdict], waiting: Callable[[], None]) -> Verdict:
        while not wait([future], timeout=POLL_S).done:
            waiting()
        verdict = future.result()
        self._answered = True
        return verdict

    def _starts(self, waiting: Callable[[], None]) -> bool:
        """Whether a worker can start and answer at all (an empty file: refused at once),
        so that a file that kills its worker is told from workers that cannot start."""
        try:
            self._await(self._submit(Task(b"")), waiting)
            return True
        except Cancelled:
            raise
        except Exception:
            return False

    def close(self) -> None:
        """Nothing more runs: what waits is cancelled, what runs is waited for."""
        try:
            _stop(self._executor)
        finally:
            self._start_data.unlink(missing_ok=True)


def _start_file(forms: FormRegistry, trust: TrustSnapshot, limits: ZipLimits) -> Path:
    """What every worker starts from (the forms, the trust list, the limits: ≈ 1 MB
    pickled), in a private temporary file the workers read, not in the process object.
    Why: spawn writes the process object into a pipe to the child and, on CPython 3.11,
    holds the pipe's other end until the write is done, so a child that dies before it
    has read ≈ 1 MB leaves the parent blocked forever (seen here: a full test run hung in
    ``popen_spawn_posix._launch``); a few hundred bytes always fit in the pipe."""
    handle, name = tempfile.mkstemp(prefix="cntt-receive-", suffix=".pickle")
    with os.fdopen(handle, "wb") as out:  # mkstemp: readable by this user only
        pickle.dump((forms, trust, limits), out, protocol=pickle.HIGHEST_PROTOCOL)
    return Path(name)


# How long a pool's workers get to finish what they run before they are killed.
STOP_GRACE_S = 10.0


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut a pool down, its workers ended within ``STOP_GRACE_S``. Python 3.11's pool can
    start a replacement worker just as another dies; the broken pool then terminates the
    workers it knew and waits for that one forever (seen here: 3 runs in 4 of a worker's
    crash hung in ``shutdown(wait=True)``). This receive's workers are the only
    multiprocessing children this process starts, so every child left is one of them."""
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + STOP_GRACE_S
    for child in multiprocessing.active_children():
        child.join(max(0.0, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
            child.join(5)


def receive_in_workers(
    receiver: Any,
    paths: Sequence[Path],
    progress: Progress,
    outcomes: list[ReceiveOutcome],
    *,
    workers: int | None = None,
    clock: Callable[[], datetime.datetime] | None = None,
    hooks: WorkerHooks | None = None,
    done: Callable[[ReceiveOutcome], None] = lambda outcome: None,
) -> int:
    """Receive ``paths`` with ``receiver`` (``receive.Receiver``), checks 1–6 in workers;
    each outcome appended to ``outcomes`` and ``progress(n, total)`` after its commit.
    Returns how many processes checked them (0: no worker could start, all checked here)."""
    from .receive import Begun

    office = receiver.office
    workers = workers or worker_count()
    no_start = hooks.no_start if hooks else False
    slow_start = hooks.slow_start if hooks else 0.0
    trust = TrustSnapshot.read(office.db)
    pool = VerifierPool(office.forms, trust, receiver.limits, workers, no_start, slow_start)
    # Files read and submitted ahead of the one being committed: enough that no worker
    # waits, few enough that files at the size limit (25 MB) do not pile up in memory.
    ahead = 2 * workers
    window: deque[tuple[Begun | ReceiveOutcome, _Ticket | None]] = deque()
    upcoming = iter(paths)
    exit_on = hooks.exit_on if hooks else frozenset()
    try:
        while True:
            while len(window) < ahead and (path := next(upcoming, None)) is not None:
                begun = receiver.begin(path)
                ticket = None
                if isinstance(begun, Begun):
                    incoming = begun.incoming
                    source = incoming.data if incoming.data is not None else str(incoming.path)
                    now = clock() if clock is not None else None
                    task = Task(source, now, incoming.sha256 in exit_on)
                    ticket = pool.submit(begun.path, task)
                window.append((begun, ticket))  # ticket None: checked in this process
            if not window:
                break
            begun, ticket = window.popleft()  # ``complete`` abandons it if it raises
            if isinstance(begun, Begun):
                # the last progress again while waiting: a cancel is seen at once
                waiting = functools.partial(progress, len(outcomes), len(paths))
                outcome = receiver.complete(begun, _checked(receiver, pool, ticket, begun, waiting))
            else:
                outcome = begun
            outcomes.append(outcome)
            done(outcome)
            progress(len(outcomes), len(paths))
        return workers if pool.usable else 0
    finally:
        pool.close()
        for begun, _ in window:  # begun, never committed: no copy left behind
            if isinstance(begun, Begun):
                receiver.abandon(begun)


def _checked(
    receiver: Any,
    pool: VerifierPool,
    ticket: _Ticket | None,
    begun: Any,
    waiting: Callable[[], None],
) -> Any:
    def check() -> VerifiedPacket:
        verdict = pool.result(ticket, waiting) if ticket is not None else None
        if verdict is None:
            checked: VerifiedPacket = receiver.verifier.verify(begun.source)
            return checked
        if verdict.trace:
            log.error("receive %s: check failed\n%s", begun.path.name, verdict.trace)
        return verdict.verified(receiver.office.forms)

    return check


__all__ = [
    "MAX_WORKERS",
    "PARALLEL_FROM",
    "Task",
    "Verdict",
    "VerifierPool",
    "WorkerHooks",
    "crashed",
    "receive_in_workers",
    "verify_task",
]

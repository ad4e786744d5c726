"""The worker's side of receiving in worker processes (``parallel``): what a worker is
given for one packet (``Task``), what it answers (``Verdict``, picklable), and the two
functions a worker runs: its start (the verifier built once, with the forms, the trust
list as plain data and the limits) and checks 1–6 of one packet, which never raise.

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import os
import pickle
import time
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from ..core.forms import FormRegistry
from ..core.messages import AppError, Text
from ..packets.verify import PacketVerifier, VerifiedPacket
from .reasons import check_failed


@dataclass(frozen=True)
class Task:
    source: bytes | str  # the file's bytes, or its path when too large to hold
    now: datetime.datetime | None = None  # the receiver's clock, if it has its own
    crash: bool = False  # tests only: the worker exits at once (``WorkerHooks``)


@dataclass(frozen=True)
class Verdict:
    """A worker's answer: the verified packet's fields or the refusal (code, vi, en,
    details), and the traceback of an unforeseen error for the parent's log."""

    packet: Mapping[str, Any] | None = None
    refusal: tuple[str, str, str, dict[str, Any]] | None = None
    trace: str = ""

    def verified(self, forms: FormRegistry) -> VerifiedPacket:
        """The packet, or its refusal raised as checks 1–6 raise it."""
        if self.refusal is not None:
            code, vi, en, details = self.refusal
            raise AppError(code, Text(vi, en), **details)
        assert self.packet is not None
        fields = dict(self.packet)
        form = forms.by_version(*fields.pop("form"))
        assert form is not None  # the worker verified with these very forms
        signer = x509.load_der_x509_certificate(fields.pop("signer"))
        return VerifiedPacket(form=form, signer=signer, **fields)


_verifier: PacketVerifier | None = None


def start_worker(start_data: str, fail: bool = False, delay: float = 0.0) -> None:
    """A worker's start: the forms, trust list and limits from the file the pool wrote
    (``parallel._start_file``: not in the process object, which spawn pipes over)."""
    global _verifier
    if fail:  # tests only (``WorkerHooks.no_start``): a worker that cannot start
        os._exit(71)
    if delay:  # tests only (``WorkerHooks.slow_start``): a PC slow to start processes
        time.sleep(delay)
    with open(start_data, "rb") as source:
        forms, trust, limits = pickle.load(source)  # written by this user's receive
    _verifier = PacketVerifier(forms, trust, limits=limits)


def refusal_of(error: AppError) -> tuple[str, str, str, dict[str, Any]]:
    details = dict(error.details)
    for key, value in list(details.items()):
        try:
            pickle.dumps(value)
        except Exception:  # shown, never read back: its text is enough
            details[key] = str(value)
    return error.code, error.message.vi, error.message.en, details


def verify_task(task: Task) -> Verdict:
    """Checks 1–6 of one packet in a worker: never raises (but for the test hook)."""
    if task.crash:
        os._exit(70)
    assert _verifier is not None, "worker not started"
    real_clock = _verifier.clock
    if task.now is not None:
        _verifier.clock = lambda: task.now  # type: ignore[assignment,return-value]
    try:
        source = Path(task.source) if isinstance(task.source, str) else task.source
        packet = _verifier.verify(source)
    except AppError as error:
        return Verdict(refusal=refusal_of(error))
    except Exception as exc:  # as in process: this file is refused, the batch goes on
        return Verdict(refusal=refusal_of(check_failed(exc)), trace=traceback.format_exc())
    finally:
        _verifier.clock = real_clock
    fields = {
        "source": packet.source,
        "manifest": packet.manifest,
        "data": packet.data,
        "data_sha256": packet.data_sha256,
        "form": (packet.form.id, packet.form.version),
        "result": packet.result,
        "signer": packet.signer.public_bytes(Encoding.DER),
        "fingerprint": packet.fingerprint,
        "signed_at": packet.signed_at,
        "members": packet.members,
    }
    return Verdict(packet=fields)


__all__ = ["Task", "Verdict", "refusal_of", "start_worker", "verify_task"]

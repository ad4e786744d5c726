"""Whom a receiving unit trusts to sign for which unit (receiving check 4).

``verify`` asks a ``TrustSource`` for the anchors that apply to the unit a packet claims
to come from. An anchor is either

- a signer certificate (a commune's self-signed certificate, or a CA-issued one the
  district registered directly): the packet's signer must be exactly that certificate;
- a CA certificate: the signer must chain to it and its subject must name the unit
  (``certs.names_unit``).

An anchor bound to a unit code applies to that unit only. An unbound one (a certificate
given with ``verify --trust FILE``) applies to whichever unit the signer certificate
names, so one commune's certificate never vouches for another commune's packet.

This module holds the static list built from files; the district's persistent trust list
(a later issue) only needs to provide ``anchors_for``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography import x509

from ..core.messages import AppError, Text
from . import certs


@dataclass(frozen=True)
class TrustAnchor:
    certificate: x509.Certificate
    unit_code: str | None = None  # None: any unit the signer certificate names
    is_ca: bool = False

    @property
    def fingerprint(self) -> str:
        return certs.fingerprint(self.certificate)


class TrustSource(Protocol):
    def anchors_for(self, unit_code: str) -> Sequence[TrustAnchor]:
        """The anchors that may vouch for a packet from ``unit_code``."""
        ...


class TrustList:
    """A fixed list of anchors (files given on the command line, tests)."""

    def __init__(self, anchors: Iterable[TrustAnchor] = ()) -> None:
        self.anchors: list[TrustAnchor] = list(anchors)

    def add(self, cert: x509.Certificate, unit_code: str | None = None) -> TrustAnchor:
        """A CA certificate (basicConstraints CA) trusts what it issued; any other one
        trusts itself as a signer."""
        anchor = TrustAnchor(cert, unit_code, is_ca=certs.is_ca(cert))
        self.anchors.append(anchor)
        return anchor

    def anchors_for(self, unit_code: str) -> Sequence[TrustAnchor]:
        return [a for a in self.anchors if a.unit_code in (None, unit_code)]

    @classmethod
    def from_files(cls, paths: Iterable[Path], unit_code: str | None = None) -> TrustList:
        trust = cls()
        for path in paths:
            path = Path(path)
            try:
                found = certs.read_certificates(path.read_bytes())
            except (OSError, ValueError) as exc:
                raise AppError(
                    "trust.bad_file",
                    Text(
                        f"Không đọc được chứng thư tin cậy {path.name}: {exc}",
                        f"Cannot read the trusted certificate {path.name}: {exc}",
                    ),
                    path=str(path),
                ) from exc
            for cert in found:
                trust.add(cert, unit_code)
        return trust


@dataclass(frozen=True)
class TrustDecision:
    """How the signer will be judged: the roots pyHanko validates against, and why."""

    roots: list[x509.Certificate]
    pinned: bool  # the signer certificate itself is an anchor
    problem: str | None = None  # "no_anchor" | "not_for_unit", when nothing can vouch


def decide(signer: x509.Certificate, unit_code: str, source: TrustSource) -> TrustDecision:
    anchors = source.anchors_for(unit_code)
    for anchor in anchors:
        if anchor.is_ca or anchor.certificate != signer:
            continue
        if anchor.unit_code == unit_code or certs.names_unit(signer, unit_code):
            return TrustDecision([signer], pinned=True)
        return TrustDecision([], pinned=False, problem="not_for_unit")
    cas = [a.certificate for a in anchors if a.is_ca]
    if not cas:
        return TrustDecision([], pinned=False, problem="no_anchor")
    if not certs.names_unit(signer, unit_code):
        return TrustDecision([], pinned=False, problem="not_for_unit")
    return TrustDecision(cas, pinned=False)


__all__ = ["TrustAnchor", "TrustDecision", "TrustList", "TrustSource", "decide"]

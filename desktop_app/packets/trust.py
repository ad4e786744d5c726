"""Whom a receiving unit trusts to sign for which unit (receiving check 4).

``verify`` asks a ``TrustSource`` for the anchors that apply to the unit a packet claims
to come from. An anchor is either

- a signer certificate (a commune's self-signed certificate, or a CA-issued one the
  district registered directly): the packet's signer must be exactly that certificate;
- a CA certificate: the signer must chain to it and its subject must name that one unit
  and no other (``certs.names_unit``: exactly one UID "MĐV:CODE").

An anchor bound to a unit code applies to that unit only. An unbound one (a certificate
given with ``verify --trust FILE``) applies to whichever unit the signer certificate
names, so one commune's certificate never vouches for another commune's packet.

A certificate the trust list has **withdrawn** (revoked anywhere, or replaced for this
unit) is refused whoever issued it: a trusted CA does not bring back a certificate the
officer revoked (``TrustSource.withdrawn``). Only registering that very certificate again
does.

This module holds the static list built from files; the district's persistent trust list
is ``receiving.trust_store.DbTrustSource``.

May import: ``packets``, ``storage``, ``documents``, ``core``.
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


@dataclass(frozen=True)
class Withdrawal:
    """A certificate the trust list no longer trusts: why ("revoked" | "replaced"), since
    when (ISO 8601) and the officer's note."""

    reason: str
    at: str
    note: str = ""


class TrustSource(Protocol):
    def anchors_for(self, unit_code: str) -> Sequence[TrustAnchor]:
        """The anchors that may vouch for a packet from ``unit_code``."""
        ...

    def withdrawn(self, fingerprint: str, unit_code: str) -> Withdrawal | None:
        """Whether the certificate was revoked, or replaced as ``unit_code``'s."""
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

    def withdrawn(self, fingerprint: str, unit_code: str) -> Withdrawal | None:
        return None  # files given for one check: nothing was ever revoked

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
    # When nothing can vouch: "no_anchor" | "not_for_unit" | "names_no_unit" |
    # "names_several_units" | "withdrawn" (then ``withdrawal`` says how).
    problem: str | None = None
    withdrawal: Withdrawal | None = None
    named: tuple[str, ...] = ()  # the units the signer certificate names


def decide(signer: x509.Certificate, unit_code: str, source: TrustSource) -> TrustDecision:
    """Pinned first (the very certificate registered for this unit, or given unbound and
    naming it); then a withdrawn certificate is refused whatever CA issued it; then a
    trusted CA vouches for a certificate naming exactly this unit."""
    anchors = source.anchors_for(unit_code)
    named = tuple(certs.unit_codes(signer))
    for anchor in anchors:
        if anchor.is_ca or anchor.certificate != signer:
            continue
        if anchor.unit_code == unit_code or named == (unit_code,):
            return TrustDecision([signer], pinned=True, named=named)
        return TrustDecision([], pinned=False, problem="not_for_unit", named=named)
    withdrawal = source.withdrawn(certs.fingerprint(signer), unit_code)
    if withdrawal is not None:
        return TrustDecision([], False, problem="withdrawn", withdrawal=withdrawal, named=named)
    cas = [a.certificate for a in anchors if a.is_ca]
    if not cas:
        return TrustDecision([], pinned=False, problem="no_anchor", named=named)
    if not named:
        return TrustDecision([], pinned=False, problem="names_no_unit", named=named)
    if len(named) > 1:
        return TrustDecision([], pinned=False, problem="names_several_units", named=named)
    if named != (unit_code,):
        return TrustDecision([], pinned=False, problem="not_for_unit", named=named)
    return TrustDecision(cas, pinned=False, named=named)


__all__ = ["TrustAnchor", "TrustDecision", "TrustList", "TrustSource", "Withdrawal", "decide"]

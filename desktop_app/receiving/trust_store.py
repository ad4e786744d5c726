"""The receiving unit's trust list, kept in the database (DESIGN §2, receiving check 4).

- A child unit's certificate is registered for that unit only (file, PEM or DER, or
  pasted PEM text), with its SHA-256 fingerprint shown for confirmation by phone. It
  vouches for that unit's packets and no other: a commune's key never signs for its
  neighbour.
- An issuing CA's root certificate may be trusted: its certificates then sign for any
  unit their subject names (``certs.names_unit``; the rules are ``packets.trust.decide``).
- A unit has one registered certificate at a time. Registering another replaces it
  only when asked (``replace=True``); the old entry stays, ended, as history.
- Revoking ends an entry with the date and the officer's reason.

Every change is audited (``trust_add``, ``trust_replace``, ``trust_revoke``). The commune
side uses the same list for its parent's certificate (who signs its receipts).

May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography import x509

from ..core.text import clean_line
from ..packets import certs
from ..packets.signer_rules import public_key_id
from ..packets.trust import TrustAnchor, Withdrawal
from ..storage import Database
from ..storage.trust_entries import (
    TrustEntry,
    active_for,
    by_fingerprint,
    end_entry,
    insert_entry,
    list_entries,
)
from .cert_input import (
    CertificateInput,
    check_expiry,
    check_may_sign,
    check_names_unit,
    check_strength,
    entry_fields,
    error,
    normalise_fingerprint,
    read_certificates,
    source_name,
    unit_certificate,
)
from .office import Office
from .revocation import revoke


@dataclass(frozen=True)
class Registered:
    entry: TrustEntry
    replaced: TrustEntry | None = None  # the entry this one ended
    already: bool = False  # the same certificate was registered already: nothing written


class DbTrustSource:
    """``packets.trust.TrustSource`` over the database's active entries. Certificates are
    parsed once per entry: a folder of packets asks for the same units again and again."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._parsed: dict[int, x509.Certificate] = {}

    def _certificate(self, entry: TrustEntry) -> x509.Certificate:
        cert = self._parsed.get(entry.id)
        if cert is None:
            cert = self._parsed[entry.id] = x509.load_der_x509_certificate(entry.der)
        return cert

    def anchors_for(self, unit_code: str) -> Sequence[TrustAnchor]:
        return [
            TrustAnchor(self._certificate(e), e.unit_code, is_ca=e.is_ca)
            for e in active_for(self.db, unit_code)
        ]

    def withdrawn(self, fingerprint: str, unit_code: str) -> Withdrawal | None:
        return _withdrawal(by_fingerprint(self.db, fingerprint), unit_code)


class TrustSnapshot:
    """The same trust list as ``DbTrustSource``, as plain data read once (every entry,
    active and ended): what a verifying worker process gets instead of a database handle.
    A receive holds the receiving lock, and nothing it does changes the list."""

    def __init__(self, entries: Sequence[TrustEntry]) -> None:
        self.entries = tuple(sorted(entries, key=lambda e: e.id))
        self._parsed: dict[int, x509.Certificate] = {}

    @classmethod
    def read(cls, db: Database) -> TrustSnapshot:
        return cls(list_entries(db, include_ended=True))

    def __getstate__(self) -> tuple[TrustEntry, ...]:
        return self.entries  # parsed certificates do not pickle: parsed again in the worker

    def __setstate__(self, entries: tuple[TrustEntry, ...]) -> None:
        self.__init__(entries)  # type: ignore[misc]

    def anchors_for(self, unit_code: str) -> Sequence[TrustAnchor]:
        # as ``active_for``: its own and every CA not bound to another unit, by id
        chosen = [
            e for e in self.entries
            if e.active and (e.unit_code == unit_code or (e.is_ca and e.unit_code is None))
        ]  # fmt: skip
        return [TrustAnchor(self._certificate(e), e.unit_code, is_ca=e.is_ca) for e in chosen]

    def _certificate(self, entry: TrustEntry) -> x509.Certificate:
        cert = self._parsed.get(entry.id)
        if cert is None:
            cert = self._parsed[entry.id] = x509.load_der_x509_certificate(entry.der)
        return cert

    def withdrawn(self, fingerprint: str, unit_code: str) -> Withdrawal | None:
        newest_first = [e for e in reversed(self.entries) if e.fingerprint == fingerprint]
        return _withdrawal(newest_first, unit_code)  # as ``by_fingerprint``


def _withdrawal(entries: Sequence[TrustEntry], unit_code: str) -> Withdrawal | None:
    """A revoked certificate (for any unit: its key is no longer the unit's alone) or one
    replaced as this unit's; the latest ending wins. Checked after the active entries, so
    registering the certificate again is what brings it back. ``entries``: every entry of
    the one certificate."""
    ended = [
        e for e in entries
        if not e.active and not e.is_ca and (e.end_reason == "revoked" or e.unit_code == unit_code)
    ]  # fmt: skip
    if not ended:
        return None
    entry = max(ended, key=lambda e: e.ended_at or "")
    return Withdrawal(entry.end_reason or "revoked", entry.ended_at or "", entry.end_note or "")


def _check_unit(office: Office, unit_code: str) -> str:
    """The unit's official code, if it is a child of the office's unit or its parent."""
    unit = office.catalogue.get(unit_code)
    code = unit.code if unit else str(unit_code).strip()
    parent = office.parent.code if office.parent else None
    known = office.children.keys() | office.former_units.keys() | office.declared_codes
    # a current unit receives the old reports of its units before 1 July 2025 too
    known |= office.base_children("2024").keys()
    if code not in known and code != parent:
        raise error(
            "trust.unit_unrelated",
            f"Đơn vị {code} không trực thuộc {office.unit.name} (và không phải đơn vị cấp trên): không đăng ký chứng thư cho đơn vị này.",
            f"Unit {code} is neither under {office.unit.name} nor its parent: no certificate can be registered for it.",
            unit_code=code,
        )
    return code


def _current_for(db: Database, code: str, fingerprint: str, replace: bool) -> list[TrustEntry]:
    """The entries a new registration for ``code`` would end; refuses a certificate
    registered for another unit, or a second one for this unit without ``replace``."""
    elsewhere = [e for e in list_entries(db) if e.fingerprint == fingerprint]
    if elsewhere:
        other = elsewhere[0].unit_code or "CA"
        raise error(
            "trust.registered_elsewhere",
            f"Chứng thư này (vân tay {fingerprint}) đã được đăng ký cho đơn vị {other}: một chứng thư chỉ ký cho một đơn vị.",
            f"This certificate (fingerprint {fingerprint}) is registered for unit {other}: one certificate signs for one unit.",
            unit_code=other,
            fingerprint=fingerprint,
        )
    current = [e for e in active_for(db, code) if not e.is_ca]
    if current and not replace:
        raise error(
            "trust.exists",
            f"Đơn vị {code} đã có chứng thư được đăng ký (vân tay {current[0].fingerprint}); chọn «thay thế» nếu đơn vị đã đổi chứng thư.",
            f"Unit {code} already has a registered certificate (fingerprint {current[0].fingerprint}); choose “replace” if the unit changed its certificate.",
            unit_code=code,
            fingerprint=current[0].fingerprint,
        )
    return current


def _check_key_unique(db: Database, cert: x509.Certificate, code: str) -> None:
    """One key signs for one unit: another certificate over the same key (a second
    certificate issued for one USB token) registered for another unit is refused."""
    key = public_key_id(cert)
    for entry in list_entries(db):
        if entry.is_ca or entry.unit_code == code:
            continue
        other = x509.load_der_x509_certificate(entry.der)
        if public_key_id(other) == key:
            raise error(
                "trust.key_registered_elsewhere",
                f"Khoá của chứng thư này cũng là khoá của chứng thư đã đăng ký cho đơn vị {entry.unit_code} (vân tay {entry.fingerprint}): một khoá chỉ ký cho một đơn vị.",
                f"This certificate's key is also the key of the certificate registered for unit {entry.unit_code} (fingerprint {entry.fingerprint}): one key signs for one unit.",
                unit_code=entry.unit_code,
                fingerprint=entry.fingerprint,
            )


def register_certificate(
    office: Office,
    source: CertificateInput,
    unit_code: str,
    *,
    replace: bool = False,
    note: str = "",
    now: datetime.datetime | None = None,
) -> Registered:
    """Register a unit's certificate (one transaction, audited). Registering the same
    certificate again changes nothing; another one for a unit that has one is refused
    unless ``replace``, which ends the old entry."""
    cert = unit_certificate(read_certificates(source), source_name(source))
    code = _check_unit(office, unit_code)
    check_names_unit(cert, code)
    check_expiry(cert, now or datetime.datetime.now(datetime.UTC))
    check_may_sign(cert)
    check_strength(cert)
    fields = entry_fields(cert)
    fingerprint = certs.fingerprint(cert)
    db, note = office.db, clean_line(note)
    with db.transaction():
        same = [e for e in active_for(db, code) if e.fingerprint == fingerprint and not e.is_ca]
        if same:
            return Registered(same[0], already=True)
        current = _current_for(db, code, fingerprint, replace)
        _check_key_unique(db, cert, code)
        entry = insert_entry(db, unit_code=code, is_ca=False, user=office.user, note=note, **fields)
        replaced = None
        for old in current:
            replaced = end_entry(
                db, old.id, reason="replaced", note=note, user=office.user, replaced_by=entry.id
            )
    return Registered(entry, replaced)


def trust_ca(
    office: Office,
    source: CertificateInput,
    *,
    note: str = "",
    now: datetime.datetime | None = None,
) -> list[Registered]:
    """Trust every CA certificate in ``source`` for any child unit its certificates name."""
    moment = now or datetime.datetime.now(datetime.UTC)
    cas = [c for c in read_certificates(source) if certs.is_ca(c)]
    if not cas:
        raise error(
            "trust.not_ca",
            "Tệp không có chứng thư của tổ chức cấp chứng thư (CA); chứng thư của một đơn vị được đăng ký cho mã đơn vị đó (--unit).",
            "The file holds no certificate authority certificate; a unit's certificate is registered for its unit code (--unit).",
        )
    results = []
    with office.db.transaction():
        for cert in cas:
            check_expiry(cert, moment)
            check_strength(cert)
            fields = entry_fields(cert)
            same = [e for e in list_entries(office.db) if e.fingerprint == fields["fingerprint"]]
            if same:
                results.append(Registered(same[0], already=True))
                continue
            entry = insert_entry(
                office.db, unit_code=None, is_ca=True, user=office.user,
                note=clean_line(note), **fields,
            )  # fmt: skip
            results.append(Registered(entry))
    return results


def list_trust(office: Office, *, include_ended: bool = False) -> list[TrustEntry]:
    """The trust list (with ended entries as history if asked)."""
    return list_entries(office.db, include_ended=include_ended)


__all__ = [
    "CertificateInput",
    "DbTrustSource",
    "Registered",
    "TrustSnapshot",
    "list_trust",
    "normalise_fingerprint",
    "read_certificates",
    "register_certificate",
    "revoke",
    "trust_ca",
]

"""Time: a packet cannot lie about when it was made (issue 14 §3).

The manifest's ``created_at`` must agree with the CMS signing time; the period must have
started; the signing time may not be before the period began."""

from __future__ import annotations

import datetime

from desktop_app.packets.manifest import manifest_bytes
from desktop_app.packets.timecheck import CREATED_AT_TOLERANCE
from tests import odd_certs as odd
from tests import pki

from .kit import A, edited, make_zip, set_value, unpack

VN = datetime.timezone(datetime.timedelta(hours=7))


def created_at(kit, moment: datetime.datetime) -> bytes:
    """A's genuine data signed now by A's registered key, its manifest saying it was
    made at ``moment`` (the signature is made over that manifest: it verifies)."""
    import json

    from desktop_app.packets import signing

    members = unpack(edited(kit, lambda d: None))
    manifest = json.loads(members["manifest.json"])
    manifest["created_at"] = moment.astimezone(VN).isoformat(timespec="seconds")
    members["manifest.json"] = manifest_bytes(manifest)
    members["manifest.json.p7s"] = signing.sign_detached(kit["signer_a"], members["manifest.json"])
    return make_zip(list(members.items()))


def next_year() -> str:
    return str(datetime.datetime.now(VN).year + 1)


def signed_before_the_period(kit) -> bytes:
    """A's report for its period, signed (and said made) the evening before 1 January of
    that year, by a certificate the CA issued for A valid then."""
    year = int(kit["data"]["period"][:4])
    moment = datetime.datetime(year - 1, 12, 31, 20, 0, tzinfo=VN)
    ca_key, ca_cert = kit["ca"]
    key, cert = odd.issued(
        ca_key, ca_cert, odd.naming(f"MĐV:{A}"), not_before=moment - datetime.timedelta(days=30)
    )
    signer = pki.signer_for(key, cert, [ca_cert])
    return edited({**kit, "early": signer}, lambda d: None, "early", moment=moment)


# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {
    "made in 2000, signed today": (
        lambda k: created_at(k, datetime.datetime(2000, 1, 1, 8, 0, tzinfo=VN)),
        "packet.created_at_mismatch",
    ),
    "made a day after it was signed": (
        lambda k: created_at(k, pki.now() + datetime.timedelta(days=1)),
        "packet.created_at_mismatch",
    ),
    "made just outside the tolerance before signing": (
        lambda k: created_at(k, pki.now() - CREATED_AT_TOLERANCE - datetime.timedelta(minutes=1)),
        "packet.created_at_mismatch",
    ),
    "report for 2099": (
        lambda k: edited(k, set_value("period", "2099")),
        "packet.period_not_started",
    ),
    "report for next year": (
        lambda k: edited(k, set_value("period", next_year())),
        "packet.period_not_started",
    ),
    "signed before the period began": (signed_before_the_period, "packet.signed_before_period"),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = set()

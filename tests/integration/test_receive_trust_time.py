"""The hostile kinds of issue 14 §2 that need the trust list changed first: a certificate
a trusted CA issued stays refused once the officer revoked or replaced it, whether it was
registered or not; a registered certificate whose key may not sign (a list made before
the rule) signs nothing. And §3 on the status board: on time is judged by the signing
time, and the board shows it beside the day the file was received."""

from __future__ import annotations

import json

from desktop_app.packets import certs
from desktop_app.receiving.cert_input import entry_fields
from desktop_app.storage.trust_entries import insert_entry
from desktop_app.workspace import receive as use
from tests import odd_certs as odd
from tests import pki
from tests.support import fleet as F

from . import test_receive_hostile as hostile
from .hostile.kit import C

# The hostile set's fixtures: a district that registered the 20 communes and trusts a CA.
chodon, kit, district, _refused = hostile.chodon, hostile.kit, hostile.district, hostile._refused


def _signed_for_c(kit, chodon, tmp_path, revision=2, key_cert=None, **options):
    """(path, (key, certificate)): C's data as ``revision``, signed by a certificate the
    kit's trusted CA issued for C (``key_cert``, or a new one)."""
    ca_key, ca_cert = kit["ca"]
    if key_cert is None:
        subject = odd.naming(f"MĐV:{C}", common_name=chodon.communes[C].name)
        key_cert = odd.issued(ca_key, ca_cert, subject, **options)
    data = json.loads(json.dumps(F.packet_data(chodon.communes[C].packet), default=str))
    data["revision"] = revision
    raw = F.signed_packet(data, pki.signer_for(*key_cert, [ca_cert]))
    path = tmp_path / f"{C}_cntt-xa_2026_r{revision}.zip"
    path.write_bytes(raw)
    return path, key_cert


def _pem(tmp_path, cert, name="c.pem"):
    path = tmp_path / name
    path.write_bytes(pki.pem(cert))
    return path


def test_a_revoked_registered_certificate_stays_refused_though_a_ca_issued_it(
    kit, chodon, district, tmp_path
):
    path, (_, cert) = _signed_for_c(kit, chodon, tmp_path)
    use.register_certificate(district, _pem(tmp_path, cert), C, replace=True, note="Chứng thư CA")
    use.revoke_trust(district, C, "Xã báo mất USB ký số")
    row = _refused(district, path, "packet.signer_revoked")
    assert "mất USB" in row.message_vi and row.signer_fingerprint == certs.fingerprint(cert)


def test_a_replaced_ca_issued_certificate_stays_refused(kit, chodon, district, tmp_path):
    path, (_, cert) = _signed_for_c(kit, chodon, tmp_path)
    use.register_certificate(district, _pem(tmp_path, cert), C, replace=True)
    _, newer = pki.self_signed(C, chodon.communes[C].name)
    use.register_certificate(district, _pem(tmp_path, newer, "moi.pem"), C, replace=True)
    _refused(district, path, "packet.signer_replaced")


def test_a_ca_issued_certificate_is_revoked_by_its_fingerprint(kit, chodon, district, tmp_path):
    """Never registered: the CA vouched for it and its packet was received. The officer
    revokes it by the fingerprint the receiving log shows; its next packet is refused."""
    path, key_cert = _signed_for_c(kit, chodon, tmp_path)
    [first] = use.receive(district, [path]).outcomes
    assert first.verdict == "superseding", first.message().en
    fingerprint = certs.fingerprint(key_cert[1])
    [entry] = use.revoke_trust(district, fingerprint.replace(":", " ").lower(), "Khoá bị lộ")
    assert (entry.unit_code, entry.end_reason, entry.fingerprint) == (C, "revoked", fingerprint)
    assert not entry.active and entry.end_note == "Khoá bị lộ"
    later, _ = _signed_for_c(kit, chodon, tmp_path, revision=3, key_cert=key_cert)
    row = _refused(district, later, "packet.signer_revoked")
    assert "Khoá bị lộ" in row.message_vi


def test_a_registered_certificate_whose_key_may_not_sign(kit, chodon, district, tmp_path):
    """A list made before the rule: the entry is written as the old code wrote it."""
    path, (_, cert) = _signed_for_c(kit, chodon, tmp_path, signing=False)
    with district.db.transaction():
        district.db.execute(
            "UPDATE trust_entries SET ended_at = ?, end_reason = 'replaced'"
            " WHERE unit_code = ? AND ended_at IS NULL",
            (district.db.now(), C),
        )
        insert_entry(district.db, unit_code=C, is_ca=False, user="bản cũ", **entry_fields(cert))
    _refused(district, path, "packet.signer_key_usage")


def test_the_board_judges_by_the_signing_time(chodon, tmp_path):
    """A packet signed after the deadline is late whatever its manifest says; the board
    carries the signing time beside the time received."""
    data_dir = F.fresh_district(chodon, tmp_path / "huyen")
    with F.open_ws(data_dir) as ws:
        use.register_certificate(ws, chodon.communes[C].cert, C)
        use.receive(ws, [chodon.communes[C].packet])
        [held] = use.submissions(ws, "cntt-xa", "2026", unit_code=C)
        with ws.db.transaction():  # what a lying packet stored before the time rules
            ws.db.execute(
                "UPDATE submissions SET created_at = ?, signed_at = ? WHERE id = ?",
                ("2027-01-10T08:00:00+07:00", "2027-02-01T09:30:00+07:00", held.id),
            )
        row = next(r for r in use.status_board(ws, "cntt-xa", "2026").rows if r.unit_code == C)
    assert row.on_time is False and row.days_late == 17
    assert row.first_signed_at == row.signed_at == "2027-02-01T09:30:00+07:00"
    assert row.received_at == held.received_at

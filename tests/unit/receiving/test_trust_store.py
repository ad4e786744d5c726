"""The district's trust list in the database: register, replace, revoke, CAs, history,
and the rule that a certificate registered for one unit never vouches for another."""

from __future__ import annotations

import datetime

import pytest
from cryptography.hazmat.primitives.serialization import Encoding

from desktop_app.core.messages import AppError
from desktop_app.packets import certs
from desktop_app.packets.trust import decide
from desktop_app.receiving.trust_store import DbTrustSource, normalise_fingerprint
from desktop_app.storage import history
from desktop_app.workspace import receive as use
from tests import pki


@pytest.fixture(scope="module")
def keys():
    return {
        "02080": pki.self_signed("02080", "Xã Bình Trung"),
        "02083": pki.self_signed("02083", "Xã Yên Phong"),
        "ca": pki.make_ca("CA Chính phủ (thử)"),
    }


def _pem(tmp_path, cert, name="cert.pem"):
    path = tmp_path / name
    path.write_bytes(pki.pem(cert))
    return path


def _code(call):
    with pytest.raises(AppError) as refused:
        call()
    assert refused.value.message.vi and refused.value.message.en
    return refused.value.code


def test_register_a_commune_certificate(district, keys, tmp_path):
    cert = keys["02080"][1]
    done = use.register_certificate(district, _pem(tmp_path, cert), "2080")  # zeros dropped
    entry = done.entry
    assert (entry.unit_code, entry.is_ca, entry.active) == ("02080", False, True)
    assert entry.fingerprint == certs.fingerprint(cert) and "serialNumber=02080" in entry.subject
    again = use.register_certificate(district, _pem(tmp_path, cert), "02080")
    assert again.already and again.entry.id == entry.id
    assert [a.kind for a in history(district.db, None)].count("trust_add") == 1


def test_der_file_and_pasted_pem_text(district, keys, tmp_path):
    der = tmp_path / "yen-phong.cer"
    der.write_bytes(keys["02083"][1].public_bytes(Encoding.DER))
    assert use.register_certificate(district, der, "02083").entry.unit_code == "02083"
    text = "  \n" + pki.pem(keys["02080"][1]).decode() + "\n"
    assert use.register_certificate(district, text, "02080").entry.unit_code == "02080"
    assert (
        _code(lambda: use.register_certificate(district, "không phải PEM", "02080"))
        == "trust.bad_file"
    )


def test_a_certificate_speaks_for_its_unit_only(district, keys, tmp_path):
    path = _pem(tmp_path, keys["02080"][1])
    assert (
        _code(lambda: use.register_certificate(district, path, "02083")) == "trust.names_other_unit"
    )
    _, unnamed = pki.issue(*keys["ca"], uid=None, common_name="UBND xã")
    plain = _pem(tmp_path, unnamed, "unnamed.pem")
    use.register_certificate(district, plain, "02083")
    assert (
        _code(lambda: use.register_certificate(district, plain, "02047"))
        == "trust.registered_elsewhere"
    )
    source = DbTrustSource(district.db)
    assert decide(unnamed, "02083", source).pinned
    assert decide(unnamed, "02047", source).problem == "no_anchor"
    assert [a.unit_code for a in source.anchors_for("02047")] == []


def test_only_children_or_the_parent(district, keys, tmp_path):
    _, far = pki.self_signed("01888", "Thị trấn Chợ Rã")
    refused = _code(lambda: use.register_certificate(district, _pem(tmp_path, far), "01888"))
    assert refused == "trust.unit_unrelated"
    _, province = pki.self_signed("06", "Tỉnh Bắc Kạn")  # the parent signs the receipts
    assert (
        use.register_certificate(district, _pem(tmp_path, province), "06").entry.unit_code == "06"
    )


def test_replace_keeps_history(district, keys, tmp_path):
    first = use.register_certificate(district, _pem(tmp_path, keys["02080"][1]), "02080").entry
    _, newer = pki.self_signed("02080", "Xã Bình Trung")
    path = _pem(tmp_path, newer, "moi.pem")
    assert _code(lambda: use.register_certificate(district, path, "02080")) == "trust.exists"
    done = use.register_certificate(district, path, "02080", replace=True, note="Đổi máy")
    assert done.replaced.id == first.id and done.replaced.end_reason == "replaced"
    assert done.replaced.replaced_by == done.entry.id and done.replaced.ended_at
    assert [e.id for e in use.trust_list(district)] == [done.entry.id]
    assert {e.id for e in use.trust_list(district, include_ended=True)} == {first.id, done.entry.id}
    kinds = [a.kind for a in history(district.db, None)]
    assert "trust_replace" in kinds


def test_revoke_by_fingerprint_or_code(district, keys, tmp_path):
    a = use.register_certificate(district, _pem(tmp_path, keys["02080"][1]), "02080").entry
    b = use.register_certificate(district, _pem(tmp_path, keys["02083"][1], "b.pem"), "02083").entry
    assert _code(lambda: use.revoke_trust(district, "02080", "")) == "trust.reason_required"
    loose = a.fingerprint.replace(":", "").lower()
    assert normalise_fingerprint(loose) == a.fingerprint
    [ended] = use.revoke_trust(district, loose, "Lộ khoá")
    assert (ended.id, ended.end_reason, ended.end_note) == (a.id, "revoked", "Lộ khoá")
    [ended] = use.revoke_trust(district, "02083", "Xã đổi chứng thư số")
    assert ended.id == b.id
    assert use.trust_list(district) == []
    assert _code(lambda: use.revoke_trust(district, "02083", "lại")) == "trust.not_found"
    [revoke] = [a for a in history(district.db, None) if a.kind == "trust_revoke"][:1]
    assert revoke.new == "Xã đổi chứng thư số"


def test_certificate_authorities(district, keys, tmp_path):
    ca_key, ca_cert = keys["ca"]
    ca_file = _pem(tmp_path, ca_cert, "ca.pem")
    assert _code(lambda: use.register_certificate(district, ca_file, "02080")) == "trust.is_ca"
    leaf = _pem(tmp_path, keys["02080"][1], "leaf.pem")
    assert _code(lambda: use.trust_ca(district, leaf)) == "trust.not_ca"
    [done] = use.trust_ca(district, ca_file, note="CA thử")
    assert done.entry.is_ca and done.entry.unit_code is None
    assert use.trust_ca(district, ca_file)[0].already
    _, issued = pki.issue(ca_key, ca_cert, uid="MĐV:02047", key_kind="ec")
    source = DbTrustSource(district.db)
    assert decide(issued, "02047", source).roots == [ca_cert]
    assert decide(issued, "02080", source).problem == "not_for_unit"


def test_expired_certificate_is_not_registered(district, tmp_path):
    old = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=6 * 366)
    _, cert = pki.self_signed("02080", "Xã Bình Trung", moment=old)
    refused = _code(lambda: use.register_certificate(district, _pem(tmp_path, cert), "02080"))
    assert refused == "trust.cert_expired"


# -- issue 14 §2: only the registered signer, for exactly its unit, until revoked --------


def test_revoking_a_registered_certificate_wins_over_the_ca_that_issued_it(
    district, keys, tmp_path
):
    ca_key, ca_cert = keys["ca"]
    use.trust_ca(district, _pem(tmp_path, ca_cert, "ca.pem"))
    _, leaf = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec")
    use.register_certificate(district, _pem(tmp_path, leaf, "leaf.pem"), "02080")
    source = DbTrustSource(district.db)
    assert decide(leaf, "02080", source).pinned
    use.revoke_trust(district, "02080", "Mất USB ký số")
    refused = decide(leaf, "02080", source)
    assert (refused.problem, refused.roots) == ("withdrawn", [])
    assert (refused.withdrawal.reason, refused.withdrawal.note) == ("revoked", "Mất USB ký số")
    # another certificate the CA issued for the unit still signs (the CA is still trusted)
    _, renewed = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec")
    assert decide(renewed, "02080", source).roots == [ca_cert]
    # registering the revoked certificate again is the one way to bring it back
    use.register_certificate(district, _pem(tmp_path, leaf, "leaf.pem"), "02080")
    assert decide(leaf, "02080", source).pinned


def test_a_replaced_certificate_is_not_brought_back_by_the_ca(district, keys, tmp_path):
    ca_key, ca_cert = keys["ca"]
    use.trust_ca(district, _pem(tmp_path, ca_cert, "ca.pem"))
    _, leaf = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec")
    use.register_certificate(district, _pem(tmp_path, leaf, "leaf.pem"), "02080")
    use.register_certificate(
        district, _pem(tmp_path, keys["02080"][1], "moi.pem"), "02080", replace=True
    )
    refused = decide(leaf, "02080", DbTrustSource(district.db))
    assert (refused.problem, refused.withdrawal.reason) == ("withdrawn", "replaced")


def test_a_ca_issued_certificate_is_revoked_by_its_file(district, keys, tmp_path):
    """Never registered (the CA vouched for it), so revoked as that certificate."""
    ca_key, ca_cert = keys["ca"]
    use.trust_ca(district, _pem(tmp_path, ca_cert, "ca.pem"))
    _, leaf = pki.issue(ca_key, ca_cert, uid="MĐV:02083", key_kind="ec")
    fingerprint = certs.fingerprint(leaf)
    unknown = _code(lambda: use.revoke_trust(district, fingerprint, "Lộ khoá"))
    assert unknown == "trust.not_found"  # no file, and no packet of it received here
    [entry] = use.revoke_trust(district, _pem(tmp_path, leaf, "leaf.pem"), "Lộ khoá")
    assert (entry.unit_code, entry.fingerprint, entry.end_reason) == (
        "02083",
        fingerprint,
        "revoked",
    )
    assert decide(leaf, "02083", DbTrustSource(district.db)).problem == "withdrawn"
    again = _code(lambda: use.revoke_trust(district, pki.pem(leaf).decode(), "lại"))
    assert again == "trust.already_revoked"
    kinds = [a.kind for a in history(district.db, None)]
    assert kinds.count("trust_revoke") == 1 and kinds.count("trust_add") == 1  # the CA's


def test_key_usage_is_checked_for_a_registered_certificate(district, keys, tmp_path):
    _, no_signing = pki.issue(*keys["ca"], uid="MĐV:02080", key_kind="ec", signing=False)
    path = _pem(tmp_path, no_signing)
    assert _code(lambda: use.register_certificate(district, path, "02080")) == "trust.key_usage"
    assert use.trust_list(district) == []


def test_weak_keys_and_digests_are_refused(district, keys, tmp_path):
    from tests import odd_certs as odd

    ca_key, ca_cert = keys["ca"]
    subject = odd.naming("MĐV:02080")
    for kind in ("rsa1024", "p192"):
        _, weak = odd.issued(ca_key, ca_cert, subject, key=odd.weak_key(kind))
        path = _pem(tmp_path, weak, f"{kind}.pem")
        refused = _code(lambda path=path: use.register_certificate(district, path, "02080"))
        assert refused == "trust.weak_key", kind
    _, good = odd.issued(ca_key, ca_cert, subject)
    sha1 = _pem(tmp_path, odd.resign(good, ca_key, "sha1"), "sha1.pem")
    with pytest.raises(AppError) as refused:
        use.register_certificate(district, sha1, "02080")
    assert refused.value.code == "trust.weak_digest" and "SHA-1" in refused.value.message.vi
    old_ca = _pem(tmp_path, odd.ca_with_key(odd.weak_key("rsa1024")), "old-ca.pem")
    assert _code(lambda: use.trust_ca(district, old_ca)) == "trust.weak_key"
    assert use.trust_list(district) == []


def test_one_key_signs_for_one_unit(district, keys, tmp_path):
    from tests import odd_certs as odd

    ca_key, ca_cert = keys["ca"]
    key = pki.make_key("ec")
    _, first = odd.issued(ca_key, ca_cert, odd.naming(), key=key)  # names no unit
    _, second = odd.issued(ca_key, ca_cert, odd.naming(), key=key)  # same key, new cert
    use.register_certificate(district, _pem(tmp_path, first, "1.pem"), "02080")
    refused = _code(lambda: use.register_certificate(district, _pem(tmp_path, second), "02083"))
    assert refused == "trust.key_registered_elsewhere"
    renewed = use.register_certificate(district, _pem(tmp_path, second), "02080", replace=True)
    assert renewed.replaced is not None  # the same unit renewing over its key is fine


def test_a_certificate_naming_two_units_is_not_registered(district, keys, tmp_path):
    from tests import odd_certs as odd

    _, both = odd.issued(*keys["ca"], odd.naming("MĐV:02080", "MĐV:02083"))
    path = _pem(tmp_path, both)
    refused = _code(lambda: use.register_certificate(district, path, "02080"))
    assert refused == "trust.names_several_units"


def test_a_self_signed_ca_true_certificate_is_pinned_to_one_unit(district, tmp_path):
    """What ``openssl req -x509`` makes by default: registering it for one unit is less
    than trusting it as a CA, and the officer is not pushed to --ca."""
    from desktop_app.receiving.cert_input import preview_certificates
    from tests import odd_certs as odd

    _, cert = odd.self_signed_ca_true("02080")
    path = _pem(tmp_path, cert)
    [preview] = preview_certificates(path)
    assert not preview.is_ca and preview.unit_codes == ("02080",)
    entry = use.register_certificate(district, path, "02080").entry
    assert (entry.unit_code, entry.is_ca) == ("02080", False)
    source = DbTrustSource(district.db)
    assert decide(cert, "02080", source).pinned
    _, issued_by_it = pki.issue(odd.self_signed_ca_true("02083")[0], cert, uid="MĐV:02083")
    assert decide(issued_by_it, "02083", source).problem == "no_anchor"  # vouches for nothing


def test_the_snapshot_given_to_workers_decides_as_the_database(district, keys, tmp_path):
    """Issue 15: worker processes get the trust list as plain data (``TrustSnapshot``,
    pickled), and must decide exactly as ``DbTrustSource``: pinned, CA-issued, revoked,
    replaced, for another unit."""
    import pickle

    from desktop_app.receiving.trust_store import TrustSnapshot

    ca_key, ca_cert = keys["ca"]
    use.trust_ca(district, _pem(tmp_path, ca_cert, "ca.pem"))
    _, revoked = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec")
    use.register_certificate(district, _pem(tmp_path, revoked, "revoked.pem"), "02080")
    use.revoke_trust(district, "02080", "Mất USB ký số")
    _, replaced = pki.issue(ca_key, ca_cert, uid="MĐV:02083", key_kind="ec")
    use.register_certificate(district, _pem(tmp_path, replaced, "old.pem"), "02083")
    use.register_certificate(
        district, _pem(tmp_path, keys["02083"][1], "new.pem"), "02083", replace=True
    )
    _, issued = pki.issue(ca_key, ca_cert, uid="MĐV:02080", key_kind="ec")
    snapshot = pickle.loads(pickle.dumps(TrustSnapshot.read(district.db)))
    source = DbTrustSource(district.db)
    seen = set()
    for cert in (revoked, replaced, issued, keys["02080"][1], keys["02083"][1], ca_cert):
        for unit in ("02080", "02083", "02086"):
            there, here = decide(cert, unit, snapshot), decide(cert, unit, source)
            assert (there.problem, there.pinned, there.roots, there.withdrawal) == (
                here.problem, here.pinned, here.roots, here.withdrawal,
            )  # fmt: skip
            seen.add(here.problem)
    assert {"withdrawn", None} <= seen  # the cases above do differ

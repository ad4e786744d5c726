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

"""Hostile packets, made by the tests from genuine ones: each is refused with its own
reason code, the database is exactly as before (a dump of every table but the received
files' log), and the file is still kept with its verdict so the officer can show what
arrived. The cases are in ``tests/integration/hostile/``, one module per topic."""

from __future__ import annotations

import shutil

import pytest

from desktop_app.workspace import receive as use
from tests import pki
from tests.support import fleet as F

from .hostile import CASES, OTHER_KINDS
from .hostile.kit import A, B, C, district_form_data


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def kit(chodon, tmp_path_factory):
    """A district that registered the 20 communes, trusts a CA and received the folder;
    the genuine packet of commune A; signers."""
    template = F.fresh_district(chodon, tmp_path_factory.mktemp("hostile") / "district")
    ca_key, ca_cert = pki.make_ca("CA Thử nghiệm")
    with F.open_ws(template) as ws:
        for commune in chodon.communes.values():
            use.register_certificate(ws, commune.cert, commune.code)
        use.trust_ca(ws, pki.pem(ca_cert).decode())
        assert not use.receive(ws, [chodon.packets]).rejected
    return {
        "template": template,
        "genuine": chodon.communes[A].packet.read_bytes(),
        "data": F.packet_data(chodon.communes[A].packet),
        "signer_a": F.commune_signer(chodon.communes[A].data_dir)[0],
        "signer_b": F.commune_signer(chodon.communes[B].data_dir)[0],
        "ca": (ca_key, ca_cert),
        "huyen_data": district_form_data(tmp_path_factory.mktemp("huyen-form")),
    }


@pytest.fixture
def district(kit, tmp_path):
    data_dir = shutil.copytree(kit["template"], tmp_path / "district")
    with F.open_ws(data_dir) as ws:
        yield ws


def _refused(ws, path, code):
    before = F.table_dump(ws.db)
    [outcome] = use.receive(ws, [path]).outcomes
    assert outcome.verdict == "rejected", outcome.message().en
    assert outcome.error.code == code, outcome.error.message.en
    assert outcome.error.message.vi and outcome.error.message.en
    assert F.table_dump(ws.db) == before
    row = use.received_files(ws)[-1]
    assert (row.verdict, row.reason_code, row.file_name) == ("rejected", code, path.name)
    assert row.message_vi == outcome.error.message.vi
    return row


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_packet_is_refused_with_its_reason(kit, district, tmp_path, case):
    make, code = CASES[case]
    path = tmp_path / f"{A}_cntt-xa_2026_r1.zip"
    path.write_bytes(make(kit))
    row = _refused(district, path, code)
    assert (district.data_dir / row.stored_path).read_bytes() == path.read_bytes()


def test_revoked_trust(chodon, district):
    use.revoke_trust(district, C, "Xã báo mất thiết bị chứa khoá")
    row = _refused(district, chodon.communes[C].packet, "packet.signer_revoked")
    assert row.unit_code == C and row.signer_fingerprint == chodon.communes[C].fingerprint
    assert "mất thiết bị" in row.message_vi


def test_replaced_certificate(chodon, district, tmp_path):
    _, cert = pki.self_signed(C, chodon.communes[C].name)
    new = tmp_path / "moi.pem"
    new.write_bytes(pki.pem(cert))
    use.register_certificate(district, new, C, replace=True, note="Chứng thư mới")
    _refused(district, chodon.communes[C].packet, "packet.signer_replaced")


def test_file_too_large_is_logged_but_not_kept(district, tmp_path):
    path = tmp_path / "khong-lo.zip"
    with path.open("wb") as handle:
        handle.truncate(49 * 1024 * 1024)
    row = _refused(district, path, "packet.too_large")
    assert row.stored_path is None and row.size == 49 * 1024 * 1024 and len(row.sha256) == 64


# Issue 14 asks for at least 45; the set holds 129 (110 packets, 11 of them about evidence
# files, and 19 other kinds).
KINDS_AT_LEAST = 125


def test_the_set_has_its_kinds():
    assert len({*CASES, *OTHER_KINDS, "revoked", "replaced", "replay"}) >= KINDS_AT_LEAST


def test_a_file_that_cannot_be_read(district, tmp_path):
    row = _refused(district, tmp_path / "da-xoa.zip", "packet.unreadable")
    assert row.stored_path is None and row.sha256 == ""

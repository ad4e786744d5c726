"""Accepting and returning reports with a signed receipt, and the commune opening it:
its report becomes accepted or returned; a forged, tampered or misdirected receipt is
refused with its own reason and changes nothing."""

from __future__ import annotations

import datetime
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from desktop_app.core.messages import AppError
from desktop_app.packets import certs
from desktop_app.receiving.receipt_format import build_receipt
from desktop_app.storage import get_report, history
from desktop_app.storage.receipts import list_receipts
from desktop_app.workspace import receive as use
from desktop_app.workspace.entry import set_values
from tests import pki
from tests.support import fleet as F

A, B = "02080", "02083"


@pytest.fixture(scope="module")
def chodon(tmp_path_factory):
    return F.build_fleet(tmp_path_factory)


@pytest.fixture(scope="module")
def district(chodon, tmp_path_factory):
    data_dir = F.fresh_district(chodon, tmp_path_factory.mktemp("receipts") / "huyen")
    with F.open_ws(data_dir) as ws:
        for code in (A, B):
            use.register_certificate(ws, chodon.communes[code].cert, code)
        use.receive(ws, [chodon.communes[A].packet, chodon.communes[B].packet])
        accepted = use.review(
            ws, A, "cntt-xa", "2026", "accepted", "", data_dir / "out", secret=F.PASS
        )
        returned = use.review(ws, B, "cntt-xa", "2026", "returned",
                              "Số hồ sơ trực tuyến chưa khớp Cổng DVC, đề nghị rà soát.",
                              data_dir / "out", secret=F.PASS)  # fmt: skip
        board = use.status_board(ws, "cntt-xa", "2026")
    return data_dir, accepted, returned, board


@pytest.fixture
def commune(chodon, tmp_path):
    """A fresh copy of a commune's installation (opening a receipt writes to it)."""

    def copy(code):
        return F.open_ws(shutil.copytree(chodon.communes[code].data_dir, tmp_path / code))

    return copy


def test_district_side_records_the_decisions(district):
    data_dir, accepted, returned, board = district
    assert accepted.path.name == f"{A}_cntt-xa_2026_r1_bien-nhan.zip"
    assert returned.path.name == f"{B}_cntt-xa_2026_r1_tra-lai.zip"
    assert accepted.submission.review == "accepted" and returned.submission.review == "returned"
    rows = {r.unit_code: r for r in board.rows}
    assert rows[A].state == "accepted" and rows[B].state == "returned"
    assert "Cổng DVC" in rows[B].review_reason
    with F.open_ws(data_dir) as ws:
        reviews = [a for a in history(ws.db, None) if a.kind == "review"]
        assert [json.loads(a.new)["review"] for a in reviews] == [
            "returned",
            "accepted",
        ]  # newest first
        [issued] = list_receipts(ws.db, "issued", submission_id=returned.submission.id)
        assert issued.decision == "returned" and issued.file_name == returned.path.name
        with pytest.raises(AppError) as no_reason:
            use.review(ws, A, "cntt-xa", "2026", "returned", " ", data_dir / "out", secret=F.PASS)
        assert no_reason.value.code == "receive.reason_required"
    with zipfile.ZipFile(accepted.path) as archive:
        assert archive.namelist() == ["manifest.json", "receipt.json", "manifest.json.p7s"]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl")
def test_receipt_checks_with_openssl(district, tmp_path):
    data_dir, accepted, _, _ = district
    with zipfile.ZipFile(accepted.path) as archive:
        archive.extractall(tmp_path)
    done = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", "manifest.json.p7s",
         "-content", "manifest.json", "-CAfile", str(data_dir / "identity" / "unit-cert.pem"),
         "-purpose", "any", "-out", "/dev/null"],
        cwd=tmp_path, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_commune_opens_the_receipt_and_its_report_is_accepted(district, commune):
    _, accepted, _, _ = district
    with commune(A) as ws:
        checked = use.check_receipt(ws, accepted.path)  # writes nothing
        assert checked.verified.first_use and checked.decision == "accepted"
        assert get_report(ws.db, A, "cntt-xa", "2026").status == "exported"
        opened = use.open_receipt(ws, accepted.path, fingerprint=checked.verified.fingerprint)
        assert opened.verified.fingerprint == accepted.fingerprint
        report = get_report(ws.db, A, "cntt-xa", "2026")
        assert report.status == "accepted"
        assert "tiếp nhận" in opened.message().vi
        [entry] = use.trust_list(ws)  # the district's certificate, registered on first use
        assert (entry.unit_code, entry.fingerprint) == (F.DISTRICT, accepted.fingerprint)
        again = use.open_receipt(ws, accepted.path)
        assert again.already and not again.verified.first_use
        kinds = [a.kind for a in history(ws.db, report.id)]
        assert kinds.count("receipt") == 1 and "status" in kinds


def test_commune_opens_a_return_note(district, commune):
    _, _, returned, _ = district
    with commune(B) as ws:
        opened = use.open_receipt(ws, returned.path, fingerprint=returned.fingerprint)
        report = get_report(ws.db, B, "cntt-xa", "2026")
        assert report.status == "returned" and opened.decision == "returned"
        assert "Cổng DVC" in opened.message().vi and "returned" in opened.message().en
        [receipt] = [a for a in history(ws.db, report.id) if a.kind == "receipt"]
        assert "Cổng DVC" in json.loads(receipt.new)["reason"]
        [row] = list_receipts(ws.db, "received", report_id=report.id)
        assert row.reason.startswith("Số hồ sơ") and (ws.data_dir / row.path).is_file()


def _members(path):
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def _write(path, members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def _crafted(district_dir, accepted, tmp_path, signer=None, **change):
    receipt = {k: v for k, v in _receipt_of(accepted.path).items() if k != "format"}
    receipt.update(change)
    signer = signer or F.commune_signer(district_dir)[0]
    made = build_receipt(signer, receipt, datetime.datetime.now(datetime.UTC))
    return _write_bytes(tmp_path / made.name, made.content)


def _write_bytes(path, content):
    path.write_bytes(content)
    return path


def _receipt_of(path):
    return json.loads(_members(path)["receipt.json"])


def _refused(ws, path, code, **confirm):
    before = F.table_dump(ws.db, skip=())
    with pytest.raises(AppError) as refused:
        use.open_receipt(ws, path, **confirm)
    assert refused.value.code == code, refused.value.message.en
    assert refused.value.message.vi and refused.value.message.en
    assert F.table_dump(ws.db, skip=()) == before
    return refused.value


def test_forged_tampered_and_misdirected_receipts_are_refused(district, commune, tmp_path):
    data_dir, accepted, returned, _ = district
    with commune(A) as ws:
        _refused(ws, returned.path, "receipt.wrong_unit")  # B's return note
        members = _members(accepted.path)
        body = json.loads(members["receipt.json"])
        body["decision"] = "returned"
        tampered = dict(members, **{"receipt.json": json.dumps(body).encode()})
        _refused(ws, _write(tmp_path / "sua-noi-dung.zip", tampered), "receipt.hash_mismatch")
        _refused(ws, _write(tmp_path / "hong.zip", {"receipt.json": b"{}"}), "receipt.unreadable")
        stranger = pki.signer_for(*pki.self_signed("02071", "Xã Bằng Phúc"))
        _refused(ws, _crafted(data_dir, accepted, tmp_path, stranger), "receipt.signer_not_parent")
        other_data = _crafted(data_dir, accepted, tmp_path, data_sha256="0" * 64)
        _refused(ws, other_data, "receipt.data_mismatch")
        other_issuer = _crafted(
            data_dir, accepted, tmp_path, issuer={"code": "061", "name": "Huyện Ba Bể"}
        )
        _refused(ws, other_issuer, "receipt.wrong_issuer")

        # registers the district's certificate
        use.open_receipt(ws, accepted.path, fingerprint=accepted.fingerprint)
        impostor = pki.signer_for(*pki.self_signed(F.DISTRICT, "Huyện Chợ Đồn"))
        _refused(ws, _crafted(data_dir, accepted, tmp_path, impostor), "receipt.signer_untrusted")
        set_values(ws, "cntt-xa", "2026", {"so_bai_dang": "45"})  # edited since: revision 2
        _refused(ws, _crafted(data_dir, accepted, tmp_path), "receipt.outdated")


def test_a_signature_over_another_manifest_is_refused(district, commune, tmp_path):
    _, accepted, _, _ = district
    members = _members(accepted.path)
    manifest = json.loads(members["manifest.json"])
    manifest["created_at"] = "2026-01-01T00:00:00+07:00"
    from desktop_app.packets.manifest import manifest_bytes

    changed = dict(members, **{"manifest.json": manifest_bytes(manifest)})
    with commune(A) as ws:
        _refused(ws, _write(tmp_path / "ky-khac.zip", changed), "receipt.signature_invalid")


def test_an_identity_made_for_another_unit_signs_no_receipt(chodon, tmp_path):
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.setup_unit import setup_unit

    data_dir = tmp_path / "huyen"
    with F.open_ws(data_dir) as ws, F.fast_keys():
        setup_unit(ws, "061", "legacy")  # set up first for Huyện Ba Bể by mistake
        create_unit_identity(ws, F.PASS)
        setup_unit(ws, F.DISTRICT, "legacy")
        use.register_certificate(ws, chodon.communes[A].cert, A)
        use.receive(ws, [chodon.communes[A].packet])
        before = F.table_dump(ws.db, skip=())
        with pytest.raises(AppError) as refused:
            use.review(ws, A, "cntt-xa", "2026", "accepted", "", tmp_path / "out", secret=F.PASS)
        assert refused.value.code == "review.identity_not_for_unit"
        assert F.table_dump(ws.db, skip=()) == before and not (tmp_path / "out").exists()


def test_a_first_receipt_is_not_trusted_on_sight(district, commune, tmp_path):
    """Issue 14 §7: a forger's own "district 064" cannot mark the report accepted and so
    lock the genuine district out. With no parent registered nothing is applied until the
    clerk confirms the signer, by its fingerprint or the district's certificate file."""
    data_dir, accepted, _, _ = district
    forger_key, forger_cert = pki.self_signed(F.DISTRICT, "Huyện Chợ Đồn")
    forged = _crafted(data_dir, accepted, tmp_path, pki.signer_for(forger_key, forger_cert))
    with commune(A) as ws:
        asked = _refused(ws, forged, "receipt.parent_unconfirmed")
        forged_fp = certs.fingerprint(forger_cert)
        assert asked.details["fingerprint"] == forged_fp and forged_fp in asked.message.vi
        assert asked.details["parent_code"] == F.DISTRICT and asked.details["signer"]
        # the clerk reads back the genuine district's fingerprint: the forgery is not it
        _refused(ws, forged, "receipt.parent_mismatch", fingerprint=accepted.fingerprint)
        genuine_cert = data_dir / "identity" / "unit-cert.pem"
        _refused(ws, forged, "receipt.parent_mismatch", trust_cert=genuine_cert)
        assert get_report(ws.db, A, "cntt-xa", "2026").status == "exported"
        assert use.trust_list(ws) == []
        opened = use.open_receipt(ws, accepted.path, trust_cert=genuine_cert)
        assert opened.decision == "accepted" and opened.verified.first_use
        [entry] = use.trust_list(ws)
        assert (entry.unit_code, entry.fingerprint) == (F.DISTRICT, accepted.fingerprint)
        _refused(ws, forged, "receipt.signer_untrusted")  # from now on: that key only


def test_a_revoked_parent_certificate_is_not_trusted_again(district, commune, tmp_path):
    """Revoked on the commune's side: its receipts are refused, even with the clerk's
    confirmation (it is never a "first use" again)."""
    data_dir, accepted, _, _ = district
    with commune(A) as ws:
        use.open_receipt(ws, accepted.path, fingerprint=accepted.fingerprint)
        use.revoke_trust(ws, F.DISTRICT, "Huyện báo lộ khoá")
        again = _crafted(data_dir, accepted, tmp_path, reason="Tiếp nhận lại")
        _refused(ws, again, "receipt.signer_revoked", fingerprint=accepted.fingerprint)


def test_a_receipt_signed_with_sha1_says_so(district, commune, tmp_path):
    from tests import odd_certs as odd

    data_dir, accepted, _, _ = district
    signer = F.commune_signer(data_dir)[0]
    members = _members(_crafted(data_dir, accepted, tmp_path))
    members["manifest.json.p7s"] = odd.sign_detached_with(
        signer, members["manifest.json"], "sha1", datetime.datetime.now(datetime.UTC)
    )
    with commune(A) as ws:
        refused = _refused(
            ws, _write(tmp_path / "sha1.zip", members), "receipt.weak_algorithm",
            fingerprint=accepted.fingerprint,
        )  # fmt: skip
        assert "SHA-1" in refused.message.vi

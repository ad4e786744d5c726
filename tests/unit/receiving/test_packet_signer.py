"""Registering a refused packet's signer from the packet (issue 16): only the certificate
the officer confirmed, and only through the trust list's own checks."""

from __future__ import annotations

import shutil

import pytest

from desktop_app.core.messages import AppError
from desktop_app.workspace import Workspace
from desktop_app.workspace import receive as use
from tests.support import fleet as F


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("ky-goi")
    codes = F.commune_codes()[:2]
    communes = [F.make_commune(code, root, root / "packets") for code in codes]
    return communes, F.make_district(root)


def test_a_changed_or_unreadable_signer_registers_nothing(made, tmp_path):
    (first, second), template = made
    with Workspace.open(shutil.copytree(template, tmp_path / "huyen")) as ws:
        with pytest.raises(AppError) as changed:  # the file now holds the neighbour's packet
            use.register_packet_signer(ws, second.packet, first.code, first.fingerprint)
        assert changed.value.code == "trust.fingerprint_changed"
        broken = tmp_path / "hong.zip"
        broken.write_bytes(b"PK\x03\x04 not a packet")
        with pytest.raises(AppError) as unreadable:
            use.register_packet_signer(ws, broken, first.code, first.fingerprint)
        assert unreadable.value.code.startswith("packet.")
        assert use.trust_list(ws) == []


def test_the_trust_lists_checks_still_apply(made, tmp_path):
    (first, second), template = made
    with Workspace.open(shutil.copytree(template, tmp_path / "huyen")) as ws:
        with pytest.raises(AppError) as other_unit:  # 02080's certificate for its neighbour
            use.register_packet_signer(ws, first.packet, second.code, first.fingerprint)
        assert other_unit.value.code == "trust.names_other_unit"
        done = use.register_packet_signer(ws, first.packet, first.code, first.fingerprint)
        assert done.entry.fingerprint == first.fingerprint and done.entry.unit_code == first.code
        report = use.receive(ws, [first.packet])
        assert [o.verdict for o in report.outcomes] == ["accepted"]

"""Shared fixtures for the packet tests: a unit's key and certificate, a genuine packet's
data and members (all made here, nothing committed)."""

from __future__ import annotations

import datetime

import pytest

from desktop_app.packets.packet import zip_bytes
from tests import pki
from tests.conftest import PROJECT

SAMPLE = PROJECT / "resources" / "samples" / "cntt-xa_2026_02080.json"
VN = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture(scope="session")
def unit_key_cert():
    return pki.self_signed("02080", "Xã Bình Trung")


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory):
    """data.json of Xã Bình Trung's 2026 sample report, built as the export builds it."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import check_report, load_values
    from desktop_app.workspace.export import plan_data
    from desktop_app.workspace.setup_unit import setup_unit

    with Workspace.open(tmp_path_factory.mktemp("ws")) as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
        load_values(ws, SAMPLE)
        state = check_report(ws, "cntt-xa", "2026")
        data, _ = plan_data(ws, state, datetime.date(2026, 12, 15))
    return data


@pytest.fixture(scope="session")
def genuine_members(sample_data, unit_key_cert):
    key, cert = unit_key_cert
    return pki.make_members(sample_data, key, cert)


@pytest.fixture
def genuine_zip(genuine_members) -> bytes:
    return zip_bytes(genuine_members, datetime.datetime.now(VN))

"""A receiving unit's workspace without any packet: Huyện Chợ Đồn (064, legacy)."""

from __future__ import annotations

import pytest

from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit


@pytest.fixture
def district(tmp_path):
    with Workspace.open(tmp_path / "huyen") as ws:
        setup_unit(ws, "064", "legacy", clerk="Cán bộ Phòng VH-TT")
        yield ws

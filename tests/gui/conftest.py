from __future__ import annotations

import pytest

from desktop_app.ui.i18n import install_language
from desktop_app.workspace import Workspace
from desktop_app.workspace.setup_unit import setup_unit
from tests.long_runs import skip_unless_selected


def pytest_collection_modifyitems(config, items):
    skip_unless_selected(config, items, "entry_long")


@pytest.fixture
def vietnamese(qapp):
    """The application in Vietnamese, as a clerk first sees it; Vietnamese again after the
    test, whatever language it switched to. A test module asks for it with
    ``pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("vietnamese")]``."""
    install_language("vi")
    yield
    install_language("vi")


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def workspace(data_dir):
    """Xã Bình Trung (02080) with the legacy form and its clerk and leader, in ``data_dir``."""
    ws = Workspace.open(data_dir)
    setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
    yield ws
    ws.close()

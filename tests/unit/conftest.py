from __future__ import annotations

import pytest

from tests.support.backup_db import hourly_policy


@pytest.fixture
def policy(tmp_path):
    """The backup tests' policy: three kept, one an hour at most (``backup_db``)."""
    return hourly_policy(tmp_path)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data.sqlite3"

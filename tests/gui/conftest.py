from __future__ import annotations

from tests.long_runs import skip_unless_selected


def pytest_collection_modifyitems(config, items):
    skip_unless_selected(config, items, "entry_long")

from __future__ import annotations

from tests.long_runs import skip_unless_selected


def pytest_collection_modifyitems(config, items):
    # the build takes ~30 s and a few hundred MB: `make test-build` (CI runs it after
    # `make test`), or `pytest -m build tests/packaging`
    skip_unless_selected(config, items, "build")

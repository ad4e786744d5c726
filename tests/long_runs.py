"""Long runs (``crash_long``, ``fuzz_long``) are collected with the rest but skipped
unless chosen by name: ``pytest -m crash_long tests/crash``. They are too slow for every
``make test``; CI or a person runs them on purpose."""

from __future__ import annotations

import pytest


def skip_unless_selected(config: pytest.Config, items: list[pytest.Item], marker: str) -> None:
    if marker in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason=f"long run: select it with -m {marker}")
    for item in items:
        if item.get_closest_marker(marker) is not None:
            item.add_marker(skip)

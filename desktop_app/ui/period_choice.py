"""Filling a period chooser the same way in every window: the periods, newest first,
labelled in the window's language, the given one selected."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox

from ..core.periods import Period

PERIODS_BACK = 4  # earlier periods offered besides those already holding something


def fill_period_combo(combo: QComboBox, periods: Sequence[Period], chosen: str, lang: str) -> None:
    combo.clear()
    for period in periods:
        combo.addItem(period.label(lang), str(period))
    combo.setCurrentIndex(combo.findData(chosen))


__all__ = ["PERIODS_BACK", "fill_period_combo"]

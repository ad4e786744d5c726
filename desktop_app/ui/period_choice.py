"""Filling a period chooser the same way in every window: the periods, newest first,
labelled in the window's language, the given one selected; and the "Kỳ khác…" choice
that reaches any period a version of the form covers (a district entering its history
from 2017 on), never one that has not started.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.forms import FormRegistry
from ..core.periods import Period
from .base_dialog import ok_cancel

PERIODS_BACK = 4  # earlier periods offered besides those already holding something
OTHER_PERIOD = "other"  # the item data of the "Kỳ khác…" entry


def fill_period_combo(combo: QComboBox, periods: Sequence[Period], chosen: str, lang: str) -> None:
    combo.clear()
    for period in periods:
        combo.addItem(period.label(lang), str(period))
    combo.setCurrentIndex(combo.findData(chosen))


def add_other_period_item(combo: QComboBox) -> None:
    """The last entry of a period combo: "Kỳ khác…", which opens ``PeriodPicker``."""
    combo.insertSeparator(combo.count())
    combo.addItem(PeriodPicker.tr("Kỳ khác…"), OTHER_PERIOD)


def show_period(combo: QComboBox, period: Period, lang: str) -> None:
    """Select ``period`` in the combo, adding it in its place (newest first) if absent."""
    text = str(period)
    if combo.findData(text) < 0:
        at = 0
        while at < combo.count():
            data = combo.itemData(at)
            if data in (None, OTHER_PERIOD) or Period.parse(data) < period:
                break
            at += 1
        combo.insertItem(at, period.label(lang), text)
    combo.setCurrentIndex(combo.findData(text))


def all_periods(forms: FormRegistry, form_id: str, today: datetime.date) -> list[Period]:
    """Every period of the form's kind that a version covers and that has started on
    ``today``, newest first: from the first year of the earliest version (2017 for the
    shipped forms) to the period containing today."""
    kind = forms.get(form_id).period_kind
    first = min(forms.span(v)[0] for v in forms.versions(form_id))
    found: list[Period] = []
    period = Period.containing(kind, today)
    while period.year >= first:
        if forms.covers(form_id, period.year):
            found.append(period)
        period = period.previous()
    return found


class PeriodPicker(QDialog):
    """Any period of a form, each with the form version that applies to its year."""

    def __init__(
        self,
        forms: FormRegistry,
        form_id: str,
        today: datetime.date,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("periodPicker")
        self.setWindowTitle(self.tr("Chọn kỳ báo cáo"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Mọi kỳ có phiên bản biểu mẫu, đến kỳ hiện tại (kỳ chưa bắt đầu không nhập được):"
                ),
                self,
            )
        )
        self.list = QListWidget(self)
        self.list.setObjectName("periodList")
        version_text = self.tr("phiên bản %1 (%2)")
        for period in all_periods(forms, form_id, today):
            form = forms.get(form_id, period.year)
            years = forms.years_text(form)
            text = version_text.replace("%1", form.version).replace("%2", years)
            item = QListWidgetItem(f"{period.label(lang)} — {text}")
            item.setData(Qt.ItemDataRole.UserRole, str(period))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = ok_cancel(self, self.tr("Chọn"))
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(buttons)
        self.resize(460, 380)
        self.list.setFocus()

    @property
    def chosen(self) -> Period | None:
        item = self.list.currentItem()
        return Period.parse(item.data(Qt.ItemDataRole.UserRole)) if item else None


__all__ = [
    "OTHER_PERIOD",
    "PERIODS_BACK",
    "PeriodPicker",
    "add_other_period_item",
    "all_periods",
    "fill_period_combo",
    "show_period",
]

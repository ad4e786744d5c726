"""The read-only lists the dialogs show (forms, backups, the trust list, the backups to
restore from): whole rows chosen one at a time, nothing edited in place, columns sized to
their contents but one that takes the rest of the width. Made in one place so they look
and behave alike.

May import: Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QWidget


def read_only_table(
    parent: QWidget, name: str, heads: Sequence[str], stretch: int, *, wrap: bool = False
) -> QTableWidget:
    """A table of ``heads`` named ``name`` (tests and screenshots find it by that name);
    column ``stretch`` takes the width the others leave."""
    table = QTableWidget(0, len(heads), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(heads))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def intro_label(text: str, parent: QWidget) -> QLabel:
    """The sentence or two a dialog opens with, wrapped to its width."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


__all__ = ["intro_label", "read_only_table"]

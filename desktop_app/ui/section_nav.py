"""The section list at the left of the entry window: each section's title, how many of
its fields are filled, and what is wrong there (unsaved text, missing required fields,
errors, warnings), coloured by the worst.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ..core.forms.model import Form
from ..workspace.field_state import SectionCounts
from .style import ERROR, OK, WARNING

RED, AMBER, GREEN = QColor(ERROR), QColor(WARNING), QColor(OK)


class SectionNav(QListWidget):
    def __init__(self, form: Form, lang: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form
        self.lang = lang
        self.setObjectName("sectionNav")
        self.setMinimumWidth(200)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for section in form.sections:
            self.addItem(QListWidgetItem(section.title.pick(lang)))

    def show_counts(self, counts: list[SectionCounts]) -> None:
        # Typed text that cannot be saved is counted apart, so a section never looks
        # done while a field of it still holds unsaved text. Missing required fields are
        # a count, red only once the clerk has left the section (or tried to export).
        for index, c in enumerate(counts):
            item = self.item(index)
            flags = []
            if c.unsaved:
                flags.append(self.tr("%n chưa lưu", "", c.unsaved))
            if c.missing:
                flags.append(self.tr("%n chưa nhập", "", c.missing))
            if c.errors:
                flags.append(self.tr("%n lỗi", "", c.errors))
            if c.warnings:
                flags.append(self.tr("%n cảnh báo", "", c.warnings))
            tail = " · ".join([f"{c.filled}/{c.total}", *flags])
            item.setText(f"{self.form.sections[index].title.pick(self.lang)}\n{tail}")
            if c.errors or c.unsaved or (c.missing and c.flagged):
                item.setForeground(RED)
            elif c.warnings:
                item.setForeground(AMBER)
            elif c.filled == c.total:
                item.setForeground(GREEN)
            else:
                item.setForeground(self.palette().text().color())


__all__ = ["SectionNav"]

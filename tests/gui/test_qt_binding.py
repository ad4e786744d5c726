"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 dropped a reference to None on
every void method call, so a window aborted ("none_dealloc") after a few thousand
calls. pyproject.toml excludes it; this catches a binding with the same fault."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Xã Bình Trung")
        QCoreApplication.processEvents()
    # Other code may take or give back a few references meanwhile; 4,000 lost is the fault.
    assert sys.getrefcount(None) > before - 100

"""The background helper with a pool that runs the work inline: the result, the
application's own refusal, or a cancellation comes back at once, by the same signals."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from desktop_app.core.messages import AppError, Text
from desktop_app.ui.background import BackgroundTask, error_text
from tests.support.inline_pool import InlinePool

pytestmark = pytest.mark.gui


_kept: list[QWidget] = []


@pytest.fixture(autouse=True)
def _release():
    yield
    _kept.clear()


def _task(qtbot, work):
    parent = QWidget()
    qtbot.addWidget(parent)
    pool = InlinePool()
    task = BackgroundTask(parent, "…", work, pool=pool)
    seen: dict[str, object] = {}
    task.finished.connect(lambda result: seen.setdefault("finished", result))
    task.failed.connect(lambda error: seen.setdefault("failed", error))
    task.cancelled.connect(lambda: seen.setdefault("cancelled", True))
    task.done.connect(lambda: seen.setdefault("done", True))
    _kept.append(parent)  # the task's parent lives as long as the test
    return task, pool, seen


def test_the_result_comes_back_from_the_given_pool(qtbot):
    steps = []

    def work(progress):
        for i in range(3):
            progress(i + 1, 3)
            steps.append(i)
        return "xong"

    task, pool, seen = _task(qtbot, work)
    shown = []
    task.progressed.connect(lambda done, total: shown.append((done, total)))
    task.start()
    assert pool.started == 1
    assert seen == {"finished": "xong", "done": True}
    assert steps == [0, 1, 2]
    assert not task.running
    assert shown == [(1, 3), (2, 3), (3, 3)]
    assert not task.dialog.isVisible()


def test_a_refusal_comes_back_with_its_code(qtbot):
    def work(_progress):
        raise AppError("packet.unreadable", Text("Không đọc được", "Cannot read"))

    task, _pool, seen = _task(qtbot, work)
    task.start()
    assert isinstance(seen["failed"], AppError)
    assert seen["failed"].code == "packet.unreadable"
    assert error_text(seen["failed"], "en") == "Cannot read"
    assert "finished" not in seen


def test_cancel_stops_the_work_at_its_next_progress_call(qtbot):
    done = []

    def work(progress):
        task.cancel()  # the clerk pressed Hủy while the work ran
        progress(1, 2)
        done.append("after")  # never reached
        return "xong"

    task, _pool, seen = _task(qtbot, work)
    task.start()
    assert seen == {"cancelled": True, "done": True}
    assert done == []

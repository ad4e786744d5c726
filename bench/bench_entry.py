"""Start-up to an interactive window, and one edit durably persisted, each side by side
with its bare baseline measured in the same run (issue: data-entry window).

    .venv/bin/python bench/bench_entry.py [--runs 7] [--edits 200] [--json out.json]

Start-up is timed from before the process is spawned to the first event-loop turn after
the window is shown (the window answers the keyboard from then on). The edit is
ReportSession.commit: parse, one fsynced SQLite transaction with its audit row, and the
whole form re-validated; the baseline is a bare WAL + synchronous=FULL commit.

``measure_start`` and ``measure_edits`` return the numbers (``bench/run_all.py`` calls
them, each in a process of its own); each window process reports its own peak resident
memory (maxrss)."""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def floor_window(data_dir: str) -> tuple[object, object]:
    """The least any data-entry window on this stack does before the clerk can type, to
    show where the 1.3 × target stands: the standard modules a saved report needs, the
    database opened and the values read, and a window with menus, the form and period
    choices, a section list, one section of ten labelled fields and a problems list. No
    form definition, validation, fonts, translations or application code."""
    import dataclasses  # noqa: F401
    import decimal  # noqa: F401
    import json  # noqa: F401
    import sqlite3

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import (
        QApplication,
        QComboBox,
        QDockWidget,
        QGridLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QScrollArea,
        QSplitter,
        QToolBar,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    conn = sqlite3.connect(Path(data_dir) / "data.sqlite3")
    values = dict(conn.execute("SELECT field_id, value FROM report_values").fetchall())
    window = QMainWindow()
    menu = window.menuBar().addMenu("&Báo cáo")
    for i in range(20):
        action = QAction(f"Lệnh {i}", window)
        action.setShortcut(QKeySequence(f"Ctrl+{chr(ord('A') + i)}"))
        menu.addAction(action)
    toolbar = QToolBar("Báo cáo", window)
    toolbar.addWidget(QLabel("Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn"))
    for choice in ("cntt-xa", "Năm 2026"):
        combo = QComboBox()
        combo.addItem(choice)
        toolbar.addWidget(combo)
    window.addToolBar(toolbar)
    sections = QListWidget()
    for i in range(8):
        sections.addItem(f"Phần {i + 1}\n8/8")
    page = QWidget()
    grid = QGridLayout(page)
    for i, (field, value) in enumerate(list(values.items())[:10]):
        grid.addWidget(QLabel(field), 2 * i, 0)
        grid.addWidget(QLineEdit(str(value)), 2 * i, 1)
        grid.addWidget(QLabel("người"), 2 * i, 2)
        grid.addWidget(QLabel(""), 2 * i + 1, 1)
    scroll = QScrollArea()
    scroll.setWidget(page)
    scroll.setWidgetResizable(True)
    split = QSplitter()
    split.addWidget(sections)
    split.addWidget(scroll)
    window.setCentralWidget(split)
    dock = QDockWidget("Lỗi và cảnh báo", window)
    dock.setWidget(QListWidget())
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(1366, 768)
    return app, window


def child(kind: str, data_dir: str) -> None:
    from PySide6.QtCore import QTimer

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.setCentralWidget(QLabel("bare"))
    elif kind == "floor":
        app, window = floor_window(data_dir)
    else:
        import datetime

        from desktop_app.ui.app import create_application
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.workspace import Workspace

        app = create_application(sys.argv[:1])
        window = MainWindow(Workspace.open(Path(data_dir)), today=datetime.date(2026, 11, 23))
    window.show()
    QTimer.singleShot(0, lambda: (print("READY", flush=True), app.quit()))
    app.exec()
    print("MAXRSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    if kind == "app":
        loaded = sorted(
            m for m in sys.modules if m.startswith(("pyhanko", "reportlab", "openpyxl"))
        )
        print("HEAVY", ",".join(loaded[:5]), flush=True)


def time_start(kind: str, data_dir: str) -> tuple[float, float]:
    """Seconds from spawning a window process to its first event-loop turn, and that
    process's peak resident memory in MB."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # An installed application runs from compiled bytecode; without this a shell that sets
    # PYTHONDONTWRITEBYTECODE would time the compiling of every module at each start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, data_dir],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    rest = process.stdout.read()
    process.wait()
    if line.strip() != "READY":
        raise SystemExit(f"{kind} window did not start: {line!r}")
    if "HEAVY" in rest and rest.split("HEAVY", 1)[1].strip():
        print(f"warning: start-up imported {rest.split('HEAVY', 1)[1].strip()}")
    maxrss_kb = next(
        (int(line.split()[1]) for line in rest.splitlines() if line.startswith("MAXRSS_KB")), 0
    )
    return elapsed, maxrss_kb / 1024


def time_edits(data_dir: Path, count: int) -> tuple[list[float], list[float]]:
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.session import ReportSession

    with Workspace.open(data_dir) as ws:
        session = ReportSession.open(ws, "cntt-xa", "2026")
        edits = []
        for i in range(count):
            start = time.perf_counter()
            session.commit("ho_so_tiep_nhan", str(1000 + i))
            edits.append(time.perf_counter() - start)
    bare_file = data_dir / "bare.sqlite3"
    conn = sqlite3.connect(bare_file, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)")
    bare = []
    for i in range(count):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT OR REPLACE INTO t VALUES ('x', ?)", (str(i),))
        conn.execute("COMMIT")
        bare.append(time.perf_counter() - start)
    conn.close()
    return edits, bare


def setup_commune(data_dir: Path) -> None:
    """Xã Bình Trung (02080) with its 2026 sample, as a clerk's data directory."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.setup_unit import setup_unit

    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "02080", "legacy", "Nguyễn Thị Hoa", "Hoàng Văn Minh")
        load_values(ws, ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json")


def measure_start(runs: int = 7) -> dict[str, float]:
    """Medians of ``runs`` start-ups of the application's window and of a bare PySide6
    window, alternated in the same run with the ``floor_window`` (what any data-entry window
    must do), after one start-up of the window that warms the form cache and the OS file
    cache (reported as ``start_first_app_s``)."""
    with tempfile.TemporaryDirectory() as tmp:
        setup_commune(Path(tmp))
        first, first_rss = time_start("app", tmp)
        app, bare, floor, app_rss, bare_rss = [], [], [], [first_rss], []
        for _ in range(runs):
            seconds, rss = time_start("bare", tmp)
            bare.append(seconds)
            bare_rss.append(rss)
            floor.append(time_start("floor", tmp)[0])
            seconds, rss = time_start("app", tmp)
            app.append(seconds)
            app_rss.append(rss)
    return {
        "runs": runs,
        "start_first_app_s": first,
        "start_bare_window_s": statistics.median(bare),
        "start_app_window_s": statistics.median(app),
        "start_ratio": statistics.median(app) / statistics.median(bare),
        "start_floor_window_s": statistics.median(floor),
        "start_floor_ratio": statistics.median(floor) / statistics.median(bare),
        "app_window_maxrss_mb": max(app_rss),
        "bare_window_maxrss_mb": max(bare_rss),
    }


def measure_edits(count: int = 200) -> dict[str, float]:
    """Medians of ``count`` edits (ReportSession.commit) and of as many bare commits."""
    with tempfile.TemporaryDirectory() as tmp:
        setup_commune(Path(tmp))
        edits, commits = time_edits(Path(tmp), count)
    return {
        "edits": count,
        "edit_persisted_ms": statistics.median(edits) * 1000,
        "edit_persisted_p95_ms": sorted(edits)[int(count * 0.95)] * 1000,
        "bare_sqlite_commit_ms": statistics.median(commits) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    start = measure_start(args.runs)
    edits = measure_edits(args.edits)
    rows = {
        "start_bare_window_s": start["start_bare_window_s"],
        "start_app_window_s": start["start_app_window_s"],
        "start_ratio": start["start_ratio"],
        "start_floor_window_s": start["start_floor_window_s"],
        "start_floor_ratio": start["start_floor_ratio"],
        "edit_persisted_ms": edits["edit_persisted_ms"],
        "bare_sqlite_commit_ms": edits["bare_sqlite_commit_ms"],
    }
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"{name:<{width}}  {value:8.3f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()

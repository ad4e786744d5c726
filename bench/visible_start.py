"""Start-up to a *visible* window (issue 15): from spawning the process to the X server
mapping its main window, for a bare PySide6 window, the application from source and the
built one-folder application, alternated in the same run.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python bench/visible_start.py \
        [--runs 7] [--built dist/desktop-app] [--build] [--json out.json]

The application is started as a clerk starts it (``python -m desktop_app --data-dir D``,
or ``desktop-app --data-dir D`` from the built folder), on a commune's data folder, and
ended once its window is mapped. The moment is the X server's MapNotify for the first
top-level window that is not a pop-up: on Xvfb (no window manager, no compositor) a
mapped window is on the screen. Needs an X display (``xvfb-run``) and libX11.

The built folder: ``--built DIR``, else ``dist/desktop-app`` if it was built, else (with
``--build``) one built into a temporary folder by ``scripts/build.sh`` (minutes); without
any, its row is skipped with a line saying so.

May import: the standard library and ``bench_entry`` (the commune's data folder).
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import json
import os
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1366, 768)
window.show()
app.exec()
"""

_MAP_NOTIFY = 19
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class _MapEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("event", ctypes.c_ulong),
        ("window", ctypes.c_ulong),
        ("override_redirect", ctypes.c_int),
    )


class _XEvent(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("map", _MapEvent), ("pad", ctypes.c_long * 24))


def _xlib() -> ctypes.CDLL:
    name = ctypes.util.find_library("X11")
    if not name:
        raise SystemExit("visible_start: libX11 not found")
    x = ctypes.CDLL(name)
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
    x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
    x.XSync.argtypes = (ctypes.c_void_p, ctypes.c_int)
    x.XPending.argtypes = (ctypes.c_void_p,)
    x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(_XEvent))
    x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
    x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    return x


def time_to_visible(command: list[str], env: dict[str, str], timeout: float = 120) -> float:
    """Seconds from spawning ``command`` to the X server mapping its first top-level,
    non-pop-up window; the process is then ended."""
    x = _xlib()
    display = None
    for _ in range(10):  # a display xvfb-run has just started may not answer yet
        display = x.XOpenDisplay(None)
        if display:
            break
        time.sleep(0.3)
    if not display:
        raise SystemExit("visible_start: no X display (run it under xvfb-run)")
    try:
        x.XSelectInput(display, x.XDefaultRootWindow(display), _SUBSTRUCTURE_NOTIFY_MASK)
        x.XSync(display, 1)  # drop what came before
        fd = x.XConnectionNumber(display)
        event = _XEvent()
        start = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while time.perf_counter() - start < timeout:
                select.select([fd], [], [], 0.5)
                while x.XPending(display):
                    x.XNextEvent(display, ctypes.byref(event))
                    if event.type == _MAP_NOTIFY and not event.map.override_redirect:
                        return time.perf_counter() - start
                if process.poll() is not None:
                    raise SystemExit(f"visible_start: {command[0]} ended without a window")
            raise SystemExit(f"visible_start: no window from {command[0]} in {timeout} s")
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    finally:
        x.XCloseDisplay(display)


def built_folder(explicit: Path | None, build: bool, scratch: Path) -> tuple[Path | None, str]:
    """The built application's executable and where it came from, or None and why not."""
    if explicit is not None:
        exe = explicit / "desktop-app"
        return (exe, str(explicit)) if exe.is_file() else (None, f"{exe} not found")
    default = ROOT / "dist" / "desktop-app"
    if (default / "desktop-app").is_file():
        return default / "desktop-app", str(default)
    if not build:
        return None, "no dist/desktop-app (run scripts/build.sh, or pass --build)"
    run = subprocess.run(
        ["scripts/build.sh", "--dist", str(scratch / "dist"), "--work", str(scratch / "work")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    exe = scratch / "dist" / "desktop-app" / "desktop-app"
    if run.returncode != 0 or not exe.is_file():
        return None, f"scripts/build.sh failed: {run.stderr.strip()[-300:]}"
    return exe, "built now into a temporary folder"


def measure_visible(
    runs: int = 7, built: Path | None = None, build: bool = False
) -> dict[str, object]:
    """Medians of ``runs`` alternated starts to a visible window: bare PySide6, the
    application from source, and the built folder when there is one (after one
    warming start of each)."""
    from bench_entry import setup_commune

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("QT_QPA_PLATFORM", None)  # the real X screen, not offscreen
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed application has its bytecode
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        setup_commune(data)
        exe, origin = built_folder(built, build, Path(tmp))
        commands = {
            "bare": [sys.executable, "-c", BARE],
            "source": [sys.executable, "-m", "desktop_app", "--data-dir", str(data)],
        }
        if exe is not None:
            commands["built"] = [str(exe), "--data-dir", str(data)]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            time_to_visible(command, env)  # warm the OS file cache and the forms cache
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(time_to_visible(command, env))
    bare = statistics.median(times["bare"])
    result: dict[str, object] = {
        "runs": runs,
        "visible_bare_s": bare,
        "visible_source_s": statistics.median(times["source"]),
        "visible_source_ratio": statistics.median(times["source"]) / bare,
        "built_origin": origin,
    }
    if "built" in times:
        result["visible_built_s"] = statistics.median(times["built"])
        result["visible_built_ratio"] = statistics.median(times["built"]) / bare
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--built", type=Path)
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = measure_visible(args.runs, args.built, args.build)
    for key, value in result.items():
        print(f"{key:24} {value:.3f}" if isinstance(value, float) else f"{key:24} {value}")
    if "visible_built_s" not in result:
        print(f"built folder skipped: {result['built_origin']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

"""Every speed that matters, in one run, against its target (issue 7): ``make bench``.

    .venv/bin/python bench/run_all.py [--quick] [--json bench/results.json] [--only NAME …]

Each benchmark runs in a child process of its own, so the peak resident memory (maxrss)
reported for it is that benchmark's alone:

- ``start``: cold start of the application's window to its first event-loop turn (a new
  process each time), medians alternated with a bare PySide6 window (bench_entry.py);
  the memory is the window process's;
- ``visible``: cold start to a *visible* window on an X screen (under ``xvfb-run`` when
  there is no display), from source and for the built one-folder application
  (``dist/desktop-app``, or with ``--build`` one built into a temporary folder; skipped
  with a line saying so otherwise), beside a bare PySide6 window (visible_start.py);
- ``edit``: one field edit parsed, saved in one fsynced transaction with its audit row,
  and the whole form re-validated, beside a bare WAL + synchronous=FULL commit
  (bench_entry.py);
- ``validate``: the full commune form computed and checked in process, as the
  ``validate`` command reads it from the database, and that command as a whole process;
- ``export``: one signed packet of the full commune form (bench_packet.py);
- ``verify``: that packet verified (checks 1-6) in another process, beside the bare
  cost of its signature checks and hashing (bench_receive.bare_checks);
- ``receive``: 1,000 packets received with full verification, in process and with worker
  processes, beside the bare signature checks and hashing of the same packets, the
  crypto floor (bench_receive.py);
- ``consolidate``: 3,321 units consolidated, scored, ranked and both reports written
  from stored submissions, as the ``report`` command does (bench_consolidate.py
  --from-storage).

Prints the machine, then a table ``what | median | target | ok?``, and writes every
number to JSON (default ``bench/results.json``, not committed). ``--quick`` takes fewer
repetitions (200 packets instead of 1,000) for a fast check; its figures are rougher.
Exit status 1 when a target is missed or a benchmark fails.

The packets for ``receive`` are made once and kept in the system temp directory (see
bench_receive.py); the first full run spends a few minutes making them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from benches import BENCH, BENCHES, PLANS
from table import Row, rows_for, table

# -- the machine ----------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for text in Path("/proc/cpuinfo").read_text().splitlines():
            if text.startswith("model name"):
                cpu = text.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    try:
        info = dict(
            line.split("=", 1) for line in Path("/etc/os-release").read_text().splitlines()
            if "=" in line
        )  # fmt: skip
        system = f"{info['PRETTY_NAME'].strip(chr(34))} (kernel {platform.release()})"
    except (OSError, KeyError):
        pass
    memory = None
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = round(pages / 2**30, 1)
    except (ValueError, OSError):
        pass
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": memory,
        "os": system,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "pyside6": pyside,
        "sqlite": sqlite3.sqlite_version,
        "temp_dir": tempfile.gettempdir(),
    }


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# -- running --------------------------------------------------------------------------------


def _child(name: str, out: Path, handoff: Path, quick: bool) -> int:
    result = BENCHES[name](PLANS[quick], handoff)
    out.write_text(json.dumps(result, indent=2, default=str), encoding="utf-8")
    return 0


def _run_child(name: str, handoff: Path, quick: bool, tmp: Path) -> dict:
    out = tmp / f"{name}.json"
    env = dict(os.environ)
    # An installed application runs from compiled bytecode.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, __file__, "--child", name, "--out", str(out)]
    command += ["--handoff", str(handoff)] + (["--quick"] if quick else [])
    done = subprocess.run(command, env=env, check=False)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"{name}: child process exited {done.returncode}")
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, 200 packets")
    parser.add_argument("--json", type=Path, default=BENCH / "results.json")
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), help="these benchmarks only")
    parser.add_argument(
        "--build", action="store_true", help="build the one-folder app if dist/ has none (slow)"
    )
    parser.add_argument("--child", choices=list(BENCHES), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--handoff", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child, args.out, args.handoff, args.quick)

    if args.build:
        os.environ["BENCH_BUILD"] = "1"  # read by the visible benchmark's child
    names = [n for n in BENCHES if not args.only or n in args.only]
    if "verify" in names and "export" not in names:
        names.insert(names.index("verify"), "export")  # verify checks export's packet
    about = machine()
    plan = PLANS[args.quick]
    started = datetime.datetime.now().astimezone()
    load_before = _load()
    results: dict[str, dict] = {}
    errors: dict[str, str] = {}
    durations: dict[str, float] = {}
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cntt-bench-") as tmp:
        handoff = Path(tmp) / "packet"
        for name in names:
            print(f"… {name}", flush=True)
            mark = time.perf_counter()
            try:
                results[name] = _run_child(name, handoff, args.quick, Path(tmp))
            except (RuntimeError, OSError, ValueError) as error:  # in the table and the JSON
                errors[name] = str(error)
            durations[name] = time.perf_counter() - mark
    total = time.perf_counter() - began
    load_after = _load()

    rows: list[Row] = []
    for name in names:
        if name in results:
            rows += rows_for(name, results[name])
        else:
            rows.append(Row(f"{name}: FAILED ({errors[name]})", "—", "", False))
    print()
    print(f"machine: {about['cpu']}, {about['cores']} cores ({about['usable_cores']} usable),"
          f" {about['memory_gib']} GiB; {about['os']}; {about['python']};"
          f" PySide6 {about['pyside6']}, SQLite {about['sqlite']}")  # fmt: skip
    print(f"load average (1, 5, 15 min): {load_before} before, {load_after} after"
          f"{'; --quick: fewer repetitions' if args.quick else ''}")  # fmt: skip
    print()
    print(table(rows))
    missed = [r.what.strip() for r in rows if r.ok is False]
    print()
    print(f"total run time: {total:.0f} s ("
          + ", ".join(f"{n} {d:.0f} s" for n, d in durations.items()) + ")")  # fmt: skip
    print("all targets met" if not missed else f"{len(missed)} missed: " + "; ".join(missed))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {
                "started": started.isoformat(timespec="seconds"),
                "quick": args.quick,
                "plan": plan,
                "machine": about,
                "load_average": {"before": load_before, "after": load_after},
                "total_s": round(total, 1),
                "durations_s": {n: round(d, 1) for n, d in durations.items()},
                "rows": [asdict(r) for r in rows],
                "results": results,
                "errors": errors,
            },
            indent=2,
            ensure_ascii=False,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"written: {args.json}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

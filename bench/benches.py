"""The benchmarks of ``run_all.py``, one function each, run in a child process of its own
(``run_all.py --child NAME``): each takes the plan (repetitions, full run or --quick) and
the folder where ``export`` leaves its packet for ``verify``, and returns its numbers.

May import: the standard library, the other ``bench_*`` modules and ``desktop_app``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]

UNITS = 3321
# repetitions: full run / --quick
PLANS = {
    False: {
        "start_runs": 7,
        "visible_runs": 7,
        "edits": 200,
        "validations": 200,
        "validate_cli": 7,
        "export_runs": 10,
        "verify_runs": 100,
        "packets": 1000,
        "consolidate_runs": 3,
    },
    True: {
        "start_runs": 3,
        "visible_runs": 3,
        "edits": 50,
        "validations": 50,
        "validate_cli": 3,
        "export_runs": 3,
        "verify_runs": 20,
        "packets": 200,
        "consolidate_runs": 1,
    },
}


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000


def bench_start(plan: dict, handoff: Path) -> dict:
    import bench_entry

    return bench_entry.measure_start(plan["start_runs"])


def bench_edit(plan: dict, handoff: Path) -> dict:
    import bench_entry

    result = bench_entry.measure_edits(plan["edits"])
    return {**result, "maxrss_mb": _maxrss_mb()}


def bench_validate(plan: dict, handoff: Path) -> dict:
    import bench_entry

    from desktop_app.core.validation import validate
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import check_report

    count = plan["validations"]
    with tempfile.TemporaryDirectory() as tmp:
        bench_entry.setup_commune(Path(tmp))
        with Workspace.open(Path(tmp)) as ws:
            state = check_report(ws, "cntt-xa", "2026")
            form = state.form
            inputs = {
                k: v for k, v in state.result.values.items() if not form.fields[k].is_computed
            }
            core, stored = [], []
            for _ in range(count):
                start = time.perf_counter()
                validate(form, inputs)
                core.append(time.perf_counter() - start)
            for _ in range(count):
                start = time.perf_counter()
                check_report(ws, "cntt-xa", "2026")
                stored.append(time.perf_counter() - start)
        maxrss = _maxrss_mb()
        command = [sys.executable, "-m", "desktop_app", "--data-dir", tmp, "validate"]
        command += ["--form", "cntt-xa", "--period", "2026"]
        cli = []
        for i in range(plan["validate_cli"] + 1):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
            if i:  # the first run is a warm-up (bytecode, OS file cache)
                cli.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"validate exited {done.returncode}")
    return {
        "fields": len(form.fields),
        "rules": len(form.rules),
        "problems": len(state.result.problems),
        "runs": count,
        "validate_in_process_ms": _median_ms(core),
        "check_report_ms": _median_ms(stored),
        "cli_runs": len(cli),
        "validate_cli_s": statistics.median(cli),
        "cli_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "maxrss_mb": maxrss,
    }


def bench_export(plan: dict, handoff: Path) -> dict:
    import bench_packet

    result = bench_packet.measure_export(plan["export_runs"], keep=handoff)
    samples = result["samples"]
    steps = {
        name.strip(): statistics.median(values)
        for name, values in samples.items()
        if name.startswith("  ")
    }
    first = samples["export: first (cold)"][0]
    imports = samples["import pyHanko + renderers (once)"][0]
    identity = samples["open identity (once per export)"][0]
    return {
        "runs": plan["export_runs"],
        "packet_kib": result["size"] / 1024,
        "export_warm_ms": statistics.median(samples["export: signed packet (warm)"]),
        "export_first_ms": first,
        "imports_ms": imports,
        "open_identity_ms": identity,
        "first_in_process_ms": imports + identity + first,
        "steps_median_ms": steps,
        "maxrss_mb": _maxrss_mb(),
    }


def bench_verify(plan: dict, handoff: Path) -> dict:
    import bench_packet
    from bench_receive import bare_checks

    packets = sorted(handoff.glob("*.zip"))
    if not packets:
        raise SystemExit("no packet to verify: the export benchmark did not leave one")
    runs = plan["verify_runs"]
    samples = bench_packet.measure_verify(packets[-1], handoff / "cert.pem", runs)
    maxrss = _maxrss_mb()
    both = bare_checks([packets[-1]] * (runs + 1))[1:]
    cms_only = bare_checks([packets[-1]] * (runs + 1), pdf=False)[1:]
    return {
        "runs": runs,
        "verify_first_ms": samples["verify: first (cold)"][0],
        "verify_ms": statistics.median(samples["verify: checks 1-6 (warm)"]),
        "bare_cms_pdf_hashing_ms": _median_ms(both),
        "bare_cms_hashing_ms": _median_ms(cms_only),
        "maxrss_mb": maxrss,
    }


def bench_receive(plan: dict, handoff: Path) -> dict:
    import bench_receive

    return bench_receive.measure(plan["packets"])


def bench_consolidate(plan: dict, handoff: Path) -> dict:
    import bench_consolidate

    return bench_consolidate.measure_stored(UNITS, plan["consolidate_runs"])


def bench_visible(plan: dict, handoff: Path) -> dict:
    """``visible_start.py``: to a visible window on an X screen, source and built folder
    (``BENCH_BUILD=1``: build one into a temporary folder if there is no dist/)."""
    import visible_start

    build = os.environ.get("BENCH_BUILD") == "1"
    if os.environ.get("DISPLAY"):
        return visible_start.measure_visible(plan["visible_runs"], build=build)
    if shutil.which("xvfb-run") is None:
        return {"skipped": "no X display and no xvfb-run"}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "visible.json"
        command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable]
        command += [str(BENCH / "visible_start.py"), "--runs", str(plan["visible_runs"])]
        command += ["--json", str(out)] + (["--build"] if build else [])
        for _ in range(2):  # xvfb-run -a can race another user's server for a number
            done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
            if done.returncode == 0 and out.exists():
                break
        else:
            raise RuntimeError(f"visible_start exited {done.returncode}")
        return json.loads(out.read_text(encoding="utf-8"))


BENCHES: dict[str, Callable[[dict, Path], dict]] = {
    "start": bench_start,
    "visible": bench_visible,
    "edit": bench_edit,
    "validate": bench_validate,
    "export": bench_export,
    "verify": bench_verify,
    "receive": bench_receive,
    "consolidate": bench_consolidate,
}

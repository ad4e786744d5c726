"""Consolidate, score, rank and write both reports for a province's 3,321 communes.

    .venv/bin/python bench/bench_consolidate.py [--units 3321] [--runs 3] [--json OUT.json]
    .venv/bin/python bench/bench_consolidate.py --from-storage [--units 3321]

The units are made from the 20 Chợ Đồn samples with a deterministic variation (counts
scaled by 0.7–1.3, some yes/no answers flipped), so the work is the real work on
realistic figures. Prints the median and spread of each step over ``--runs`` runs, then
one more run under tracemalloc for the peak of Python allocations; maxrss is the whole
process's peak. Target (issue 6): ≤ 60 s and ≤ 300 MB.

``--from-storage`` measures the path the ``report`` command takes instead: the reports
are stored as received submissions (the rows receiving writes, without the packets'
signature checks, which ``bench_receive`` measures) in a data directory whose unit
(Hà Nội in the legacy catalogue, whose own children are districts) has the units as its
custom communes; then ``workspace.district.consolidation_for`` (read the submissions,
consolidate, score, rank, statements, targets) and ``write_district_reports``. The
submissions are stored by a child process, so the peak memory is the report path's alone.
``measure_stored`` returns the numbers (``bench/run_all.py`` calls it).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _units(n: int):
    from desktop_app.consolidation import ExpectedUnit, UnitReport, typed_inputs
    from desktop_app.core.forms import load_form_file
    from desktop_app.workspace.entry import read_values_file

    form = load_form_file(ROOT / "forms" / "cntt-xa-2026.yaml")
    samples = [
        typed_inputs(form, read_values_file(p)["values"])
        for p in sorted((ROOT / "resources" / "samples").glob("cntt-xa_2026_*.json"))
    ]
    reports, expected = [], []
    for i in range(n):
        base = samples[i % len(samples)]
        factor = 0.7 + (i * 37 % 61) / 100  # 0.70 … 1.30, the same every run
        values = {}
        for field_id, value in base.items():
            if isinstance(value, bool):
                values[field_id] = value if (i * 7 + len(field_id)) % 11 else not value
            elif isinstance(value, int):
                values[field_id] = max(int(value * factor), 1 if value else 0)
            else:
                values[field_id] = value
        code = f"{i + 1:05d}"
        name = f"Xã Thử Nghiệm Số {i + 1}"
        expected.append(ExpectedUnit(code, name))
        if i % 97:  # about 1 % missing: the report must say "provisional"
            reports.append(UnitReport(code, name, form, values))
    return form, reports, expected


def _run(form, reports, expected, out: Path) -> dict[str, float]:
    from desktop_app.consolidation import ReportInfo, consolidate, district_statements, rank_units
    from desktop_app.consolidation.report_pdf import render_consolidated_pdf
    from desktop_app.consolidation.report_xlsx import write_consolidated_xlsx

    info = ReportInfo("Tỉnh Thử Nghiệm", None, "2026", "2027-01-20", "Thử Nghiệm", "A", "B")
    times: dict[str, float] = {}
    start = time.perf_counter()
    c = consolidate(form, reports, expected)
    times["consolidate"] = time.perf_counter() - start
    mark = time.perf_counter()
    ranking = rank_units(c)
    statements = district_statements(c)
    times["score, rank, statements"] = time.perf_counter() - mark
    mark = time.perf_counter()
    write_consolidated_xlsx(out / "r.xlsx", c, ranking, statements, info)
    times["write xlsx"] = time.perf_counter() - mark
    mark = time.perf_counter()
    (out / "r.pdf").write_bytes(render_consolidated_pdf(c, ranking, statements, info))
    times["write pdf"] = time.perf_counter() - mark
    times["total"] = time.perf_counter() - start
    return times


def _stored(form, reports, expected, root: Path) -> Path:
    """A data directory holding ``reports`` as current submissions of custom units."""
    from desktop_app.core.values import to_json
    from desktop_app.receiving.merge import value_rows
    from desktop_app.storage import upsert_units
    from desktop_app.storage.submissions import insert_submission
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.setup_unit import setup_unit

    data_dir = root / "tinh"
    with Workspace.open(data_dir) as ws:
        setup_unit(ws, "01", "legacy", clerk="Cán bộ Sở", leader="Chủ tịch")
        units = [(f"T{u.code}", u.name, "commune", "01", "custom") for u in expected]
        upsert_units(ws.db, units)
        now = ws.db.now()
        with ws.db.transaction():
            for i, r in enumerate(reports):
                values = {k: to_json(form.fields[k], v) for k, v in r.values.items()}
                digest = f"{i:064x}"
                insert_submission(
                    ws.db, value_rows({"values": values}), unit_code=f"T{r.unit_code}",
                    unit_name=r.unit_name, form_id=form.id, form_version=form.version,
                    period="2026", revision=1, data_sha256=digest, created_at=now,
                    signed_at=now, received_at=now, packet_path=f"received/{digest}.zip",
                    signer_fingerprint="-", signer_name="-", state="current",
                    data_json=json.dumps({"values": values}, ensure_ascii=False),
                )  # fmt: skip
    return data_dir


def _run_stored(data_dir: Path, out: Path) -> dict[str, float]:
    import datetime

    from desktop_app.workspace import Workspace
    from desktop_app.workspace.district import consolidation_for, write_district_reports

    times: dict[str, float] = {}
    day = datetime.date(2027, 1, 20)
    with Workspace.open(data_dir) as ws:
        start = time.perf_counter()
        consolidation_for(ws, "cntt-xa", "2026", date=day)
        times["consolidation_for"] = time.perf_counter() - start
        mark = time.perf_counter()
        write_district_reports(ws, "cntt-xa", "2026", out, date=day)
        times["write_district_reports"] = time.perf_counter() - mark
    return times


def make_storage(units: int, root: Path) -> None:
    """``root/tinh``: the data directory of ``_stored``, and ``root/stored.json`` (child
    process, so the measuring process holds only what the report command holds)."""
    form, reports, expected = _units(units)
    start = time.perf_counter()
    _stored(form, reports, expected, root)
    made = time.perf_counter() - start
    (root / "stored.json").write_text(json.dumps({"stored": len(reports), "made_s": made}))


def measure_stored(units: int = 3321, runs: int = 3) -> dict:
    """Per run: ``consolidation_for`` then ``write_district_reports`` (which consolidates
    again itself: it is the report command's whole path) on ``units`` stored submissions
    made in a child process; medians, spread, and this process's maxrss."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        subprocess.run(
            [sys.executable, __file__, "--units", str(units), "--make-storage", str(root)],
            check=True,
        )
        made = json.loads((root / "stored.json").read_text())
        samples = [_run_stored(root / "tinh", root / "out") for _ in range(runs)]
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sizes = {p.name: p.stat().st_size for p in (root / "out").iterdir()}
    steps = {
        step: {
            "median_s": statistics.median(r[step] for r in samples),
            "min_s": min(r[step] for r in samples),
            "max_s": max(r[step] for r in samples),
        }
        for step in samples[0]
    }
    return {
        "units": units, "stored": made["stored"], "storage_made_s": made["made_s"],
        "runs": runs, "steps": steps, "maxrss_mb": round(maxrss_mb, 1), "files": sizes,
    }  # fmt: skip


def main_stored(args: argparse.Namespace) -> int:
    result = measure_stored(args.units, args.runs)
    print(f"{args.units} units ({result['stored']} stored as submissions"
          f" in {result['storage_made_s']:.1f} s, in a child process)")  # fmt: skip
    print(f"median of {args.runs} runs (write_district_reports consolidates again itself)")
    for step, figures in result["steps"].items():
        print(f"  {step:<24} {figures['median_s']:6.2f} s"
              f"  (min {figures['min_s']:.2f}, max {figures['max_s']:.2f})")  # fmt: skip
    print(f"peak resident memory (maxrss): {result['maxrss_mb']:.1f} MB; files: {result['files']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=3321)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--from-storage", action="store_true", help="the report command's path")
    parser.add_argument("--make-storage", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make_storage:
        make_storage(args.units, args.make_storage)
        return 0
    if args.from_storage:
        return main_stored(args)
    form, reports, expected = _units(args.units)
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for _ in range(args.runs):
            runs.append(_run(form, reports, expected, out))
        pdf_pages = (out / "r.pdf").read_bytes().count(b"/Type /Page\n")
        sizes = {p.name: p.stat().st_size for p in out.iterdir()}
        # before tracemalloc, whose own bookkeeping would inflate the process's peak
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        tracemalloc.start()
        _run(form, reports, expected, out)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"{args.units} units ({len(reports)} reported), median of {args.runs} runs")
    print(f"| {'step':<26} | {'median s':>8} | {'min s':>7} | {'max s':>7} |")
    print(f"|{'-' * 28}|{'-' * 10}|{'-' * 9}|{'-' * 9}|")
    medians = {}
    for step in runs[0]:
        samples = [r[step] for r in runs]
        medians[step] = statistics.median(samples)
        print(f"| {step:<26} | {medians[step]:8.2f} | {min(samples):7.2f} | {max(samples):7.2f} |")
    print(f"peak Python allocations (tracemalloc): {peak / 2**20:.1f} MB")
    print(f"peak resident memory (maxrss, without tracemalloc): {maxrss_mb:.1f} MB")
    print(f"files: {sizes}, PDF pages ≈ {pdf_pages}")
    if args.json:
        result = {
            "units": args.units, "reported": len(reports), "runs": args.runs,
            "median_seconds": medians, "tracemalloc_peak_mb": round(peak / 2**20, 1),
            "maxrss_mb": round(maxrss_mb, 1), "files": sizes,
        }  # fmt: skip
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The table ``run_all.py`` prints: each benchmark's numbers as rows ``what | median |
target | ok?``, the targets written here beside the rows that carry them.

May import: the standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass

MEMORY_MB = 300
START_TARGET = 2.0  # × a bare PySide6 window (issue 15's decision, source and built)


@dataclass
class Row:
    what: str
    median: str
    target: str = ""
    ok: bool | None = None  # None: no target of its own
    value: float | None = None
    unit: str = ""


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 10 else f"{seconds:.1f} s"


def _ms(ms: float) -> str:
    return f"{ms:.2f} ms" if ms < 100 else f"{ms:.0f} ms"


def _memory(name: str, mb: float) -> Row:
    return Row(f"peak memory (maxrss): {name}", f"{mb:.0f} MB", f"≤ {MEMORY_MB} MB",
               mb <= MEMORY_MB, mb, "MB")  # fmt: skip


def rows_for(name: str, r: dict) -> list[Row]:
    """The table's rows for benchmark ``name`` with result ``r``."""
    if name == "start":
        limit = START_TARGET * r["start_bare_window_s"]
        ratio = r["start_ratio"]
        return [
            Row(f"cold start (new process) to interactive window ({r['runs']})",
                f"{_s(r['start_app_window_s'])} = {ratio:.2f} × bare",
                f"≤ {START_TARGET} × bare = {_s(limit)}", ratio <= START_TARGET,
                r["start_app_window_s"], "s"),
            Row("  bare PySide6 window, same run", _s(r["start_bare_window_s"]),
                value=r["start_bare_window_s"], unit="s"),
            Row("  least any data-entry window must do (bench_entry.floor_window), same run",
                f"{_s(r['start_floor_window_s'])} = {r['start_floor_ratio']:.2f} × bare",
                value=r["start_floor_window_s"], unit="s"),
            Row("  first start of the run (not in the median)", _s(r["start_first_app_s"]),
                value=r["start_first_app_s"], unit="s"),
            _memory("window process at start-up", r["app_window_maxrss_mb"]),
        ]  # fmt: skip
    if name == "visible":
        return _visible_rows(r)
    if name == "edit":
        ms = r["edit_persisted_ms"]
        bare = r["bare_sqlite_commit_ms"]
        return [
            Row(f"one field edit: fsynced commit + audit, form re-validated ({r['edits']})",
                f"{_ms(ms)} = {ms / bare:.1f} × bare", "≤ 5 ms", ms <= 5, ms, "ms"),
            Row("  bare SQLite commit (WAL, synchronous=FULL), same run", _ms(bare),
                value=bare, unit="ms"),
            _memory("edits", r["maxrss_mb"]),
        ]  # fmt: skip
    if name == "validate":
        return [
            Row(f"validate the full form in process ({r['fields']} fields,"
                f" {r['rules']} rules)", _ms(r["validate_in_process_ms"]),
                value=r["validate_in_process_ms"], unit="ms"),
            Row("  read from the database + validate (as `validate` does)",
                _ms(r["check_report_ms"]), value=r["check_report_ms"], unit="ms"),
            Row(f"  `validate` command as a whole process ({r['cli_runs']})",
                _s(r["validate_cli_s"]), value=r["validate_cli_s"], unit="s"),
            _memory("validate", r["maxrss_mb"]),
        ]  # fmt: skip
    if name == "export":
        warm = r["export_warm_ms"] / 1000
        first = r["first_in_process_ms"] / 1000
        return [
            Row(f"export one signed packet, full commune form ({r['runs']})", _s(warm),
                "≤ 1 s", warm <= 1, warm, "s"),
            Row("  first export in a process, imports + identity included", _s(first),
                value=first, unit="s"),
            _memory("export", r["maxrss_mb"]),
        ]  # fmt: skip
    if name == "verify":
        ms = r["verify_ms"]
        both = r["bare_cms_pdf_hashing_ms"]
        cms = r["bare_cms_hashing_ms"]
        return [
            Row(f"verify one packet, checks 1-6 ({r['runs']})", f"{_ms(ms)} = {ms / both:.2f} × bare",
                f"≤ 3 × bare = {_ms(3 * both)}", ms <= 3 * both, ms, "ms"),
            Row("  bare: CMS + PDF signature checks + hashing", _ms(both), value=both, unit="ms"),
            Row(f"  bare: one CMS check + hashing (verify = {ms / cms:.2f} × this)", _ms(cms),
                value=cms, unit="ms"),
            _memory("verify", r["maxrss_mb"]),
        ]  # fmt: skip
    if name == "receive":
        here, there = r["in_process"], r["parallel"]
        bare = r["bare_signatures_hashing_median_ms"]
        # CPU, not wall time: on a shared machine the wall time says how busy it was
        verify, floor = r["verify_only_cpu_ms_per_packet"], r["floor_cpu_ms_per_packet"]
        n = f"{r['packets']:,}"
        best = max(here["per_second"], there["per_second"])
        return [
            Row(f"receive {n} packets, full verification: throughput"
                f" ({r['workers']} workers, load {r['load']:.1f})", f"{best:.0f}/s",
                "≥ 100/s", best >= 100, best, "packets/s"),
            Row("  in process", f"{here['per_second']:.0f}/s, CPU {_ms(here['cpu_ms_per_packet'])}"
                f" a packet (idle machine ≤ {here['idle_capacity_per_second']:.0f}/s)",
                value=here["per_second"], unit="packets/s"),
            Row(f"  with {r['workers']} worker processes (first commit after"
                f" {_s(there['first_ms'] / 1000)})",
                f"{there['per_second']:.0f}/s, CPU {_ms(there['cpu_ms_per_packet'])} a packet"
                f" (idle machine ≤ {there['idle_capacity_per_second']:.0f}/s)",
                value=there["per_second"], unit="packets/s"),
            Row("  crypto floor: CMS + PDF signature checks + hashing, same packets",
                f"{_ms(bare)} = {1000 / bare:.0f}/s a process, CPU"
                f" {_ms(r['floor_cpu_ms_per_packet'])}", value=bare, unit="ms"),
            Row("  verify only (checks 1-6), same packets, in process: CPU",
                f"{_ms(verify)} = {verify / floor:.2f} × floor", f"≤ 3 × floor = {_ms(3 * floor)}",
                verify <= 3 * floor, verify, "ms"),
            _memory("receive", r["maxrss_mb"]),
        ]  # fmt: skip
    if name == "consolidate":
        whole = r["steps"]["write_district_reports"]["median_s"]
        alone = r["steps"]["consolidation_for"]["median_s"]
        return [
            Row(f"consolidate + rank + both reports, {r['units']:,} units ({r['runs']})",
                _s(whole), "≤ 60 s", whole <= 60, whole, "s"),
            Row("  consolidate + rank alone (consolidation_for)", _s(alone), value=alone,
                unit="s"),
            _memory("consolidate", r["maxrss_mb"]),
        ]  # fmt: skip
    raise KeyError(name)


def _visible_rows(r: dict) -> list[Row]:
    """Start-up to a visible window (an X screen): source, built folder, bare."""
    if "skipped" in r:
        return [Row(f"start to a visible window: skipped ({r['skipped']})", "—")]
    bare = r["visible_bare_s"]
    limit = f"≤ {START_TARGET} × bare = {_s(START_TARGET * bare)}"
    rows = [
        Row(f"cold start to a visible window, from source ({r['runs']})",
            f"{_s(r['visible_source_s'])} = {r['visible_source_ratio']:.2f} × bare", limit,
            r["visible_source_ratio"] <= START_TARGET, r["visible_source_s"], "s"),
    ]  # fmt: skip
    if "visible_built_s" in r:
        rows.append(
            Row(f"cold start to a visible window, built one-folder application ({r['runs']})",
                f"{_s(r['visible_built_s'])} = {r['visible_built_ratio']:.2f} × bare", limit,
                r["visible_built_ratio"] <= START_TARGET, r["visible_built_s"], "s")
        )  # fmt: skip
    else:
        rows.append(Row(f"  built one-folder application: skipped ({r['built_origin']})", "—"))
    rows.append(Row("  bare PySide6 window (visible), same run", _s(bare), value=bare, unit="s"))
    return rows


def table(rows: list[Row]) -> str:
    cells = [(r.what, r.median, r.target, {True: "yes", False: "NO", None: ""}[r.ok])
             for r in rows]  # fmt: skip
    widths = [max(len(c[i]) for c in [("what", "median", "target", "ok?"), *cells])
              for i in range(4)]  # fmt: skip

    def line(c: tuple[str, ...]) -> str:
        return (f"| {c[0]:<{widths[0]}} | {c[1]:>{widths[1]}} | {c[2]:<{widths[2]}}"
                f" | {c[3]:<{widths[3]}} |")  # fmt: skip

    rule = f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 1)}:|{'-' * (widths[2] + 2)}|"
    rule += f"{'-' * (widths[3] + 2)}|"
    return "\n".join([line(("what", "median", "target", "ok?")), rule, *map(line, cells)])

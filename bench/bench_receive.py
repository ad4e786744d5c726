"""How fast a district receives packets, with full verification, and at what memory cost.

    .venv/bin/python bench/bench_receive.py [--packets 1000] [--cache DIR] [--json OUT]

The packets are made once and cached (default: a folder in the system temp directory):
the 20 Chợ Đồn communes each set up with their 2026 sample and their own self-signed
identity, revision 1 made by the application's export (real report.xlsx and report.pdf,
PAdES stamp), and revisions 2, 3, … re-signed from it (a new data.json revision, manifest
and CMS signature; the signed PDF and the workbook are reused, so every check costs
exactly what it costs on a genuine packet). The district (064) has the 20 certificates
registered. Making them runs in a child process, so the memory measured here is the
receiving alone.

Measured in one run, on the same files:
- **receive, in process** and **receive, with workers** (``receiving.parallel``: checks
  1–6 in ``os.cpu_count()`` spawn processes, the parent commits in order): checks 1–7,
  the kept copy of each file, the merge, one transaction each (between two commits from
  the progress callback; the first packet, which loads pyHanko's validators and with
  workers starts them, is reported apart), and the CPU time of every process per packet
  (what the machine spends, whatever else runs on it);
- **verify only**: ``PacketVerifier`` checks 1–6, nothing written;
- **bare signatures + hashing**: reading the zip, sha256 of every member, the CMS and the
  PDF signature through pyHanko, nothing else: the floor under the receiving. It goes
  through the verifier's own calls (``sigcheck``: a fresh validation context per packet),
  so what the receiving adds is what it does beyond the signatures, not a difference in
  how they are checked.
Memory: the process's peak resident size (maxrss) after receiving in process.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASS = "Mật khẩu thử 2026!"
DISTRICT = "064"
CACHE_VERSION = "2"  # 2: PDFs without the ASCII85 layer, checked against data.json


def _communes() -> list[str]:
    samples = sorted((ROOT / "resources" / "samples").glob("cntt-xa_2026_*.json"))
    return [p.stem.rsplit("_", 1)[1] for p in samples]


def _commune(code: str, root: Path, packets: Path, revisions: int) -> Path:
    """Set a commune up, export revision 1, re-sign revisions 2…; returns its certificate."""
    from desktop_app.packets.data import canonical_json
    from desktop_app.packets.identities import load_identity
    from desktop_app.packets.manifest import build_manifest, manifest_bytes
    from desktop_app.packets.packet import MEMBERS, packet_name, zip_bytes
    from desktop_app.packets.signing import sign_detached
    from desktop_app.packets.zipread import read_members
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import export_report
    from desktop_app.workspace.identity import create_unit_identity, export_unit_certificate
    from desktop_app.workspace.setup_unit import setup_unit

    with Workspace.open(root / code) as ws:
        setup_unit(ws, code, "legacy", clerk=f"Văn thư {code}", leader="Chủ tịch")
        load_values(ws, ROOT / "resources" / "samples" / f"cntt-xa_2026_{code}.json")
        create_unit_identity(ws, PASS)
        cert, _ = export_unit_certificate(ws, root / f"{code}.pem")
        first = export_report(ws, "cntt-xa", "2026", packets, secret=PASS).path
        identity = load_identity(ws.db, ws.data_dir, PASS)
    members = read_members(first)
    data = json.loads(members["data.json"])
    start = datetime.datetime.fromisoformat(json.loads(members["manifest.json"])["created_at"])
    for revision in range(2, revisions + 1):
        data["revision"] = revision
        moment = start + datetime.timedelta(minutes=revision)
        files = {**members, "data.json": canonical_json(data)}
        manifest = manifest_bytes(build_manifest(data, files, created_at=moment))
        files["manifest.json"] = manifest
        files["manifest.json.p7s"] = sign_detached(identity.signer, manifest, moment)
        name = packet_name(code, "cntt-xa", "2026", revision)
        (packets / name).write_bytes(zip_bytes({m: files[m] for m in MEMBERS}, moment))
    identity.close()
    return cert


def generate(cache: Path, count: int) -> None:
    """Make the packets and the district template into ``cache`` (child process)."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.receive import register_certificate
    from desktop_app.workspace.setup_unit import setup_unit

    codes = _communes()
    revisions = -(-count // len(codes))
    work = cache / "communes"
    packets = cache / "packets"
    packets.mkdir(parents=True, exist_ok=True)
    certs = {code: _commune(code, work, packets, revisions) for code in codes}
    with Workspace.open(cache / "district") as ws:
        setup_unit(ws, DISTRICT, "legacy", clerk="Cán bộ Phòng VH-TT")
        for code, cert in certs.items():
            register_certificate(ws, cert, code)
    (cache / "ready").write_text(str(count))


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _cpu_s() -> tuple[float, float]:
    """CPU seconds of this process, and of its children that have ended (the workers,
    once their pool is shut down)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _receive(cache: Path, work: Path, paths: list[Path], parallel: bool) -> dict[str, float | int]:
    from desktop_app.receiving.receive import receive_paths
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.receive import office

    district = shutil.copytree(cache / "district", work / f"district-{parallel}")
    marks: list[float] = []  # progress(0, n), then after each packet
    with Workspace.open(district) as ws:
        own, children = _cpu_s()
        start = time.perf_counter()
        report = receive_paths(office(ws), paths, lambda done, total: marks.append(time.perf_counter()),
                               parallel=parallel)  # fmt: skip
        total = time.perf_counter() - start
        own, children = (b - a for a, b in zip((own, children), _cpu_s(), strict=True))
    steps = [b - a for a, b in itertools.pairwise(marks)]
    counts = report.counts()
    assert not report.rejected, report.rejected[0].error
    return {
        "packets": len(paths),
        "accepted": counts.get("accepted", 0),
        "superseding": counts.get("superseding", 0),
        "first_ms": (marks[1] - start) * 1000,
        "median_ms": _median_ms(steps[1:]),
        "p95_ms": sorted(steps)[int(len(steps) * 0.95)] * 1000,
        "total_s": total,
        "per_second": len(paths) / total,
        "cpu_ms_per_packet": (own + children) / len(paths) * 1000,
        "parent_cpu_ms_per_packet": own / len(paths) * 1000,
        # what the machine could do with nothing else running: every core busy, or the
        # one writer busy, whichever comes first
        "idle_capacity_per_second": min(
            (os.cpu_count() or 1) * len(paths) / (own + children),
            len(paths) / own if parallel else len(paths) / (own + children),
        ),
    }


def _verify_only(cache: Path, paths: list[Path]) -> list[float]:
    from desktop_app.packets.verify import PacketVerifier
    from desktop_app.receiving.trust_store import DbTrustSource
    from desktop_app.storage import Database
    from desktop_app.workspace.workspace import shipped_forms

    times = []
    with (
        Database.open(cache / "district" / "data.sqlite3") as db,
        PacketVerifier(shipped_forms(), DbTrustSource(db)) as verifier,
    ):
        for path in paths:
            start = time.perf_counter()
            verifier.verify(path.read_bytes())
            times.append(time.perf_counter() - start)
    return times


def bare_checks(paths: list[Path], *, pdf: bool = True) -> list[float]:
    """Zip read, every member hashed, CMS and (unless ``pdf`` is false) PDF signatures
    checked: nothing else. Seconds per packet."""
    import hashlib

    from desktop_app.packets.sigcheck import Contexts, check_cms, check_pdf, preview_cms
    from desktop_app.packets.zipread import read_members

    contexts, loop, times = Contexts(), asyncio.new_event_loop(), []
    for path in paths:
        start = time.perf_counter()
        members = read_members(path.read_bytes())
        for content in members.values():
            hashlib.sha256(content).digest()
        preview = preview_cms(members["manifest.json.p7s"])
        context = contexts.get([preview.signer], preview.signed_at)
        cms = loop.run_until_complete(check_cms(members["manifest.json"], preview, context))
        assert cms.bottom_line
        if pdf:
            assert loop.run_until_complete(check_pdf(members["report.pdf"], context)).bottom_line
        times.append(time.perf_counter() - start)
    loop.close()
    return times


def _print(result: dict[str, Any], count: int, size_mb: float) -> None:
    print(f"{count} packets ({size_mb:.0f} MB), 20 communes × {count // 20} revisions,"
          f" {result['workers']} workers, load {result['load']:.1f}\n")  # fmt: skip
    print(f"| {'what':<52} | {'in process':>10} | {'workers':>10} |")
    print(f"|{'-' * 54}|{'-' * 12}|{'-' * 12}|")
    here, there = result["in_process"], result["parallel"]
    rows = [
        ("receive: packets per second", "per_second"),
        ("receive: total, s", "total_s"),
        ("receive: first packet committed after, ms", "first_ms"),
        ("receive: median between two commits, ms", "median_ms"),
        ("receive: 95th percentile between two commits, ms", "p95_ms"),
        ("receive: CPU per packet, all processes, ms", "cpu_ms_per_packet"),
        ("receive: CPU per packet, the writer (this process), ms", "parent_cpu_ms_per_packet"),
        ("receive: packets per second, idle machine (from CPU)", "idle_capacity_per_second"),
    ]
    for name, key in rows:
        print(f"| {name:<52} | {here[key]:10.2f} | {there[key]:10.2f} |")
    floor = result["bare_signatures_hashing_median_ms"]
    print(f"| {'crypto floor (signatures + hashing): median, ms':<52} | {floor:10.2f} |")
    print(f"| {'crypto floor: packets per second, one process':<52} | {1000 / floor:10.2f} |")
    print(f"| {'crypto floor: CPU per packet, ms':<52} |"
          f" {result['floor_cpu_ms_per_packet']:10.2f} |")  # fmt: skip
    print(f"| {'verify only (checks 1–6): median, ms':<52} |"
          f" {result['verify_only_median_ms']:10.2f} |")  # fmt: skip
    print(f"| {'verify only (checks 1–6): CPU per packet, ms':<52} |"
          f" {result['verify_only_cpu_ms_per_packet']:10.2f} |")  # fmt: skip
    print(f"| {'peak resident memory after receiving, MB':<52} | {result['maxrss_mb']:10.2f} |")


def measure(count: int = 1000, cache: Path | None = None) -> dict[str, Any]:
    """Receive ``count`` packets (made once into ``cache``, in a child process) in process,
    then again with worker processes (each into its own copy of the district), then verify
    them only, then the bare checks (the crypto floor), all in this one run; the process's
    maxrss is taken after the in-process receiving. The numbers, as ``main`` prints them."""
    cache = cache or Path(tempfile.gettempdir()) / f"cntt-bench-receive-{CACHE_VERSION}-{count}"
    if not (cache / "ready").exists():
        shutil.rmtree(cache, ignore_errors=True)
        print(f"making {count} packets into {cache} (once)…", flush=True)
        subprocess.run([sys.executable, __file__, "--packets", str(count), "--generate",
                        str(cache)], check=True, env={**os.environ, "PYTHONHASHSEED": "0"})  # fmt: skip
    from desktop_app.receiving.parallel import worker_count
    from desktop_app.receiving.receive import collect

    paths = collect([cache / "packets"])[0][:count]
    size_mb = sum(p.stat().st_size for p in paths) / 2**20
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        in_process = _receive(cache, Path(tmp), paths, parallel=False)
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parallel = _receive(cache, Path(tmp), paths, parallel=True)
        cpu = time.process_time()
        verify = _verify_only(cache, paths)
        verify_cpu_ms = (time.process_time() - cpu) / len(paths) * 1000
        cpu = time.process_time()
        bare = bare_checks(paths)
        floor_cpu_ms = (time.process_time() - cpu) / len(paths) * 1000
    return {
        "packets": len(paths),
        "workers": worker_count(),
        "load": round((load + os.getloadavg()[0]) / 2, 2),
        "in_process": in_process,
        "parallel": parallel,
        "maxrss_mb": round(maxrss_mb, 1),
        "verify_only_median_ms": _median_ms(verify[1:]),
        "bare_signatures_hashing_median_ms": _median_ms(bare[1:]),
        "floor_cpu_ms_per_packet": floor_cpu_ms,
        "verify_only_cpu_ms_per_packet": verify_cpu_ms,
        "packets_mb": round(size_mb, 1),
        "cache": str(cache),
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return round(value, 3) if isinstance(value, float) else value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=int, default=1000)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--generate", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(args.generate, args.packets)
        return 0
    result = measure(args.packets, args.cache)
    cache = Path(str(result.pop("cache")))
    _print(result, int(result["packets"]), float(result["packets_mb"]))
    out = args.json or cache / "bench_receive.json"
    out.write_text(json.dumps(_rounded(result), indent=2), encoding="utf-8")
    print(f"\nwritten: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

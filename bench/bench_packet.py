"""How long a signed packet of the full commune form takes to make and to check.

    .venv/bin/python bench/bench_packet.py [--runs 10] [--key ec|rsa]

Sets up Xã Bình Trung (02080) with its 2026 sample in a temporary data directory,
creates the self-signed identity, opens it once (as the window does for an export),
then exports the packet ``--runs`` times and verifies it ``--runs`` times with one
verifier. Prints the median and spread of each step.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASS = "Bình Trung 2026!"
STAGES = {
    1: "check + data.json",
    2: "render report.xlsx",
    3: "render report.pdf",
    4: "PAdES signature (visible stamp)",
    5: "manifest + CMS signature",
    6: "zip, write, record (1 commit)",
}


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _row(name: str, samples: list[float]) -> str:
    return (
        f"| {name:<34} | {statistics.median(samples):8.1f} | {min(samples):8.1f} |"
        f" {max(samples):8.1f} | {len(samples):>4} |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--key", choices=["ec", "rsa"], default="ec")
    args = parser.parse_args()

    from desktop_app.packets import identities
    from desktop_app.packets.trust import TrustList
    from desktop_app.packets.verify import PacketVerifier
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import default_renderers, export_report
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.setup_unit import setup_unit

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "data") as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
        load_values(ws, ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json")
        info = create_unit_identity(ws, PASS, key_kind=args.key)
        out = Path(tmp) / "out"

        def imports() -> None:
            importlib.import_module("pyhanko.sign.signers")
            default_renderers()

        results["import pyHanko + renderers (once)"] = [_timed(imports)]
        opened: list = []
        results["open identity (once per export)"] = [
            _timed(lambda: opened.append(identities.load_identity(ws.db, ws.data_dir, PASS)))
        ]
        identity = opened[0]
        paths: list[Path] = []
        # first export warms caches (fonts, form); reported apart from the median
        results["export: first (cold)"] = [
            _timed(
                lambda: paths.append(
                    export_report(ws, "cntt-xa", "2026", out, identity=identity).path
                )
            )
        ]
        stages: dict[int, list[float]] = {}

        def one_export() -> None:
            marks = [time.perf_counter()]

            def progress(done: int, _total: int) -> None:
                marks.append(time.perf_counter())
                stages.setdefault(done, []).append((marks[-1] - marks[-2]) * 1000)

            export_report(ws, "cntt-xa", "2026", out, identity=identity, progress=progress)

        results["export: signed packet (warm)"] = [_timed(one_export) for _ in range(args.runs)]
        for done, name in STAGES.items():
            results[f"  {name}"] = stages[done]
        identity.close()
        trust = TrustList()
        trust.add(info.certificate, "02080")
        with PacketVerifier(ws.forms, trust) as verifier:
            results["verify: first (cold)"] = [_timed(lambda: verifier.verify(paths[0]))]
            results["verify: checks 1-6 (warm)"] = [
                _timed(lambda: verifier.verify(paths[0])) for _ in range(args.runs)
            ]
        size = paths[0].stat().st_size

    print(f"Packet: {paths[0].name}, {size / 1024:.0f} KiB, key {args.key}, {args.runs} runs\n")
    print(f"| {'step':<34} | {'median':>8} | {'min':>8} | {'max':>8} | {'n':>4} |")
    print(f"|{'-' * 36}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 5}:|")
    for name, samples in results.items():
        print(_row(name, samples))
    print("\n(milliseconds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

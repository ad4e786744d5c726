"""How long a signed packet of the full commune form takes to make and to check.

    .venv/bin/python bench/bench_packet.py [--runs 10] [--key ec|rsa]

Sets up Xã Bình Trung (02080) with its 2026 sample in a temporary data directory,
creates the self-signed identity, opens it once (as the window does for an export),
then exports the packet ``--runs`` times and verifies it ``--runs`` times with one
verifier. Prints the median and spread of each step. ``measure_export`` and
``measure_verify`` return the samples (``bench/run_all.py`` runs each in its own process).
"""

from __future__ import annotations

import argparse
import importlib
import shutil
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


def measure_export(runs: int = 10, key: str = "ec", keep: Path | None = None) -> dict:
    """Samples (ms) of each step of exporting the packet ``runs`` times (one identity
    opened, as the window does for an export), the first export apart. With ``keep``, the
    last packet and the unit's certificate (``cert.pem``) are copied there for
    ``measure_verify`` in another process. Returns ``{"samples": …, "packet": Path,
    "size": bytes}``; ``packet`` lives in a temporary directory unless ``keep`` is given."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from desktop_app.packets import identities
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.entry import load_values
    from desktop_app.workspace.export import default_renderers, export_report
    from desktop_app.workspace.identity import create_unit_identity
    from desktop_app.workspace.setup_unit import setup_unit

    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp, Workspace.open(Path(tmp) / "data") as ws:
        setup_unit(ws, "02080", "legacy", clerk="Nguyễn Thị Hoa", leader="Hoàng Văn Nam")
        load_values(ws, ROOT / "resources" / "samples" / "cntt-xa_2026_02080.json")
        info = create_unit_identity(ws, PASS, key_kind=key)
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

            paths.append(
                export_report(ws, "cntt-xa", "2026", out, identity=identity, progress=progress).path
            )

        results["export: signed packet (warm)"] = [_timed(one_export) for _ in range(runs)]
        for done, name in STAGES.items():
            results[f"  {name}"] = stages[done]
        identity.close()
        packet = paths[-1]
        size = packet.stat().st_size
        if keep is not None:
            keep.mkdir(parents=True, exist_ok=True)
            packet = Path(shutil.copy2(packet, keep / packet.name))
            (keep / "cert.pem").write_bytes(info.certificate.public_bytes(Encoding.PEM))
    return {"samples": results, "packet": packet, "size": size}


def measure_verify(packet: Path, cert_pem: Path, runs: int = 10) -> dict[str, list[float]]:
    """Samples (ms) of verifying ``packet`` (checks 1-6, one verifier, the first apart)
    against a trust list holding the unit's certificate."""
    from cryptography import x509

    from desktop_app.packets.trust import TrustList
    from desktop_app.packets.verify import PacketVerifier
    from desktop_app.workspace.workspace import shipped_forms

    trust = TrustList()
    trust.add(x509.load_pem_x509_certificate(cert_pem.read_bytes()), "02080")
    results: dict[str, list[float]] = {}
    with PacketVerifier(shipped_forms(), trust) as verifier:
        results["verify: first (cold)"] = [_timed(lambda: verifier.verify(packet))]
        results["verify: checks 1-6 (warm)"] = [
            _timed(lambda: verifier.verify(packet)) for _ in range(runs)
        ]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--key", choices=["ec", "rsa"], default="ec")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        exported = measure_export(args.runs, args.key, keep=Path(tmp))
        results = exported["samples"]
        packet = exported["packet"]
        results.update(measure_verify(packet, Path(tmp) / "cert.pem", args.runs))

    print(f"Packet: {packet.name}, {exported['size'] / 1024:.0f} KiB, key {args.key},"
          f" {args.runs} runs\n")  # fmt: skip
    print(f"| {'step':<34} | {'median':>8} | {'min':>8} | {'max':>8} | {'n':>4} |")
    print(f"|{'-' * 36}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 5}:|")
    for name, samples in results.items():
        print(_row(name, samples))
    print("\n(milliseconds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

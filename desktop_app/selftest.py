"""``desktop-app --selftest``: prove that this installation (the built folder or a source
checkout) has everything it needs, without touching the user's data.

Everything happens in a temporary directory that is removed afterwards; the user's data
folder, remembered settings and form cache are never opened. In order:

1. the bundled files are where the application looks for them (``paths``);
2. every form definition under ``forms/`` is read and checked against the schema, with
   no cache;
3. a commune's database is created (SQLite, migrations) and its unit set up from the
   unit catalogue (both catalogues are loaded);
4. the bundled sample report is loaded and validated;
5. a throw-away self-signed identity signs a packet, which renders the report's Excel
   workbook and PDF (fonts embedded, PAdES signature) — the same export code as the CLI
   and the window;
6. the packet is verified as the clerk's own check does (CMS, hashes, the PDF signature,
   data against the form);
7. a district trusts the commune's certificate, receives the packet and writes its
   consolidated, ranked workbook and PDF;
8. a second district receives the packet and a file that is not a packet, checked in two
   worker processes (as a large batch is): in the built folder a worker is the program itself
   started again (``scripts/frozen_main.py``);
9. unless ``--no-window``: the Qt application starts offscreen (unless QT_QPA_PLATFORM
   says otherwise), the main window opens on the commune's report and closes, and the
   consolidated PDF is printed to a file through QtPdf and QtPrintSupport.

Prints one line per step with its time, and exits 0; on the first failure prints what
failed and why (and the traceback on stderr) and exits 1.

May import: every layer (it checks the built application end to end).
"""

from __future__ import annotations

import datetime
import io
import os
import platform
import secrets
import sqlite3
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from openpyxl import load_workbook

from . import __version__
from .core.bundle import form_schema_path, forms_dir, is_frozen, project_root, resource_path
from .core.forms import FormRegistry
from .core.messages import AppError
from .core.units import Catalogue
from .workspace import Workspace
from .workspace.check_packets import check_packets
from .workspace.district import write_district_reports
from .workspace.entry import check_report, load_values
from .workspace.export import export_report
from .workspace.identity import create_unit_identity, export_unit_certificate
from .workspace.receive import receive, register_certificate
from .workspace.setup_unit import setup_unit

FLAG = "--selftest"
NO_WINDOW = "--no-window"

COMMUNE = "02080"  # Xã Bình Trung, huyện Chợ Đồn (pre-2025 catalogue)
DISTRICT = "064"
FORM = "cntt-xa"
PERIOD = "2026"
SAMPLE = f"{FORM}_{PERIOD}_{COMMUNE}.json"
PACKET_MEMBERS = ["manifest.json", "data.json", "report.xlsx", "report.pdf", "manifest.json.p7s"]

# Every file the application reads from the bundle (build.spec must ship each of them).
REQUIRED_RESOURCES = [
    ("fonts", "NotoSans-Regular.ttf"),  # the window
    ("fonts", "NotoSans-Bold.ttf"),
    ("fonts", "NotoSerif-Regular.ttf"),  # the signature stamp
    ("fonts", "LiberationSerif-Regular.ttf"),  # report.pdf
    ("fonts", "LiberationSerif-Bold.ttf"),
    ("fonts", "LiberationSerif-Italic.ttf"),
    ("fonts", "LiberationSerif-BoldItalic.ttf"),
    ("translations", "app_en.qm"),
    ("translations", "qtbase_vi.qm"),  # Qt's own texts in Vietnamese
    ("units", "legacy.jsonl"),
    ("units", "current.jsonl"),
    ("schemas", "packet-manifest.schema.json"),
    ("samples", SAMPLE),  # the report this self-test loads
]


class SelftestFailure(Exception):
    """A check that found something wrong (as opposed to an unexpected exception)."""


@dataclass
class _State:
    root: Path
    lines: TextIO | None
    forms: Any = None
    commune: Any = None
    district: Any = None
    packet: Path | None = None
    certificate: Path | None = None
    consolidated_pdf: Path | None = None
    notes: list[str] = field(default_factory=list)

    def close(self) -> None:
        for ws in (self.commune, self.district):
            if ws is not None:
                ws.close()
        self.commune = self.district = None


def _say(out: TextIO | None, text: str) -> None:
    if out is None:  # a windowed executable on Windows has no console
        return
    try:
        out.write(text + "\n")
        out.flush()
    except (OSError, ValueError, UnicodeEncodeError):
        pass


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SelftestFailure(message)


# -- the steps -----------------------------------------------------------------------------


def _resources(state: _State) -> str:
    missing = [p for p in (forms_dir(), form_schema_path()) if not p.exists()]
    missing += [resource_path(*parts) for parts in REQUIRED_RESOURCES]
    missing = [p for p in missing if not p.exists()]
    _check(not missing, "missing bundled files: " + ", ".join(str(p) for p in missing))
    return f"{len(REQUIRED_RESOURCES) + 2} files under {project_root()}"


def _forms(state: _State) -> str:
    files = sorted(forms_dir().glob("*.yaml"))
    _check(bool(files), f"no form definitions in {forms_dir()}")
    registry = FormRegistry.load(forms_dir())  # no cache: every file is read and checked
    loaded = [form for form_id in registry.ids() for form in registry.versions(form_id)]
    _check(len(loaded) == len(files), f"{len(files)} form files but {len(loaded)} forms")
    state.forms = registry
    return ", ".join(f"{form.id} {form.version}" for form in loaded)


def _database(state: _State) -> str:
    sizes = []
    for name in ("legacy", "current"):
        catalogue = Catalogue.load(name)
        _check(len(catalogue) > 1000, f"the {name} unit catalogue has {len(catalogue)} units")
        sizes.append(f"{name} {len(catalogue)}")
    state.commune = Workspace.open(state.root / "commune", forms=state.forms)
    profile = setup_unit(
        state.commune, COMMUNE, "legacy", clerk="Người kiểm tra", leader="Người ký thử"
    )
    [integrity] = state.commune.db.conn.execute("PRAGMA integrity_check").fetchone()
    _check(integrity == "ok", f"integrity_check: {integrity}")
    return (
        f"{profile.unit_code} {profile.unit_name}; units: {', '.join(sizes)}; "
        f"SQLite {_sqlite_version()}"
    )


def _sqlite_version() -> str:
    return sqlite3.sqlite_version


def _values(state: _State) -> str:
    outcome = load_values(state.commune, resource_path("samples", SAMPLE))
    result = check_report(state.commune, FORM, PERIOD).result
    _check(not result.errors, f"{len(result.errors)} errors in the sample report")
    return f"{len(outcome.changed)} values of {FORM} {PERIOD}"


def _export(state: _State) -> str:
    passphrase = secrets.token_urlsafe(16)  # never stored: the identity dies with the test
    info = create_unit_identity(state.commune, passphrase)
    state.certificate, _ = export_unit_certificate(state.commune, state.root / "commune.pem")
    result = export_report(state.commune, FORM, PERIOD, state.root / "out", secret=passphrase)
    state.packet = result.path
    with zipfile.ZipFile(result.path) as archive:
        _check(archive.namelist() == PACKET_MEMBERS, f"packet members {archive.namelist()}")
        xlsx = archive.read("report.xlsx")
        pdf = archive.read("report.pdf")
    _check_workbook(xlsx, "report.xlsx")
    _check(pdf.startswith(b"%PDF-") and b"/FontFile2" in pdf, "report.pdf without embedded fonts")
    return (
        f"{result.path.name} ({result.path.stat().st_size // 1024} KB; "
        f"xlsx {len(xlsx) // 1024} KB, pdf {len(pdf) // 1024} KB), signer {info.fingerprint[:16]}…"
    )


def _check_workbook(content: bytes, name: str) -> None:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        filled = sum(1 for row in rows if any(v is not None for v in row))
        _check(filled > 3, f"{name}: {filled} filled rows on its first sheet")
    finally:
        workbook.close()


def _verify(state: _State) -> str:
    assert state.packet is not None
    [checked] = check_packets(state.commune, [state.packet])
    if checked.error is not None:
        raise checked.error
    summary = checked.packet.summary()
    return f"valid: {summary['unit']['code']} {summary['form']['id']} r{summary['revision']}"


def _district(state: _State) -> str:
    assert state.packet is not None and state.certificate is not None
    state.district = Workspace.open(state.root / "district", forms=state.forms)
    setup_unit(state.district, DISTRICT, "legacy", clerk="Người kiểm tra")
    register_certificate(state.district, state.certificate, COMMUNE)
    report = receive(state.district, [state.packet])
    verdicts = [o.verdict for o in report.outcomes]
    if report.rejected:
        raise report.rejected[0].error
    _check(verdicts == ["accepted"], f"receive verdicts {verdicts}")
    written = write_district_reports(
        state.district, FORM, PERIOD, state.root / "district-out", date=datetime.date(2027, 1, 20)
    )
    _check_workbook(written.xlsx.read_bytes(), written.xlsx.name)
    _check(written.pdf.read_bytes().startswith(b"%PDF-"), "consolidated PDF unreadable")
    state.consolidated_pdf = written.pdf
    return f"received 1 packet; {written.xlsx.name} + {written.pdf.name}"


def _workers(state: _State) -> str:
    """Receiving in worker processes (as a large batch is): in the built folder, a worker
    is the program started again, so this proves its entry turns into a worker."""
    from .workspace import Workspace
    from .workspace.receive import receive, register_certificate
    from .workspace.setup_unit import setup_unit

    assert state.packet is not None and state.certificate is not None
    junk = state.root / "not-a-packet.zip"
    junk.write_bytes(b"not a zip")
    with Workspace.open(state.root / "district-workers", forms=state.forms) as district:
        setup_unit(district, DISTRICT, "legacy", clerk="Người kiểm tra")
        register_certificate(district, state.certificate, COMMUNE)
        report = receive(district, [state.packet, junk], parallel=True, workers=2)
    verdicts = [o.verdict for o in report.outcomes]
    _check(verdicts == ["accepted", "rejected"], f"receive verdicts {verdicts}")
    _check(report.workers == 2, "the worker processes did not start")
    return f"2 files checked by {report.workers} worker processes"


def _window(state: _State) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt only here, after the platform is set: the checks above run headless.
    from .ui.selftest_window import window_check

    problem, seen = window_check(state.commune, state.consolidated_pdf, state.root)
    _check(problem is None, problem or "")
    return seen


# -- running -------------------------------------------------------------------------------


def _steps(window: bool) -> list[tuple[str, Callable[[_State], str]]]:
    steps = [
        ("resources", _resources),
        ("forms", _forms),
        ("database", _database),
        ("values", _values),
        ("export", _export),
        ("verify", _verify),
        ("district", _district),
        ("workers", _workers),
    ]
    if window:
        steps.append(("window", _window))
    return steps


def _describe(error: BaseException) -> str:
    if isinstance(error, AppError):
        return f"[{error.code}] {error.message.en} / {error.message.vi}"
    if isinstance(error, SelftestFailure):
        return str(error)
    return f"{type(error).__name__}: {error}"


def run_selftest(
    *, window: bool = True, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run every step in a fresh temporary directory; 0 if all pass, else 1."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    started = time.perf_counter()
    where = "frozen build" if is_frozen() else "source"
    _say(
        out,
        f"desktop-app {__version__} self-test ({where}: {project_root()}; "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()})",
    )
    saved_env = {k: os.environ.get(k) for k in ("DESKTOP_APP_CONFIG_DIR", "DESKTOP_APP_DATA_DIR")}
    with tempfile.TemporaryDirectory(
        prefix="desktop-app-selftest-", ignore_cleanup_errors=True
    ) as temporary:
        root = Path(temporary)
        # nothing below may read or write the user's own settings or data
        os.environ["DESKTOP_APP_CONFIG_DIR"] = str(root / "config")
        os.environ["DESKTOP_APP_DATA_DIR"] = str(root / "data")
        state = _State(root, out)
        try:
            for name, step in _steps(window):
                begun = time.perf_counter()
                try:
                    detail = step(state)
                except Exception as error:
                    _say(out, f"FAILED  {name:<10} {_describe(error)}")
                    _say(err, traceback.format_exc().rstrip())
                    _say(out, "self-test FAILED")
                    return 1
                elapsed = (time.perf_counter() - begun) * 1000
                _say(out, f"ok      {name:<10} {elapsed:7.0f} ms  {detail}")
        finally:
            state.close()
            for key, value in saved_env.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    _say(out, f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


def main(argv: list[str]) -> int:
    """``desktop-app --selftest [--no-window]``."""
    unknown = [a for a in argv if a not in (FLAG, NO_WINDOW)]
    if unknown:
        _say(sys.stderr, f"usage: desktop-app {FLAG} [{NO_WINDOW}]  (unknown: {' '.join(unknown)})")
        return 2
    return run_selftest(window=NO_WINDOW not in argv)


__all__ = ["FLAG", "main", "run_selftest"]

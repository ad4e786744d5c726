"""The one-folder build (build.spec) as a clerk's PC gets it: built by the README's
script into a temporary directory, then ``<folder>/desktop-app --selftest`` must pass
there, with none of the source tree beside it. Marked ``build``: skipped by ``make test``,
run by ``make test-build`` (and so by CI)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT

pytestmark = pytest.mark.build

WINDOWS = sys.platform == "win32"
# Linux, stripped, ICU bundled: ~180 MB. WebEngine or Qt Quick creeping in adds far more.
MAX_MB = 250
# public CA certificates (certifi, for pyHanko's online fetchers); never a private key
ALLOWED_CERTIFICATES = {"cacert.pem"}


def _env(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKTOP_APP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONIOENCODING"] = "utf-8"
    env["HOME"] = str(tmp / "home")  # the user's own settings stay out of it
    return env


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("build")


@pytest.fixture(scope="module")
def built(build_dir) -> Path:
    tmp = build_dir
    dist, work = tmp / "dist", tmp / "work"
    if WINDOWS:
        command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                   "--distpath", str(dist), "--workpath", str(work), "build.spec"]  # fmt: skip
    else:
        command = ["bash", "scripts/build.sh", "--dist", str(dist), "--work", str(work)]
    started = time.monotonic()
    result = subprocess.run(
        command, cwd=PROJECT, capture_output=True, text=True, timeout=1200, env=_env(tmp)
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (
        f"build failed:\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    folder = dist / "desktop-app"
    print(f"built {folder} in {elapsed:.0f} s")
    # Run it away from the source tree: a copy keeps nothing pointing back at the project
    moved = tmp / "pc" / "desktop-app"
    shutil.copytree(folder, moved, symlinks=True)
    shutil.rmtree(dist)
    return moved


def _exe(folder: Path) -> Path:
    return folder / ("desktop-app-cli.exe" if WINDOWS else "desktop-app")


def _run(folder: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(_exe(folder)), *args],
        cwd=tmp,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        env=_env(tmp),
    )


def test_the_built_folder_passes_its_selftest(built, tmp_path):
    started = time.monotonic()
    result = _run(built, "--selftest", tmp=tmp_path)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    out = result.stdout
    assert "frozen build" in out and "self-test passed" in out
    for step in ("resources", "forms", "database", "values", "export", "verify", "district",
                 "window"):  # fmt: skip
        assert f"ok      {step}" in out, out
    print(f"--selftest took {elapsed:.1f} s\n{out}")


def test_the_built_folder_runs_the_command_line(built, tmp_path):
    result = _run(built, "--data-dir", str(tmp_path / "data"), "forms", "list", "--json",
                  tmp=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert '"cntt-xa"' in result.stdout and '"cntt-huyen"' in result.stdout


def test_the_built_folder_is_lean_and_holds_no_secrets_or_test_files(built):
    files = [p for p in built.rglob("*") if p.is_file() and not p.is_symlink()]
    names = [p.relative_to(built).as_posix() for p in files]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    print(f"{built}: {size_mb:.0f} MB in {len(files)} files")
    assert size_mb < MAX_MB
    keys = [n for n in names if n.lower().endswith((".pem", ".key", ".p12", ".pfx", ".p8", ".der"))]
    assert [n for n in keys if n.rsplit("/", 1)[-1] not in ALLOWED_CERTIFICATES] == []
    for n in names:
        assert "fixtures" not in n and "/tests/" not in f"/{n}" and not n.endswith(".ts"), n
        assert "webengine" not in n.lower() and "qt6quick" not in n.lower(), n
        assert "qt6qml" not in n.lower(), n
    data = built / "_internal"
    assert sorted(p.name for p in (data / "forms").iterdir()) == sorted(
        [p.name for p in (PROJECT / "forms").glob("*.yaml")] + ["form.schema.json"]
    )
    assert [p.name for p in (data / "resources" / "samples").iterdir()] == [
        "cntt-xa_2026_02080.json"
    ]
    assert (data / "resources" / "translations" / "app_en.qm").is_file()


def test_a_damaged_folder_fails_its_selftest_clearly(built, tmp_path):
    damaged = tmp_path / "damaged"
    shutil.copytree(built, damaged, symlinks=True)
    (damaged / "_internal" / "forms" / "form.schema.json").unlink()
    result = _run(damaged, "--selftest", "--no-window", tmp=tmp_path)
    assert result.returncode == 1
    assert "FAILED  resources" in result.stdout and "form.schema.json" in result.stdout
    assert "self-test FAILED" in result.stdout


def test_no_test_or_development_package_is_bundled(built, build_dir):
    """The Python modules inside the executable (PyInstaller's PYZ table of contents)."""
    toc = ast.literal_eval((build_dir / "work" / "build" / "PYZ-00.toc").read_text())
    modules = {entry[0] for entry in toc[1]}
    assert "desktop_app.selftest" in modules and "desktop_app.ui.main_window" in modules
    unwanted = ("tests", "pytest", "_pytest", "pytestqt", "hypothesis", "PyInstaller",
                "tkinter", "unittest", "vietnam_provinces", "pip", "setuptools")  # fmt: skip
    assert sorted(m for m in modules if m.split(".")[0] in unwanted) == []

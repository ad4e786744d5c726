"""The lock files (requirements/*.txt, `make lock`): every install of the project —
`make run`, `make test`, CI, the Windows scripts — takes exactly these versions, checked by
their hashes, so a fresh clone tests what the last landing tested."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PROJECT = Path(__file__).resolve().parents[2]
LOCKS = {kind: PROJECT / "requirements" / f"{kind}.txt" for kind in ("run", "dev")}
ENTRY = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def _read(path: Path) -> dict[str, tuple[str, str | None, int]]:
    """name → (version, marker, number of hashes)."""
    entries: dict[str, tuple[str, str | None, int]] = {}
    name = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = ENTRY.match(line)
        if match:
            name = canonicalize_name(match.group(1))
            entries[name] = (match.group(2), match.group(3), 0)
            continue
        assert name is not None and line.strip().startswith("--hash=sha256:"), line
        version, marker, hashes = entries[name]
        entries[name] = (version, marker, hashes + 1)
    return entries


@pytest.fixture(scope="module")
def locks():
    return {kind: _read(path) for kind, path in LOCKS.items()}


def test_every_entry_is_pinned_with_hashes(locks):
    for kind, entries in locks.items():
        assert entries, kind
        for name, (version, _, hashes) in entries.items():
            assert hashes >= 1, f"{kind}: {name}=={version} has no hash"


def test_the_run_lock_is_the_dev_lock_without_the_tools(locks):
    for name, (version, _, _) in locks["run"].items():
        assert name in locks["dev"], name
        assert locks["dev"][name][0] == version, name
    for tool in ("pytest", "pytest-qt", "hypothesis", "ruff", "pyinstaller"):
        assert tool not in locks["run"] and tool in locks["dev"], tool


def _wanted(extras: tuple[str, ...]) -> list[Requirement]:
    project = tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        wanted += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return wanted


def test_the_locks_satisfy_pyproject(locks):
    """A range changed in pyproject.toml without `make lock` fails here, not on a fresh clone."""
    for kind, extras in (("run", ()), ("dev", ("test", "dev"))):
        for requirement in _wanted(extras):
            name = canonicalize_name(requirement.name)
            assert name in locks[kind], f"{kind}: {requirement} is not locked"
            version = locks[kind][name][0]
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{kind}: {name}=={version} is outside {requirement.specifier}"
            )


def test_the_lock_holds_windows_packages(locks):
    """One lock for Linux and Windows: the packages only Windows needs are there, behind
    their marker, so the clerks' PCs install from the same file."""
    for name in ("colorama", "pywin32-ctypes", "pefile"):
        _, marker, hashes = locks["dev"][name]
        assert marker and "win32" in marker and hashes, name


def test_this_environment_has_the_locked_versions(locks):
    """The tests run on what the lock says (CI installs from it)."""
    environment = default_environment()
    wrong = []
    for name, (version, marker, _) in locks["dev"].items():
        if marker and not Requirement(f"x; {marker}").marker.evaluate(environment):
            continue
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            wrong.append(f"{name} not installed (lock: {version})")
            continue
        if canonicalize_name(installed) != canonicalize_name(version) and installed != version:
            wrong.append(f"{name} {installed} (lock: {version})")
    assert not wrong, wrong

"""Running the CLI as a user would: a separate process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import PROJECT


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


def cli(data_dir: Path, *args: str, check: int | None = None, env: dict | None = None) -> Run:
    env = {k: v for k, v in (env or os.environ).items() if k != "DESKTOP_APP_DATA_DIR"}
    env["PYTHONIOENCODING"] = "utf-8"
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    run = Run(result.returncode, result.stdout, result.stderr)
    if check is not None:
        assert run.code == check, f"exit {run.code}\nstdout:\n{run.out}\nstderr:\n{run.err}"
    return run

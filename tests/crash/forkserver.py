"""A fork server for the crash tests: one process pays Python's start-up and the
application's imports once, then forks a fresh child for every run, which the test kills
with SIGKILL at a random moment.

Each child is a real, separate process writing through the application's own code (the
data-entry session the window uses, or the receiving the CLI and the window use); only
the interpreter start-up is shared, so 200 kills cost seconds, not minutes. The server
itself never opens a database and starts no thread before forking (asserted), so a child
starts exactly as a fresh process that has imported the same modules.

Protocol, one JSON object per line:

    → {"cmd": "start", "job": "save" | "receive", "out": PATH, ...job arguments}
    ← {"pid": PID}                      the child runs; the test kills it whenever it likes
    → {"cmd": "reap", "pid": PID}
    ← {"signal": N | null, "exit": N | null}

A child reports on its ``out`` file with one ``os.write`` per line, straight to the
kernel: a line written before the kill is in the file after it (SIGKILL loses a process's
buffers, not the page cache). ``{"error": traceback}`` is a bug in the application.

    python -m tests.crash.forkserver save|receive
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORM, PERIOD = "cntt-xa", "2026"
LIFETIME_S = 60  # a child never killed (a test that crashed) ends by itself

Emit = Callable[[dict[str, Any]], None]


# -- the save job: the window's data entry ---------------------------------------------------


def _typed(field: Any, rng: random.Random, op: int) -> str:
    """Something a clerk would type into the field, Vietnamese style."""
    import datetime
    from decimal import Decimal

    from desktop_app.core.dates import format_date
    from desktop_app.core.numbers import format_number

    if field.type == "integer":
        low, high = int(field.minimum or 0), int(field.maximum or 100_000)
        return format_number(rng.randint(low, high))
    if field.type == "money":
        high = int(field.maximum or 100_000) * 10
        return format_number(Decimal(rng.randint(0, high)) / 10)
    if field.type == "boolean":
        return rng.choice(["Có", "Không", "có", "không"])
    if field.type == "date":
        day = datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 364))
        return format_date(day)
    if field.type == "choice":
        return rng.choice(field.choices).label.vi
    # Text: long enough now and then to span several database pages.
    words = ["Xã", "thiếu", "máy tính", "đường truyền", "cán bộ", "tập huấn", "kinh phí"]
    size = rng.choice([1, 5, 50, 400])
    return f"Ghi nhận {op}: " + " ".join(rng.choice(words) for _ in range(size))


def _plan(session: Any, rng: random.Random, op: int) -> dict[str, Any]:
    """The next edit and what the database must hold once it is saved. Every edit
    changes what is stored (so it is exactly one audit row)."""
    from desktop_app.core.text import clean_multiline
    from desktop_app.core.values import to_storage

    form = session.form
    fields = [f for f in form.input_fields]
    while True:
        field = rng.choice(fields)
        current = to_storage(field, session.inputs.get(field.id))
        roll = rng.random()
        if roll < 0.15:
            text = rng.choice(["", f"Ghi chú {op}: số liệu theo sổ theo dõi"])
            stored = clean_multiline(text) or None
            if stored == session.comments.get(field.id):
                continue
            return {"op": op, "kind": "comment", "field": field.id, "raw": text, "stored": stored}
        raw = "" if roll < 0.2 else _typed(field, rng, op)
        stored = to_storage(field, session.parse(field.id, raw).value)
        if stored != current:
            return {"op": op, "kind": "value", "field": field.id, "raw": raw, "stored": stored}


def save_job(cmd: dict[str, Any], emit: Emit) -> None:
    """Edits through ``ReportSession`` as the window makes them, forever: an intent line
    before each edit, a ``done`` line once the call returned (the edit is saved)."""
    from desktop_app.workspace import Workspace
    from desktop_app.workspace.session import ReportSession

    ws = Workspace.open(Path(cmd["data_dir"]))
    session = ReportSession.open(ws, FORM, PERIOD)
    emit({"ready": True})
    rng = random.Random(cmd["seed"])
    op = cmd["first_op"]
    while True:
        op += 1
        step = _plan(session, rng, op)
        emit(step)
        if step["kind"] == "value":
            session.commit(step["field"], step["raw"])
        else:
            session.set_comment(step["field"], step["raw"])
        emit({"done": op})


# -- the receive job: a folder of packets ------------------------------------------------------


def receive_job(cmd: dict[str, Any], emit: Emit) -> None:
    """``receive`` of a folder, as the CLI and the window run it; after each file's
    transaction has committed (the progress callback), the verdict the database holds."""
    from desktop_app.receiving.receive import collect
    from desktop_app.workspace import Workspace
    from desktop_app.workspace import receive as use

    folder = Path(cmd["folder"])
    ws = Workspace.open(Path(cmd["data_dir"]))
    emit({"ready": True, "files": [p.name for p in collect([folder])[0]]})

    def progress(done: int, total: int) -> None:
        if done:
            row = ws.db.fetchone(
                "SELECT id, file_name, verdict FROM received_files ORDER BY id DESC LIMIT 1"
            )
            assert row is not None
            emit({"done": done, "row": row[0], "file": row[1], "verdict": row[2]})

    use.receive(ws, [folder], progress)
    emit({"finished": True})
    signal.pause()  # wait to be killed, like a window left open


JOBS = {"save": save_job, "receive": receive_job}


def _preload(kind: str) -> None:
    """Import what the job's child will use, so the fork is all a run costs."""
    from desktop_app.workspace import Workspace  # noqa: F401
    from desktop_app.workspace.session import ReportSession  # noqa: F401
    from desktop_app.workspace.workspace import shipped_forms

    shipped_forms()
    if kind == "receive":
        import desktop_app.packets.sigcheck
        import desktop_app.packets.verify
        import desktop_app.receiving.merge
        import desktop_app.receiving.receive
        import desktop_app.receiving.trust_store
        import desktop_app.workspace.receive  # noqa: F401


def _child(cmd: dict[str, Any]) -> None:
    """In the forked child: run the job; never returns."""
    code = 0
    try:
        fd = os.open(cmd["out"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)  # the server's pipes are not the child's to use
        os.dup2(null, 1)
        signal.alarm(LIFETIME_S)

        def emit(obj: dict[str, Any]) -> None:
            obj["t"] = time.monotonic()
            os.write(fd, (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8"))

        try:
            JOBS[cmd["job"]](cmd, emit)
        except BaseException:
            emit({"error": traceback.format_exc()})
            code = 3
    except BaseException:
        code = 4
    os._exit(code)


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else "save"
    _preload(kind)
    # A thread would not survive the fork (a lock held by it would stay held forever).
    assert threading.active_count() == 1, threading.enumerate()
    for line in sys.stdin:
        cmd = json.loads(line)
        if cmd["cmd"] == "start":
            pid = os.fork()
            if pid == 0:
                _child(cmd)
            reply: dict[str, Any] = {"pid": pid}
        elif cmd["cmd"] == "reap":
            _, status = os.waitpid(cmd["pid"], 0)
            reply = {
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            }
        else:
            reply = {"error": f"unknown command {cmd['cmd']!r}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()


class ForkServer:
    """The test's end: starts the server, asks for children, reaps them."""

    def __init__(self, kind: str) -> None:
        import subprocess

        project = Path(__file__).resolve().parents[2]
        env = {**os.environ, "PYTHONPATH": str(project), "PYTHONIOENCODING": "utf-8"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash.forkserver", kind],
            cwd=project,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, cmd: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, f"the fork server died (exit {self.process.wait()})"
        return json.loads(line)

    def start(self, job: str, out: Path, **arguments: Any) -> int:
        return self._ask({"cmd": "start", "job": job, "out": str(out), **arguments})["pid"]

    def reap(self, pid: int) -> dict[str, Any]:
        return self._ask({"cmd": "reap", "pid": pid})

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            if self.process.stdout:
                self.process.stdout.close()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_lines(out: Path) -> list[dict[str, Any]]:
    """The complete lines a child wrote (a line cut by the kill is not a report)."""
    try:
        raw = out.read_bytes()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in raw.split(b"\n")[:-1]]

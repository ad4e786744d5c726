"""``python -m desktop_app``: with a command, run it headless; without one, open the window.

May import: ``cli`` (commands) or ``ui`` (the window), chosen by the arguments, and
``workspace.window_modules`` before the window.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from .cli.streams import prepare, silence_stdout

    prepare()
    try:
        return _main(args)
    except BrokenPipeError:
        # The reader of a pipe went away (`… | head`): what it wanted it has.
        silence_stdout()
        return 1


def _main(args: list[str]) -> int:
    if "--selftest" in args and all(a.startswith("-") for a in args):
        # checks this installation in a temporary directory (desktop_app/selftest.py)
        from .selftest import main as selftest

        return selftest(args)
    from .cli import is_cli, run

    if is_cli(args):
        return run(args)
    # The window's Qt-free modules before PySide6: see workspace/window_modules.py (≈ 100 ms).
    from .workspace import window_modules  # noqa: F401

    # isort: split
    from .ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())

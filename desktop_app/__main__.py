"""``python -m desktop_app``: with a command, run it headless; without one, open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from .cli import is_cli, run

    if is_cli(args):
        return run(args)
    from .ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())

"""The command-line interface: ``python -m desktop_app COMMAND`` (DESIGN §6).

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Sequence

from ..core.messages import AppError, Text
from ..paths import default_data_dir
from .output import refuse, warn

log = logging.getLogger(__name__)


def run(argv: Sequence[str]) -> int:
    # Imported here so that `python -m desktop_app` with no command (the window) does not
    # pay for the CLI's imports (commands and parser pull in every command's module,
    # ~300 ms by -X importtime), and the CLI never imports Qt.
    from ..workspace import Workspace
    from . import commands
    from .parser import build_parser

    args = build_parser().parse_args(list(argv))
    for name, default in (("data_dir", None), ("lang", None), ("json", False)):
        if not hasattr(args, name):
            setattr(args, name, default)
    # Lazy with the three above (logging.handlers: ~6 ms).
    from ..workspace.logs import log_path, start_logging

    # The command's name only: its arguments may hold values typed (values set F=V).
    data_dir = args.data_dir or default_data_dir()
    start_logging(data_dir, f"cli {args.command}")
    # Only `setup --force-new` starts empty beside backups that hold data (lost.py).
    start_empty = bool(getattr(args, "force_new", False))
    try:
        if args.command == "backups":  # opens the folder itself (it may be damaged)
            # Lazy: ~35 ms to import; the other commands skip it.
            from .backup_commands import run_backups

            return run_backups(args, data_dir)
        handler = getattr(commands, f"cmd_{args.command}")
        with Workspace.open(args.data_dir, start_empty=start_empty) as ws:
            # With the workspace above: kept off the window's start (is_cli).
            from ..workspace.backups import backup_warning

            if (warning := backup_warning(ws)) is not None:
                warn(warning)
            profile = ws.profile
            lang = args.lang or (profile.language if profile else "vi")
            return handler(ws, args, lang)
    except AppError as error:
        log.info("cli %s refused: %s", args.command, error.code)
        # Lazy: ~35 ms to import; the other commands skip it.
        from .backup_commands import with_backup_hint

        return refuse(with_backup_hint(error, data_dir), args.json)
    except BrokenPipeError:
        raise  # the reader went away: __main__ ends quietly
    except Exception as exc:
        # A traceback is never an answer to a user: it goes to the log (where the
        # district's IT officer reads it), and the user is told where.
        log.exception("cli %s failed", args.command)
        return refuse(unexpected(exc, log_path(data_dir)), args.json)


def unexpected(exc: BaseException, log_file: object) -> AppError:
    kind = type(exc).__name__
    return AppError(
        "app.unexpected",
        Text(
            f"Lỗi không mong đợi ({kind}). Chi tiết đã ghi vào nhật ký {log_file}; "
            "hãy gửi tệp này cho cán bộ CNTT.",
            f"Unexpected error ({kind}). The details are in the log {log_file}; "
            "send that file to your IT officer.",
        ),
        kind=kind,
    )


_OPTIONS_WITH_VALUE = {"--data-dir", "--lang"}


def is_cli(argv: Sequence[str]) -> bool:
    """True when the arguments name a command (known or not: argparse refuses unknown ones
    with exit 2) or ask for help/version; only bare options open the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif arg in ("-h", "--help", "--version", "--json") or not arg.startswith("-"):
            return True
    return False


__all__ = ["argparse", "is_cli", "run"]

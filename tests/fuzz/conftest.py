from __future__ import annotations

from tests.fuzz.limits import TALLY
from tests.long_runs import skip_unless_selected


def pytest_collection_modifyitems(config, items):
    skip_unless_selected(config, items, "fuzz_long")


def pytest_terminal_summary(terminalreporter):
    """How many inputs each reader was fed, and the answers (AppError codes or ok)."""
    if not TALLY:
        return
    terminalreporter.section("fuzzing: inputs fed and answers")
    kinds = sorted(k for k in TALLY if ":" not in k)
    for kind in kinds:
        answers = sorted(
            ((k.split(":", 1)[1], n) for k, n in TALLY.items() if k.startswith(kind + ":")),
            key=lambda a: -a[1],
        )
        shown = ", ".join(f"{code} {n}" for code, n in answers)
        terminalreporter.write_line(f"{kind}: {TALLY[kind]} ({shown})")

"""What every fuzz test asserts: an input either reads or is refused with the
application's own error (``AppError``, of which ``NumberFormatError``, ``DateFormatError``,
``PeriodError``, ``FormError`` and ``ValueRejected`` are kinds), and either way it answers
within a time bound. Anything else — another exception, a crash, a hang — fails the test.

Hangs: hypothesis' ``deadline`` flags a slow input; ``time_limit`` stops a stuck one with
SIGALRM. ``Hang`` is a ``BaseException``, so no ``except Exception`` in the code under
test can swallow it.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from desktop_app.core.messages import AppError

T = TypeVar("T")

INPUT_LIMIT_S = 10.0  # far above any real answer (~10 ms); only a hang comes near it
DEADLINE = datetime.timedelta(seconds=2)  # hypothesis' own per-example bound

# The long runs' sizes are for `make test-long`; CI runs the same tests at a fraction of
# them (`make test-fuzz`, FUZZ_SCALE=0.25: a few thousand packets and values files), so a
# reader that fails on the first few thousand inputs never lands.
FUZZ_SCALE = float(os.environ.get("FUZZ_SCALE", "1"))


def long_examples(count: int) -> int:
    """A long run's number of examples, scaled by FUZZ_SCALE."""
    return max(1, round(count * FUZZ_SCALE))


# What the fuzz tests fed and what came out, printed at the end of the run
# (conftest.pytest_terminal_summary): "packets.verify" → count, "packets.verify:packet.hash_mismatch" → count.
TALLY: Counter[str] = Counter()


class Hang(BaseException):
    """An input took longer than ``INPUT_LIMIT_S``."""


@contextlib.contextmanager
def time_limit(seconds: float = INPUT_LIMIT_S) -> Iterator[None]:
    if not hasattr(signal, "setitimer"):  # Windows: hypothesis' deadline only
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        raise Hang(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def answer(kind: str, call: Callable[[], T]) -> T | AppError:
    """``call()``'s result, or the AppError it raised; any other exception propagates
    (and fails the test). Tallies ``kind`` and the error code."""
    TALLY[kind] += 1
    with time_limit():
        try:
            result = call()
        except AppError as error:
            assert isinstance(error.code, str) and error.code, error
            assert error.message.vi and error.message.en, error.code
            TALLY[f"{kind}:{error.code}"] += 1
            return error
    TALLY[f"{kind}:ok"] += 1
    return result

"""Timestamps for rows and the audit log: one format everywhere.

ISO 8601 local time with its offset ("2026-03-01T08:30:00+07:00"): a clerk reading the
history sees the time on the office clock, and a district comparing packets from
machines in different settings still gets an unambiguous instant.

May import: ``storage``, ``core``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """The current local time, with the machine's UTC offset attached."""
    return datetime.now().astimezone()


def now_iso(clock: Clock | None = None) -> str:
    """``clock()`` (default: the system clock) as ISO 8601 with offset, to the second.

    An aware datetime keeps its own offset (a test clock at +07:00 reads the same on any
    machine); a naive one is taken as local time."""
    moment = (clock or local_now)()
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")

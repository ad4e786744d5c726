"""Time: a packet cannot lie about when it was made (issue 14 §3)."""

from __future__ import annotations

# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = set()

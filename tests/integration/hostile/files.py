"""Receiving never falls over: zip structure, PDF content, reports that disagree with data.json (issue 14 §6)."""

from __future__ import annotations

# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = set()

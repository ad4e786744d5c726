"""The hostile-packet set, one module per topic; ``test_receive_hostile.py`` runs them all.

Each module has ``CASES`` (``name: (make(kit), reason code)``) and ``OTHER_KINDS`` (kinds
that need a test of their own, named so the set's size counts them)."""

from . import base, evidence, files, text, time, trust

MODULES = (base, trust, time, text, files, evidence)
CASES = {name: case for module in MODULES for name, case in module.CASES.items()}
OTHER_KINDS = set().union(*(module.OTHER_KINDS for module in MODULES))

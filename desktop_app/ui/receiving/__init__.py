"""The receiving unit's screens: the trust list, receiving packets, the status board,
conflicts, what changed, accepting or returning a report; and, for the unit that sent
it, opening the receipt.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

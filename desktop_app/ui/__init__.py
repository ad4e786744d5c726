"""May import: Qt, ``ui``, ``workspace`` and every layer below it."""

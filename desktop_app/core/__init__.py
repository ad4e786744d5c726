"""May import: ``core`` only, and libraries (never Qt, never the user's folders or settings)."""

"""The application's use cases over one data directory, shared by the CLI and the window.

Dependencies point down: this package uses storage and core, never Qt.
"""

from .workspace import Profile, Workspace

__all__ = ["Profile", "Workspace"]

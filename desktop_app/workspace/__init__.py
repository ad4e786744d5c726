"""The application's use cases over one data directory, shared by the CLI and the window.

Dependencies point down: this package uses storage and core, never Qt.

May import: ``workspace`` and every layer below it (``receiving``, ``consolidation``,
``packets``, ``storage``, ``documents``, ``core``), ``desktop_app.paths``,
``desktop_app.app_config``; never Qt.
"""

from .workspace import Profile, Workspace

__all__ = ["Profile", "Workspace"]

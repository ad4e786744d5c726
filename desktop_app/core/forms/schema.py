"""Where the form definitions' JSON schema lives (read by the loader, hashed by the cache).

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from ..bundle import form_schema_path

# Through the one resource helper: beside the code in a checkout, in ``_internal/forms``
# in the built folder.
SCHEMA_PATH = form_schema_path()

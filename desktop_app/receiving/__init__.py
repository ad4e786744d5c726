"""May import: ``receiving``, ``packets``, ``storage``, ``documents``, ``core``."""

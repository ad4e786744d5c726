"""Where the form definitions' JSON schema lives (read by the loader, hashed by the cache)."""

from pathlib import Path

SCHEMA_PATH = Path(__file__).resolve().parents[3] / "forms" / "form.schema.json"

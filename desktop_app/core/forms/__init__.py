"""Form definitions: the model, the loader with its checks, and the registry.

The loader's names are imported on first use (PEP 562): it pulls in YAML and the JSON
schema validator, which a start-up from the form cache does not need.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from typing import Any

from .model import (
    NUMERIC_TYPES,
    Band,
    Choice,
    Field,
    Form,
    Rule,
    Scoring,
    ScoringItem,
    Section,
    Step,
    Target,
)
from .registry import FormRegistry

_LOADER_NAMES = ("FormError", "FormProblem", "load_form_file", "parse_form")


def __getattr__(name: str) -> Any:
    if name in _LOADER_NAMES:
        # On first use: the loader (YAML, JSON schema) costs ~70 ms, and a start with
        # the forms cached never needs it.
        from . import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "NUMERIC_TYPES",
    "Band",
    "Choice",
    "Field",
    "Form",
    "FormError",
    "FormProblem",
    "FormRegistry",
    "Rule",
    "Scoring",
    "ScoringItem",
    "Section",
    "Step",
    "Target",
    "load_form_file",
    "parse_form",
]

"""Form definitions: the model, the loader with its checks, and the registry."""

from .loader import FormError, FormProblem, load_form_file, parse_form
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

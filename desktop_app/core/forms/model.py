"""The form model: what a loaded, checked form definition looks like to the rest of the code.

Everything here is immutable; a form version never changes once a reporting year starts.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from graphlib import TopologicalSorter

from ..evidence import EvidenceLimits
from ..expressions import Expression
from ..messages import Text
from ..text import LINE_MAX_LENGTH, TEXT_MAX_LENGTH

NUMERIC_TYPES = frozenset({"integer", "decimal", "money", "percent"})
DEFAULT_DECIMALS = {"integer": 0, "decimal": 2, "money": 1, "percent": 1}


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text


@dataclass(frozen=True)
class Field:
    id: str
    section_id: str
    label: Text
    type: str
    help: Text
    unit: Text | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    decimals: int | None = None
    required: bool = False
    compute: Expression | None = None
    choices: tuple[Choice, ...] = ()
    multiline: bool = False
    max_length: int | None = None
    aggregate: str = "none"
    copy_forward: bool = False
    previous_ids: tuple[str, ...] = ()
    prefill: str | None = None
    # yes/no fields: the words a consolidated line puts after "N/M" ("xã ký số văn bản đi")
    statement: Text | None = None
    # evidence files (tài liệu kiểm chứng) the clerk attaches: "required", "optional", None
    evidence: str | None = None
    line: int = 0

    @property
    def is_computed(self) -> bool:
        return self.compute is not None

    @property
    def is_numeric(self) -> bool:
        return self.type in NUMERIC_TYPES

    @property
    def text_limit(self) -> int:
        """A text field's maximum length in characters: its own ``max_length``, else the
        default for free text or for one line (``core.text``)."""
        if self.max_length:
            return self.max_length
        return TEXT_MAX_LENGTH if self.multiline else LINE_MAX_LENGTH

    @property
    def display_decimals(self) -> int:
        if self.decimals is not None:
            return self.decimals
        return DEFAULT_DECIMALS.get(self.type, 0)

    def choice_label(self, value: str) -> Text | None:
        return next((c.label for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    fields: tuple[Field, ...]
    # a short name for sheet names (Excel allows 31 characters): "Ứng dụng CNTT"
    short_title: Text | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    check: Expression
    severity: str  # "error" | "warning"
    fields: tuple[str, ...]
    message: Text
    line: int = 0


@dataclass(frozen=True)
class Band:
    code: str
    minimum: Decimal
    label: Text


@dataclass(frozen=True)
class Step:
    minimum: Decimal
    points: Decimal


@dataclass(frozen=True)
class ScoringItem:
    id: str
    title: Text
    section_id: str
    field_id: str
    points: Decimal
    scale: str  # linear | stepped | relative | boolean
    full_at: Decimal = Decimal(100)
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Scoring:
    items: tuple[ScoringItem, ...]
    bands: tuple[Band, ...]
    decimals: int = 2

    @property
    def total_points(self) -> Decimal:
        return sum((item.points for item in self.items), Decimal(0))

    def band_for(self, total: Decimal) -> Band | None:
        return next((b for b in self.bands if total >= b.minimum), None)


@dataclass(frozen=True)
class Target:
    id: str
    field_id: str
    op: str
    value: Decimal | bool
    label: Text
    source: Text | None = None


@dataclass(frozen=True)
class Form:
    id: str
    version: str
    year: int
    title: Text
    level: str
    period_kind: str
    deadline: str | int
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    scoring: Scoring | None = None
    targets: tuple[Target, ...] = ()
    legal_basis: Text | None = None
    # the last reporting year this version covers; None: until the next version's year
    until: int | None = None
    # the form's own evidence limits in MB (``evidence_limits``); None: the default
    evidence_file_mb: Decimal | None = None
    evidence_packet_mb: Decimal | None = None
    sha256: str = ""
    source_path: str = ""

    @cached_property
    def fields(self) -> dict[str, Field]:
        return {f.id: f for s in self.sections for f in s.fields}

    @cached_property
    def input_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields.values() if not f.is_computed)

    @cached_property
    def evidence_limits(self) -> EvidenceLimits:
        return EvidenceLimits.from_megabytes(self.evidence_file_mb, self.evidence_packet_mb)

    @cached_property
    def evidence_fields(self) -> tuple[Field, ...]:
        """The fields that take evidence files, in the form's order."""
        return tuple(f for f in self.fields.values() if f.evidence)

    @cached_property
    def sections_by_id(self) -> dict[str, Section]:
        return {s.id: s for s in self.sections}

    @cached_property
    def renamed(self) -> dict[str, str]:
        """Old field id → current id, for values carried over from earlier versions."""
        return {old: f.id for f in self.fields.values() for old in f.previous_ids}

    @cached_property
    def compute_order(self) -> tuple[str, ...]:
        """Computed fields ordered so that each one's inputs come first.

        Raises graphlib.CycleError for a cycle; the loader reports that as a form problem.
        """
        graph = {
            f.id: {n for n in f.compute.names if n in self.fields and self.fields[n].is_computed}
            for f in self.fields.values()
            if f.compute is not None
        }
        return tuple(TopologicalSorter(graph).static_order())

    def field(self, field_id: str) -> Field:
        return self.fields[field_id]

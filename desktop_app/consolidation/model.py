"""The plain inputs of consolidation: one child's report, and the units expected to report.

``UnitReport.values`` holds the typed *input* values (``core.values``: ``int``, ``Decimal``,
``bool``, ``str``, ``date``); computed fields are always recomputed here from the inputs, so
a consolidation never trusts a ratio it did not compute itself.

May import: ``core``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..core.forms.model import Form
from ..core.numbers import from_canonical
from ..core.text import printable
from ..core.validation import compute
from ..core.values import Value, from_json


@dataclass(frozen=True)
class ExpectedUnit:
    """A child unit that should report (from the catalogue), submitted or not."""

    code: str
    name: str


@dataclass(frozen=True)
class PacketRef:
    """The received packet a unit's figures were read from, so a consolidated figure can
    be traced to files the officer can open again: the unit, the revision, the file as
    received (its name and the sha256 of its bytes) and the sha256 of its ``data.json``."""

    unit_code: str
    revision: int
    file_name: str
    sha256: str
    data_sha256: str = ""
    # the officer's review: submitted | accepted | returned; "entered" for figures the
    # receiving unit entered itself (values import), which are no packet at all
    review: str = "submitted"
    # the parent unit the packet names: tells an old unit's packet from a new unit's that
    # kept its code (merges.apply_merges)
    parent_code: str | None = None


@dataclass(frozen=True)
class UnitReport:
    unit_code: str
    unit_name: str
    form: Form
    values: Mapping[str, Value]
    revision: int = 1
    submitted_at: str | None = None  # ISO 8601, the packet's signing time
    # for a unit made by merging old units: the old units' codes (traceability)
    merged_from: tuple[str, ...] = field(default=())
    # the packets behind these values: one, or one per old unit for a merged unit
    packets: tuple[PacketRef, ...] = field(default=())

    @property
    def returned(self) -> bool:
        """Whether a packet behind these values was returned by the officer (its figures
        still count until the corrected revision arrives; reports flag it)."""
        return any(p.review == "returned" for p in self.packets)

    @property
    def entered(self) -> bool:
        """Whether these figures were entered by the receiving unit (imported from a
        workbook), not read from the unit's signed packet: reports say so."""
        return any(p.review == "entered" for p in self.packets)

    def all_values(self) -> dict[str, Value]:
        """Inputs and the form's computed fields, computed from these inputs."""
        inputs = {k: v for k, v in self.values.items() if k in self.form.fields}
        return {**inputs, **compute(self.form, inputs)}


def typed_inputs(form: Form, raw: Mapping[str, Any]) -> dict[str, Value]:
    """``data.json`` values (read with ``parse_float=Decimal``) as typed inputs. Computed
    and unknown fields are left out: they are recomputed.

    A number written as text is canonical (``"1.234"`` is one point two three four),
    never read the Vietnamese way, where it would be a thousand times more. A text is
    printed as held: one received before texts were checked may carry a control
    character, shown rather than stopping every consolidated report."""
    typed: dict[str, Value] = {}
    for field_id, value in raw.items():
        f = form.fields.get(form.renamed.get(field_id, field_id))
        if f is None or f.is_computed:
            continue
        if f.is_numeric and isinstance(value, str):
            typed[f.id] = from_canonical(value, integer=f.type == "integer")
        elif f.type == "text" and isinstance(value, str):
            typed[f.id] = printable(value) or None
        else:
            typed[f.id] = from_json(f, value).value
    return typed


@dataclass(frozen=True)
class ReportInfo:
    """Who issues the consolidated report, for which period: its header and signatures."""

    unit_name: str  # "Huyện Chợ Đồn"
    parent_name: str | None  # "Tỉnh Bắc Kạn"
    period: str  # "2026"
    date: str  # ISO date of the report, "2027-01-20"
    place: str = ""  # "Chợ Đồn"
    prepared_by: str = ""
    approved_by: str = ""
    number: str = ""  # "12/BC-UBND"; blank leaves the dots to fill by hand

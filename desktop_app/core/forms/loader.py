"""Reading a form definition: schema first, then the checks a schema cannot make.

Every problem names the file, the line and (where there is one) the field, and all of a
file's problems are reported together so an author fixes them in one pass.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..expressions import Expression, ExpressionError
from ..messages import AppError, Text
from .checks import check_form
from .model import Band, Choice, Field, Form, Rule, Scoring, ScoringItem, Section, Step, Target
from .schema import SCHEMA_PATH
from .yaml_source import LocatedDict, line_of, load_located


@dataclass(frozen=True)
class FormProblem:
    line: int
    where: str  # "field cbcc_tong", "rule r_x", "" for the whole file
    message: str

    def render(self, path: str) -> str:
        where = f" [{self.where}]" if self.where else ""
        return f"{path}:{self.line}:{where} {self.message}"


class FormError(AppError):
    def __init__(self, path: str, problems: list[FormProblem]) -> None:
        lines = "\n".join(p.render(path) for p in problems)
        super().__init__(
            "form.invalid",
            Text(f"Biểu mẫu không hợp lệ:\n{lines}", f"Invalid form definition:\n{lines}"),
            path=path,
            problems=[p.__dict__ for p in problems],
        )
        self.problems = problems


@cache
def _validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _where(document: Any, path: list[Any]) -> str:
    node = document
    where = ""
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            kind = "field" if "type" in node else "section" if "fields" in node else "item"
            if "check" in node:
                kind = "rule"
            where = f"{kind} {node['id']}"
    return where


def _schema_problems(document: Any) -> list[FormProblem]:
    problems = []
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(e.path)):
        path = list(error.absolute_path)
        location = "/".join(str(p) for p in path) or "(top)"
        problems.append(
            FormProblem(
                line_of(document, path), _where(document, path), f"{location}: {error.message}"
            )
        )
    return problems


def _text(raw: dict[str, str]) -> Text:
    return Text(raw["vi"], raw["en"])


def _optional_text(raw: dict[str, str] | None) -> Text | None:
    return None if raw is None else _text(raw)


def _decimal(raw: int | float | str) -> Decimal:
    # YAML gives floats; their shortest repr is what the author wrote.
    return Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)


def _optional_decimal(raw: int | float | str | None) -> Decimal | None:
    return None if raw is None else _decimal(raw)


class _Builder:
    """Turns a schema-valid document into model objects, collecting expression problems."""

    def __init__(self, document: LocatedDict) -> None:
        self.doc = document
        self.problems: list[FormProblem] = []

    def expression(self, source: str, line: int, where: str) -> Expression | None:
        try:
            return Expression(source)
        except ExpressionError as exc:
            self.problems.append(FormProblem(line, where, exc.message.en))
            return None

    def field(self, raw: LocatedDict, section_id: str, aggregates: dict[str, Any]) -> Field:
        fid = raw["id"]
        compute = None
        if "compute" in raw:
            compute = self.expression(
                raw["compute"], raw.key_lines.get("compute", raw.line), f"field {fid}"
            )
        return Field(
            id=fid,
            section_id=section_id,
            label=_text(raw["label"]),
            type=raw["type"],
            help=_text(raw["help"]),
            unit=_optional_text(raw.get("unit")),
            minimum=_optional_decimal(raw.get("min")),
            maximum=_optional_decimal(raw.get("max")),
            decimals=raw.get("decimals"),
            required=bool(raw.get("required", False)),
            compute=compute,
            choices=tuple(Choice(c["value"], _text(c["label"])) for c in raw.get("choices", ())),
            multiline=bool(raw.get("multiline", False)),
            max_length=raw.get("max_length"),
            aggregate=raw.get("aggregate") or aggregates.get(fid) or "",
            copy_forward=bool(raw.get("copy_forward", False)),
            previous_ids=tuple(raw.get("previous_ids", ())),
            prefill=raw.get("prefill"),
            statement=_optional_text(raw.get("statement")),
            evidence=raw.get("evidence"),
            line=raw.line,
        )

    def rules(self) -> tuple[Rule, ...]:
        rules = []
        for raw in self.doc.get("rules", ()):
            check = self.expression(
                raw["check"], raw.key_lines.get("check", raw.line), f"rule {raw['id']}"
            )
            if check is None:
                continue
            # Default: where the rule is shown is the order its check names the fields.
            fields = tuple(raw.get("fields") or check.ordered_names)
            rules.append(
                Rule(raw["id"], check, raw["severity"], fields, _text(raw["message"]), raw.line)
            )
        return tuple(rules)

    def scoring(self, field_sections: dict[str, str]) -> Scoring | None:
        raw = self.doc.get("scoring")
        if raw is None:
            return None
        items = tuple(
            ScoringItem(
                id=i["id"],
                title=_text(i["title"]),
                section_id=i.get("section") or field_sections.get(i["field"], ""),
                field_id=i["field"],
                points=_decimal(i["points"]),
                scale=i["scale"],
                full_at=_decimal(i.get("full_at", 100)),
                steps=tuple(
                    Step(_decimal(s["min"]), _decimal(s["points"])) for s in i.get("steps", ())
                ),
            )
            for i in raw["items"]
        )
        bands = tuple(Band(b["code"], _decimal(b["min"]), _text(b["label"])) for b in raw["bands"])
        return Scoring(items, bands, raw.get("decimals", 2))

    def targets(self) -> tuple[Target, ...]:
        return tuple(
            Target(
                id=t["id"],
                field_id=t["field"],
                op=t["op"],
                value=t["value"] if isinstance(t["value"], bool) else _decimal(t["value"]),
                label=_text(t["label"]),
                source=_optional_text(t.get("source")),
            )
            for t in self.doc.get("targets", ())
        )

    def form(self, sha256: str, source_path: str) -> Form:
        aggregates = dict(self.doc.get("aggregate") or {})
        sections = tuple(
            Section(
                s["id"],
                _text(s["title"]),
                tuple(self.field(f, s["id"], aggregates) for f in s["fields"]),
                _optional_text(s.get("short_title")),
            )
            for s in self.doc["sections"]
        )
        field_sections = {f.id: s.id for s in sections for f in s.fields}
        doc = self.doc
        limits = doc.get("evidence_limits") or {}
        return Form(
            id=doc["id"],
            version=doc["version"],
            year=doc["year"],
            title=_text(doc["title"]),
            level=doc["level"],
            period_kind=doc["period"],
            deadline=doc["deadline"],
            sections=sections,
            rules=self.rules(),
            scoring=self.scoring(field_sections),
            targets=self.targets(),
            legal_basis=_optional_text(doc.get("legal_basis")),
            until=doc.get("until"),
            evidence_file_mb=_optional_decimal(limits.get("file_mb")),
            evidence_packet_mb=_optional_decimal(limits.get("packet_mb")),
            sha256=sha256,
            source_path=source_path,
        )


def parse_form(data: bytes, source_path: str) -> Form:
    """Build a checked Form from the bytes of a definition file; FormError lists every problem."""
    try:
        document = load_located(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise FormError(source_path, [FormProblem(1, "", f"not UTF-8: {exc}")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise FormError(source_path, [FormProblem(line, "", f"YAML: {problem}")]) from exc
    if not isinstance(document, LocatedDict):
        raise FormError(source_path, [FormProblem(1, "", "the file must hold one mapping")])
    problems = _schema_problems(document)
    if problems:
        raise FormError(source_path, problems)
    builder = _Builder(document)
    form = builder.form(hashlib.sha256(data).hexdigest(), source_path)
    # A field whose formula did not parse would trip the later checks twice over.
    problems = builder.problems or check_form(form, document)
    if problems:
        raise FormError(source_path, sorted(problems, key=lambda p: p.line))
    return form


def load_form_file(path: Path | str) -> Form:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppError(
            "form.unreadable",
            Text(
                f"Không đọc được tệp biểu mẫu {path}: {exc}", f"Cannot read form file {path}: {exc}"
            ),
        ) from exc
    return parse_form(data, path.name)

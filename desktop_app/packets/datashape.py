"""Receiving check 6, before anything reads ``data.json``: its shape. Every field is
checked for its type, nesting depth is bounded, every text is free of control
characters and within its length, and a comment is on a field of the form, so what
follows (the comparison with the manifest, the re-check, the district's merge) only
ever sees the types it was written for. Each kind of defect has its own reason code:

- ``packet.data_too_deep``: arrays or objects nested deeper than ``data.json`` ever is;
- ``packet.data_wrong_type``: a field missing or of the wrong type (``"warnings": true``);
- ``packet.data_unknown_key``: a field the format does not have;
- ``packet.data_control_character``: a text with a character the application never
  writes (a control or format character, a line break other than LF: ``core.text``);
- ``packet.data_text_too_long``: a text over its limit (the form's ``max_length`` or
  the defaults of ``core.text``);
- ``packet.data_comment_unknown_field``: a comment on a field the form does not have.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..core.forms import Form
from ..core.messages import AppError, Text
from ..core.text import COMMENT_MAX_LENGTH, NAME_MAX_LENGTH, first_unwanted

# data.json is at most four levels deep (score → items → item → points); a few more are
# allowed so that a future field is refused as unknown rather than as too deep.
MAX_DEPTH = 8
# Rule messages come from the form; nothing in data.json needs to be longer than this.
OTHER_TEXT_LIMIT = 4000

Check = Callable[[Any, str], None]


def _reject(code: str, vi: str, en: str, **details: Any) -> AppError:
    return AppError(code, Text(f"data.json: {vi}", f"data.json: {en}"), check=6, **details)


def too_deep() -> AppError:
    return _reject(
        "packet.data_too_deep",
        f"mảng/đối tượng lồng nhau quá {MAX_DEPTH} tầng",
        f"arrays or objects nested more than {MAX_DEPTH} deep",
    )


def check_depth(tree: Any) -> list[str]:
    """``packet.data_too_deep`` past ``MAX_DEPTH``; level by level, never recursive, so
    no depth can exhaust Python's stack here (the recursive readers after it then
    cannot either). Returns every text met on the way, for ``check_shape`` and
    ``check_texts`` (without paths: ``_strings`` finds the path of a bad one)."""
    texts: list[str] = []
    level = [tree]
    depth = 0
    while level:
        below: list[Any] = []
        containers = False
        for node in level:
            if isinstance(node, str):
                texts.append(node)
            elif isinstance(node, dict):
                below.extend(node.values())
                containers = True
            elif isinstance(node, list):
                below.extend(node)
                containers = True
        depth += containers
        if depth > MAX_DEPTH:
            raise too_deep()
        level = below
    return texts


# -- types -----------------------------------------------------------------------------

_NAMES = {
    str: ("chuỗi", "text"),
    int: ("số nguyên", "a whole number"),
    dict: ("đối tượng", "an object"),
    list: ("danh sách", "a list"),
}


def _kind(value: Any) -> tuple[str, str]:
    if value is None:
        return "null", "null"
    if isinstance(value, bool):
        return "true/false", "true/false"
    return next((n for t, n in _NAMES.items() if isinstance(value, t)), ("số", "a number"))


def _wrong(path: str, wanted: tuple[str, str], value: Any) -> AppError:
    got = _kind(value)
    return _reject(
        "packet.data_wrong_type",
        f"«{path}» phải là {wanted[0]}, không phải {got[0]}",
        f"«{path}» must be {wanted[1]}, not {got[1]}",
        path=path,
    )


def _is(kind: type, nullable: bool = False) -> Check:
    def check(value: Any, path: str) -> None:
        if value is None and nullable:
            return
        if not isinstance(value, kind) or isinstance(value, bool):
            raise _wrong(path, _NAMES[kind], value)

    return check


def _scalar(value: Any, path: str) -> None:
    if value is not None and not isinstance(value, (str, int)):  # bool is an int
        raise _wrong(path, ("chuỗi, số hoặc true/false", "text, a number or true/false"), value)


def _record(fields: Mapping[str, Check], optional: Mapping[str, Check] | None = None) -> Check:
    """An object with exactly these fields, and those of ``optional`` it has."""
    optional = optional or {}

    def check(value: Any, path: str) -> None:
        _is(dict)(value, path)
        unknown = sorted(k for k in value if k not in fields and k not in optional)
        if unknown:
            where = f"«{path}»" if path else "data.json"
            raise _reject(
                "packet.data_unknown_key",
                f"{where} có mục không thuộc định dạng: {', '.join(unknown)[:200]}",
                f"{where} has fields the format does not have: {', '.join(unknown)[:200]}",
                path=path,
            )
        for name, inner in fields.items():
            if name not in value:
                raise _reject(
                    "packet.data_wrong_type",
                    f"thiếu mục «{_join(path, name)}»",
                    f"«{_join(path, name)}» is missing",
                    path=_join(path, name),
                )
            inner(value[name], _join(path, name))
        for name, inner in optional.items():
            if name in value:
                inner(value[name], _join(path, name))

    return check


def _mapping(inner: Check) -> Check:
    def check(value: Any, path: str) -> None:
        _is(dict)(value, path)
        for key, item in value.items():
            inner(item, _join(path, key))

    return check


def _sequence(inner: Check) -> Check:
    def check(value: Any, path: str) -> None:
        _is(list)(value, path)
        for index, item in enumerate(value):
            inner(item, f"{path}[{index}]")

    return check


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


TEXT, NUMBER = _is(str), _is(int)
_WARNING = _record(
    {
        "rule": TEXT,
        "fields": _sequence(TEXT),
        "message": _record({"vi": TEXT, "en": TEXT}),
        "explanation": _is(str, nullable=True),
    }
)
_SCORE = _record(
    {
        "total": TEXT,
        "band": _is(str, nullable=True),
        "sections": _mapping(TEXT),
        "items": _mapping(_record({"points": TEXT, "maximum": TEXT})),
        "pending": _sequence(TEXT),
    }
)
_PUBLISHED = _record(
    {
        "period": TEXT,
        "score": TEXT,
        "rank": _is(int, nullable=True),
        "of": _is(int, nullable=True),
        "source": TEXT,
        "change": _is(str, nullable=True),
        "change_from": _is(str, nullable=True),
    }
)
DATA = _record(
    {
        "format": TEXT,
        "unit": _record(
            {
                "code": TEXT,
                "name": TEXT,
                "parent_code": _is(str, nullable=True),
                "parent_name": _is(str, nullable=True),
            }
        ),
        "form": _record({"id": TEXT, "version": TEXT, "sha256": TEXT}),
        "period": TEXT,
        "revision": NUMBER,
        "prepared_by": TEXT,
        "approved_by": TEXT,
        "place": TEXT,
        "date": TEXT,
        "number": TEXT,
        "values": _mapping(_scalar),
        "computed": _mapping(_scalar),
        "comments": _mapping(TEXT),
        "warnings": _sequence(_WARNING),
        "score": lambda value, path: None if value is None else _SCORE(value, path),
    },
    # the previous period's values, for the year-on-year column (absent in packets made
    # before it existed: their report has no such column); the evidence files by field
    # (absent when the report has none)
    {
        "previous": _record({"period": TEXT, "values": _mapping(_scalar)}),
        # scores a higher level published (absent in packets made before, and when none)
        "published": _sequence(_PUBLISHED),
        "evidence": _mapping(
            _sequence(
                _record(
                    {
                        "member": TEXT,
                        "name": TEXT,
                        "size": NUMBER,
                        "sha256": TEXT,
                        "media_type": TEXT,
                    }
                )
            )
        ),
    },
)


def _strings(tree: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every text in the tree with its path (the tree is shallow: ``check_depth``)."""
    if isinstance(tree, str):
        yield path, tree
    elif isinstance(tree, dict):
        for key, value in tree.items():
            yield from _strings(value, _join(path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _strings(value, f"{path}[{index}]")


def _refuse_control_character(data: Any) -> None:
    for path, text in _strings(data):
        at = first_unwanted(text)
        if at is not None:
            code = f"U+{ord(text[at]):04X}"
            raise _reject(
                "packet.data_control_character",
                f"«{path}» có ký tự điều khiển {code} ở vị trí {at + 1}: phần mềm không bao "
                "giờ ghi ký tự này",
                f"«{path}» has the control character {code} at position {at + 1}, which the "
                "application never writes",
                path=path,
                character=code,
            )


def check_shape(data: Any, texts: list[str]) -> None:
    """Types, known fields and characters of a parsed ``data.json``; ``texts`` are its
    texts as ``check_depth`` returned them."""
    DATA(data, "")
    # all the texts at once (the usual case: none has such a character); the slow walk
    # with paths only to name the one that has
    if first_unwanted("".join(texts)) is not None:
        _refuse_control_character(data)
    try:
        datetime.date.fromisoformat(data["date"])
    except ValueError as exc:
        raise _reject(
            "packet.data_wrong_type",
            "«date» phải là ngày dạng YYYY-MM-DD",
            "«date» must be a date as YYYY-MM-DD",
            path="date",
        ) from exc


# -- texts against the form ---------------------------------------------------------------


def _too_long(path: str, length: int, limit: int) -> AppError:
    return _reject(
        "packet.data_text_too_long",
        f"«{path}» dài {length} ký tự, quá giới hạn {limit}",
        f"«{path}» is {length} characters long, over the limit of {limit}",
        path=path,
        length=length,
        limit=limit,
    )


def check_texts(form: Form, data: Mapping[str, Any], texts: list[str]) -> None:
    """Comments are on the form's fields; every text is within its limit: a text field
    its ``text_limit``, a comment or an explanation ``COMMENT_MAX_LENGTH``, names, the
    place and the number ``NAME_MAX_LENGTH``."""
    for fid in data["comments"]:
        if fid not in form.fields:
            raise _reject(
                "packet.data_comment_unknown_field",
                f"có ghi chú cho chỉ tiêu không thuộc biểu mẫu: {fid[:100]}",
                f"a comment on a field the form does not have: {fid[:100]}",
                field=fid[:100],
            )
    limits: dict[str, tuple[str, int]] = {
        f"comments.{fid}": (text, COMMENT_MAX_LENGTH) for fid, text in data["comments"].items()
    }
    for fid, value in data["values"].items():
        field = form.fields.get(fid)
        if field is not None and field.type == "text" and isinstance(value, str):
            limits[f"values.{fid}"] = (value, field.text_limit)
    for index, warning in enumerate(data["warnings"]):
        limits[f"warnings[{index}].explanation"] = (
            warning["explanation"] or "",
            COMMENT_MAX_LENGTH,
        )
    for key in ("prepared_by", "approved_by", "place", "number"):
        limits[key] = (data[key], NAME_MAX_LENGTH)
    for key in ("name", "parent_name"):
        limits[f"unit.{key}"] = (data["unit"][key] or "", NAME_MAX_LENGTH)
    for path, (text, limit) in limits.items():
        if len(text) > limit:
            raise _too_long(path, len(text), limit)
    if max(map(len, texts), default=0) <= OTHER_TEXT_LIMIT:
        return  # the usual case; else find the long one and its path
    for path, text in _strings(data):
        if len(text) > OTHER_TEXT_LIMIT and path not in limits:
            raise _too_long(path, len(text), OTHER_TEXT_LIMIT)


__all__ = ["MAX_DEPTH", "check_depth", "check_shape", "check_texts", "too_deep"]

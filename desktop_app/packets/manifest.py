"""``manifest.json``: what a packet holds and who sent it, the one member that is signed
with a detached CMS (DESIGN §3). Its schema is resources/schemas/packet-manifest.schema.json.

Written as sorted, indented UTF-8 JSON (NFC) so a person can read it with any viewer;
the signature covers its exact bytes, so a reader never re-serialises it.

May import: ``packets``, ``storage``, ``documents``, ``core``.
"""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

from .. import __version__
from ..core.bundle import resource_path
from ..core.messages import AppError, Text
from ..core.text import nfc

PACKET_FORMAT = "cntt-packet/1"
FORMAT_PREFIX = "cntt-packet/"
SCHEMA_PATH = resource_path("schemas", "packet-manifest.schema.json")
# Vietnam has one time zone and no daylight saving: the manifest says +07:00 whatever the
# office PC's time-zone setting is.
VIETNAM = datetime.timezone(datetime.timedelta(hours=7), "ICT")
HASHED_MEMBERS = ("data.json", "report.xlsx", "report.pdf")


def _nfc_all(obj: Any) -> Any:
    if isinstance(obj, str):
        return nfc(obj)
    if isinstance(obj, Mapping):
        return {nfc(str(k)): _nfc_all(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_nfc_all(v) for v in obj]
    return obj


def _nfc_mapping(obj: Mapping[str, Any]) -> dict[str, Any]:
    """``_nfc_all`` of a mapping, typed as one."""
    return {nfc(str(k)): _nfc_all(v) for k, v in obj.items()}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def vietnam_time(moment: datetime.datetime) -> datetime.datetime:
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(VIETNAM).replace(microsecond=0)


def build_manifest(
    data: Mapping[str, Any],
    files: Mapping[str, bytes],
    *,
    created_at: datetime.datetime,
    app_version: str = __version__,
) -> dict[str, Any]:
    """The manifest for a ``data.json`` (unit, form, period, revision and names are taken
    from it, so the two cannot disagree) and the hashed members' bytes: the three of
    every packet and the evidence members ``data["evidence"]`` lists, each also listed
    under ``evidence`` with its field, name, size and media type. A packet without
    evidence has no ``evidence`` key: its manifest is as it always was."""
    unit = data["unit"]
    listed = evidence_listing(data)
    hashed = [*HASHED_MEMBERS, *(e["member"] for e in listed)]
    extra = {"evidence": listed} if listed else {}
    return _nfc_mapping(
        {
            "format": PACKET_FORMAT,
            "unit": {
                "code": unit["code"],
                "name": unit["name"],
                "parent_code": unit.get("parent_code"),
            },
            "form": dict(data["form"]),
            "period": data["period"],
            "revision": data["revision"],
            "created_at": vietnam_time(created_at).isoformat(),
            "app_version": app_version,
            "prepared_by": data.get("prepared_by") or "",
            "approved_by": data.get("approved_by") or "",
            "files": {name: sha256_hex(files[name]) for name in hashed},
            **extra,
        }
    )


def evidence_listing(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """data.json's ``evidence`` (field → files) as the manifest lists it, by member."""
    rows = [
        {"field": field_id, **entry}
        for field_id, entries in (data.get("evidence") or {}).items()
        for entry in entries
    ]
    return sorted(rows, key=lambda e: str(e["member"]))


def manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    """The exact bytes written, hashed and signed."""
    text = json.dumps(
        _nfc_all(manifest), ensure_ascii=False, sort_keys=True, indent=2, allow_nan=False
    )
    return (text + "\n").encode("utf-8")


@cache
def _validator() -> Any:
    # jsonschema is imported lazily: only reading a packet needs it.
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _invalid(vi: str, en: str, **details: Any) -> AppError:
    return AppError(
        "packet.manifest_invalid",
        Text(f"manifest.json không hợp lệ: {vi}", f"manifest.json is invalid: {en}"),
        **details,
    )


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        duplicated = sorted({k for k in keys if keys.count(k) > 1})
        # Two readers could each take a different one of the two values.
        raise _invalid(f"khoá trùng {duplicated}", f"duplicate keys {duplicated}")
    return dict(pairs)


def _refuse_constant(name: str) -> Any:
    raise _invalid(f"giá trị {name} không hợp lệ", f"{name} is not valid JSON")


def parse_manifest(raw: bytes) -> dict[str, Any]:
    """Receiving check 2: the manifest parses, its format is known, it matches the schema."""
    try:
        text = raw.decode("utf-8")
        manifest = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant
        )
    except UnicodeDecodeError as exc:
        raise _invalid("không phải UTF-8", "not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise _invalid(
            f"JSON sai ở dòng {exc.lineno}, cột {exc.colno}",
            f"malformed JSON at line {exc.lineno}, column {exc.colno}",
        ) from exc
    except (ValueError, RecursionError) as exc:  # a number too long, nesting too deep
        raise _invalid("JSON không đọc được", "unreadable JSON") from exc
    if not isinstance(manifest, dict):
        raise _invalid("phải là một đối tượng JSON", "must be one JSON object")
    fmt = manifest.get("format")
    if fmt != PACKET_FORMAT:
        if isinstance(fmt, str) and fmt.startswith(FORMAT_PREFIX):
            raise AppError(
                "packet.format_unknown",
                Text(
                    f"Gói theo định dạng {fmt}, phần mềm này chỉ đọc {PACKET_FORMAT}: hãy cập nhật phần mềm.",
                    f"The packet is in format {fmt}; this application reads {PACKET_FORMAT} only: update it.",
                ),
                format=fmt,
            )
        raise _invalid(
            f"không phải manifest của gói nộp (format = {fmt!r})",
            f"not a packet manifest (format = {fmt!r})",
        )
    errors = sorted(_validator().iter_errors(manifest), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(gốc / root)"
        raise _invalid(f"{where}: {first.message}", f"{where}: {first.message}", path=where)
    _check_beyond_schema(manifest)
    return manifest


def _check_beyond_schema(manifest: Mapping[str, Any]) -> None:
    """What the schema lets through and the rest of the application cannot take:

    - a pattern's ``$`` (Python's ``re``, as jsonschema uses it) also matches before a
      final line break, so ``"2026\n"`` passed as a period — and was held apart from 2026;
    - ``created_at`` shaped right but not a time (month 13, offset +99:99): the status
      board reads it and failed on it;
    - ``revision`` 2.0 is an "integer" to JSON Schema, not to the database and file names.
    """
    unit, form = manifest["unit"], manifest["form"]
    patterned = {
        "unit/code": unit["code"],
        "unit/parent_code": unit["parent_code"] or "",
        "form/id": form["id"],
        "form/version": form["version"],
        "form/sha256": form["sha256"],
        "period": manifest["period"],
        "created_at": manifest["created_at"],
        **{f"files/{name}": digest for name, digest in manifest["files"].items()},
    }
    for where, text in patterned.items():
        if "\n" in text:
            raise _invalid(
                f"{where}: có ký tự xuống dòng", f"{where}: has a line break", path=where
            )
    try:
        created = datetime.datetime.fromisoformat(manifest["created_at"])
    except ValueError as exc:
        raise _invalid(
            f"created_at: không phải thời điểm ({exc})",
            f"created_at: not a point in time ({exc})",
            path="created_at",
        ) from exc
    if created.tzinfo is None:  # the schema requires the offset; kept as a guard
        raise _invalid("created_at: thiếu múi giờ", "created_at: no time zone", path="created_at")
    if type(manifest["revision"]) is not int:
        raise _invalid(
            "revision: phải là số nguyên", "revision: must be a whole number", path="revision"
        )


__all__ = [
    "HASHED_MEMBERS",
    "PACKET_FORMAT",
    "SCHEMA_PATH",
    "VIETNAM",
    "build_manifest",
    "evidence_listing",
    "manifest_bytes",
    "parse_manifest",
    "sha256_hex",
    "vietnam_time",
]

"""Text from the real world, and data.json fields of the wrong type (issue 14 §5, §6, §8).

Each is signed by the commune's genuine key, so it reaches check 6: ``data.json`` is
checked for its shape (``packets/datashape.py``) before anything reads it."""

from __future__ import annotations

import json

from desktop_app.packets.data import canonical_json
from desktop_app.packets.manifest import manifest_bytes, sha256_hex

from .kit import edited, resigned, rezip, set_value, unpack


def swapped_data(change, deep: int = 0):
    """A genuine packet whose data.json is replaced by an edited copy, the manifest's
    hash of it updated and the manifest signed again by the genuine key. For changes the
    application's own packet builder could not even make (a ``unit`` that is not an
    object, a ``revision`` as text…): the manifest keeps the genuine values."""

    def make(kit) -> bytes:
        data = json.loads(json.dumps(kit["data"], default=str))
        change(data)
        raw = canonical_json(data)
        if deep:  # written as bytes: canonical JSON still, but no recursive writer needed
            raw = raw.replace(b'"NESTED"', b"[" * deep + b"]" * deep)
        manifest = json.loads(unpack(kit["genuine"])["manifest.json"])
        manifest["files"]["data.json"] = sha256_hex(raw)
        return resigned(rezip(kit["genuine"], data_json=raw), kit["signer_a"],
                        manifest_bytes(manifest))  # fmt: skip

    return make


def _with(change):
    return lambda k: edited(k, change)


WARNING = {
    "rule": "r_bai_viet_it",
    "fields": ["so_bai_dang"],
    "message": {"vi": "Ít bài viết", "en": "Few articles"},
    "explanation": "Trang nâng cấp từ tháng 10.",
}


def _warning(**changes):
    def change(data):
        data["warnings"].append({**WARNING, **changes})

    return change


WRONG = "packet.data_wrong_type"

# name: (make(kit) -> packet bytes, the reason code it must be refused with)
CASES: dict = {
    # control characters (Word's Shift+Enter is a vertical tab)
    "Word line break in a text value": (
        _with(set_value("values.kho_khan_vuong_mac", "Mạng chập chờn\vMáy cũ")),
        "packet.data_control_character",
    ),
    "control character in a comment": (
        _with(set_value("comments.cbcc_tong", "Gồm 2 người\x07")),
        "packet.data_control_character",
    ),
    "direction override in the leader's name": (
        _with(set_value("approved_by", "Hoàng \u202eVăn Nam")),
        "packet.data_control_character",
    ),
    "control character in an explanation": (
        _with(_warning(explanation="Trang\x1bnâng cấp")),
        "packet.data_control_character",
    ),
    # lengths
    "text value over its limit": (
        _with(set_value("values.kho_khan_vuong_mac", "Khó khăn " * 500)),
        "packet.data_text_too_long",
    ),
    "comment over its limit": (
        _with(set_value("comments.cbcc_tong", "Ghi chú " * 200)),
        "packet.data_text_too_long",
    ),
    "explanation over its limit": (
        _with(_warning(explanation="Giải trình " * 150)),
        "packet.data_text_too_long",
    ),
    # comments
    "comment on a field the form does not have": (
        _with(set_value("comments.ghi_chu_khac", "Gồm 2 người")),
        "packet.data_comment_unknown_field",
    ),
    "comment that is not text": (_with(set_value("comments.cbcc_tong", 23)), WRONG),
    # every field of the wrong type, checked before use
    "warnings not a list": (_with(set_value("warnings", True)), WRONG),
    "a warning not an object": (_with(set_value("warnings", ["r_bai_viet_it"])), WRONG),
    "a warning's explanation not text": (_with(_warning(explanation=["x"])), WRONG),
    "values not an object": (_with(set_value("values", [["cbcc_tong", 23]])), WRONG),
    "a value that is a list": (_with(set_value("values.cbcc_tong", [23])), WRONG),
    "computed not an object": (_with(set_value("computed", "")), WRONG),
    "comments not an object": (_with(set_value("comments", ["Gồm 2 người"])), WRONG),
    "score not an object": (_with(set_value("score", 75)), WRONG),
    "unit not an object": (swapped_data(set_value("unit", "02080")), WRONG),
    "form not an object": (swapped_data(set_value("form", "cntt-xa")), WRONG),
    "revision as text": (swapped_data(set_value("revision", "1")), WRONG),
    "period as a number": (swapped_data(set_value("period", 2026)), WRONG),
    "preparer not text": (swapped_data(set_value("prepared_by", None)), WRONG),
    "place not text": (_with(set_value("place", 0)), WRONG),
    "number not text": (_with(set_value("number", None)), WRONG),
    "date not a date": (_with(set_value("date", "15/12/2026")), WRONG),
    "a field missing": (_with(lambda d: d.pop("computed")), WRONG),
    "a field the format does not have": (
        _with(set_value("ghi_chu_chung", "x")),
        "packet.data_unknown_key",
    ),
    # nesting and numbers
    "data nested hundreds deep": (  # a RecursionError that aborted the whole batch
        swapped_data(set_value("values.cbcc_tong", "NESTED"), deep=600),
        "packet.data_too_deep",
    ),
    "data nested deeper than Python reads": (
        swapped_data(set_value("values.cbcc_tong", "NESTED"), deep=100_000),
        "packet.data_too_deep",
    ),
    "a part 10^39 times its whole": (  # the ratio's rounding raised InvalidOperation
        _with(lambda d: d["values"].update(cbcc_co_may_tinh=10**39, cbcc_tong=1)),
        "packet.data_invalid",
    ),
    "a value of 45 digits": (
        _with(set_value("values.cbcc_tong", 10**44)),
        "packet.data_invalid",
    ),
}

# Kinds tested outside CASES (by their own tests), counted towards the set's size.
OTHER_KINDS: set[str] = set()

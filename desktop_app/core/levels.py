"""The words official documents use for a level of administrative units, in one place.

Reports written under Decree 30/2020/NĐ-CP count units by the word for their level
("20/20 xã đã nộp báo cáo"), name a level ("biểu mẫu cấp xã"), open an overall figure
with the whole of the receiving unit ("Toàn huyện: …", "Toàn tỉnh: …") and name an
agency by its People's Committee ("UBND huyện Chợ Đồn", "UBND TỈNH BẮC KẠN"). Which word
is right depends on the level, and the level of the *receiving* unit is not the level
above its children's: since 1 July 2025 a province receives from its communes directly,
so "Toàn huyện" must come from the receiving unit itself, never from the form.

A unit's own name already says what kind of unit it is ("Thành phố Bắc Kạn" is at the
district level but is no "huyện"): agency names are built from the name's type word
(``core.units.type_word``), the level words only where a level, not a unit, is meant.

May import: ``core`` only (it is plain data).
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Text
from .units import type_word


@dataclass(frozen=True)
class LevelWords:
    """What a level is called."""

    units: Text  # its units, counted: "20/20 xã", "20/20 communes"
    level: Text  # the level itself: "biểu mẫu cấp xã", "a commune form"
    whole: Text  # the whole of one unit of the level, opening an overall figure
    one: Text  # one unit of the level in running text: "gửi huyện", "send it to the district"


LEVEL_WORDS: dict[str, LevelWords] = {
    "commune": LevelWords(
        Text("xã", "communes"),
        Text("cấp xã", "commune"),
        Text("Toàn xã", "Commune-wide"),
        Text("xã", "the commune"),
    ),
    "district": LevelWords(
        Text("huyện", "districts"),
        Text("cấp huyện", "district"),
        Text("Toàn huyện", "District-wide"),
        Text("huyện", "the district"),
    ),
    "province": LevelWords(
        Text("tỉnh", "provinces"),
        Text("cấp tỉnh", "province"),
        Text("Toàn tỉnh", "Province-wide"),
        Text("tỉnh", "the province"),
    ),
}
# a level the catalogue does not know (a custom form's): the neutral words
ANY_LEVEL = LevelWords(
    Text("đơn vị", "units"),
    Text("mọi cấp", "any-level"),
    Text("Toàn đơn vị", "Overall"),
    Text("đơn vị", "the unit"),
)
# the unit reported to, when the unit has none in the catalogue (a province)
UNIT_ABOVE = Text("đơn vị cấp trên", "the unit you report to")

# Who received a level's reports in the three-level structure (before July 2025). Used
# only where nothing says which unit receives: a consolidation made from plain inputs
# (sample files, tools) is worded as the district's.
_PARENT_LEVEL = {"commune": "district", "district": "province"}


def words(level: str | None) -> LevelWords:
    """The words for ``level`` ("commune", "district", "province"); neutral ones for any
    other (or none)."""
    return LEVEL_WORDS.get(level or "", ANY_LEVEL)


def units_word(level: str | None) -> Text:
    """How the units of ``level`` are counted: "xã" / "communes"."""
    return words(level).units


def level_name(level: str | None) -> Text:
    """ "cấp huyện" / "district"; neutral for an unknown level."""
    return words(level).level


def whole_of(receiving_level: str | None, children_level: str | None = None) -> Text:
    """The whole of the receiving unit, opening an overall figure: "Toàn tỉnh" for a
    province (whether it receives from districts or, since 2025, from communes). Without
    the receiving unit's level, the level that received ``children_level`` in the
    three-level structure."""
    level = receiving_level or _PARENT_LEVEL.get(children_level or "")
    return words(level).whole


def reports_to(parent_level: str | None) -> Text:
    """The unit a unit sends its packets to, in running text, by that unit's level:
    "huyện" for a commune of the three-level structure, "tỉnh" for one of the current
    structure (and for a district); "đơn vị cấp trên" when there is none."""
    found = LEVEL_WORDS.get(parent_level or "")
    return found.one if found else UNIT_ABOVE


def capitalized(text: Text) -> Text:
    """ "huyện" → "Huyện", "the district" → "The district": a word opening a sentence."""
    return Text(text.vi[:1].upper() + text.vi[1:], text.en[:1].upper() + text.en[1:])


def committee(name: str) -> str:
    """A unit's People's Committee in running text: "Huyện Chợ Đồn" → "UBND huyện Chợ Đồn",
    "Thành phố Bắc Kạn" → "UBND thành phố Bắc Kạn"; a name without a type word (an agency
    that is not a People's Committee) is left as it is."""
    word = type_word(name)
    return f"UBND {word.lower()}{name[len(word) :]}" if word else name


def agency_heading(name: str) -> str:
    """The parent agency line of a document's heading, in capitals: "Tỉnh Bắc Kạn" →
    "UBND TỈNH BẮC KẠN"; a name without a type word in capitals as it is."""
    return f"UBND {name.upper()}" if type_word(name) else name.upper()


def is_committee(name: str) -> bool:
    """Whether ``name`` is a commune, district or province (its People's Committee issues
    the report: "ỦY BAN NHÂN DÂN", "BC-UBND", "TM. ỦY BAN NHÂN DÂN")."""
    return type_word(name) is not None


__all__ = [
    "ANY_LEVEL",
    "LEVEL_WORDS",
    "UNIT_ABOVE",
    "LevelWords",
    "agency_heading",
    "capitalized",
    "committee",
    "is_committee",
    "level_name",
    "reports_to",
    "units_word",
    "whole_of",
    "words",
]

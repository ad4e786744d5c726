"""The official catalogue of administrative units, in both structures (DESIGN §1).

"legacy" is the pre-July-2025 three-level structure (province → district → commune:
Xã Bình Trung 02080 under Huyện Chợ Đồn 064 under Tỉnh Bắc Kạn 06), "current" the
two-level one in force since (province → commune). Reports filed before the reform
name legacy units, so both stay loadable side by side. The data are
resources/units/{name}.jsonl, written by scripts/build_unit_catalogue.py from the
`vietnam-provinces` package; the package itself is not needed at run time.

**Which structure a period belongs to** (``catalogue_for_period``): a period that ends
before 1 July 2025 to the legacy one, any later period to the current one. The annual
2025 report straddles the date; it uses the **current** structure: it falls due in
early 2026, when only the current units exist to file it, and the commune form's 2025
version asks the merged commune to include its parts' first-half figures (README,
"Units of their time"). ``unit_for_period`` gives a unit as it was in a period's
structure.

Codes are strings, zero-padded as officially written: province 2 digits, district 3,
commune 5 (wards, townships and special zones are all level "commune").

May import: ``core`` only, and ``desktop_app.paths`` to find its data file.
"""

from __future__ import annotations

import datetime
import heapq
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.core.collation import fold, vi_sort_key
from desktop_app.core.messages import AppError, Text
from desktop_app.core.periods import Period
from desktop_app.core.text import nfc

from .bundle import resource_path

CATALOGUES = ("legacy", "current")
LEVELS = ("province", "district", "commune")
# Official code widths; a code typed without its leading zeros is padded to one of
# these when exactly one of them names a unit (see Catalogue.get).
CODE_WIDTHS = {"province": 2, "district": 3, "commune": 5}
# Longest first: "Thành phố" and "Thị xã" must win over any shorter prefix.
TYPE_WORDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Tỉnh", "Huyện", "Quận", "Phường", "Xã")


def type_word(name: str) -> str | None:
    """ "Xã", "Phường", "Huyện", "Thành phố" …, as ``name`` starts; None for a name that
    is not a commune's, district's or province's."""
    return next((word for word in TYPE_WORDS if name.startswith(word + " ")), None)


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str
    level: str
    parent_code: str | None
    catalogue: str

    @property
    def type_word(self) -> str | None:
        """ "Xã", "Phường", "Huyện", "Thành phố" …, as the name starts."""
        return type_word(self.name)

    @property
    def proper_name(self) -> str:
        """The name without its type word: "Bình Trung" for "Xã Bình Trung"."""
        word = self.type_word
        return self.name[len(word) + 1 :] if word else self.name


_LABELS = {
    "legacy": Text("trước ngày 01/7/2025", "pre-July-2025"),
    "current": Text("hiện hành", "current"),
}
_LOCK = threading.Lock()
_LOADED: dict[str, Catalogue] = {}


class Catalogue:
    """One structure's units, indexed by code and by parent. Read-only once loaded."""

    def __init__(self, name: str, units: list[Unit], source: str = "", data_version: str = ""):
        self.name = name
        self.source = source
        self.data_version = data_version
        self._units = {unit.code: unit for unit in units}
        self._children: dict[str | None, list[str]] = {}
        for unit in units:
            self._children.setdefault(unit.parent_code, []).append(unit.code)
        self.levels = tuple(level for level in LEVELS if any(u.level == level for u in units))
        self._sorted_children: dict[str | None, list[Unit]] = {}
        self._search_index: list[tuple[Unit, str, str, frozenset[str]]] | None = None
        self._sort_keys: dict[str, tuple] = {}

    @classmethod
    def load(cls, name: str) -> Catalogue:
        """The built-in catalogue "legacy" or "current", read once per process."""
        if name not in CATALOGUES:
            raise AppError(
                "catalogue.unknown",
                Text(
                    f"Không có danh mục đơn vị hành chính “{name}” (chọn: {', '.join(CATALOGUES)}).",
                    f"No administrative unit catalogue “{name}” (choose: {', '.join(CATALOGUES)}).",
                ),
                catalogue=name,
            )
        with _LOCK:
            if name not in _LOADED:
                _LOADED[name] = cls._read(name)
            return _LOADED[name]

    @classmethod
    def _read(cls, name: str) -> Catalogue:
        path = resource_path("units", f"{name}.jsonl")
        try:
            with path.open(encoding="utf-8") as stream:
                header = json.loads(stream.readline())
                # One C-level parse of the whole body is several times faster than
                # json.loads per line (~11,000 lines in the legacy file).
                rows = json.loads("[" + stream.read().rstrip("\n").replace("\n", ",") + "]")
            units = [Unit(code, uname, level, parent, name) for code, uname, level, parent in rows]
            if header.get("catalogue") != name or header.get("count") != len(units):
                raise ValueError("header does not match the content")
        except (OSError, ValueError) as exc:
            # A damaged installation, not a user mistake: say which file.
            raise AppError(
                "catalogue.unreadable",
                Text(
                    f"Không đọc được danh mục đơn vị hành chính {path}: {exc}",
                    f"Cannot read the administrative unit catalogue {path}: {exc}",
                ),
                catalogue=name,
                path=str(path),
            ) from exc
        return cls(name, units, header.get("source", ""), header.get("data_version", ""))

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str | int) and self.get(code) is not None

    def __repr__(self) -> str:
        return f"<Catalogue {self.name} {self.source} {len(self)} units>"

    def units(self, level: str | None = None) -> Iterator[Unit]:
        """Every unit (of `level`), in file order: each parent before its children."""
        _check_level(level)
        return (u for u in self._units.values() if level is None or u.level == level)

    def get(self, code: str | int) -> Unit | None:
        """The unit with this code, or None.

        Codes are matched as written ("02080"). Spreadsheets and hand typing drop leading
        zeros, so "2080" or 2080 also finds 02080 — but only when padding to exactly one
        official width (2, 3 or 5 digits) names a unit. A code as written wins ("64" is
        Tỉnh Gia Lai, "064" Huyện Chợ Đồn); "6" could be 06, 006 or 00006 and finds
        nothing rather than a guess.
        """
        resolved = self._resolve(code)
        return None if resolved is None else self._units[resolved]

    def require(self, code: str | int) -> Unit:
        unit = self.get(code)
        if unit is None:
            raise AppError(
                "unit.unknown",
                Text(
                    f"Không có đơn vị hành chính mã “{code}” trong danh mục {_LABELS[self.name].vi}.",
                    f"No administrative unit with code “{code}” in the {_LABELS[self.name].en} catalogue.",
                ),
                unit_code=str(code),
                catalogue=self.name,
            )
        return unit

    def children(self, code: str | int | None) -> list[Unit]:
        """The units directly under `code` in Vietnamese order; None gives the provinces.

        Sorted by full name, so types group as official lists have them (Phường …,
        Thị trấn …, then Xã …; Thành phố … before Tỉnh …).
        """
        parent = None if code is None else self.require(code).code
        if parent not in self._sorted_children:
            kids = [self._units[c] for c in self._children.get(parent, [])]
            kids.sort(key=self._sort_key)
            self._sorted_children[parent] = kids
        return list(self._sorted_children[parent])

    def ancestors(self, code: str | int) -> list[Unit]:
        """Parent first, up to the province; empty for a province."""
        chain: list[Unit] = []
        unit = self.require(code)
        while unit.parent_code is not None:
            unit = self._units[unit.parent_code]
            chain.append(unit)
        return chain

    def describe(self, code: str | int) -> str:
        """ "Xã Bình Trung, Huyện Chợ Đồn, Tỉnh Bắc Kạn": tells apart units of one name."""
        unit = self.require(code)
        return ", ".join(u.name for u in [unit, *self.ancestors(unit.code)])

    def search(self, query: str, limit: int = 20, level: str | None = None) -> list[Unit]:
        """Units whose code or name matches `query`, best first.

        A name matches when every word of the query, folded (no accents, no case),
        occurs in the folded name: "binh trung", "Bình Trung" and "BINH TRUNG" all find
        Xã Bình Trung. Ranking, each rank in Vietnamese order:
        the exact code (leading zeros may be left out altogether, as in get());
        names whose proper name (or full name) starts with the query — those equal to
        it first, with the query's accents before without ("Bình Trung" puts Xã Bình
        Trung before Xã Bình Trưng, and both before Phường Bình Trưng Đông);
        codes starting with the query as typed;
        names where every query word starts a word; any other match; and last, units
        whose name holds some words and whose parents' names hold the others as whole
        words ("binh trung cho don"; "cho don" among communes lists Chợ Đồn's).
        Names repeat across the country (dozens of "Xã Tân Lập"): show describe()
        next to each result.
        """
        _check_level(level)
        wanted = _search_text(query)
        if not wanted or limit <= 0:
            return []
        tokens = wanted.split()
        typed = " ".join(nfc(query).casefold().split())
        # A leading zero says the code is being typed out in full: "0208" is the start
        # of 02080 and its neighbours, not 00208 with a zero dropped.
        lenient = wanted.isdigit() and not wanted.startswith("0")
        exact = wanted if wanted in self._units else self._resolve(wanted) if lenient else None
        ranks: list[list[Unit]] = [[] for _ in range(8)]
        for unit, full, proper, parents in self._index():
            if level is not None and unit.level != level:
                continue
            if unit.code == exact:
                ranks[0].append(unit)
            elif proper == wanted or full == wanted:
                same = typed in (unit.proper_name.casefold(), unit.name.casefold())
                ranks[1 if same else 2].append(unit)
            elif proper.startswith(wanted) or full.startswith(wanted):
                ranks[3].append(unit)
            elif wanted.isdigit() and unit.code.startswith(wanted):
                ranks[4].append(unit)
            elif all(t in full for t in tokens):
                spaced = " " + full
                ranks[5 if all(" " + t in spaced for t in tokens) else 6].append(unit)
            elif len(tokens) > 1 and all(t in full or t in parents for t in tokens):
                ranks[7].append(unit)
        found: list[Unit] = []
        for rank in ranks:
            if len(found) >= limit:
                break
            # Sort only what can still make the cut: "xa" matches 10,000 communes.
            found += heapq.nsmallest(limit - len(found), rank, key=self._sort_key)
        return found

    def _index(self) -> list[tuple[Unit, str, str, frozenset[str]]]:
        # Folded names are built on the first search, not at load (~15 ms for the
        # legacy catalogue): most runs never search.
        if self._search_index is None:
            index = []
            for unit in self._units.values():
                full = _search_text(unit.name)
                word = unit.type_word
                proper = full[len(_search_text(word)) + 1 :] if word else full
                # whole words only: "don" finds Chợ Đồn's communes, not Đống Đa's
                parents = frozenset(
                    w for a in self.ancestors(unit.code) for w in _search_text(a.name).split()
                )
                index.append((unit, full, proper, parents))
            self._search_index = index
        return self._search_index

    def _sort_key(self, unit: Unit) -> tuple:
        # Cached: the same names are ranked again on every keystroke of a search.
        key = self._sort_keys.get(unit.code)
        if key is None:
            key = self._sort_keys[unit.code] = (vi_sort_key(unit.name), unit.code)
        return key

    def _resolve(self, code: str | int) -> str | None:
        text = str(code).strip()
        if text in self._units:
            return text
        if not (text.isascii() and text.isdigit()):
            return None
        core = text.lstrip("0") or "0"
        candidates = {core.zfill(w) for w in CODE_WIDTHS.values() if len(core) <= w}
        found = [c for c in candidates if c in self._units]
        return found[0] if len(found) == 1 else None


# The day the two-level structure took effect (Resolution 202/2025/QH15).
STRUCTURE_CHANGE = datetime.date(2025, 7, 1)


def catalogue_for_period(period: Period) -> str:
    """ "legacy" for a period that ends before 1 July 2025, "current" for any other (the
    annual 2025 report included: see the module's notes)."""
    return "legacy" if period.end < STRUCTURE_CHANGE else "current"


def unit_for_period(catalogue: str, code: str, period: Period) -> Unit:
    """The unit set up as ``code`` in ``catalogue``, as it stood in ``period``.

    A unit of the current structure that kept an old unit's code (most communes did; the
    provinces that kept their name kept their code) reports a period before 1 July 2025
    as that old unit: its name and its parent of the time (Xã Chợ Đồn 02020 reports 2018
    as Thị trấn Bằng Lũng, under Huyện Chợ Đồn). A unit the legacy structure does not
    hold at its level stays as it was set up.

    A unit set up in the legacy structure stays a legacy unit for every period: a
    district (which no longer exists) holds and sends its old reports, and an office that
    keeps the three-level chain for later periods (the shipped 2026 samples of Chợ Đồn and
    its communes) is not rearranged under it: the same code names another unit since
    2025 (02020 was Thị trấn Bằng Lũng, is now Xã Chợ Đồn of Thái Nguyên)."""
    own = Catalogue.load(catalogue).require(code)
    wanted = catalogue_for_period(period)
    if wanted == catalogue or catalogue != "current":
        return own
    then = Catalogue.load(wanted).get(own.code)
    return then if then is not None and then.level == own.level and then.code == own.code else own


def _check_level(level: str | None) -> None:
    if level is not None and level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")


def _search_text(text: str) -> str:
    # Folded, and blind to the punctuation clerks type differently or not at all:
    # "Ea H'leo" = "ea hleo", "Phan Rang-Tháp Chàm" = "phan rang thap cham".
    folded = fold(text).replace("'", "")
    for mark in "-.,()":
        folded = folded.replace(mark, " ")
    return " ".join(folded.split())

"""The ranking as a Qt table: one row per expected unit, the ones that have not reported
included (blank scores, "not submitted"), so the officer sees the whole district at once.

Sorting uses the values, not the shown text: ranks and scores as numbers, names in
Vietnamese order, and a tie on rank falls back to the name, as the printed ranking does.

Once the receiving unit appraises (``set_official``), two columns give the official score
and place; a unit not fully appraised yet is marked, its official score provisional.

May import: Qt, ``ui``, ``workspace`` and every layer below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...consolidation import Consolidation, Ranking, RankRow, UnitReport
from ...consolidation.ranking import band_text
from ...core.collation import vi_sort_key
from ..style import ERROR, OK, WARNING
from .sorting import BLANK, CENTRE, NO_PARENT, RIGHT, SORT_ROLE, score_text, signed_text

if TYPE_CHECKING:
    from ...workspace.appraisal import OfficialRow

CODE_ROLE = Qt.ItemDataRole.UserRole + 2
UP, DOWN, MISSING = QColor(OK), QColor(ERROR), QColor(ERROR)
RETURNED = QColor(WARNING)
PROVISIONAL = QColor(WARNING)  # an official score before every item is appraised


@dataclass(frozen=True)
class UnitLine:
    """A unit of the district: its place in the ranking, or None when it has not reported."""

    code: str
    name: str
    row: RankRow | None
    report: UnitReport | None
    tied_with: tuple[str, ...] = ()  # names of the units sharing its place


def unit_lines(consolidation: Consolidation, ranking: Ranking) -> list[UnitLine]:
    """Ranked units in ranking order, then the missing ones in name order."""
    by_rank: dict[int, list[str]] = {}
    for r in ranking.rows:
        by_rank.setdefault(r.rank, []).append(r.name)
    lines = [
        UnitLine(
            r.code,
            r.name,
            r,
            consolidation.reports.get(r.code),
            tuple(n for n in by_rank[r.rank] if n != r.name),
        )
        for r in ranking.rows
    ]
    lines += [UnitLine(u.code, u.name, None, None) for u in consolidation.missing]
    return lines


def _returned(line: UnitLine) -> bool:
    # a returned report still counts until its correction arrives; the table says so
    return bool(getattr(line.report, "returned", False))


class RankingModel(QAbstractTableModel):
    """Columns: rank, code, unit, one per scored section, total, band, change of the total,
    last period's rank, submitted or missing."""

    def __init__(
        self,
        consolidation: Consolidation,
        ranking: Ranking,
        lang: str = "vi",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.bold = QFont()
        self.bold.setBold(True)
        self.official: dict[str, OfficialRow] | None = None
        self._load(consolidation, ranking)

    def set_official(self, rows: Sequence[OfficialRow] | None) -> None:
        """The official scores (``workspace.appraisal.official_ranking``); None: none shown."""
        self.beginResetModel()
        self.official = None if rows is None else {r.unit_code: r for r in rows}
        self._load(self.consolidation, self.ranking)
        self.endResetModel()

    def set_ranking(self, consolidation: Consolidation, ranking: Ranking) -> None:
        self.beginResetModel()
        self._load(consolidation, ranking)
        self.endResetModel()

    def _load(self, consolidation: Consolidation, ranking: Ranking) -> None:
        self.consolidation = consolidation
        self.ranking = ranking
        scoring = consolidation.form.scoring
        self.decimals = scoring.decimals if scoring is not None else 2
        self.lines = unit_lines(consolidation, ranking)
        self.keys = ["rank", "code", "name", *(f"s:{s}" for s in ranking.section_ids)]
        self.keys += ["total"]
        if self.official is not None:
            self.keys += ["official", "official_rank"]
        self.keys += ["band", "change", "previous", "status"]

    # -- the table's shape ----------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def column(self, key: str) -> int:
        return self.keys.index(key)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        key = self.keys[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(key)
        if role == Qt.ItemDataRole.ToolTipRole and key.startswith("s:"):
            sid = key[2:]
            title = self.consolidation.form.sections_by_id[sid].title.pick(self.lang)
            most = score_text(self.ranking.section_maximum[sid], 0)
            return self.tr("%1 — tối đa %2 điểm").replace("%1", title).replace("%2", most)
        return None

    def _header(self, key: str) -> str:
        if key.startswith("s:"):
            sid = key[2:]
            title = self.consolidation.form.sections_by_id[sid].title.pick(self.lang)
            numeral = title.split(".")[0] if "." in title[:6] else sid
            return f"{numeral}\n({score_text(self.ranking.section_maximum[sid], 0)})"
        return {
            "rank": self.tr("Hạng"),
            "code": self.tr("Mã"),
            "name": self.tr("Đơn vị"),
            "total": self.tr("Tổng\nđiểm"),
            "official": self.tr("Điểm\nchính thức"),
            "official_rank": self.tr("Hạng\nchính thức"),
            "band": self.tr("Xếp loại"),
            "change": self.tr("Tăng/giảm\nso kỳ trước"),
            "previous": self.tr("Hạng\nkỳ trước"),
            "status": self.tr("Tình trạng"),
        }[key]

    # -- cells ----------------------------------------------------------------------------

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        key = self.keys[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, key)
        if role == SORT_ROLE:
            return self._sort_value(line, key)
        if role == CODE_ROLE:
            return line.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("name", "status", "band"):
            return CENTRE if key in ("rank", "code", "previous", "official_rank") else RIGHT
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(line, key)
        if (
            role == Qt.ItemDataRole.FontRole
            and key in ("total", "official")
            and line.row is not None
        ):
            return self.bold
        return None

    def _text(self, line: UnitLine, key: str) -> str:
        r = line.row
        if key == "code":
            return line.code
        if key == "name":
            return line.name
        if key == "status":
            return self._status(line)
        if r is None:
            return ""
        if key == "rank":
            return str(r.rank)
        if key in ("official", "official_rank"):
            return self._official_text(line, key)
        if key.startswith("s:"):
            return score_text(r.by_section.get(key[2:]), self.decimals)
        if key == "total":
            return score_text(r.total, self.decimals)
        if key == "band":  # "A – Tốt", as the PDF and the workbook show it
            return band_text(r.band, self.lang)
        if key == "change":
            return signed_text(r.total_change, self.decimals)
        # last period's place, and the move since: ▲ up, ▼ down
        if r.previous_rank is None:
            return ""
        move = r.rank_change or 0
        arrow = f" (▲{move})" if move > 0 else f" (▼{-move})" if move < 0 else ""
        return f"{r.previous_rank}{arrow}"

    def _official_text(self, line: UnitLine, key: str) -> str:
        o = (self.official or {}).get(line.code)
        if o is None:
            return ""
        if key == "official_rank":
            return str(o.rank)
        # the mark of a unit not fully appraised: its official score is provisional
        return score_text(o.official_total, self.decimals) + ("" if o.complete else " *")

    def _status(self, line: UnitLine) -> str:
        if line.row is None:
            return self.tr("Chưa nộp")
        if _returned(line):
            return self.tr("Đã trả lại, chờ bản sửa")
        revision = line.report.revision if line.report else 1
        if revision > 1:
            return self.tr("Đã nộp (lần %1)").replace("%1", str(revision))
        return self.tr("Đã nộp")

    def _sort_value(self, line: UnitLine, key: str) -> Any:
        r = line.row
        name = vi_sort_key(line.name)
        if key == "code":
            return line.code
        if key == "name":
            return name
        if key == "status":
            return (r is None, name)
        o = (self.official or {}).get(line.code)
        if key in ("official", "official_rank"):
            if o is None:
                return BLANK
            return (o.official_total if key == "official" else o.rank, name)
        if r is None:
            return BLANK
        value: Any = {
            "rank": r.rank,
            "total": r.total,
            "band": r.total,  # bands follow the total
            "change": r.total_change,
            "previous": r.previous_rank,
        }.get(key, r.by_section.get(key[2:]) if key.startswith("s:") else None)
        return BLANK if value is None else (value, name)

    def _tooltip(self, line: UnitLine, key: str) -> str | None:
        r = line.row
        if key == "rank" and r is not None and line.tied_with:
            names = ", ".join(line.tied_with)
            return self.tr("Đồng hạng %1 với: %2").replace("%1", str(r.rank)).replace("%2", names)
        if key == "status" and line.report is not None and line.report.merged_from:
            codes = ", ".join(line.report.merged_from)
            return self.tr("Gộp từ các đơn vị cũ: %1").replace("%1", codes)
        if key == "name":
            return line.name
        o = (self.official or {}).get(line.code)
        if key == "official" and o is not None and not o.complete:
            return self.tr(
                "Chưa thẩm định xong: các mục chưa thẩm định tính theo điểm tự đánh giá"
                " (%1), nên điểm chính thức còn tạm tính."
            ).replace("%1", score_text(o.self_total, self.decimals))
        return None

    def _colour(self, line: UnitLine, key: str) -> QColor | None:
        r = line.row
        if key == "status" and r is None:
            return MISSING
        if key == "status" and _returned(line):
            return RETURNED
        if r is None:
            return None
        o = (self.official or {}).get(line.code)
        if key == "official" and o is not None:
            if not o.complete:
                return PROVISIONAL
            return DOWN if o.official_total < o.self_total else None
        if key == "change" and r.total_change:
            return UP if r.total_change > 0 else DOWN
        if key == "previous" and r.rank_change:
            return UP if r.rank_change > 0 else DOWN
        return None


__all__ = ["CODE_ROLE", "RankingModel", "UnitLine", "unit_lines"]

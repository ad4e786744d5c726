"""The district's commands (DESIGN §6): ``report`` (the consolidated, ranked workbook and
PDF of the children's reports), ``prefill`` (the unit's own report, e.g. ``cntt-huyen``,
filled from its children's) and ``merges`` (the officer's table of units merged in the
2025 rearrangement). The unit's own report is then checked and exported with
``validate`` and ``export``, exactly as a commune's.

openpyxl and reportlab are imported inside ``workspace.district``'s functions.

May import: ``cli``, ``workspace`` and every layer below it; never Qt.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..core.messages import AppError, Text
from ..workspace import Workspace
from .output import print_json, say, warn


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"YYYY-MM-DD: {text!r}") from exc


def add_report_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register ``report``, ``trend``, ``prefill`` and ``merges`` on the main parser's
    subparsers."""
    report = commands.add_parser(
        "report",
        parents=[common],
        help="báo cáo tổng hợp, chấm điểm, xếp hạng các đơn vị trực thuộc (xlsx + pdf)"
        " / consolidated, scored and ranked report of the units under this one",
        description="Tổng hợp báo cáo của các đơn vị trực thuộc (bản đang được tính của mỗi"
        " đơn vị; bản bị trả lại vẫn tính nhưng được ghi chú), chấm điểm, xếp hạng, ghi"
        " {biểu mẫu}_{kỳ}_tong-hop.xlsx và .pdf vào DIR và in đường dẫn hai tệp."
        " / Consolidates the children's reports that count (a returned one still counts,"
        " flagged), scores and ranks them, writes {form}_{period}_tong-hop.xlsx and .pdf"
        " into DIR and prints both paths.",
    )
    report.add_argument("--form", required=True, help="biểu mẫu đơn vị con điền, ví dụ cntt-xa")
    report.add_argument("--period", required=True, help="kỳ báo cáo, ví dụ 2026")
    report.add_argument("--out", required=True, type=Path, metavar="DIR")
    report.add_argument(
        "--previous",
        metavar="P",
        help="kỳ so sánh (mặc định: kỳ liền trước) / period compared with (default: the one before)",
    )
    report.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="ngày báo cáo / report date (today)"
    )

    trend = commands.add_parser(
        "trend",
        parents=[common],
        help="diễn biến một chỉ số qua các kỳ đã nhận / an indicator across the periods held",
        description="Toàn huyện (hoặc một đơn vị trực thuộc với --unit) qua mọi kỳ đã nhận báo"
        " cáo: mặc định các chỉ số có chỉ tiêu, --field cho bất kỳ chỉ số nào (lặp lại được;"
        " 'all': mọi chỉ số), theo cả mã cũ (previous_ids)."
        " / The whole district (or one child with --unit) across every period held: the key"
        " indicators by default, --field for any (repeatable; 'all': every one), followed"
        " through the ids they had before (previous_ids).",
    )
    trend.add_argument("--form", required=True, help="biểu mẫu đơn vị con điền, ví dụ cntt-xa")
    trend.add_argument("--unit", metavar="CODE", help="mã đơn vị trực thuộc / a child's code")
    trend.add_argument(
        "--field", action="append", metavar="ID", help="chỉ số (lặp lại) / indicator (repeat)"
    )
    trend.add_argument(
        "--period", action="append", metavar="P", help="kỳ (lặp lại; mặc định: mọi kỳ đã nhận)"
    )

    prefill = commands.add_parser(
        "prefill",
        parents=[common],
        help="điền sẵn báo cáo của đơn vị từ báo cáo các đơn vị trực thuộc"
        " / pre-fill the unit's own report from its children's",
        description="Điền các chỉ tiêu «prefill: children» của báo cáo của chính đơn vị (ví"
        " dụ cntt-huyen) từ tổng hợp báo cáo các đơn vị trực thuộc (không tính bản bị trả"
        " lại), kèm ghi chú nguồn số liệu. Giá trị cán bộ đã sửa được giữ nguyên, trừ khi"
        " có --overwrite. Sau đó: validate, export như báo cáo của xã."
        " / Fills the 'prefill: children' fields of the unit's own report (e.g."
        " cntt-huyen) from its children's consolidation (returned reports left out), each"
        " with a comment naming its source. Values the officer changed are kept unless"
        " --overwrite. Then validate and export as a commune does.",
    )
    prefill.add_argument("--form", required=True, help="biểu mẫu của đơn vị, ví dụ cntt-huyen")
    prefill.add_argument("--period", required=True)
    prefill.add_argument(
        "--overwrite",
        action="store_true",
        help="ghi đè cả giá trị cán bộ đã sửa / overwrite the officer's changes too",
    )

    merges = commands.add_parser(
        "merges",
        parents=[common],
        help="bảng đơn vị đã sáp nhập (2025) / units merged in the 2025 rearrangement",
    )
    sub = merges.add_subparsers(dest="merges_command", metavar="list|set|clear", required=True)
    sub.add_parser("list", parents=[common], help="liệt kê / list")
    mset = sub.add_parser(
        "set",
        parents=[common],
        help="đơn vị cũ CŨ được gộp vào đơn vị trực thuộc MỚI / old unit OLD became part of NEW",
    )
    mset.add_argument("pairs", nargs="+", metavar="OLD=NEW")
    mset.add_argument(
        "--catalogue",
        choices=["legacy", "current"],
        default="legacy",
        help="danh mục của đơn vị cũ / the old units' catalogue (legacy)",
    )
    clear = sub.add_parser("clear", parents=[common], help="bỏ / remove")
    clear.add_argument("codes", nargs="*", metavar="OLD", help="mặc định: tất cả / default: all")


def _number(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _report_dict(result: Any) -> dict[str, Any]:
    d = result.district
    c = d.consolidation
    ranking = d.ranking
    return {
        "ok": True,
        "xlsx": str(result.xlsx),
        "pdf": str(result.pdf),
        "form": {"id": d.form.id, "version": d.form.version},
        "period": d.period,
        "previous_period": d.previous_period,
        "submitted": len(c.reports),
        "expected": len(c.expected),
        "missing": [{"code": u.code, "name": u.name} for u in c.missing],
        "returned": list(d.returned),
        "merges": d.merges,
        "set_aside": list(d.set_aside),
        "provisional": ranking.provisional if ranking else False,
        "ranking": [
            {
                "rank": r.rank,
                "code": r.code,
                "name": r.name,
                "total": _number(r.total),
                "band": r.band.code if r.band else None,
                "sections": {k: _number(v) for k, v in r.by_section.items()},
                "previous_rank": r.previous_rank,
                "total_change": _number(r.total_change),
            }
            for r in (ranking.rows if ranking else ())
        ],
        "statements": [s.text.as_dict() for s in d.statements],
    }


def cmd_report(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~200 ms and more (consolidation, reportlab) to import; the other commands skip it.
    from ..workspace.district import write_district_reports

    result = write_district_reports(
        ws, args.form, args.period, args.out, previous_period=args.previous, date=args.date
    )
    if args.json:
        print_json(_report_dict(result))
        return 0
    say(str(result.xlsx))  # stdout holds only the two paths, for scripts
    say(str(result.pdf))
    d = result.district
    c = d.consolidation
    note = Text(
        f"Đã tổng hợp {len(c.reports)}/{len(c.expected)} đơn vị.",
        f"Consolidated {len(c.reports)}/{len(c.expected)} units.",
    )
    sys.stderr.write(note.pick(lang) + "\n")
    if d.ranking is not None and d.ranking.note is not None:
        warn(d.ranking.note)
    if d.returned:
        codes = ", ".join(d.returned)
        warn(
            Text(
                f"Báo cáo đã bị trả lại vẫn được tính (có ghi chú): {codes}",
                f"Returned reports still counted (flagged): {codes}",
            )
        )
    return 0


def _trend_fields(ws: Workspace, form_id: str, wanted: list[str] | None) -> list[str] | None:
    """The ``--field`` ids, checked against the newest form (``trend.unknown_field``)."""
    from ..consolidation.trend import all_fields
    from ..core.comparison import lineage

    if not wanted:
        return None
    ws.forms.get(form_id)  # an unknown form is refused (form.unknown)
    versions = ws.forms.versions(form_id)
    if "all" in wanted:  # the newest version's, then those only older versions have
        chosen: list[str] = []
        for version in reversed(versions):
            for f in all_fields(version):
                if not set(lineage(versions, f)) & set(chosen):
                    chosen.append(f)
        return chosen
    # an id of any version, or one it had before (``previous_ids``), stands for the id
    # the newest version that has the indicator gives it
    newest_id: dict[str, str] = {}
    for version in reversed(versions):
        for f in version.fields:
            for old in lineage(versions, f):
                newest_id.setdefault(old, f)
    unknown = [f for f in wanted if f not in newest_id]
    if unknown:
        names = ", ".join(unknown)
        raise AppError(
            "trend.unknown_field",
            Text(
                f"Biểu mẫu {form_id} không có chỉ số: {names}.",
                f"Form {form_id} has no indicator: {names}.",
            ),
            fields=unknown,
        )
    return [newest_id[f] for f in wanted]


def cmd_trend(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    from ..core.values import to_json
    from ..workspace.district import trend_for

    fields = _trend_fields(ws, args.form, args.field)
    t = trend_for(ws, args.form, args.unit, args.period, fields)
    form = ws.forms.get(args.form)
    # each indicator's definition in the newest version that has it
    known = {}
    for version in ws.forms.versions(args.form):
        known.update(version.fields)
    if args.json:
        print_json(
            {
                "ok": True,
                "form": args.form,
                "unit": t.unit,
                "periods": list(t.periods),
                "series": {
                    f: {
                        "label": (t.labels.get(f) or known[f].label).as_dict()
                        if f in t.labels or f in known
                        else None,
                        "values": [
                            to_json(known[f], v) if f in known else _number(v) for v in t.series[f]
                        ],
                    }
                    for f in t.fields
                },
                "totals": [_number(v) for v in t.totals],
                "ranks": list(t.ranks),
            }
        )
        return 0
    say("\t".join([Text("Chỉ số", "Indicator").pick(lang), *t.periods]))
    for f in t.fields:
        field = known.get(f)
        label = (t.labels.get(f) or (field.label if field else Text(f, f))).pick(lang)
        shown = [_trend_text(field, form.level, v, t.unit, lang) for v in t.series[f]]
        say("\t".join([label, *shown]))
    if any(v is not None for v in t.totals):
        shown = ["—" if v is None else display_total(v) for v in t.totals]
        say("\t".join([Text("Tổng điểm", "Total score").pick(lang), *shown]))
    return 0


def _trend_text(field: Any, level: str, value: Any, unit: str | None, lang: str) -> str:
    from ..core.levels import units_word
    from ..core.values import display

    if value is None:
        return "—"
    if field is None:
        return str(value)
    number = isinstance(value, (int, Decimal)) and not isinstance(value, bool)
    if number and not field.is_numeric:  # consolidated yes/no or choice: a count of units
        return f"{value} {units_word(level).pick(lang)}"
    return str(display(field, value, lang))


def display_total(value: Decimal) -> str:
    from ..core.numbers import format_number

    return format_number(value, 2)


def cmd_prefill(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~200 ms and more (consolidation, receiving) to import; the other commands skip it.
    from ..workspace.district_prefill import prefill_own_report

    outcome = prefill_own_report(ws, args.form, args.period, overwrite=args.overwrite)
    if args.json:
        print_json(
            {
                "ok": True,
                "form": outcome.form.id,
                "period": outcome.period,
                "child_form": outcome.child_form,
                "units": outcome.units,
                "expected": outcome.expected,
                "report": outcome.report.__dict__,
                "written": {k: _number(v) for k, v in outcome.written.items()},
                "unchanged": {k: _number(v) for k, v in outcome.unchanged.items()},
                "kept": {
                    k: {"prefill": _number(p), "kept": _number(v)}
                    for k, (p, v) in outcome.kept.items()
                },
                "unmatched": list(outcome.unmatched),
            }
        )
        return 0
    form = outcome.form
    for field_id, value in outcome.written.items():
        say(f"  {field_id:<30} = {value!s:>12}  {form.fields[field_id].label.pick(lang)}")
    for field_id, (prefilled, kept) in outcome.kept.items():
        say(
            Text(
                f"  {field_id:<30} giữ {kept} (cán bộ đã sửa; tổng hợp: {prefilled})",
                f"  {field_id:<30} kept {kept} (changed by the officer; consolidated: {prefilled})",
            ).pick(lang)
        )
    say(
        Text(
            f"Đã điền sẵn {len(outcome.written)} chỉ tiêu từ {outcome.units}/{outcome.expected}"
            f" báo cáo {outcome.child_form}; {len(outcome.unchanged)} không đổi,"
            f" {len(outcome.kept)} giữ giá trị đã sửa (lần sửa {outcome.report.revision}).",
            f"Pre-filled {len(outcome.written)} fields from {outcome.units}/{outcome.expected}"
            f" {outcome.child_form} reports; {len(outcome.unchanged)} unchanged,"
            f" {len(outcome.kept)} kept as changed (revision {outcome.report.revision}).",
        ).pick(lang)
    )
    return 0


def _pairs(items: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        old, sep, new = item.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise AppError(
                "merge.syntax",
                Text(f"«{item}» không đúng dạng CŨ=MỚI", f"«{item}» is not OLD=NEW"),
            )
        pairs[old.strip()] = new.strip()
    return pairs


def cmd_merges(ws: Workspace, args: argparse.Namespace, lang: str) -> int:
    # Lazy: ~200 ms and more (receiving) to import; the other commands skip it.
    from ..workspace import district_merges as district

    if args.merges_command == "set":
        entries = district.declare_merges(ws, _pairs(args.pairs), catalogue=args.catalogue)
    elif args.merges_command == "clear":
        entries = district.clear_merges(ws, args.codes or None)
    else:
        entries = district.unit_merges(ws)
    if args.json:
        print_json({"ok": True, "merges": [{"old_code": e.old_code, **e.as_setting()}
                                           for e in entries]})  # fmt: skip
        return 0
    for e in entries:
        say(f"  {e.old_code:<6} {e.old_name:<28} → {e.into:<6} {e.into_name}")
    if not entries:
        say(Text("Chưa khai báo đơn vị sáp nhập nào.", "No merged units declared.").pick(lang))
    return 0


__all__ = ["add_report_parsers", "cmd_merges", "cmd_prefill", "cmd_report", "cmd_trend"]

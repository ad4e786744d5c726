"""Target attainment per unit, and district-wide statements in the words district reports
use: "20/20 xã có mạng nội bộ (LAN)" (each yes/no field's own ``statement``, never its label
with a prefix glued on; a count over fewer units says why: "9/19 xã … (19 xã đã nộp, 1
chưa nộp)", the units that left it blank named), "18/20 xã đạt chỉ tiêu: Tối thiểu 80% văn bản đi
được ký số", "Toàn huyện: tỷ lệ văn bản đi được ký số 88,8% (chỉ tiêu ≥ 80%): đạt".

Everything is derived from the form: its yes/no fields consolidated as ``count_true`` and
its targets, so next year's form brings next year's statements without code.

May import: ``consolidation``, ``core``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from ..core.collation import vi_sort_key
from ..core.forms.model import Field, Form, Target
from ..core.levels import units_word, whole_of
from ..core.messages import Text
from ..core.numbers import format_number
from ..core.targets import TargetResult, evaluate_target, evaluate_targets
from .consolidate import Consolidation
from .model import UnitReport

_OPS_VI = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "==": "="}


@dataclass(frozen=True)
class Statement:
    id: str  # the field or target it is about
    text: Text
    count: int | None = None  # units that have it / reach it
    of: int | None = None  # units that answered
    blank: tuple[str, ...] = ()  # units that reported but left it blank (yes/no lines)


def target_attainment(consolidation: Consolidation) -> dict[str, list[TargetResult]]:
    """Each reporting unit's result against each of the form's targets."""
    form = consolidation.form
    return {
        code: evaluate_targets(form, values)
        for code, values in consolidation.values_by_unit.items()
    }


def _lower_first(text: str) -> str:
    # keep acronyms ("LAN", "TTHC") and proper names: lower only a capital followed by lower case
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _names(c: Consolidation, codes: list[str]) -> str:
    return ", ".join(sorted((c.name(code) for code in codes), key=vi_sort_key))


def _why_fewer(c: Consolidation, word: Text, blank: list[str]) -> Text | None:
    """Why a count is over fewer units than expected: those that have not reported, and
    those that reported but left the answer blank (named)."""
    total, submitted = len(c.expected), len(c.reports)
    vi: list[str] = []
    en: list[str] = []
    if submitted < total:
        vi.append(f"{submitted} {word.vi} đã nộp, {total - submitted} chưa nộp")
        en.append(f"{submitted} {word.en} reported, {total - submitted} not yet")
    if blank:
        names = _names(c, blank)
        vi.append(f"{len(blank)} {word.vi} để trống: {names}")
        en.append(f"left blank by {len(blank)}: {names}")
    if not vi:
        return None
    return Text("; ".join(vi), "; ".join(en))


def _yes_count(c: Consolidation, f: Field, word: Text) -> Statement:
    """ "15/15 xã ký số văn bản đi", in the words of the field's own ``statement``; when the
    count is over fewer units than expected, why ("19 xã đã nộp, 1 chưa nộp", the units
    that left it blank, by name)."""
    answers = {code: v.get(f.id) for code, v in c.values_by_unit.items()}
    blank = [code for code, a in answers.items() if a is None]
    n = sum(1 for a in answers.values() if a is True)
    m = len(answers) - len(blank)
    said = f.statement or Text(f"{word.vi}: {f.label.vi}", f"{word.en}: {f.label.en}")
    text = Text(f"{n}/{m} {said.vi}", f"{n}/{m} {said.en}")
    why = _why_fewer(c, word, blank)
    if why is not None:
        text = Text(f"{text.vi} ({why.vi})", f"{text.en} ({why.en})")
    return Statement(f.id, text, n, m, tuple(blank))


def _target_count(
    c: Consolidation, target: Target, results: dict[str, TargetResult], word: Text
) -> Statement:
    known = [r for r in results.values() if r.achieved is not None]
    blank = [code for code, r in results.items() if r.achieved is None]
    n = sum(1 for r in known if r.achieved)
    text = Text(
        f"{n}/{len(known)} {word.vi} đạt chỉ tiêu: {target.label.vi}",
        f"{n}/{len(known)} {word.en} reach the target: {target.label.en}",
    )
    why = _why_fewer(c, word, blank)
    if why is not None:
        text = Text(f"{text.vi} ({why.vi})", f"{text.en} ({why.en})")
    return Statement(target.id, text, n, len(known), tuple(blank))


def _shown(f: Field, value: Decimal | int) -> str:
    unit = f.unit.vi if f.unit else ""
    text = format_number(value, f.display_decimals)
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".rstrip()


def _overall(c: Consolidation, target: Target, scope: Text) -> Statement | None:
    f = c.form.fields[target.field_id]
    value = c.figures.values.get(f.id)
    if isinstance(target.value, bool) or value is None or not f.is_numeric:
        return None
    result = evaluate_target(target, value)
    verdict = Text("đạt", "reached") if result.achieved else Text("chưa đạt", "not reached")
    goal = f"{_OPS_VI[target.op]} {format_number(target.value)}{'%' if f.type == 'percent' else ''}"
    return Statement(
        f"{target.id}.overall",
        Text(
            f"{scope.vi}: {_lower_first(f.label.vi)} {_shown(f, value)} (chỉ tiêu {goal}): {verdict.vi}",
            f"{scope.en}: {f.label.en} {_shown(f, value)} (target {goal}): {verdict.en}",
        ),
    )


def _picked(
    c: Consolidation, key: str, pick: Callable[[UnitReport], bool], say: Callable[[str, str], Text]
) -> Statement | None:
    """A statement about the reports ``pick`` picks: ``say(share, names)`` with the share
    ("2/12") and their units' names in Vietnamese order; None when it picks none."""
    units = sorted(
        (r for r in c.reports.values() if pick(r)), key=lambda r: vi_sort_key(r.unit_name)
    )
    if not units:
        return None
    n, m = len(units), len(c.reports)
    return Statement(key, say(f"{n}/{m}", ", ".join(r.unit_name for r in units)), n, m)


def _returned(c: Consolidation, word: Text) -> Statement | None:
    # A returned report still counts until its corrected revision arrives (the officer's
    # figures should not drop a unit overnight), but the report must say so.
    return _picked(
        c,
        "returned",
        lambda r: r.returned,
        lambda share, names: Text(
            f"{share} {word.vi} có báo cáo đã bị trả lại, đang chờ bản sửa ({names});"
            " số liệu tổng hợp tạm dùng báo cáo đã nhận",
            f"{share} {word.en} had their report returned and a corrected one is awaited"
            f" ({names}); the figures use the report received so far",
        ),
    )


def _entered(c: Consolidation, word: Text) -> Statement | None:
    # Figures the receiving unit entered itself (imported from a workbook) are no signed
    # report of the unit: the consolidated report says whose they are.
    return _picked(
        c,
        "entered",
        lambda r: r.entered,
        lambda share, names: Text(
            f"{share} {word.vi} có số liệu do đơn vị tổng hợp nhập từ tệp Excel, không phải"
            f" báo cáo có chữ ký số ({names})",
            f"{share} {word.en} have figures entered by the consolidating unit from a"
            f" workbook, not a signed report ({names})",
        ),
    )


def district_statements(consolidation: Consolidation) -> list[Statement]:
    """Counts of yes answers, target attainment by unit, and the district-wide figures
    against the targets; first, when units are missing, how many. The children are counted
    by the word for their form's level ("xã"), the overall figures open with the receiving
    unit's ("Toàn tỉnh" for a province, whichever level its children are)."""
    form: Form = consolidation.form
    word = units_word(form.level)
    scope = whole_of(consolidation.receiving_level, form.level)
    out: list[Statement] = []
    m, total = len(consolidation.reports), len(consolidation.expected)
    out.append(
        Statement(
            "submitted",
            Text(
                f"{m}/{total} {word.vi} đã nộp báo cáo",
                f"{m}/{total} {word.en} have reported",
            ),
            m,
            total,
        )
    )
    returned = _returned(consolidation, word)
    if returned is not None:
        out.append(returned)
    entered = _entered(consolidation, word)
    if entered is not None:
        out.append(entered)
    for f in form.fields.values():
        # every yes/no field, however the form consolidates it: the line says how many
        if f.type == "boolean":
            out.append(_yes_count(consolidation, f, word))
    attainment = target_attainment(consolidation)
    cited = next((t.source for t in form.targets if t.source is not None), None)
    if cited is not None:  # the plan the targets come from, named once before them
        out.append(Statement("plan", Text(f"Chỉ tiêu theo {cited.vi}", f"Targets of {cited.en}")))
    for index, target in enumerate(form.targets):
        results = {code: results[index] for code, results in attainment.items()}
        out.append(_target_count(consolidation, target, results, word))
        overall = _overall(consolidation, target, scope)
        if overall is not None:
            out.append(overall)
    return out

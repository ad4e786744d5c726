"""Safe, blank-aware expressions for computed fields, rules and targets.

The syntax is a small subset of Python (see forms/README.md). Two layers keep it safe:
``Expression`` whitelists the syntax tree when a form is loaded, so a bad definition is
refused with its line before anyone types a value; evaluation then runs through
simpleeval, whose operators we replace so that:

* a blank (``None``) input makes the result blank, never zero;
* division by zero is blank, not a crash;
* ``and``/``or``/``not`` follow three-valued logic, so ``False and blank`` is ``False``;
* arithmetic is exact (``Decimal``), because a float literal like ``0.8`` is read as
  ``Decimal("0.8")`` and ``/`` always divides as Decimal.

May import: ``core`` only, and libraries (never Qt, never the user's folders or settings).
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from simpleeval import SimpleEval

from .messages import AppError, Text

Value = Any  # int | Decimal | bool | str | date | None


class ExpressionError(AppError):
    """An expression that cannot be parsed or evaluated: a fault of the form, not the user."""

    def __init__(self, source: str, reason: str, code: str = "expression.invalid") -> None:
        super().__init__(
            code,
            Text(
                f"Biểu thức không hợp lệ «{source}»: {reason}",
                f"Invalid expression «{source}»: {reason}",
            ),
            expression=source,
        )
        self.reason = reason


def _is_blank(value: Value) -> bool:
    return value is None


def _numeric(value: Value) -> Value:
    # bool is an int subclass; keep it so "co_lan + co_wifi" counts yes answers.
    if isinstance(value, float):
        return Decimal(str(value))
    return value


def _blank_aware(op: Callable[[Value, Value], Value]) -> Callable[[Value, Value], Value]:
    def apply(a: Value, b: Value) -> Value:
        if a is None or b is None:
            return None
        return op(_numeric(a), _numeric(b))

    return apply


def _arithmetic(op: Callable[[Value, Value], Value]) -> Callable[[Value, Value], Value]:
    """Blank-aware, and on numbers (yes/no counting as 1/0) only: Python would also
    repeat a text (``"x" * 100000000``: a 100 MB string), join texts, or subtract dates
    into a ``timedelta`` no field can hold. Those are refused as a type mix-up, which the
    form loader's dry run reports."""

    def apply(a: Value, b: Value) -> Value:
        if a is None or b is None:
            return None
        a, b = _numeric(a), _numeric(b)
        if not (isinstance(a, (int, Decimal)) and isinstance(b, (int, Decimal))):
            raise TypeError(f"cannot compute {a!r} and {b!r}: numbers only")
        return op(a, b)

    return apply


def _divide(a: Value, b: Value) -> Value:
    if a is None or b is None:
        return None
    try:
        divisor = Decimal(_numeric(b))
        if divisor == 0:
            return None
        return Decimal(_numeric(a)) / divisor
    except (InvalidOperation, TypeError) as exc:
        raise TypeError(f"cannot divide {a!r} by {b!r}") from exc


def _negate(a: Value) -> Value:
    return None if a is None else -_numeric(a)


def _positive(a: Value) -> Value:
    return None if a is None else +_numeric(a)


def _truth(value: Value) -> bool | None:
    return None if value is None else bool(value)


def _not(a: Value) -> Value:
    truth = _truth(a)
    return None if truth is None else not truth


_OPERATORS: dict[type, Callable[..., Value]] = {
    ast.Add: _arithmetic(operator.add),
    ast.Sub: _arithmetic(operator.sub),
    ast.Mult: _arithmetic(operator.mul),
    ast.Div: _divide,
    ast.USub: _negate,
    ast.UAdd: _positive,
    ast.Not: _not,
    ast.Eq: _blank_aware(operator.eq),
    ast.NotEq: _blank_aware(operator.ne),
    ast.Lt: _blank_aware(operator.lt),
    ast.LtE: _blank_aware(operator.le),
    ast.Gt: _blank_aware(operator.gt),
    ast.GtE: _blank_aware(operator.ge),
}


def _fn_min(*args: Value) -> Value:
    return None if any(a is None for a in args) else min(_numeric(a) for a in args)


def _fn_max(*args: Value) -> Value:
    return None if any(a is None for a in args) else max(_numeric(a) for a in args)


def _fn_abs(a: Value) -> Value:
    return None if a is None else abs(_numeric(a))


def _fn_round(a: Value, digits: Value = 0) -> Value:
    if a is None:
        return None
    quantum = Decimal(1).scaleb(-int(digits))
    return Decimal(_numeric(a)).quantize(quantum, rounding=ROUND_HALF_UP)


def _fn_coalesce(*args: Value) -> Value:
    return next((a for a in args if a is not None), None)


def _fn_ratio(a: Value, b: Value) -> Value:
    quotient = _divide(a, b)
    return None if quotient is None else quotient * 100


def _fn_count_true(*args: Value) -> int:
    return sum(1 for a in args if a is True)


FUNCTIONS: dict[str, Callable[..., Value]] = {
    "min": _fn_min,
    "max": _fn_max,
    "abs": _fn_abs,
    "round": _fn_round,
    "coalesce": _fn_coalesce,
    "is_blank": _is_blank,
    "has_value": lambda a: a is not None,
    "ratio": _fn_ratio,
    "count_true": _fn_count_true,
}

# Calls whose result is defined even when an argument is blank: they must see the blank.
_ALLOWED_NODES = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.BinOp,
    ast.UnaryOp,
    ast.Compare,
    ast.IfExp,
    ast.Call,
    ast.Name,
    ast.Load,
    ast.Constant,
    *_OPERATORS.keys(),
)


class _BlankAwareEval(SimpleEval):
    def _eval_constant(self, node: ast.Constant) -> Value:
        if isinstance(node.value, float):
            return Decimal(repr(node.value))
        return node.value

    def _eval_boolop(self, node: ast.BoolOp) -> Value:
        # Kleene logic: a decisive operand wins even when another is blank.
        decisive = isinstance(node.op, ast.Or)
        unknown = False
        for value_node in node.values:
            truth = _truth(self._eval(value_node))
            if truth is decisive:
                return decisive
            unknown = unknown or truth is None
        return None if unknown else not decisive

    def _eval_compare(self, node: ast.Compare) -> Value:
        left = self._eval(node.left)
        result: Value = True
        for op_node, comparator in zip(node.ops, node.comparators, strict=True):
            right = self._eval(comparator)
            outcome = self.operators[type(op_node)](left, right)
            if outcome is False:
                return False
            if outcome is None:
                result = None
            left = right
        return result

    def _eval_ifexp(self, node: ast.IfExp) -> Value:
        test = _truth(self._eval(node.test))
        if test is None:
            return None
        return self._eval(node.body if test else node.orelse)


class Expression:
    """A parsed, checked expression. Parse once at form load; evaluate many times."""

    __slots__ = ("__dict__", "_tree", "source")

    def __init__(self, source: str) -> None:
        self.source = source.strip()
        try:
            self._tree = ast.parse(self.source, mode="eval")
        except SyntaxError as exc:
            raise ExpressionError(self.source, f"lỗi cú pháp / syntax error ({exc.msg})") from exc
        except (RecursionError, MemoryError) as exc:  # thousands of nested `-` or `not`
            raise ExpressionError(self.source, "lồng quá sâu / nested too deeply") from exc
        self._check(self._tree)

    def _check(self, tree: ast.AST) -> None:
        for node in ast.walk(tree):
            if not isinstance(node, _ALLOWED_NODES):
                raise ExpressionError(
                    self.source, f"không được dùng / not allowed: {type(node).__name__}"
                )
            if isinstance(node, ast.Call):
                if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
                    name = getattr(node.func, "id", type(node.func).__name__)
                    raise ExpressionError(self.source, f"hàm lạ / unknown function {name}")
                if node.keywords:
                    raise ExpressionError(self.source, "không dùng tham số tên / no keywords")
            if isinstance(node, ast.Constant) and not isinstance(
                node.value, (int, float, str, bool)
            ):
                raise ExpressionError(self.source, f"hằng lạ / bad constant {node.value!r}")
            if isinstance(node, ast.Constant) and node.value in (float("inf"), float("-inf")):
                # 1e999: an infinite Decimal, which no number format can show or store
                raise ExpressionError(self.source, f"số vô hạn / infinite number {node.value!r}")

    @cached_property
    def names(self) -> frozenset[str]:
        """Field ids the expression reads (function names excluded)."""
        called = {id(n.func) for n in ast.walk(self._tree) if isinstance(n, ast.Call)}
        return frozenset(
            n.id for n in ast.walk(self._tree) if isinstance(n, ast.Name) and id(n) not in called
        )

    @cached_property
    def ordered_names(self) -> tuple[str, ...]:
        """Field ids in the order they are written: ``a <= b`` is shown at ``a`` first."""
        nodes = sorted(
            (n for n in ast.walk(self._tree) if isinstance(n, ast.Name) and n.id in self.names),
            key=lambda n: (n.lineno, n.col_offset),
        )
        return tuple(dict.fromkeys(n.id for n in nodes))

    def evaluate(self, values: Mapping[str, Value]) -> Value:
        return Evaluator(values).evaluate(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Expression) and other.source == self.source

    def __hash__(self) -> int:
        return hash(self.source)

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"


class Evaluator:
    """Evaluates many expressions over one set of values (one simpleeval instance)."""

    def __init__(self, values: Mapping[str, Value]) -> None:
        self._values = values
        self._engine = _BlankAwareEval(
            operators=dict(_OPERATORS), functions=dict(FUNCTIONS), names=self._lookup
        )

    def _lookup(self, node: ast.Name) -> Value:
        # A known field with no value is blank; a name nobody defined is a form bug,
        # but the loader has already refused those, so blank is the safe reading.
        return self._values.get(node.id)

    def evaluate(self, expression: Expression) -> Value:
        try:
            result = self._engine.eval(expression.source, previously_parsed=expression._tree.body)
        except ExpressionError:
            raise
        except (TypeError, ArithmeticError, ValueError) as exc:
            raise ExpressionError(expression.source, str(exc), "expression.eval") from exc
        except Exception as exc:  # simpleeval's own refusals
            raise ExpressionError(expression.source, str(exc), "expression.eval") from exc
        return _numeric(result)


def referenced_names(expressions: Iterable[Expression]) -> frozenset[str]:
    result: set[str] = set()
    for expression in expressions:
        result |= expression.names
    return frozenset(result)

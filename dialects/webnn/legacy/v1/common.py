"""What the version 1 op definitions share: its data types, the fused activations
(an `MLActivation` option), nullable sizes, and helpers that state a version 1 rule
through the current one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    DictionaryAttr,
    FloatAttr,
    StringAttr,
    f64,
    i64,
)

from ...base import Args, WebNNOp
from ...options import Option, OptionError, _parse_float, format_float
from ...shapes import check_positive, fail

#: `MLOperandType` of the CR 2023 (int64/uint64 came with #478).
DTYPES = ("float32", "float16", "int32", "uint32", "int8", "uint8")

AUTO_PAD = ("explicit", "same-upper", "same-lower")


# ============================================================================ option kinds
#: Activations version 1 could fuse: name -> {option: default} (None = no bound).
ACTIVATIONS: dict[str, dict[str, float | None]] = {
    "relu": {}, "sigmoid": {}, "tanh": {}, "hardSwish": {}, "softsign": {},
    "leakyRelu": {"alpha": 0.01},
    "elu": {"alpha": 1.0},
    "hardSigmoid": {"alpha": 0.2, "beta": 0.5},
    "linear": {"alpha": 1.0, "beta": 0.0},
    "softplus": {"steepness": 1.0},
    "clamp": {"minValue": None, "maxValue": None},
}


@dataclass(frozen=True)
class FusedActivation:
    """An `MLActivation` object: an activation op's name and the options it was given."""

    name: str
    params: tuple[tuple[str, float], ...] = ()

    def get(self, key: str) -> float | None:
        """The option's value, its default when it was not given."""
        return dict(self.params).get(key, ACTIVATIONS[self.name][key])

    def __str__(self) -> str:
        if not self.params:
            return f'"{self.name}"'
        inner = ", ".join(f"{k} = {format_float(v)}" for k, v in self.params)
        return f'"{self.name}"({inner})'


def _activation_problem(name: str, params: dict[str, float]) -> str | None:
    if name not in ACTIVATIONS:
        return (f'activation "{name}" is not one of '
                + ", ".join(f'"{n}"' for n in ACTIVATIONS))
    for key in params:
        if key not in ACTIVATIONS[name]:
            return f'activation "{name}" has no option \'{key}\''
    low, high = params.get("minValue"), params.get("maxValue")
    if low is not None and high is not None and low > high:
        return f'activation "clamp" minValue {low} is greater than maxValue {high}'
    return None


class Activation(Option):
    """A fused activation: `"relu"` or `"leakyRelu"(alpha = 0.1)`, stored as a dictionary."""

    EXPECTS = 'an activation such as "relu" or "leakyRelu"(alpha = 0.1)'
    constraint = DictionaryAttr

    def to_attr(self, value: Any) -> DictionaryAttr:
        if isinstance(value, str):
            value = FusedActivation(value)
        if not isinstance(value, FusedActivation):
            raise OptionError(f"option '{self.name}' must be an activation, got {value!r}")
        problem = _activation_problem(value.name, dict(value.params))
        if problem is not None:
            raise OptionError(f"option '{self.name}': {problem}")
        entries: dict[str, Any] = {"name": StringAttr(value.name)}
        entries.update({k: FloatAttr(float(v), f64) for k, v in value.params})
        return DictionaryAttr(entries)

    def from_attr(self, attr: Any) -> FusedActivation:
        if not isinstance(attr, DictionaryAttr) or not isinstance(
                attr.data.get("name"), StringAttr):
            raise self._bad(f"must be an activation dictionary with a name, got {attr}")
        params = []
        for key, value in attr.data.items():
            if key == "name":
                continue
            if not isinstance(value, FloatAttr):
                raise self._bad(f"activation option '{key}' must be a float, got {value}")
            params.append((key, float(value.value.data)))
        name = attr.data["name"].data
        problem = _activation_problem(name, dict(params))
        if problem is not None:
            raise self._bad(problem)
        return FusedActivation(name, tuple(params))

    def parse(self, parser) -> DictionaryAttr:
        name = parser.parse_str_literal()
        params: list[tuple[str, float]] = []
        if parser.parse_optional_punctuation("(") is not None:
            if parser.parse_optional_punctuation(")") is None:
                while True:
                    key = parser.parse_identifier(" for an activation option")
                    parser.parse_punctuation("=")
                    params.append((key, _parse_float(parser)))
                    if parser.parse_optional_punctuation(")") is not None:
                        break
                    parser.parse_punctuation(",")
        return self.to_attr(FusedActivation(name, tuple(params)))

    def format(self, value: FusedActivation) -> str:
        return str(value)


class Activations(Option):
    """gru/lstm `activations`: a list of fused activations of a fixed length."""

    EXPECTS = 'a list of activations such as ["sigmoid", "tanh"]'
    constraint = ArrayAttr

    def __init__(self, name, default=None, *, length: int):
        super().__init__(name, default)
        self.length = length
        self._item = Activation(name)

    def to_attr(self, value):
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise OptionError(f"option '{self.name}' must be a list of activations")
        if len(value) != self.length:
            raise OptionError(f"option '{self.name}' must have {self.length} values, got "
                              f"{len(value)}")
        return ArrayAttr([self._item.to_attr(v) for v in value])

    def from_attr(self, attr):
        if not isinstance(attr, ArrayAttr):
            raise self._bad(f"must be a list of activations, got {attr}")
        values = tuple(self._item.from_attr(a) for a in attr.data)
        if len(values) != self.length:
            raise self._bad(f"must have {self.length} values, got {len(values)}")
        return values

    def parse(self, parser):
        items = parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: self._item.from_attr(self._item.parse(parser)))
        return self.to_attr(items)

    def format(self, value):
        return "[" + ", ".join(str(v) for v in value) + "]"


class NullableInts(Option):
    """reshape's `sequence<unsigned long?>`: sizes and at most one `null` wildcard.

    Stored as `array<i64: ...>` with -1 for `null`; Python sees None.
    """

    EXPECTS = "a list of sizes and null, such as [2, null]"
    constraint = DenseArrayBase

    def to_attr(self, value):
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise OptionError(f"option '{self.name}' must be a list of sizes")
        items = []
        for v in value:
            if v is None:
                items.append(-1)
            elif isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 2**63:
                raise OptionError(f"option '{self.name}' value {v!r} is neither a size nor "
                                  "null (version 1 spells the wildcard null)")
            else:
                items.append(v)
        return DenseArrayBase.from_list(i64, items)

    def from_attr(self, attr):
        if not isinstance(attr, DenseArrayBase) or attr.elt_type != i64:
            raise self._bad(f"must be an array<i64: ...>, got {attr}")
        values = [int(v) for v in attr.get_values()]
        if any(v < -1 for v in values):
            raise self._bad(f"has a negative size {min(values)}")
        return tuple(None if v == -1 else v for v in values)

    def parse(self, parser):
        def item():
            if parser.parse_optional_keyword("null") is not None:
                return None
            return parser.parse_integer(allow_boolean=False)
        return self.to_attr(parser.parse_comma_separated_list(parser.Delimiter.SQUARE, item))

    def format(self, value):
        return "[" + ", ".join("null" if v is None else str(v) for v in value) + "]"


# ============================================================================ helpers
def as_current(a: Args, current: type[WebNNOp], drop: Sequence[str] = (), **values: Any
               ) -> Args:
    """`a` for the shape rule of `current`: version-1-only options dropped, others
    replaced, and options version 1 lacks at their defaults."""
    options = {o.name: o.default for o in current.OPTIONS}
    options.update((k, v) for k, v in a._options.items() if k not in drop)
    options.update(values)
    given = (a._given - set(drop)) | set(values)
    return Args(a._op_name, a._operands, options, given)


def same_padding(mode: str, sizes: Sequence[int], windows: Sequence[int],
                 strides: Sequence[int], dilations: Sequence[int],
                 output_padding: Sequence[int] | None = None) -> tuple[int, int, int, int]:
    """The explicit `[beginH, endH, beginW, endW]` that `autoPad` "same-*" stands for.

    conv2d/pools pad so that `out = ceil(in / stride)`; convTranspose2d (given its
    `output_padding`) so that `out = in * stride`. "same-upper" puts the odd element at
    the end, "same-lower" at the beginning.
    """
    check_positive(strides, "strides")
    check_positive(dilations, "dilations")
    pads: list[int] = []
    for axis, dim in enumerate(("height", "width")):
        size, stride = sizes[axis], strides[axis]
        effective = (windows[axis] - 1) * dilations[axis] + 1
        if output_padding is None:
            total = max(0, (-(-size // stride) - 1) * stride + effective - size)
        else:
            total = (size - 1) * stride + effective + output_padding[axis] - size * stride
            if total < 0:
                raise fail(f'autoPad "{mode}" needs padding {total} along {dim}, which is '
                           f"negative (input {dim} {size}, effective filter {dim} "
                           f"{effective}, stride {stride}, outputPadding "
                           f"{output_padding[axis]})")
        small, big = total // 2, total - total // 2
        pads += [small, big] if mode == "same-upper" else [big, small]
    return tuple(pads)  # type: ignore[return-value]

"""Option kinds: how a WebNN option is stored, parsed, printed and read back.

Every non-operand argument of a WebNN builder method (the members of its options
dictionary, and positional arguments such as softmax's `axis` or reshape's `newShape`)
is an op *property* named exactly as in the spec. An option that is not stored means its
spec default, so `op.opt("strides")` returns `(1, 1)` for a conv2d written without it.

Each kind knows three spellings of its value:
  * Python (what the builder takes and what shape rules read): `(2, 2)`, `0.5`, `"nhwc"`;
  * the generic MLIR property (`array<i64: 2, 2>`, `5.000000e-01 : f64`, `"nhwc"`);
  * the short custom syntax (`[2, 2]`, `0.5`, `"nhwc"`), guided by the kind when parsing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from xdsl.dialects.builtin import (
    ArrayAttr,
    BoolAttr,
    DenseArrayBase,
    FloatAttr,
    IntegerAttr,
    IntegerType,
    Signedness,
    StringAttr,
    f64,
    i64,
)
from xdsl.ir import Attribute
from xdsl.parser import Parser
from xdsl.printer import Printer
from xdsl.utils.exceptions import VerifyException

from .types import ALL

_ui64 = IntegerType(64, Signedness.UNSIGNED)


def did_you_mean(word: str, choices) -> str:
    """`; did you mean 'x'?` naming the closest of `choices`, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


class _Sentinel:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: Default of an option the caller must always give (softmax `axis`, reshape `newShape`).
REQUIRED = _Sentinel("REQUIRED")


class OptionError(ValueError):
    """A Python value that does not fit an option's kind."""


def format_float(v: float) -> str:
    """Shortest text that reads back as the same double and that MLIR lexes as a float."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    text = repr(float(v))
    if "." not in text:
        mantissa, _, exponent = text.partition("e")
        text = f"{mantissa}.0e{exponent}" if exponent else f"{mantissa}.0"
    return text


def _parse_float(parser: Parser) -> float:
    """A float literal, an integer, or the keywords inf/nan (with an optional minus)."""
    negative = parser.parse_optional_punctuation("-") is not None
    word = parser.parse_optional_keyword_in(("inf", "nan"))
    if word is not None:
        value = math.inf if word == "inf" else math.nan
    else:
        value = float(parser.parse_number())
    return -value if negative else value


class Option:
    """One named option of an op; subclasses say how its value is spelled."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a value"

    #: xDSL constraint of the stored property.
    constraint: type[Attribute] = Attribute

    def __init__(self, name: str, default: Any = None, *, positional: bool = False):
        self.name = name
        self.default = default
        #: Taken positionally by the builder method (after the operands), as in the spec.
        self.positional = positional

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    # Python <-> attribute -------------------------------------------------------------
    def to_attr(self, value: Any) -> Attribute:
        raise NotImplementedError

    def from_attr(self, attr: Attribute) -> Any:
        raise NotImplementedError

    # custom syntax ---------------------------------------------------------------------
    def parse(self, parser: Parser) -> Attribute:
        raise NotImplementedError

    def print(self, printer: Printer, attr: Attribute) -> None:
        printer.print_string(self.format(self.from_attr(attr)))

    def format(self, value: Any) -> str:
        raise NotImplementedError

    def _bad(self, what: str) -> VerifyException:
        return VerifyException(f"option '{self.name}' {what}")


class Int(Option):
    """A signed integer (`long` or `unsigned long` in the spec)."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "an integer"

    constraint = IntegerAttr

    def to_attr(self, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"option '{self.name}' must be an integer, got {value!r}")
        if not -(2**63) <= value < 2**63:
            raise OptionError(f"option '{self.name}' value {value} does not fit in 64 bits")
        return IntegerAttr(value, i64)

    def from_attr(self, attr):
        if not isinstance(attr, IntegerAttr) or attr.type != i64:
            raise self._bad(f"must be an i64 integer, got {attr}")
        return attr.value.data

    def parse(self, parser):
        return self.to_attr(parser.parse_integer(allow_boolean=False))

    def format(self, value):
        return str(value)


class Float(Option):
    """A `double` option (alpha, beta, epsilon, ...)."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a number"

    constraint = FloatAttr

    def to_attr(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(f"option '{self.name}' must be a number, got {value!r}")
        return FloatAttr(float(value), f64)

    def from_attr(self, attr):
        if not isinstance(attr, FloatAttr):
            raise self._bad(f"must be a float, got {attr}")
        return float(attr.value.data)

    def parse(self, parser):
        return self.to_attr(_parse_float(parser))

    def format(self, value):
        return format_float(value)


class Number(Option):
    """An `MLNumber` (bigint or double): integers stay exact, floats stay floats.

    An op converts it to its data type as both engines do (the spec leaves the
    out-of-range cases open): to a float type rounded to nearest, beyond the type's
    range to +-inf; to an integer type rounded toward zero and saturated to the type's
    range (300 is 127 on int8, -inf is the type's lowest value), NaN giving 0.
    """

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a number"

    constraint = Attribute

    def to_attr(self, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise OptionError(f"option '{self.name}' must be a number, got {value!r}")
        if isinstance(value, int):
            if not -(2**63) <= value < 2**64:
                raise OptionError(f"option '{self.name}' value {value} does not fit in 64 bits")
            return IntegerAttr(value, i64 if value < 2**63 else _ui64)
        return FloatAttr(float(value), f64)

    def from_attr(self, attr):
        if isinstance(attr, IntegerAttr) and attr.type in (i64, _ui64):
            return attr.value.data
        if isinstance(attr, FloatAttr):
            return float(attr.value.data)
        raise self._bad(f"must be an integer or a float, got {attr}")

    def parse(self, parser):
        negative = parser.parse_optional_punctuation("-") is not None
        word = parser.parse_optional_keyword_in(("inf", "nan"))
        if word is not None:
            value: int | float = math.inf if word == "inf" else math.nan
        else:
            value = parser.parse_number()
        return self.to_attr(-value if negative else value)

    def format(self, value):
        return str(value) if isinstance(value, int) else format_float(value)


class Bool(Option):
    """A `boolean` option."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "true or false"

    constraint = IntegerAttr

    def to_attr(self, value):
        if not isinstance(value, bool):
            raise OptionError(f"option '{self.name}' must be a bool, got {value!r}")
        return BoolAttr.from_bool(value)

    def from_attr(self, attr):
        if not isinstance(attr, IntegerAttr) or attr.type != IntegerType(1):
            raise self._bad(f"must be true or false, got {attr}")
        return bool(attr.value.data)

    def parse(self, parser):
        return self.to_attr(parser.parse_boolean())

    def format(self, value):
        return "true" if value else "false"


class Enum(Option):
    """A string from a fixed set (layouts, modes, data type names)."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a string"

    constraint = StringAttr

    def __init__(self, name, values: Sequence[str], default=None, *, positional=False):
        super().__init__(name, default, positional=positional)
        self.values = tuple(values)

    def to_attr(self, value):
        if not isinstance(value, str):
            raise OptionError(f"option '{self.name}' must be a string, got {value!r}")
        if value not in self.values:
            raise OptionError(self._not_one_of(value))
        return StringAttr(value)

    def _not_one_of(self, value):
        return (f"option '{self.name}' value \"{value}\" is not one of "
                + ", ".join(f'"{v}"' for v in self.values))

    def from_attr(self, attr):
        if not isinstance(attr, StringAttr):
            raise self._bad(f"must be a string, got {attr}")
        if attr.data not in self.values:
            raise VerifyException(self._not_one_of(attr.data))
        return attr.data

    def parse(self, parser):
        return StringAttr(parser.parse_str_literal())

    def format(self, value):
        return f'"{value}"'


class DataType(Enum):
    """A WebNN data type name (cast's `dataType`, argMin's `outputDataType`)."""

    def __init__(self, name, values: Sequence[str] = ALL, default=None, *, positional=False):
        super().__init__(name, values, default, positional=positional)


class Ints(Option):
    """A `sequence<long>` / `sequence<unsigned long>`, stored as `array<i64: ...>`."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a list of integers such as [1, 2]"

    constraint = DenseArrayBase

    def __init__(self, name, default=None, *, length: int | None = None,
                 positional=False):
        super().__init__(name, default, positional=positional)
        self.length = length

    def to_attr(self, value):
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise OptionError(f"option '{self.name}' must be a list of integers, got {value!r}")
        items = list(value)
        if any(isinstance(v, bool) or not isinstance(v, int) for v in items):
            raise OptionError(f"option '{self.name}' must be a list of integers, got {value!r}")
        if any(not -(2**63) <= v < 2**63 for v in items):
            raise OptionError(f"option '{self.name}' has a value that does not fit in 64 bits")
        return DenseArrayBase.from_list(i64, items)

    def from_attr(self, attr):
        if not isinstance(attr, DenseArrayBase) or attr.elt_type != i64:
            raise self._bad(f"must be an array<i64: ...>, got {attr}")
        values = tuple(int(v) for v in attr.get_values())
        if self.length is not None and len(values) != self.length:
            raise self._bad(f"must have {self.length} values, got {len(values)}")
        return values

    def parse(self, parser):
        values = parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: parser.parse_integer(allow_boolean=False))
        return self.to_attr(values)

    def format(self, value):
        return "[" + ", ".join(str(v) for v in value) + "]"


class Floats(Option):
    """A `sequence<float>` (resample2d `scales`), stored as `array<f64: ...>`."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a list of numbers such as [1.0, 2.0]"

    constraint = DenseArrayBase

    def __init__(self, name, default=None, *, length: int | None = None,
                 positional=False):
        super().__init__(name, default, positional=positional)
        self.length = length

    def to_attr(self, value):
        if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
            raise OptionError(f"option '{self.name}' must be a list of numbers, got {value!r}")
        items = list(value)
        if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in items):
            raise OptionError(f"option '{self.name}' must be a list of numbers, got {value!r}")
        return DenseArrayBase.from_list(f64, [float(v) for v in items])

    def from_attr(self, attr):
        if not isinstance(attr, DenseArrayBase) or attr.elt_type != f64:
            raise self._bad(f"must be an array<f64: ...>, got {attr}")
        values = tuple(float(v) for v in attr.get_values())
        if self.length is not None and len(values) != self.length:
            raise self._bad(f"must have {self.length} values, got {len(values)}")
        return values

    def parse(self, parser):
        return self.to_attr(parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, lambda: _parse_float(parser)))

    def format(self, value):
        return "[" + ", ".join(format_float(v) for v in value) + "]"


class Strs(Option):
    """A sequence of strings from a fixed set (recurrent `activations`)."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "a list of strings"

    constraint = ArrayAttr

    def __init__(self, name, values: Sequence[str], default=None, *,
                 length: int | None = None, positional=False):
        super().__init__(name, default, positional=positional)
        self.values = tuple(values)
        self.length = length

    def to_attr(self, value):
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise OptionError(f"option '{self.name}' must be a list of strings, got {value!r}")
        for v in value:
            if v not in self.values:
                raise OptionError(f"option '{self.name}' value {v!r} is not one of "
                                  + ", ".join(f'"{x}"' for x in self.values))
        return ArrayAttr([StringAttr(v) for v in value])

    def from_attr(self, attr):
        if not isinstance(attr, ArrayAttr) or not all(
                isinstance(a, StringAttr) for a in attr.data):
            raise self._bad(f"must be a list of strings, got {attr}")
        values = tuple(a.data for a in attr.data)
        bad = [v for v in values if v not in self.values]
        if bad:
            raise self._bad(f"value \"{bad[0]}\" is not one of "
                            + ", ".join(f'"{x}"' for x in self.values))
        if self.length is not None and len(values) != self.length:
            raise self._bad(f"must have {self.length} values, got {len(values)}")
        return values

    def parse(self, parser):
        return self.to_attr(parser.parse_comma_separated_list(
            parser.Delimiter.SQUARE, parser.parse_str_literal))

    def format(self, value):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"


class IntOrInts(Option):
    """split's `splits`: either a count (`unsigned long`) or a list of sizes."""

    #: What the custom syntax expects, for parse errors.
    EXPECTS = "an integer or a list of integers"

    constraint = Attribute

    def __init__(self, name, default=None, *, positional=False):
        super().__init__(name, default, positional=positional)
        self._int = Int(name)
        self._ints = Ints(name)

    def to_attr(self, value):
        return self._int.to_attr(value) if isinstance(value, int) else self._ints.to_attr(value)

    def from_attr(self, attr):
        if isinstance(attr, IntegerAttr):
            return self._int.from_attr(attr)
        return self._ints.from_attr(attr)

    def parse(self, parser):
        if parser.parse_optional_punctuation("[") is not None:
            values = []
            if parser.parse_optional_punctuation("]") is None:
                values.append(parser.parse_integer(allow_boolean=False))
                while parser.parse_optional_punctuation(",") is not None:
                    values.append(parser.parse_integer(allow_boolean=False))
                parser.parse_punctuation("]")
            return self._ints.to_attr(values)
        return self._int.to_attr(parser.parse_integer(allow_boolean=False))

    def format(self, value):
        return str(value) if isinstance(value, int) else self._ints.format(value)

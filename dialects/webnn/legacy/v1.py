"""`webnn` version 1: the WebNN Candidate Recommendation of 2023-03-30 (60 ops), plus
four ops of 2023-12 (#478) in the forms the spec gave them then: argMin/argMax
`{axes, keepDimensions, selectLastIndex}` returning int64, `not`, and `where`.

The project's definition of version 1 names those 2023-12 forms (they lived only between
the CR 2023 and version 2, and files written for them must still be read); the version
log (`versions.py`, `ADOPTED`) records why and the PRs that later changed them.

Ops whose spelling or rules differ from the current version are declared here under
their version-1 names; the other 41 CR ops (and `where`, whose IR form never changed)
reuse the current classes. Each legacy `infer` states the version-1 rule, usually by
turning the version-1 options into current ones (explicit padding for `autoPad`, the
resolved `null` of reshape, ...) and asking the current rule, so a v1 op verifies
exactly when its upgrade does. The version log (`versions.py`) explains each difference
and the spelling of fused activations:

    %y = webnn.conv2d %x, %w {autoPad = "same-upper", activation = "clamp"(minValue = 0.0, maxValue = 6.0)} : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x5xf32>
    %s = webnn.squeeze %y {axes = [0]} : (tensor<1x4x5x5xf32>) -> tensor<4x5x5xf32>
    %p = webnn.softmax %m : (tensor<2x10xf32>) -> tensor<2x10xf32>
    %i = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<2x5xf32>) -> tensor<2xi64>

Version 1 has no uint64, int64 only as the indices argMin/argMax return, and no per-op
data type tables; `check_data_types` holds its data types, and the current per-op type
rules apply to v1 files (see the log).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from xdsl.dialects import func
from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseArrayBase,
    DictionaryAttr,
    FloatAttr,
    StringAttr,
    TensorType,
    f64,
    i64,
)
from xdsl.ir import Dialect, Operation
from xdsl.irdl import operand_def, opt_operand_def, result_def, var_result_def
from xdsl.utils.exceptions import VerifyException

from .. import OPS_BY_NAME
from ..base import Args, WebNNOp, webnn_op
from ..ops.convolution import INPUT_LAYOUTS, Conv2dOp, ConvTranspose2dOp, layout_dims
from ..ops.elementwise import ClampOp, LogicalNotOp, UnaryOp
from ..ops.matrix import MatmulOp
from ..ops.movement import Resample2dOp, ReshapeOp, SliceOp
from ..ops.normalization import BatchNormalizationOp
from ..ops.pooling import AveragePool2dOp, L2Pool2dOp, MaxPool2dOp
from ..ops.recurrent import GruCellOp, GruOp, LstmCellOp, LstmOp
from ..ops.reduction import ArgReduceOp
from ..options import (
    REQUIRED,
    Bool,
    Enum,
    Float,
    Int,
    Ints,
    Option,
    OptionError,
    _parse_float,
    format_float,
)
from ..shapes import (
    check_axes,
    check_length,
    check_non_negative,
    check_positive,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    fail,
    fmt,
)
from ..types import ALL, FLOAT, TensorSpec, dtype_name

VERSION = 1

#: The 60 builder methods of the CR 2023 (besides input, constant, build).
OP_NAMES: tuple[str, ...] = (
    "add", "sub", "mul", "div", "max", "min", "pow",
    "abs", "ceil", "cos", "exp", "floor", "log", "neg", "sin", "tan",
    "relu", "sigmoid", "tanh", "clamp", "elu", "hardSigmoid", "hardSwish", "leakyRelu",
    "linear", "softplus", "softsign", "prelu", "softmax",
    "matmul", "gemm", "conv2d", "convTranspose2d",
    "averagePool2d", "l2Pool2d", "maxPool2d",
    "batchNormalization", "instanceNormalization",
    "reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean",
    "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare",
    "concat", "reshape", "slice", "split", "squeeze", "transpose", "pad", "resample2d",
    "gru", "gruCell", "lstm", "lstmCell",
)

#: Ops of 2023-12 (#478) that the project counts as version 1, in their 2023-12 forms
#: (see `versions.ADOPTED`): 64 version 1 ops in all.
ADOPTED_OP_NAMES: tuple[str, ...] = ("argMin", "argMax", "not", "where")

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


# ============================================================================ convolution
@webnn_op
class Conv2dV1(WebNNOp):
    """Version 1 conv2d: `autoPad` and a fused `activation`.

        %y = webnn.conv2d %x, %w {autoPad = "same-lower", activation = "relu"} : (tensor<1x3x5x5xf32>, tensor<2x3x2x2xf32>) -> tensor<1x2x5x5xf32>
    """

    name = "webnn.conv2d"
    input = operand_def(TensorType)
    filter = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Enum("autoPad", AUTO_PAD, "explicit"),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("oihw", "hwio", "ohwi", "ihwo"), "oihw"),
        Activation("activation"),
    )

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        """`padding`, or what `autoPad` computes from the shapes."""
        if a.autoPad == "explicit" or a.input.rank != 4 or a.filter.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        return same_padding(a.autoPad, (x["h"], x["w"]), (f["h"], f["w"]), a.strides,
                            a.dilations)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return Conv2dOp.infer(as_current(
            a, Conv2dOp, ("autoPad", "activation"), padding=cls.explicit_padding(a)))


@webnn_op
class ConvTranspose2dV1(WebNNOp):
    """Version 1 convTranspose2d: `autoPad` ("same-*" makes `out = in * stride`) and a
    fused `activation`.

        %y = webnn.convTranspose2d %x, %w {strides = [2, 2], autoPad = "same-upper"} : (tensor<1x2x3x3xf32>, tensor<2x1x3x3xf32>) -> tensor<1x1x6x6xf32>
    """

    name = "webnn.convTranspose2d"
    input = operand_def(TensorType)
    filter = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Ints("outputPadding", (0, 0), length=2),
        Ints("outputSizes", None, length=2),
        Enum("autoPad", AUTO_PAD, "explicit"),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("iohw", "hwoi", "ohwi"), "iohw"),
        Activation("activation"),
    )

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        if a.autoPad == "explicit" or a.input.rank != 4 or a.filter.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        return same_padding(a.autoPad, (x["h"], x["w"]), (f["h"], f["w"]), a.strides,
                            a.dilations, a.outputPadding)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return ConvTranspose2dOp.infer(as_current(
            a, ConvTranspose2dOp, ("autoPad", "activation"), padding=cls.explicit_padding(a)))


# ============================================================================ pooling
class Pool2dV1(WebNNOp):
    """Version 1 pooling: `autoPad`, and `roundingType` (now `outputShapeRounding`)."""

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("windowDimensions", None, length=2),
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Enum("autoPad", AUTO_PAD, "explicit"),
        Enum("layout", INPUT_LAYOUTS, "nchw"),
        Enum("roundingType", ("floor", "ceil"), "floor"),
        Ints("outputSizes", None, length=2),
    )

    #: The current op whose rule applies once the options are translated.
    CURRENT: ClassVar[type[WebNNOp]] = WebNNOp

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        if a.autoPad == "explicit" or a.input.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.layout)
        window = a.windowDimensions or (x["h"], x["w"])
        return same_padding(a.autoPad, (x["h"], x["w"]), window, a.strides, a.dilations)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return cls.CURRENT.infer(as_current(
            a, cls.CURRENT, ("autoPad", "roundingType"), padding=cls.explicit_padding(a),
            outputShapeRounding=a.roundingType))


@webnn_op
class AveragePool2dV1(Pool2dV1):
    """Version 1 averagePool2d.

        %y = webnn.averagePool2d %x {windowDimensions = [3, 3], autoPad = "same-upper", roundingType = "ceil"} : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
    """
    name = "webnn.averagePool2d"
    CURRENT = AveragePool2dOp


@webnn_op
class L2Pool2dV1(Pool2dV1):
    """Version 1 l2Pool2d."""
    name = "webnn.l2Pool2d"
    CURRENT = L2Pool2dOp


@webnn_op
class MaxPool2dV1(Pool2dV1):
    """Version 1 maxPool2d."""
    name = "webnn.maxPool2d"
    CURRENT = MaxPool2dOp


# ============================================================================ normalization
@webnn_op
class BatchNormalizationV1(WebNNOp):
    """Version 1 batchNormalization: a fused `activation`.

        %y = webnn.batchNormalization %x, %m, %v {activation = "relu"} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x3x3xf32>
    """

    name = "webnn.batchNormalization"
    input = operand_def(TensorType)
    mean = operand_def(TensorType)
    variance = operand_def(TensorType)
    scale = opt_operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", 1), Float("epsilon", 1e-5), Activation("activation"))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        return BatchNormalizationOp.infer(
            as_current(a, BatchNormalizationOp, ("activation",)))


# ============================================================================ activations
@webnn_op
class SoftmaxV1(WebNNOp):
    """Version 1 softmax: a 2-D input, normalized along axis 1 (no `axis` option).

        %y = webnn.softmax %x : (tensor<2x10xf32>) -> tensor<2x10xf32>
    """

    name = "webnn.softmax"
    input = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, FLOAT)
        expect_rank(a.input, 2)
        return a.input


@webnn_op
class SoftplusV1(UnaryOp):
    """Version 1 softplus: `ln(1 + e**(steepness * x)) / steepness`.

        %y = webnn.softplus %x {steepness = 2.0} : (tensor<4xf32>) -> tensor<4xf32>
    """

    name = "webnn.softplus"
    OPTIONS = (Float("steepness", 1.0),)


@webnn_op
class ClampV1(UnaryOp):
    """Version 1 clamp: `minValue`/`maxValue` are floats (MLNumber now).

        %y = webnn.clamp %x {minValue = 0.0, maxValue = 6.0} : (tensor<4xf32>) -> tensor<4xf32>
    """

    name = "webnn.clamp"
    DTYPES = ALL
    OPTIONS = (Float("minValue"), Float("maxValue"))

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return ClampOp.infer(a)


# ============================================================================ matrix
@webnn_op
class MatmulV1(WebNNOp):
    """Version 1 matmul: a 1-D `a` is `[1, K]` and a 1-D `b` is `[K, 1]` (NumPy), the added
    dimension dropped from the result; two vectors give a scalar.

        %y = webnn.matmul %a, %b : (tensor<4xf32>, tensor<4x3xf32>) -> tensor<3xf32>
    """

    name = "webnn.matmul"
    a = operand_def(TensorType)
    b = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.a, FLOAT, "a")
        expect_same_dtype(a.b, a.a, "b", "a")
        expect_rank(a.a, (1, None), "a")
        expect_rank(a.b, (1, None), "b")
        k_a, k_b = a.a.shape[-1], a.b.shape[0 if a.b.rank == 1 else -2]
        if k_a != k_b:
            raise fail(f"a shape {fmt(a.a.shape)} and b shape {fmt(a.b.shape)} have "
                       f"mismatched inner dimensions {k_a} and {k_b}")
        spec_a = a.a.with_shape((1,) + a.a.shape) if a.a.rank == 1 else a.a
        spec_b = a.b.with_shape(a.b.shape + (1,)) if a.b.rank == 1 else a.b
        out = MatmulOp.infer(Args(a._op_name, {"a": spec_a, "b": spec_b}, {}, set()))
        shape = list(out.shape)
        if a.b.rank == 1:
            shape.pop(-1)
        if a.a.rank == 1:
            shape.pop(-1 if a.b.rank == 1 else -2)
        return out.with_shape(shape)


# ============================================================================ movement
@webnn_op
class SqueezeV1(WebNNOp):
    """Remove size-1 dimensions: those in `axes`, or all of them (removed in version 2;
    reshape does it now).

        %y = webnn.squeeze %x {axes = [0]} : (tensor<1x3x1xf32>) -> tensor<3x1xf32>
    """

    name = "webnn.squeeze"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes"),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        shape = a.input.shape
        if a.axes is None:
            axes = tuple(i for i, d in enumerate(shape) if d == 1)
        else:
            axes = check_axes(a.axes, a.input.rank)
            for axis in axes:
                if shape[axis] != 1:
                    raise fail(f"axes value {axis} names input dimension {axis} of size "
                               f"{shape[axis]}, which is not 1")
        return a.input.with_shape(d for i, d in enumerate(shape) if i not in axes)


@webnn_op
class ReshapeV1(WebNNOp):
    """Version 1 reshape: at most one `null` in `newShape` stands for the size that keeps
    the element count.

        %y = webnn.reshape %x {newShape = [null, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    """

    name = "webnn.reshape"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (NullableInts("newShape", REQUIRED, positional=True),)

    @staticmethod
    def resolved_shape(a: Args) -> tuple[int, ...]:
        """`newShape` with its `null` resolved."""
        wildcards = [i for i, d in enumerate(a.newShape) if d is None]
        if len(wildcards) > 1:
            raise fail(f"newShape {_fmt_nullable(a.newShape)} has {len(wildcards)} null "
                       "dimensions; at most one is allowed")
        known = [d for d in a.newShape if d is not None]
        check_positive(known, "newShape")
        if not wildcards:
            return tuple(known)
        rest = math.prod(known)
        if a.input.numel % rest:
            raise fail(f"newShape {_fmt_nullable(a.newShape)} cannot hold the "
                       f"{a.input.numel} elements of the input")
        shape = list(a.newShape)
        shape[wildcards[0]] = a.input.numel // rest
        return tuple(shape)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return ReshapeOp.infer(as_current(a, ReshapeOp, newShape=cls.resolved_shape(a)))


def _fmt_nullable(values: Sequence[int | None]) -> str:
    return "[" + ", ".join("null" if v is None else str(v) for v in values) + "]"


@webnn_op
class SliceV1(WebNNOp):
    """Version 1 slice: `starts`/`sizes` for the dimensions in `axes` (default all);
    a negative start counts from the end, a size of -1 runs to the end.

        %y = webnn.slice %x {starts = [-2], sizes = [-1], axes = [1]} : (tensor<2x5xf32>) -> tensor<2x2xf32>
    """

    name = "webnn.slice"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("starts", REQUIRED, positional=True),
               Ints("sizes", REQUIRED, positional=True),
               Ints("axes"))

    @staticmethod
    def window(a: Args) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Full-rank, non-negative (starts, sizes) of the same window."""
        rank = a.input.rank
        axes = tuple(range(rank)) if a.axes is None else a.axes
        check_length(a.starts, len(axes), "starts")
        check_length(a.sizes, len(axes), "sizes")
        for axis in axes:
            if not -rank <= axis < rank:
                raise fail(f"axes value {axis} is out of range [{-rank}, {rank}) for rank "
                           f"{rank}")
        axes = tuple(axis % rank for axis in axes)
        check_axes(axes, rank)
        starts, sizes = [0] * rank, list(a.input.shape)
        for axis, start, size in zip(axes, a.starts, a.sizes):
            dim = a.input.shape[axis]
            begin = start + dim if start < 0 else start
            if not 0 <= begin < dim:
                raise fail(f"starts value {start} is out of range for dimension {axis} of "
                           f"size {dim}")
            if size == -1:
                size = dim - begin
            if size <= 0:
                raise fail(f"sizes value {size} for dimension {axis} must be positive or -1")
            if begin + size > dim:
                raise fail(f"start {begin} + size {size} = {begin + size} exceeds "
                           f"dimension {axis} of size {dim}")
            starts[axis], sizes[axis] = begin, size
        return tuple(starts), tuple(sizes)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        starts, sizes = cls.window(a)
        return SliceOp.infer(as_current(a, SliceOp, ("axes",), starts=starts, sizes=sizes))


@webnn_op
class PadV1(WebNNOp):
    """Version 1 pad: also "symmetric" (mirror including the edge element), and no limit
    on the size of reflection padding; `value` is a float.

        %y = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [0, 1], mode = "symmetric"} : (tensor<2x3xf32>) -> tensor<3x6xf32>
    """

    name = "webnn.pad"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("beginningPadding", REQUIRED, positional=True),
               Ints("endingPadding", REQUIRED, positional=True),
               Enum("mode", ("constant", "edge", "reflection", "symmetric"), "constant"),
               Float("value", 0.0))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        rank = a.input.rank
        check_length(a.beginningPadding, rank, "beginningPadding")
        check_length(a.endingPadding, rank, "endingPadding")
        check_non_negative(a.beginningPadding, "beginningPadding")
        check_non_negative(a.endingPadding, "endingPadding")
        return a.input.with_shape(
            b + d + e for b, d, e in zip(a.beginningPadding, a.input.shape, a.endingPadding))


@webnn_op
class Resample2dV1(WebNNOp):
    """Version 1 resample2d: `axes` must be two consecutive dimensions.

        %y = webnn.resample2d %x {scales = [2.0, 2.0], axes = [1, 2]} : (tensor<1x2x2x3xf32>) -> tensor<1x4x4x3xf32>
    """

    name = "webnn.resample2d"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = Resample2dOp.OPTIONS

    CONSECUTIVE = ((0, 1), (1, 2), (2, 3))

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        if tuple(a.axes) not in cls.CONSECUTIVE:
            raise fail(f"axes {fmt(a.axes)} are not one of [0, 1], [1, 2], [2, 3]")
        return Resample2dOp.infer(a)


# ============================================================================ recurrent
def _recurrent(current: type[WebNNOp]):
    def infer(a: Args):
        return current.infer(as_current(a, current, ("activations",)))
    return staticmethod(infer)


@webnn_op
class GruV1(WebNNOp):
    """Version 1 gru: `activations` are activation objects (two: gates, new state).

        %h = webnn.gru %x, %w, %r {steps = 1, hiddenSize = 2, activations = ["sigmoid", "relu"]} : (tensor<1x1x3xf32>, tensor<1x6x3xf32>, tensor<1x6x2xf32>) -> tensor<1x1x2xf32>
    """

    name = "webnn.gru"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    initialHiddenState = opt_operand_def(TensorType)
    outputs = var_result_def(TensorType)
    OPTIONS = (*GruOp.OPTIONS[:-1], Activations("activations", length=2))
    infer = _recurrent(GruOp)


@webnn_op
class GruCellV1(WebNNOp):
    """Version 1 gruCell: `activations` are activation objects."""

    name = "webnn.gruCell"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    hiddenState = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (*GruCellOp.OPTIONS[:-1], Activations("activations", length=2))
    infer = _recurrent(GruCellOp)


@webnn_op
class LstmV1(WebNNOp):
    """Version 1 lstm: `activations` are activation objects (three)."""

    name = "webnn.lstm"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    peepholeWeight = opt_operand_def(TensorType)
    initialHiddenState = opt_operand_def(TensorType)
    initialCellState = opt_operand_def(TensorType)
    outputs = var_result_def(TensorType)
    OPTIONS = (*LstmOp.OPTIONS[:-1], Activations("activations", length=3))
    infer = _recurrent(LstmOp)


@webnn_op
class LstmCellV1(WebNNOp):
    """Version 1 lstmCell: `activations` are activation objects."""

    name = "webnn.lstmCell"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    hiddenState = operand_def(TensorType)
    cellState = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    peepholeWeight = opt_operand_def(TensorType)
    outputs = var_result_def(TensorType)
    OPTIONS = (*LstmCellOp.OPTIONS[:-1], Activations("activations", length=3))
    infer = _recurrent(LstmCellOp)


# ============================================================================ 2023-12 forms
class ArgReduceV1(WebNNOp):
    """argMin/argMax as #478 (2023-12) added them: `{axes, keepDimensions,
    selectLastIndex}`, int64 indices; `selectLastIndex` picks the last of tied extrema.

    Version 1 reads the one-axis form, `axes = [a]`, which is what every later spec kept
    (a scalar `axis` since 2024-07, #724): the 2023-12 text also let `axes` be absent
    (all dimensions) or list several, reducing them to one index whose order it never
    defined, and nothing this project reads or writes has such an index. `axes` is
    therefore required here and holds exactly one axis.
    """

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes", REQUIRED),
               Bool("keepDimensions", False),
               Bool("selectLastIndex", False))

    #: Why `axes` must hold one axis (the end of both messages).
    ONE_AXIS = ("webnn version 1 reads the one-axis form of 2023-12, axes = [a] (a "
                "scalar axis since version 2: 2024-07, #724)")

    @classmethod
    def make_args(cls, operands: dict[str, Any], properties: dict[str, Any]) -> Args:
        if "axes" not in properties:
            raise VerifyException(f"has no 'axes': {cls.ONE_AXIS}; reducing every "
                                  "dimension, as the 2023-12 text allowed, is not part of "
                                  "it")
        return super().make_args(operands, properties)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        if len(a.axes) != 1:
            raise fail(f"axes {fmt(a.axes)} has {len(a.axes)} values: {cls.ONE_AXIS}")
        expect_rank(a.input, (1, None))
        check_axes(a.axes, a.input.rank)
        return ArgReduceOp.infer(as_current(
            a, ArgReduceOp, ("axes", "selectLastIndex"), axis=a.axes[0],
            outputDataType="int64"))


@webnn_op
class ArgMinV1(ArgReduceV1):
    """Version 1 argMin (2023-12, #478): index of the minimum along `axes[0]`.

        %i = webnn.argMin %x {axes = [0], keepDimensions = true} : (tensor<4x3xf32>) -> tensor<1x3xi64>
    """
    name = "webnn.argMin"


@webnn_op
class ArgMaxV1(ArgReduceV1):
    """Version 1 argMax (2023-12, #478): index of the maximum along `axes[0]`.

        %i = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<2x5xi32>) -> tensor<2xi64>
    """
    name = "webnn.argMax"


@webnn_op
class NotV1(WebNNOp):
    """Version 1 `not` (2023-12, #478; `logicalNot` since 2024-05, #692): 1 where the
    `uint8` input is 0, else 0.

        %n = webnn.not %m : (tensor<4xui8>) -> tensor<4xui8>
    """
    name = "webnn.not"
    a = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        return LogicalNotOp.infer(a)


# ============================================================================ the dialect
#: Version 1 op name (without `webnn.`) -> its legacy class, for the 19 CR ops that
#: changed and the three 2023-12 ops whose form changed (argMin, argMax, not).
LEGACY: dict[str, type[WebNNOp]] = {
    cls.name.removeprefix("webnn."): cls for cls in (
        Conv2dV1, ConvTranspose2dV1, AveragePool2dV1, L2Pool2dV1, MaxPool2dV1,
        BatchNormalizationV1, SoftmaxV1, SoftplusV1, ClampV1, MatmulV1, SqueezeV1,
        ReshapeV1, SliceV1, PadV1, Resample2dV1, GruV1, GruCellV1, LstmV1, LstmCellV1,
        ArgMinV1, ArgMaxV1, NotV1)
}

#: Every version 1 op name -> its class (legacy, or the unchanged current class).
OPS: dict[str, type[WebNNOp]] = {name: LEGACY.get(name) or OPS_BY_NAME[name]
                                  for name in OP_NAMES + ADOPTED_OP_NAMES}

WEBNN_V1 = Dialect("webnn", [*OPS.values(), OPS_BY_NAME["constant"]], [])


#: int64 in version 1: only the indices argMin/argMax return (2023-12, #478, which added
#: int64 with them), and so a graph output; no graph input, constant or other op has it.
INDEX_DTYPE = "int64"


def check_data_types(op: Operation) -> None:
    """Fail if an operand or result of `op` has a data type version 1 lacks."""
    typed = [("operand", [v.type for v in op.operands], DTYPES),
             ("result", [r.type for r in op.results],
              DTYPES + (INDEX_DTYPE,) if isinstance(op, ArgReduceV1) else DTYPES)]
    if isinstance(op, func.FuncOp):
        typed = [("graph input", list(op.function_type.inputs.data), DTYPES),
                 ("graph output", list(op.function_type.outputs.data),
                  DTYPES + (INDEX_DTYPE,))]
    for kind, types, allowed in typed:
        for i, type_ in enumerate(types):
            name = dtype_name(getattr(type_, "element_type", None))
            if name is not None and name not in allowed:
                only = (" except as the indices argMin/argMax return"
                        if name == INDEX_DTYPE else "")
                raise VerifyException(f"{kind} #{i} has data type {name}, which webnn "
                                      f"version 1 does not have (added in version 2: "
                                      f"2023-12, #478){only}")


__all__ = ["VERSION", "OP_NAMES", "ADOPTED_OP_NAMES", "OPS", "LEGACY", "WEBNN_V1",
           "ACTIVATIONS", "INDEX_DTYPE", "FusedActivation", "check_data_types",
           "same_padding", "as_current"]

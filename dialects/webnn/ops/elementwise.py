"""Element-wise ops: binary arithmetic, comparisons, logical ops, unary math, activations.

All of them keep their input's shape (binary ops broadcast bidirectionally); comparisons,
logical ops and isNaN/isInfinite produce `uint8` (1 = true).

Numerics both engines share where the spec leaves them open: float16 data computes in
float32 and is rounded once. A `double` option (alpha, beta) applies in float32, rounded
to nearest first (1e300 is inf). The activations made of + - * / min max alone (linear,
leakyRelu, hardSigmoid, hardSwish, softsign, prelu, relu, clamp) compute in float32 one
operation at a time in the order their docstrings write, so their results are exact
to the bit, overflow included. Integer arithmetic wraps modulo 2**bits.

Example:

    %s = webnn.add %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %m = webnn.greater %a, %b : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xui8>
    %r = webnn.leakyRelu %s {alpha = 0.1} : (tensor<2x3xf32>) -> tensor<2x3xf32>
"""

from __future__ import annotations

import math
from typing import ClassVar

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import REQUIRED, Float, Int, Number
from ..shapes import broadcast, check_axis, expect_dtype, expect_rank, expect_same_dtype, fail, unidirectional
from ..types import ALL, FLOAT, SIGNED, TensorSpec


# ---------------------------------------------------------------------------- binary
class BinaryOp(WebNNOp):
    """`(a, b)` with bidirectional broadcasting; both operands of one data type."""

    a = operand_def(TensorType)
    b = operand_def(TensorType)
    output = result_def(TensorType)

    DTYPES: ClassVar[tuple[str, ...]] = ALL
    #: Result data type, None = the operands' type.
    RESULT_DTYPE: ClassVar[str | None] = None

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        expect_dtype(a.a, cls.DTYPES, "a")
        expect_same_dtype(a.b, a.a, "b", "a")
        shape = broadcast(a.a.shape, a.b.shape, "shapes")
        return TensorSpec(shape, cls.RESULT_DTYPE or a.a.dtype)


@webnn_op
class AddOp(BinaryOp):
    """`a + b`."""
    name = "webnn.add"


@webnn_op
class SubOp(BinaryOp):
    """`a - b`."""
    name = "webnn.sub"


@webnn_op
class MulOp(BinaryOp):
    """`a * b`."""
    name = "webnn.mul"


@webnn_op
class DivOp(BinaryOp):
    """`a / b`; integer division rounds toward zero."""
    name = "webnn.div"


@webnn_op
class MaxOp(BinaryOp):
    """Element-wise maximum."""
    name = "webnn.max"


@webnn_op
class MinOp(BinaryOp):
    """Element-wise minimum."""
    name = "webnn.min"


@webnn_op
class PowOp(BinaryOp):
    """`a ** b`. On integers the result is exact modulo 2**bits (it wraps like repeated
    multiplication); a negative exponent gives `1 / a**-b` truncated toward zero: 1 for
    a = 1, -1 or 1 for a = -1 (odd or even b), 0 otherwise (a = 0 included)."""
    name = "webnn.pow"


class CompareOp(BinaryOp):
    """A comparison: `uint8` result, 1 where it holds."""
    RESULT_DTYPE = "uint8"


@webnn_op
class EqualOp(CompareOp):
    """`a == b`."""
    name = "webnn.equal"


@webnn_op
class NotEqualOp(CompareOp):
    """`a != b`."""
    name = "webnn.notEqual"


@webnn_op
class GreaterOp(CompareOp):
    """`a > b`."""
    name = "webnn.greater"


@webnn_op
class GreaterOrEqualOp(CompareOp):
    """`a >= b`."""
    name = "webnn.greaterOrEqual"


@webnn_op
class LesserOp(CompareOp):
    """`a < b`."""
    name = "webnn.lesser"


@webnn_op
class LesserOrEqualOp(CompareOp):
    """`a <= b`."""
    name = "webnn.lesserOrEqual"


class LogicalBinaryOp(BinaryOp):
    """A logical op on `uint8` truth values (non-zero = true)."""
    DTYPES = ("uint8",)
    RESULT_DTYPE = "uint8"


@webnn_op
class LogicalAndOp(LogicalBinaryOp):
    """`a && b`."""
    name = "webnn.logicalAnd"


@webnn_op
class LogicalOrOp(LogicalBinaryOp):
    """`a || b`."""
    name = "webnn.logicalOr"


@webnn_op
class LogicalXorOp(LogicalBinaryOp):
    """`a != b` on truth values."""
    name = "webnn.logicalXor"


# ---------------------------------------------------------------------------- unary
class UnaryOp(WebNNOp):
    """`(input)`, same shape; the result has the input's type unless RESULT_DTYPE says."""

    input = operand_def(TensorType)
    output = result_def(TensorType)

    DTYPES: ClassVar[tuple[str, ...]] = FLOAT
    RESULT_DTYPE: ClassVar[str | None] = None

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        expect_dtype(a.input, cls.DTYPES)
        return a.input.with_dtype(cls.RESULT_DTYPE or a.input.dtype)


@webnn_op
class LogicalNotOp(WebNNOp):
    """`!a` on `uint8` truth values.

        %n = webnn.logicalNot %m : (tensor<4xui8>) -> tensor<4xui8>
    """
    name = "webnn.logicalNot"
    a = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.a, ("uint8",), "a")
        return a.a


@webnn_op
class IsNaNOp(UnaryOp):
    """1 where the input is NaN."""
    name = "webnn.isNaN"
    RESULT_DTYPE = "uint8"


@webnn_op
class IsInfiniteOp(UnaryOp):
    """1 where the input is +-infinity."""
    name = "webnn.isInfinite"
    RESULT_DTYPE = "uint8"


@webnn_op
class AbsOp(UnaryOp):
    """`|x|`."""
    name = "webnn.abs"
    DTYPES = SIGNED


@webnn_op
class CeilOp(UnaryOp):
    """Round up."""
    name = "webnn.ceil"


@webnn_op
class CosOp(UnaryOp):
    """Cosine."""
    name = "webnn.cos"


@webnn_op
class ErfOp(UnaryOp):
    """Gauss error function."""
    name = "webnn.erf"


@webnn_op
class ExpOp(UnaryOp):
    """`e ** x`."""
    name = "webnn.exp"


@webnn_op
class FloorOp(UnaryOp):
    """Round down."""
    name = "webnn.floor"


@webnn_op
class IdentityOp(UnaryOp):
    """A copy of the input."""
    name = "webnn.identity"
    DTYPES = ALL


@webnn_op
class LogOp(UnaryOp):
    """Natural logarithm."""
    name = "webnn.log"


@webnn_op
class NegOp(UnaryOp):
    """`-x`."""
    name = "webnn.neg"
    DTYPES = SIGNED


@webnn_op
class ReciprocalOp(UnaryOp):
    """`1 / x`."""
    name = "webnn.reciprocal"


@webnn_op
class RoundEvenOp(UnaryOp):
    """Round half to even."""
    name = "webnn.roundEven"


@webnn_op
class SignOp(UnaryOp):
    """-1, 0 or +1."""
    name = "webnn.sign"
    DTYPES = SIGNED


@webnn_op
class SinOp(UnaryOp):
    """Sine."""
    name = "webnn.sin"


@webnn_op
class SqrtOp(UnaryOp):
    """Square root."""
    name = "webnn.sqrt"


@webnn_op
class TanOp(UnaryOp):
    """Tangent."""
    name = "webnn.tan"


# ---------------------------------------------------------------------------- activations
@webnn_op
class ReluOp(UnaryOp):
    """`max(0, x)`."""
    name = "webnn.relu"
    DTYPES = SIGNED


@webnn_op
class SigmoidOp(UnaryOp):
    """`1 / (1 + e**-x)`."""
    name = "webnn.sigmoid"


@webnn_op
class TanhOp(UnaryOp):
    """Hyperbolic tangent."""
    name = "webnn.tanh"


@webnn_op
class ClampOp(UnaryOp):
    """`min(max(x, minValue), maxValue)`; an absent bound does not limit.

    Each bound is first converted to the input's data type like every `MLNumber`
    option (see `options.Number`): on integer data it is rounded toward zero and
    saturated, so a bound beyond the type's range (or infinite) does not limit; on
    float16 data it is rounded to float16. A NaN bound is an error (it would make
    every result NaN on float data and mean nothing on integer data). A NaN input
    stays NaN.

        %y = webnn.clamp %x {minValue = 0.0, maxValue = 6.0} : (tensor<4xf32>) -> tensor<4xf32>
    """
    name = "webnn.clamp"
    DTYPES = ALL
    OPTIONS = (Number("minValue"), Number("maxValue"))

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        for name in ("minValue", "maxValue"):
            value = getattr(a, name)
            if isinstance(value, float) and math.isnan(value):
                raise fail(f"{name} is NaN")
        if a.minValue is not None and a.maxValue is not None and a.minValue > a.maxValue:
            raise fail(f"minValue {a.minValue} is greater than maxValue {a.maxValue}")
        return super().infer(a)


@webnn_op
class EluOp(UnaryOp):
    """`x > 0 ? x : alpha * (e**x - 1)`."""
    name = "webnn.elu"
    OPTIONS = (Float("alpha", 1.0),)


@webnn_op
class GeluOp(UnaryOp):
    """`0.5 * x * (1 + erf(x / sqrt(2)))`."""
    name = "webnn.gelu"


@webnn_op
class HardSigmoidOp(UnaryOp):
    """`max(0, min(1, alpha * x + beta))`."""
    name = "webnn.hardSigmoid"
    OPTIONS = (Float("alpha", 0.2), Float("beta", 0.5))


@webnn_op
class HardSwishOp(UnaryOp):
    """`x * (max(0, min(6, x + 3)) / 6)`: the factor is 1 where x >= 3, so large x come
    back unchanged (the spec's `x * max(..) / 6` would overflow for the largest floats)."""
    name = "webnn.hardSwish"


@webnn_op
class LeakyReluOp(UnaryOp):
    """`x >= 0 ? x : alpha * x`."""
    name = "webnn.leakyRelu"
    OPTIONS = (Float("alpha", 0.01),)


@webnn_op
class LinearOp(UnaryOp):
    """`alpha * x + beta`."""
    name = "webnn.linear"
    OPTIONS = (Float("alpha", 1.0), Float("beta", 0.0))


@webnn_op
class SoftplusOp(UnaryOp):
    """`ln(1 + e**x)`."""
    name = "webnn.softplus"


@webnn_op
class SoftsignOp(UnaryOp):
    """`x / (1 + |x|)`."""
    name = "webnn.softsign"


@webnn_op
class PreluOp(WebNNOp):
    """`x >= 0 ? x : slope * x`, `slope` unidirectionally broadcast to the input.

        %y = webnn.prelu %x, %s : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    """
    name = "webnn.prelu"
    input = operand_def(TensorType)
    slope = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, SIGNED)
        expect_same_dtype(a.slope, a.input, "slope")
        unidirectional(a.slope.shape, a.input.shape, "slope")
        return a.input


@webnn_op
class SoftmaxOp(WebNNOp):
    """Normalised exponentials along `axis`.

        %y = webnn.softmax %x {axis = 1} : (tensor<2x10xf32>) -> tensor<2x10xf32>
    """
    name = "webnn.softmax"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, FLOAT)
        expect_rank(a.input, (1, None))
        check_axis(a.axis, a.input.rank)
        return a.input

"""Reduction ops: reduceL1 .. reduceSumSquare, argMin, argMax, cumulativeSum.

The ten `reduce*` ops share one shape rule: `axes` absent reduces every dimension (the
result is a scalar unless `keepDimensions`), `axes = []` reduces nothing (the function is
applied element-wise). argMin/argMax reduce one `axis` to an index tensor; cumulativeSum
keeps the shape. Example:

    %m = webnn.reduceMean %x {axes = [1], keepDimensions = true} : (tensor<2x3xf32>) -> tensor<2x1xf32>
    %i = webnn.argMax %x {axis = 1} : (tensor<2x3xf32>) -> tensor<2xi32>
    %c = webnn.cumulativeSum %x {axis = 0} : (tensor<2x3xf32>) -> tensor<2x3xf32>
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import REQUIRED, Bool, DataType, Int, Ints
from ..shapes import check_axes, check_axis, expect_dtype, expect_rank
from ..types import ALL, FLOAT, SUMMABLE, TensorSpec


def _reduced_shape(shape: Sequence[int], axes: Sequence[int], keep: bool) -> tuple[int, ...]:
    """`shape` with `axes` dropped, or set to 1 when `keep`."""
    if keep:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


# ---------------------------------------------------------------------------- reduce*
class ReduceOp(WebNNOp):
    """`(input, {axes, keepDimensions})`; absent `axes` reduces all dimensions."""

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes"), Bool("keepDimensions", False))

    DTYPES: ClassVar[tuple[str, ...]] = ALL

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        expect_dtype(a.input, cls.DTYPES)
        rank = a.input.rank
        axes = tuple(range(rank)) if a.axes is None else check_axes(a.axes, rank)
        return a.input.with_shape(_reduced_shape(a.input.shape, axes, a.keepDimensions))


@webnn_op
class ReduceL1Op(ReduceOp):
    """Sum of absolute values.

        %y = webnn.reduceL1 %x {axes = [0]} : (tensor<4x3xi32>) -> tensor<3xi32>
    """
    name = "webnn.reduceL1"
    DTYPES = SUMMABLE


@webnn_op
class ReduceL2Op(ReduceOp):
    """Square root of the sum of squares.

        %y = webnn.reduceL2 %x : (tensor<4x3xf32>) -> tensor<f32>
    """
    name = "webnn.reduceL2"
    DTYPES = FLOAT


@webnn_op
class ReduceLogSumOp(ReduceOp):
    """`log(sum(x))`.

        %y = webnn.reduceLogSum %x {axes = [1]} : (tensor<4x3xf32>) -> tensor<4xf32>
    """
    name = "webnn.reduceLogSum"
    DTYPES = FLOAT


@webnn_op
class ReduceLogSumExpOp(ReduceOp):
    """`log(sum(exp(x)))`.

        %y = webnn.reduceLogSumExp %x {axes = [1]} : (tensor<4x3xf32>) -> tensor<4xf32>
    """
    name = "webnn.reduceLogSumExp"
    DTYPES = FLOAT


@webnn_op
class ReduceMaxOp(ReduceOp):
    """Maximum.

        %y = webnn.reduceMax %x {axes = [1], keepDimensions = true} : (tensor<4x3xf32>) -> tensor<4x1xf32>
    """
    name = "webnn.reduceMax"


@webnn_op
class ReduceMeanOp(ReduceOp):
    """Arithmetic mean.

        %y = webnn.reduceMean %x {axes = [2]} : (tensor<1x4x8xf32>) -> tensor<1x4xf32>
    """
    name = "webnn.reduceMean"
    DTYPES = FLOAT


@webnn_op
class ReduceMinOp(ReduceOp):
    """Minimum.

        %y = webnn.reduceMin %x {axes = []} : (tensor<4x3xui8>) -> tensor<4x3xui8>
    """
    name = "webnn.reduceMin"


@webnn_op
class ReduceProductOp(ReduceOp):
    """Product.

        %y = webnn.reduceProduct %x {axes = [0, 1]} : (tensor<4x3xf32>) -> tensor<f32>
    """
    name = "webnn.reduceProduct"
    DTYPES = SUMMABLE


@webnn_op
class ReduceSumOp(ReduceOp):
    """Sum.

        %y = webnn.reduceSum %x {axes = [1]} : (tensor<4x3xf32>) -> tensor<4xf32>
    """
    name = "webnn.reduceSum"
    DTYPES = SUMMABLE


@webnn_op
class ReduceSumSquareOp(ReduceOp):
    """Sum of squares.

        %y = webnn.reduceSumSquare %x {axes = [1]} : (tensor<4x3xf32>) -> tensor<4xf32>
    """
    name = "webnn.reduceSumSquare"
    DTYPES = SUMMABLE


# ---------------------------------------------------------------------------- argMin/argMax
class ArgReduceOp(WebNNOp):
    """`(input, axis, {keepDimensions, outputDataType})`: the index of the extreme value
    along `axis` (ties resolve to the first index)."""

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", REQUIRED, positional=True),
               Bool("keepDimensions", False),
               DataType("outputDataType", ("int32", "int64"), "int32"))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        expect_rank(a.input, (1, None))
        check_axis(a.axis, a.input.rank)
        shape = _reduced_shape(a.input.shape, (a.axis,), a.keepDimensions)
        return TensorSpec(shape, a.outputDataType)


@webnn_op
class ArgMinOp(ArgReduceOp):
    """Index of the minimum along `axis`.

        %i = webnn.argMin %x {axis = 0, outputDataType = "int64"} : (tensor<4x3xf32>) -> tensor<3xi64>
    """
    name = "webnn.argMin"


@webnn_op
class ArgMaxOp(ArgReduceOp):
    """Index of the maximum along `axis`.

        %i = webnn.argMax %x {axis = 1, keepDimensions = true} : (tensor<4x3xf32>) -> tensor<4x1xi32>
    """
    name = "webnn.argMax"


# ---------------------------------------------------------------------------- cumulativeSum
@webnn_op
class CumulativeSumOp(WebNNOp):
    """Prefix sums along `axis`; `exclusive` leaves out the element itself, `reversed`
    sums from the end. Float data sums in float64, in log-step order: round k adds to
    each partial sum the one 2**k places before it (the order both engines use, so
    huge terms that cancel do so alike); integers wrap.

        %c = webnn.cumulativeSum %x {axis = 1, exclusive = true} : (tensor<2x3xi32>) -> tensor<2x3xi32>
    """
    name = "webnn.cumulativeSum"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", REQUIRED, positional=True),
               Bool("exclusive", False),
               Bool("reversed", False))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, SUMMABLE)
        check_axis(a.axis, a.input.rank)
        return a.input

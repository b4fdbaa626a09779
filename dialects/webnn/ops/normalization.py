"""Normalization ops: batchNormalization, instanceNormalization, layerNormalization.

All keep the input's shape and floating-point data type; the statistics and the
optional `scale` and `bias` operands have the input's data type:

    %b = webnn.batchNormalization %x, %mean, %var {scale = %s, bias = %o} : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
    %l = webnn.layerNormalization %t {axes = [2], epsilon = 1.0e-06} : (tensor<2x5x8xf32>) -> tensor<2x5x8xf32>
"""

from __future__ import annotations

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import Enum, Float, Int, Ints
from ..shapes import (
    check_axes,
    check_axis,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    expect_shape,
)
from ..types import FLOAT, TensorSpec
from .convolution import INPUT_LAYOUTS


def _check_param(args: Args, name: str, shape: tuple[int, ...]) -> None:
    """Operand `name` (if present) has the input's data type and the given shape."""
    spec = getattr(args, name)
    if spec is not None:
        expect_same_dtype(spec, args.input, name)
        expect_shape(spec, shape, name)


@webnn_op
class BatchNormalizationOp(WebNNOp):
    """Inference batch norm `(x - mean) / sqrt(variance + epsilon) * scale + bias`.

    `mean`, `variance`, `scale` and `bias` are 1-D of size `input.shape[axis]`.

        %y = webnn.batchNormalization %x, %mean, %var {bias = %b, axis = 3} : (tensor<1x8x8x4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
    """

    name = "webnn.batchNormalization"
    input = operand_def(TensorType)
    mean = operand_def(TensorType)
    variance = operand_def(TensorType)
    scale = opt_operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", 1), Float("epsilon", 1e-5))

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, FLOAT)
        check_axis(args.axis, args.input.rank)
        channels = (args.input.shape[args.axis],)
        for name in ("mean", "variance", "scale", "bias"):
            _check_param(args, name, channels)
        return args.input


@webnn_op
class InstanceNormalizationOp(WebNNOp):
    """Normalizes each (batch, channel) plane of a 4-D input over its spatial extent.

    `layout` says which dimension holds the channels; `scale` and `bias` are `[C]`.

        %y = webnn.instanceNormalization %x {scale = %s, layout = "nhwc"} : (tensor<1x8x8x4xf32>, tensor<4xf32>) -> tensor<1x8x8x4xf32>
    """

    name = "webnn.instanceNormalization"
    input = operand_def(TensorType)
    scale = opt_operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Float("epsilon", 1e-5), Enum("layout", INPUT_LAYOUTS, "nchw"))

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, FLOAT)
        expect_rank(args.input, 4)
        channels = (args.input.shape[args.layout.index("c")],)
        for name in ("scale", "bias"):
            _check_param(args, name, channels)
        return args.input


@webnn_op
class LayerNormalizationOp(WebNNOp):
    """Normalizes over `axes` (default: every dimension but the first; may be empty).

    `scale` and `bias` have the input's extents along `axes`, in `axes` order.

        %y = webnn.layerNormalization %x {scale = %s, bias = %b, axes = [2, 1]} : (tensor<2x3x4xf32>, tensor<4x3xf32>, tensor<4x3xf32>) -> tensor<2x3x4xf32>
    """

    name = "webnn.layerNormalization"
    input = operand_def(TensorType)
    scale = opt_operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes", None), Float("epsilon", 1e-5))

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, FLOAT)
        rank = args.input.rank
        axes = tuple(range(1, rank)) if args.axes is None else check_axes(args.axes, rank)
        shape = tuple(args.input.shape[axis] for axis in axes)
        for name in ("scale", "bias"):
            _check_param(args, name, shape)
        return args.input


#: The ops of the normalization family, in one table: `dialects/webnn/__init__.py` registers
#: the dialect from these tables.
OPS = (
    BatchNormalizationOp, InstanceNormalizationOp, LayerNormalizationOp,
)

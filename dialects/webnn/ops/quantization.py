"""Quantization ops: dequantizeLinear, quantizeLinear.

`scale` and `zeroPoint` share one shape, of the input's rank, and are broadcast
*block-wise*: every input dimension must be a multiple of the scale's, and each scale
element covers a block of `input dim / scale dim` elements along that dimension (all ones
= per-tensor, one full dimension = per-axis). Example:

    %w = webnn.dequantizeLinear %q, %s, %z : (tensor<64x32xi8>, tensor<64x2xf32>, tensor<64x2xi8>) -> tensor<64x32xf32>
    %q2 = webnn.quantizeLinear %w, %s2, %z2 : (tensor<64x32xf32>, tensor<1x1xf32>, tensor<1x1xui8>) -> tensor<64x32xui8>
"""

from __future__ import annotations

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..shapes import expect_dtype, expect_same_dtype, expect_shape, fail
from ..types import FLOAT, QUANTIZED, TensorSpec


def _check_blockwise(input: TensorSpec, scale: TensorSpec, zero_point: TensorSpec) -> None:
    """scale has the input's rank and divides each of its dimensions; zeroPoint = scale."""
    if scale.rank != input.rank:
        raise fail(f"scale rank {scale.rank} does not match input rank {input.rank}")
    expect_shape(zero_point, scale.shape, "zeroPoint")
    for i, (d, s) in enumerate(zip(input.shape, scale.shape)):
        if d % s:
            raise fail(f"input dimension {i} of size {d} is not divisible by scale "
                       f"dimension {i} of size {s}")


@webnn_op
class DequantizeLinearOp(WebNNOp):
    """`(input - zeroPoint) * scale`, in the scale's float type.

        %y = webnn.dequantizeLinear %x, %s, %z : (tensor<6x4xui8>, tensor<3x1xf16>, tensor<3x1xui8>) -> tensor<6x4xf16>
    """
    name = "webnn.dequantizeLinear"
    input = operand_def(TensorType)
    scale = operand_def(TensorType)
    zeroPoint = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, QUANTIZED)
        expect_dtype(a.scale, FLOAT, "scale")
        expect_same_dtype(a.zeroPoint, a.input, "zeroPoint")
        _check_blockwise(a.input, a.scale, a.zeroPoint)
        return a.input.with_dtype(a.scale.dtype)


@webnn_op
class QuantizeLinearOp(WebNNOp):
    """`clamp(roundEven(input / scale) + zeroPoint)` into the zeroPoint type's range.

    The division runs in float32 (float16 data widened); +-inf (x / 0 included)
    saturates to the range's end, and a NaN quotient (NaN input, 0 / 0) gives 0, as
    `cast` does.

        %y = webnn.quantizeLinear %x, %s, %z : (tensor<6x4xf32>, tensor<1x4xf32>, tensor<1x4xi8>) -> tensor<6x4xi8>
    """
    name = "webnn.quantizeLinear"
    input = operand_def(TensorType)
    scale = operand_def(TensorType)
    zeroPoint = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, FLOAT)
        expect_same_dtype(a.scale, a.input, "scale")
        expect_dtype(a.zeroPoint, QUANTIZED, "zeroPoint")
        _check_blockwise(a.input, a.scale, a.zeroPoint)
        return a.input.with_dtype(a.zeroPoint.dtype)

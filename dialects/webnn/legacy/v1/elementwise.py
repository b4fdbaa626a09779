"""Version 1 element-wise ops whose form changed: softmax, softplus, clamp and
the 2023-12 `not`.
"""

from __future__ import annotations


from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.elementwise import ClampOp, LogicalNotOp, UnaryOp
from ...options import Float
from ...shapes import expect_dtype, expect_rank
from ...types import ALL, FLOAT, TensorSpec


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

"""Version 1 batchNormalization: a fused `activation`."""

from __future__ import annotations


from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.normalization import BatchNormalizationOp
from ...options import Float, Int
from ...types import TensorSpec
from .common import Activation, as_current


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

"""Version 1 gru, gruCell, lstm and lstmCell: activations with options."""

from __future__ import annotations


from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def, var_result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.recurrent import GruCellOp, GruOp, LstmCellOp, LstmOp
from .common import Activations, as_current


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

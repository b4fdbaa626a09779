"""Recurrent ops: gru, gruCell, lstm, lstmCell.

All operands are float32 or float16, of the input's type. `direction = "both"` runs two
directions, so `dirs` (the first dimension of weights, biases and states) is 2, else 1.
gru returns the final hidden state `[dirs, batch, hidden]`, plus the per-step outputs
`[steps, dirs, batch, hidden]` when `returnSequence`; lstm returns hidden and cell state
(and the sequence). Example:

    %h = webnn.gru %x, %w, %r {steps = 2, hiddenSize = 4} : (tensor<2x1x3xf32>, tensor<1x12x3xf32>, tensor<1x12x4xf32>) -> tensor<1x1x4xf32>
    %h2, %c2 = webnn.lstmCell %x0, %w4, %r4, %h0, %c0 {hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def, var_result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import REQUIRED, Bool, Enum, Int, Strs
from ..shapes import expect_dtype, expect_rank, expect_same_dtype, expect_shape, fail
from ..types import FLOAT, MAX_DIMENSION, TensorSpec

ACTIVATIONS = ("relu", "sigmoid", "tanh")
DIRECTIONS = ("forward", "backward", "both")


def _check_sizes(args: Args, gates: int, steps: bool) -> None:
    """Positive `steps`/`hiddenSize`, and `2 * gates * hiddenSize` a valid dimension (some
    backends concatenate bias and recurrentBias)."""
    if steps and args.steps <= 0:
        raise fail(f"steps {args.steps} must be positive")
    if args.hiddenSize <= 0:
        raise fail(f"hiddenSize {args.hiddenSize} must be positive")
    if 2 * gates * args.hiddenSize > MAX_DIMENSION:
        raise fail(f"hiddenSize {args.hiddenSize} is too large: {2 * gates} * hiddenSize = "
                   f"{2 * gates * args.hiddenSize} exceeds the largest valid dimension "
                   f"{MAX_DIMENSION}")


def _check_operand(spec: TensorSpec | None, name: str, shape: Sequence[int],
                   input: TensorSpec) -> None:
    """An operand (skipped when absent) of the input's type and exactly `shape`."""
    if spec is None:
        return
    expect_same_dtype(spec, input, name)
    expect_shape(spec, shape, name)


def _check_input(args: Args, rank: int) -> None:
    expect_dtype(args.input, FLOAT)
    expect_rank(args.input, rank)


def _check_steps(args: Args) -> None:
    if args.input.shape[0] != args.steps:
        raise fail(f"input dimension 0 of size {args.input.shape[0]} does not match steps "
                   f"{args.steps}")


def _check_cell(args: Args, gates: int) -> tuple[int, int]:
    """Check a gruCell/lstmCell's input, sizes, weights, biases and hidden state (`gates`
    blocks of hiddenSize rows); (batch, hiddenSize)."""
    _check_input(args, 2)
    _check_sizes(args, gates, steps=False)
    batch, input_size = args.input.shape
    h = args.hiddenSize
    _check_operand(args.weight, "weight", (gates * h, input_size), args.input)
    _check_operand(args.recurrentWeight, "recurrentWeight", (gates * h, h), args.input)
    _check_operand(args.hiddenState, "hiddenState", (batch, h), args.input)
    _check_operand(args.bias, "bias", (gates * h,), args.input)
    _check_operand(args.recurrentBias, "recurrentBias", (gates * h,), args.input)
    return batch, h


# ---------------------------------------------------------------------------- GRU

def _check_sequence_weights(args: Args, gates: int) -> tuple[int, int, int]:
    """Check gru/lstm weights and biases (`gates` blocks per direction); (batch, dirs, h)."""
    _, batch, input_size = args.input.shape
    dirs = 2 if args.direction == "both" else 1
    h = args.hiddenSize
    _check_operand(args.weight, "weight", (dirs, gates * h, input_size), args.input)
    _check_operand(args.recurrentWeight, "recurrentWeight", (dirs, gates * h, h),
                   args.input)
    _check_operand(args.bias, "bias", (dirs, gates * h), args.input)
    _check_operand(args.recurrentBias, "recurrentBias", (dirs, gates * h), args.input)
    return batch, dirs, h

@webnn_op
class GruOp(WebNNOp):
    """A GRU over `steps` time steps: input `[steps, batch, inputSize]`, weight
    `[dirs, 3 * hidden, inputSize]`, recurrentWeight `[dirs, 3 * hidden, hidden]`, biases
    `[dirs, 3 * hidden]`, initialHiddenState `[dirs, batch, hidden]`; `activations`
    (default sigmoid, tanh) are the gate and the new-state functions.

        %h, %seq = webnn.gru %x, %w, %r {bias = %b, steps = 2, hiddenSize = 4, returnSequence = true, direction = "both"} : (tensor<2x1x3xf32>, tensor<2x12x3xf32>, tensor<2x12x4xf32>, tensor<2x12xf32>) -> (tensor<2x1x4xf32>, tensor<2x2x1x4xf32>)
    """
    name = "webnn.gru"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    initialHiddenState = opt_operand_def(TensorType)
    outputs = var_result_def(TensorType)
    OPTIONS = (Int("steps", REQUIRED, positional=True),
               Int("hiddenSize", REQUIRED, positional=True),
               Bool("resetAfter", True),
               Bool("returnSequence", False),
               Enum("direction", DIRECTIONS, "forward"),
               Enum("layout", ("zrn", "rzn"), "zrn"),
               Strs("activations", ACTIVATIONS, length=2))

    @staticmethod
    def infer(args: Args) -> list[TensorSpec]:
        _check_input(args, 3)
        _check_sizes(args, 3, steps=True)
        _check_steps(args)
        batch, dirs, h = _check_sequence_weights(args, 3)
        _check_operand(args.initialHiddenState, "initialHiddenState", (dirs, batch, h),
                       args.input)
        out = [args.input.with_shape((dirs, batch, h))]
        if args.returnSequence:
            out.append(args.input.with_shape((args.steps, dirs, batch, h)))
        return out


@webnn_op
class GruCellOp(WebNNOp):
    """One GRU step: input `[batch, inputSize]`, weight `[3 * hidden, inputSize]`,
    recurrentWeight `[3 * hidden, hidden]`, hiddenState `[batch, hidden]`, biases
    `[3 * hidden]`; the result is the new hidden state `[batch, hidden]`.

        %h1 = webnn.gruCell %x, %w, %r, %h0 {hiddenSize = 4, layout = "rzn"} : (tensor<1x3xf32>, tensor<12x3xf32>, tensor<12x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    """
    name = "webnn.gruCell"
    input = operand_def(TensorType)
    weight = operand_def(TensorType)
    recurrentWeight = operand_def(TensorType)
    hiddenState = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    recurrentBias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("hiddenSize", REQUIRED, positional=True),
               Bool("resetAfter", True),
               Enum("layout", ("zrn", "rzn"), "zrn"),
               Strs("activations", ACTIVATIONS, length=2))

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        batch, h = _check_cell(args, 3)
        return args.input.with_shape((batch, h))


# ---------------------------------------------------------------------------- LSTM
@webnn_op
class LstmOp(WebNNOp):
    """An LSTM over `steps` time steps: weight `[dirs, 4 * hidden, inputSize]`,
    recurrentWeight `[dirs, 4 * hidden, hidden]`, biases `[dirs, 4 * hidden]`,
    peepholeWeight `[dirs, 3 * hidden]`, initial states `[dirs, batch, hidden]`; results are
    the final hidden and cell states (and the per-step outputs with `returnSequence`);
    `activations` default to sigmoid, tanh, tanh.

        %h, %c = webnn.lstm %x, %w, %r {steps = 2, hiddenSize = 4, layout = "ifgo"} : (tensor<2x1x3xf32>, tensor<1x16x3xf32>, tensor<1x16x4xf32>) -> (tensor<1x1x4xf32>, tensor<1x1x4xf32>)
    """
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
    OPTIONS = (Int("steps", REQUIRED, positional=True),
               Int("hiddenSize", REQUIRED, positional=True),
               Bool("returnSequence", False),
               Enum("direction", DIRECTIONS, "forward"),
               Enum("layout", ("iofg", "ifgo"), "iofg"),
               Strs("activations", ACTIVATIONS, length=3))

    @staticmethod
    def infer(args: Args) -> list[TensorSpec]:
        _check_input(args, 3)
        _check_sizes(args, 4, steps=True)
        _check_steps(args)
        batch, dirs, h = _check_sequence_weights(args, 4)
        _check_operand(args.peepholeWeight, "peepholeWeight", (dirs, 3 * h), args.input)
        _check_operand(args.initialHiddenState, "initialHiddenState", (dirs, batch, h),
                       args.input)
        _check_operand(args.initialCellState, "initialCellState", (dirs, batch, h),
                       args.input)
        state = args.input.with_shape((dirs, batch, h))
        out = [state, state]
        if args.returnSequence:
            out.append(args.input.with_shape((args.steps, dirs, batch, h)))
        return out


@webnn_op
class LstmCellOp(WebNNOp):
    """One LSTM step: input `[batch, inputSize]`, weight `[4 * hidden, inputSize]`,
    recurrentWeight `[4 * hidden, hidden]`, hidden and cell state `[batch, hidden]`, biases
    `[4 * hidden]`, peepholeWeight `[3 * hidden]`; results are the new hidden and cell
    states.

        %h1, %c1 = webnn.lstmCell %x, %w, %r, %h0, %c0 {peepholeWeight = %p, hiddenSize = 4} : (tensor<1x3xf32>, tensor<16x3xf32>, tensor<16x4xf32>, tensor<1x4xf32>, tensor<1x4xf32>, tensor<12xf32>) -> (tensor<1x4xf32>, tensor<1x4xf32>)
    """
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
    OPTIONS = (Int("hiddenSize", REQUIRED, positional=True),
               Enum("layout", ("iofg", "ifgo"), "iofg"),
               Strs("activations", ACTIVATIONS, length=3))

    @staticmethod
    def infer(args: Args) -> list[TensorSpec]:
        batch, h = _check_cell(args, 4)
        _check_operand(args.cellState, "cellState", (batch, h), args.input)
        _check_operand(args.peepholeWeight, "peepholeWeight", (3 * h,), args.input)
        state = args.input.with_shape((batch, h))
        return [state, state]


#: The ops of the recurrent family, in one table: `dialects/webnn/__init__.py` registers
#: the dialect from these tables.
OPS = (
    GruOp, GruCellOp, LstmOp, LstmCellOp,
)

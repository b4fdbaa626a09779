"""JIT vs the numpy reference for gru, gruCell, lstm and lstmCell.

The lowering unrolls the time loop into gemms and element-wise ops (see
passes/webnn_to_linalg/recurrent.py); these cases cover every option: each optional
operand alone and all together, resetAfter both ways, returnSequence, the three
directions (backward and "both" with their sequence alignment), both layouts of each op,
other activations, and one-step and one-batch shapes; float32 and float16. Each group
of cases is one graph: compile time grows faster than linearly with a graph's size, and
an unrolled recurrence is many ops. Weights given as constants (as models have them)
and a longer sequence are covered too.

Values are in [-1, 1], so states stay within a few units even with relu. Float32 runs
the recurrence in float32 against the reference's float64; float16 runs it in float32
too and rounds once at the end (within one float16 ulp of the reference).
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate
from tests.jit.against_reference import check, random

TOL = {"float32": dict(rtol=1e-5, atol=1e-5), "float16": dict(rtol=1e-3, atol=1e-3)}

DTYPES = ["float32", "float16"]

#: Optional operands of the sequence ops: name -> shape given (dirs, batch, hidden).
_GRU_OPTIONAL = {
    "bias": lambda d, b, h: (d, 3 * h),
    "recurrentBias": lambda d, b, h: (d, 3 * h),
    "initialHiddenState": lambda d, b, h: (d, b, h),
}
_LSTM_OPTIONAL = {
    "bias": lambda d, b, h: (d, 4 * h),
    "recurrentBias": lambda d, b, h: (d, 4 * h),
    "peepholeWeight": lambda d, b, h: (d, 3 * h),
    "initialHiddenState": lambda d, b, h: (d, b, h),
    "initialCellState": lambda d, b, h: (d, b, h),
}

ALL_GRU = tuple(_GRU_OPTIONAL)
ALL_LSTM = tuple(_LSTM_OPTIONAL)

#: group -> [(steps, batch, inputSize, hiddenSize, optional operands, options)]; each
#: group is one compiled graph (small graphs compile faster than one big one).
GRU = {
    "operands": [
        (2, 2, 3, 4, (), {}),
        (2, 2, 3, 4, ("bias",), {}),
        (2, 2, 3, 4, ("recurrentBias",), {}),
        (2, 2, 3, 4, ("initialHiddenState",), {}),
        (3, 2, 3, 4, ALL_GRU, {}),
    ],
    "reset_before": [
        (2, 2, 3, 4, (), {"resetAfter": False}),
        (2, 2, 3, 4, ("bias", "recurrentBias"), {"resetAfter": False}),
        (2, 2, 3, 4, ("recurrentBias", "initialHiddenState"), {"resetAfter": False}),
        (2, 2, 3, 4, ("bias", "recurrentBias"),
         {"layout": "rzn", "resetAfter": False, "direction": "both"}),
    ],
    "directions": [
        (2, 2, 3, 4, ("bias",), {"returnSequence": True}),
        (2, 2, 3, 4, ALL_GRU, {"direction": "backward", "returnSequence": True}),
        (3, 2, 3, 4, ALL_GRU, {"direction": "both", "returnSequence": True}),
        (2, 1, 3, 4, ("bias", "recurrentBias"), {"direction": "both"}),
        (1, 3, 5, 2, (), {"direction": "backward"}),
        (1, 1, 2, 3, ("bias", "initialHiddenState"), {"returnSequence": True}),
    ],
    "layout_activations": [
        (2, 2, 3, 4, ALL_GRU, {"layout": "rzn", "returnSequence": True}),
        (2, 2, 3, 4, ("bias",), {"activations": ["relu", "tanh"]}),
        (2, 2, 3, 4, ("recurrentBias",), {"activations": ["sigmoid", "relu"]}),
        (2, 2, 3, 4, ("initialHiddenState",),
         {"activations": ["tanh", "sigmoid"], "resetAfter": False}),
    ],
}

#: (batch, inputSize, hiddenSize, optional operands, options)
GRU_CELL = [
    (2, 3, 4, (), {}),
    (2, 3, 4, ("bias",), {}),
    (2, 3, 4, ("recurrentBias",), {}),
    (2, 3, 4, ("bias", "recurrentBias"), {"resetAfter": False}),
    (2, 3, 4, ("bias", "recurrentBias"), {"layout": "rzn"}),
    (1, 3, 4, ("bias", "recurrentBias"), {"layout": "rzn", "resetAfter": False}),
    (3, 2, 5, ("bias",), {"activations": ["relu", "sigmoid"]}),
    (2, 3, 4, ("recurrentBias",), {"activations": ["tanh", "relu"]}),
]

LSTM = {
    "operands": [
        (2, 2, 3, 4, (), {}),
        (2, 2, 3, 4, ("bias",), {}),
        (2, 2, 3, 4, ("recurrentBias",), {}),
        (2, 2, 3, 4, ("peepholeWeight",), {}),
        (2, 2, 3, 4, ("initialHiddenState",), {}),
        (2, 2, 3, 4, ("initialCellState",), {}),
        (3, 2, 3, 4, ALL_LSTM, {}),
    ],
    "directions": [
        (2, 2, 3, 4, ("bias",), {"returnSequence": True}),
        (2, 2, 3, 4, ALL_LSTM, {"direction": "backward", "returnSequence": True}),
        (3, 2, 3, 4, ALL_LSTM, {"direction": "both", "returnSequence": True}),
        (2, 1, 3, 4, ("bias", "peepholeWeight"), {"direction": "both"}),
        (1, 3, 5, 2, ("peepholeWeight", "initialCellState"), {"direction": "backward"}),
        (1, 1, 2, 3, ("bias", "initialHiddenState"), {"returnSequence": True}),
    ],
    "layout_activations": [
        (2, 2, 3, 4, ALL_LSTM, {"layout": "ifgo", "returnSequence": True}),
        (2, 2, 3, 4, ("peepholeWeight", "initialCellState"),
         {"layout": "ifgo", "direction": "both"}),
        (2, 2, 3, 4, ("bias", "initialCellState"),
         {"activations": ["sigmoid", "relu", "tanh"]}),
        (2, 2, 3, 4, ("peepholeWeight",), {"activations": ["tanh", "sigmoid", "relu"]}),
        (2, 2, 3, 4, ("initialHiddenState",), {"activations": ["relu", "tanh", "sigmoid"]}),
    ],
}

#: (batch, inputSize, hiddenSize, optional operands, options)
LSTM_CELL = [
    (2, 3, 4, (), {}),
    (2, 3, 4, ("bias",), {}),
    (2, 3, 4, ("recurrentBias",), {}),
    (2, 3, 4, ("peepholeWeight",), {}),
    (2, 3, 4, ("bias", "recurrentBias", "peepholeWeight"), {}),
    (2, 3, 4, ("bias", "recurrentBias", "peepholeWeight"), {"layout": "ifgo"}),
    (1, 3, 4, ("peepholeWeight",), {"layout": "ifgo"}),
    (3, 2, 5, ("bias",), {"activations": ["relu", "sigmoid", "tanh"]}),
    (2, 3, 4, ("peepholeWeight",), {"activations": ["tanh", "relu", "sigmoid"]}),
]


def _data(shape, dtype, seed):
    return random(shape, dtype, seed, -1.0, 1.0)


def _sequence_cases(op, table, gates, optional_shapes, dtype):
    cases = []
    for i, (steps, batch, input_size, hidden, optional, options) in enumerate(table):
        dirs = 2 if options.get("direction") == "both" else 1
        seed = 100 * i
        operands = {
            "input": _data((steps, batch, input_size), dtype, seed),
            "weight": _data((dirs, gates * hidden, input_size), dtype, seed + 1),
            "recurrentWeight": _data((dirs, gates * hidden, hidden), dtype, seed + 2),
        }
        for k, name in enumerate(optional):
            shape = optional_shapes[name](dirs, batch, hidden)
            operands[name] = _data(shape, dtype, seed + 3 + k)
        cases.append((op, operands, {"steps": steps, "hiddenSize": hidden, **options},
                      TOL[dtype]))
    return cases


def _cell_cases(op, table, gates, states, dtype):
    cases = []
    for i, (batch, input_size, hidden, optional, options) in enumerate(table):
        seed = 100 * i + 50
        operands = {
            "input": _data((batch, input_size), dtype, seed),
            "weight": _data((gates * hidden, input_size), dtype, seed + 1),
            "recurrentWeight": _data((gates * hidden, hidden), dtype, seed + 2),
        }
        for k, name in enumerate(states):
            operands[name] = _data((batch, hidden), dtype, seed + 3 + k)
        for k, name in enumerate(optional):
            shape = (3 * hidden,) if name == "peepholeWeight" else (gates * hidden,)
            operands[name] = _data(shape, dtype, seed + 10 + k)
        cases.append((op, operands, {"hiddenSize": hidden, **options}, TOL[dtype]))
    return cases


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("group", list(GRU))
def test_gru(group, dtype):
    check(_sequence_cases("gru", GRU[group], 3, _GRU_OPTIONAL, dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_gru_cell(dtype):
    check(_cell_cases("gruCell", GRU_CELL, 3, ("hiddenState",), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("group", list(LSTM))
def test_lstm(group, dtype):
    check(_sequence_cases("lstm", LSTM[group], 4, _LSTM_OPTIONAL, dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_lstm_cell(dtype):
    check(_cell_cases("lstmCell", LSTM_CELL, 4, ("hiddenState", "cellState"), dtype))


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("op, gates", [("gru", 3), ("lstm", 4)])
def test_constant_weights_long_sequence(op, gates, dtype):
    """Weights and biases as graph constants (the input a graph input), over a longer
    unrolled loop in both directions: the states stay accurate."""
    steps, batch, input_size, hidden = 7, 2, 5, 4
    arrays = {
        "input": _data((steps, batch, input_size), dtype, 5),
        "weight": _data((2, gates * hidden, input_size), dtype, 6),
        "recurrentWeight": _data((2, gates * hidden, hidden), dtype, 7),
        "bias": _data((2, gates * hidden), dtype, 8),
        "recurrentBias": _data((2, gates * hidden), dtype, 9),
    }
    options = {"steps": steps, "hiddenSize": hidden, "direction": "both",
               "returnSequence": True}
    g = compiler.GraphBuilder()
    x = g.input("x", dtype, arrays["input"].shape)
    results = getattr(g, op)(x, **{k: g.constant(v) for k, v in arrays.items()
                                   if k != "input"}, **options)
    got = compiler.compile(g.build({f"out{i}": r for i, r in enumerate(results)}))(
        x=arrays["input"])
    for i, want in enumerate(evaluate(op, arrays, options)):
        assert got[f"out{i}"].dtype == want.dtype and got[f"out{i}"].shape == want.shape
        np.testing.assert_allclose(got[f"out{i}"].astype(np.float64),
                                   want.astype(np.float64), **TOL[dtype])

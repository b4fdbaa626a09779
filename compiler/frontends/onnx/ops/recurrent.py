"""Recurrent networks: GRU and LSTM onto WebNN's `gru` and `lstm`.

ONNX's gate orders are WebNN's "zrn" (GRU) and "iofg" (LSTM) layouts, and its outputs
have WebNN's shapes. ONNX packs both biases in one `B`, which is split. Refused: other
activations than sigmoid, tanh and relu (or different ones per direction), `clip`,
variable sequence lengths, LSTM `input_forget`, and LSTM output-gate peepholes (ONNX
applies them to the new cell state, WebNN to the previous one).
"""

from __future__ import annotations

import numpy as np

from ..node import Node, converts

DIRECTIONS = {"forward": "forward", "reverse": "backward", "bidirectional": "both"}
ACTIVATIONS = {"Sigmoid": "sigmoid", "Tanh": "tanh", "Relu": "relu"}


def _common(n: Node, gates: int, defaults: list[str]):
    direction = n.attr("direction", "forward")
    if direction not in DIRECTIONS:
        n.refuse(f"direction '{direction}' is not an ONNX direction")
    if n.attr("clip") is not None:
        n.refuse("cell clipping (clip) is not expressible in WebNN")
    size = n.attr("hidden_size") or n.shape(2)[-1]
    layout = n.attr("layout", 0)
    x = n.value(0)
    if layout:
        x = n.transpose(x, [1, 0, 2])
    steps = n.spec_of(x).shape[0]
    if n.has(4):
        lengths = n.const(4, "sequence_lens")
        if not np.all(np.asarray(lengths) == steps):
            n.refuse("sequences of different lengths (sequence_lens) are not expressible")
    names = n.attr("activations") or defaults * (2 if direction == "bidirectional" else 1)
    per_direction = [names[i:i + len(defaults)] for i in range(0, len(names), len(defaults))]
    if any(p != per_direction[0] for p in per_direction):
        n.refuse(f"activations {names} differ between directions")
    if any(a not in ACTIVATIONS for a in per_direction[0]) or n.attr("activation_alpha"):
        n.refuse(f"activations {names}: WebNN has sigmoid, tanh and relu")
    activations = [ACTIVATIONS[a] for a in per_direction[0]]
    bias = recurrent_bias = None
    if n.has(3):
        b = n.value(3)
        width = gates * size
        if isinstance(b, np.ndarray):
            bias, recurrent_bias = b[:, :width].copy(), b[:, width:].copy()
        else:
            bias, recurrent_bias = n.op("split", b, splits=2, axis=1)
    options = dict(steps=steps, hiddenSize=size, bias=bias, recurrentBias=recurrent_bias,
                   direction=DIRECTIONS[direction], activations=activations)
    return n.to_tensor(x), layout, options


def _initial(n: Node, i: int, layout: int):
    if not n.has(i):
        return None
    value = n.value(i)
    return n.transpose(value, [1, 0, 2]) if layout else n.to_tensor(value)


def _outputs(n: Node, sequence, states, layout: int):
    if layout:  # batch-major: Y [batch, steps, dirs, hidden], states [batch, dirs, hidden]
        sequence = n.transpose(sequence, [2, 0, 1, 3]) if sequence is not None else None
        states = [n.transpose(s, [1, 0, 2]) for s in states]
    return [sequence if n.wants(0) else None] + [s if n.wants(1 + i) else None
                                                  for i, s in enumerate(states)]


@converts("GRU")
def gru(n: Node):
    x, layout, options = _common(n, 3, ["Sigmoid", "Tanh"])
    results = n.op("gru", x, n.tensor(1), n.tensor(2),
                   initialHiddenState=_initial(n, 5, layout),
                   resetAfter=bool(n.attr("linear_before_reset", 0)),
                   returnSequence=n.wants(0), layout="zrn", **options)
    sequence = results[1] if n.wants(0) else None
    return _outputs(n, sequence, [results[0]], layout)


@converts("LSTM")
def lstm(n: Node):
    if n.attr("input_forget", 0):
        n.refuse("coupled input and forget gates (input_forget) are not expressible")
    x, layout, options = _common(n, 4, ["Sigmoid", "Tanh", "Tanh"])
    peephole = None
    if n.has(7):
        p = n.value(7)
        size = options["hiddenSize"]
        if not isinstance(p, np.ndarray) or np.any(p[:, size:2 * size]):
            n.refuse("an output-gate peephole: ONNX applies it to the new cell state, "
                     "WebNN to the previous one")
        peephole = n.to_tensor(p)
    results = n.op("lstm", x, n.tensor(1), n.tensor(2), peepholeWeight=peephole,
                   initialHiddenState=_initial(n, 5, layout),
                   initialCellState=_initial(n, 6, layout),
                   returnSequence=n.wants(0), layout="iofg", **options)
    sequence = results[2] if n.wants(0) else None
    return _outputs(n, sequence, [results[0], results[1]], layout)

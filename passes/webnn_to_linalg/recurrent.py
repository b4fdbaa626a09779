"""gru, gruCell, lstm and lstmCell -> other webnn ops, lowered at once (`Call.webnn`).

A recurrent op is a small graph of ops that are all lowered already (gemm, add, mul, sub,
the activations, where, slice, split, reshape, concat, cast), repeated once per time
step: `steps` is a static option, so the time loop is unrolled at compile time and the
IR grows as O(steps * dirs). A cell is one forward step of the same code.

Per direction `d` (slot 0 forward, slot 1 backward for "both"), with `X` the input
viewed as `[steps * batch, inputSize]`, `W`, `R`, `b`, `rb` that direction's weights and
biases, and `h`, `c` starting at the initial states (zeros when absent, as in the
reference). `gemm(a, B, c)` below is `a B^T + c` (bTranspose): the accumulator starts
at `c`, so a bias costs no separate add.

GRU, gate blocks of `hidden` rows [z, r, n] ("zrn") or [r, z, n] ("rzn"), f and g the
two activations:

    XG = gemm(X, W, b)                               every step's x W^T + b at once
    resetAfter (default), one recurrent gemm per step:
      G = gemm(h, R, where(zr_mask, XG[t], 0) + rb)  z, r: xW + b + hR + rb; n: hR + rb
      z, r = f(G[z]), f(G[r]);  n = g(XG[t][n] + r * G[n])
    resetAfter = false (the reset gate scales h before the product; rb is a plain term):
      XG = gemm(X, W, b + rb)
      G = gemm(h, R[zr], XG[t][zr]);  z, r = f(G[z]), f(G[r])
      n = g(gemm(r * h, R[n], XG[t][n]))
    h = n + z * (h - n)                              (= z * h + (1 - z) * n)

LSTM, gate blocks [i, o, f, g] ("iofg") or [i, f, g, o] ("ifgo"), activations f0, f1,
f2; the peephole weight is always packed [i, o, f], and every peephole term, the output
gate's too, uses the *previous* cell state (as the reference does):

    XG = gemm(X, W, b + rb)
    G = gemm(h, R, XG[t])
    i = f0(G[i] + c * p_i);  f = f0(G[f] + c * p_f);  o = f0(G[o] + c * p_o);  g = f1(G[g])
    c = f * c + i * g;  h = o * f2(c)

The input projection of every step is one gemm per direction; only the recurrent one
has to wait for the previous step. The op count per step was kept small because compile
time grows with it: a slice read by one op is fused into that op's loop (so each read
of `XG[t]` gets its own slice), and the gates are slices of one gemm rather than one
gemm each.

Sequence outputs are aligned with the input steps: `sequence[t]` is the state computed
from `input[t]`, for a backward direction too (runtime/reference_ops/recurrent.py).

Float16: operands are cast to float32 where they are read, the whole recurrence runs in
float32, and the results are rounded to float16 once at the end (the lowered ops compute
float16 in float32 too; here the states are not rounded at every step either, which
keeps long sequences close to the float64 reference).
"""

from __future__ import annotations

import numpy as np
from xdsl.ir import SSAValue

from dialects.webnn.base import Args
from dialects.webnn.types import TensorSpec

from .emitter import Unsupported
from .framework import Call, Lowering

#: A lowered value with its spec, the form `Call.webnn` takes and returns.
Tensor = tuple[SSAValue, TensorSpec]

F32 = "float32"


# ---------------------------------------------------------------------------- helpers
class _Graph:
    """Thin helpers over `Call.webnn`: each emits webnn ops and returns the result."""

    def __init__(self, c: Call):
        self.c = c

    def op(self, name: str, **arguments) -> Tensor:
        return self.c.webnn(name, **arguments)[0]

    def operand(self, name: str) -> Tensor | None:
        """The op's operand `name` as it is (None when absent)."""
        spec = getattr(self.c.args, name)
        return None if spec is None else (getattr(self.c.op, name), spec)

    # -------------------------------------------------------------- arithmetic
    def add(self, x: Tensor | None, y: Tensor | None) -> Tensor | None:
        """x + y, where an absent (None) term counts as zero."""
        if x is None or y is None:
            return y if x is None else x
        return self.op("add", a=x, b=y)

    def mul(self, x: Tensor, y: Tensor) -> Tensor:
        return self.op("mul", a=x, b=y)

    def sub(self, x: Tensor, y: Tensor) -> Tensor:
        return self.op("sub", a=x, b=y)

    def activation(self, name: str, x: Tensor) -> Tensor:
        return self.op(name, input=x)  # relu, sigmoid, tanh are webnn ops of that name

    def linear(self, x: Tensor, weight: Tensor, start: Tensor | None) -> Tensor:
        """x weight^T + start (a bias broadcast over rows, or one row per row of x)."""
        return self.op("gemm", a=x, b=weight, c=start, bTranspose=True)

    # -------------------------------------------------------------- data
    def f32(self, x: Tensor | None) -> Tensor | None:
        """`x` as float32 (float16 is cast; a cast read by one op is fused into it)."""
        if x is None or x[1].dtype == F32:
            return x
        return self.op("cast", input=x, dataType=F32)

    def zeros(self, shape) -> Tensor:
        spec = TensorSpec(tuple(shape), F32)
        return self.c.em.fill(spec, 0.0), spec

    def constant(self, array: np.ndarray, dtype: str) -> Tensor:
        spec = TensorSpec(array.shape, dtype)
        return self.c.em.constant(array, spec), spec

    # -------------------------------------------------------------- shapes
    def reshape(self, x: Tensor, shape) -> Tensor:
        if tuple(x[1].shape) == tuple(shape):
            return x
        return self.op("reshape", input=x, newShape=list(shape))

    def rows(self, x: Tensor | None, start: int, size: int) -> Tensor | None:
        """Rows [start, start + size) of a 2-D tensor, or elements of a 1-D one."""
        if x is None:
            return None
        shape = x[1].shape
        if start == 0 and size == shape[0]:
            return x
        rest = list(shape[1:])
        return self.op("slice", input=x, starts=[start] + [0] * len(rest),
                       sizes=[size] + rest)

    def part(self, x: Tensor, rows: tuple[int, int] | None = None,
             cols: tuple[int, int] | None = None) -> Tensor:
        """The rows and columns `(start, size)` (default: all) of a 2-D tensor."""
        shape = x[1].shape
        rows, cols = rows or (0, shape[0]), cols or (0, shape[1])
        if (rows[1], cols[1]) == tuple(shape):
            return x
        return self.op("slice", input=x, starts=[rows[0], cols[0]], sizes=[rows[1], cols[1]])

    def split(self, x: Tensor, pieces: int) -> list[Tensor]:
        """`pieces` equal column blocks of a `[batch, pieces * hidden]` tensor."""
        size = x[1].shape[1] // pieces
        return self.c.webnn("split", input=x, splits=[size] * pieces, axis=1)

    def slot(self, x: Tensor | None, d: int) -> Tensor | None:
        """Direction slot `d` of a `[dirs, ...]` operand, without that dimension."""
        if x is None:
            return None
        shape = x[1].shape
        rest = list(shape[1:])
        if shape[0] > 1:
            x = self.op("slice", input=x, starts=[d] + [0] * len(rest), sizes=[1] + rest)
        return self.reshape(x, rest)

    def stack(self, xs: list[Tensor]) -> Tensor:
        """`[batch, hidden]` tensors stacked along a new leading dimension."""
        batch, hidden = xs[0][1].shape
        xs = [self.reshape(x, (1, batch, hidden)) for x in xs]
        return xs[0] if len(xs) == 1 else self.op("concat", inputs=xs, axis=0)


def _graph(c: Call) -> _Graph:
    """The helpers for lowering `c`, once its data type is known to be supported."""
    if c.args.input.dtype not in ("float32", "float16"):  # (the op's verifier forbids it)
        raise Unsupported(f"{c.args.input.dtype} recurrent networks (only float32 and "
                          "float16)")
    return _Graph(c)


def _directions(direction: str) -> list[bool]:
    """Whether each direction slot runs backward in time."""
    return {"forward": [False], "backward": [True], "both": [False, True]}[direction]


def _time_order(steps: int, backward: bool) -> range:
    return range(steps - 1, -1, -1) if backward else range(steps)


def _input_rows(g: _Graph, steps: int) -> Tensor:
    """The sequence input `[steps, batch, inputSize]` as `[steps * batch, inputSize]`."""
    x = g.operand("input")
    _, batch, size = x[1].shape
    return g.f32(g.reshape(x, (steps * batch, size)))


def _slots(g: _Graph, names, d: int) -> dict[str, Tensor | None]:
    """Direction `d` of the named `[dirs, ...]` operands, float32 (None when absent)."""
    return {name: g.f32(g.slot(g.operand(name), d)) for name in names}


def _finals(states: list[list], backward: list[bool]) -> list:
    """Per direction, the state after its last step in time order: the one of input
    step `steps - 1` forward, of input step 0 backward."""
    return [s[0] if back else s[-1] for s, back in zip(states, backward)]


def _sequence(g: _Graph, states: list[list[Tensor]]) -> Tensor:
    """`[steps, dirs, batch, hidden]` from states[d][t] (`[batch, hidden]` each)."""
    steps, dirs = len(states[0]), len(states)
    stacked = g.stack([states[d][t] for t in range(steps) for d in range(dirs)])
    batch, hidden = states[0][0][1].shape
    return g.reshape(stacked, (steps, dirs, batch, hidden))


def _finish(c: Call, g: _Graph, results: list[Tensor]) -> list[SSAValue]:
    """The float32 results in the op's data type and result shapes."""
    return [g.reshape(g.op("cast", input=r, dataType=want.dtype) if want.dtype != F32 else r,
                      want.shape)[0]
            for r, want in zip(results, c.outs, strict=True)]


# ---------------------------------------------------------------------------- GRU
_GRU_WEIGHTS = ("weight", "recurrentWeight", "bias", "recurrentBias")


def _gru_direction(g: _Graph, args: Args, x: Tensor, steps: int, backward: bool,
                   o: dict[str, Tensor | None], h: Tensor) -> list[Tensor]:
    """The hidden states of one direction, indexed by input step (module docstring).

    `x` is the input `[steps * batch, inputSize]`, `o` this direction's weights and
    biases (`[3 * hidden, ...]`, `[3 * hidden]`), `h` the initial state `[batch, hidden]`.
    """
    f, act = args.activations or ("sigmoid", "tanh")
    w, r, b, rb = (o[name] for name in _GRU_WEIGHTS)
    zr, n = 2 * args.hiddenSize, args.hiddenSize  # the z/r blocks' size, the n block's
    batch = h[1].shape[0]
    if args.resetAfter:
        xg = g.linear(x, w, b)
        # Selects the z/r columns of XG[t] into the recurrent gemm's start, zero for n.
        # (`where`, not a product with 0/1: an infinite x W[n] must not become NaN.)
        mask = g.constant(np.array([1] * zr + [0] * n, np.uint8), "uint8")
        zero = g.constant(np.zeros((), np.float32), F32)
    else:
        xg = g.linear(x, w, g.add(b, rb))
        r_zr, r_n = g.rows(r, 0, zr), g.rows(r, zr, n)

    states: list[Tensor | None] = [None] * steps
    for t in _time_order(steps, backward):
        rows = (t * batch, batch)  # this step's rows of XG
        # (Each read of XG[t] is its own slice: a slice read once is fused into its
        # reader, one read twice would be a copy of its own.)
        if args.resetAfter:
            start = g.add(g.op("where", condition=mask, trueValue=g.part(xg, rows),
                               falseValue=zero), rb)
            z_pre, r_pre, nh = _gru_order(g.split(g.linear(h, r, start), 3), args.layout)
            pre = g.add(g.part(xg, rows, (zr, n)), g.mul(g.activation(f, r_pre), nh))
        else:
            z_pre, r_pre = _gru_order(
                g.split(g.linear(h, r_zr, g.part(xg, rows, (0, zr))), 2), args.layout)
            pre = g.linear(g.mul(g.activation(f, r_pre), h), r_n, g.part(xg, rows, (zr, n)))
        new = g.activation(act, pre)
        # z * h + (1 - z) * new, with one multiplication and no constant.
        h = g.add(new, g.mul(g.activation(f, z_pre), g.sub(h, new)))
        states[t] = h
    return states


def _gru_order(blocks: list[Tensor], layout: str) -> list[Tensor]:
    """Gate blocks in the order z, r (, n): "rzn" has the first two swapped."""
    return blocks if layout == "zrn" else [blocks[1], blocks[0], *blocks[2:]]


def _gru(c: Call):
    g = _graph(c)
    steps, batch, hidden = c.args.steps, c.args.input.shape[1], c.args.hiddenSize
    x = _input_rows(g, steps)
    backward = _directions(c.args.direction)
    states = []
    for d, back in enumerate(backward):
        o = _slots(g, (*_GRU_WEIGHTS, "initialHiddenState"), d)
        h0 = o["initialHiddenState"] or g.zeros((batch, hidden))
        states.append(_gru_direction(g, c.args, x, steps, back, o, h0))
    results = [g.stack(_finals(states, backward))]
    if c.args.returnSequence:
        results.append(_sequence(g, states))
    return _finish(c, g, results)


def _gru_cell(c: Call):
    g = _graph(c)
    o = {name: g.f32(g.operand(name)) for name in _GRU_WEIGHTS}
    [h] = _gru_direction(g, c.args, g.f32(g.operand("input")), 1, False, o,
                         g.f32(g.operand("hiddenState")))
    return _finish(c, g, [h])


# ---------------------------------------------------------------------------- LSTM
_LSTM_WEIGHTS = ("weight", "recurrentWeight", "bias", "recurrentBias", "peepholeWeight")

#: layout -> block index of the gates i, o, f, g in weights and biases.
_LSTM_BLOCKS = {"iofg": (0, 1, 2, 3), "ifgo": (0, 3, 1, 2)}


def _lstm_direction(g: _Graph, args: Args, x: Tensor, steps: int, backward: bool,
                    o: dict[str, Tensor | None], h: Tensor, cell: Tensor
                    ) -> list[tuple[Tensor, Tensor]]:
    """(hidden, cell) of one direction, indexed by input step (see `_gru_direction`)."""
    f0, f1, f2 = args.activations or ("sigmoid", "tanh", "tanh")
    w, r, b, rb, p = (o[name] for name in _LSTM_WEIGHTS)
    hidden, batch = args.hiddenSize, h[1].shape[0]
    xg = g.linear(x, w, g.add(b, rb))
    # Peephole weights, packed [i, o, f] in every layout.
    peep_i, peep_o, peep_f = (g.rows(p, k * hidden, hidden) if p is not None else None
                              for k in range(3))
    ik, ok, fk, gk = _LSTM_BLOCKS[args.layout]

    def gate(pre: Tensor, peep: Tensor | None, previous_cell: Tensor) -> Tensor:
        if peep is not None:
            pre = g.add(pre, g.mul(previous_cell, peep))
        return g.activation(f0, pre)

    states: list[tuple[Tensor, Tensor] | None] = [None] * steps
    for t in _time_order(steps, backward):
        blocks = g.split(g.linear(h, r, g.part(xg, (t * batch, batch))), 4)
        i = gate(blocks[ik], peep_i, cell)
        f = gate(blocks[fk], peep_f, cell)
        out = gate(blocks[ok], peep_o, cell)
        cell = g.add(g.mul(f, cell), g.mul(i, g.activation(f1, blocks[gk])))
        h = g.mul(out, g.activation(f2, cell))
        states[t] = (h, cell)
    return states


def _lstm(c: Call):
    g = _graph(c)
    steps, batch, hidden = c.args.steps, c.args.input.shape[1], c.args.hiddenSize
    x = _input_rows(g, steps)
    backward = _directions(c.args.direction)
    states = []
    for d, back in enumerate(backward):
        o = _slots(g, (*_LSTM_WEIGHTS, "initialHiddenState", "initialCellState"), d)
        h0 = o["initialHiddenState"] or g.zeros((batch, hidden))
        c0 = o["initialCellState"] or g.zeros((batch, hidden))
        states.append(_lstm_direction(g, c.args, x, steps, back, o, h0, c0))
    final = _finals(states, backward)
    results = [g.stack([h for h, _ in final]), g.stack([cell for _, cell in final])]
    if c.args.returnSequence:
        results.append(_sequence(g, [[h for h, _ in s] for s in states]))
    return _finish(c, g, results)


def _lstm_cell(c: Call):
    g = _graph(c)
    o = {name: g.f32(g.operand(name)) for name in _LSTM_WEIGHTS}
    [(h, cell)] = _lstm_direction(g, c.args, g.f32(g.operand("input")), 1, False, o,
                                  g.f32(g.operand("hiddenState")),
                                  g.f32(g.operand("cellState")))
    return _finish(c, g, [h, cell])


#: The recurrent family: spec op name -> lowering (`load_all` merges the families).
LOWERINGS: dict[str, Lowering] = {
    "gru": _gru,
    "gruCell": _gru_cell,
    "lstm": _lstm,
    "lstmCell": _lstm_cell,
}

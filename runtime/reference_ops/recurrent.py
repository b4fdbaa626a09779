"""gru, gruCell, lstm and lstmCell (computed in float64).

Gate packing follows the spec: GRU weights are [z, r, n] ("zrn", default) or [r, z, n]
("rzn") blocks of hiddenSize rows; LSTM weights are [i, o, f, g] ("iofg", default) or
[i, f, g, o] ("ifgo"); the LSTM peephole weight is always packed [i, o, f], and the
output gate's peephole term uses the *previous* cell state (as in the spec's emulation).
Sequence outputs are aligned with the input time steps: for a backward direction,
sequence[t] is the state computed from input[t] (the spec's lstm emulation prepends
backward states; WPT's gru backward tests expect the same).
"""

from __future__ import annotations

import numpy as np

from ._common import ACCUMULATE, OpFn, activation, fail, finish, operand, opt


def _f64(v):
    return None if v is None else np.asarray(v).astype(ACCUMULATE)


def _block(m: np.ndarray | None, k: int, size: int):
    return None if m is None else m[k * size:(k + 1) * size]


def _gates(x, h, w, r, b, rb, k, size):
    """x W_k^T + b_k and h R_k^T + rb_k for gate block k."""
    gx = x @ _block(w, k, size).T
    gh = h @ _block(r, k, size).T
    if b is not None:
        gx = gx + _block(b, k, size)
    if rb is not None:
        gh = gh + _block(rb, k, size)
    return gx, gh


def _gru_step(x, h, w, r, b, rb, size, reset_after, layout, acts):
    if layout not in ("zrn", "rzn"):
        fail(f"gru: unknown layout {layout!r}")
    zk, rk, nk = (0, 1, 2) if layout == "zrn" else (1, 0, 2)
    f, g = acts
    zx, zh = _gates(x, h, w, r, b, rb, zk, size)
    rx, rh = _gates(x, h, w, r, b, rb, rk, size)
    z = f(zx + zh)
    rr = f(rx + rh)
    nx, nh = _gates(x, h, w, r, b, rb, nk, size)
    if reset_after:  # reset gate applied after the recurrent matmul
        n = g(nx + rr * nh)
    else:  # reset gate applied to the hidden state before the recurrent matmul
        n = g(nx + (rr * h) @ _block(r, nk, size).T
              + (0.0 if rb is None else _block(rb, nk, size)))
    return z * h + (1.0 - z) * n


def _lstm_step(x, h, c, w, r, b, rb, p, size, layout, acts):
    if layout not in ("iofg", "ifgo"):
        fail(f"lstm: unknown layout {layout!r}")
    ik, ok, fk, gk = (0, 1, 2, 3) if layout == "iofg" else (0, 3, 1, 2)
    f0, f1, f2 = acts

    def pre(k):
        gx, gh = _gates(x, h, w, r, b, rb, k, size)
        return gx + gh

    def peep(k):  # peephole blocks are always packed [i, o, f]
        return 0.0 if p is None else c * p[k * size:(k + 1) * size]

    i = f0(pre(ik) + peep(0))
    f = f0(pre(fk) + peep(2))
    g = f1(pre(gk))
    o = f0(pre(ok) + peep(1))
    c_new = f * c + i * g
    return o * f2(c_new), c_new


def _hidden_size(options, name: str) -> int:
    size = int(opt(options, "hiddenSize", 0))
    if size <= 0:
        fail(f"{name}: hiddenSize is required and must be positive")
    return size


def _acts(options, default):
    names = opt(options, "activations", default)
    if len(names) != len(default):
        fail(f"activations must have {len(default)} entries, got {names}")
    return [activation(n) for n in names]


def _gru_cell(operands, options):
    x = operand(operands, "input")
    size = _hidden_size(options, "gruCell")
    h = _gru_step(_f64(x), _f64(operand(operands, "hiddenState")),
                  _f64(operand(operands, "weight")), _f64(operand(operands, "recurrentWeight")),
                  _f64(operand(operands, "bias", required=False)),
                  _f64(operand(operands, "recurrentBias", required=False)), size,
                  bool(opt(options, "resetAfter", True)), opt(options, "layout", "zrn"),
                  _acts(options, ("sigmoid", "tanh")))
    return [finish(h, x.dtype)]


def _lstm_cell(operands, options):
    x = operand(operands, "input")
    size = _hidden_size(options, "lstmCell")
    h, c = _lstm_step(_f64(x), _f64(operand(operands, "hiddenState")),
                      _f64(operand(operands, "cellState")),
                      _f64(operand(operands, "weight")),
                      _f64(operand(operands, "recurrentWeight")),
                      _f64(operand(operands, "bias", required=False)),
                      _f64(operand(operands, "recurrentBias", required=False)),
                      _f64(operand(operands, "peepholeWeight", required=False)), size,
                      opt(options, "layout", "iofg"),
                      _acts(options, ("sigmoid", "tanh", "tanh")))
    return [finish(h, x.dtype), finish(c, x.dtype)]


def _directions(options) -> list[bool]:
    """One entry per direction slot: True when that slot runs backward in time."""
    direction = opt(options, "direction", "forward")
    if direction == "forward":
        return [False]
    if direction == "backward":
        return [True]
    if direction == "both":
        return [False, True]
    fail(f"unknown direction {direction!r}")


def _sequence_common(operands, options, name):
    x = operand(operands, "input")
    if x.ndim != 3:
        fail(f"{name}: input must be [steps, batch, inputSize]")
    steps = int(opt(options, "steps", x.shape[0]))
    if steps != x.shape[0]:
        fail(f"{name}: steps {steps} != input.shape[0] {x.shape[0]}")
    size = _hidden_size(options, name)
    return x, steps, size, _directions(options)


def _slot(v, d):
    return None if v is None else v[d]


def _gru(operands, options):
    x, steps, size, dirs = _sequence_common(operands, options, "gru")
    xv = _f64(x)
    batch = x.shape[1]
    w, r = _f64(operand(operands, "weight")), _f64(operand(operands, "recurrentWeight"))
    b = _f64(operand(operands, "bias", required=False))
    rb = _f64(operand(operands, "recurrentBias", required=False))
    h0 = _f64(operand(operands, "initialHiddenState", required=False))
    reset_after = bool(opt(options, "resetAfter", True))
    layout = opt(options, "layout", "zrn")
    acts = _acts(options, ("sigmoid", "tanh"))
    finals, seqs = [], []
    for d, backward in enumerate(dirs):
        h = np.zeros((batch, size)) if h0 is None else h0[d]
        seq = [None] * steps
        for t in (reversed(range(steps)) if backward else range(steps)):
            h = _gru_step(xv[t], h, w[d], r[d], _slot(b, d), _slot(rb, d), size,
                          reset_after, layout, acts)
            seq[t] = h
        finals.append(h)
        seqs.append(np.stack(seq))
    results = [finish(np.stack(finals), x.dtype)]
    if opt(options, "returnSequence", False):
        results.append(finish(np.stack(seqs, axis=1), x.dtype))  # [steps, dirs, B, H]
    return results


def _lstm(operands, options):
    x, steps, size, dirs = _sequence_common(operands, options, "lstm")
    xv = _f64(x)
    batch = x.shape[1]
    w, r = _f64(operand(operands, "weight")), _f64(operand(operands, "recurrentWeight"))
    b = _f64(operand(operands, "bias", required=False))
    rb = _f64(operand(operands, "recurrentBias", required=False))
    p = _f64(operand(operands, "peepholeWeight", required=False))
    h0 = _f64(operand(operands, "initialHiddenState", required=False))
    c0 = _f64(operand(operands, "initialCellState", required=False))
    layout = opt(options, "layout", "iofg")
    acts = _acts(options, ("sigmoid", "tanh", "tanh"))
    hiddens, cells, seqs = [], [], []
    for d, backward in enumerate(dirs):
        h = np.zeros((batch, size)) if h0 is None else h0[d]
        c = np.zeros((batch, size)) if c0 is None else c0[d]
        seq = [None] * steps
        for t in (reversed(range(steps)) if backward else range(steps)):
            h, c = _lstm_step(xv[t], h, c, w[d], r[d], _slot(b, d), _slot(rb, d),
                              _slot(p, d), size, layout, acts)
            seq[t] = h
        hiddens.append(h)
        cells.append(c)
        seqs.append(np.stack(seq))
    results = [finish(np.stack(hiddens), x.dtype), finish(np.stack(cells), x.dtype)]
    if opt(options, "returnSequence", False):
        results.append(finish(np.stack(seqs, axis=1), x.dtype))
    return results


#: The recurrent family: spec op name -> implementation.
OPS: dict[str, OpFn] = {
    "gru": _gru,
    "gruCell": _gru_cell,
    "lstm": _lstm,
    "lstmCell": _lstm_cell,
}

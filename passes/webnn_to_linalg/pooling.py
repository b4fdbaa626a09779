"""averagePool2d, l2Pool2d and maxPool2d -> one reduction `linalg.generic` each.

A pool reduces every window of the input:

    acc[n, c, y, x] = reduce over (kh, kw) of in[n, c, y*sH + kh*dH, x*sW + kw*dW]

with the input read in its own layout through the indexing map, the window loops being
"reduction" iterators, and unit loops left out (global pooling has no output loops but
n and c), as for convolutions (`convolution.Loops`). A small constant of the window's
shape rides along as a second input only to give the window loops their bounds. When windows reach outside the
input (padding, or the extra windows of "ceil" rounding or outputSizes), the input is
first copied into a tensor of exactly the covered extent whose outside cells hold the
reduction's identity (`convolution.spread`): 0 for the sums, the type's lowest value
(-inf) for max, so a window made only of padding yields 0 or -inf like the reference.

The padding applies with or without outputSizes, as in `runtime/reference_ops/pooling.py`
(which follows WPT and the implementations, not the spec revision that zeroes it).

* maxPool2d: `max` in the input's own type (exact for every type; integers compare with
  their signedness).
* averagePool2d: a float64 sum (`accumulate_dtype`, as the reference), then a division by the number of *real* input cells in
  the window (padded cells are excluded, like the reference and ONNX's
  count_include_pad=0). Those counts depend only on the output position and are
  computed here: one constant divisor, or a constant [outH, outW] table when padding
  makes them differ.
* l2Pool2d: a float64 sum of squares, then its square root: it overflows only when
  the result does.

The sums are rounded once to the data type by the final element-wise generic.
"""

from __future__ import annotations


import numpy as np
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineMap

from dialects.webnn.ops.convolution import layout_dims
from dialects.webnn.types import TensorSpec

from .convolution import Loops, spread
from .emitter import Body, accumulate_dtype, lowest, select_map
from .framework import Call, lowering


def _window_counts(size: int, out: int, window: int, pad_begin: int, stride: int,
                   dilation: int) -> np.ndarray:
    """How many of each output position's window cells fall inside the input (one axis)."""
    taps = np.arange(out)[:, None] * stride + np.arange(window)[None, :] * dilation - pad_begin
    return ((taps >= 0) & (taps < size)).sum(axis=1)


def _reachable(stride: int, dilation: int, size: int, pad_begin: int) -> tuple[int, int]:
    """(stride, dilation) with neither above `size + pad_begin`: the same windows.

    A tap o * stride + j * dilation - pad_begin with o or j >= 1 lies beyond the input
    once the step is at least size + pad_begin, so any larger step reads exactly the same
    cells (only padding). "ceil" rounding and `outputSizes` allow a huge stride with two
    windows, and the covered extent (see the module doc) would be that large.
    """
    return min(stride, size + pad_begin), min(dilation, size + pad_begin)


def _pool(kind: str):
    def lower(c: Call) -> SSAValue:
        a, out, em = c.a, c.outs[0], c.em
        dt = out.dtype
        layout = a.layout
        x = layout_dims(a.input.shape, layout)
        y = layout_dims(out.shape, layout)
        kh, kw = a.windowDimensions if a.windowDimensions is not None else (x["h"], x["w"])
        pt, _, pl, _ = a.padding
        sh, dh = _reachable(a.strides[0], a.dilations[0], x["h"], pt)
        sw, dw = _reachable(a.strides[1], a.dilations[1], x["w"], pl)

        # Output loops in the output's memory order, then the window.
        output_loops = {"n": ("n", y["n"]), "c": ("c", y["c"]), "h": ("y", y["h"]),
                        "w": ("x", y["w"])}
        loops = Loops([(*output_loops[letter], "parallel") for letter in layout]
                      + [("kh", kh, "reduction"), ("kw", kw, "reduction")])
        e = loops.expr
        x_dims = {"n": e("n"), "c": e("c"), "h": e(("y", sh), ("kh", dh)),
                  "w": e(("x", sw), ("kw", dw))}
        out_dims = {"n": e("n"), "c": e("c"), "h": e("y"), "w": e("x")}
        out_map = loops.layout(out.shape, [out_dims[letter] for letter in layout])[1]

        # Every cell a window covers, the outside ones holding the identity (see module doc).
        sizes = [(y["h"] - 1) * sh + (kh - 1) * dh + 1, (y["w"] - 1) * sw + (kw - 1) * dw + 1]
        identity = lowest(dt) if kind == "max" else 0.0
        # An axis read through a plain loop (a 1-wide window, or a single window) must be
        # exactly that loop long (see `spread`).
        exact = [isinstance(x_dims[letter], AffineDimExpr) for letter in "hw"]
        xv, x_spec = spread(em, c.op.input, a.input, layout, sizes, (pt, pl), (1, 1), identity,
                            exact)
        x_map = loops.layout(x_spec.shape, [x_dims[letter] for letter in layout])[1]
        # The window loops appear in no operand as plain dimensions, and loop bounds are
        # read off operand shapes: a [kH, kW] constant the body ignores carries them, as
        # the window operand of MLIR's linalg.pooling_* ops does (LLVM drops its loads).
        window = (em.constant(np.zeros((kh, kw), np.uint8), TensorSpec((kh, kw), "uint8")),
                  loops.layout((kh, kw), [e("kh"), e("kw")])[1])
        inputs = [(xv, x_map), window]

        if kind == "max":
            start = em.fill(out, identity)
            return em.generic(inputs, [(start, out_map)], loops.iterators,
                              lambda b, v, _w, acc: b.max(acc, v, dt))[0]

        t = accumulate_dtype(dt)
        acc_spec = TensorSpec(out.shape, t)

        def step(b: Body, v, _w, acc):
            v = b.cast(v, dt, t)
            return b.add(acc, b.mul(v, v, t) if kind == "l2" else v, t)
        acc = em.generic(inputs, [(em.fill(acc_spec, 0.0), out_map)], loops.iterators,
                         step)[0]
        if kind == "l2":
            return em.elementwise([(acc, acc_spec)], out,
                                  lambda b, s: b.cast(b.sqrt(s), t, dt))

        # average: divide by the real cells per window (at least 1: an all-padding window
        # sums to 0 and stays 0).
        counts = np.outer(_window_counts(x["h"], y["h"], kh, pt, sh, dh),
                          _window_counts(x["w"], y["w"], kw, pl, sw, dw))
        counts = np.maximum(counts, 1).astype(np.float64)
        identity_map = AffineMap.identity(out.rank)
        if (counts == counts.flat[0]).all():
            divisor = float(counts.flat[0])
            return em.elementwise([(acc, acc_spec)], out,
                                  lambda b, s: b.cast(b.div(s, b.const(divisor, t), t), t, dt))
        table = em.constant(counts, TensorSpec(counts.shape, t))
        table_map = select_map(out.rank, [layout.index("h"), layout.index("w")])
        return em.generic([(acc, identity_map), (table, table_map)],
                          [(em.empty(out), identity_map)], ["parallel"] * out.rank,
                          lambda b, s, n, _o: b.cast(b.div(s, n, t), t, dt))[0]
    return lower


for _kind in ("average", "l2", "max"):
    lowering(f"{_kind}Pool2d")(_pool(_kind))

"""batchNormalization, instanceNormalization, layerNormalization -> linalg.generic.

batchNormalization gets its statistics as operands: it is one element-wise generic
reading `mean`, `variance`, `scale` and `bias` along the channel axis.

instance and layer normalization compute the statistics over `axes` first (two passes,
population variance), in small tensors shaped like the input with the reduced
dimensions set to 1:

    mean     = reduce(x) / n                   over axes
    sq       = reduce((x - mean)^2)            over axes
    inv_std  = 1 / sqrt(sq / n + epsilon)      (element-wise on the small tensor)
    y        = (x - mean) * inv_std * scale + bias

Everything runs in float64 (`accumulate_dtype`) and is rounded once to the data type,
as in the reference: two passes rather than E[x^2] - E[x]^2, which cancels
catastrophically when the mean is large against the spread, and float64 so that no
sum, square or difference of float32 data overflows (a group holding 3e38 and -3e38
normalizes to +-1, not NaN). `scale` and `bias` are read through maps that pick their
dimensions out of the input's iteration space (the channel, or `axes` in `axes` order
for layerNormalization), so they are never transposed or broadcast in memory.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import Body, accumulate_dtype, select_map
from .framework import Call, lowering
from .reduction import kept_shape, reduce, reduced_map, require_float

#: The working type of every normalization (see the module doc).
W = accumulate_dtype("float32")


def _optional(c: Call, name: str, amap: AffineMap) -> list[tuple[SSAValue, AffineMap]]:
    """[(operand, map)] for a given optional operand (scale, bias), [] when absent."""
    return [] if getattr(c.a, name) is None else [(getattr(c.op, name), amap)]


def _scale_and_bias(b: Body, y, rest: Sequence[SSAValue], c: Call, dt: str) -> SSAValue:
    """y * scale + bias (each only when given); `rest` holds their scalars in that order."""
    rest = list(rest)
    if c.a.scale is not None:
        y = b.mul(y, b.cast(rest.pop(0), dt, W), W)
    if c.a.bias is not None:
        y = b.add(y, b.cast(rest.pop(0), dt, W), W)
    return y


# ---------------------------------------------------------------------------- batchNormalization
@lowering("batchNormalization")
def _batch_normalization(c: Call) -> SSAValue:
    """(x - mean) / sqrt(variance + epsilon) * scale + bias, per channel along `axis`."""
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, rank = xs.dtype, xs.rank
    require_float(c, dt)
    channel = select_map(rank, [c.a.axis])
    inputs = [(x, AffineMap.identity(rank)), (c.op.mean, channel), (c.op.variance, channel),
              *_optional(c, "scale", channel), *_optional(c, "bias", channel)]

    def body(b: Body, v, mean, var, *rest):
        v, mean, var = b.cast(v, dt, W), b.cast(mean, dt, W), b.cast(var, dt, W)
        std = b.sqrt(b.add(var, b.const(c.a.epsilon, W), W))
        y = b.div(b.sub(v, mean, W), std, W)
        return b.cast(_scale_and_bias(b, y, rest[:-1], c, dt), W, dt)

    return c.em.generic(inputs, [(c.em.empty(out), AffineMap.identity(rank))],
                        ["parallel"] * rank, body)[0]


# ---------------------------------------------------------------------------- instance / layer
def _normalize(c: Call, axes: Sequence[int], param_map: AffineMap) -> SSAValue:
    """Normalize `c.op.input` over `axes` (see module doc); scale/bias via `param_map`."""
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, rank = xs.dtype, xs.rank
    require_float(c, dt)
    ident, stat_map = AffineMap.identity(rank), reduced_map(rank, axes, True)
    stat = TensorSpec(kept_shape(xs.shape, axes, True), W)
    n = math.prod(xs.shape[i] for i in axes)

    total = reduce(c.em, [(x, ident)], rank, axes, stat, True, 0.0,
                   lambda b, v, acc: b.add(acc, b.cast(v, dt, W), W))
    mean = c.em.elementwise([(total, stat)], stat,
                            lambda b, s: b.div(s, b.const(n, W), W))

    def add_square(b: Body, v, m, acc):
        d = b.sub(b.cast(v, dt, W), m, W)
        return b.add(acc, b.mul(d, d, W), W)
    squares = reduce(c.em, [(x, ident), (mean, stat_map)], rank, axes, stat, True,
                     0.0, add_square)

    def inverse_std(b: Body, sq):
        var = b.div(sq, b.const(n, W), W)
        std = b.sqrt(b.add(var, b.const(c.a.epsilon, W), W))
        return b.div(b.const(1.0, W), std, W)
    inv_std = c.em.elementwise([(squares, stat)], stat, inverse_std)

    inputs = [(x, ident), (mean, stat_map), (inv_std, stat_map),
              *_optional(c, "scale", param_map), *_optional(c, "bias", param_map)]

    def body(b: Body, v, m, inv, *rest):
        y = b.mul(b.sub(b.cast(v, dt, W), m, W), inv, W)
        return b.cast(_scale_and_bias(b, y, rest[:-1], c, dt), W, dt)

    return c.em.generic(inputs, [(c.em.empty(out), ident)], ["parallel"] * rank, body)[0]


@lowering("instanceNormalization")
def _instance_normalization(c: Call) -> SSAValue:
    """Per (batch, channel) over the two spatial dimensions of `layout`."""
    channel = c.a.layout.index("c")
    spatial = (2, 3) if channel == 1 else (1, 2)
    return _normalize(c, spatial, select_map(4, [channel]))


@lowering("layerNormalization")
def _layer_normalization(c: Call) -> SSAValue:
    """Over `axes` (default: all but the first); scale/bias indexed in `axes` order."""
    rank = c.a.input.rank
    axes = tuple(range(1, rank)) if c.a.axes is None else tuple(c.a.axes)
    return _normalize(c, axes, select_map(rank, list(axes)))

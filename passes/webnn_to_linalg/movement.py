"""Movement ops -> views and copying `linalg.generic`s.

Most of these ops only move elements, and the move is an affine function of the output
position, so it lives in the generic's indexing maps and the body just yields the input
scalar:

    transpose  out[i, j]      = in[j, i]                 input map (d1, d0)
    slice      out[i]         = in[start + stride * i]   input map (d0 * s + b)
    split      piece_k[.., i] = in[.., offset_k + i]     input map (.., d + offset_k)
    reverse    out[i]         = in[n - 1 - i]            input map (d0 * -1 + n - 1)
    tile       out[i]         = in[i mod n]              input map (d0 mod n)
    expand     out[i, j]      = in[0, j]                 broadcast map
    concat     out[.., offset_k + i] = in_k[.., i]       one generic per input, each
               writing its slab into the previous one's result (see `_concat`)

`reshape` is a view (no data moves). Ops whose source position is not affine (pad's
edge and reflection modes, resample2d's interpolation) compute it from `linalg.index`
in the body and read the input with a `tensor.extract` at an index that is in bounds by
construction. `where`, `cast` and `triangular` are element-wise.
"""

from __future__ import annotations

import numpy as np
from xdsl.dialects import arith, math as mathd
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import Body, int_range, is_float, number_value, select_map
from .framework import Call, lowering


def _dims(rank: int) -> list[AffineExpr]:
    return [AffineExpr.dimension(k) for k in range(rank)]


def _copy(c: Call, source: SSAValue, source_exprs, out: TensorSpec, *,
          init: SSAValue | None = None, out_exprs=None, unit: bool = False) -> SSAValue:
    """A generic that yields `source` read at `source_exprs`, written at `out_exprs`
    (default: the identity over `out`) into `init` (default: a fresh tensor).

    Each loop takes its bound from an operand dimension its map reads bare (`d1`), and
    the linalg verifier wants such a dimension to be exactly the loop's extent. A window
    starting at 0 but shorter than its dimension (the first slab of a concat, the first
    piece of a split) is therefore written `d + u`, where `u` (dimension number `rank`,
    with `unit=True`) is an extra loop of extent 1, bounded by a trailing size-1
    dimension of a view of `source`. A `d + 0` would not do: it folds back to `d`.
    """
    out_exprs = _dims(out.rank) if out_exprs is None else list(out_exprs)
    rank = len(out_exprs)
    loops = rank + 1 if unit else rank
    source_exprs = list(source_exprs)
    if unit:  # (the source has the output's data type in every op here)
        shape = (*source.type.get_shape(), 1)
        source = c.em.reshape(source, TensorSpec(shape, out.dtype))
        source_exprs.append(AffineExpr.dimension(rank))
    init = c.em.empty(out) if init is None else init
    return c.em.generic([(source, AffineMap(loops, 0, tuple(source_exprs)))],
                        [(init, AffineMap(loops, 0, tuple(out_exprs)))],
                        ["parallel"] * loops, lambda b, x, _o: x)[0]


# ---------------------------------------------------------------------------- views
@lowering("reshape")
def _reshape(c: Call):
    return c.em.reshape(c.op.input, c.outs[0])


@lowering("expand")
def _expand(c: Call):
    return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0], lambda b, x: x)


# ---------------------------------------------------------------------------- affine copies
@lowering("transpose")
def _transpose(c: Call):
    rank = c.a.input.rank
    perm = tuple(reversed(range(rank))) if c.a.permutation is None else c.a.permutation
    # Output dimension i is input dimension perm[i]: input dimension k is read at the
    # loop index of the output dimension that came from it.
    inverse = [0] * rank
    for i, p in enumerate(perm):
        inverse[p] = i
    return _copy(c, c.op.input, [AffineExpr.dimension(k) for k in inverse], c.outs[0])


@lowering("slice")
def _slice(c: Call):
    shape, out = c.a.input.shape, c.outs[0]
    rank = len(shape)
    strides = (1,) * rank if c.a.strides is None else c.a.strides
    u = AffineExpr.dimension(rank)  # the unit loop of `_copy`
    exprs, unit = [], False
    for d, n, m, b, s in zip(_dims(rank), shape, out.shape, c.a.starts, strides):
        if s != 1:
            exprs.append(d * s + b)
        elif b:
            exprs.append(d + b)
        elif m != n:
            exprs.append(d + u)
            unit = True
        else:
            exprs.append(d)
    return _copy(c, c.op.input, exprs, out, unit=unit)


def _window(rank: int, axis: int, offset: int, partial: bool) -> list[AffineExpr]:
    """The identity with `axis` shifted by `offset`: where a slab of a concat or a
    piece of a split sits in the whole. A `partial` window at offset 0 (shorter than
    the whole) adds the unit loop of `_copy` instead."""
    exprs = _dims(rank)
    if offset:
        exprs[axis] = exprs[axis] + offset
    elif partial:
        exprs[axis] = exprs[axis] + AffineExpr.dimension(rank)
    return exprs


@lowering("split")
def _split(c: Call):
    rank, axis, dim = c.a.input.rank, c.a.axis, c.a.input.shape[c.a.axis]
    pieces, offset = [], 0
    for out in c.outs:
        partial = out.shape[axis] != dim
        pieces.append(_copy(c, c.op.input, _window(rank, axis, offset, partial), out,
                            unit=partial and not offset))
        offset += out.shape[axis]
    return pieces


@lowering("concat")
def _concat(c: Call):
    """One generic per input, each writing its slab of the output.

    The first writes into a fresh tensor, each later one into the previous result (its
    only use), which bufferize updates in place: the output is written once, slab by
    slab, with no select and no extract per element. Loop bounds come from the input
    (its map is the identity); the output map shifts the axis by the slab's offset.
    (When the concat is a graph output, bufferize still copies the slabs written so far
    into the output buffer before the last one: it only writes in place forward.)
    """
    rank, axis, out = c.outs[0].rank, c.a.axis, c.outs[0]
    result, offset = c.em.empty(out), 0
    for value, spec in zip(c.op.inputs, c.a.inputs, strict=True):
        partial = spec.shape[axis] != out.shape[axis]
        result = _copy(c, value, _dims(rank), out, init=result,
                       out_exprs=_window(rank, axis, offset, partial),
                       unit=partial and not offset)
        offset += spec.shape[axis]
    return result


@lowering("reverse")
def _reverse(c: Call):
    shape = c.a.input.shape
    axes = range(len(shape)) if c.a.axes is None else c.a.axes
    exprs = tuple(d * -1 + (shape[k] - 1) if k in axes and shape[k] > 1 else d
                  for k, d in enumerate(_dims(len(shape))))
    return _copy(c, c.op.input, exprs, c.outs[0])


@lowering("tile")
def _tile(c: Call):
    shape = c.a.input.shape
    exprs = []
    for d, n, r in zip(_dims(len(shape)), shape, c.a.repetitions):
        if r == 1:
            exprs.append(d)
        elif n == 1:
            exprs.append(AffineExpr.constant(0))  # repeating one element: a broadcast
        else:
            exprs.append(d % n)
    return _copy(c, c.op.input, exprs, c.outs[0])


# ---------------------------------------------------------------------------- element-wise
@lowering("where")
def _where(c: Call):
    return c.em.elementwise(
        [(c.op.condition, c.a.condition), (c.op.trueValue, c.a.trueValue),
         (c.op.falseValue, c.a.falseValue)], c.outs[0],
        lambda b, cond, t, f: b.select(b.truthy(cond), t, f))


@lowering("cast")
def _cast(c: Call):
    src, dst = c.a.input.dtype, c.outs[0].dtype
    return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0],
                            lambda b, x: b.cast(x, src, dst))


@lowering("triangular")
def _triangular(c: Call):
    """Keep x where col - row >= diagonal (upper) or <= diagonal (lower), else 0."""
    dt, rank = c.a.input.dtype, c.a.input.rank
    keep_pred = "sge" if c.a.upper else "sle"

    def body(b: Body, x):
        row, col = b.index(rank - 2), b.index(rank - 1)
        offset = b.index_arith(arith.SubiOp, col, row)
        keep = b.emit(arith.CmpiOp(offset, b.index_const(c.a.diagonal), keep_pred))
        return b.select(keep, x, b.const(0, dt))
    return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0], body)


# ---------------------------------------------------------------------------- pad
def _clamp_index(b: Body, i: SSAValue, lo: int, hi: int) -> SSAValue:
    """min(max(i, lo), hi) on index values."""
    i = b.index_arith(arith.MaxSIOp, i, b.index_const(lo))
    return b.index_arith(arith.MinSIOp, i, b.index_const(hi))


@lowering("pad")
def _pad(c: Call):
    """One generic over the output; each output position reads one input element.

    Along a padded dimension the output index i maps to j = i - begin; "edge" clamps j
    into [0, n), "reflection" mirrors it once about 0 and n - 1 (the shape rule keeps
    every padding below n, so one mirror lands in range), and "constant" clamps j for
    the read and selects `value` where j was outside. Unpadded dimensions read at i.
    """
    spec, mode = c.a.input, c.a.mode
    rank, dt = spec.rank, spec.dtype
    begins, ends = c.a.beginningPadding, c.a.endingPadding
    value = number_value(c.a.value, dt) if mode == "constant" else None

    def body(b: Body, _out):
        indices, inside = [], None
        for k, (n, lo, hi) in enumerate(zip(spec.shape, begins, ends)):
            i = b.index(k)
            if not lo and not hi:
                indices.append(i)
                continue
            j = b.index_arith(arith.SubiOp, i, b.index_const(lo)) if lo else i
            if mode == "reflection":
                j = b.index_arith(arith.MaxSIOp, j, b.index_arith(
                    arith.SubiOp, b.index_const(0), j))                # |j|
                mirrored = b.index_arith(arith.SubiOp, b.index_const(2 * (n - 1)), j)
                j = b.index_arith(arith.MinSIOp, j, mirrored)          # 2(n-1) - j past the end
            elif mode == "constant":
                ok = b.emit(arith.CmpiOp(j, b.index_const(n), "ult"))  # 0 <= j < n
                inside = ok if inside is None else b.emit(arith.AndIOp(inside, ok))
            indices.append(_clamp_index(b, j, 0, n - 1))
        x = b.extract(c.op.input, indices)
        if inside is not None:
            x = b.select(inside, x, b.const(value, dt))
        return x
    out = c.outs[0]
    return c.em.generic([], [(c.em.empty(out), AffineMap.identity(rank))],
                        ["parallel"] * rank, body)[0]


# ---------------------------------------------------------------------------- resample2d
def _resample_tables(in_size: int, out_size: int, scale: float):
    """Half-pixel source coordinates of each output index along one axis, as the
    reference computes them: src = (o + 0.5) / scale - 0.5 clamped to [0, in - 1]."""
    src = (np.arange(out_size, dtype=np.float64) + 0.5) / scale - 0.5
    return np.clip(src, 0.0, in_size - 1)


@lowering("resample2d")
def _resample2d(c: Call):
    """Source rows/columns and weights are compile-time tables (constants) read through
    maps on the two resized dimensions; the body extracts the input at them.

    The scales are the float32 values of the op's `scales` (see `Resample2dOp`).
    Nearest takes ceil(src - 0.5). Linear interpolates axes[0] then axes[1] with f32
    weights on float data (the spec's tolerance for linear is 84 ULP); integer inputs
    interpolate in f64, operation for operation as the reference does, then round to
    nearest even and saturate, so both engines give the same integers. Every table
    entry lies in [0, in - 1] by construction, so the extracts are in bounds.
    """
    spec, out = c.a.input, c.outs[0]
    dt, rank = spec.dtype, spec.rank
    axes = tuple(c.a.axes)
    tables = []
    for axis in axes:
        n, m = spec.shape[axis], out.shape[axis]
        # outputSize / inputSize even when scales are given (spec #816).
        tables.append(_resample_tables(n, m, m / n))
    identity = AffineMap.identity(rank)

    def table(array, dtype, axis):
        t = TensorSpec((array.shape[0],), dtype)
        return c.em.constant(array, t), select_map(rank, [axis])

    def reader(b: Body):
        """read(row, col): the input at this output position with the two resized
        dimensions replaced by the given (in-bounds) indices."""
        at = [None if k in axes else b.index(k) for k in range(rank)]

        def read(row: SSAValue, col: SSAValue) -> SSAValue:
            at[axes[0]], at[axes[1]] = row, col
            return b.extract(c.op.input, at)
        return read

    if c.a.mode == "nearest-neighbor":
        inputs = [table(np.ceil(src - 0.5).astype(np.int64), "int64", axis)
                  for src, axis in zip(tables, axes)]

        def nearest(b: Body, row, col, _out):
            return reader(b)(b.to_index(row, "int64"), b.to_index(col, "int64"))
        return c.em.generic(inputs, [(c.em.empty(out), identity)], ["parallel"] * rank,
                            nearest)[0]

    f32 = "float32" if is_float(dt) else "float64"  # the interpolation's working type
    inputs = []
    for src, axis in zip(tables, axes):
        lo = np.floor(src).astype(np.int64)
        inputs += [table(lo, "int64", axis), table(np.ceil(src).astype(np.int64), "int64", axis),
                   table(src - lo, f32, axis)]

    def linear(b: Body, lo0, hi0, f0, lo1, hi1, f1, _out):
        one = b.const(1.0, f32)
        rows = (b.to_index(lo0, "int64"), b.to_index(hi0, "int64"))
        cols = (b.to_index(lo1, "int64"), b.to_index(hi1, "int64"))

        extract = reader(b)

        def read(row, col):
            return b.cast(extract(row, col), dt, f32)

        g0, g1 = b.sub(one, f0, f32), b.sub(one, f1, f32)

        def lerp(p, q, g, f):  # p * (1 - f) + q * f
            return b.add(b.mul(p, g, f32), b.mul(q, f, f32), f32)

        # Along axes[0] first, then axes[1], like the reference.
        left = lerp(read(rows[0], cols[0]), read(rows[1], cols[0]), g0, f0)
        right = lerp(read(rows[0], cols[1]), read(rows[1], cols[1]), g0, f0)
        y = lerp(left, right, g1, f1)
        if is_float(dt):
            return b.down(y, dt)
        # uint8 / int8 (the only integer types the op takes): round, then saturate.
        least, most = (float(v) for v in int_range(dt))
        y = b.emit(mathd.RoundEvenOp(y))
        y = b.min(b.max(y, b.const(least, f32), f32), b.const(most, f32), f32)
        return b.cast(y, f32, dt)
    return c.em.generic(inputs, [(c.em.empty(out), identity)], ["parallel"] * rank,
                        linear)[0]


"""Shape and data movement: reshape ... triangular, where, cast and resample2d."""

from __future__ import annotations

import math

import numpy as np

from ._common import (
    ACCUMULATE,
    NUMPY_DTYPES,
    OpFn,
    cast_scalar,
    fail,
    finish,
    ints,
    is_float,
    is_int,
    normalize_axis,
    operand,
    opt,
)


def _x(operands) -> np.ndarray:
    return operand(operands, "input")


def _reshape(operands, options):
    x = _x(operands)
    shape = ints(opt(options, "newShape", ()))
    if int(np.prod(shape, dtype=np.int64)) != x.size:
        fail(f"reshape: cannot reshape {x.shape} to {shape}")
    return [finish(x.reshape(shape), x.dtype)]


def _expand(operands, options):
    x = _x(operands)
    # Unidirectional broadcast: the output shape is exactly newShape.
    return [finish(np.broadcast_to(x, ints(opt(options, "newShape", ()))), x.dtype)]


def _transpose(operands, options):
    x = _x(operands)
    perm = opt(options, "permutation")
    perm = tuple(reversed(range(x.ndim))) if perm is None else ints(perm)
    return [finish(np.transpose(x, perm), x.dtype)]


def _concat(operands, options):
    inputs = operand(operands, "inputs")
    if not isinstance(inputs, (list, tuple)) or not inputs:
        fail("concat: inputs must be a non-empty list")
    inputs = [np.asarray(v) for v in inputs]
    axis = normalize_axis(opt(options, "axis", 0), inputs[0].ndim)
    return [finish(np.concatenate(inputs, axis=axis), inputs[0].dtype)]


def _split(operands, options):
    x = _x(operands)
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    splits = options.get("splits")
    if splits is None:
        fail("split: the splits argument is required")
    if isinstance(splits, (int, np.integer)):
        if x.shape[axis] % int(splits):
            fail(f"split: {splits} does not divide dimension {x.shape[axis]}")
        parts = np.split(x, int(splits), axis=axis)
    else:
        sizes = ints(splits)
        if sum(sizes) != x.shape[axis]:
            fail(f"split: sizes {sizes} do not sum to {x.shape[axis]}")
        parts = np.split(x, np.cumsum(sizes)[:-1], axis=axis)
    return [finish(p, x.dtype) for p in parts]


def _slice(operands, options):
    x = _x(operands)
    starts = ints(opt(options, "starts", ()))
    sizes = ints(opt(options, "sizes", ()))
    strides = ints(opt(options, "strides", (1,) * x.ndim))
    if not len(starts) == len(sizes) == len(strides) == x.ndim:
        fail("slice: starts/sizes/strides must have one entry per dimension")
    index = tuple(slice(b, b + n, s) for b, n, s in zip(starts, sizes, strides))
    return [finish(x[index], x.dtype)]


def _tile(operands, options):
    x = _x(operands)
    reps = ints(opt(options, "repetitions", ()))
    if len(reps) != x.ndim:
        fail("tile: one repetition per dimension is required")
    return [finish(np.tile(x, reps), x.dtype)]


def _pad(operands, options):
    x = _x(operands)
    begin = ints(opt(options, "beginningPadding", ()))
    end = ints(opt(options, "endingPadding", ()))
    if not len(begin) == len(end) == x.ndim:
        fail("pad: one padding per dimension is required")
    widths = list(zip(begin, end))
    mode = opt(options, "mode", "constant")
    if mode == "constant":
        value = cast_scalar(opt(options, "value", 0), x.dtype)
        out = np.pad(x, widths, mode="constant", constant_values=value)
    elif mode == "edge":
        out = np.pad(x, widths, mode="edge")
    elif mode == "reflection":  # mirror without repeating the edge value
        out = np.pad(x, widths, mode="reflect")
    else:
        fail(f"pad: unknown mode {mode!r}")
    return [finish(out, x.dtype)]


def _reverse(operands, options):
    x = _x(operands)
    axes = options.get("axes")
    axes = tuple(range(x.ndim)) if axes is None else tuple(
        normalize_axis(a, x.ndim) for a in axes)
    return [finish(np.flip(x, axis=axes) if axes else x, x.dtype)]


def _triangular(operands, options):
    x = _x(operands)
    if x.ndim < 2:
        fail("triangular: input rank must be >= 2")
    rows, cols = x.shape[-2:]
    # Keeps the upper (col - row >= k) or lower (col - row <= k) triangle of the
    # last two dimensions, zeroing the rest. col - row lies in [-rows, cols], so a
    # diagonal beyond that range (any int64 is valid) acts like its end of the range.
    k = min(max(int(opt(options, "diagonal", 0)), -rows), cols)
    out = np.triu(x, k) if opt(options, "upper", True) else np.tril(x, k)
    return [finish(out, x.dtype)]


# -------------------------------------------------------------------- where and cast

def _cast(operands, options):
    x = _x(operands)
    name = opt(options, "dataType", opt(options, "type"))
    if name not in NUMPY_DTYPES:
        fail(f"cast: unknown dataType {name!r}")
    target = NUMPY_DTYPES[name]
    # The rules of `CastOp` (the spec leaves out-of-range casts open): float -> int
    # truncates toward zero and saturates, NaN gives 0; int -> narrower int wraps
    # modulo 2**bits; conversions to a float type round to nearest even (beyond its
    # range: +-inf).
    if is_int(target) and is_float(x.dtype):
        return [_float_to_int(x, target)]
    return [finish(x, target)]


def _float_to_int(x: np.ndarray, target: np.dtype) -> np.ndarray:
    """Saturating float -> integer conversion (NaN -> 0), exact for every float."""
    info = np.iinfo(target)
    # Every float is exact in float64, and so are the bounds' neighbours 2**k.
    t = np.trunc(x.astype(np.float64))
    too_low = t < float(info.min)
    too_high = t >= 2.0 ** (info.bits - (1 if info.min < 0 else 0))
    nan = np.isnan(t)
    inside = np.where(too_low | too_high | nan, 0.0, t).astype(target)
    out = np.where(too_low, info.min, np.where(too_high, info.max, inside))
    return finish(out, target)


def _where(operands, options):
    cond = operand(operands, "condition")
    t = operand(operands, "trueValue")
    f = operand(operands, "falseValue").astype(t.dtype)
    return [finish(np.where(cond != 0, t, f), t.dtype)]


def _resample_axis(x: np.ndarray, axis: int, out_size: int, scale: float, mode: str):
    """Resize one axis with half-pixel mapping: src = (dst + 0.5) / scale - 0.5,
    clamped to [0, in - 1]; nearest takes ceil(src - 0.5), linear interpolates."""
    in_size = x.shape[axis]
    src = (np.arange(out_size, dtype=np.float64) + 0.5) / scale - 0.5
    src = np.clip(src, 0.0, in_size - 1)
    if mode == "nearest-neighbor":
        idx = np.ceil(src - 0.5).astype(np.int64)
        return np.take(x, idx, axis=axis)
    lo = np.floor(src).astype(np.int64)
    hi = np.ceil(src).astype(np.int64)
    frac = src - lo
    shape = [1] * x.ndim
    shape[axis] = out_size
    frac = frac.reshape(shape)
    return np.take(x, lo, axis=axis) * (1.0 - frac) + np.take(x, hi, axis=axis) * frac


def _resample2d(operands, options):
    x = operand(operands, "input")
    mode = opt(options, "mode", "nearest-neighbor")
    if mode not in ("nearest-neighbor", "linear"):
        fail(f"resample2d: unknown mode {mode!r}")
    axes = [normalize_axis(a, x.ndim) for a in opt(options, "axes", (2, 3))]
    sizes = options.get("sizes")
    if sizes is not None:
        out = [int(v) for v in sizes]
    else:
        # `scales` is a sequence<float>: each scale is rounded to float32 before the
        # product (as the verifier does), e.g. 10 * 0.7 gives 6, not 7.
        scales = [float(np.float32(s)) for s in opt(options, "scales", (1.0, 1.0))]
        out = [int(math.floor(x.shape[a] * s)) for a, s in zip(axes, scales)]
    if len(axes) != 2 or min(out) <= 0:
        fail("resample2d: bad axes or output size")
    # The coordinate map uses outputSize / inputSize even when `scales` is given (spec
    # #816): with scales [1.5] a size-5 axis becomes 7 and maps with 7/5, not 1.5.
    scales = [o / x.shape[a] for o, a in zip(out, axes)]
    work = x.astype(ACCUMULATE) if mode == "linear" else x
    # Bilinear interpolation is separable: resizing one axis after the other gives
    # the same weights (1-u)(1-v), (1-u)v, u(1-v), uv as the 2-D formula.
    for axis, size, scale in zip(axes, out, scales):
        work = _resample_axis(work, axis, size, scale, mode)
    if mode == "linear" and not is_float(x.dtype):
        # Integer (u8/i8) linear resampling: round to nearest and saturate.
        info = np.iinfo(x.dtype)
        work = np.clip(np.rint(work), info.min, info.max)
    return [finish(work, x.dtype)]


#: The movement family: spec op name -> implementation.
OPS: dict[str, OpFn] = {
    "reshape": _reshape,
    "expand": _expand,
    "transpose": _transpose,
    "concat": _concat,
    "split": _split,
    "slice": _slice,
    "tile": _tile,
    "pad": _pad,
    "reverse": _reverse,
    "triangular": _triangular,
    "cast": _cast,
    "where": _where,
    "resample2d": _resample2d,
}

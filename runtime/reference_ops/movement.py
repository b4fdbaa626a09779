"""Shape and data movement (reshape ... triangular) and gather/scatter indexing."""

from __future__ import annotations

import numpy as np

from ._common import (
    OpFn,
    cast_scalar,
    fail,
    finish,
    ints,
    normalize_axis,
    operand,
    opt,
)

OPS: dict[str, OpFn] = {}


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


OPS.update(reshape=_reshape, expand=_expand, transpose=_transpose, concat=_concat,
           split=_split, slice=_slice, tile=_tile, pad=_pad, reverse=_reverse,
           triangular=_triangular)


# ------------------------------------------------------------------ gather / scatter

def _clamp_index(indices: np.ndarray, dim: int) -> np.ndarray:
    """Valid indices are [-dim, dim); negatives count from the end. Indices are
    runtime data, so out-of-range values are clamped into range (spec note; WPT
    expects dim - 1 for too-large and 0 for too-negative indices)."""
    idx = indices.astype(np.int64)
    idx = np.where(idx < 0, idx + dim, idx)
    return np.clip(idx, 0, dim - 1)


def _gather(operands, options):
    x, indices = _x(operands), operand(operands, "indices")
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    idx = _clamp_index(indices, x.shape[axis])
    return [finish(np.take(x, idx, axis=axis), x.dtype)]


def _gather_elements(operands, options):
    x, indices = _x(operands), operand(operands, "indices")
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    if indices.ndim != x.ndim:
        fail("gatherElements: indices must have the input's rank")
    idx = _clamp_index(indices, x.shape[axis])
    return [finish(np.take_along_axis(x, idx, axis=axis), x.dtype)]


def _nd_index(x: np.ndarray, indices: np.ndarray) -> tuple[np.ndarray, ...]:
    k = indices.shape[-1]
    if indices.ndim < 1 or k > x.ndim:
        fail("gatherND/scatterND: indices.shape[-1] must be <= input rank")
    return tuple(_clamp_index(indices[..., j], x.shape[j]) for j in range(k))


def _gather_nd(operands, options):
    x, indices = _x(operands), operand(operands, "indices")
    return [finish(x[_nd_index(x, indices)], x.dtype)]


def _scatter_elements(operands, options):
    x, indices = _x(operands), operand(operands, "indices")
    updates = operand(operands, "updates").astype(x.dtype)
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    out = x.copy()
    # Duplicate indices: the last update in row-major order wins (not portable).
    np.put_along_axis(out, _clamp_index(indices, x.shape[axis]), updates, axis=axis)
    return [finish(out, x.dtype)]


def _scatter_nd(operands, options):
    x, indices = _x(operands), operand(operands, "indices")
    updates = operand(operands, "updates").astype(x.dtype)
    out = x.copy()
    out[_nd_index(x, indices)] = updates
    return [finish(out, x.dtype)]


OPS.update(gather=_gather, gatherElements=_gather_elements, gatherND=_gather_nd,
           scatterElements=_scatter_elements, scatterND=_scatter_nd)

"""gather, gatherElements, gatherND, scatterElements and scatterND."""

from __future__ import annotations

import numpy as np

from ._common import OpFn, fail, finish, normalize_axis, operand, opt


def _clamp_index(indices: np.ndarray, dim: int) -> np.ndarray:
    """Valid indices are [-dim, dim); negatives count from the end. Indices are
    runtime data, so out-of-range values are clamped into range (spec note; WPT
    expects dim - 1 for too-large and 0 for too-negative indices)."""
    idx = indices.astype(np.int64)
    idx = np.where(idx < 0, idx + dim, idx)
    return np.clip(idx, 0, dim - 1)


def _gather(operands, options):
    x, indices = operand(operands, "input"), operand(operands, "indices")
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    idx = _clamp_index(indices, x.shape[axis])
    return [finish(np.take(x, idx, axis=axis), x.dtype)]


def _gather_elements(operands, options):
    x, indices = operand(operands, "input"), operand(operands, "indices")
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
    x, indices = operand(operands, "input"), operand(operands, "indices")
    return [finish(x[_nd_index(x, indices)], x.dtype)]


def _scatter_elements(operands, options):
    x, indices = operand(operands, "input"), operand(operands, "indices")
    updates = operand(operands, "updates").astype(x.dtype)
    axis = normalize_axis(opt(options, "axis", 0), x.ndim)
    out = x.copy()
    # Duplicate indices: the last update in row-major order wins (not portable).
    np.put_along_axis(out, _clamp_index(indices, x.shape[axis]), updates, axis=axis)
    return [finish(out, x.dtype)]


def _scatter_nd(operands, options):
    x, indices = operand(operands, "input"), operand(operands, "indices")
    updates = operand(operands, "updates").astype(x.dtype)
    out = x.copy()
    out[_nd_index(x, indices)] = updates
    return [finish(out, x.dtype)]


#: The indexing family: spec op name -> implementation.
OPS: dict[str, OpFn] = {
    "gather": _gather,
    "gatherElements": _gather_elements,
    "gatherND": _gather_nd,
    "scatterElements": _scatter_elements,
    "scatterND": _scatter_nd,
}

"""The ten reductions, argMin/argMax and cumulativeSum."""

from __future__ import annotations

import math

import numpy as np

from ._common import (
    ACCUMULATE,
    NUMPY_DTYPES,
    OpFn,
    fail,
    finish,
    is_float,
    normalize_axis,
    operand,
    opt,
    ordered,
)

OPS: dict[str, OpFn] = {}


def _axes(x: np.ndarray, options) -> tuple[int, ...]:
    axes = options.get("axes")
    if axes is None:  # absent: reduce every dimension
        return tuple(range(x.ndim))
    axes = tuple(normalize_axis(a, x.ndim) for a in axes)  # empty: no reduction
    if len(set(axes)) != len(axes):
        fail(f"reduction: duplicate axes {axes}")
    return axes


def _logsumexp(v: np.ndarray, axes, keep: bool) -> np.ndarray:
    m = np.max(v, axis=axes, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    out = np.log(np.sum(np.exp(v - m), axis=axes, keepdims=True)) + m
    return out if keep else np.squeeze(out, axis=axes)


def _sum(v: np.ndarray, axes, keep: bool) -> np.ndarray:
    return ordered(np.cumsum, v, axes, keep)


def _mean(v: np.ndarray, axes, keep: bool) -> np.ndarray:
    return _sum(v, axes, keep) / math.prod(v.shape[a] for a in axes)


# Float formulas, evaluated in float64 on (values, axes, keepDimensions), each sum in
# the compiled kernels' order (see `ordered`).
_FLOAT = {
    "reduceL1": lambda v, a, k: _sum(np.abs(v), a, k),
    "reduceL2": lambda v, a, k: np.sqrt(_sum(v * v, a, k)),
    "reduceLogSum": lambda v, a, k: np.log(_sum(v, a, k)),
    "reduceLogSumExp": _logsumexp,
    "reduceMean": _mean,
    "reduceProduct": lambda v, a, k: ordered(np.cumprod, v, a, k),
    "reduceSum": _sum,
    "reduceSumSquare": lambda v, a, k: _sum(v * v, a, k),
}


def _int_mean(x: np.ndarray, axes, keep: bool) -> np.ndarray:
    wide = np.dtype(np.int64 if x.dtype.kind == "i" else np.uint64)
    total = np.sum(x, axis=axes, keepdims=keep, dtype=wide)
    count = math.prod(x.shape[a] for a in axes)
    q = total // count
    if wide.kind == "i":  # round toward zero, like integer div
        q = q + ((total % count != 0) & (total < 0)).astype(wide)
    return q


# Integer formulas: kept in the integer type (sums wrap modulo 2**bits like C).
_INT = {
    "reduceL1": lambda x, a, k: np.sum(np.abs(x), axis=a, keepdims=k, dtype=x.dtype),
    "reduceMean": _int_mean,
    "reduceProduct": lambda x, a, k: np.prod(x, axis=a, keepdims=k, dtype=x.dtype),
    "reduceSum": lambda x, a, k: np.sum(x, axis=a, keepdims=k, dtype=x.dtype),
    "reduceSumSquare": lambda x, a, k: np.sum(x * x, axis=a, keepdims=k, dtype=x.dtype),
}


def _reduction(name: str):
    def impl(operands, options):
        x = operand(operands, "input")
        axes = _axes(x, options)
        keep = bool(opt(options, "keepDimensions", False))
        if name in ("reduceMax", "reduceMin"):
            fn = np.max if name == "reduceMax" else np.min
            out = fn(x, axis=axes, keepdims=keep) if x.size else x
            return [finish(out, x.dtype)]
        if not is_float(x.dtype) and name in _INT:
            return [finish(_INT[name](x, axes, keep), x.dtype)]
        # Float inputs, and integer inputs of the float-only reductions (L2, LogSum,
        # LogSumExp: outside the spec's type table) via float64.
        return [finish(_FLOAT[name](x.astype(ACCUMULATE), axes, keep), x.dtype)]
    return impl


for _name in ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax",
              "reduceMean", "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare"):
    OPS[_name] = _reduction(_name)


def _arg(fn):
    def impl(operands, options):
        x = operand(operands, "input")
        if x.ndim < 1:
            fail("argMin/argMax: input rank must be >= 1")
        axis = normalize_axis(opt(options, "axis", 0), x.ndim)
        keep = bool(opt(options, "keepDimensions", False))
        out_type = opt(options, "outputDataType", "int32")
        if out_type not in ("int32", "int64"):
            fail(f"argMin/argMax: outputDataType must be int32 or int64, got {out_type!r}")
        # numpy returns the first index among ties, as the spec requires.
        return [finish(fn(x, axis=axis, keepdims=keep), NUMPY_DTYPES[out_type])]
    return impl


OPS["argMax"] = _arg(np.argmax)
OPS["argMin"] = _arg(np.argmin)


def _log_step_scan(v: np.ndarray) -> np.ndarray:
    """Inclusive prefix sums along the last axis in log-step order (`CumulativeSumOp`):
    round k adds to each element the partial sum 2**k places before it."""
    shift, n = 1, v.shape[-1]
    while shift < n:
        v = np.concatenate([v[..., :shift], v[..., shift:] + v[..., :-shift]], axis=-1)
        shift *= 2
    return v


def _cumulative_sum(operands, options):
    x = operand(operands, "input")
    if "axis" not in options or options["axis"] is None:
        fail("cumulativeSum: the axis argument is required")
    axis = normalize_axis(options["axis"], x.ndim)
    work = np.moveaxis(x.astype(ACCUMULATE) if is_float(x.dtype) else x, axis, -1)
    backward = bool(opt(options, "reversed", False))
    if backward:
        work = np.flip(work, axis=-1)
    if opt(options, "exclusive", False):
        # Shift by one along the axis first: out[i] = sum of the elements before i.
        head = np.zeros(work.shape[:-1] + (1,), dtype=work.dtype)
        work = np.concatenate([head, work[..., :-1]], axis=-1)
    out = _log_step_scan(work)  # (integers wrap: any order gives the same sums)
    if backward:
        out = np.flip(out, axis=-1)
    return [finish(np.moveaxis(out, -1, axis), x.dtype)]


OPS["cumulativeSum"] = _cumulative_sum

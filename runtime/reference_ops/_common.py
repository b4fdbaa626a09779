"""Helpers shared by the reference op families: data types, precision policy, options.

Precision policy (see the `runtime.reference` docstring for the why):

* float16 operands are never computed in half precision. Element-wise math runs in
  float32 and the result is rounded once to float16; accumulating ops (matmul, conv,
  pooling, normalization, reductions, softmax, cumulativeSum, recurrent cells) run in
  float64.
* float32 operands use float32 for the correctly rounded IEEE operations (+ - * / min
  max abs neg, comparisons, selections), and float64 for transcendental functions and
  every accumulation, so the reference is at least as accurate as any implementation.
* Integer operands of integer ops stay integer end to end (numpy wraps on overflow,
  like C), so int64/uint64 stay exact beyond 2**53. Only ops the spec defines for
  floats alone (exp on int32, say) go through float64 and are cast back.
* Float sums add their terms in row-major order (`ordered`), as the compiled
  kernels do.
* Where the compiled kernels compute in float32 on purpose and the spec leaves the
  result open (the + - * / min max activations, options applied as float32 values),
  the reference does the same, so the two agree to the bit (see `runtime.reference`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import numpy as np

from ..values import NUMPY_DTYPES  # the op modules read it from here

UINT8 = np.dtype(np.uint8)

#: An op implementation: (operands, options) -> list of results.
OpFn = Callable[[dict[str, Any], dict[str, Any]], list[np.ndarray]]


class OperatorError(ValueError):
    """Invalid operands or options for an op (the builder would throw a TypeError)."""


def fail(msg: str) -> NoReturn:
    raise OperatorError(msg)


def is_float(dtype: np.dtype) -> bool:
    return np.dtype(dtype).kind == "f"


def is_int(dtype: np.dtype) -> bool:
    return np.dtype(dtype).kind in "iu"


def elementwise_dtype(dtype: np.dtype) -> np.dtype:
    """Working precision of element-wise transcendental math for `dtype`."""
    dtype = np.dtype(dtype)
    if dtype == np.float16:
        return np.dtype(np.float32)
    return np.dtype(np.float64)


def arith_dtype(dtype: np.dtype) -> np.dtype:
    """Working precision of correctly rounded IEEE arithmetic (+ - * /) for `dtype`."""
    dtype = np.dtype(dtype)
    return np.dtype(np.float32) if dtype == np.float16 else dtype


ACCUMULATE = np.dtype(np.float64)


def ordered(accumulate, v: np.ndarray, axes: Sequence[int], keepdims: bool = False
            ) -> np.ndarray:
    """`v` reduced over `axes` term by term, in row-major order of those axes.

    `accumulate` is `np.cumsum` or `np.cumprod`, which numpy runs sequentially (np.sum
    sums pairwise). The compiled kernels add the terms in this order too, so a float64
    sum whose huge terms cancel (3e38 + 1 - 3e38) comes out the same in both engines.
    """
    axes = sorted(a % v.ndim for a in axes) if v.ndim else []
    if not axes:
        return v.copy()
    rest = [a for a in range(v.ndim) if a not in axes]
    moved = np.transpose(v, rest + axes)
    flat = moved.reshape(moved.shape[:len(rest)] + (-1,))
    out = accumulate(flat, axis=-1)[..., -1]
    if keepdims:
        out = out.reshape([1 if a in axes else d for a, d in enumerate(v.shape)])
    return out


def opt(options: dict[str, Any], name: str, default: Any = None) -> Any:
    """An option's value; a missing key or None means the spec default."""
    value = options.get(name)
    return default if value is None else value


def float_option(options: dict[str, Any], name: str, default: float) -> np.float32:
    """A `double` option applied to float data (alpha, beta of the activations and
    gemm), rounded to float32 as both engines apply it (1e300 becomes inf)."""
    with np.errstate(over="ignore"):
        return np.float32(opt(options, name, default))


def operand(operands: dict[str, Any], *names: str, required: bool = True) -> Any:
    """The first present operand among `names` (aliases such as `input` / `a`)."""
    for name in names:
        value = operands.get(name)
        if value is not None:
            return value if isinstance(value, list) else np.asarray(value)
    if required:
        fail(f"missing operand {names[0]!r}")
    return None


def ints(value: Any) -> tuple[int, ...]:
    if isinstance(value, (int, np.integer)):
        return (int(value),)
    return tuple(int(v) for v in value)


def finish(result: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Round/cast a computed result to the output type (a fresh contiguous array)."""
    with np.errstate(all="ignore"):
        return np.asarray(result).astype(dtype, order="C", copy=True)


def cast_scalar(value: Any, dtype: np.dtype) -> np.ndarray:
    """Cast an MLNumber (Python int/float) to a 0-d array of `dtype` (clamp's bounds,
    pad's value).

    The rule both engines follow where the spec leaves it open: to a float type
    rounded to nearest (beyond its range: +-inf); to an integer type rounded toward
    zero and saturated to the type's range (an infinite value becomes the type's
    extreme), NaN giving 0. Integers that fit are exact, int64/uint64 beyond 2**53
    included (nothing goes through float64).
    """
    dtype = np.dtype(dtype)
    if isinstance(value, (bool, np.bool_)):
        value = int(value)
    if is_int(dtype):
        info = np.iinfo(dtype)
        if not isinstance(value, (int, np.integer)):
            v = float(value)
            if math.isnan(v):
                return np.zeros((), dtype)
            if math.isinf(v):
                return np.array(info.max if v > 0 else info.min, dtype=dtype)
            value = math.trunc(v)
        return np.array(min(max(int(value), int(info.min)), int(info.max)), dtype=dtype)
    with np.errstate(all="ignore"):
        if isinstance(value, (int, np.integer)):
            return np.array(int(value), dtype=np.float64).astype(dtype)
        return np.array(float(value), dtype=np.float64).astype(dtype)


def normalize_axis(axis: int, rank: int) -> int:
    axis = int(axis)
    if axis < 0:
        axis += rank
    if not 0 <= axis < max(rank, 1):
        fail(f"axis {axis} out of range for rank {rank}")
    return axis


def layout_to_nchw(x: np.ndarray, layout: str) -> np.ndarray:
    if layout == "nchw":
        return x
    if layout == "nhwc":
        return x.transpose(0, 3, 1, 2)
    fail(f"unknown layout {layout!r}")


def nchw_to_layout(x: np.ndarray, layout: str) -> np.ndarray:
    return x if layout == "nchw" else x.transpose(0, 2, 3, 1)


def windows(x: np.ndarray, kernel: Sequence[int], strides: Sequence[int],
            dilations: Sequence[int], out: Sequence[int]) -> np.ndarray:
    """Read-only view [N, C, oH, oW, kH, kW] of the sliding windows over NCHW `x`.

    `x` must already be padded so that every window lies inside it.
    """
    n, c = x.shape[:2]
    s_n, s_c, s_h, s_w = x.strides
    return np.lib.stride_tricks.as_strided(
        x,
        shape=(n, c, out[0], out[1], kernel[0], kernel[1]),
        strides=(s_n, s_c, s_h * strides[0], s_w * strides[1],
                 s_h * dilations[0], s_w * dilations[1]),
        writeable=False,
    )


def pair(options: dict[str, Any], name: str, default: tuple[int, int]) -> tuple[int, int]:
    value = ints(opt(options, name, default))
    if len(value) != 2:
        fail(f"{name} must have 2 entries, got {value}")
    return value  # type: ignore[return-value]


def quad(options: dict[str, Any], name: str) -> tuple[int, int, int, int]:
    value = ints(opt(options, name, (0, 0, 0, 0)))
    if len(value) != 4:
        fail(f"{name} must have 4 entries, got {value}")
    return value  # type: ignore[return-value]


def activation(name: str) -> Callable[[np.ndarray], np.ndarray]:
    """A recurrent-network activation (MLRecurrentNetworkActivation) on float64 data."""
    if name == "sigmoid":
        return lambda v: 1.0 / (1.0 + np.exp(-v))
    if name == "tanh":
        return np.tanh
    if name == "relu":
        return lambda v: np.maximum(v, 0.0)
    fail(f"unknown recurrent activation {name!r}")

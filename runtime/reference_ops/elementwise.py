"""Element-wise ops: binary arithmetic, comparisons, logical ops, unary math,
activations (softmax in float64 along its axis) and clamp."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._common import (
    ACCUMULATE,
    UINT8,
    OpFn,
    arith_dtype,
    cast_scalar,
    elementwise_dtype,
    fail,
    finish,
    float_option,
    is_float,
    normalize_axis,
    operand,
)


def _x(operands: dict[str, Any]) -> np.ndarray:
    # Unary ops name their operand `input` (logicalNot, isNaN, isInfinite: `a`).
    return operand(operands, "input", "a")


def _ab(operands: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    return operand(operands, "a"), operand(operands, "b")


# --------------------------------------------------------------------------- binary

def _int_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Integer division rounding toward zero (spec #909); x / 0 gives 0 here."""
    dtype = np.result_type(a, b)
    a, b = np.broadcast_arrays(a.astype(dtype), b.astype(dtype))
    safe_b = np.where(b == 0, 1, b).astype(dtype)
    q = a // safe_b  # floor division, exact in the integer type
    if dtype.kind == "i":
        # floor -> trunc: add one where the exact quotient was negative and inexact.
        fix = (a % safe_b != 0) & ((a < 0) != (safe_b < 0))
        q = q + fix.astype(dtype)
    return np.where(b == 0, np.zeros((), dtype), q).astype(dtype)


def _int_pow(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Integer power; negative exponents truncate 1/a**n toward zero (0 unless |a|==1)."""
    dtype = np.result_type(a, b)
    a, b = np.broadcast_arrays(a.astype(dtype), b.astype(dtype))
    nonneg = np.where(b < 0, 0, b).astype(dtype) if dtype.kind == "i" else b
    result = np.power(a, nonneg)
    if dtype.kind == "i":
        one = np.ones((), dtype)
        odd = (b % 2) != 0
        neg_exp = np.where(a == 1, one,
                           np.where(a == -1, np.where(odd, -one, one), np.zeros((), dtype)))
        result = np.where(b < 0, neg_exp, result)
    return result.astype(dtype)


def _binary(fn, int_fn=None, transcendental: bool = False) -> OpFn:
    def impl(operands, options):
        a, b = _ab(operands)
        dtype = a.dtype
        if is_float(dtype):
            work = elementwise_dtype(dtype) if transcendental else arith_dtype(dtype)
            return [finish(fn(a.astype(work), b.astype(work)), dtype)]
        f = int_fn or fn
        return [finish(f(a, b.astype(dtype)), dtype)]
    return impl


# ------------------------------------------------------------ comparison and logical

def _compare(fn) -> OpFn:
    def impl(operands, options):
        a, b = _ab(operands)
        return [finish(fn(a, b.astype(a.dtype)), UINT8)]
    return impl


def _logical(fn) -> OpFn:
    def impl(operands, options):
        a, b = _ab(operands)
        return [finish(fn(a != 0, b != 0), UINT8)]
    return impl


# ------------------------------------------------------------------------ unary math

_erf_scalar = np.frompyfunc(math.erf, 1, 1)


_erfc_scalar = np.frompyfunc(math.erfc, 1, 1)


def _erf(v: np.ndarray) -> np.ndarray:
    # numpy has no erf: math.erf per element, in double precision.
    return np.asarray(_erf_scalar(np.asarray(v, dtype=np.float64)), dtype=np.float64)


def _gelu(v: np.ndarray) -> np.ndarray:
    """0.5 x (1 + erf(x / sqrt 2)), computed as 0.5 x erfc(-x / sqrt 2): the same value,
    without the cancellation of 1 + erf near -1 (which loses every digit below x = -8
    and most of them below -5, where float32 still holds the result)."""
    w = np.asarray(v, dtype=np.float64)
    return 0.5 * w * np.asarray(_erfc_scalar(-w / math.sqrt(2.0)), dtype=np.float64)


def _float_unary(fn, work: str = "elementwise") -> OpFn:
    """A float-math op. `work` picks the precision: "elementwise" (f16->f32, f32->f64)
    or "arith" (a correctly rounded IEEE op: f32 native, f16->f32). Integer inputs
    (outside the spec's type table) are computed in float64 and cast back.
    """
    def impl(operands, options):
        x = _x(operands)
        dtype = x.dtype
        if not is_float(dtype):
            w = np.dtype(np.float64)
        elif work == "arith":
            w = arith_dtype(dtype)
        else:
            w = elementwise_dtype(dtype)
        return [finish(fn(x.astype(w), options), dtype)]
    return impl


def _native_unary(fn) -> OpFn:
    """An op that is exact in the operand's own type (abs, neg, floor, relu ...)."""
    def impl(operands, options):
        x = _x(operands)
        return [finish(fn(x), x.dtype)]
    return impl


# ----------------------------------------------------------------------- activations

def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, np.zeros((), x.dtype))


def _elu(v: np.ndarray, options) -> np.ndarray:
    return np.where(v > 0, v, float_option(options, "alpha", 1.0) * np.expm1(v))


# Activations made of + - * / min max alone run in float32 (float16 data widened),
# operation by operation in the order the compiled kernels use, so both engines give
# the same bits, overflow included (hardSwish divides the clamp by 6 before the
# product: x * 1 stays x where x + 3 >= 6, even for the largest floats). The table
# gives them work="arith".

def _hard_sigmoid(v: np.ndarray, options) -> np.ndarray:
    return np.maximum(np.float32(0.0), np.minimum(
        np.float32(1.0),
        float_option(options, "alpha", 0.2) * v + float_option(options, "beta", 0.5)))


def _hard_swish(v: np.ndarray, options) -> np.ndarray:
    return v * (np.maximum(np.float32(0.0), np.minimum(np.float32(6.0), v + np.float32(3.0)))
                / np.float32(6.0))


def _leaky_relu(v: np.ndarray, options) -> np.ndarray:
    return np.where(v >= 0, v, float_option(options, "alpha", 0.01) * v)


def _linear(v: np.ndarray, options) -> np.ndarray:
    return float_option(options, "alpha", 1.0) * v + float_option(options, "beta", 0.0)


def _prelu(operands, options):
    x = operand(operands, "input")
    slope = operand(operands, "slope").astype(x.dtype)
    if is_float(x.dtype):
        w = arith_dtype(x.dtype)
        xv, sv = x.astype(w), slope.astype(w)
    else:
        xv, sv = x, slope
    return [finish(np.where(xv >= 0, xv, sv * xv), x.dtype)]


def _clamp(operands, options):
    x = _x(operands)
    lo, hi = options.get("minValue"), options.get("maxValue")
    out = x
    # Bounds are MLNumbers cast to the input type (exactly, for big integers).
    if lo is not None:
        out = np.maximum(out, cast_scalar(lo, x.dtype))
    if hi is not None:
        out = np.minimum(out, cast_scalar(hi, x.dtype))
    return [finish(out, x.dtype)]


# ------------------------------------------------------------------------- softmax

def _softmax(operands, options):
    x = _x(operands)
    if "axis" not in options or options["axis"] is None:
        fail("softmax: the axis argument is required")
    axis = normalize_axis(options["axis"], x.ndim)
    xv = x.astype(ACCUMULATE)
    e = np.exp(xv - np.max(xv, axis=axis, keepdims=True))
    return [finish(e / np.sum(e, axis=axis, keepdims=True), x.dtype)]


#: The elementwise family: spec op name -> implementation.
OPS: dict[str, OpFn] = {
    # binary arithmetic
    "add": _binary(np.add),
    "sub": _binary(np.subtract),
    "mul": _binary(np.multiply),
    "div": _binary(np.divide, _int_div),
    "max": _binary(np.maximum),
    "min": _binary(np.minimum),
    "pow": _binary(np.power, _int_pow, transcendental=True),
    # comparison and logical ops (uint8 0 / 1)
    "equal": _compare(np.equal),
    "notEqual": _compare(np.not_equal),
    "greater": _compare(np.greater),
    "greaterOrEqual": _compare(np.greater_equal),
    "lesser": _compare(np.less),
    "lesserOrEqual": _compare(np.less_equal),
    "logicalAnd": _logical(np.logical_and),
    "logicalOr": _logical(np.logical_or),
    "logicalXor": _logical(np.logical_xor),
    "logicalNot": lambda operands, options: [finish(_x(operands) == 0, UINT8)],
    "isNaN": lambda operands, options: [finish(np.isnan(_x(operands)), UINT8)],
    "isInfinite": lambda operands, options: [finish(np.isinf(_x(operands)), UINT8)],
    # unary math
    "abs": _native_unary(np.abs),
    "neg": _native_unary(np.negative),
    "identity": _native_unary(lambda x: x.copy()),
    "ceil": _native_unary(lambda x: np.ceil(x) if is_float(x.dtype) else x.copy()),
    "floor": _native_unary(lambda x: np.floor(x) if is_float(x.dtype) else x.copy()),
    "roundEven": _native_unary(lambda x: np.rint(x) if is_float(x.dtype) else x.copy()),
    "sign": _native_unary(np.sign),
    "cos": _float_unary(lambda v, o: np.cos(v)),
    "sin": _float_unary(lambda v, o: np.sin(v)),
    "tan": _float_unary(lambda v, o: np.tan(v)),
    "exp": _float_unary(lambda v, o: np.exp(v)),
    "log": _float_unary(lambda v, o: np.log(v)),
    "erf": _float_unary(lambda v, o: _erf(v)),
    "sqrt": _float_unary(lambda v, o: np.sqrt(v), work="arith"),
    "reciprocal": _float_unary(lambda v, o: np.reciprocal(v), work="arith"),
    # activations
    "relu": _native_unary(_relu),
    "sigmoid": _float_unary(lambda v, o: 1.0 / (1.0 + np.exp(-v))),
    "tanh": _float_unary(lambda v, o: np.tanh(v)),
    "elu": _float_unary(_elu),
    "gelu": _float_unary(lambda v, o: _gelu(v)),
    "softplus": _float_unary(lambda v, o: np.logaddexp(0.0, v)),
    "hardSigmoid": _float_unary(_hard_sigmoid, work="arith"),
    "hardSwish": _float_unary(_hard_swish, work="arith"),
    "leakyRelu": _float_unary(_leaky_relu, work="arith"),
    "linear": _float_unary(_linear, work="arith"),
    "softsign": _float_unary(lambda v, o: v / (np.float32(1.0) + np.abs(v)), work="arith"),
    "prelu": _prelu,
    "clamp": _clamp,
    "softmax": _softmax,
}

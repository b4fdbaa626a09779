"""Element-wise ops: binary arithmetic, comparisons, logical ops, unary math,
activations (all but softmax), clamp, cast and where."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ._common import (
    NUMPY_DTYPES,
    UINT8,
    OpFn,
    arith_dtype,
    cast_scalar,
    elementwise_dtype,
    fail,
    finish,
    float_option,
    is_float,
    is_int,
    operand,
    opt,
)

OPS: dict[str, OpFn] = {}


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


def _binary(name: str, fn, int_fn=None, transcendental: bool = False) -> None:
    def impl(operands, options):
        a, b = _ab(operands)
        dtype = a.dtype
        if is_float(dtype):
            work = elementwise_dtype(dtype) if transcendental else arith_dtype(dtype)
            return [finish(fn(a.astype(work), b.astype(work)), dtype)]
        f = int_fn or fn
        return [finish(f(a, b.astype(dtype)), dtype)]
    OPS[name] = impl


_binary("add", np.add)
_binary("sub", np.subtract)
_binary("mul", np.multiply)
_binary("div", np.divide, _int_div)
_binary("max", np.maximum)
_binary("min", np.minimum)
_binary("pow", np.power, _int_pow, transcendental=True)


# ------------------------------------------------------------ comparison and logical

def _compare(name: str, fn) -> None:
    def impl(operands, options):
        a, b = _ab(operands)
        return [finish(fn(a, b.astype(a.dtype)), UINT8)]
    OPS[name] = impl


_compare("equal", np.equal)
_compare("notEqual", np.not_equal)
_compare("greater", np.greater)
_compare("greaterOrEqual", np.greater_equal)
_compare("lesser", np.less)
_compare("lesserOrEqual", np.less_equal)


def _logical(name: str, fn) -> None:
    def impl(operands, options):
        a, b = _ab(operands)
        return [finish(fn(a != 0, b != 0), UINT8)]
    OPS[name] = impl


_logical("logicalAnd", np.logical_and)
_logical("logicalOr", np.logical_or)
_logical("logicalXor", np.logical_xor)
OPS["logicalNot"] = lambda operands, options: [finish(_x(operands) == 0, UINT8)]
OPS["isNaN"] = lambda operands, options: [finish(np.isnan(_x(operands)), UINT8)]
OPS["isInfinite"] = lambda operands, options: [finish(np.isinf(_x(operands)), UINT8)]


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


def _float_unary(name: str, fn, work: str = "elementwise") -> None:
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
    OPS[name] = impl


def _native_unary(name: str, fn) -> None:
    """An op that is exact in the operand's own type (abs, neg, floor, relu ...)."""
    def impl(operands, options):
        x = _x(operands)
        return [finish(fn(x), x.dtype)]
    OPS[name] = impl


_native_unary("abs", np.abs)
_native_unary("neg", np.negative)
_native_unary("identity", lambda x: x.copy())
_native_unary("ceil", lambda x: np.ceil(x) if is_float(x.dtype) else x.copy())
_native_unary("floor", lambda x: np.floor(x) if is_float(x.dtype) else x.copy())
_native_unary("roundEven", lambda x: np.rint(x) if is_float(x.dtype) else x.copy())
_native_unary("sign", np.sign)
_float_unary("cos", lambda v, o: np.cos(v))
_float_unary("sin", lambda v, o: np.sin(v))
_float_unary("tan", lambda v, o: np.tan(v))
_float_unary("exp", lambda v, o: np.exp(v))
_float_unary("log", lambda v, o: np.log(v))
_float_unary("erf", lambda v, o: _erf(v))
_float_unary("sqrt", lambda v, o: np.sqrt(v), work="arith")
_float_unary("reciprocal", lambda v, o: np.reciprocal(v), work="arith")


# ----------------------------------------------------------------------- activations

def _relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, np.zeros((), x.dtype))


_native_unary("relu", _relu)
_float_unary("sigmoid", lambda v, o: 1.0 / (1.0 + np.exp(-v)))
_float_unary("tanh", lambda v, o: np.tanh(v))
_float_unary("elu", lambda v, o: np.where(
    v > 0, v, float_option(o, "alpha", 1.0) * np.expm1(v)))
_float_unary("gelu", lambda v, o: _gelu(v))
_float_unary("softplus", lambda v, o: np.logaddexp(0.0, v))

# Activations made of + - * / min max alone run in float32 (float16 data widened),
# operation by operation in the order the compiled kernels use, so both engines give
# the same bits, overflow included (hardSwish divides the clamp by 6 before the
# product: x * 1 stays x where x + 3 >= 6, even for the largest floats).
_float_unary("hardSigmoid", lambda v, o: np.maximum(np.float32(0.0), np.minimum(
    np.float32(1.0), float_option(o, "alpha", 0.2) * v + float_option(o, "beta", 0.5))),
    work="arith")
_float_unary("hardSwish", lambda v, o: v * (np.maximum(np.float32(0.0), np.minimum(
    np.float32(6.0), v + np.float32(3.0))) / np.float32(6.0)), work="arith")
_float_unary("leakyRelu", lambda v, o: np.where(
    v >= 0, v, float_option(o, "alpha", 0.01) * v), work="arith")
_float_unary("linear", lambda v, o: float_option(o, "alpha", 1.0) * v
             + float_option(o, "beta", 0.0), work="arith")
_float_unary("softsign", lambda v, o: v / (np.float32(1.0) + np.abs(v)), work="arith")


def _prelu(operands, options):
    x = operand(operands, "input")
    slope = operand(operands, "slope").astype(x.dtype)
    if is_float(x.dtype):
        w = arith_dtype(x.dtype)
        xv, sv = x.astype(w), slope.astype(w)
    else:
        xv, sv = x, slope
    return [finish(np.where(xv >= 0, xv, sv * xv), x.dtype)]


OPS["prelu"] = _prelu


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


OPS["clamp"] = _clamp


# -------------------------------------------------------------------- cast and where

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


OPS["cast"] = _cast


def _where(operands, options):
    cond = operand(operands, "condition")
    t = operand(operands, "trueValue")
    f = operand(operands, "falseValue").astype(t.dtype)
    return [finish(np.where(cond != 0, t, f), t.dtype)]


OPS["where"] = _where

"""Element-wise webnn ops -> one broadcasting `linalg.generic` each.

Every op here is a scalar function applied element by element; the tables below give
that function in terms of `Body` helpers, computed in the op's compute type (f32 for
f16 data) and rounded back. Results of comparisons and logical ops are uint8 0/1.
"""

from __future__ import annotations

import math

from xdsl.dialects import math as mathd

from .emitter import BITS, Body, compute_dtype, is_float, is_unsigned, number_value
from .framework import Call, lowering

# ---------------------------------------------------------------------------- binary
#: webnn op -> f(b, x, y, compute dtype) for arithmetic binary ops.
_ARITH = {
    "add": lambda b, x, y, t: b.add(x, y, t),
    "sub": lambda b, x, y, t: b.sub(x, y, t),
    "mul": lambda b, x, y, t: b.mul(x, y, t),
    "div": lambda b, x, y, t: b.div(x, y, t),
    "max": lambda b, x, y, t: b.max(x, y, t),
    "min": lambda b, x, y, t: b.min(x, y, t),
    "pow": lambda b, x, y, t: _pow(b, x, y, t),
}

_COMPARE = {"equal": "eq", "notEqual": "ne", "greater": "gt", "greaterOrEqual": "ge",
            "lesser": "lt", "lesserOrEqual": "le"}


def _pow(b: Body, x, y, t):
    if is_float(t):
        return b.powf(x, y)
    return _int_pow(b, x, y, t)


def _int_pow(b: Body, x, y, t):
    """x ** y exactly modulo 2**bits (see `PowOp`), by square-and-multiply over every
    bit an exponent of the type can have: no float rounding, no loop to lower."""
    from xdsl.dialects import arith

    zero, one = b.const(0, t), b.const(1, t)
    result, base = one, x
    unsigned = is_unsigned(t)
    width = BITS[t] if unsigned else BITS[t] - 1  # (a negative exponent is apart)
    for i in range(width):
        bit = b.cmp("ne", b.emit(arith.AndIOp(y, b.const(1 << i, t))), zero, t)
        result = b.select(bit, b.mul(result, base, t), result)
        if i + 1 < width:
            base = b.mul(base, base, t)
    if unsigned:
        return result
    # 1 / x**n truncated toward zero: 1 for x = 1, +-1 for x = -1, 0 otherwise.
    minus_one = b.const(-1, t)
    odd = b.cmp("ne", b.emit(arith.AndIOp(y, one)), zero, t)
    at_minus_one = b.select(odd, minus_one, one)
    reciprocal = b.select(b.cmp("eq", x, one, t), one,
                          b.select(b.cmp("eq", x, minus_one, t), at_minus_one, zero))
    return b.select(b.cmp("lt", y, zero, t), reciprocal, result)


def _binary(name):
    def lower(c: Call):
        dt = c.a.a.dtype
        t = compute_dtype(dt)
        fn = _ARITH[name]
        return c.em.elementwise(
            [(c.op.a, c.a.a), (c.op.b, c.a.b)], c.outs[0],
            lambda b, x, y: b.down(fn(b, b.up(x, dt), b.up(y, dt), t), dt))
    return lower


def _compare(pred):
    def lower(c: Call):
        dt = c.a.a.dtype
        return c.em.elementwise(
            [(c.op.a, c.a.a), (c.op.b, c.a.b)], c.outs[0],
            lambda b, x, y: b.bool_to_u8(b.cmp(pred, x, y, dt)))
    return lower


def _logical(kind):
    from xdsl.dialects import arith

    ops = {"logicalAnd": arith.AndIOp, "logicalOr": arith.OrIOp, "logicalXor": arith.XOrIOp}

    def lower(c: Call):
        return c.em.elementwise(
            [(c.op.a, c.a.a), (c.op.b, c.a.b)], c.outs[0],
            lambda b, x, y: b.bool_to_u8(b.emit(ops[kind](b.truthy(x), b.truthy(y)))))
    return lower


for _name in _ARITH:
    lowering(_name)(_binary(_name))
for _name, _pred in _COMPARE.items():
    lowering(_name)(_compare(_pred))
for _name in ("logicalAnd", "logicalOr", "logicalXor"):
    lowering(_name)(_logical(_name))


@lowering("logicalNot")
def _logical_not(c: Call):
    return c.em.elementwise([(c.op.a, c.a.a)], c.outs[0],
                            lambda b, x: b.bool_to_u8(b.cmp("eq", x, b.const(0, "uint8"), "uint8")))


# ---------------------------------------------------------------------------- unary
def _float_unary(fn):
    """Lowering of a float-only op given as f(b, x) in f32/f16 compute type."""
    def lower(c: Call):
        dt = c.a.input.dtype
        return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0],
                                lambda b, x: b.down(fn(b, b.up(x, dt), c), dt))
    return lower


def _any_unary(fn):
    """Lowering of an op on any numeric type given as f(b, x, compute dtype, call)."""
    def lower(c: Call):
        dt = c.a.input.dtype
        t = compute_dtype(dt)
        return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0],
                                lambda b, x: b.down(fn(b, b.up(x, dt), t, c), dt))
    return lower


def _sign(b: Body, x, t, c):
    zero, one, minus = b.const(0, t), b.const(1, t), b.const(-1, t)
    neg = b.select(b.cmp("lt", x, zero, t), minus, x)
    return b.select(b.cmp("gt", x, zero, t), one, neg)


def _sigmoid(b: Body, x):
    one = b.const(1.0, "float32")
    return b.emit(_div(one, b.add(one, b.exp(b.neg(x, "float32")), "float32")))


def _div(x, y):
    from xdsl.dialects import arith
    return arith.DivfOp(x, y)


def _softplus(b: Body, x):
    # log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): no overflow for large x.
    t = "float32"
    zero, one = b.const(0.0, t), b.const(1.0, t)
    tail = b.log(b.add(one, b.exp(b.neg(b.abs(x, t), t)), t))
    return b.add(b.max(x, zero, t), tail, t)


def _clamp(b: Body, x, t, c):
    """Bounds in the data type first (see `ClampOp`): a float16 bound is rounded to
    float16 before widening, so the f32 comparison matches one on float16 values."""
    dt = c.a.input.dtype
    lo, hi = c.a.minValue, c.a.maxValue
    if lo is not None:
        x = b.max(x, b.const(number_value(lo, dt), t), t)
    if hi is not None:
        x = b.min(x, b.const(number_value(hi, dt), t), t)
    return x


_FLOAT_UNARY = {
    "ceil": lambda b, x, c: b.emit(mathd.CeilOp(x)),
    "floor": lambda b, x, c: b.emit(mathd.FloorOp(x)),
    "cos": lambda b, x, c: b.emit(mathd.CosOp(x)),
    "sin": lambda b, x, c: b.emit(mathd.SinOp(x)),
    "tan": lambda b, x, c: b.emit(mathd.TanOp(x)),
    "erf": lambda b, x, c: b.erf(x),
    "exp": lambda b, x, c: b.exp(x),
    "log": lambda b, x, c: b.log(x),
    "sqrt": lambda b, x, c: b.sqrt(x),
    "roundEven": lambda b, x, c: b.emit(mathd.RoundEvenOp(x)),
    "reciprocal": lambda b, x, c: b.emit(_div(b.const(1.0, "float32"), x)),
    "sigmoid": lambda b, x, c: _sigmoid(b, x),
    "tanh": lambda b, x, c: b.tanh(x),
    "softplus": lambda b, x, c: _softplus(b, x),
    "softsign": lambda b, x, c: b.emit(_div(x, b.add(b.const(1.0, "float32"),
                                                     b.abs(x, "float32"), "float32"))),
    "elu": lambda b, x, c: b.select(
        b.cmp("gt", x, b.const(0.0, "float32"), "float32"), x,
        b.mul(b.const(c.a.alpha, "float32"),
              b.sub(b.exp(x), b.const(1.0, "float32"), "float32"), "float32")),
    "gelu": lambda b, x, c: b.mul(
        b.mul(b.const(0.5, "float32"), x, "float32"),
        b.add(b.const(1.0, "float32"),
              b.erf(b.mul(x, b.const(1 / math.sqrt(2.0), "float32"), "float32")),
              "float32"), "float32"),
    "hardSigmoid": lambda b, x, c: b.max(
        b.const(0.0, "float32"),
        b.min(b.const(1.0, "float32"),
              b.add(b.mul(b.const(c.a.alpha, "float32"), x, "float32"),
                    b.const(c.a.beta, "float32"), "float32"), "float32"), "float32"),
    # x * (clamp(x + 3, 0, 6) / 6): the factor is exactly 1 where x + 3 >= 6, so large
    # x come back unchanged (x * 6 / 6 would overflow for the largest floats).
    "hardSwish": lambda b, x, c: b.mul(x, b.emit(_div(
        b.max(b.const(0.0, "float32"),
              b.min(b.const(6.0, "float32"),
                    b.add(x, b.const(3.0, "float32"), "float32"), "float32"), "float32"),
        b.const(6.0, "float32"))), "float32"),
    "leakyRelu": lambda b, x, c: b.select(
        b.cmp("ge", x, b.const(0.0, "float32"), "float32"), x,
        b.mul(b.const(c.a.alpha, "float32"), x, "float32")),
    "linear": lambda b, x, c: b.add(b.mul(b.const(c.a.alpha, "float32"), x, "float32"),
                                    b.const(c.a.beta, "float32"), "float32"),
}

_ANY_UNARY = {
    "abs": lambda b, x, t, c: b.abs(x, t),
    "neg": lambda b, x, t, c: b.neg(x, t),
    "sign": _sign,
    "identity": lambda b, x, t, c: x,
    "relu": lambda b, x, t, c: b.max(x, b.const(0, t), t),
    "clamp": _clamp,
}

for _name, _fn in _FLOAT_UNARY.items():
    lowering(_name)(_float_unary(_fn))
for _name, _fn in _ANY_UNARY.items():
    lowering(_name)(_any_unary(_fn))


@lowering("isNaN")
def _is_nan(c: Call):
    dt = c.a.input.dtype
    return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0],
                            lambda b, x: b.bool_to_u8(b.cmp("uno", x, x, dt)))


@lowering("isInfinite")
def _is_infinite(c: Call):
    dt = c.a.input.dtype

    def body(b: Body, x):
        x = b.up(x, dt)
        return b.bool_to_u8(b.cmp("eq", b.abs(x, "float32"), b.const(math.inf, "float32"),
                                  "float32"))
    return c.em.elementwise([(c.op.input, c.a.input)], c.outs[0], body)


@lowering("prelu")
def _prelu(c: Call):
    dt = c.a.input.dtype
    t = compute_dtype(dt)

    def body(b: Body, x, s):
        x, s = b.up(x, dt), b.up(s, dt)
        return b.down(b.select(b.cmp("ge", x, b.const(0, t), t), x, b.mul(s, x, t)), dt)
    return c.em.elementwise([(c.op.input, c.a.input), (c.op.slope, c.a.slope)], c.outs[0], body)

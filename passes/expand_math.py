"""`expand-math`: `math.exp`, `math.log` and `math.tanh` on f32 become arith polynomials.

LLVM turns `llvm.exp.f32` into a call of the C library's scalar `expf`, which stops its
loop vectorizer: a sigmoid over a million elements then costs a function call per
element. Written as arithmetic, the same functions vectorize like any other loop body
(the approach of XNNPACK and oneDNN). The approximations are the classic Cephes ones:
* exp: x = n ln2 + r with |r| <= ln2/2, a degree-6 polynomial for e^r, and 2^n built in
  two halves from exponent bits, so results that underflow to subnormals or overflow to
  infinity come out right (about 1 ulp in the normal range);
* log: x = m 2^e with m in [sqrt(1/2), sqrt(2)), a degree-9 polynomial in m - 1
  (subnormal inputs are rescaled first; log 0 = -inf, log of a negative number = NaN);
* tanh: an odd polynomial for |x| < 0.625, else 1 - 2 / (e^{2|x|} + 1) with the sign.
NaN propagates through all three. Polynomials and range reductions use fused multiply-adds
(`math.fma`, one rounding instead of two): as accurate or more, and a third fewer
instructions, which is most of the cost of a vectorized sigmoid or softmax.
Other math ops are left to `convert-math-to-llvm`.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, math
from xdsl.dialects.builtin import Float32Type, FloatAttr, IntegerAttr, ModuleOp, f32, i32
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass

from .ir_edit import replace_op, walk_ops

_EXP_P = (1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2,
          1.6666665459e-1, 5.0000001201e-1)
_LOG_P = (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
          1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
          3.3333331174e-1)
_TANH_P = (-5.70498872745e-3, 2.06390887954e-2, -5.37397155531e-2, 1.33314422036e-1,
           -3.33332819422e-1)


class _B:
    """Emits f32/i32 arithmetic before an anchor op, at its location."""

    def __init__(self, anchor: Operation):
        self.anchor = anchor

    def op(self, op: Operation) -> SSAValue:
        op.location = self.anchor.location
        self.anchor.parent.insert_op_before(op, self.anchor)
        return op.results[0]

    def f(self, v: float) -> SSAValue:
        return self.op(arith.ConstantOp(FloatAttr(v, f32)))

    def i(self, v: int) -> SSAValue:
        return self.op(arith.ConstantOp(IntegerAttr(v, i32)))

    def add(self, a, b): return self.op(arith.AddfOp(a, b))
    def sub(self, a, b): return self.op(arith.SubfOp(a, b))
    def mul(self, a, b): return self.op(arith.MulfOp(a, b))
    def div(self, a, b): return self.op(arith.DivfOp(a, b))
    def fma(self, a, b, c): return self.op(math.FmaOp(a, b, c))
    def select(self, c, a, b): return self.op(arith.SelectOp(c, a, b))
    def cmp(self, pred, a, b): return self.op(arith.CmpfOp(a, b, pred))

    def poly(self, x, coefficients) -> SSAValue:
        """Horner: ((c0 x + c1) x + c2) ... + cn, one fused multiply-add a step."""
        acc = self.f(coefficients[0])
        for c in coefficients[1:]:
            acc = self.fma(acc, x, self.f(c))
        return acc

    def pow2(self, n: SSAValue) -> SSAValue:
        """2^n for an i32 n in [-126, 127], from the exponent bits."""
        bits = self.op(arith.ShLIOp(self.op(arith.AddiOp(n, self.i(127))), self.i(23)))
        return self.op(arith.BitcastOp(bits, f32))


def _exp(b: _B, x: SSAValue) -> SSAValue:
    # Clamp with compare-and-select (NaN compares false and passes through): cheaper
    # than maximumf/minimumf, whose NaN and signed-zero rules cost extra instructions.
    x = b.select(b.cmp("olt", x, b.f(-104.0)), b.f(-104.0), x)
    x = b.select(b.cmp("ogt", x, b.f(89.0)), b.f(89.0), x)
    n = b.op(math.FloorOp(b.fma(x, b.f(1.44269504088896341), b.f(0.5))))
    r = b.fma(n, b.f(2.12194440e-4), b.fma(n, b.f(-0.693359375), x))
    p = b.add(b.fma(b.poly(r, _EXP_P), b.mul(r, r), r), b.f(1.0))
    # n as an integer without a float-to-int conversion: adding 1.5 * 2^23 puts the
    # (small, integral) n in the low mantissa bits.
    shifted = b.op(arith.BitcastOp(b.add(n, b.f(12582912.0)), i32))
    ni = b.op(arith.SubiOp(shifted, b.i(0x4B400000)))
    half = b.op(arith.ShRSIOp(ni, b.i(1)))            # 2^n = 2^half * 2^(n - half):
    rest = b.op(arith.SubiOp(ni, half))                # each factor stays a normal number
    return b.mul(b.mul(p, b.pow2(half)), b.pow2(rest))


def _log(b: _B, x: SSAValue) -> SSAValue:
    tiny = b.cmp("olt", x, b.f(1.17549435e-38))
    scaled = b.select(tiny, b.mul(x, b.f(8388608.0)), x)  # subnormals: times 2^23
    bits = b.op(arith.BitcastOp(scaled, i32))
    e = b.op(arith.SubiOp(b.op(arith.AndIOp(b.op(arith.ShRUIOp(bits, b.i(23))), b.i(0xFF))),
                          b.i(126)))
    m = b.op(arith.BitcastOp(b.op(arith.OrIOp(b.op(arith.AndIOp(bits, b.i(0x807FFFFF))),
                                              b.i(0x3F000000))), f32))
    ef = b.sub(b.op(arith.SIToFPOp(e, f32)), b.select(tiny, b.f(23.0), b.f(0.0)))
    low = b.cmp("olt", m, b.f(0.707106781186547524))
    ef = b.sub(ef, b.select(low, b.f(1.0), b.f(0.0)))
    m = b.sub(b.add(m, b.select(low, m, b.f(0.0))), b.f(1.0))
    z = b.mul(m, m)
    y = b.mul(b.mul(b.poly(m, _LOG_P), m), z)
    y = b.fma(ef, b.f(-2.12194440e-4), y)
    y = b.fma(z, b.f(-0.5), y)
    result = b.fma(ef, b.f(0.693359375), b.add(m, y))
    # log(+inf) = +inf, log(0) = -inf, log(x < 0) = NaN; NaN stays NaN.
    result = b.select(b.cmp("oeq", x, b.f(float("inf"))), x, result)
    result = b.select(b.cmp("oeq", x, b.f(0.0)), b.f(float("-inf")), result)
    result = b.select(b.cmp("uno", x, x), x, result)
    return b.select(b.cmp("olt", x, b.f(0.0)), b.f(float("nan")), result)


def _tanh(b: _B, x: SSAValue) -> SSAValue:
    ax = b.op(math.AbsFOp(x))
    s = b.mul(x, x)
    small = b.fma(b.mul(x, s), b.poly(s, _TANH_P), x)
    e = _exp(b, b.mul(ax, b.f(2.0)))
    large = b.sub(b.f(1.0), b.div(b.f(2.0), b.add(e, b.f(1.0))))
    large = b.op(math.CopySignOp(large, x))
    return b.select(b.cmp("olt", ax, b.f(0.625)), small, large)


_EXPANSIONS = {math.ExpOp: _exp, math.LogOp: _log, math.TanhOp: _tanh}


@dataclass(frozen=True)
class ExpandMathPass(ModulePass):
    """Replace f32 exp/log/tanh by vectorizable polynomials (see module doc)."""

    name = "expand-math"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for o in walk_ops(op):
            expand = _EXPANSIONS.get(type(o))
            if expand is None or not isinstance(o.results[0].type, Float32Type):
                continue
            result = expand(_B(o), o.operands[0])
            replace_op(o, [], [result])

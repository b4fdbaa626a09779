"""quantizeLinear / dequantizeLinear -> one `linalg.generic` each, with block-wise
broadcast of scale and zeroPoint done by indexing maps.

Each scale element covers a block of B = input dim / scale dim elements along every
dimension. A dimension where the scale has the input's size (per-axis) or size 1
(per-tensor) is one loop read at d or at 0. A dimension cut into blocks becomes two
loops (a over the S blocks, q within one): the input is read through a [.., S, B, ..]
reshape (a view), the scale at a, and the output written at a * B + q. So there is no
division in any index, and every loop has a bare dimension in the input view's map for
convert-linalg-to-loops to take its bound from.

Precision, matching the reference bit for bit: with 8-bit data, (x - zeroPoint) * scale
and roundEven(x / scale) + zeroPoint are exact in f32 before the one final rounding;
32-bit data (whose differences and zero points f32 cannot hold) run in f64.
"""

from __future__ import annotations

from xdsl.dialects import arith, math as mathd
from xdsl.dialects.builtin import FloatAttr, IntegerType, f32, f64
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import BITS, Body, int_range, is_unsigned
from .framework import Call, lowering


def _blockwise(c: Call):
    """(input view, scale map, output map, loop count) for the block-wise broadcast."""
    x, s = c.a.input, c.a.scale
    view, scale_exprs, out_exprs = [], [], []
    for size, blocks in zip(x.shape, s.shape):
        n = len(view)
        d = AffineExpr.dimension(n)
        if blocks == size or blocks == 1:
            view.append(size)
            scale_exprs.append(d if blocks == size else AffineExpr.constant(0))
            out_exprs.append(d)
        else:
            block = size // blocks
            view += [blocks, block]
            scale_exprs.append(d)
            out_exprs.append(d * block + AffineExpr.dimension(n + 1))
    loops = len(view)
    source = c.op.input if loops == x.rank else \
        c.em.reshape(c.op.input, TensorSpec(tuple(view), x.dtype))
    return (source, AffineMap(loops, 0, tuple(scale_exprs)),
            AffineMap(loops, 0, tuple(out_exprs)), loops)


def _generic(c: Call, body) -> SSAValue:
    source, scale_map, out_map, loops = _blockwise(c)
    return c.em.generic(
        [(source, AffineMap.identity(loops)), (c.op.scale, scale_map),
         (c.op.zeroPoint, scale_map)],
        [(c.em.empty(c.outs[0]), out_map)], ["parallel"] * loops, body)[0]


def _to_float(b: Body, x: SSAValue, dtype: str, t) -> SSAValue:
    """An integer of WebNN type `dtype` as a float of type `t` (exact for our uses)."""
    return b.emit(arith.UIToFPOp(x, t) if is_unsigned(dtype) else arith.SIToFPOp(x, t))


def _fconst(b: Body, value: float, t) -> SSAValue:
    return b.emit(arith.ConstantOp(FloatAttr(value, t)))


@lowering("dequantizeLinear")
def _dequantize_linear(c: Call):
    """(input - zeroPoint) * scale, rounded once to the scale's type."""
    qt, st = c.a.input.dtype, c.a.scale.dtype
    t = f32 if BITS[qt] == 8 else f64

    def body(b: Body, x, scale, zero, _out):
        diff = b.emit(arith.SubfOp(_to_float(b, x, qt, t), _to_float(b, zero, qt, t)))
        s = b.up(scale, st)
        if t == f64:
            s = b.emit(arith.ExtFOp(s, f64))
        y = b.emit(arith.MulfOp(diff, s))
        if t == f32:
            return b.down(y, st)
        return b.cast(y, "float64", st)
    return _generic(c, body)


@lowering("quantizeLinear")
def _quantize_linear(c: Call):
    """clamp(roundEven(input / scale) + zeroPoint) into the zeroPoint type's range.

    The division and rounding run in f32 (f16 data widened), as the reference does.
    """
    ft, qt = c.a.input.dtype, c.a.zeroPoint.dtype
    bits = BITS[qt]
    lo, hi = int_range(qt)
    t = f32 if bits == 8 else f64

    def body(b: Body, x, scale, zero, _out):
        q = b.emit(mathd.RoundEvenOp(b.emit(arith.DivfOp(b.up(x, ft), b.up(scale, ft)))))
        if t == f32:
            # Keep |q| small enough that adding an 8-bit zero point stays exact.
            q = b.emit(arith.MaximumfOp(q, _fconst(b, -1024.0, f32)))
            q = b.emit(arith.MinimumfOp(q, _fconst(b, 1024.0, f32)))
        else:
            q = b.emit(arith.ExtFOp(q, f64))
        q = b.emit(arith.AddfOp(q, _to_float(b, zero, qt, t)))
        q = b.emit(arith.MaximumfOp(q, _fconst(b, float(lo), t)))
        q = b.emit(arith.MinimumfOp(q, _fconst(b, float(hi), t)))
        # In range and integral now (NaN becomes 0: the conversions saturate).
        width = IntegerType(bits)
        return b.emit(arith.FPToUIOp(q, width) if is_unsigned(qt) else arith.FPToSIOp(q, width))
    return _generic(c, body)

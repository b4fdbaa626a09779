"""Building blocks for lowering webnn ops to linalg on tensors.

`Emitter` creates ops right before the webnn op being lowered, every one of them at
that op's location (xDSL's rewriter would leave them unknown). `Body` builds the scalar
region of a `linalg.generic`; its arithmetic is typed by WebNN data type, so a lowering
says `b.div(x, y, "uint32")` and gets `arith.divui` with a zero-divisor guard, or
`b.exp(x, "float16")` and gets the f32 computation rounded back to f16.

Besides the WebNN data types, `Body` knows "float64", the working type of float32
sums (see `accumulate_dtype`); it never appears in a graph signature.

Lowered IR uses MLIR's signless integers (`ui8` becomes `i8`): signedness lives in the
choice of ops (divsi/divui, cmpi slt/ult, extsi/extui, sitofp/uitofp), which `Body` makes
from the WebNN data type the lowering passes in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
from xdsl.dialects import arith, math as mathd, tensor
from xdsl.dialects.linalg import attrs as linalg_attrs
from xdsl.dialects.linalg import ops as linalg
from xdsl.dialects.builtin import (
    AffineMapAttr,
    BytesAttr,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    TensorType,
    f16,
    f32,
    f64,
    i1,
    i8,
    i32,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap

from dialects.webnn.types import ITEMSIZE, TensorSpec
from runtime.constants import from_bytes
from runtime.values import NUMPY_DTYPES

#: WebNN data type (and the internal "float64") -> element type of the lowered IR.
ELEMENT = {"float32": f32, "float16": f16, "float64": f64, "int32": i32, "uint32": i32,
           "int64": i64, "uint64": i64, "int8": i8, "uint8": i8}
#: Integer WebNN data type -> its width in bits.
BITS = {name: 8 * size for name, size in ITEMSIZE.items() if not name.startswith("float")}
#: WebNN data type (and the internal "float64") -> numpy dtype.
NUMPY = {**NUMPY_DTYPES, "float64": np.dtype(np.float64)}
#: Float types by width, for conversions between them.
_FLOAT_BITS = {"float16": 16, "float32": 32, "float64": 64}


def is_float(dtype: str) -> bool:
    return dtype.startswith("float")


def is_unsigned(dtype: str) -> bool:
    return dtype.startswith("uint")


def compute_dtype(dtype: str) -> str:
    """float16 math runs in float32 and is rounded back, as the spec allows."""
    return "float32" if dtype == "float16" else dtype


def accumulate_dtype(dtype: str) -> str:
    """The working type of sums and statistics (reductions, pooling, normalization).

    Float data accumulates in float64, as the reference executor does: a sum, a sum of
    squares or a variance then overflows only when its rounded result does, and
    partial sums that overflow and cancel later give the same result in both engines.
    Integers stay in their type (sums wrap like C). Matrix products and convolutions
    do not use this: they accumulate in the compute type, for speed.
    """
    return "float64" if is_float(dtype) else dtype


def int_range(dtype: str) -> tuple[int, int]:
    """The smallest and largest value of an integer data type."""
    bits = BITS[dtype]
    if is_unsigned(dtype):
        return 0, (1 << bits) - 1
    return -(1 << (bits - 1)), (1 << (bits - 1)) - 1


def lowest(dtype: str) -> float | int:
    """The identity of max: -inf, or the smallest value of the integer type."""
    return -math.inf if is_float(dtype) else int_range(dtype)[0]


def highest(dtype: str) -> float | int:
    """The identity of min: +inf, or the largest value of the integer type."""
    return math.inf if is_float(dtype) else int_range(dtype)[1]


def number_value(value: int | float, dtype: str) -> int | float:
    """An `MLNumber` option (clamp's bounds, pad's value) as a value of `dtype`.

    The rule of `dialects.webnn.options.Number`: rounded to nearest for a float type
    (beyond its range: +-inf); for an integer type rounded toward zero and saturated
    to the type's range (an infinite bound becomes the type's extreme), NaN giving 0.
    """
    if is_float(dtype):
        with np.errstate(over="ignore"):
            return float(NUMPY[dtype].type(value))
    least, most = int_range(dtype)
    if isinstance(value, float):
        if math.isnan(value):
            return 0
        if math.isinf(value):
            return most if value > 0 else least
        value = math.trunc(value)
    return max(least, min(most, int(value)))


def tensor_type(spec: TensorSpec) -> TensorType:
    return TensorType(ELEMENT[spec.dtype], spec.shape)


class Unsupported(Exception):
    """A webnn op (or one of its option values) the cpu target cannot lower yet."""


class Body:
    """Builds the scalar body of a linalg.generic (see the module docstring)."""

    def __init__(self, block: Block, loc: Attribute):
        self.block = block
        self.loc = loc

    def emit(self, op: Operation) -> SSAValue:
        op.location = self.loc
        self.block.add_op(op)
        return op.results[0] if op.results else None

    # ------------------------------------------------------------------ constants
    def const(self, value: float | int | bool, dtype: str) -> SSAValue:
        """`value` in `dtype`: floats rounded to nearest (beyond the type's range to
        +-inf, as a float option such as alpha = 1e300 is on float32 data), integers
        wrapped to the type's width."""
        if is_float(dtype):
            with np.errstate(over="ignore"):
                rounded = float(NUMPY[dtype].type(value))
            return self.emit(arith.ConstantOp(FloatAttr(rounded, ELEMENT[dtype])))
        bits = BITS[dtype]
        v = int(value) & ((1 << bits) - 1)
        if v >= 1 << (bits - 1):
            v -= 1 << bits  # signless attributes hold the two's-complement value
        return self.emit(arith.ConstantOp(IntegerAttr(v, IntegerType(bits))))

    def index_const(self, value: int) -> SSAValue:
        return self.emit(arith.ConstantOp(IntegerAttr(value, IndexType())))

    def bool_const(self, value: bool) -> SSAValue:
        return self.emit(arith.ConstantOp(IntegerAttr(int(value), i1)))

    # ------------------------------------------------------------------ precision
    def up(self, x: SSAValue, dtype: str) -> SSAValue:
        """A value of `dtype` in its compute type (f16 -> f32)."""
        return self.emit(arith.ExtFOp(x, f32)) if dtype == "float16" else x

    def down(self, x: SSAValue, dtype: str) -> SSAValue:
        """A compute-type value back in `dtype` (f32 -> f16)."""
        return self.emit(arith.TruncFOp(x, f16)) if dtype == "float16" else x

    # ------------------------------------------------------------------ arithmetic
    def add(self, x, y, dt):
        return self.emit(arith.AddfOp(x, y) if is_float(dt) else arith.AddiOp(x, y))

    def sub(self, x, y, dt):
        return self.emit(arith.SubfOp(x, y) if is_float(dt) else arith.SubiOp(x, y))

    def mul(self, x, y, dt):
        return self.emit(arith.MulfOp(x, y) if is_float(dt) else arith.MuliOp(x, y))

    def div(self, x, y, dt):
        """Float division; integer division rounds toward zero and never traps.

        x86 traps on a zero divisor and on INT_MIN / -1: the divisor is made safe first
        (the result for a zero divisor is 0, for -1 it is the wrapping negation).
        """
        if is_float(dt):
            return self.emit(arith.DivfOp(x, y))
        zero, one = self.const(0, dt), self.const(1, dt)
        is_zero = self.emit(arith.CmpiOp(y, zero, "eq"))
        if is_unsigned(dt):
            safe = self.select(is_zero, one, y)
            q = self.emit(arith.DivUIOp(x, safe))
            return self.select(is_zero, zero, q)
        minus_one = self.const(-1, dt)
        is_minus_one = self.emit(arith.CmpiOp(y, minus_one, "eq"))
        risky = self.emit(arith.OrIOp(is_zero, is_minus_one))
        safe = self.select(risky, one, y)
        q = self.emit(arith.DivSIOp(x, safe))
        negated = self.emit(arith.SubiOp(zero, x))
        return self.select(is_zero, zero, self.select(is_minus_one, negated, q))

    def max(self, x, y, dt):
        if is_float(dt):
            return self.emit(arith.MaximumfOp(x, y))
        return self.emit(arith.MaxUIOp(x, y) if is_unsigned(dt) else arith.MaxSIOp(x, y))

    def min(self, x, y, dt):
        if is_float(dt):
            return self.emit(arith.MinimumfOp(x, y))
        return self.emit(arith.MinUIOp(x, y) if is_unsigned(dt) else arith.MinSIOp(x, y))

    def neg(self, x, dt):
        if is_float(dt):
            return self.emit(arith.NegfOp(x))
        return self.emit(arith.SubiOp(self.const(0, dt), x))

    def abs(self, x, dt):
        if is_float(dt):
            return self.emit(mathd.AbsFOp(x))
        return self.select(self.cmp("lt", x, self.const(0, dt), dt), self.neg(x, dt), x)

    def cmp(self, pred: str, x, y, dt) -> SSAValue:
        """pred in eq, ne, lt, le, gt, ge; floats compare ordered (une for ne)."""
        if is_float(dt):
            fpred = {"eq": "oeq", "ne": "une", "lt": "olt", "le": "ole", "gt": "ogt",
                     "ge": "oge", "uno": "uno"}[pred]
            return self.emit(arith.CmpfOp(x, y, fpred))
        if pred in ("eq", "ne"):
            ipred = pred
        else:
            ipred = ("u" if is_unsigned(dt) else "s") + pred
        return self.emit(arith.CmpiOp(x, y, ipred))

    def select(self, cond, x, y):
        return self.emit(arith.SelectOp(cond, x, y))

    def bool_to_u8(self, b):
        return self.emit(arith.ExtUIOp(b, i8))

    def truthy(self, x):
        """A uint8 truth value as i1 (non-zero = true)."""
        return self.emit(arith.CmpiOp(x, self.const(0, "uint8"), "ne"))

    # ------------------------------------------------------------------ math (compute types)
    def unary_math(self, op_cls, x):
        return self.emit(op_cls(x))

    def exp(self, x):
        return self.emit(mathd.ExpOp(x))

    def log(self, x):
        return self.emit(mathd.LogOp(x))

    def sqrt(self, x):
        return self.emit(mathd.SqrtOp(x))

    def tanh(self, x):
        return self.emit(mathd.TanhOp(x))

    def erf(self, x):
        return self.emit(mathd.ErfOp(x))

    def powf(self, x, y):
        return self.emit(mathd.PowFOp(x, y))

    # ------------------------------------------------------------------ conversions
    def cast(self, x, src: str, dst: str) -> SSAValue:
        """Convert between WebNN data types (values in their storage types)."""
        if src == dst:
            return x
        if is_float(src) and is_float(dst):
            if (src, dst) == ("float64", "float16"):
                return self.f64_to_f16(x)
            t = ELEMENT[dst]
            wide = _FLOAT_BITS[dst] > _FLOAT_BITS[src]
            return self.emit(arith.ExtFOp(x, t) if wide else arith.TruncFOp(x, t))
        if is_float(src):
            x = self.up(x, src)
            t = IntegerType(BITS[dst])
            return self.emit(arith.FPToUIOp(x, t) if is_unsigned(dst) else arith.FPToSIOp(x, t))
        if is_float(dst):
            t = ELEMENT[compute_dtype(dst)]
            op = arith.UIToFPOp(x, t) if is_unsigned(src) else arith.SIToFPOp(x, t)
            return self.down(self.emit(op), dst)
        sb, db = BITS[src], BITS[dst]
        if sb == db:
            return x
        if db < sb:
            return self.emit(arith.TruncIOp(x, IntegerType(db)))
        return self.emit(arith.ExtUIOp(x, IntegerType(db)) if is_unsigned(src)
                         else arith.ExtSIOp(x, IntegerType(db)))

    def f64_to_f16(self, y: SSAValue) -> SSAValue:
        """f64 -> f16 rounded once, to nearest even, without `fptrunc double to half`
        (LLVM makes that a call to __truncdfhf2, which the JIT cannot resolve).

        Round to odd into f32 first: f32 keeps 13 more bits than f16, and an inexact value
        made odd in its last bit can never land on an f16 tie, so rounding that f32 to f16
        gives exactly the correctly rounded f16.
        """
        near = self.emit(arith.TruncFOp(y, f32))
        back = self.emit(arith.ExtFOp(near, f64))
        inexact = self.emit(arith.CmpfOp(back, y, "une"))
        bits = self.emit(arith.BitcastOp(near, i32))
        one = self.const(1, "int32")
        even = self.emit(arith.CmpiOp(self.emit(arith.AndIOp(bits, one)),
                                      self.const(0, "int32"), "eq"))
        # The odd neighbour is one step toward zero if `near` rounded away from it, else
        # one step away (float bit patterns order by magnitude).
        away = self.emit(arith.CmpfOp(self.abs(back, "float64"), self.abs(y, "float64"), "ogt"))
        stepped = self.emit(arith.AddiOp(bits, self.select(away, self.const(-1, "int32"), one)))
        fix = self.emit(arith.AndIOp(inexact, even))
        odd = self.emit(arith.BitcastOp(self.select(fix, stepped, bits), f32))
        return self.emit(arith.TruncFOp(odd, f16))

    def to_index(self, x, dt) -> SSAValue:
        """An integer tensor element as an index (sign- or zero-extended)."""
        if BITS[dt] < 64:
            x = self.emit(arith.ExtUIOp(x, i64) if is_unsigned(dt) else arith.ExtSIOp(x, i64))
        return self.emit(arith.IndexCastOp(x, IndexType()))

    def index(self, dim: int) -> SSAValue:
        return self.emit(linalg.IndexOp(dim))

    def extract(self, source: SSAValue, indices: Sequence[SSAValue]) -> SSAValue:
        element = source.type.element_type
        return self.emit(tensor.ExtractOp(source, list(indices), element))

    def index_arith(self, op_cls, x, y):
        return self.emit(op_cls(x, y))


class Emitter:
    """Creates ops before `anchor` (the webnn op being lowered), at its location."""

    def __init__(self, anchor: Operation):
        self.anchor = anchor
        self.loc = anchor.location

    def insert(self, op: Operation) -> Operation:
        op.location = self.loc
        self.anchor.parent.insert_op_before(op, self.anchor)
        return op

    # ------------------------------------------------------------------ tensors
    def empty(self, spec: TensorSpec) -> SSAValue:
        return self.insert(tensor.EmptyOp([], tensor_type(spec))).results[0]

    def constant(self, array: np.ndarray, spec: TensorSpec) -> SSAValue:
        data = np.ascontiguousarray(np.asarray(array, dtype=NUMPY[spec.dtype]).reshape(spec.shape))
        attr = DenseIntOrFPElementsAttr(tensor_type(spec), BytesAttr(data.tobytes()))
        return self.insert(arith.ConstantOp(attr)).results[0]

    def constant_data(self, value: SSAValue, spec: TensorSpec) -> np.ndarray | None:
        """The data of `value` when it is a constant (weights), else None."""
        owner = value.owner
        if isinstance(owner, arith.ConstantOp) and isinstance(owner.value,
                                                              DenseIntOrFPElementsAttr):
            return from_bytes(owner.value.data.data, spec.dtype, spec.shape)
        return None

    def reshape(self, value: SSAValue, spec: TensorSpec) -> SSAValue:
        """A view of `value` with another static shape (no data moves)."""
        shape = self.constant(np.array(spec.shape, np.int64), TensorSpec((len(spec.shape),), "int64")) \
            if spec.shape else self.constant(np.zeros((0,), np.int64), TensorSpec((0,), "int64"))
        return self.insert(tensor.ReshapeOp(value, shape, tensor_type(spec))).results[0]

    def generic(self, inputs: Sequence[tuple[SSAValue, AffineMap]],
                outputs: Sequence[tuple[SSAValue, AffineMap]],
                iterators: Sequence[str],
                body: Callable[..., SSAValue | Sequence[SSAValue]]) -> list[SSAValue]:
        """A linalg.generic; `body(b, *input_scalars, *output_scalars)` yields the outputs."""
        arg_types = [v.type.element_type for v, _ in inputs] + \
                    [v.type.element_type for v, _ in outputs]
        block = Block(arg_types=arg_types)
        for arg in block.args:
            arg.location = self.loc
        b = Body(block, self.loc)
        yielded = body(b, *block.args)
        if isinstance(yielded, SSAValue):
            yielded = [yielded]
        b.emit(linalg.YieldOp(*yielded))
        maps = [AffineMapAttr(m) for _, m in inputs] + [AffineMapAttr(m) for _, m in outputs]
        op = linalg.GenericOp(
            [v for v, _ in inputs], [v for v, _ in outputs], Region(block), maps,
            [linalg_attrs.IteratorTypeAttr(linalg_attrs.IteratorType(it)) for it in iterators],
            [v.type for v, _ in outputs])
        return list(self.insert(op).results)

    def elementwise(self, inputs: Sequence[tuple[SSAValue, TensorSpec]], out: TensorSpec,
                    body: Callable[..., SSAValue]) -> SSAValue:
        """out[i] = body(b, in0[bcast(i)], in1[bcast(i)], ...) with NumPy broadcasting."""
        rank = out.rank
        maps = [(v, broadcast_map(s.shape, out.shape)) for v, s in inputs]
        result = self.generic(maps, [(self.empty(out), AffineMap.identity(rank))],
                              ["parallel"] * rank,
                              lambda b, *args: body(b, *args[:len(inputs)]))
        return result[0]

    def fill(self, spec: TensorSpec, value: float | int) -> SSAValue:
        rank = spec.rank
        return self.generic([], [(self.empty(spec), AffineMap.identity(rank))],
                            ["parallel"] * rank,
                            lambda b, _out: b.const(value, spec.dtype))[0]


def broadcast_map(shape: Sequence[int], out_shape: Sequence[int]) -> AffineMap:
    """The indexing map that reads `shape` broadcast (NumPy-style) to `out_shape`."""
    rank, offset = len(out_shape), len(out_shape) - len(shape)
    exprs = []
    for i, d in enumerate(shape):
        exprs.append(AffineExpr.constant(0) if d == 1 and out_shape[offset + i] != 1
                     else AffineExpr.dimension(offset + i))
    return AffineMap(rank, 0, tuple(exprs))


def select_map(rank: int, dims: Sequence[int | None]) -> AffineMap:
    """(d0..d{rank-1}) -> (d[dims[0]], ...); None stands for the constant 0."""
    return AffineMap(rank, 0, tuple(AffineExpr.constant(0) if d is None
                                    else AffineExpr.dimension(d) for d in dims))


__all__ = ["Body", "Emitter", "Unsupported", "broadcast_map", "select_map", "tensor_type",
           "compute_dtype", "accumulate_dtype", "int_range", "lowest", "highest",
           "number_value", "is_float", "is_unsigned", "ELEMENT", "BITS", "NUMPY"]

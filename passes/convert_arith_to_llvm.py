"""`convert-arith-to-llvm`: arith ops become llvm ops; `index` becomes `i64`.

xDSL 0.74 has no arith-to-llvm lowering. Most ops map one to one (a table below);
the rest are small expansions:
* `maximumf`/`minimumf` (NaN-propagating) -> `llvm.maximum`/`llvm.minimum` intrinsics;
  integer max/min -> compare + select;
* `fptosi`/`fptoui` -> the saturating `llvm.fpto[su]i.sat` intrinsics (never poison, so
  a converted value can safely feed an address computation);
* `uitofp` -> `llvmx.uitofp` (xDSL's llvm dialect lacks it);
* `index_cast` -> sign extension or truncation, or nothing between index and i64;
* fast-math flags (`reassoc` on reduction accumulators) carry over to the llvm op;
* float ops on vectors (kernel epilogues) lower like their scalar forms, and a dense
  vector constant becomes an llvm vector constant.
Every new op takes the location of the arith op it replaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from xdsl.context import Context
from xdsl.dialects import arith, func, llvm
from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    Float16Type,
    Float64Type,
    FloatAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    IntegerType,
    ModuleOp,
    VectorType,
    f32,
    i64,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter

from xdsl.dialects.utils.fast_math import FastMathFlag

from dialects.llvmx import UIToFPOp

from .make_op import integer, like, make
from .ir_edit import walk_ops
from .op_by_op import Rule, lower_each

_BINARY = {
    arith.AddfOp: llvm.FAddOp, arith.SubfOp: llvm.FSubOp, arith.MulfOp: llvm.FMulOp,
    arith.DivfOp: llvm.FDivOp,
    arith.AddiOp: llvm.AddOp, arith.SubiOp: llvm.SubOp, arith.MuliOp: llvm.MulOp,
    arith.DivSIOp: llvm.SDivOp, arith.DivUIOp: llvm.UDivOp, arith.RemSIOp: llvm.SRemOp,
    arith.RemUIOp: llvm.URemOp, arith.AndIOp: llvm.AndOp, arith.OrIOp: llvm.OrOp,
    arith.XOrIOp: llvm.XOrOp, arith.ShLIOp: llvm.ShlOp, arith.ShRSIOp: llvm.AShrOp,
    arith.ShRUIOp: llvm.LShrOp,
}
_CASTS = {
    arith.ExtFOp: llvm.FPExtOp, arith.TruncFOp: llvm.FPTruncOp, arith.ExtSIOp: llvm.SExtOp,
    arith.ExtUIOp: llvm.ZExtOp, arith.TruncIOp: llvm.TruncOp, arith.SIToFPOp: llvm.SIToFPOp,
    arith.BitcastOp: llvm.BitcastOp, arith.UIToFPOp: UIToFPOp,
}
_ICMP = {"eq": 0, "ne": 1, "slt": 2, "sle": 3, "sgt": 4, "sge": 5, "ult": 6, "ule": 7,
         "ugt": 8, "uge": 9}
_MINMAX_INT = {arith.MaxSIOp: "sgt", arith.MaxUIOp: "ugt", arith.MinSIOp: "slt",
               arith.MinUIOp: "ult"}
_MINMAX_FLOAT = {arith.MaximumfOp: "llvm.maximum", arith.MinimumfOp: "llvm.minimum",
                 arith.MaxnumfOp: "llvm.maxnum", arith.MinnumfOp: "llvm.minnum"}


def llvm_type(t: Attribute) -> Attribute:
    return i64 if type(t) is IndexType else t


@cache
def suffix(t: Attribute) -> str:
    """LLVM's intrinsic name suffix of a type: f32, f16, i32, ... or v16f32 for vectors
    (printed once per type: printing an attribute takes 15 us)."""
    if isinstance(t, VectorType):
        return f"v{t.get_shape()[0]}{suffix(t.element_type)}"
    return str(t)


@dataclass(frozen=True)
class ConvertArithToLLVMPass(ModulePass):
    """Lower the arith dialect to the llvm dialect (see module doc)."""

    name = "convert-arith-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        ops = walk_ops(op)
        # Block arguments of type index (loop counters after scf-to-cf) become i64.
        for inner in ops:
            for region in inner.regions:
                for block in region.blocks:
                    _retype_args(block)
            if type(inner) is func.FuncOp:  # a declaration too
                inner.function_type = FunctionType.from_lists(
                    [llvm_type(t) for t in inner.function_type.inputs.data],
                    [llvm_type(t) for t in inner.function_type.outputs.data])
        lower_each(ops, "arith", _RULES)


def _retype_args(block: Block) -> None:
    for arg in list(block.args):
        if isinstance(arg.type, IndexType):
            loc = arg.location
            Rewriter.replace_value_with_new_type(arg, i64).location = loc


# The rules (`op_by_op.lower_each`), by arith op class: the ops replacing `o` and the
# value standing for its result, or None when `o` cannot be lowered.

Lowered = "tuple[list[Operation], SSAValue] | None"


# `(result,) = op.results` rather than `op.results[0]`: `SSAValues` indexes through a
# Python `__getitem__`; unpacking stays in C.

def _one(new: Operation) -> tuple[list[Operation], SSAValue]:
    (result,) = new.results
    return [new], result


def _result_type(o: Operation) -> Attribute:
    (result,) = o.results
    return llvm_type(result.type)


def _binary(cls: type[Operation]) -> Rule:
    """A binary op -> the llvm op `cls` (with the op's fast-math flags, if any)."""
    def lower(o: Operation) -> Lowered:
        a, b = o.operands
        flags = getattr(o, "fastmath", None)
        if flags is not None and flags.data:
            return _one(like((cls, flags), lambda: cls(a, b, llvm.FastMathAttr(
                [FastMathFlag(f) for f in flags.data])), (a, b), (a.type,)))
        return _one(like(cls, lambda: cls(a, b), (a, b), (a.type,)))
    return lower


def _cast(cls: type[Operation]) -> Rule:
    """A conversion -> the llvm conversion `cls`."""
    def lower(o: Operation) -> Lowered:
        (x,), t = o.operands, _result_type(o)
        return _one(like(cls, lambda: cls(x, t), (x,), (t,)))
    return lower


_fptrunc = _cast(llvm.FPTruncOp)


def _truncf(o: Operation) -> Lowered:
    (x,), t = o.operands, _result_type(o)
    if isinstance(x.type, Float64Type) and isinstance(t, Float16Type):
        # LLVM would call compiler-rt's __truncdfhf2, which the JIT cannot resolve;
        # go through f32 (f64 -> f16 via f32 can round twice; callers needing exact
        # rounding round to odd first, as the dequantize lowering does).
        wide = llvm.FPTruncOp(x, f32)
        narrow = llvm.FPTruncOp(wide.results[0], t)
        return [wide, narrow], narrow.results[0]
    return _fptrunc(o)


def _constant(o: arith.ConstantOp) -> Lowered:
    value, t = o.value, _result_type(o)
    if isinstance(value, IntegerAttr) and isinstance(value.type, IndexType):
        value = integer(value.value.data, i64)
    if isinstance(value, DenseIntOrFPElementsAttr) and isinstance(t, VectorType):
        return _one(llvm.ConstantOp(value, t))  # a vector constant (a splat, usually)
    if not isinstance(value, (IntegerAttr, FloatAttr)):
        return None
    return _one(make(llvm.ConstantOp, (), (t,), {"value": value}))


def _negf(o: Operation) -> Lowered:
    return _one(llvm.FNegOp(o.operands[0]))


def _cmpi(o: arith.CmpiOp) -> Lowered:
    a, b = o.operands
    pred = _ICMP[arith.CMPI_COMPARISON_OPERATIONS[o.predicate.value.data]]
    return _one(like((llvm.ICmpOp, pred), lambda: llvm.ICmpOp(a, b, IntegerAttr(pred, 64)),
                     (a, b), (_result_type(o),)))


def _cmpf(o: arith.CmpfOp) -> Lowered:
    a, b = o.operands
    return _one(llvm.FCmpOp(a, b, arith.CMPF_COMPARISON_OPERATIONS[o.predicate.value.data]))


def _select(o: Operation) -> Lowered:
    args = tuple(o.operands)
    return _one(like(llvm.SelectOp, lambda: llvm.SelectOp(*args), args, (args[1].type,)))


def _index_cast(o: Operation) -> Lowered:
    (x,), t = o.operands, _result_type(o)
    src = llvm_type(x.type)
    if src == t:
        return [], x
    if src.width.data > t.width.data:
        return _one(llvm.TruncOp(x, t))
    return _one(llvm.SExtOp(x, t))


def _fpto(kind: str) -> Rule:
    """fptosi/fptoui -> the saturating intrinsic (see module doc)."""
    def lower(o: Operation) -> Lowered:
        (x,), t = o.operands, _result_type(o)
        name = f"llvm.{kind}.sat.{suffix(t)}.{suffix(x.type)}"
        return _one(llvm.CallIntrinsicOp(name, [x], [t]))
    return lower


def _minmax_int(predicate: str) -> Rule:
    """Integer max/min -> compare + select."""
    def lower(o: Operation) -> Lowered:
        a, b = o.operands
        cmp = llvm.ICmpOp(a, b, IntegerAttr(_ICMP[predicate], 64))
        sel = llvm.SelectOp(cmp, a, b)
        return [cmp, sel], sel.results[0]
    return lower


def _minmax_float(intrinsic: str) -> Rule:
    """Float max/min -> the intrinsic of the same semantics."""
    def lower(o: Operation) -> Lowered:
        a, b = o.operands
        t = _result_type(o)
        name = f"{intrinsic}.{suffix(t)}"
        return _one(like(name, lambda: llvm.CallIntrinsicOp(name, [a, b], [t]), (a, b), (t,)))
    return lower


_RULES: dict[type[Operation], Rule] = {
    **{cls: _binary(target) for cls, target in _BINARY.items()},
    **{cls: _cast(target) for cls, target in _CASTS.items()},
    arith.TruncFOp: _truncf,
    arith.ConstantOp: _constant,
    arith.NegfOp: _negf,
    arith.CmpiOp: _cmpi,
    arith.CmpfOp: _cmpf,
    arith.SelectOp: _select,
    arith.IndexCastOp: _index_cast,
    arith.FPToSIOp: _fpto("fptosi"),
    arith.FPToUIOp: _fpto("fptoui"),
    **{cls: _minmax_int(pred) for cls, pred in _MINMAX_INT.items()},
    **{cls: _minmax_float(name) for cls, name in _MINMAX_FLOAT.items()},
}


__all__ = ["ConvertArithToLLVMPass", "suffix", "IntegerType"]

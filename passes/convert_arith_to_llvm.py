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

from .make_op import like, make
from .op_by_op import lower_each

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
    return i64 if isinstance(t, IndexType) else t


def suffix(t: Attribute) -> str:
    """LLVM's intrinsic name suffix of a type: f32, f16, i32, ... or v16f32 for vectors."""
    if isinstance(t, VectorType):
        return f"v{t.get_shape()[0]}{suffix(t.element_type)}"
    return str(t)


@dataclass(frozen=True)
class ConvertArithToLLVMPass(ModulePass):
    """Lower the arith dialect to the llvm dialect (see module doc)."""

    name = "convert-arith-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        # Block arguments of type index (loop counters after scf-to-cf) become i64.
        for inner in op.walk():
            for region in inner.regions:
                for block in region.blocks:
                    _retype_args(block)
            if isinstance(inner, func.FuncOp):  # a declaration too
                inner.function_type = FunctionType.from_lists(
                    [llvm_type(t) for t in inner.function_type.inputs.data],
                    [llvm_type(t) for t in inner.function_type.outputs.data])
        lower_each(op, "arith", _lower)


def _retype_args(block: Block) -> None:
    for arg in list(block.args):
        if isinstance(arg.type, IndexType):
            loc = arg.location
            Rewriter.replace_value_with_new_type(arg, i64).location = loc


def _lower(o: Operation) -> tuple[list[Operation], SSAValue | None] | None:
    t = llvm_type(o.results[0].type) if o.results else None
    if type(o) in _BINARY:
        cls, (a, b) = _BINARY[type(o)], o.operands
        flags = getattr(o, "fastmath", None)
        if flags is not None and flags.data:
            new = like((cls, flags), lambda: cls(a, b, llvm.FastMathAttr(
                [FastMathFlag(f) for f in flags.data])), (a, b), (a.type,))
        else:
            new = like(cls, lambda: cls(a, b), (a, b), (a.type,))
        return [new], new.results[0]
    if isinstance(o, arith.TruncFOp) and isinstance(o.operands[0].type, Float64Type) \
            and isinstance(t, Float16Type):
        # LLVM would call compiler-rt's __truncdfhf2, which the JIT cannot resolve;
        # go through f32 (f64 -> f16 via f32 can round twice; callers needing exact
        # rounding round to odd first, as the dequantize lowering does).
        wide = llvm.FPTruncOp(o.operands[0], f32)
        narrow = llvm.FPTruncOp(wide.results[0], t)
        return [wide, narrow], narrow.results[0]
    if type(o) in _CASTS:
        new = _CASTS[type(o)](o.operands[0], t)
        return [new], new.results[0]
    match o:
        case arith.ConstantOp():
            value = o.value
            if isinstance(value, IntegerAttr) and isinstance(value.type, IndexType):
                value = IntegerAttr(value.value.data, i64)
            if isinstance(value, DenseIntOrFPElementsAttr) and isinstance(t, VectorType):
                new = llvm.ConstantOp(value, t)  # a vector constant (a splat, usually)
                return [new], new.results[0]
            if not isinstance(value, (IntegerAttr, FloatAttr)):
                return None
            new = make(llvm.ConstantOp, (), (t,), {"value": value})
            return [new], new.results[0]
        case arith.NegfOp():
            new = llvm.FNegOp(o.operands[0])
            return [new], new.results[0]
        case arith.CmpiOp():
            pred = _ICMP[arith.CMPI_COMPARISON_OPERATIONS[o.predicate.value.data]]
            new = like((llvm.ICmpOp, pred), lambda: llvm.ICmpOp(
                o.lhs, o.rhs, IntegerAttr(pred, 64)), (o.lhs, o.rhs), (t,))
            return [new], new.results[0]
        case arith.CmpfOp():
            pred = arith.CMPF_COMPARISON_OPERATIONS[o.predicate.value.data]
            new = llvm.FCmpOp(o.lhs, o.rhs, pred)
            return [new], new.results[0]
        case arith.SelectOp():
            new = like(llvm.SelectOp, lambda: llvm.SelectOp(o.cond, o.lhs, o.rhs),
                       (o.cond, o.lhs, o.rhs), (o.lhs.type,))
            return [new], new.results[0]
        case arith.IndexCastOp():
            src = llvm_type(o.input.type)
            if src == t:
                return [], o.input
            if src.width.data > t.width.data:
                new = llvm.TruncOp(o.input, t)
            else:
                new = llvm.SExtOp(o.input, t)
            return [new], new.results[0]
        case arith.FPToSIOp() | arith.FPToUIOp():
            kind = "fptosi" if isinstance(o, arith.FPToSIOp) else "fptoui"
            name = f"llvm.{kind}.sat.{suffix(t)}.{suffix(o.operands[0].type)}"
            new = llvm.CallIntrinsicOp(name, [o.operands[0]], [t])
            return [new], new.results[0]
    if type(o) in _MINMAX_INT:
        cmp = llvm.ICmpOp(o.operands[0], o.operands[1],
                          IntegerAttr(_ICMP[_MINMAX_INT[type(o)]], 64))
        sel = llvm.SelectOp(cmp, o.operands[0], o.operands[1])
        return [cmp, sel], sel.results[0]
    if type(o) in _MINMAX_FLOAT:
        name = f"{_MINMAX_FLOAT[type(o)]}.{suffix(t)}"
        a, b = o.operands
        new = like(name, lambda: llvm.CallIntrinsicOp(name, [a, b], [t]), (a, b), (t,))
        return [new], new.results[0]
    return None


__all__ = ["ConvertArithToLLVMPass", "suffix", "IntegerType"]

"""`convert-vector-to-llvm`: the vector ops the kernels use become llvm ops on vector types.

xDSL 0.74 has a `vector` dialect but no lowering of it to `llvm`. This pass lowers the
1-D ops `vectorize-contractions` emits, each to what LLVM's own vector lowering makes of it:

    vector.load %m[%i, %j]              -> getelementptr + llvm.load : vector<16xf32>
    vector.store %v, %m[%i, %j]         -> getelementptr + llvm.store
    vector.maskedload %m[..], %k, %pass -> llvm.masked.load.v16f32.p0 (lanes off: %pass)
    vector.maskedstore %m[..], %k, %v   -> llvm.masked.store (lanes off: not written)
    vector.broadcast %s                 -> insertelement + shufflevector (a splat)
    vector.fma %a, %b, %c               -> llvm.fma.v16f32
    vector.create_mask %n               -> <0, 1, ..., 15> < splat(%n)

It runs before `convert-memref-to-llvm`, while buffers still have their shapes: an access
computes its element's address as `convert-memref-to-llvm` does (`element_pointer`) from
the buffer cast to `!llvm.ptr`; once buffers are pointers the cast is between equal types
and `reconcile-unrealized-casts` removes it. Alignment is that of one element: vector
accesses start at any column. Every new op takes the location of the op it replaces.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, llvm, vector
from xdsl.dialects.builtin import (
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    IntegerAttr,
    ModuleOp,
    UnrealizedConversionCastOp,
    VectorType,
    i32,
)
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass

from .convert_memref_to_llvm import PTR, element_pointer
from .errors import PassError

#: Byte alignment of a vector access: one float32 (vectors start at any element).
ELEMENT_ALIGNMENT = 4


def _suffix(t: VectorType) -> str:
    """LLVM's type-mangling suffix of a vector type: v16f32."""
    return f"v{t.get_shape()[0]}{t.element_type}"


def _address(op: Operation, base: SSAValue, indices) -> tuple[list[Operation], SSAValue]:
    cast = UnrealizedConversionCastOp.get([base], [PTR])
    ops, ptr = element_pointer(cast.results[0], base.type, list(indices))
    return [cast, *ops], ptr


def _splat(value: SSAValue, t: VectorType) -> tuple[list[Operation], SSAValue]:
    undef = llvm.UndefOp(t)
    zero = llvm.ConstantOp(IntegerAttr(0, i32), i32)
    first = llvm.InsertElementOp(undef.res, value, zero.result)
    lanes = t.get_shape()[0]
    splat = llvm.ShuffleVectorOp(first.res, undef.res,
                                 DenseArrayBase.from_list(i32, [0] * lanes), t)
    return [undef, zero, first, splat], splat.res


def _lower(o: Operation) -> tuple[list[Operation], SSAValue | None] | None:
    match o:
        case vector.LoadOp():
            ops, ptr = _address(o, o.base, o.indices)
            load = llvm.LoadOp(ptr, o.result.type, alignment=ELEMENT_ALIGNMENT)
            return [*ops, load], load.dereferenced_value
        case vector.StoreOp():
            ops, ptr = _address(o, o.base, o.indices)
            store = llvm.StoreOp(o.vector, ptr, alignment=ELEMENT_ALIGNMENT)
            return [*ops, store], None
        case vector.MaskedLoadOp():
            ops, ptr = _address(o, o.base, o.indices)
            t = o.result.type
            align = llvm.ConstantOp(IntegerAttr(ELEMENT_ALIGNMENT, i32), i32)
            load = llvm.CallIntrinsicOp(f"llvm.masked.load.{_suffix(t)}.p0",
                                        [ptr, align.result, o.mask, o.pass_thru], [t])
            return [*ops, align, load], load.results[0]
        case vector.MaskedStoreOp():
            ops, ptr = _address(o, o.base, o.indices)
            store = llvm.MaskedStoreOp(o.value_to_store, ptr, o.mask,
                                       alignment=ELEMENT_ALIGNMENT)
            return [*ops, store], None
        case vector.BroadcastOp() if not isinstance(o.source.type, VectorType):
            return _splat(o.source, o.vector.type)
        case vector.FMAOp():
            fma = llvm.FMAOp(o.lhs, o.rhs, o.acc)
            return [fma], fma.res
        case vector.CreateMaskOp() if len(o.mask_dim_sizes) == 1:
            lanes = o.mask_vector.type.get_shape()[0]
            count = arith.IndexCastOp(o.mask_dim_sizes[0], i32)
            ops, splat = _splat(count.result, VectorType(i32, [lanes]))
            iota = llvm.ConstantOp(DenseIntOrFPElementsAttr.from_list(
                VectorType(i32, [lanes]), list(range(lanes))), VectorType(i32, [lanes]))
            less = llvm.ICmpOp(iota.result, splat, IntegerAttr(2, 64))  # slt
            return [count, *ops, iota, less], less.res
    return None


@dataclass(frozen=True)
class ConvertVectorToLLVMPass(ModulePass):
    """Lower 1-D vector ops to llvm ops on vector types (see module doc)."""

    name = "convert-vector-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        problems = []
        for o in list(op.walk()):
            if o.dialect_name() != "vector":
                continue
            new = _lower(o)
            if new is None:
                problems.append(("error", f"'{o.name}' cannot be lowered to llvm by this "
                                 "compiler", o.location))
                continue
            ops, result = new
            for n in ops:
                n.location = o.location
                o.parent.insert_op_before(n, o)
            if o.results:
                o.results[0].replace_all_uses_with(result)
            o.detach()
            o.erase()
        if problems:
            raise PassError(problems)

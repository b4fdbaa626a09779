"""`convert-memref-to-llvm`: buffers become `!llvm.ptr`, element accesses typed GEPs.

    %v = memref.load %m[%i, %j] : memref<4x8xf32>
becomes
    %l = %i * 8 + %j                          (index arithmetic, folded by LLVM)
    %p = llvm.getelementptr inbounds %m[%l] : (!llvm.ptr, i64) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32

Why not xDSL's `convert-memref-to-ptr` + `convert-ptr-to-llvm`: that route computes
byte offsets and goes through `ptrtoint`/`inttoptr`, which hides the access pattern from
LLVM's alias analysis and blocks its loop vectorizer. Every memref here is static,
contiguous and row-major (bufferize makes sure of it), so one `getelementptr inbounds`
on the element type per access says everything LLVM needs. Views are pointers:
`memref.view` is a byte GEP into the arena, `memref.reinterpret_cast` the same pointer,
`memref.get_global` an `llvm.mlir.addressof` of the global the constant becomes, and
`memref.alloca` (a kernel's scratch buffer) a stack array.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from xdsl.context import Context
from xdsl.dialects import arith, func, llvm, memref
from xdsl.dialects.builtin import (
    DenseIntOrFPElementsAttr,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    i8,
    i64,
)
from xdsl.ir import Attribute, Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter

from runtime.contract import ALIGNMENT

from .ir_edit import walk_ops
from .make_op import integer, like, make
from .op_by_op import CannotLower, lower_each

PTR = llvm.LLVMPointerType()
INDEX = IndexType()


def _strides(shape) -> list[int]:
    strides = [1] * len(shape)
    for i in range(len(shape) - 2, -1, -1):
        strides[i] = strides[i + 1] * shape[i + 1]
    return strides


@dataclass(frozen=True)
class ConvertMemRefToLLVMPass(ModulePass):
    """Lower static row-major memrefs to pointers and typed GEPs (see module doc)."""

    name = "convert-memref-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        types: dict[SSAValue, MemRefType] = {}
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            # A declaration (of a step compiled in another part, `compiler.parts`) only
            # changes its type.
            for arg in list(fn.body.block.args) if fn.body.blocks else ():
                if isinstance(arg.type, MemRefType):
                    t, loc = arg.type, arg.location
                    new = Rewriter.replace_value_with_new_type(arg, PTR)
                    new.location = loc
                    types[new] = t
            fn.function_type = fn.function_type.__class__.from_lists(
                [PTR if isinstance(t, MemRefType) else t for t in fn.function_type.inputs.data],
                list(fn.function_type.outputs.data))
        lower_each(walk_ops(op), "memref",
                   {cls: partial(rule, types=types) for cls, rule in _RULES.items()})


# The rules (`op_by_op.lower_each`), by memref op class: the ops replacing `o` and the
# value standing for its result (None for a store or a global). `types` maps each
# pointer standing for a buffer to the buffer's type (`element_pointer` needs its shape).

Lowered = "tuple[list[Operation], SSAValue | None]"


def _global(o: memref.GlobalOp, types) -> Lowered:
    value = o.initial_value
    if not isinstance(value, DenseIntOrFPElementsAttr):
        raise CannotLower("memref.global without dense data cannot be lowered")
    t = o.type
    n = 1
    for d in t.get_shape():
        n *= d
    return [llvm.GlobalOp(llvm.LLVMArrayType(n, t.element_type), o.sym_name, "internal",
                          constant=True, value=_flat(value, n), alignment=ALIGNMENT)], None


def _get_global(o: memref.GetGlobalOp, types) -> Lowered:
    new = llvm.AddressOfOp(o.name_.root_reference, PTR)
    types[new.results[0]] = o.memref.type
    return [new], new.results[0]


def _view(o: memref.ViewOp, types) -> Lowered:
    cast = make(arith.IndexCastOp, (o.byte_shift,), (i64,))
    gep = _gep(o.source, cast.results[0], i8, True)
    types[gep.results[0]] = o.result.type
    return [cast, gep], gep.results[0]


def _alloca(o: memref.AllocaOp, types) -> Lowered:
    # Scratch memory of one call of a step (static size): a stack array.
    t = o.memref.type
    n = 1
    for d in t.get_shape():
        n *= d
    one = llvm.ConstantOp(IntegerAttr(1, i64), i64)
    # Without an alignment of its own, a cache line, as the runtime's buffers.
    alignment = o.alignment.value.data if o.alignment is not None else ALIGNMENT
    alloca = llvm.AllocaOp(one.result, llvm.LLVMArrayType(n, t.element_type),
                           alignment=alignment)
    types[alloca.results[0]] = t
    return [one, alloca], alloca.results[0]


def _reinterpret_cast(o: memref.ReinterpretCastOp, types) -> Lowered:
    # The same address under another shape: a new SSA value that remembers it.
    source = o.source
    same = like((llvm.GEPOp, "same"), lambda: llvm.GEPOp(source, [0], i8, inbounds=True),
                (source,), (PTR,))
    types[same.results[0]] = o.result.type
    return [same], same.results[0]


def _load(o: memref.LoadOp, types) -> Lowered:
    ops, ptr = _address(o.memref, o.indices, types)
    t = o.res.type
    load = like((llvm.LoadOp, None), lambda: llvm.LoadOp(ptr, t), (ptr,), (t,))
    return [*ops, load], load.results[0]


def _store(o: memref.StoreOp, types) -> Lowered:
    ops, ptr = _address(o.memref, o.indices, types)
    value = o.value
    store = like((llvm.StoreOp, None), lambda: llvm.StoreOp(value, ptr), (value, ptr), ())
    return [*ops, store], None


def _address(ptr: SSAValue, indices, types) -> tuple[list[Operation], SSAValue]:
    t = types.get(ptr)
    if t is None:
        raise CannotLower("memory access through a buffer of unknown shape")
    return element_pointer(ptr, t, indices)


_RULES = {
    memref.GlobalOp: _global, memref.GetGlobalOp: _get_global, memref.ViewOp: _view,
    memref.AllocaOp: _alloca, memref.ReinterpretCastOp: _reinterpret_cast,
    memref.LoadOp: _load, memref.StoreOp: _store,
}


def element_pointer(ptr: SSAValue, t: MemRefType, indices: Sequence[SSAValue],
                    inbounds: bool = True) -> tuple[list[Operation], SSAValue]:
    """Ops computing the address of element `indices` of the row-major buffer `ptr` of
    type `t`, and that address: a linear index and one `getelementptr inbounds` (plain,
    for an address that may lie outside the buffer)."""
    strides = _strides(t.get_shape())
    ops: list[Operation] = []
    linear: SSAValue | None = None
    for index, stride in zip(indices, strides):
        term = index
        if stride != 1:
            c = make(arith.ConstantOp, (), (INDEX,), {"value": integer(stride, INDEX)})
            m = make(arith.MuliOp, (index, c.results[0]), (INDEX,))
            ops += [c, m]
            term = m.results[0]
        if linear is None:
            linear = term
        else:
            a = make(arith.AddiOp, (linear, term), (INDEX,))
            ops.append(a)
            linear = a.results[0]
    if linear is None:
        return ops, ptr
    cast = make(arith.IndexCastOp, (linear,), (i64,))
    gep = _gep(ptr, cast.results[0], t.element_type, inbounds)
    return [*ops, cast, gep], gep.results[0]


def _gep(ptr: SSAValue, offset: SSAValue, element_type: Attribute, inbounds: bool
         ) -> Operation:
    """`getelementptr [inbounds] ptr[offset]` on elements of `element_type`."""
    return like((llvm.GEPOp, element_type, inbounds), lambda: llvm.GEPOp(
        ptr, [llvm.GEP_USE_SSA_VAL], element_type, ssa_indices=[offset], inbounds=inbounds),
        (ptr, offset), (PTR,))


def _flat(value: DenseIntOrFPElementsAttr, n: int) -> DenseIntOrFPElementsAttr:
    """The same data as a 1-D dense attribute, the shape of an LLVM array global."""
    from xdsl.dialects.builtin import TensorType

    return DenseIntOrFPElementsAttr(TensorType(value.type.element_type, [n]), value.data)

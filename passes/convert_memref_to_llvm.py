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
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter

from runtime.contract import ALIGNMENT

from .errors import PassError
from .make_op import like, make

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
        problems = []
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
        for o in list(op.walk()):
            try:
                self._lower(o, types)
            except _Unsupported as err:
                problems.append(("error", str(err), o.location))
        if problems:
            raise PassError(problems)

    def _lower(self, o: Operation, types: dict[SSAValue, MemRefType]) -> None:
        match o:
            case memref.GlobalOp():
                value = o.initial_value
                if not isinstance(value, DenseIntOrFPElementsAttr):
                    raise _Unsupported("memref.global without dense data cannot be lowered")
                t = o.type
                n = 1
                for d in t.get_shape():
                    n *= d
                g = llvm.GlobalOp(llvm.LLVMArrayType(n, t.element_type),
                                  o.sym_name, "internal", constant=True,
                                  value=_flat(value, n), alignment=ALIGNMENT)
                _swap(o, [g], [])
            case memref.GetGlobalOp():
                new = llvm.AddressOfOp(o.name_.root_reference, PTR)
                types[new.results[0]] = o.memref.type
                _swap(o, [new], [new.results[0]])
            case memref.ViewOp():
                offset = _index_to_i64(o.byte_shift)
                gep = llvm.GEPOp(o.source, [llvm.GEP_USE_SSA_VAL], i8, ssa_indices=[offset[-1]],
                                 inbounds=True)
                types[gep.results[0]] = o.result.type
                _swap(o, [*offset, gep], [gep.results[0]])
            case memref.AllocaOp():
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
                _swap(o, [one, alloca], [alloca.results[0]])
            case memref.ReinterpretCastOp():
                # The same address under another shape: a new SSA value that remembers it.
                same = llvm.GEPOp(o.source, [0], i8, inbounds=True)
                types[same.results[0]] = o.result.type
                _swap(o, [same], [same.results[0]])
            case memref.LoadOp():
                ops, ptr = self._address(o.memref, o.indices, types)
                load = llvm.LoadOp(ptr, o.res.type)
                _swap(o, [*ops, load], [load.results[0]])
            case memref.StoreOp():
                ops, ptr = self._address(o.memref, o.indices, types)
                _swap(o, [*ops, llvm.StoreOp(o.value, ptr)], [])
            case _ if o.dialect_name() == "memref":
                raise _Unsupported(f"'{o.name}' cannot be lowered to llvm by this compiler")

    @staticmethod
    def _address(ptr: SSAValue, indices, types) -> tuple[list[Operation], SSAValue]:
        t = types.get(ptr)
        if t is None:
            raise _Unsupported("memory access through a buffer of unknown shape")
        return element_pointer(ptr, t, indices)


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
            c = make(arith.ConstantOp, (), (INDEX,), {"value": IntegerAttr(stride, INDEX)})
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
    offset = cast.results[0]
    gep = like((llvm.GEPOp, t.element_type, inbounds), lambda: llvm.GEPOp(
        ptr, [llvm.GEP_USE_SSA_VAL], t.element_type, ssa_indices=[offset], inbounds=inbounds),
        (ptr, offset), (PTR,))
    return [*ops, cast, gep], gep.results[0]


class _Unsupported(Exception):
    pass


def _index_to_i64(value: SSAValue) -> list[Operation]:
    return [arith.IndexCastOp(value, i64)]


def _flat(value: DenseIntOrFPElementsAttr, n: int) -> DenseIntOrFPElementsAttr:
    """The same data as a 1-D dense attribute, the shape of an LLVM array global."""
    from xdsl.dialects.builtin import TensorType

    return DenseIntOrFPElementsAttr(TensorType(value.type.element_type, [n]), value.data)


def _swap(old: Operation, new_ops: list[Operation], new_results: list[SSAValue]) -> None:
    """Insert `new_ops` before `old` at its location and let them take over its results."""
    for n in new_ops:
        n.location = old.location
        old.parent.insert_op_before(n, old)
    for r, v in zip(old.results, new_results, strict=True):
        r.replace_all_uses_with(v)
    old.detach()
    old.erase()

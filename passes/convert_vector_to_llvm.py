"""`convert-vector-to-llvm`: the vector ops the kernels use become llvm ops on vector types.

xDSL 0.74 has a `vector` dialect but no lowering of it to `llvm`. This pass lowers the
1-D ops `vectorize-contractions` emits, each to what LLVM's own vector lowering makes of it:

    vector.load %m[%i, %j]              -> getelementptr + llvm.load : vector<16xf32>
    vector.store %v, %m[%i, %j]         -> getelementptr + llvm.store
    vector.maskedload %m[..], %k, %pass -> llvm.masked.load.v16f32.p0 (lanes off: %pass)
    vector.maskedstore %m[..], %k, %v   -> llvm.masked.store (lanes off: not written)
    vector.broadcast %s                 -> insertelement + shufflevector (a splat)
    vector.fma %a, %b, %c               -> llvm.fma.v16f32
    vector.shuffle %a, %b [0, 2, ...]   -> shufflevector
    vector.create_mask %n               -> <0, 1, ..., 15> < splat(%n)

It runs before `convert-memref-to-llvm`, while buffers still have their shapes: an access
computes its element's address as `convert-memref-to-llvm` does (`element_pointer`) from
the buffer cast to `!llvm.ptr`; once buffers are pointers the cast is between equal types
and `reconcile-unrealized-casts` removes it. Alignment is that of one element: vector
accesses start at any column. Every new op takes the location of the op it replaces.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

from xdsl.context import Context
from xdsl.dialects import arith, llvm, vector
from xdsl.dialects.builtin import (
    DenseArrayBase,
    DenseIntOrFPElementsAttr,
    IntegerAttr,
    ModuleOp,
    UnrealizedConversionCastOp,
    VectorType,
    i1,
    i32,
)
from xdsl.ir import Attribute, Block, Operation, SSAValue
from xdsl.passes import ModulePass

from .convert_memref_to_llvm import PTR, element_pointer
from .make_op import like, make
from .ir_edit import walk_ops
from .op_by_op import lower_each

#: Attribute of a masked load whose masked-off lanes may lie outside its buffer
#: (set by `vectorize-contractions` on padded reads).
OUTSIDE = "webnn.lanes_outside"

#: Byte alignment of a vector access: one float32 (vectors start at any element).
ELEMENT_ALIGNMENT = 4


@cache
def _suffix(t: VectorType) -> str:
    """LLVM's type-mangling suffix of a vector type: v16f32 (printed once per type)."""
    return f"v{t.get_shape()[0]}{t.element_type}"


class _Shared:
    """Values many lowered ops of one function share, made once: the pointer of each
    buffer (right after the buffer's definition), undef vectors and constants (at the
    top of the function)."""

    def __init__(self):
        self.values: dict = {}
        #: block -> the function it lies in (many ops of one loop body ask).
        self.functions: dict[Block, Operation] = {}

    def pointer(self, base: SSAValue) -> SSAValue:
        if base not in self.values:
            cast = make(UnrealizedConversionCastOp, (base,), (PTR,))
            owner = base.owner
            if isinstance(owner, Operation):
                cast.location = owner.location
                owner.parent.insert_op_after(cast, owner)
            else:
                cast.location = base.location
                owner.insert_op_before(cast, owner.first_op)
            self.values[base] = cast.results[0]
        return self.values[base]

    def function(self, op: Operation) -> Operation:
        """The function (the op directly in the module) `op` lies in."""
        block = op.parent
        fn = self.functions.get(block)
        if fn is None:
            fn = op
            while fn.parent_op() is not None and fn.parent_op().parent_op() is not None:
                fn = fn.parent_op()
            self.functions[block] = fn
        return fn

    def constant(self, key: tuple, make: Callable[[], Operation], anchor: Operation
                 ) -> SSAValue:
        """The undef or constant `key` names, made by `make` (only the first time it is
        asked for in `anchor`'s function) at the top of that function."""
        fn = self.function(anchor)
        key = (*key, fn)
        if key not in self.values:
            op = make()
            entry = fn.regions[0].blocks[0]
            op.location = anchor.location
            entry.insert_op_before(op, entry.first_op)
            self.values[key] = op.results[0]
        return self.values[key]


def _i32(value: int) -> Callable[[], Operation]:
    return lambda: llvm.ConstantOp(IntegerAttr(value, i32), i32)


# Attributes are immutable: the ones many ops use are made once and shared.

@cache
def _zeros(lanes: int) -> DenseArrayBase:
    """The shuffle mask of a splat."""
    return _mask((0,) * lanes)


@cache
def _mask(lanes: tuple[int, ...]) -> DenseArrayBase:
    """A shuffle mask."""
    return DenseArrayBase.from_list(i32, list(lanes))


@cache
def _vector(element: Attribute, lanes: int) -> VectorType:
    return VectorType(element, [lanes])


def _address(shared: _Shared, base: SSAValue, indices, inbounds: bool = True
             ) -> tuple[list[Operation], SSAValue]:
    return element_pointer(shared.pointer(base), base.type, list(indices), inbounds)


def _splat(shared: _Shared, value: SSAValue, t: VectorType, anchor: Operation
           ) -> tuple[list[Operation], SSAValue]:
    undef = shared.constant(("undef", t), lambda: llvm.UndefOp(t), anchor)
    zero = shared.constant(("i32", 0), _i32(0), anchor)
    first = make(llvm.InsertElementOp, (undef, value, zero), (t,))
    splat = make(llvm.ShuffleVectorOp, (first.results[0], undef), (t,),
                 {"mask": _zeros(t.get_shape()[0])})
    return [first, splat], splat.results[0]


# The rules (`op_by_op.lower_each`), by vector op class: the ops replacing `o` and the
# value standing for its result (None for a store), or None when `o` cannot be lowered.

Lowered = "tuple[list[Operation], SSAValue | None] | None"


def _load(o: vector.LoadOp, shared: _Shared) -> Lowered:
    ops, ptr = _address(shared, o.base, o.indices)
    t = o.result.type
    load = like((llvm.LoadOp, ELEMENT_ALIGNMENT), lambda: llvm.LoadOp(
        ptr, t, alignment=ELEMENT_ALIGNMENT), (ptr,), (t,))
    return [*ops, load], load.results[0]


def _store(o: vector.StoreOp, shared: _Shared) -> Lowered:
    ops, ptr = _address(shared, o.base, o.indices)
    value = o.vector
    store = like((llvm.StoreOp, ELEMENT_ALIGNMENT), lambda: llvm.StoreOp(
        value, ptr, alignment=ELEMENT_ALIGNMENT), (value, ptr), ())
    return [*ops, store], None


def _masked_load(o: vector.MaskedLoadOp, shared: _Shared) -> Lowered:
    # Lanes off may lie outside the buffer (a padded read): no `inbounds`.
    ops, ptr = _address(shared, o.base, o.indices, OUTSIDE not in o.attributes)
    t = o.result.type
    align = shared.constant(("i32", ELEMENT_ALIGNMENT), _i32(ELEMENT_ALIGNMENT), o)
    name = f"llvm.masked.load.{_suffix(t)}.p0"
    args = (ptr, align, o.mask, o.pass_thru)
    load = like(name, lambda: llvm.CallIntrinsicOp(name, list(args), [t]), args, (t,))
    return [*ops, load], load.results[0]


def _masked_store(o: vector.MaskedStoreOp, shared: _Shared) -> Lowered:
    ops, ptr = _address(shared, o.base, o.indices)
    args = (o.value_to_store, ptr, o.mask)
    store = like((llvm.MaskedStoreOp, ELEMENT_ALIGNMENT), lambda: llvm.MaskedStoreOp(
        *args, alignment=ELEMENT_ALIGNMENT), args, ())
    return [*ops, store], None


def _broadcast(o: vector.BroadcastOp, shared: _Shared) -> Lowered:
    if isinstance(o.source.type, VectorType):
        return None
    return _splat(shared, o.source, o.vector.type, o)


def _shuffle(o: vector.ShuffleOp, shared: _Shared) -> Lowered:
    v1, v2 = o.operands
    if len(v1.type.get_shape()) != 1:
        return None
    shuffle = make(llvm.ShuffleVectorOp, (v1, v2), (o.result.type,),
                   {"mask": _mask(tuple(o.mask.get_values()))})
    return [shuffle], shuffle.results[0]


def _fma(o: vector.FMAOp, shared: _Shared) -> Lowered:
    args = tuple(o.operands)  # lhs, rhs, acc
    fma = like(llvm.FMAOp, lambda: llvm.FMAOp(*args), args, (args[0].type,))
    return [fma], fma.results[0]


def _create_mask(o: vector.CreateMaskOp, shared: _Shared) -> Lowered:
    if len(o.mask_dim_sizes) != 1:
        return None
    lanes = o.mask_vector.type.get_shape()[0]
    t = _vector(i32, lanes)
    count = make(arith.IndexCastOp, (o.mask_dim_sizes[0],), (i32,))
    ops, splat = _splat(shared, count.results[0], t, o)
    iota = shared.constant(("iota", lanes), lambda: llvm.ConstantOp(
        DenseIntOrFPElementsAttr.from_list(t, list(range(lanes))), t), o)
    less = like((llvm.ICmpOp, 2), lambda: llvm.ICmpOp(iota, splat, IntegerAttr(2, 64)),
                (iota, splat), (_vector(i1, lanes),))  # slt
    return [count, *ops, less], less.results[0]


_RULES: dict[type[Operation], Callable[[Operation, _Shared], Lowered]] = {
    vector.LoadOp: _load, vector.StoreOp: _store, vector.MaskedLoadOp: _masked_load,
    vector.MaskedStoreOp: _masked_store, vector.BroadcastOp: _broadcast,
    vector.ShuffleOp: _shuffle, vector.FMAOp: _fma, vector.CreateMaskOp: _create_mask,
}


@dataclass(frozen=True)
class ConvertVectorToLLVMPass(ModulePass):
    """Lower 1-D vector ops to llvm ops on vector types (see module doc)."""

    name = "convert-vector-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        shared = _Shared()
        lower_each(walk_ops(op), "vector",
                   {cls: partial(rule, shared=shared) for cls, rule in _RULES.items()})

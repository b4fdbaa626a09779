"""`bufferize`: tensors become buffers, with static destination passing and a memory plan.

Input: a graph function on tensors as `convert-webnn-to-linalg` leaves it (`tensor.empty`,
`linalg.generic`, `tensor.reshape`, dense `arith.constant`, `tensor.extract` inside
generic bodies). Output: the same computation on memrefs with this calling convention:

    func.func @main(%in0: memref<..>, ..., %out0: memref<..>, ..., %arena: memref<Nxi8>)

* Graph outputs are written in place into caller-provided buffers (destination passing):
  the op producing a returned value writes straight into its output argument.
* Every other intermediate lives in one arena that the caller provides per call (its size
  is an attribute of the function; the names are `runtime/contract.py`'s). Buffers whose
  lifetimes do not overlap share bytes: a linear scan over the straight-line graph gives
  each buffer its [first write, last read] interval, and a best-fit placement (largest
  first, each at an aligned offset) assigns offsets.
* A linalg.generic writes into its init buffer in place when the init tensor has no
  other use; otherwise the init is copied first. Reshapes are views
  (`memref.reinterpret_cast`), never copies. Constants become `memref.global`s.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects import arith, func, memref, tensor
from xdsl.dialects.linalg import attrs as linalg_attrs
from xdsl.dialects.linalg import ops as linalg
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    DictionaryAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    StringAttr,
    TensorType,
    UnitAttr,
    i8,
    i64,
)
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap
from xdsl.passes import ModulePass

from runtime.contract import ALIGNMENT, ARENA_ARG, ARENA_SIZE_ATTR, OUTPUT_ARG

from .errors import PassError



@dataclass(eq=False)
class Buffer:
    """One piece of memory: an argument, a global, or an arena slot to be placed."""

    nbytes: int
    kind: str  # "arg", "global", "arena"
    first: int = 0
    last: int = 0
    offset: int = 0
    #: for "arg"/"global": the memref value that *is* this buffer
    value: SSAValue | None = None
    output_index: int | None = None


@dataclass(eq=False)
class View:
    """A tensor value seen as a buffer with this value's shape."""

    buffer: Buffer
    type: MemRefType


def _nbytes(t: TensorType) -> int:
    n = 1
    for d in t.get_shape():
        n *= d
    width = getattr(t.element_type, "width", None)
    bits = width.data if width is not None else t.element_type.bitwidth
    return n * max(1, bits // 8)


def _memref(t: TensorType) -> MemRefType:
    return MemRefType(t.element_type, t.get_shape())


@dataclass(frozen=True)
class BufferizePass(ModulePass):
    """Turn a tensor graph into a buffer graph with a planned arena (see module doc)."""

    name = "bufferize"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        # Global numbers run over the whole module: each global is a symbol of the module.
        numbers = itertools.count()
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            _Bufferizer(op, fn, numbers).run()


@dataclass
class _Bufferizer:
    module: ModuleOp
    fn: func.FuncOp
    global_numbers: Iterator[int]
    views: dict[SSAValue, View] = field(default_factory=dict)
    buffers: list[Buffer] = field(default_factory=list)

    # ------------------------------------------------------------------ analysis
    def run(self) -> None:
        # Only a graph on tensors can be bufferized; anything else (hand-written IR of a
        # later stage) is refused before it is read as one.
        fn = self.fn
        problems = [("error", f"bufferize expects a graph on tensors, but {what} #{i} has "
                     f"type {t}", fn.location)
                    for what, types in (("argument", fn.function_type.inputs.data),
                                        ("result", fn.function_type.outputs.data))
                    for i, t in enumerate(types) if not isinstance(t, TensorType)]
        if len(fn.body.blocks) != 1:
            problems.append(("error", f"bufferize expects a graph of one block, not "
                             f"{len(fn.body.blocks)}", fn.location))
        if problems:
            raise PassError(problems)
        old_block = self.fn.body.block
        ops = list(old_block.ops)
        self._position = {o: i for i, o in enumerate(ops)}
        ret = ops[-1]
        if not isinstance(ret, func.ReturnOp):
            raise PassError([("error", "graph function must end with func.return", self.fn.location)])
        problems = [("error", f"bufferize cannot handle '{o.name}' at graph level", o.location)
                    for o in ops[:-1] if not isinstance(
                        o, (tensor.EmptyOp, linalg.GenericOp, tensor.ReshapeOp, arith.ConstantOp))]
        if problems:
            raise PassError(problems)

        in_types = [_memref(t) for t in self.fn.function_type.inputs.data]
        out_types = [_memref(t) for t in self.fn.function_type.outputs.data]
        # Argument buffers get their values once the block exists (after planning).
        in_buffers = []
        for old_arg, t in zip(old_block.args, in_types):
            in_buffers.append(Buffer(0, "arg"))
            self.views[old_arg] = View(in_buffers[-1], t)
        out_buffers: list[Buffer] = []

        # Which value feeds which output: its buffer becomes that output argument.
        produced_for_output: dict[SSAValue, int] = {}
        for i, value in enumerate(ret.operands):
            if value not in produced_for_output:
                produced_for_output[value] = i

        # Pass 1: decide buffers and lifetimes.
        copies_before: dict[Operation, list[tuple[SSAValue, View]]] = {}
        for index, o in enumerate(ops[:-1]):
            if isinstance(o, tensor.EmptyOp):
                continue
            if isinstance(o, arith.ConstantOp):
                self.views[o.result] = View(Buffer(_nbytes(o.result.type), "global"),
                                            _memref(o.result.type))
                continue
            for v in o.operands:
                self._touch(v, index)
            self._touch_body_reads(o, index)
            if isinstance(o, tensor.ReshapeOp):
                src = self.views[o.source]
                self.views[o.result] = View(src.buffer, _memref(o.result.type))
                continue
            # linalg.generic: each result gets a buffer.
            for init, result in zip(o.outputs, o.results):
                target = produced_for_output.get(result)
                init_owner = init.owner if isinstance(init.owner, Operation) else None
                fresh = isinstance(init_owner, tensor.EmptyOp)
                reusable = (not fresh and init.has_one_use() and init in self.views
                            and self.views[init].buffer.kind == "arena"
                            and target is None and not self._aliased(init, index))
                if reusable:
                    view = View(self.views[init].buffer, _memref(result.type))
                else:
                    buffer = Buffer(_nbytes(result.type), "arena", first=index, last=index)
                    if target is not None:
                        buffer.kind, buffer.output_index = "arg", target
                        out_buffers.append(buffer)
                    self.buffers.append(buffer)
                    view = View(buffer, _memref(result.type))
                    if not fresh:
                        copies_before.setdefault(o, []).append((init, view))
                self.views[result] = view
        for v in ret.operands:
            self._touch(v, len(ops))
        self._plan()
        arena_size = max((b.offset + b.nbytes for b in self.buffers if b.kind == "arena"),
                         default=0)
        new_block = Block(arg_types=[*in_types, *out_types, MemRefType(i8, [arena_size])])
        args = list(new_block.args)
        for new_arg in args:
            new_arg.location = self.fn.location
        for old_arg, new_arg, buf in zip(old_block.args, args, in_buffers):
            new_arg.name_hint = old_arg.name_hint
            new_arg.location = old_arg.location
            buf.value = new_arg
        out_args = args[len(in_types):len(in_types) + len(out_types)]
        for buf in out_buffers:
            buf.value = out_args[buf.output_index]
        arena_arg = args[-1]
        arena_arg.name_hint = "arena"

        # Pass 2: emit the buffer program.
        emitted: dict[tuple[int, str], SSAValue] = {}
        self._block = new_block
        self._arena = arena_arg
        self._offsets: dict[int, SSAValue] = {}
        for index, o in enumerate(ops[:-1]):
            if isinstance(o, tensor.EmptyOp):
                continue
            if isinstance(o, arith.ConstantOp):
                self._emit_global(o)
                continue
            if isinstance(o, tensor.ReshapeOp):
                continue  # views materialize where they are used
            for init, view in copies_before.get(o, []):
                self._emit_copy(self._value(init, o), self._materialize(view, o), o)
            ins = [self._value(v, o) for v in o.inputs]
            outs = [self._materialize(self.views[r], o) for r in o.results]
            body = self._convert_body(o)
            new = linalg.GenericOp(ins, outs, body, o.indexing_maps.data,
                                   o.iterator_types.data, [])
            self._add(new, o)
        # Outputs that are not written in place (inputs, constants, repeats) are copied.
        for i, value in enumerate(ret.operands):
            view = self.views[value]
            if view.buffer.output_index != i:
                self._emit_copy(self._value(value, ret), out_args[i], ret)
        done = func.ReturnOp()
        done.location = ret.location
        new_block.add_op(done)

        arg_attrs = list(self.fn.arg_attrs.data) if self.fn.arg_attrs else \
            [DictionaryAttr({}) for _ in in_types]
        res_attrs = list(self.fn.res_attrs.data) if self.fn.res_attrs else \
            [DictionaryAttr({}) for _ in out_types]
        out_attrs = [DictionaryAttr({**r.data, OUTPUT_ARG: UnitAttr()}) for r in res_attrs]
        self.fn.body.detach_block(old_block)
        old_block.erase(safe_erase=False)
        self.fn.body.add_block(new_block)
        self.fn.function_type = FunctionType.from_lists(
            [a.type for a in new_block.args], [])
        self.fn.arg_attrs = ArrayAttr([*arg_attrs, *out_attrs,
                                       DictionaryAttr({ARENA_ARG: UnitAttr()})])
        self.fn.res_attrs = None
        self.fn.attributes[ARENA_SIZE_ATTR] = IntegerAttr(arena_size, i64)

    def _aliased(self, value: SSAValue, index: int) -> bool:
        """Whether another value sharing this value's buffer (a reshape view, or the
        init an earlier generic updated in place) is still read at or after op `index`.
        A value whose last reader came before (a chain of in-place updates) is dead."""
        buf = self.views[value].buffer
        return any(v.buffer is buf and self._read_from(k, index)
                   for k, v in self.views.items() if k is not value)

    def _read_from(self, value: SSAValue, index: int) -> bool:
        for use in value.uses:
            op = use.operation
            while op.parent_op() is not self.fn:  # a read inside a generic's body
                op = op.parent_op()
            if self._position[op] >= index:
                return True
        return False

    def _touch(self, value: SSAValue, index: int) -> None:
        view = self.views.get(value)
        if view is not None:
            view.buffer.last = max(view.buffer.last, index)

    def _touch_body_reads(self, o: Operation, index: int) -> None:
        for inner in o.walk():
            if isinstance(inner, tensor.ExtractOp):
                self._touch(inner.tensor, index)

    def _plan(self) -> None:
        """Best-fit placement of arena buffers, largest first, by lifetime overlap."""
        placed: list[Buffer] = []
        for buf in sorted((b for b in self.buffers if b.kind == "arena"),
                          key=lambda b: (-b.nbytes, b.first)):
            live = sorted((p for p in placed if p.first <= buf.last and buf.first <= p.last),
                          key=lambda p: p.offset)
            offset = 0
            best = None
            for p in live:
                if p.offset - offset >= buf.nbytes and (best is None or p.offset - offset < best[1]):
                    best = (offset, p.offset - offset)
                offset = max(offset, _align(p.offset + p.nbytes))
            buf.offset = best[0] if best is not None else offset
            placed.append(buf)

    # ------------------------------------------------------------------ emission
    def _add(self, op: Operation, like: Operation) -> Operation:
        op.location = like.location
        self._block.add_op(op)
        return op

    def _index(self, value: int, like: Operation) -> SSAValue:
        if value not in self._offsets:
            self._offsets[value] = self._add(
                arith.ConstantOp(IntegerAttr(value, IndexType())), like).results[0]
        return self._offsets[value]

    def _materialize(self, view: View, like: Operation) -> SSAValue:
        """The memref value of a view (argument, global, or arena slot), shaped as asked."""
        buf = view.buffer
        if buf.kind == "arena":
            if buf.value is None or buf.value.type != view.type:
                value = self._add(memref.ViewOp(self._arena, self._index(buf.offset, like), [],
                                                view.type), like).results[0]
                if buf.value is None:
                    buf.value = value
                return value
            return buf.value
        if buf.value.type == view.type:
            return buf.value
        shape = view.type.get_shape()
        strides = [1] * len(shape)
        for i in range(len(shape) - 2, -1, -1):
            strides[i] = strides[i + 1] * shape[i + 1]
        return self._add(memref.ReinterpretCastOp(buf.value, [], [], [], [0], list(shape),
                                                  strides, view.type), like).results[0]

    def _value(self, value: SSAValue, like: Operation) -> SSAValue:
        return self._materialize(self.views[value], like)

    def _emit_global(self, o: arith.ConstantOp) -> None:
        view = self.views[o.result]
        name = f"__webnn_constant_{next(self.global_numbers)}"
        attr = o.value
        assert isinstance(attr, DenseIntOrFPElementsAttr)
        g = memref.GlobalOp.get(StringAttr(name), view.type, attr, constant=UnitAttr(),
                                alignment=ALIGNMENT)
        g.location = o.location
        self.module.body.block.insert_op_before(g, self.fn)
        view.buffer.value = self._add(memref.GetGlobalOp(name, view.type), o).results[0]

    def _emit_copy(self, src: SSAValue, dst: SSAValue, like: Operation) -> None:
        rank = len(src.type.get_shape())
        block = Block(arg_types=[src.type.element_type, dst.type.element_type])
        for arg in block.args:
            arg.location = like.location
        y = linalg.YieldOp(block.args[0])
        y.location = like.location
        block.add_op(y)
        ident = AffineMap.identity(rank)
        self._add(linalg.GenericOp([src], [dst], Region(block),
                                   [AffineMapAttr(ident), AffineMapAttr(ident)],
                                   [linalg_attrs.IteratorTypeAttr(linalg_attrs.IteratorType.PARALLEL)] * rank,
                                   []), like)

    def _convert_body(self, o: linalg.GenericOp) -> Region:
        """Move the body over, reading outer tensors through their buffers."""
        region = o.body.clone()
        for inner in list(region.walk()):
            if isinstance(inner, tensor.ExtractOp):
                load = memref.LoadOp.get(self._value(inner.tensor, o), list(inner.indices))
                load.location = inner.location
                inner.parent.insert_op_before(load, inner)
                inner.results[0].replace_all_uses_with(load.results[0])
                inner.detach()
                inner.erase()
        return region


def _align(n: int) -> int:
    return (n + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT

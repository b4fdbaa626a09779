"""`parallelize`: split the buffer graph into steps the runtime can run on many threads.

After bufferize, the graph function is a straight line of `linalg.generic`s on buffers.
This pass moves each generic into its own step function

    func.func @step_3(<the graph's buffers>, %begin: index, %end: index)
        attributes {webnn.parallel_dim = 1, webnn.parallel_extent = 64}

and makes the graph function call the steps in order with their full ranges (LLVM
inlines them, so a single-threaded call costs what it did before). A step whose work
(iterations times body size) is large enough names one parallel iteration dimension: the
runtime may call it concurrently on disjoint [begin, end) slices of that dimension, one
per thread. Outputs are indexed by every parallel dimension, so slices write disjoint
elements. `bind-parallel-range`, after the loops exist, makes that dimension's loop run
from %begin to %end. Views, globals and constants a step uses are rematerialized inside
it (they are pointer arithmetic).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, func, memref
from xdsl.dialects.builtin import (
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    ModuleOp,
    i64,
)
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass

from runtime.contract import PARALLEL_EXTENT_ATTR, is_step, step_name

#: Attribute of a step that may be split: which dimension (for `bind-parallel-range`).
PARALLEL_DIM_ATTR = "webnn.parallel_dim"

#: Below this many scalar operations a step is not worth sending to other threads.
MIN_PARALLEL_WORK = 1 << 15


def _extents(op: linalg.GenericOp) -> list[int]:
    """Iteration extents of a generic, read off its operand shapes through its maps."""
    extents: list[int | None] = [None] * op.indexing_maps.data[0].data.num_dims
    for value, amap in zip([*op.inputs, *op.outputs], op.indexing_maps.data):
        shape = value.type.get_shape()
        for size, expr in zip(shape, amap.data.results):
            text = str(expr)
            if text.startswith("d") and text[1:].isdigit():
                extents[int(text[1:])] = size
    return [e if e is not None else 1 for e in extents]


def choose_dim(op: linalg.GenericOp) -> tuple[int, int] | None:
    """(dimension, extent) to split across threads, or None for a small step."""
    extents = _extents(op)
    body = sum(1 for _ in op.body.walk())
    work = body
    for e in extents:
        work *= e
    if work < MIN_PARALLEL_WORK:
        return None
    iterators = [str(it.data) for it in op.iterator_types.data]
    best = None
    for dim, (kind, extent) in enumerate(zip(iterators, extents)):
        if "parallel" not in kind:
            break  # loops are nested in dimension order: stay outside the reductions
        if extent >= 2 and (best is None or extent > best[1]):
            best = (dim, extent)
        if extent >= 8:
            break  # outermost dimension with enough slices: coarse, contiguous chunks
    return best


@dataclass(frozen=True)
class ParallelizePass(ModulePass):
    """Outline each generic into a step function; mark the ones worth parallelizing."""

    name = "parallelize"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        # Step numbers run over the whole module: each step is a symbol of the module.
        numbers = itertools.count()
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            if fn.body.blocks and not is_step(fn.sym_name.data):
                _outline(op, fn, numbers)


def _outline(module: ModuleOp, fn: func.FuncOp, numbers: Iterator[int]) -> None:
    block = fn.body.blocks[0]
    arg_types = [a.type for a in block.args]
    arg_attrs = list(fn.arg_attrs.data) if fn.arg_attrs else [DictionaryAttr({})] * len(arg_types)
    for op in list(block.ops):
        if not isinstance(op, linalg.GenericOp):
            continue
        step = Block(arg_types=[*arg_types, IndexType(), IndexType()])
        for new_arg in step.args:
            new_arg.location = op.location
        for new_arg, old_arg in zip(step.args, block.args):
            new_arg.name_hint = old_arg.name_hint
            new_arg.location = old_arg.location
        step.args[-2].name_hint, step.args[-1].name_hint = "begin", "end"
        mapping: dict[SSAValue, SSAValue] = dict(zip(block.args, step.args))
        for value in _free_values(op):
            _rematerialize(value, mapping, step)
        moved = op.clone(value_mapper=mapping)
        step.add_op(moved)
        ret = func.ReturnOp()
        ret.location = op.location
        step.add_op(ret)
        name = step_name(next(numbers))
        step_fn = func.FuncOp(name, FunctionType.from_lists(
            [*arg_types, IndexType(), IndexType()], []), Region(step),
            arg_attrs=ArrayAttr([*arg_attrs, DictionaryAttr({}), DictionaryAttr({})]))
        step_fn.location = op.location
        split = choose_dim(op)
        extent = 1
        if split is not None:
            dim, extent = split
            step_fn.attributes[PARALLEL_DIM_ATTR] = IntegerAttr(dim, i64)
            step_fn.attributes[PARALLEL_EXTENT_ATTR] = IntegerAttr(extent, i64)
        module.body.block.insert_op_before(step_fn, fn)
        # The graph function calls the step over its whole range.
        zero = arith.ConstantOp(IntegerAttr(0, IndexType()))
        full = arith.ConstantOp(IntegerAttr(extent, IndexType()))
        call = func.CallOp(name, [*block.args, zero.result, full.result], [])
        for new in (zero, full, call):
            new.location = op.location
            block.insert_op_before(new, op)
        op.detach()
        op.erase()
    # Views and constants the steps now recompute are dead in the graph function.
    for op in reversed(list(block.ops)):
        if op.results and all(not r.uses for r in op.results):
            op.detach()
            op.erase()


def _free_values(op: Operation) -> list[SSAValue]:
    """Values used inside `op` (operands or in its body) that are defined outside it."""
    inside = {r for o in op.walk() for r in o.results}
    inside |= {a for o in op.walk() for region in o.regions for b in region.blocks for a in b.args}
    seen: list[SSAValue] = []
    for o in op.walk():
        for v in o.operands:
            if v not in inside and v not in seen:
                seen.append(v)
    return seen


def _rematerialize(value: SSAValue, mapping: dict[SSAValue, SSAValue], into: Block) -> None:
    """Clone the pure op defining `value` (and what it needs) into the step."""
    if value in mapping:
        return
    owner = value.owner
    if not isinstance(owner, (memref.ViewOp, memref.ReinterpretCastOp, memref.GetGlobalOp,
                              arith.ConstantOp)):
        raise ValueError(f"a step uses a value defined by '{owner.name}', which cannot be "
                         "recomputed")
    for operand in owner.operands:
        _rematerialize(operand, mapping, into)
    clone = owner.clone(value_mapper=mapping)
    into.add_op(clone)
    for old, new in zip(owner.results, clone.results):
        mapping[old] = new

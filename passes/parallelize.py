"""`parallelize`: split the buffer graph into steps and schedule them for several threads.

After bufferize, the graph function is a straight line of `linalg.generic`s on buffers.
This pass moves each generic into its own step function

    func.func @step_3(<the graph's buffers>, %begin: index, %end: index)
        attributes {webnn.parallel_dim = 1, webnn.parallel_extent = 64, webnn.work = ...}

and makes the graph function call the steps in order with their full ranges. Views,
globals and constants a step uses are rematerialized inside it (pointer arithmetic).
`bind-parallel-range`, once the loops exist, makes the split dimension's loop run from
%begin to %end; `build-spmd-entry` turns the schedule below into the graph's
multi-threaded entry, where every thread runs the whole step sequence.

The schedule, written as attributes on the steps:
* Cost model. A step's work is its iteration count times its body's op count (for a
  contraction with a vector kernel: two per term of the sum). A step is split
  (`webnn.parallel_dim`, `webnn.parallel_extent`) when its work is at least
  `MIN_PARALLEL_WORK`: each thread then computes a slice of one parallel dimension (the
  outermost with enough iterations; outputs are indexed by every parallel dimension, so
  slices write disjoint elements). For a contraction the slices are whole register
  blocks of the kernel `vectorize-contractions` will emit (asked of its `Planner`, for
  the pass's `target`): `webnn.parallel_granule = g` on the step makes slice bounds
  multiples of g (the block's rows, when the output channels or matrix rows are split),
  so no thread runs the single-row blocks of a cut tile. When the work of the
  whole graph is below `MIN_GRAPH_WORK` nothing is split: the graph runs on the calling
  thread without waking any other (`webnn.parallel_work` on the graph function is the
  split work, 0 for such graphs).
* Steps that are not split run on one thread: `webnn.thread_slot = k` (thread k mod n).
* Barriers. `webnn.barrier` on a step makes every thread wait before it, for the steps
  since the last barrier to finish. It is left out when the step provably touches none of
  their bytes in conflict (read after write, write after read or write), from each step's
  footprint: the byte ranges of graph arguments (inputs, outputs, arena) it reads and
  writes. No conflict is counted between two slices that are the same bytes for every
  thread (two steps split alike along the leading dimension of one buffer), nor between
  steps of one slot (one thread, in order); a step not split that depends only on one
  slot's steps joins that slot instead of waiting.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from math import prod

from xdsl.context import Context
from xdsl.dialects import arith, func, memref
from xdsl.dialects.builtin import (
    AffineMapAttr,
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    UnitAttr,
    i64,
)
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Block, BlockArgument, Operation, Region, SSAValue
from xdsl.ir.affine import AffineDimExpr

from runtime.contract import PARALLEL_EXTENT_ATTR, PARALLEL_WORK_ATTR, is_step, step_name

from .bufferize import _nbytes
from .contraction import analyze, iteration_extents
from .target import TargetedPass, vector_target
from .vectorize_contractions import Planner

#: Attribute of a step that may be split: which dimension (for `bind-parallel-range`).
PARALLEL_DIM_ATTR = "webnn.parallel_dim"
#: Attribute of a split step: slice bounds are multiples of it (a kernel's tile).
PARALLEL_GRANULE_ATTR = "webnn.parallel_granule"
#: Attributes of the schedule (read by `build-spmd-entry`): wait for the steps since the
#: last barrier; the thread slot of a step not split; a step's work.
BARRIER_ATTR = "webnn.barrier"
THREAD_SLOT_ATTR = "webnn.thread_slot"
WORK_ATTR = "webnn.work"

#: Below this much work (iterations x body ops) a step is not worth splitting: its
#: slices would cost about what meeting the other threads at a barrier does (one core
#: does 10-35 units per nanosecond with today's kernels: a slice of 2^16 is several us).
MIN_PARALLEL_WORK = 1 << 17

#: A graph with less work than this (0.1-0.4 ms on one core with today's kernels) runs
#: single-threaded. Below it the gain of a second thread is tens of microseconds, which
#: dispatch, barriers and one descheduled worker on a busy machine (it holds a barrier up
#: for a scheduler time slice) can cost, and faster kernels shrink it further.
MIN_GRAPH_WORK = 1 << 22

#: A graph with at least this much split work makes its call wait for parked workers to
#: wake up (~0.1 ms); a smaller one runs with the threads that are awake (see
#: `runtime/workers.py`).
WAKE_WORK = 1 << 24


def _pure_dim(expr) -> int | None:
    """k if the affine expression is exactly the dimension d_k."""
    return expr.position if isinstance(expr, AffineDimExpr) else None


def work(op: linalg.GenericOp) -> int:
    """Estimated work of a generic: iterations times the ops of its body; for a
    contraction the vector kernels take (`contraction.analyze`), two per term of the sum
    (a lane of one FMA, as fast as a scalar op of element-wise code LLVM vectorizes)
    plus its prologue and epilogue ops once per output element."""
    extents = iteration_extents(op)
    c = analyze(op)
    if c is None:
        return prod(extents) * sum(1 for _ in op.body.walk())
    parts = sum(len(p.ops) for p in (c.prologue, c.epilogue) if p is not None)
    outputs = prod(e for d, e in enumerate(extents) if d not in c.reductions)
    return 2 * prod(extents) + outputs * parts


def choose_dim(op: linalg.GenericOp, planner: Planner | None = None
               ) -> tuple[int, int, int] | None:
    """(dimension, extent, granule) to split across threads, or None for a small step.

    Slices are whole granules: for a contraction with a vector kernel (`planner` knows
    it), the register block's rows along its row dimension (output channels of a
    convolution, rows of a matrix product), its columns along the vector dimension, so
    no thread runs the single-row or masked blocks of a cut tile; 1 elsewhere. The
    outermost parallel dimension with at least 8 granules is taken (coarse, contiguous
    slices), else the one with the most, if it has 2. Dimensions after a reduction count
    only for a vector kernel, which orders its loops itself.
    """
    if work(op) < MIN_PARALLEL_WORK:
        return None
    extents = iteration_extents(op)
    iterators = [str(it.data) for it in op.iterator_types.data]
    best = None
    kernel = planner is not None and planner.plan(op, None) is not None
    for dim, (kind, extent) in enumerate(zip(iterators, extents)):
        if "parallel" not in kind:
            if kernel:
                # A vector kernel orders its own loops: a parallel dimension after a
                # reduction splits as well (NHWC: the output channels, when 7 image
                # rows would leave one thread 4 of them).
                continue
            break  # loops are nested in dimension order: stay outside the reductions
        granule = _granule(op, dim, planner)
        units = -(-extent // granule)
        if units >= 2 and (best is None or units > best[0]):
            best = (units, dim, extent, granule)
        if units >= 8:
            break
    return best[1:] if best is not None else None


def _granule(op: linalg.GenericOp, dim: int, planner: Planner | None) -> int:
    """Iterations of `dim` a slice boundary must not cut (see `choose_dim`)."""
    kernel = planner.plan(op, dim) if planner is not None else None
    if kernel is None:
        return 1
    c, tile = kernel.contraction, kernel.tile
    if dim == c.r:
        return tile.rows
    if dim == c.v:
        return tile.columns
    return 1


# --------------------------------------------------------------------------- footprints
@dataclass(frozen=True)
class Access:
    """Bytes of one graph argument a step reads or writes.

    `base` is the argument's index (None: unknown, conflicts with everything); [lo, hi)
    the bytes any thread may touch. `unit` is set when thread t touches only
    [lo + b_t * unit, lo + e_t * unit), its slice [b_t, e_t) of the step's split
    dimension (which `extent` and `granule` determine for any thread count).
    """

    base: int | None
    lo: int
    hi: int
    write: bool
    unit: int | None = None
    extent: int = 0
    granule: int = 1

    def same_slices(self, other: Access) -> bool:
        """Whether each thread touches the same bytes through both accesses."""
        return (self.unit is not None and self.base == other.base and self.lo == other.lo
                and (self.unit, self.extent, self.granule)
                == (other.unit, other.extent, other.granule))

    def conflicts(self, other: Access) -> bool:
        """Whether another thread's `other` may race with this one."""
        if not (self.write or other.write):
            return False
        if self.base is not None and other.base is not None and self.base != other.base:
            return False
        if self.same_slices(other):
            return False
        return self.lo < other.hi and other.lo < self.hi


_UNKNOWN = 1 << 62


def _locate(value: SSAValue, args: tuple[BlockArgument, ...]
            ) -> tuple[int | None, int] | None:
    """(argument index, byte offset) of a buffer; None for read-only globals."""
    owner = value.owner
    if isinstance(value, BlockArgument) and value in args:
        return args.index(value), 0
    if isinstance(owner, memref.GetGlobalOp):
        return None
    if isinstance(owner, memref.ViewOp):
        src = _locate(owner.source, args)
        shift = owner.byte_shift.owner
        if src is not None and src[0] is not None and isinstance(shift, arith.ConstantOp):
            return src[0], src[1] + shift.value.value.data
    if isinstance(owner, memref.ReinterpretCastOp):
        src = _locate(owner.source, args)
        offsets = list(owner.static_offsets.get_values())
        if src is None:
            return None
        if src[0] is not None and len(offsets) == 1 and offsets[0] >= 0:
            item = _itemsize(value.type)
            return src[0], src[1] + offsets[0] * item
    return (None, 0)


def _itemsize(t: MemRefType) -> int:
    return _nbytes(MemRefType(t.element_type, [1]))


def footprint(op: linalg.GenericOp, args: tuple[BlockArgument, ...],
              split: tuple[int, int, int] | None) -> list[Access]:
    """Every buffer access of `op`; `split` = (dim, extent, granule) if it is split."""
    accesses = []
    maps = list(op.indexing_maps.data)
    operands = [(v, maps[i], i >= len(op.inputs)) for i, v in
                enumerate([*op.inputs, *op.outputs])]
    # A contraction's padded read goes through its map (clamped into the tensor: padded
    # axes are never the split one); other buffers read inside the body (gathers) are
    # read anywhere.
    c = analyze(op)
    padded = c.padded if c is not None else None
    if padded is not None:
        operands.append((padded.source, AffineMapAttr(padded.map), False))
    operands += [(v, None, False) for v in _free_values(op)
                 if isinstance(v.type, MemRefType) and v not in op.operands
                 and (padded is None or v is not padded.source)]
    for value, amap, write in operands:
        where = _locate(value, args)
        if where is None:
            continue  # a constant: nobody writes it
        base, lo = where
        if base is None:
            accesses.append(Access(None, 0, _UNKNOWN, write))
            continue
        t = value.type
        hi = lo + _nbytes(t)
        sliced = None
        if split is not None and amap is not None:
            dim, extent, granule = split
            shape = t.get_shape()
            for k, expr in enumerate(amap.data.results):
                if _pure_dim(expr) == dim and prod(shape[:k]) == 1:
                    sliced = prod(shape[k + 1:]) * _itemsize(t)
                    break
        if sliced is not None:
            accesses.append(Access(base, lo, hi, write, sliced, split[1], split[2]))
        else:
            accesses.append(Access(base, lo, hi, write))
    return accesses


@dataclass
class _Planned:
    step: func.FuncOp
    accesses: list[Access]
    split: bool


def schedule(steps: list[_Planned]) -> None:
    """Barriers and thread slots (see the module docstring), as step attributes."""
    pending: list[tuple[Access, int | None]] = []  # (access, slot; None = split)
    next_slot = 0
    for planned in steps:
        clashes = [slot for acc, slot in pending
                   if any(acc.conflicts(b) for b in planned.accesses)]
        slot = None
        barrier = False
        if planned.split:
            barrier = bool(clashes)
        elif clashes and None not in clashes and len(set(clashes)) == 1:
            slot = clashes[0]  # depends on one thread's work only: run after it, there
        else:
            barrier = bool(clashes)
            slot = next_slot
            next_slot += 1
        if barrier:
            planned.step.attributes[BARRIER_ATTR] = UnitAttr()
            pending = []
        if slot is not None:
            planned.step.attributes[THREAD_SLOT_ATTR] = IntegerAttr(slot, i64)
        pending += [(a, slot) for a in planned.accesses]


@dataclass(frozen=True)
class ParallelizePass(TargetedPass):
    """Outline each generic into a step function; mark and schedule the ones to split
    (slices keep whole the register blocks of the `target`'s kernels)."""

    name = "parallelize"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        planner = Planner(op, vector_target(self.target))
        # Step numbers run over the whole module: each step is a symbol of the module.
        numbers = itertools.count()
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            if fn.body.blocks and not is_step(fn.sym_name.data):
                _outline(op, fn, numbers, planner)


def _outline(module: ModuleOp, fn: func.FuncOp, numbers: Iterator[int],
             planner: Planner) -> None:
    block = fn.body.blocks[0]
    args = tuple(block.args)
    arg_types = [a.type for a in block.args]
    arg_attrs = list(fn.arg_attrs.data) if fn.arg_attrs else [DictionaryAttr({})] * len(arg_types)
    generics = [op for op in block.ops if isinstance(op, linalg.GenericOp)]
    total = sum(work(op) for op in generics)
    planned: list[_Planned] = []
    parallel_work = 0
    last_split: tuple[int, int] | None = None  # (extent, granule) of the last split step
    for op in generics:
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
        step_work = work(op)
        step_fn.attributes[WORK_ATTR] = IntegerAttr(step_work, i64)
        split = choose_dim(op, planner) if total >= MIN_GRAPH_WORK else None
        extent, granule = 1, 1
        if split is not None:
            dim, extent, granule = split
            if granule == 1 and last_split is not None and last_split[0] == extent and \
                    extent >= 2 * last_split[1]:
                # Slices like the last split step's (a depthwise convolution after the
                # channel blocks of its producer): the same bytes on every thread, no
                # barrier between the two.
                granule = last_split[1]
            last_split = (extent, granule)
            accesses = footprint(op, args, (dim, extent, granule))
            if _self_overlap(accesses):
                split, extent = None, 1  # it reads bytes another thread's slice writes
        if split is not None:
            step_fn.attributes[PARALLEL_DIM_ATTR] = IntegerAttr(dim, i64)
            step_fn.attributes[PARALLEL_EXTENT_ATTR] = IntegerAttr(extent, i64)
            if granule > 1:
                step_fn.attributes[PARALLEL_GRANULE_ATTR] = IntegerAttr(granule, i64)
            parallel_work += step_work
        else:
            accesses = footprint(op, args, None)
        planned.append(_Planned(step_fn, accesses, split is not None))
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
    schedule(planned)
    fn.attributes[PARALLEL_WORK_ATTR] = IntegerAttr(parallel_work, i64)
    # Views and constants the steps now recompute are dead in the graph function.
    for op in reversed(list(block.ops)):
        if op.results and all(not r.uses for r in op.results):
            op.detach()
            op.erase()


def _self_overlap(accesses: list[Access]) -> bool:
    """Whether a split step would read, on one thread, bytes another thread writes."""
    writes = [a for a in accesses if a.write]
    return any(w.conflicts(a) for w in writes for a in accesses if a is not w and not a.write)


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

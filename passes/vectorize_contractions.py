"""`vectorize-contractions`: matrix products and convolutions become register-blocked
outer-product micro-kernels on explicit vectors.

Runs on buffers, inside the step functions `parallelize` made. Each contraction generic
(see `passes/contraction.py`) is replaced by a loop nest whose innermost part keeps an
MR x NR block of the output in vector registers across the whole sum:

    for outer parallel loops (the step's parallel loop over [begin, end))
      for r0 in rows, step MR                     (r: the register-block dimension)
        for v0 in the vector dimension, step NR   (v: NR = NV vectors of VL lanes)
          acc[i][j] = out[r0 + i, v0 + j*VL]      (or the prologue: bias, zero)
          for each reduction step k:              (accumulators stay in registers)
            b[j] = vector load  vec[k, v0 + j*VL]          NV loads
            a[i] = broadcast    bcast[r0 + i, k]           MR broadcasts
            acc[i][j] = fma(a[i], b[j], acc[i][j])         MR * NV FMAs
          epilogue on acc (activation, clamp, residual add), then store

For a NCHW convolution, v is the output column (the input row is read with the
convolution's stride: 1, or 2 to 4 as contiguous vectors deinterleaved by shuffles) and
r the output channel (filter scalars broadcast); for a matrix product v is n and r is
m; for a depthwise convolution r is the output row (each row loads its own input
vectors and shares the filter scalar). Edges never fall back to scalar code: the last
columns are vectors, the last under a lane mask (`vector.maskedload/maskedstore`) and of
half the width when it fits in half, rows that do not fill a block run a one-row kernel, a padded input is read in place under the mask
of the lanes inside it. A prologue (the initial value: bias) is computed in registers
instead of loading the output, an epilogue (activation, clamp, residual add) is
applied to the accumulators before the one store.

MR and NV come from the vector target (`passes/target.py`): the block, one row of
vectors and a broadcast must fit the vector registers. Among the shapes that fit, a
small cost model (FMAs, loads, the cycles every reduction step takes at least, rows and
lanes wasted at the edges) picks the cheapest for the op's extents.

Constant broadcast operands (convolution filters, constant left-hand matrices) are
packed once, at compile time, into a new global whose innermost dimension is r: the MR
scalars one reduction step broadcasts are then adjacent in memory. The packed global
keeps the original constant's location; the original is dropped when nothing else
reads it. A run-time vector operand whose rows alias in the L1 cache (a 1024-wide
matrix) is copied per call into contiguous panels on the stack. When the broadcast
operand is larger than `WEIGHTS_IN_CACHE` (ResNet50's late filters: megabytes), the row
blocks loop outside the outer parallel loops instead, so one row block's filters are
read from memory once and from the cache for every output row.

Every access goes through a one-dimensional view of its buffer (one index: a base
shared by the block plus a constant); equal input loads are one load, placed outside
the loops they do not depend on. The generated IR is compact: loops for everything
but the register block (MR * NV FMAs per reduction step, written out), so LLVM's
compile time stays small. The loop over the step's parallel dimension runs over the
step's [begin, end).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from math import prod

import numpy as np

from xdsl.context import Context
from xdsl.dialects import arith, func, memref, vector
from xdsl.dialects.builtin import (
    ArrayAttr,
    DenseIntOrFPElementsAttr,
    DictionaryAttr,
    FunctionType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    StringAttr,
    TensorType,
    UnitAttr,
    DenseArrayBase,
    UnknownLoc,
    VectorType,
    f32,
    i1,
    i64,
)
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import BlockArgument, Operation, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap

from runtime.contract import is_step

from .contraction import Contraction, Part, analyze, linear
from .loop_nest import Bound, LoopNest, Terms, Value, flat_terms
from .loop_nest import at as _at
from .make_op import make
from .convert_vector_to_llvm import OUTSIDE
from .target import TargetedPass, VectorTarget, vector_target


#: Vector registers a block leaves free besides its accumulators and row of vectors
#: (the broadcast, and one for LLVM's scheduling).
SPARE_REGISTERS = 3
#: Cycles a reduction step takes at least: every accumulator chain takes one FMA per
#: step (4 cycles of latency on Zen 4), plus the step's loads and loop work. Calibrated
#: on W1: blocks that leave single rows over (7 x 3 vectors for 100 channels) measured
#: 4% slower than ones that do not (10 x 2).
MIN_STEP_CYCLES = 6
#: Loads (vector or broadcast) a core issues per cycle, and what each load costs on top
#: (they compete with the FMAs for issue slots; fewer loads per FMA measure faster).
LOADS_PER_CYCLE = 1
LOAD_COST = 0.25
#: Most rows a block broadcasts from an operand whose rows are not adjacent in memory:
#: each row is its own cache line, all in one set of the L1 when the row stride is a
#: multiple of 4 KiB, and more rows than the L1's associativity evict each other.
SCATTERED_ROWS = 8
#: Fewest lanes of the half vectors a last part of a row may run on (`_Kernel._columns`):
#: a target with 4 lanes keeps its masked vectors.
MIN_HALF_LANES = 4
#: A packed panel of the vector operand must serve at least this many row blocks.
PANEL_SHARERS = 4
#: Bytes of a packed panel (a stack buffer of each step call): the panel streams from
#: the L2 cache, contiguous, while blocks of rows use it; a larger panel means fewer
#: passes of partial sums through the output. Measured on W3: KC 64 (L1-sized) 97
#: GFLOP/s, KC 512 (this) 110.
PANEL_BYTES = 128 * 1024
#: Rows of a vector operand this many bytes apart (or a multiple) are packed: their
#: lines fall into few sets of the L1 (a 1024-float matrix: all in one). A 1x1
#: convolution's 56 x 56 pixel rows are not, and measured faster unpacked.
ALIASING_STRIDE = 1024

#: Bytes of a broadcast operand (a convolution's weights) beyond which the row blocks go
#: outermost (`_Kernel._rows_outermost`): half of a Zen 4 core's 1 MiB L2, so a row
#: block's panel of them stays cached across the output rows. ResNet50's 3x3 512->512
#: convolution at 7x7 (9.4 MB of weights) took 25 ms with them streamed per output row.
WEIGHTS_IN_CACHE = 512 * 1024


@dataclass(frozen=True)
class Tile:
    """The register block: `rows` rows of `vectors` vectors of `lanes` lanes."""

    rows: int
    vectors: int
    lanes: int

    @property
    def columns(self) -> int:
        return self.vectors * self.lanes


def _kernel_cycles(rows: int, vectors: int, r_in_vec: bool, stride: int = 1,
                   shared: int = 1) -> float:
    """Estimated cycles of one reduction step of a rows x vectors block (a strided
    vector costs `stride` loads and `stride - 1` shuffles; `shared`: the loads all rows
    of a depthwise block share, one broadcast or, in NHWC, a filter vector each)."""
    fmas = rows * vectors
    per_vector = 2 * stride - 1
    loads = (rows * vectors * per_vector + shared) if r_in_vec else (vectors * per_vector + rows)
    return max(fmas, loads / LOADS_PER_CYCLE, MIN_STEP_CYCLES) + LOAD_COST * loads


def choose_tile(c: Contraction, target: VectorTarget, adjacent_rows: bool = True) -> Tile:
    """The cheapest register block for `c` on `target` (see module doc).

    `adjacent_rows`: whether the scalars one reduction step broadcasts for consecutive
    rows are adjacent in memory (a packed constant); if not, see `SCATTERED_ROWS`.
    """
    lanes = target.lanes
    columns = c.extents[c.v]
    rows_total = c.extents[c.r] if c.r is not None else 1
    best: tuple[float, float, Tile] | None = None
    for vectors in range(1, 5):
        if vectors > 1 and (vectors - 1) * lanes >= columns:
            break
        budget = target.registers - vectors - SPARE_REGISTERS
        shared = vectors if c.bcast_vector else 1
        if c.r_in_vec:
            # Each row loads its own vectors: a strided row holds `stride` of them until
            # its shuffle, and LLVM hoists those loads, so more rows spill accumulators
            # (28 rows of a stride-2 depthwise convolution did, every FMA then loaded
            # and stored one: 0.34 ms against 0.23 for 14 rows on 96 channels at 112).
            budget = (target.registers - SPARE_REGISTERS - shared) // c.stride
        max_rows = max(1, min(budget // vectors, rows_total)) if c.r is not None else 1
        if not adjacent_rows and not c.r_in_vec or c.bcast_vector:
            max_rows = min(max_rows, SCATTERED_ROWS)
        full, rest = divmod(columns, vectors * lanes)
        tail = -(-rest // lanes)
        for rows in range(1, max_rows + 1):
            blocks, leftover = divmod(rows_total, rows)
            per_row_block = full * _kernel_cycles(rows, vectors, c.r_in_vec, c.stride, shared) \
                + tail * _kernel_cycles(rows, 1, c.r_in_vec, c.stride)
            single = full * _kernel_cycles(1, vectors, c.r_in_vec, c.stride, shared) + \
                tail * _kernel_cycles(1, 1, c.r_in_vec, c.stride)
            cycles = blocks * per_row_block + leftover * single
            key = (cycles, -rows * vectors, Tile(rows, vectors, lanes))
            if best is None or key[:2] < best[:2]:
                best = key
    assert best is not None
    return best[2]


@dataclass(frozen=True)
class VectorizeContractionsPass(TargetedPass):
    """Replace contraction generics by register-blocked vector kernels (see module doc)."""

    name = "vectorize-contractions"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        target = vector_target(self.target)
        packer = _Packer(op)
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            for generic in [o for o in fn.walk() if isinstance(o, linalg.GenericOp)]:
                c = analyze(generic)
                if c is None:
                    continue
                _Kernel(c, target, fn, packer).emit()
        packer.drop_unused()


# ------------------------------------------------------------------------------ packing
class _Packer:
    """Packs constant broadcast operands into new globals, once per layout.

    `share-kernels` runs first, so a contraction may be in a kernel several steps call,
    its operand an argument of the kernel: the operand is constant when every call
    passes a constant, and packing it packs each call's constant the same way and passes
    the packed globals as a new argument of the kernel (`drop_unused` then removes the
    argument that took the originals)."""

    def __init__(self, module: ModuleOp):
        self.module = module
        self.globals = {o.sym_name.data: o for o in module.body.ops
                        if isinstance(o, memref.GlobalOp)}
        self.made: dict[tuple[str, tuple[int, ...], tuple[int, ...]], memref.GlobalOp] = {}
        self.replaced: set[str] = set()
        #: shared kernel -> the calls of it (what a step calls is a shared kernel)
        self.calls: dict[str, list[func.CallOp]] = {}
        for fn in module.body.ops:
            if isinstance(fn, func.FuncOp) and fn.body.blocks and is_step(fn.sym_name.data):
                for o in fn.body.blocks[0].ops:
                    if isinstance(o, func.CallOp):
                        self.calls.setdefault(o.callee.root_reference.data, []).append(o)
        self.kernels: list[func.FuncOp] = []  # kernels given a packed argument

    def pack(self, value: SSAValue, order: Sequence[int], anchor: Operation
             ) -> SSAValue | None:
        """`value` (a constant buffer) with its axes permuted to `order`, as a new global
        read by a `memref.get_global` inserted before `anchor` (or, for a kernel's
        argument, before each call, and passed as a new argument); None if not
        constant."""
        shape = tuple(value.type.get_shape())
        sites = self._sites(value)
        if sites is None:
            source = self.source(value)
            if source is None:
                return None
            return self._get(self._packed(source, shape, order), value, anchor)
        sources = [self.source(v) for _, v in sites]
        if not sources or any(g is None for g in sources):
            return None
        packed = [self._packed(g, shape, order) for g in sources]
        kernel = value.block.parent_op()
        block = kernel.body.blocks[0]
        arg = block.insert_arg(packed[0].type, len(block.args) - 2, value.location)
        attrs = list(kernel.arg_attrs.data) if kernel.arg_attrs else \
            [DictionaryAttr({})] * (len(block.args) - 1)
        attrs.insert(arg.index, DictionaryAttr({"llvm.align": IntegerAttr(64, i64)}))
        _signature(kernel, attrs)
        for (call, site), g in zip(sites, packed):
            operands = list(call.operands)
            operands.insert(arg.index, self._get(g, site, call))
            call.operands = operands
        if kernel not in self.kernels:
            self.kernels.append(kernel)
        return arg

    def _packed(self, source: memref.GlobalOp, shape: tuple[int, ...], order: Sequence[int]
                ) -> memref.GlobalOp:
        name = source.sym_name.data
        key = (name, shape, tuple(order))
        packed = self.made.get(key)
        if packed is None:
            data = np.frombuffer(bytes(source.initial_value.data.data), dtype=np.float32)
            data = np.ascontiguousarray(data.reshape(shape).transpose(order))
            new_type = MemRefType(f32, data.shape)
            attr = DenseIntOrFPElementsAttr(TensorType(f32, data.shape),
                                            _bytes_attr(data.tobytes()))
            # Named by its layout, so the name says what the data is: a graph dealt into
            # parts before this pass (`compiler.parts`) may pack a constant two of its
            # parts read in each of them, and the copies must be the same symbol.
            layout = "x".join(map(str, data.shape)) + "_" + "_".join(map(str, order))
            packed = memref.GlobalOp.get(StringAttr(f"{name}_packed_{layout}"),
                                         new_type, attr, constant=UnitAttr(), alignment=64)
            packed.location = source.location
            self.module.body.block.insert_op_after(packed, source)
            self.made[key] = packed
            self.replaced.add(name)
        return packed

    @staticmethod
    def _get(packed: memref.GlobalOp, original: SSAValue, anchor: Operation) -> SSAValue:
        """A read of `packed` before `anchor`, located where `original` was read."""
        owner = original.owner
        if isinstance(owner, memref.ReinterpretCastOp):
            owner = owner.source.owner
        get = memref.GetGlobalOp(packed.sym_name.data, packed.type)
        get.location = owner.location
        anchor.parent.insert_op_before(get, anchor)
        return get.memref

    def _sites(self, value: SSAValue) -> list[tuple[func.CallOp, SSAValue]] | None:
        """(call, operand) for each call of the shared kernel whose argument `value` is,
        or None when `value` is no such argument."""
        if not isinstance(value, BlockArgument):
            return None
        fn = value.block.parent_op()
        if not isinstance(fn, func.FuncOp) or fn.sym_name.data not in self.calls \
                or value.block is not fn.body.blocks[0]:
            return None
        return [(call, call.operands[value.index])
                for call in self.calls.get(fn.sym_name.data, [])]

    def source(self, value: SSAValue) -> memref.GlobalOp | None:
        """The constant global `value` is (a view of) with its data, or None."""
        owner = value.owner
        if isinstance(owner, memref.ReinterpretCastOp):
            owner = owner.source.owner
        if not isinstance(owner, memref.GetGlobalOp):
            return None
        source = self.globals.get(owner.name_.root_reference.data)
        if source is None or not isinstance(source.initial_value, DenseIntOrFPElementsAttr):
            return None
        return source

    def is_constant(self, value: SSAValue) -> bool:
        """Whether `value` is (a view of) a constant global, or a kernel's argument that
        is one at every call."""
        sites = self._sites(value)
        if sites is not None:
            return bool(sites) and all(self.is_constant(v) for _, v in sites)
        owner = value.owner
        if isinstance(owner, memref.ReinterpretCastOp):
            owner = owner.source.owner
        return isinstance(owner, memref.GetGlobalOp)

    def drop_unused(self) -> None:
        """Remove the kernel arguments nothing reads any more (what the calls passed for
        them, if nothing else reads it), then the originals of packed globals that
        nothing reads."""
        for kernel in self.kernels:
            block = kernel.body.blocks[0]
            attrs = list(kernel.arg_attrs.data)
            for arg in [a for a in block.args[:-2] if not a.uses]:
                index = arg.index
                for call in self.calls.get(kernel.sym_name.data, []):
                    operands = list(call.operands)
                    dropped = operands.pop(index)
                    call.operands = operands
                    _erase_unread(dropped)
                block.erase_arg(arg)
                del attrs[index]
            _signature(kernel, attrs)
        used = {o.name_.root_reference.data for o in self.module.walk()
                if isinstance(o, memref.GetGlobalOp)}
        for name in self.replaced - used:
            g = self.globals[name]
            g.detach()
            g.erase()


def _signature(kernel: func.FuncOp, arg_attrs: list) -> None:
    """`kernel`'s type and argument attributes, after its arguments changed."""
    kernel.function_type = FunctionType.from_lists([a.type for a in kernel.body.blocks[0].args],
                                                   [])
    kernel.arg_attrs = ArrayAttr(arg_attrs)


def _erase_unread(value: SSAValue) -> None:
    """Erase the op defining `value` (a view, a read of a global, an offset) if nothing
    reads it, and so on for what it read."""
    owner = value.owner
    if not isinstance(owner, (memref.GetGlobalOp, memref.ReinterpretCastOp, memref.ViewOp,
                              arith.ConstantOp)) or any(r.uses for r in owner.results):
        return
    operands = list(owner.operands)
    owner.detach()
    owner.erase()
    for operand in operands:
        _erase_unread(operand)


def _bytes_attr(data: bytes):
    from xdsl.dialects.builtin import BytesAttr

    return BytesAttr(data)


# ----------------------------------------------------------------------------- planning
def _merges(c: Contraction, terms: Terms, parallel_dim: int | None) -> list[int]:
    """The outer loops merged into the vector dimension, in order: those every operand
    walks as one contiguous run with it (a 1x1 convolution's rows and columns), for
    longer vector runs and fewer masked tails. None when the step's slices are of the
    vector dimension (a slice of it is not a run of the merged one) or a padded read
    checks its axes one by one."""
    if parallel_dim == c.v or c.padded is not None:
        return []
    coefs = [dict(t) for t, _ in terms]
    outer, v_extent, merged = list(c.outer), c.extents[c.v], []
    while True:
        merge = next((a for a in outer
                      if all(t.get(a, 0) == t.get(c.v, 0) * v_extent for t in coefs)), None)
        if merge is None:
            return merged
        merged.append(merge)
        v_extent *= c.extents[merge]
        outer.remove(merge)
        for t in coefs:
            t.pop(merge, None)


def _pack_order(c: Contraction, amap: AffineMap) -> list[int] | None:
    """The axis order a constant broadcast operand is packed in (outer loops, then the
    reduction steps in loop order, r innermost), or None when it is not repacked."""
    if c.r is None or c.r_in_vec:
        return None
    keys = []
    for q, expr in enumerate(amap.results):
        if isinstance(expr, AffineConstantExpr):
            keys.append((0, 0, q))
        elif not isinstance(expr, AffineDimExpr):
            return None
        elif expr.position in c.outer:
            keys.append((1, c.outer.index(expr.position), q))
        elif expr.position in c.reductions:
            keys.append((2, c.reductions.index(expr.position), q))
        else:
            keys.append((3, 0, q))
    order = [q for *_, q in sorted(keys)]
    return None if order == list(range(len(order))) else order


def _adjacent_rows(c: Contraction, terms: Terms) -> bool:
    """Whether consecutive rows broadcast adjacent scalars (unit stride in r)."""
    return c.r is None or terms[c.bcast][0].get(c.r) == 1


@dataclass(frozen=True)
class Plan:
    """The kernel a contraction will get: its analysis (extents after merging loops into
    the vector dimension) and its register block."""

    contraction: Contraction
    tile: Tile


class Planner:
    """The kernels `vectorize-contractions` will emit, known before it runs (for
    `parallelize`, which splits steps in whole register blocks)."""

    def __init__(self, module: ModuleOp, target: VectorTarget):
        self.packer = _Packer(module)
        self.target = target

    def plan(self, op: linalg.GenericOp, parallel_dim: int | None) -> Plan | None:
        """The kernel of `op` when its step is split along `parallel_dim`, without
        emitting anything; None when the op gets no kernel. The choices are those of
        `_Kernel.emit`, made by the same helpers."""
        c = analyze(op)
        if c is None:
            return None
        buffers: list[SSAValue] = [*op.inputs, *op.outputs]
        maps = [m.data for m in op.indexing_maps.data]
        if c.padded is not None:
            buffers.append(c.padded.source)
            maps.append(c.padded.map)
        terms = flat_terms(buffers, maps)
        adjacent = _adjacent_rows(c, terms)
        if _pack_order(c, maps[c.bcast]) is not None and \
                self.packer.source(buffers[c.bcast]) is not None:
            adjacent = True  # packed with r innermost
        merged = _merges(c, terms, parallel_dim)
        extents = list(c.extents)
        for merge in merged:
            extents[c.v] *= extents[merge]
        c = replace(c, extents=extents, outer=[d for d in c.outer if d not in merged])
        return Plan(c, choose_tile(c, self.target, adjacent))


# ------------------------------------------------------------------------------ kernels
class _Kernel(LoopNest):
    """Emits the loop nest and micro-kernels replacing one contraction generic."""

    def __init__(self, c: Contraction, target: VectorTarget, fn: func.FuncOp,
                 packer: _Packer):
        super().__init__(c.op, fn, target.lanes)
        self.c = c
        self.target = target
        self.packer = packer
        self.vtype = VectorType(f32, [target.lanes])
        n_in = len(self.op.inputs)
        self.buffers: list[SSAValue] = [*self.op.inputs, *self.op.outputs]
        self.maps: list[AffineMap] = [m.data for m in self.op.indexing_maps.data]
        if c.padded is not None:  # operand n_in + 1: the source of the padded read
            self.buffers.append(c.padded.source)
            self.maps.append(c.padded.map)
        self.out = n_in
        self.bounds = self._bounds()

    def vconst(self, value: float) -> SSAValue:
        attr = DenseIntOrFPElementsAttr.from_list(self.vtype, [value] * self.lanes)
        return self._cached(("vconst", value), [], lambda: arith.ConstantOp(attr))

    # -- bounds
    def _bounds(self) -> dict[int, tuple[Bound, Bound]]:
        return self.step_bounds(self.c.extents)

    # -- addressing
    def flat(self, operand: int) -> SSAValue:
        """`operand`'s buffer seen as one dimension (`LoopNest.flat_view`)."""
        return self.flat_view(self.buffers[operand])

    def _linearize(self) -> None:
        """Each operand's flat index as {dimension: coefficient} plus a constant."""
        self.terms = flat_terms(self.buffers, self.maps)

    def _collapse(self) -> None:
        """Merge outer loops into the vector dimension where every operand walks them as
        one contiguous run (`_merges`)."""
        c = self.c
        for merge in _merges(c, self.terms, self.parallel_dim):
            v_extent = c.extents[c.v]
            extents = list(c.extents)
            extents[c.v] = v_extent * c.extents[merge]
            lo, hi = self.bounds[merge]
            self.bounds[c.v] = (0, extents[c.v]) if isinstance(lo, int) else \
                (self.muli(lo, self.index(v_extent)), self.muli(hi, self.index(v_extent)))
            for t, _ in self.terms:
                t.pop(merge, None)
            c = self.c = replace(c, extents=extents, outer=[d for d in c.outer if d != merge])

    def indices(self, operand: int, env: dict[int, Value]) -> list[SSAValue]:
        """The index into `flat(operand)` at the loop values `env`."""
        extra = self._clamped_axes(env) \
            if operand == self.c.vec and self.c.padded is not None else []
        return [self.flat_index(self.terms[operand], env, extra)]

    def load_vector(self, operand: int, env: dict[int, Value], mask: SSAValue | None
                    ) -> SSAValue:
        buf, [idx] = self.flat(operand), self.indices(operand, env)
        if mask is None:
            load: Callable[[], Operation] = lambda: make(vector.LoadOp, (buf, idx),
                                                        (self.vtype,))
        else:
            passthru = self.vconst(0.0)
            load = lambda: make(vector.MaskedLoadOp, (buf, idx, mask, passthru),  # noqa: E731
                                (self.vtype,))
        if operand == self.out:
            return self._insert(load()).results[0]
        # Inputs are read-only here: equal loads are one load, placed where their index
        # is defined (out of the loops it does not depend on).
        return self._cached(("load", buf, idx, mask), [idx, mask], load)

    def load_operand(self, env: dict[int, Value], mask: SSAValue | None,
                     count: SSAValue | None) -> SSAValue:
        """A vector of the vector operand; with a stride s, s contiguous vectors (the
        last one masked so no element past the last lane's is read) deinterleaved. A
        padded read loads under the mask of the lanes inside the tensor instead."""
        c, lanes = self.c, self.lanes
        if c.stride == 1 and c.padded is None:
            return self.load_vector(c.vec, env, mask)
        buf, [idx] = self.flat(c.vec), self.indices(c.vec, env)
        if count is not None:  # elements the lanes need
            need = count if c.stride == 1 else \
                self.subi(self.muli(count, self.index(c.stride)), self.index(c.stride - 1))
        # Whether the vector's axis is read without a guard (unpadded, or a padded read
        # whose padding is on other axes only): its lanes are then bounded by what the
        # output's lanes need, so none reads past the row (and the buffer's) end.
        unguarded = c.padded is None or len(self.maps[c.vec].results) - 1 not in c.padded.sizes
        parts = []
        for m in range(c.stride):
            at = idx if m == 0 else self.addi(idx, self.index(m * lanes))
            bound = None
            if unguarded and count is not None:
                bound = self.lane_mask(self.subi(need, self.index(m * lanes)) if m else need)
            elif unguarded and m == c.stride - 1 > 0:
                bound = self.lane_mask(lanes - c.stride + 1)
            part_mask = bound
            if c.padded is not None:
                part_mask = self.inside_mask(env, m * lanes)
                if bound is not None:
                    part_mask = self._cached(("andi", part_mask, bound), [part_mask, bound],
                                             lambda a=part_mask, b=bound: arith.AndIOp(a, b))
            if part_mask is None:
                load = lambda at=at: make(vector.LoadOp, (buf, at), (self.vtype,))  # noqa: E731
            else:
                def load(at=at, k=part_mask):
                    masked = make(vector.MaskedLoadOp, (buf, at, k, self.vconst(0.0)),
                                  (self.vtype,))
                    if c.padded is not None:
                        masked.attributes[OUTSIDE] = UnitAttr()
                    return masked
            parts.append(self._cached(("load", buf, at, part_mask), [at, part_mask], load))
        # Lane l takes element s*l of the concatenated parts, gathered part by part.
        result = parts[0]
        for m in range(1, c.stride):
            picks = []
            for lane in range(lanes):
                e = c.stride * lane
                if m == 1 and e < 2 * lanes:
                    picks.append(e)
                elif m > 1 and e < m * lanes:
                    picks.append(lane)
                elif m * lanes <= e < (m + 1) * lanes:
                    picks.append(lanes + e - m * lanes)
                else:
                    picks.append(0)  # filled by a later part
            shuffle = vector.ShuffleOp(result, parts[m], DenseArrayBase.from_list(i64, picks),
                                       result_type=self.vtype)
            result = self._insert(shuffle).results[0]
        return result

    def axis(self, operand: int, q: int, env: dict[int, Value]) -> SSAValue:
        """Index `q` of `operand` at the loop values `env`."""
        terms, const = linear(self.maps[operand].results[q])
        base: SSAValue | None = None
        for d, coef in sorted(terms.items(), key=lambda t: self.depth.get(env[t[0]][0], 0)):
            ssa, off = env[d]
            const += coef * off
            if ssa is not None:
                term = ssa if coef == 1 else self.muli(ssa, self.index(coef))
                base = term if base is None else self.addi(base, term)
        if base is None:
            return self.index(const)
        return base if const == 0 else self.addi(base, self.index(const))

    def inside_mask(self, env: dict[int, Value], first: int) -> SSAValue:
        """The lanes of a padded read that fall inside the tensor, for the contiguous
        elements starting `first` elements after the one at `env`: along the vector's
        axis element e is inside iff 0 <= start + e < size; any other guarded axis
        outside the tensor turns every lane off."""
        c, lanes = self.c, self.lanes
        last = len(self.maps[c.vec].results) - 1
        inside = self.inside_row(env)
        if last in c.padded.sizes:
            start = self.axis(c.vec, last, env)
            if first:
                start = self.addi(start, self.index(first))
            # lanes [-start, size - start)
            below = self.subi(self.index(0), start)
            above = self.subi(self.index(c.padded.sizes[last]), start)
            ones = self._cached(("ones",), [], lambda: arith.ConstantOp(
                DenseIntOrFPElementsAttr.from_list(VectorType(i1, [lanes]), [1] * lanes)))
            low = self.lane_mask(below)
            not_low = self._cached(("xori", low), [low], lambda: arith.XOrIOp(low, ones))
            high = self.lane_mask(above)
            mask = self._cached(("andi", not_low, high), [not_low, high],
                                lambda: arith.AndIOp(not_low, high))
        else:
            mask = self.lane_mask(lanes)
        if inside is None:
            return mask
        none = self._cached(("none",), [], lambda: arith.ConstantOp(
            DenseIntOrFPElementsAttr.from_list(VectorType(i1, [lanes]), [0] * lanes)))
        return self._cached(("select", inside, mask), [inside, mask],
                            lambda: arith.SelectOp(inside, mask, none))

    def _clamped_axes(self, env: dict[int, Value]) -> list[tuple[int, int, SSAValue]]:
        """Index terms that move a padded read's guarded outer axes (neither the
        vector's nor the rows') back inside the tensor: (depth, stride, shift).

        A read outside along such an axis loads nothing (its mask is all off), but its
        address lies whole image rows beyond the buffer, often on a page that is not
        mapped, where even a load with every lane off takes a slow path (an NHWC
        depthwise convolution ran 3-5x slower, by where its buffers happened to lie).
        The shift depends on outer loops only, so it costs nothing per load."""
        c = self.c
        amap = self.maps[c.vec]
        shape = self.buffers[c.vec].type.get_shape()
        last = len(amap.results) - 1
        shifts = []
        for q, size in sorted(c.padded.sizes.items()):
            used = amap.results[q].used_dims()
            if q == last or c.v in used or (c.r is not None and c.r in used):
                continue
            value = self.axis(c.vec, q, env)
            high = self._cached(("minsi", value, size - 1), [value], lambda v=value, n=size:
                                arith.MinSIOp(v, self.index(n - 1)))
            inside = self._cached(("maxsi", high, 0), [high],
                                  lambda h=high: arith.MaxSIOp(h, self.index(0)))
            shift = self.subi(inside, value)
            shifts.append((self.depth.get(shift, 0), prod(shape[q + 1:]), shift))
        return shifts

    def inside_row(self, env: dict[int, Value]) -> SSAValue | None:
        """Whether a padded read at `env` is inside the tensor along every guarded axis
        but the vector's (an i1), or None when only the vector's axis is guarded."""
        c = self.c
        last = len(self.maps[c.vec].results) - 1
        inside = None
        for q, size in sorted(c.padded.sizes.items()):
            if q == last:
                continue
            value = self.axis(c.vec, q, env)
            low = self._cached(("sge", value), [value],
                               lambda v=value: arith.CmpiOp(v, self.index(0), "sge"))
            high = self._cached(("slt", value, size), [value],
                                lambda v=value, n=size: arith.CmpiOp(v, self.index(n), "slt"))
            ok = self._cached(("andi", low, high), [low, high],
                              lambda a=low, b=high: arith.AndIOp(a, b))
            inside = ok if inside is None else self._cached(
                ("andi", inside, ok), [inside, ok], lambda a=inside, b=ok: arith.AndIOp(a, b))
        return inside

    def load_broadcast(self, operand: int, env: dict[int, Value]) -> SSAValue:
        buf, [idx] = self.flat(operand), self.indices(operand, env)
        scalar = self._cached(("load", buf, idx), [idx], lambda: memref.LoadOp.get(buf, [idx]))
        return self._cached(("broadcast", scalar), [scalar],
                            lambda: make(vector.BroadcastOp, (scalar,), (self.vtype,)))

    def load_extra(self, operand: int, env: dict[int, Value], mask: SSAValue | None
                   ) -> SSAValue:
        if self.c.v in self.terms[operand][0]:
            return self.load_vector(operand, env, mask)
        return self.load_broadcast(operand, env)

    def store(self, value: SSAValue, env: dict[int, Value], mask: SSAValue | None) -> None:
        buf, idx = self.flat(self.out), self.indices(self.out, env)
        if mask is None:
            self._insert(make(vector.StoreOp, (value, buf, *idx)))
        else:
            self._insert(make(vector.MaskedStoreOp, (buf, *idx, mask, value)))

    # -- emission
    def emit(self) -> None:
        c = self.c
        if c.padded is not None:
            # Loops that move a padded read across the tensor's border go outermost, so
            # its masks are computed once for all the other reduction steps.
            guarded = set().union(*(self.maps[c.vec].results[q].used_dims()
                                    for q in c.padded.sizes))
            self.c = replace(c, reductions=sorted(c.reductions, key=lambda d: d not in guarded))
        self._pack()
        self._linearize()
        self._collapse()
        self.tile = choose_tile(self.c, self.target, self._adjacent_rows())
        self.kc = self._plan_packing()
        env: dict[int, Value] = {}
        if self._rows_outermost():
            self._rows(env, lambda e, rows: self._outer(
                0, e, lambda e2: self._columns(e2, rows, full=True)))
        else:
            self._outer(0, env)
        operands = list(self.op.operands)
        self.op.detach()
        self.op.erase()
        # Views and globals only the generic read (a constant it now reads packed).
        for value in operands:
            owner = value.owner
            while isinstance(owner, (memref.GetGlobalOp, memref.ReinterpretCastOp)) and \
                    not any(r.uses for r in owner.results):
                source = owner.operands[0].owner if owner.operands else None
                owner.detach()
                owner.erase()
                owner = source

    def _pack(self) -> None:
        """Constant broadcast operand: r innermost, reduction steps in loop order."""
        c = self.c
        amap = self.maps[c.bcast]
        order = _pack_order(c, amap)
        if order is None:
            return
        packed = self.packer.pack(self.buffers[c.bcast], order, self.op)
        if packed is None:
            return
        self.buffers[c.bcast] = packed
        self.maps[c.bcast] = AffineMap(amap.num_dims, 0,
                                       tuple(amap.results[q] for q in order))

    def _adjacent_rows(self) -> bool:
        """Whether consecutive rows broadcast adjacent scalars (unit stride in r)."""
        return _adjacent_rows(self.c, self.terms)

    def _rows_outermost(self) -> bool:
        """Whether the row blocks loop outside the outer loops: when the broadcast operand
        (a convolution's weights) is larger than `WEIGHTS_IN_CACHE`, so that a row
        block's weights are read from memory once and then from the cache for every
        output row, instead of all the weights streaming in again for each."""
        c = self.c
        if self.kc or c.r is None or c.r_in_vec:
            return False
        if all(isinstance(lo, int) and isinstance(hi, int) and hi - lo == 1
               for lo, hi in (self.bounds[d] for d in c.outer)):
            return False
        return prod(self.buffers[c.bcast].type.get_shape()) * 4 > WEIGHTS_IN_CACHE

    def _outer(self, k: int, env: dict[int, Value],
               inner: Callable[[dict[int, Value]], None] | None = None) -> None:
        """The outer loops from the k-th, then `inner(env)` (default: every block)."""
        c = self.c
        if k == len(c.outer):
            (inner or self._blocks)(env)
            return
        d = c.outer[k]
        lo, hi = self.bounds[d]
        if isinstance(lo, int) and isinstance(hi, int) and hi - lo == 1:
            self._outer(k + 1, {**env, d: (None, lo)}, inner)
            return

        def body(iv, _carried):
            self._outer(k + 1, {**env, d: _at(iv)}, inner)
            return []
        self.for_(lo, hi, 1, [], body)

    def _rows(self, env: dict[int, Value],
              work: Callable[[dict[int, Value], int], None]) -> None:
        """`work(env, rows)` on every block of rows (whole blocks, then single rows)."""
        c, rows = self.c, self.tile.rows
        if c.r is None:
            work(env, 1)
            return
        lo, hi = self.bounds[c.r]
        middle = self.split(lo, hi, rows) if rows > 1 else hi

        def block_rows(n):
            def body(iv, _carried):
                work({**env, c.r: _at(iv)}, n)
                return []
            return body
        if not self._empty(lo, middle):
            self.for_(lo, middle, rows, [], block_rows(rows))
        if rows > 1 and not self._empty(middle, hi):
            self.for_(middle, hi, 1, [], block_rows(1))

    def _blocks(self, env: dict[int, Value]) -> None:
        """The whole output range of the kernel at the outer loop values `env`."""
        if self.kc:
            self._packed(env)
            return
        self._rows(env, lambda e, rows: self._columns(e, rows, full=True))

    def _columns(self, env: dict[int, Value], rows: int, full: bool) -> None:
        """Blocks of whole vectors (if `full`), then the last columns: vector by vector,
        the last under a mask."""
        c, tile = self.c, self.tile
        lo, hi = self.bounds[c.v]
        middle = self.split(lo, hi, tile.columns)
        if full and not self._empty(lo, middle):
            def whole(iv, _carried):
                self._micro({**env, c.v: _at(iv)}, rows, tile.vectors, None)
                return []
            self.for_(lo, middle, tile.columns, [], whole)
        if self._empty(middle, hi):
            return
        if isinstance(middle, int) and isinstance(hi, int):
            self._static_tail(env, rows, middle, hi)
            return

        def tail(iv, _carried):
            left = self.subi(self.bound(hi), self.bound(iv))
            count = self._insert(arith.MinUIOp(left, self.index(tile.lanes))).results[0]
            mask = self._insert(vector.CreateMaskOp([count], VectorType(i1, [tile.lanes])))
            self._micro({**env, c.v: _at(iv)}, rows, 1, mask.results[0], count)
            return []
        self.for_(middle, hi, tile.lanes, [], tail)

    def _static_tail(self, env: dict[int, Value], rows: int, lo: int, hi: int) -> None:
        """The columns [lo, hi) past the whole blocks, known at compile time: whole
        vectors, then the last part under a mask. A last part that fits half a vector
        runs on half vectors: where a full vector's FMA is two halves' work (Zen 4
        splits 512-bit ops in two) the masked lanes of a full one are paid for, and
        elsewhere it costs the same. W1's rows of 100 columns end in 4: 4 of 8 lanes
        instead of 4 of 16, 5% faster on Zen 4."""
        c, lanes = self.c, self.tile.lanes
        whole, rest = divmod(hi - lo, lanes)
        if whole:
            def vector_block(iv, _carried):
                self._micro({**env, c.v: _at(iv)}, rows, 1, None)
                return []
            self.for_(lo, lo + whole * lanes, lanes, [], vector_block)
        if not rest:
            return
        at = {**env, c.v: (None, lo + whole * lanes)}
        if rest <= lanes // 2 and lanes // 2 >= MIN_HALF_LANES:
            with self._narrowed(lanes // 2):
                mask = self.lane_mask(rest) if rest < lanes // 2 else None
                self._micro(at, rows, 1, mask, self.index(rest) if mask is not None else None)
            return
        self._micro(at, rows, 1, self.lane_mask(rest), self.index(rest))

    @contextmanager
    def _narrowed(self, lanes: int):
        """Emit with vectors of `lanes` lanes (values cached per vector type)."""
        saved = self.vtype, self.lanes
        self.vtype, self.lanes = VectorType(f32, [lanes]), lanes
        try:
            yield
        finally:
            self.vtype, self.lanes = saved

    def _cached(self, key, values: Sequence[SSAValue], build: Callable[[], Operation]
                ) -> SSAValue:
        # A vector value depends on the vector type in use (`_narrowed`).
        return super()._cached((key, self.lanes), values, build)

    # -- packing the vector operand per call
    def _plan_packing(self) -> int:
        """Reduction steps per packed panel (KC) when the vector operand is copied per
        call into contiguous KC x NR panels, or 0 when that does not pay. It pays for a
        single-sum product (a matrix product) whose run-time vector operand has its
        rows a multiple of `ALIASING_STRIDE` bytes apart (a panel of them would crowd
        a few sets of the L1 cache), with enough row blocks to share each panel."""
        c, tile = self.c, self.tile
        if c.r is None or c.r_in_vec or c.stride != 1 or len(c.reductions) != 1 or \
                c.padded is not None:
            return 0
        if self.packer.is_constant(self.buffers[c.vec]):
            return 0
        (k,) = c.reductions
        if self.terms[c.vec][0].get(k, 0) * 4 % ALIASING_STRIDE:
            return 0
        if c.extents[c.r] < PANEL_SHARERS * tile.rows:
            return 0
        return min(c.extents[k], max(8, PANEL_BYTES // (tile.columns * 4)))

    def _packed(self, env: dict[int, Value]) -> None:
        """Whole column blocks with the vector operand packed per KC reduction steps
        (loops: columns, reduction blocks, rows); then the masked last columns as
        usual, unpacked."""
        c, tile, kc = self.c, self.tile, self.kc
        (k,) = c.reductions
        extent = c.extents[k]
        lo, hi = self.bounds[c.v]
        middle = self.split(lo, hi, tile.columns)
        panel = self.scratch(kc * tile.columns)
        lanes = tile.lanes

        def column_block(n0, _carried):
            def reduction_block(k0, _c):
                k_hi = k0 + kc if isinstance(k0, int) else self.addi(k0, self.index(kc))
                if extent % kc:
                    k_hi = min(k_hi, extent) if isinstance(k_hi, int) else self._cached(
                        ("minsi", k_hi, extent), [k_hi],
                        lambda: arith.MinSIOp(k_hi, self.index(extent)))
                span = k_hi - k0 if isinstance(k_hi, int) and isinstance(k0, int) else \
                    self.subi(self.bound(k_hi), self.bound(k0))

                def pack(kk, _p):
                    step = self.addi(self.bound(k0), self.bound(kk)) if not isinstance(kk, int) \
                        else k0
                    e = {**env, c.v: _at(n0), k: _at(step)}
                    base = self.muli(self.bound(kk), self.index(tile.columns))
                    for j in range(tile.vectors):
                        value = self.load_vector(c.vec, {**e, c.v: (e[c.v][0], e[c.v][1] + j * lanes)},
                                                 None)
                        at = base if j == 0 else self.addi(base, self.index(j * lanes))
                        self._insert(vector.StoreOp(value, panel, [at]))
                    return []
                self.for_(0, span, 1, [], pack)
                self._rows({**env, c.v: _at(n0)}, lambda e, rows: self._micro(
                    e, rows, tile.vectors, None, None, (k0, span, panel)))
                return []
            self.for_(0, extent, kc, [], reduction_block)
            return []
        if not self._empty(lo, middle):
            self.for_(lo, middle, tile.columns, [], column_block)
        self._rows(env, lambda e, rows: self._columns(e, rows, full=False))

    def scratch(self, size: int) -> SSAValue:
        """A stack buffer of `size` floats for this call of the step (each thread's call
        has its own), at the top of the step."""
        alloca = memref.AllocaOp.get(f32, alignment=64, shape=[size])
        return self._insert(alloca, 0).results[0]

    def _micro(self, env: dict[int, Value], rows: int, vectors: int,
               mask: SSAValue | None, count: SSAValue | None = None,
               block: tuple[Bound, Bound, SSAValue] | None = None) -> None:
        """One rows x vectors block: load, accumulate over every reduction step, store.
        A tail block has one vector with `count` lanes, `mask` on. With `block` =
        (first step, steps, panel) it accumulates only those reduction steps, reading
        the vectors from the packed panel; the prologue then applies on the first
        block of steps and the epilogue on the last (the output holds the partial sums
        in between)."""
        c, lanes = self.c, self.lanes

        def at(i: int, j: int, base: dict[int, Value]) -> dict[int, Value]:
            e = dict(base)
            if c.r is not None:
                ssa, off = e[c.r]
                e[c.r] = (ssa, off + i)
            ssa, off = e[c.v]
            e[c.v] = (ssa, off + j * lanes)
            return e

        def loaded() -> list[SSAValue]:
            return [self.load_vector(self.out, at(i, j, env), mask)
                    for i in range(rows) for j in range(vectors)]

        def started() -> list[SSAValue]:
            return [self._elementwise(c.prologue, {}, at(i, j, env), mask)
                    for i in range(rows) for j in range(vectors)]
        if c.prologue is None:
            accs = loaded()
        elif block is None or block[0] == 0:
            accs = started()
        elif isinstance(block[0], int):
            accs = loaded()
        else:
            k0 = block[0]
            first = self._cached(("first", k0), [k0],
                                 lambda: arith.CmpiOp(k0, self.index(0), "eq"))
            accs = self.if_(first, [self.vtype] * (rows * vectors), started, loaded)

        def step(kenv: dict[int, Value], carried: list[SSAValue], kk: Bound | None
                 ) -> list[SSAValue]:
            if block is not None:
                base = self.muli(self.bound(kk), self.index(self.tile.columns))
                row = []
                for j in range(vectors):
                    at_j = base if j == 0 else self.addi(base, self.index(j * lanes))
                    row.append(self._cached(("load", block[2], at_j), [at_j], lambda a=at_j:
                                            make(vector.LoadOp, (block[2], a), (self.vtype,))))
                vecs = [row] * rows
                bcasts = [self.load_broadcast(c.bcast, at(i, 0, kenv)) for i in range(rows)]
            elif c.r_in_vec:
                vecs = [[self.load_operand(at(i, j, kenv), mask, count) for j in range(vectors)]
                        for i in range(rows)]
                if c.bcast_vector:  # NHWC depthwise: the tap's filter vectors, shared
                    shared = [self.load_vector(c.bcast, at(0, j, kenv), mask)
                              for j in range(vectors)]
                    out = []
                    for i in range(rows):
                        for j in range(vectors):
                            fma = make(vector.FMAOp, (shared[j], vecs[i][j],
                                                      carried[i * vectors + j]), (self.vtype,))
                            out.append(self._insert(fma).results[0])
                    return out
                scalar = self.load_broadcast(c.bcast, kenv)
                bcasts = [scalar] * rows
            else:
                row = [self.load_operand(at(0, j, kenv), mask, count) for j in range(vectors)]
                vecs = [row] * rows
                bcasts = [self.load_broadcast(c.bcast, at(i, 0, kenv)) for i in range(rows)]
            out = []
            for i in range(rows):
                for j in range(vectors):
                    fma = make(vector.FMAOp, (bcasts[i], vecs[i][j], carried[i * vectors + j]),
                               (self.vtype,))
                    out.append(self._insert(fma).results[0])
            return out

        def nest(k: int, kenv: dict[int, Value], carried: list[SSAValue],
                 kk: Bound | None = None) -> list[SSAValue]:
            if k == len(c.reductions):
                return step(kenv, carried, kk)
            d = c.reductions[k]
            if block is not None:  # steps k0 + kk of the block; kk indexes the panel
                k0 = block[0]

                def body(kk, cs):
                    value = self.addi(self.bound(k0), self.bound(kk))
                    return nest(k + 1, {**kenv, d: (value, 0)}, cs, kk)
                return self.for_(0, block[1], 1, carried, body)
            if c.extents[d] == 1:
                return nest(k + 1, {**kenv, d: (None, 0)}, carried)
            return self.for_(0, c.extents[d], 1, carried,
                             lambda iv, cs: nest(k + 1, {**kenv, d: _at(iv)}, cs))
        sums = nest(0, env, accs)

        def store_all(values: list[SSAValue]) -> list[SSAValue]:
            for i in range(rows):
                for j in range(vectors):
                    self.store(values[i * vectors + j], at(i, j, env), mask)
            return []

        def finished() -> list[SSAValue]:
            return store_all([self._elementwise(c.epilogue, {c.sum: sums[i * vectors + j]},
                                                at(i, j, env), mask)
                              for i in range(rows) for j in range(vectors)])
        if c.epilogue is None:
            store_all(sums)
        elif block is None:
            finished()
        else:
            k0, span, _ = block
            end = self.addi(self.bound(k0), self.bound(span))
            last = self._cached(("last", end), [end], lambda: arith.CmpiOp(
                end, self.index(c.extents[c.reductions[0]]), "eq"))
            self.if_(last, [], finished, lambda: store_all(sums))

    def _elementwise(self, part: Part, values: dict[SSAValue, SSAValue],
                     env: dict[int, Value], mask: SSAValue | None) -> SSAValue:
        """`part` (a prologue or epilogue) on vectors: its extra inputs loaded at `env`,
        `values` giving the vectors of any other values it reads (the sum)."""
        block = self.op.body.blocks[0]
        values = dict(values)
        for i in part.extras:
            values[block.args[i]] = self.load_extra(i, env, mask)
        for o in part.ops:
            if isinstance(o, arith.ConstantOp):
                values[o.result] = self.vconst(o.value.value.data)
                continue
            operands = [values[v] for v in o.operands]
            new = arith.NegfOp(*operands) if isinstance(o, arith.NegfOp) else \
                type(o)(*operands, o.fastmath)
            values[o.results[0]] = self._insert(new).results[0]
            if not isinstance(o.location, UnknownLoc):
                # The vector op stands for this body op: a fused add or activation keeps
                # its own line, so debug info attributes its instructions to it.
                new.location = o.location
        return values[part.result]


__all__ = ["VectorizeContractionsPass", "Planner", "Plan", "choose_tile", "Tile"]

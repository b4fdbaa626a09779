"""`vectorize-transposes`: a copy into another dimension order (a transpose: the
NCHW <-> NHWC reorders at the edges of a graph `convert-to-nhwc` runs in NHWC) becomes
a loop nest of L x L tiles transposed in vector registers.

Left to the loops, such a copy walks the output's contiguous dimension and reads the
input a whole row apart each time: one element per load, 46 us for [1,32,56,56] to
[1,56,56,32] on one Zen 4 core, three times an element-wise add of the same tensor.
Here, with `a` the input's contiguous dimension and `b` the output's:

    for the other dimensions (the step's parallel range)
      for a0 in a, step L
        for b0 in b, step L
          v[r] = in[b0 + r, a0 : a0 + L]            L vector loads
          transpose v: log2(L) rounds of L two-input shuffles
          out[a0 + c, b0 : b0 + L] = v[c]           L vector stores

Edges never fall back to scalar code: the last tile along `a` loads under a lane mask
and stores only the rows that exist; the last tile along `b` reads its missing rows
again from the last one (never past the tensor) and stores under a lane mask. Runs on
buffers after `vectorize-contractions`, on float32 tensors (the layouts of activations);
the tile's lanes are the vector target's (`passes/target.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, func, vector
from xdsl.dialects.builtin import (DenseArrayBase, DenseIntOrFPElementsAttr, MemRefType,
                                   ModuleOp, NoneAttr, VectorType, f32, i64)
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineDimExpr

from .contraction import iteration_extents
from .loop_nest import Bound, LoopNest, Value, at, flat_terms
from .make_op import make
from .target import TargetedPass, vector_target


def transpose_rounds(lanes: int) -> list[list[tuple[int, int, list[int], list[int]]]]:
    """The shuffles that transpose `lanes` vectors of `lanes` lanes: per round (h =
    lanes/2, lanes/4, ..., 1), for each pair of rows (r, r + h) with bit h of r clear,
    the lanes of the new rows r and r + h picked from the concatenation of the old
    ones (lane j < lanes from row r, lanes + j from row r + h). Each round swaps the
    off-diagonal h x h blocks of every 2h x 2h block, so after the last one row c holds
    what column c held."""
    rounds = []
    h = lanes // 2
    while h >= 1:
        pairs = []
        for r in range(lanes):
            if r & h:
                continue
            low = [j if not j & h else lanes + j - h for j in range(lanes)]
            high = [j + h if not j & h else lanes + j for j in range(lanes)]
            pairs.append((r, r + h, low, high))
        rounds.append(pairs)
        h //= 2
    return rounds


@dataclass(frozen=True)
class Transpose:
    """A generic that copies its input in another dimension order: `a` is the input's
    contiguous dimension, `b` the output's (they differ)."""

    op: linalg.GenericOp
    a: int
    b: int
    extents: list[int]


def analyze(op: linalg.GenericOp) -> Transpose | None:
    """The transpose `op` is, or None: one float32 input and one float32 output, in
    row-major buffers, every loop parallel, each indexed by a permutation of the loops,
    the body only yielding the input, and the contiguous dimensions of the two differ."""
    if len(op.inputs) != 1 or len(op.outputs) != 1:
        return None
    body = list(op.body.block.ops)
    if len(body) != 1 or not isinstance(body[0], linalg.YieldOp) or \
            list(body[0].operands) != [op.body.block.args[0]]:
        return None
    if any("parallel" not in str(it.data) for it in op.iterator_types.data):
        return None
    types = [v.type for v in (*op.inputs, *op.outputs)]
    if not all(isinstance(t, MemRefType) and isinstance(t.layout, NoneAttr) for t in types):
        return None
    if any(t.element_type != f32 for t in types):
        return None
    maps = [m.data for m in op.indexing_maps.data]
    contiguous = []
    for amap, t in zip(maps, types):
        dims = [e.position if isinstance(e, AffineDimExpr) else None for e in amap.results]
        if None in dims or sorted(dims) != list(range(amap.num_dims)):
            return None
        # The innermost dimension with more than one element is the contiguous one.
        inner = [d for d, n in zip(dims, t.get_shape()) if n > 1]
        if not inner:
            return None
        contiguous.append(inner[-1])
    a, b = contiguous
    if a == b:
        return None
    return Transpose(op, a, b, iteration_extents(op))


@dataclass(frozen=True)
class VectorizeTransposesPass(TargetedPass):
    """Replace transposing copies by tiles transposed in registers (see module doc)."""

    name = "vectorize-transposes"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        lanes = vector_target(self.target).lanes
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            for generic in [o for o in fn.walk() if isinstance(o, linalg.GenericOp)]:
                t = analyze(generic)
                if t is not None:
                    _TransposeKernel(t, fn, lanes).emit()


class _TransposeKernel(LoopNest):
    """Emits the tiled loop nest replacing one transposing copy."""

    def __init__(self, t: Transpose, fn: func.FuncOp, lanes: int):
        super().__init__(t.op, fn, lanes)
        self.t = t
        self.source, self.dest = t.op.inputs[0], t.op.outputs[0]
        self.vtype = VectorType(f32, [lanes])
        maps = [m.data for m in t.op.indexing_maps.data]
        self.terms = flat_terms([self.source, self.dest], maps)
        self.bounds = self.step_bounds(t.extents)

    def emit(self) -> None:
        outer = [d for d in range(len(self.t.extents)) if d not in (self.t.a, self.t.b)]
        self._outer(outer, {})
        self.op.detach()
        self.op.erase()

    def _outer(self, dims: list[int], env: dict[int, Value]) -> None:
        if not dims:
            self._along(self.t.a, env, lambda e, count_a: self._along(
                self.t.b, e, lambda e2, count_b: self._tile(e2, count_a, count_b)))
            return
        d, rest = dims[0], dims[1:]
        lo, hi = self.bounds[d]

        def body(iv, _carried):
            self._outer(rest, {**env, d: at(iv)})
            return []
        self.for_(lo, hi, 1, [], body)

    def _along(self, d: int, env: dict[int, Value], work) -> None:
        """`work(env, None)` on each whole tile along `d`, then `work(env, count)` on
        the last, partial one (`count` of its L elements exist)."""
        lo, hi = self.bounds[d]
        middle = self.split(lo, hi, self.lanes)

        def whole(iv, _carried):
            work({**env, d: at(iv)}, None)
            return []
        if not self._empty(lo, middle):
            self.for_(lo, middle, self.lanes, [], whole)
        if self._empty(middle, hi):
            return
        if isinstance(middle, int) and isinstance(hi, int):
            work({**env, d: at(middle)}, hi - middle)
            return

        def tail(iv, _carried):
            work({**env, d: at(iv)}, self.subi(self.bound(hi), iv))
            return []
        self.for_(middle, hi, self.lanes, [], tail)

    def _tile(self, env: dict[int, Value], count_a: Bound | None,
              count_b: Bound | None) -> None:
        a, b, lanes = self.t.a, self.t.b, self.lanes
        src, dst = self.flat_view(self.source), self.flat_view(self.dest)
        load_mask = self.lane_mask(count_a) if count_a is not None else None
        rows: list[SSAValue] = []
        for r in range(lanes):
            if isinstance(count_b, int) and r >= count_b:
                rows.append(rows[count_b - 1])  # a row past the tensor: any will do
                continue
            if count_b is not None and not isinstance(count_b, int) and r > 0:
                # Row b0 + r, or the last row when that is past the tensor.
                last = self.subi(count_b, self.index(1))
                step = self._cached(("minui", last, r), [last], lambda last=last, r=r:
                                    arith.MinUIOp(last, self.index(r)))
                row = (self.addi(self.offset(env[b]), step), 0)
            else:
                row = (env[b][0], env[b][1] + r)
            idx = self.flat_index(self.terms[0], {**env, b: row})
            if load_mask is None:
                loaded = make(vector.LoadOp, (src, idx), (self.vtype,))
            else:
                zero = self._zero()
                loaded = make(vector.MaskedLoadOp, (src, idx, load_mask, zero), (self.vtype,))
            rows.append(self._insert(loaded).results[0])
        for pairs in transpose_rounds(lanes):
            new = list(rows)
            for lo_row, hi_row, low, high in pairs:
                for target, picks in ((lo_row, low), (hi_row, high)):
                    shuffle = vector.ShuffleOp(rows[lo_row], rows[hi_row],
                                               DenseArrayBase.from_list(i64, picks),
                                               result_type=self.vtype)
                    new[target] = self._insert(shuffle).results[0]
            rows = new
        store_mask = self.lane_mask(count_b) if count_b is not None else None
        stored = lanes if not isinstance(count_a, int) else count_a
        for c in range(stored):
            def store(c=c):
                idx = self.flat_index(self.terms[1], {**env, a: (env[a][0], env[a][1] + c)})
                if store_mask is None:
                    self._insert(make(vector.StoreOp, (rows[c], dst, idx)))
                else:
                    self._insert(make(vector.MaskedStoreOp, (dst, idx, store_mask, rows[c])))
                return []
            if count_a is None or isinstance(count_a, int) or c == 0:
                store()
            else:
                # Row a0 + c exists only when c < count_a.
                exists = self._insert(arith.CmpiOp(self.index(c), count_a, "ult")).results[0]
                self.if_(exists, [], store, lambda: [])

    def _zero(self) -> SSAValue:
        attr = DenseIntOrFPElementsAttr.from_list(self.vtype, [0.0] * self.lanes)
        return self._cached(("zero",), [], lambda: arith.ConstantOp(attr))

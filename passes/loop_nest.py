"""Building the loop nest that replaces one `linalg.generic` in a step: the helpers the
kernel generators (`vectorize-contractions`, `vectorize-transposes`) share.

A `LoopNest` inserts ops before the generic it replaces, or into the loops it opens;
each index computation is emitted once, at the outermost loop where its operands exist
(`_cached`), so address arithmetic shared by a block is hoisted by construction instead
of being left to LLVM. A loop that statically runs once is just its body. The loop over
the step's parallel dimension runs over the step's [begin, end) (`parallelize`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xdsl.dialects import arith, func, memref, scf, vector
from xdsl.dialects.builtin import IndexType, IntegerAttr, MemRefType, VectorType, i1
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Attribute, Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineMap

from .contraction import linear
from .make_op import make

INDEX = IndexType()

#: A dimension's value in a kernel: an SSA index (None for 0) plus a constant offset.
Value = tuple[SSAValue | None, int]
#: A loop bound: static (int) or an SSA index.
Bound = int | SSAValue
#: Each operand's index into its flat buffer: {dimension: coefficient}, constant.
Terms = list[tuple[dict[int, int], int]]


def at(iv: Bound) -> Value:
    """A loop's value in a kernel: its induction variable, or its only value."""
    return (None, iv) if isinstance(iv, int) else (iv, 0)


def flat_terms(buffers: Sequence[SSAValue], maps: Sequence[AffineMap]) -> Terms:
    """Each operand's index into its flat (row-major) buffer: {dimension: coefficient},
    constant."""
    out: Terms = []
    for buf, amap in zip(buffers, maps):
        shape = buf.type.get_shape()
        strides = [1] * len(shape)
        for q in range(len(shape) - 2, -1, -1):
            strides[q] = strides[q + 1] * shape[q + 1]
        coefs: dict[int, int] = {}
        const = 0
        for expr, stride in zip(amap.results, strides):
            terms, c = linear(expr)
            const += c * stride
            for d, coef in terms.items():
                coefs[d] = coefs.get(d, 0) + coef * stride
        out.append(({d: k for d, k in coefs.items() if k}, const))
    return out


class LoopNest:
    """Emits loops and index arithmetic in place of the generic `op` of step `fn`, with
    vectors of `lanes` lanes."""

    def __init__(self, op: linalg.GenericOp, fn: func.FuncOp, lanes: int):
        self.op = op
        self.fn = fn
        self.lanes = lanes
        self.loc = op.location
        #: blocks being built, outermost first; None stands for "before the generic"
        self.stack: list[Block | None] = [None]
        self.depth: dict[SSAValue, int] = {}
        self.cache: list[dict] = [{}]

    # -- insertion
    def _insert(self, op: Operation, depth: int | None = None) -> Operation:
        op.location = self.loc
        level = len(self.stack) - 1 if depth is None else depth
        block = self.stack[level]
        if block is None:
            self.op.parent.insert_op_before(op, self.op)
        else:
            block.add_op(op)
        for r in op.results:
            self.depth[r] = level
        return op

    def _level(self, values: Sequence[SSAValue | None]) -> int:
        return max((self.depth.get(v, 0) for v in values if v is not None), default=0)

    def _cached(self, key, values: Sequence[SSAValue], build: Callable[[], Operation]
                ) -> SSAValue:
        """The result of `build()`, emitted at the outermost level where `values` exist
        and shared with any equal request seen there before."""
        level = self._level(values)
        table = self.cache[level]
        if key not in table:
            table[key] = self._insert(build(), level).results[0]
        return table[key]

    def index(self, n: int) -> SSAValue:
        return self._cached(("index", n), [], lambda: make(
            arith.ConstantOp, (), (INDEX,), {"value": IntegerAttr(n, INDEX)}))

    def addi(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self._cached(("addi", a, b), [a, b], lambda: make(arith.AddiOp, (a, b), (INDEX,)))

    def muli(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self._cached(("muli", a, b), [a, b], lambda: make(arith.MuliOp, (a, b), (INDEX,)))

    def subi(self, a: SSAValue, b: SSAValue) -> SSAValue:
        return self._cached(("subi", a, b), [a, b], lambda: make(arith.SubiOp, (a, b), (INDEX,)))

    def bound(self, b: Bound) -> SSAValue:
        return self.index(b) if isinstance(b, int) else b

    def offset(self, value: Value, extra: int = 0) -> SSAValue:
        """A dimension's value plus `extra`, as an index."""
        ssa, off = value
        off += extra
        if ssa is None:
            return self.index(off)
        return ssa if off == 0 else self.addi(ssa, self.index(off))

    def for_(self, lo: Bound, hi: Bound, step: int, inits: Sequence[SSAValue],
             body: Callable[[Bound, list[SSAValue]], list[SSAValue]]) -> list[SSAValue]:
        """An scf.for; `body(iv, carried)` returns the values carried to the next step.
        A loop that statically runs once is just its body, with `iv` the int `lo`."""
        if isinstance(lo, int) and isinstance(hi, int) and lo < hi <= lo + step:
            return body(lo, list(inits))
        block = Block(arg_types=[INDEX, *[v.type for v in inits]])
        for a in block.args:
            a.location = self.loc
        depth = len(self.stack)
        for a in block.args:
            self.depth[a] = depth
        self.stack.append(block)
        self.cache.append({})
        carried = body(block.args[0], list(block.args[1:]))
        y = scf.YieldOp(*carried)
        y.location = self.loc
        block.add_op(y)
        self.stack.pop()
        self.cache.pop()
        loop = scf.ForOp(self.bound(lo), self.bound(hi), self.index(step), list(inits), block)
        self._insert(loop)
        return list(loop.results)

    def if_(self, cond: SSAValue, types: Sequence[Attribute],
            then: Callable[[], list[SSAValue]],
            otherwise: Callable[[], list[SSAValue]]) -> list[SSAValue]:
        """An scf.if whose branches yield `then()` and `otherwise()`."""
        regions = []
        for build in (then, otherwise):
            block = Block()
            self.stack.append(block)
            self.cache.append({})
            values = build()
            y = scf.YieldOp(*values)
            y.location = self.loc
            block.add_op(y)
            self.stack.pop()
            self.cache.pop()
            regions.append(Region(block))
        op = scf.IfOp(cond, list(types), regions[0], regions[1])
        self._insert(op)
        return list(op.results)

    # -- bounds
    def step_bounds(self, extents: Sequence[int]) -> dict[int, tuple[Bound, Bound]]:
        """[lo, hi) of every dimension: the whole extent, but the step's parallel
        dimension over the step's [begin, end) (when the generic is the step's own, not
        in a kernel `share-kernels` made). Sets `parallel_dim` (None if none)."""
        bounds: dict[int, tuple[Bound, Bound]] = {d: (0, e) for d, e in enumerate(extents)}
        dim = self.fn.attributes.get("webnn.parallel_dim")
        self.parallel_dim = None
        if isinstance(dim, IntegerAttr) and self.op.parent_op() is self.fn:
            args = self.fn.body.blocks[0].args
            self.parallel_dim = dim.value.data
            bounds[self.parallel_dim] = (args[-2], args[-1])
        return bounds

    def split(self, lo: Bound, hi: Bound, step: int) -> Bound:
        """lo + ((hi - lo) / step) * step: where whole steps end."""
        if isinstance(lo, int) and isinstance(hi, int):
            return lo + (hi - lo) // step * step
        if step == 1:
            return hi
        span = self.subi(self.bound(hi), self.bound(lo))
        whole = self._cached(("divui", span, step), [span],
                             lambda: arith.DivUIOp(span, self.index(step)))
        return self.addi(self.bound(lo), self.muli(whole, self.index(step)))

    @staticmethod
    def _empty(lo: Bound, hi: Bound) -> bool:
        return isinstance(lo, int) and isinstance(hi, int) and lo >= hi

    # -- addressing
    def flat_view(self, buf: SSAValue) -> SSAValue:
        """`buf` seen as one dimension (an access is then one index: a base shared by
        the block plus a constant)."""
        size = 1
        for n in buf.type.get_shape():
            size *= n
        key = ("flat", buf)
        if key not in self.cache[0]:
            view = memref.ReinterpretCastOp(buf, [], [], [], [0], [size], [1],
                                            MemRefType(buf.type.element_type, [size]))
            self.cache[0][key] = self._insert(view, 0).results[0]
        return self.cache[0][key]

    def flat_index(self, terms: tuple[dict[int, int], int], env: dict[int, Value],
                   extra: Sequence[tuple[int, int, SSAValue]] = ()) -> SSAValue:
        """An operand's flat index (`terms`: see `flat_terms`) at the loop values `env`,
        plus `extra` (depth, coefficient, index) terms. The sum is built outermost terms
        first, so each partial sum is hoisted to the loop where it is complete."""
        coefs, const = terms
        base: SSAValue | None = None
        parts = []
        for d, coef in coefs.items():
            ssa, off = env[d]
            const += coef * off
            if ssa is not None:
                parts.append((self.depth.get(ssa, 0), coef, ssa))
        parts += extra
        for _, coef, ssa in sorted(parts, key=lambda t: (t[0], t[1])):
            term = ssa if coef == 1 else self.muli(ssa, self.index(coef))
            base = term if base is None else self.addi(base, term)
        if base is None:
            return self.index(const)
        return base if const == 0 else self.addi(base, self.index(const))

    def lane_mask(self, count: int | SSAValue) -> SSAValue:
        """A mask of the first `count` lanes."""
        n = self.bound(count)
        return self._cached(("mask", n), [n], lambda: vector.CreateMaskOp(
            [n], VectorType(i1, [self.lanes])))

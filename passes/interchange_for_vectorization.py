"""`interchange-for-vectorization`: put a contiguous parallel loop innermost.

convert-linalg-to-loops nests loops in dimension order, and our lowerings list
reduction dimensions last (`C[m, n] += A[m, k] * B[k, n]` iterates m, n, k). An
innermost float reduction is a serial chain LLVM may not vectorize (that would reorder
the additions). This pass reorders each generic's dimensions so that the output's last
dimension, a parallel one, is innermost, when every operand either walks it contiguously
(it is in the operand's last index) or does not depend on it (a broadcast). The matmul
above becomes m, k, n: the inner loop streams a row of B into a row of C, which LLVM
turns into vector fused multiply-adds. Reductions keep their order, so results are
bit-for-bit those of the original loop order.

When no parallel dimension can go innermost (a dot product `sum_k A[m, k] * B[n, k]`, a
row sum), the innermost loop stays a reduction, and its float accumulation is marked
`reassoc`: LLVM may then keep several partial sums in vector registers. That changes
the order of the additions only, which the spec's tolerances (proportional to the
number of terms) allow, and usually makes the sum more accurate, not less.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, IntegerAttr, ModuleOp, i64
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap
from xdsl.passes import ModulePass


def _dims(expr: AffineExpr) -> set[int]:
    if isinstance(expr, AffineDimExpr):
        return {expr.position}
    found: set[int] = set()
    for attr in ("lhs", "rhs"):
        sub = getattr(expr, attr, None)
        if sub is not None:
            found |= _dims(sub)
    return found


def innermost_candidate(op: linalg.GenericOp) -> int | None:
    """The dimension to move innermost, or None to leave the generic alone."""
    maps = [m.data for m in op.indexing_maps.data]
    iterators = [str(it.data) for it in op.iterator_types.data]
    n = len(iterators)
    if n < 2 or "reduction" not in "".join(iterators):
        return None
    out_map = maps[len(op.inputs)]
    if not out_map.results or not isinstance(out_map.results[-1], AffineDimExpr):
        return None
    j = out_map.results[-1].position
    if "parallel" not in iterators[j] or j == n - 1:
        return None
    for amap in maps:
        uses = [k for k, e in enumerate(amap.results) if j in _dims(e)]
        if uses and uses != [len(amap.results) - 1]:
            return None  # the operand would be walked with a stride: not worth it
    return j


def permute(op: linalg.GenericOp, order: list[int]) -> None:
    """Renumber the generic's dimensions: new dimension i is old dimension order[i]."""
    new_of_old = {old: new for new, old in enumerate(order)}
    n = len(order)
    replacements = [AffineExpr.dimension(new_of_old[d]) for d in range(n)]
    maps = [AffineMapAttr(AffineMap(n, 0, tuple(e.replace_dims_and_symbols(replacements, [])
                                                  for e in m.data.results)))
            for m in op.indexing_maps.data]
    op.indexing_maps = ArrayAttr(maps)
    iterators = list(op.iterator_types.data)
    op.iterator_types = ArrayAttr([iterators[d] for d in order])
    for inner in op.body.walk():
        if isinstance(inner, linalg.IndexOp):
            inner.properties["dim"] = IntegerAttr(new_of_old[inner.dim.value.data], i64)


@dataclass(frozen=True)
class InterchangeForVectorizationPass(ModulePass):
    """Move a contiguous parallel dimension innermost (see module doc)."""

    name = "interchange-for-vectorization"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for generic in [o for o in op.walk() if isinstance(o, linalg.GenericOp)]:
            j = innermost_candidate(generic)
            if j is not None:
                n = len(generic.iterator_types.data)
                permute(generic, [d for d in range(n) if d != j] + [j])
            elif generic.iterator_types.data and \
                    "reduction" in str(generic.iterator_types.data[-1].data):
                mark_reassociable(generic)


#: Float ops whose reduction LLVM can vectorize once reassociation is allowed.
_ACCUMULATORS = (arith.AddfOp, arith.MulfOp)


def mark_reassociable(op: linalg.GenericOp) -> None:
    """Allow reassociation of the accumulation into each output (see module doc)."""
    block = op.body.blocks[0]
    outputs = set(block.args[len(op.inputs):])
    yielded = set(block.last_op.operands) if block.last_op is not None else set()
    for inner in block.ops:
        if (isinstance(inner, _ACCUMULATORS) and inner.results[0] in yielded
                and any(v in outputs for v in inner.operands)):
            inner.fastmath = arith.FastMathFlagsAttr(["reassoc"])

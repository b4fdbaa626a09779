"""`collapse-dimensions`: an element-wise generic walks adjacent contiguous dimensions as one.

An element-wise op on `[1, 256, 56, 56]` becomes four nested loops whose innermost runs 56
times: LLVM vectorizes it eight or sixteen lanes at a time and spends the rest on a
remainder and on the loops around it. Row-major buffers lay adjacent dimensions out
contiguously, so dimensions that every operand walks together (both or neither, in the
same order, next to each other) can be one dimension of their product: the same op then
runs over `[256, 3136]`, with one long contiguous inner loop (MLIR's linalg
`collapseOpIterationDims`, used by its element-wise fusion, does the same).

A generic qualifies when all its dimensions are parallel, its body asks for no
`linalg.index`, and every operand is a buffer with the default (contiguous) layout whose
indexing map is made of plain dimensions and constants (a broadcast reads index 0). Two
adjacent dimensions merge when every operand either indexes neither or indexes both as
neighbouring results in that order. Operands whose shape changes are read through a
`memref.reinterpret_cast` of the same buffer (no copy); the generic keeps its location,
and the cast takes it too. Element order, and so every result, is unchanged.

It runs on buffers after `interchange-for-vectorization` and before `parallelize`, which
then splits the collapsed outer dimension across threads.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import memref
from xdsl.dialects.builtin import AffineMapAttr, ArrayAttr, MemRefType, ModuleOp, NoneAttr
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from xdsl.passes import ModulePass


def _plain(amap: AffineMap) -> bool:
    """Every result is a dimension or a constant, and no dimension is used twice."""
    dims = [e.position for e in amap.results if isinstance(e, AffineDimExpr)]
    return (len(dims) == len(set(dims)) and
            all(isinstance(e, (AffineDimExpr, AffineConstantExpr)) for e in amap.results))


def _position(amap: AffineMap, dim: int) -> int | None:
    for k, e in enumerate(amap.results):
        if isinstance(e, AffineDimExpr) and e.position == dim:
            return k
    return None


def groups(op: linalg.GenericOp) -> list[list[int]] | None:
    """The generic's dimensions as runs to merge (in order), or None to leave it alone."""
    iterators = [str(it.data) for it in op.iterator_types.data]
    if len(iterators) < 2 or any("parallel" not in it for it in iterators):
        return None
    if any(isinstance(inner, linalg.IndexOp) for inner in op.body.walk()):
        return None
    maps = [m.data for m in op.indexing_maps.data]
    for value, amap in zip(op.operands, maps):
        if (not isinstance(value.type, MemRefType) or not isinstance(value.type.layout, NoneAttr)
                or not _plain(amap)):
            return None
    runs = [[0]]
    for d in range(1, len(iterators)):
        if all(_mergeable(amap, d - 1, d) for amap in maps):
            runs[-1].append(d)
        else:
            runs.append([d])
    return runs if len(runs) < len(iterators) else None


def _mergeable(amap: AffineMap, left: int, right: int) -> bool:
    """Whether the operand indexes neither dimension, or both as neighbours in order."""
    p, q = _position(amap, left), _position(amap, right)
    if p is None and q is None:
        return True
    return p is not None and q is not None and q == p + 1


def collapse(op: linalg.GenericOp, runs: list[list[int]]) -> None:
    """Rewrite `op` in place to iterate over one dimension per run."""
    new_dim = {d: k for k, run in enumerate(runs) for d in run}
    first = {run[0] for run in runs}
    maps, operands = [], []
    for value, attr in zip(op.operands, op.indexing_maps.data):
        amap = attr.data
        results: list[AffineExpr] = []
        shape: list[int] = []
        for e, size in zip(amap.results, value.type.get_shape()):
            if isinstance(e, AffineDimExpr):
                if e.position not in first:  # a later member of a run: fold into its head
                    shape[-1] *= size
                    continue
                results.append(AffineExpr.dimension(new_dim[e.position]))
            else:
                results.append(e)
            shape.append(size)
        maps.append(AffineMapAttr(AffineMap(len(runs), 0, tuple(results))))
        operands.append(value if shape == list(value.type.get_shape())
                        else _reshaped(op, value, shape))
    op.operands = operands
    op.indexing_maps = ArrayAttr(maps)
    op.iterator_types = ArrayAttr([op.iterator_types.data[run[0]] for run in runs])


def _reshaped(op: linalg.GenericOp, value: SSAValue, shape: list[int]) -> SSAValue:
    """`value` (a contiguous buffer) under `shape`, as a cast placed before `op`."""
    strides = [1] * len(shape)
    for i in range(len(shape) - 2, -1, -1):
        strides[i] = strides[i + 1] * shape[i + 1]
    cast = memref.ReinterpretCastOp(value, [], [], [], [0], shape, strides,
                                    MemRefType(value.type.element_type, shape))
    cast.location = op.location
    op.parent.insert_op_before(cast, op)
    return cast.results[0]


@dataclass(frozen=True)
class CollapseDimensionsPass(ModulePass):
    """Merge adjacent contiguous dimensions of element-wise generics (see module doc)."""

    name = "collapse-dimensions"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for generic in [o for o in op.walk() if isinstance(o, linalg.GenericOp)]:
            runs = groups(generic)
            if runs is not None:
                collapse(generic, runs)

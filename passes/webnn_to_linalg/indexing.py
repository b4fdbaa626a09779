"""Indexing ops (gather*, scatter*) -> `linalg.generic`s that read at data-dependent
positions with `tensor.extract`.

Indices are runtime data, so every one is made safe before it addresses memory: read
as an index (sign-extended, or zero-extended for uint32), shifted by the dimension if
negative (negatives count from the end), then clamped into [0, dim - 1] as the spec's
note on out-of-range indices asks (`_clamp`). No input can make native code read or
write outside a tensor.

Gathers iterate over the output and extract from the input. Scatters cannot write at
data-dependent positions (a generic writes where its output map says), so they are
written the other way round: each output element looks for the updates that target
it, starting from the input's value, a reduction over the candidate updates in which
the last one in row-major order wins (as in the reference; the spec leaves duplicates
unspecified).
"""

from __future__ import annotations

from xdsl.dialects import arith
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import Body, is_unsigned, select_map
from .framework import Call, Lowering


def _clamp(b: Body, raw: SSAValue, dtype: str, dim: int) -> SSAValue:
    """An index element (int32/uint32/int64) as a valid index into a dimension of
    size `dim`: negatives count from the end, anything else out of range is clamped."""
    i = b.to_index(raw, dtype)
    if not is_unsigned(dtype):
        negative = b.emit(arith.CmpiOp(i, b.index_const(0), "slt"))
        i = b.select(negative, b.index_arith(arith.AddiOp, i, b.index_const(dim)), i)
    i = b.index_arith(arith.MaxSIOp, i, b.index_const(0))
    return b.index_arith(arith.MinSIOp, i, b.index_const(dim - 1))


def _parallel(rank: int) -> list[str]:
    return ["parallel"] * rank


def _view(c: Call, value: SSAValue, spec: TensorSpec, shape: tuple[int, ...]) -> SSAValue:
    """`value` (of `spec`) seen with `shape`: a reshape, unless it has that shape."""
    return value if tuple(spec.shape) == shape else c.em.reshape(value, spec.with_shape(shape))


# ---------------------------------------------------------------------------- gathers
def _gather(c: Call):
    """out[p, q, s] = input[p, clamp(indices[q]), s] for p before `axis`, q over the
    indices' dimensions and s after `axis`; indices are read through a map."""
    spec, ids, out = c.args.input, c.args.indices, c.outs[0]
    axis, q, rank = c.args.axis, ids.rank, c.outs[0].rank
    index_map = select_map(rank, list(range(axis, axis + q)))

    def body(b: Body, raw, _out):
        at = [b.index(k) for k in range(axis)]
        at.append(_clamp(b, raw, ids.dtype, spec.shape[axis]))
        at += [b.index(k) for k in range(axis + q, rank)]
        return b.extract(c.op.input, at)
    return c.em.generic([(c.op.indices, index_map)], [(c.em.empty(out), AffineMap.identity(rank))],
                        _parallel(rank), body)[0]


def _gather_elements(c: Call):
    """out[p] = input[p with p[axis] = clamp(indices[p])] (out has the indices' shape)."""
    spec, ids, out = c.args.input, c.args.indices, c.outs[0]
    axis, rank = c.args.axis, out.rank
    identity = AffineMap.identity(rank)

    def body(b: Body, raw, _out):
        at = [b.index(k) for k in range(rank)]
        at[axis] = _clamp(b, raw, ids.dtype, spec.shape[axis])
        return b.extract(c.op.input, at)
    return c.em.generic([(c.op.indices, identity)], [(c.em.empty(out), identity)],
                        _parallel(rank), body)[0]


def _gather_nd(c: Call):
    """out[j, s] = input[clamp(indices[j, 0]), ..., clamp(indices[j, k-1]), s] for j over
    indices.shape[:-1] and s over input.shape[k:]; the k coordinates of a tuple are
    extracted from the indices tensor at in-bounds (loop) positions."""
    spec, ids, out = c.args.input, c.args.indices, c.outs[0]
    k, rank, lead = ids.shape[-1], out.rank, ids.rank - 1

    def body(b: Body, _out):
        tuple_at = [b.index(d) for d in range(lead)]
        at = [_clamp(b, b.extract(c.op.indices, [*tuple_at, b.index_const(j)]), ids.dtype,
                     spec.shape[j]) for j in range(k)]
        at += [b.index(d) for d in range(lead, rank)]
        return b.extract(c.op.input, at)
    return c.em.generic([], [(c.em.empty(out), AffineMap.identity(rank))],
                        _parallel(rank), body)[0]


# ---------------------------------------------------------------------------- scatters
def _scatter_elements(c: Call):
    """out[p] = updates[p with p[axis] = j] for the last j with clamp(indices[..j..]) ==
    p[axis], else input[p].

    Only the updates in p's column along `axis` can land on p, so the generic runs over
    the output's dimensions plus one reduction dimension j over indices.shape[axis]:
    O(output size x indices.shape[axis]). Indices and updates are read through maps
    (p with the axis replaced by j); the output starts as the input.
    """
    spec, ids = c.args.input, c.args.indices
    axis, rank = c.args.axis, spec.rank
    j = AffineExpr.dimension(rank)
    column = AffineMap(rank + 1, 0, tuple(j if d == axis else AffineExpr.dimension(d)
                                          for d in range(rank)))
    out_map = AffineMap(rank + 1, 0, tuple(AffineExpr.dimension(d) for d in range(rank)))

    def body(b: Body, raw, update, acc):
        target = _clamp(b, raw, ids.dtype, spec.shape[axis])
        hit = b.emit(arith.CmpiOp(target, b.index(axis), "eq"))
        return b.select(hit, update, acc)
    return c.em.generic([(c.op.indices, column), (c.op.updates, column)],
                        [(c.op.input, out_map)], [*_parallel(rank), "reduction"], body)[0]


def _scatter_nd(c: Call):
    """Two generics: which update tuple wins each addressed slice, then the output.

    1. `winner[P]` for each prefix P in input.shape[:k] is the row-major number of the
       last index tuple that (clamped) equals P, or -1: a reduction over the tuples,
       O(prefixes x tuples), independent of the slice size.
    2. out[P, s] = winner[P] >= 0 ? updates[winner[P], s] : input[P, s], reading the
       updates through a [tuples, *slice] view (a reshape, no copy).
    """
    spec, ids, upd = c.args.input, c.args.indices, c.args.updates
    k, rank = ids.shape[-1], spec.rank
    tuples = 1
    for d in ids.shape[:-1]:
        tuples *= d
    # A tuple's row-major number is its row in [tuples, k] and [tuples, *slice] views
    # of the indices and the updates: the tuples are one flat loop dimension.
    flat_updates = _view(c, c.op.updates, upd, (tuples, *spec.shape[k:]))
    identity = AffineMap.identity(rank)
    if k == 0:
        # Empty tuples all address the whole input: the last update replaces it.
        last = AffineMap(rank, 0, (AffineExpr.constant(tuples - 1), *identity.results))
        return c.em.generic([(flat_updates, last)], [(c.em.empty(c.outs[0]), identity)],
                            _parallel(rank), lambda b, u, _o: u)[0]
    flat_ids = _view(c, c.op.indices, ids, (tuples, k))
    winner_spec = TensorSpec(spec.shape[:k], "int64")
    prefix_map = AffineMap(k + 1, 0, tuple(AffineExpr.dimension(d) for d in range(k)))
    t = AffineExpr.dimension(k)

    def find(b: Body, first, acc):
        hit = b.bool_const(True)
        for j in range(k):
            raw = first if j == 0 else b.extract(flat_ids, [b.index(k), b.index_const(j)])
            same = b.emit(arith.CmpiOp(_clamp(b, raw, ids.dtype, spec.shape[j]),
                                       b.index(j), "eq"))
            hit = same if j == 0 else b.emit(arith.AndIOp(hit, same))
        number = b.emit(arith.IndexCastOp(b.index(k), acc.type))
        return b.select(hit, number, acc)
    # The tuple's first coordinate comes through a map, which also gives the tuple loop
    # its bound; the others are extracted at in-bounds positions.
    first_column = AffineMap(k + 1, 0, (t, AffineExpr.constant(0)))
    winner = c.em.generic([(flat_ids, first_column)],
                          [(c.em.fill(winner_spec, -1), prefix_map)],
                          [*_parallel(k), "reduction"], find)[0]

    def write(b: Body, x, w, _out):
        found = b.emit(arith.CmpiOp(w, b.const(0, "int64"), "sge"))
        # w is in [-1, tuples): clamped to 0 when no tuple won, the read stays in bounds.
        row = b.index_arith(arith.MaxSIOp, b.to_index(w, "int64"), b.index_const(0))
        update = b.extract(flat_updates, [row, *(b.index(d) for d in range(k, rank))])
        return b.select(found, update, x)
    return c.em.generic([(c.op.input, identity), (winner, select_map(rank, range(k)))],
                        [(c.em.empty(c.outs[0]), identity)], _parallel(rank), write)[0]


#: The indexing family: spec op name -> lowering (`load_all` merges the families).
LOWERINGS: dict[str, Lowering] = {
    "gather": _gather,
    "gatherElements": _gather_elements,
    "gatherND": _gather_nd,
    "scatterElements": _scatter_elements,
    "scatterND": _scatter_nd,
}

"""Contractions: the `linalg.generic`s that matrix products and convolutions lower to.

A contraction is a generic with two "product" inputs, one output it accumulates into and
at least one reduction dimension, whose body is

    %p = arith.mulf %a, %b        (%a, %b: the first two inputs, in either order)
    %s = arith.addf %acc, %p      (%acc: the output; either operand order)
    linalg.yield %s

optionally preceded by a *prologue*, the sum's initial value computed from further
inputs (a bias broadcast along the output, a scaled gemm `C`, a constant 0) instead of
read from the output buffer, and followed by an *epilogue*, element-wise work applied
once to each finished sum (an activation, a clamp, a residual add):

    %first = <every reduction index is 0>
    %i = ... element-wise ops on the extra inputs ...
    %acc0 = arith.select %first, %i, %acc
    %p = arith.mulf %a, %b
    %s = arith.addf %acc0, %p
    %last = <every reduction index is at its last value>
    %e = ... element-wise ops on %s and the extra inputs ...
    %y = arith.select %last, %e, %s
    linalg.yield %y

A product input may also be read with implicit zero padding: instead of a block argument
reading a padded copy of a tensor, the body reads the tensor itself, guarded,

    %q = <index expression of the loops> - <padding before>        (for a padded axis)
    %c = minsi(maxsi(%q, 0), size - 1)            (clamped: the read stays in bounds)
    %ok = arith.cmpi eq, %q, %c                   (and-ed over the padded axes)
    %v = tensor.extract %x[.., %c, ..]            (memref.load once on buffers)
    %a = arith.select %ok, %v, 0.0

(`padded_read` emits it, `fuse-elementwise` folds a padding generic into its
contraction that way, and the kernel generator reads it with masked loads, so the
padded copy is never made.)

That form is an ordinary generic (any lowering computes the right values: the prologue
replaces the output's value on the first step of the sum, the epilogue is taken on the
last), so every pass before the kernel generator handles a fused contraction like any
other generic, and one the kernel generator declines still runs, through the scalar
loops. `fuse-elementwise` builds prologues and epilogues (`first_iteration`,
`last_iteration`), `vectorize-contractions` reads them (`analyze`). Both must agree on
which contractions the kernel generator takes: fusing into one it then declines would
only slow the scalar loops down, so fusion asks `analyze` first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xdsl.dialects import arith
from xdsl.dialects.builtin import Float32Type, FloatAttr, IndexType, IntegerAttr
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Block, Operation, SSAValue
from xdsl.ir.affine import (
    AffineBinaryOpExpr,
    AffineBinaryOpKind,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
    AffineMap,
)

#: Largest stride the vector dimension may have in the vector operand: a strided vector
#: is that many contiguous vectors, deinterleaved with shuffles (stride-2 convolutions).
MAX_VECTOR_STRIDE = 4

#: A vector dimension shorter than this is left to the scalar loops (a lane mask would
#: waste most of every vector).
MIN_VECTOR_EXTENT = 4

#: Element-wise ops an epilogue may contain: each has a vector form with the same name
#: and meaning (`vectorize-contractions` applies it to whole registers).
EPILOGUE_OPS = (arith.AddfOp, arith.SubfOp, arith.MulfOp, arith.DivfOp, arith.MaximumfOp,
                arith.MinimumfOp, arith.NegfOp)


def iteration_extents(op: linalg.GenericOp) -> list[int]:
    """The extent of every loop of `op`, read off operand dimensions indexed by a bare
    loop variable (every loop of a generic this compiler builds has one)."""
    extents = [1] * op.indexing_maps.data[0].data.num_dims
    for value, amap in zip([*op.inputs, *op.outputs], op.indexing_maps.data):
        for size, expr in zip(value.type.get_shape(), amap.data.results):
            if isinstance(expr, AffineDimExpr):
                extents[expr.position] = size
    return extents


def linear(expr: AffineExpr) -> tuple[dict[int, int], int] | None:
    """`expr` as ({dimension: coefficient}, constant), or None when it is not linear."""
    if isinstance(expr, AffineDimExpr):
        return {expr.position: 1}, 0
    if isinstance(expr, AffineConstantExpr):
        return {}, expr.value
    if not isinstance(expr, AffineBinaryOpExpr):
        return None
    lhs, rhs = linear(expr.lhs), linear(expr.rhs)
    if lhs is None or rhs is None:
        return None
    if expr.kind == AffineBinaryOpKind.Add:
        terms = dict(lhs[0])
        for d, c in rhs[0].items():
            terms[d] = terms.get(d, 0) + c
        return {d: c for d, c in terms.items() if c}, lhs[1] + rhs[1]
    if expr.kind == AffineBinaryOpKind.Mul:
        if not lhs[0]:
            lhs, rhs = rhs, lhs
        if rhs[0]:
            return None
        return {d: c * rhs[1] for d, c in lhs[0].items() if c * rhs[1]}, lhs[1] * rhs[1]
    return None


def affine_of(value: SSAValue) -> AffineExpr | None:
    """The index expression `value` computes from `linalg.index`es and constants
    (addi, subi, muli), or None."""
    owner = value.owner
    if isinstance(owner, linalg.IndexOp):
        return AffineExpr.dimension(owner.dim.value.data)
    if isinstance(owner, arith.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return AffineExpr.constant(owner.value.value.data)
    if isinstance(owner, (arith.AddiOp, arith.SubiOp, arith.MuliOp)):
        lhs, rhs = affine_of(owner.lhs), affine_of(owner.rhs)
        if lhs is None or rhs is None:
            return None
        if isinstance(owner, arith.AddiOp):
            return lhs + rhs
        if isinstance(owner, arith.SubiOp):
            return lhs + rhs * -1
        if isinstance(rhs, AffineConstantExpr) or isinstance(lhs, AffineConstantExpr):
            return lhs * rhs
    return None


def _emit(b: Block, op: Operation, loc) -> SSAValue:
    op.location = loc
    b.add_op(op)
    return op.results[0]


def emit_affine(b: Block, expr: AffineExpr, loc) -> SSAValue:
    """Emit into `b` the index value of `expr` over the generic's loops."""
    terms, const = linear(expr)
    value = None
    for d, coef in sorted(terms.items()):
        term = _emit(b, linalg.IndexOp(d), loc)
        if coef != 1:
            term = _emit(b, arith.MuliOp(term, _emit(b, arith.ConstantOp(
                IntegerAttr(coef, IndexType())), loc)), loc)
        value = term if value is None else _emit(b, arith.AddiOp(value, term), loc)
    if value is None or const:
        c = _emit(b, arith.ConstantOp(IntegerAttr(const, IndexType())), loc)
        value = c if value is None else _emit(b, arith.AddiOp(value, c), loc)
    return value


def padded_read(b: Block, source: SSAValue, exprs: Sequence[AffineExpr],
                guarded: set[int], loc) -> SSAValue:
    """Emit into `b` the guarded read of `source` at `exprs` (see module doc): axes in
    `guarded` read zero outside the tensor."""
    from xdsl.dialects import tensor

    shape = source.type.get_shape()
    indices, inside = [], None
    for q, expr in enumerate(exprs):
        index = emit_affine(b, expr, loc)
        if q in guarded:
            zero = _emit(b, arith.ConstantOp(IntegerAttr(0, IndexType())), loc)
            last = _emit(b, arith.ConstantOp(IntegerAttr(shape[q] - 1, IndexType())), loc)
            clamped = _emit(b, arith.MinSIOp(_emit(b, arith.MaxSIOp(index, zero), loc), last),
                            loc)
            ok = _emit(b, arith.CmpiOp(index, clamped, "eq"), loc)
            inside = ok if inside is None else _emit(b, arith.AndIOp(inside, ok), loc)
            index = clamped
        indices.append(index)
    value = _emit(b, tensor.ExtractOp(source, indices, source.type.element_type), loc)
    zero = _emit(b, arith.ConstantOp(FloatAttr(0.0, source.type.element_type)), loc)
    return _emit(b, arith.SelectOp(inside, value, zero), loc)


@dataclass
class Padded:
    """A product input read with implicit zero padding: `source` at `map` (an index per
    axis over the contraction's loops), zero where an axis in `sizes` is outside
    [0, size). `ops` are the body ops of the read."""

    source: SSAValue
    map: AffineMap
    sizes: dict[int, int]
    ops: set[Operation]


def zero_padding(op: linalg.GenericOp) -> Padded | None:
    """The guarded read an element-wise generic is when it makes a zero-padded (or
    cropped) copy of a tensor: no inputs, and its body nothing but the read."""
    if op.inputs or len(op.outputs) != 1 or \
            any("parallel" not in str(it.data) for it in op.iterator_types.data):
        return None
    out_map = op.indexing_maps.data[-1].data
    if out_map != AffineMap.identity(out_map.num_dims):
        return None
    block = op.body.blocks[0]
    yielded = block.last_op
    if not isinstance(yielded, linalg.YieldOp) or len(yielded.operands) != 1:
        return None
    read = _padded(yielded.operands[0], out_map.num_dims)
    if read is None or any(o not in read.ops for o in block.ops if o is not yielded):
        return None
    for q, expr in enumerate(read.map.results):
        terms, _ = linear(expr)
        if terms != {q: 1}:
            return None  # a shift of each axis, nothing else
    return read


def _padded(value: SSAValue, num_dims: int) -> Padded | None:
    """The guarded read `value` is (the form `padded_read` emits), or None."""
    from xdsl.dialects import memref, tensor

    select = value.owner
    if not isinstance(select, arith.SelectOp):
        return None
    zero = select.rhs.owner
    if not isinstance(zero, arith.ConstantOp) or not isinstance(zero.value, FloatAttr) or \
            zero.value.value.data != 0.0:
        return None
    read = select.lhs.owner
    if isinstance(read, tensor.ExtractOp):
        source, indices = read.tensor, list(read.indices)
    elif isinstance(read, memref.LoadOp):
        source, indices = read.memref, list(read.indices)
    else:
        return None
    shape = source.type.get_shape()
    ops: set[Operation] = {select, zero, read}
    exprs, sizes, checks = [], {}, {}
    for q, index in enumerate(indices):
        clamp = index.owner
        inner = clamp.lhs.owner if isinstance(clamp, arith.MinSIOp) else None
        if isinstance(inner, arith.MaxSIOp):
            last, low = clamp.rhs.owner, inner.rhs.owner
            if not (isinstance(last, arith.ConstantOp) and isinstance(low, arith.ConstantOp)
                    and last.value.value.data == shape[q] - 1 and low.value.value.data == 0):
                return None
            raw = inner.lhs
            sizes[q] = shape[q]
            checks[q] = (raw, index)
            ops |= {clamp, inner, last, low}
        else:
            raw = index
        expr = affine_of(raw)
        if expr is None:
            return None
        exprs.append(expr)
        ops |= _index_ops(raw)
    # The condition: each padded axis's raw index equals its clamped one, and-ed.
    seen: set[int] = set()

    def leaf(v: SSAValue) -> bool:
        owner = v.owner
        if isinstance(owner, arith.AndIOp):
            ops.add(owner)
            return leaf(owner.lhs) and leaf(owner.rhs)
        if not isinstance(owner, arith.CmpiOp) or owner.predicate.value.data != 0:
            return False
        for q, (raw, clamped) in checks.items():
            if owner.lhs is raw and owner.rhs is clamped:
                seen.add(q)
                ops.add(owner)
                return True
        return False
    if not checks or not leaf(select.cond) or seen != set(checks):
        return None
    return Padded(source, AffineMap(num_dims, 0, tuple(exprs)), sizes, ops)


def _index_ops(value: SSAValue) -> set[Operation]:
    owner = value.owner
    if isinstance(owner, (linalg.IndexOp, arith.ConstantOp)):
        return {owner}
    if isinstance(owner, (arith.AddiOp, arith.SubiOp, arith.MuliOp)):
        return {owner} | _index_ops(owner.lhs) | _index_ops(owner.rhs)
    return set()


@dataclass
class Part:
    """An element-wise part of a body: its ops, result and the extra inputs it reads."""

    ops: list[Operation]
    result: SSAValue
    extras: list[int]


@dataclass
class Contraction:
    """What the kernel generator needs to know about one contraction generic.

    `vec` is the input read as vectors along dimension `v` (the output's innermost,
    with a small constant `stride` in that input's innermost index, absent from the
    other); `bcast` the input whose scalars are broadcast. `r`, when there is one, is the register-block dimension: rows of the
    block are consecutive values of `r`. `r_in_vec` says which input depends on it
    (True: each row loads its own vectors and shares a broadcast, the depthwise case;
    False: each row broadcasts its own scalar and shares the vectors, the matrix case).
    `prologue` and `epilogue` are the element-wise parts before and after the sum
    (None when absent), `extras` the input indices either reads. `bcast_vector`: the
    shared operand is read as vectors along `v` too instead of broadcast (a depthwise
    convolution in NHWC: channels are the vectors, each row loads its pixel's input
    vector and all rows share the filter's vector of the tap).
    """

    op: linalg.GenericOp
    vec: int
    bcast: int
    v: int
    r: int | None
    r_in_vec: bool
    outer: list[int]
    reductions: list[int]
    extents: list[int]
    sum: SSAValue
    prologue: Part | None = None
    epilogue: Part | None = None
    extras: list[int] = field(default_factory=list)
    #: elements between consecutive lanes in the vector operand (1: contiguous)
    stride: int = 1
    #: the vector operand when it is a guarded read (then `vec` is the operand index
    #: after the output's: the read is not an input of the generic)
    padded: Padded | None = None
    bcast_vector: bool = False

    def map(self, index: int) -> AffineMap:
        """Indexing map of operand `index` (inputs first, then the output, then a
        padded read)."""
        if self.padded is not None and index == len(self.op.inputs) + 1:
            return self.padded.map
        return self.op.indexing_maps.data[index].data


def _reduction_dims(op: linalg.GenericOp) -> list[int]:
    return [d for d, it in enumerate(op.iterator_types.data) if "reduction" in str(it.data)]


def _iteration(b: Block, dims: list[int], values: list[int], loc) -> SSAValue:
    cond = None
    for d, value in zip(dims, values):
        index = linalg.IndexOp(d)
        const = arith.ConstantOp(IntegerAttr(value, IndexType()))
        eq = arith.CmpiOp(index, const, "eq")
        new = [index, const, eq]
        result = eq.result
        if cond is not None:
            both = arith.AndIOp(cond, result)
            new.append(both)
            result = both.result
        for o in new:
            o.location = loc
            b.add_op(o)
        cond = result
    return cond


def first_iteration(b: Block, dims: list[int], loc) -> SSAValue:
    """Emit into `b` an i1 that is true on the first step of every loop in `dims`."""
    return _iteration(b, dims, [0] * len(dims), loc)


def last_iteration(b: Block, dims: list[int], extents: list[int], loc) -> SSAValue:
    """Emit into `b` an i1 that is true on the last step of every loop in `dims`."""
    return _iteration(b, dims, [extents[d] - 1 for d in dims], loc)


def _is_iteration(value: SSAValue, dims: list[int], values: dict[int, int]) -> bool:
    """Whether `value` is what `first_iteration`/`last_iteration` emit for `dims`
    (`values`: the index each loop is compared with)."""
    seen: list[int] = []

    def leaf(v: SSAValue) -> bool:
        owner = v.owner
        if isinstance(owner, arith.AndIOp):
            return leaf(owner.lhs) and leaf(owner.rhs)
        if not isinstance(owner, arith.CmpiOp) or owner.predicate.value.data != 0:
            return False
        index, const = owner.lhs.owner, owner.rhs.owner
        if not isinstance(index, linalg.IndexOp) or not isinstance(const, arith.ConstantOp):
            return False
        d = index.dim.value.data
        seen.append(d)
        return isinstance(const.value, IntegerAttr) and const.value.value.data == values.get(d)
    return leaf(value) and sorted(seen) == sorted(dims)


def _is_condition(o: Operation) -> bool:
    return isinstance(o, (linalg.IndexOp, arith.CmpiOp, arith.AndIOp)) or \
        (isinstance(o, arith.ConstantOp) and isinstance(o.value, IntegerAttr))


def _part(ops: list[Operation], known: set[SSAValue], extra_args: set[SSAValue]
          ) -> list[int] | None:
    """The extra inputs `ops` read, if they are element-wise ops on `known` values."""
    extras: list[int] = []
    known = set(known)
    for o in ops:
        if isinstance(o, arith.ConstantOp):
            if not isinstance(o.value, FloatAttr) or not isinstance(o.result.type, Float32Type):
                return None
        elif not isinstance(o, EPILOGUE_OPS):
            return None
        for v in o.operands:
            if v not in known and v not in extra_args:
                return None
            if v in extra_args:
                extras.append(v.index)
        known.update(o.results)
    return extras


@dataclass
class _Body:
    total: SSAValue
    prologue: Part | None
    epilogue: Part | None
    #: the product's two operands: input indices, or None for the padded read
    products: tuple[int | None, int | None]
    padded: Padded | None


def _parse_body(op: linalg.GenericOp, reductions: list[int], extents: list[int]
                ) -> _Body | None:
    """The parts of a contraction's body (see module doc), or None."""
    block = op.body.blocks[0]
    n_in = len(op.inputs)
    if len(op.outputs) != 1 or n_in < 1 or len(block.args) != n_in + 1:
        return None
    if any(not isinstance(a.type, Float32Type) for a in block.args):
        return None
    args, acc = block.args, block.args[-1]
    all_ops = list(block.ops)
    # The product: two inputs, or an input and a padded read.
    mul, products, padded = None, (None, None), None
    for k, o in enumerate(all_ops):
        if not isinstance(o, arith.MulfOp):
            continue
        sides: list[int | None] = []
        found = None
        for v in (o.lhs, o.rhs):
            if v in args[:n_in]:
                sides.append(v.index)
            elif found is None and (found := _padded(v, len(extents))) is not None:
                sides.append(None)
            else:
                break
        if len(sides) == 2 and sides[0] != sides[1]:
            mul, products, padded = o, tuple(sides), found
            break
    if mul is None:
        return None
    ops = [o for o in all_ops if padded is None or o not in padded.ops]
    mul = ops.index(mul)
    product_args = {args[i] for i in products if i is not None}
    extra_args = set(args[:n_in]) - product_args
    if mul + 1 >= len(ops) or not isinstance(ops[mul + 1], arith.AddfOp):
        return None
    add = ops[mul + 1]
    start = acc
    prologue = None
    if mul > 0:
        select = ops[mul - 1]
        if not isinstance(select, arith.SelectOp) or select.rhs is not acc or \
                not _is_iteration(select.cond, reductions, {d: 0 for d in reductions}):
            return None
        body = [o for o in ops[:mul - 1] if not _is_condition(o)]
        extras = _part(body, set(), extra_args)
        if extras is None:
            return None
        if select.lhs in extra_args:  # the initial value is an input as it is (a bias)
            extras.append(select.lhs.index)
        elif select.lhs not in {r for o in body for r in o.results}:
            return None
        prologue = Part(body, select.lhs, sorted(set(extras)))
        start = select.result
    if {add.lhs, add.rhs} != {start, ops[mul].results[0]} or not acc.has_one_use():
        return None
    total = add.result
    yielded = ops[-1]
    if not isinstance(yielded, linalg.YieldOp) or len(yielded.operands) != 1:
        return None
    if yielded.operands[0] is total:
        return _Body(total, prologue, None, products, padded) if len(ops) == mul + 3 \
            else None
    select = yielded.operands[0].owner
    if not isinstance(select, arith.SelectOp) or select.rhs is not total or \
            not _is_iteration(select.cond, reductions,
                              {d: extents[d] - 1 for d in reductions}):
        return None
    body = [o for o in ops[mul + 2:-2] if not _is_condition(o)]
    extras = _part(body, {total}, extra_args)
    if extras is None or select.lhs not in {r for o in body for r in o.results}:
        return None
    return _Body(total, prologue, Part(body, select.lhs, extras), products, padded)


def analyze(op: linalg.GenericOp) -> Contraction | None:
    """The contraction `op` is, if the kernel generator can take it (see module doc)."""
    if not isinstance(op, linalg.GenericOp):
        return None
    reductions = _reduction_dims(op)
    if not reductions:
        return None
    extents = iteration_extents(op)
    body = _parse_body(op, reductions, extents)
    if body is None:
        return None
    extras = sorted(set((body.prologue.extras if body.prologue else [])
                        + (body.epilogue.extras if body.epilogue else [])))
    maps = [m.data for m in op.indexing_maps.data]
    n_in = len(op.inputs)
    out_map = maps[n_in]
    if body.padded is not None:
        maps.append(body.padded.map)  # operand n_in + 1: the padded read
    product = [i if i is not None else n_in + 1 for i in body.products]
    terms = [linear(e) for m in maps for e in m.results]
    if any(t is None for t in terms):
        return None
    # The vector dimension: the output's innermost, a parallel loop read with unit stride
    # by one product input and not at all by the other.
    if not out_map.results or not isinstance(out_map.results[-1], AffineDimExpr):
        return None
    v = out_map.results[-1].position
    if v in reductions or any(v in e.used_dims() for e in out_map.results[:-1]) or \
            extents[v] < MIN_VECTOR_EXTENT:
        return None
    vec, stride = None, 1
    for i, other in ((product[0], product[1]), (product[1], product[0])):
        m = maps[i]
        if not m.results:
            continue
        stride = linear(m.results[-1])[0].get(v, 0)
        if 1 <= stride <= MAX_VECTOR_STRIDE and \
                all(v not in e.used_dims() for e in m.results[:-1]) and \
                v not in maps[other].used_dims():
            vec, bcast = i, other
            break
    both = vec is None and all(_contiguous_in(maps[i], v) for i in product)
    if both:
        # Both inputs walk `v` contiguously (a depthwise convolution in NHWC): the one
        # that also depends on an output dimension the other does not is read per row.
        out_dims = out_map.used_dims() - {v}
        for i, other in ((product[0], product[1]), (product[1], product[0])):
            if (out_dims & maps[i].used_dims()) - maps[other].used_dims():
                vec, bcast, stride = i, other, 1
                break
    if vec is None or bcast == n_in + 1:
        return None  # a padded read is only taken as the vector operand
    # Extra inputs of the prologue and epilogue: parallel loops only, and the vector
    # dimension (if at all) with unit stride in the innermost index.
    for i in extras:
        m = maps[i]
        if m.used_dims() & set(reductions):
            return None
        if v in m.used_dims():
            last = linear(m.results[-1])
            if last[0].get(v) != 1 or any(v in e.used_dims() for e in m.results[:-1]):
                return None
    # The register-block dimension: a parallel loop of the output that exactly one of
    # the product inputs depends on; the largest such loop, preferring the matrix case.
    out_dims = out_map.used_dims()
    candidates = []
    for d in sorted(out_dims - {v}):
        in_b, in_v = d in maps[bcast].used_dims(), d in maps[vec].used_dims()
        if in_b != in_v:
            candidates.append((not in_b, -extents[d], d))
    r, r_in_vec = None, False
    if candidates and both:
        # Rows of the vector operand only; among equal extents the innermost (NHWC:
        # the output column, whose rows are adjacent pixels).
        r_in_vec, _, r = min((k, e, -d) for k, e, d in candidates if k)
        r = -r
    elif candidates:
        r_in_vec, _, r = min(candidates)
    if both and not r_in_vec:
        return None
    parallel = [d for d in range(len(extents)) if d not in reductions]
    outer = [d for d in parallel if d not in (v, r)]
    return Contraction(op, vec, bcast, v, r, r_in_vec, outer, reductions, extents,
                       body.total, body.prologue, body.epilogue, extras, stride, body.padded,
                       both)


def _contiguous_in(amap: AffineMap, v: int) -> bool:
    """Whether `v` appears only in the innermost index of `amap`, with unit stride."""
    if not amap.results:
        return False
    last = linear(amap.results[-1])
    return last is not None and last[0].get(v) == 1 and \
        all(v not in e.used_dims() for e in amap.results[:-1])


__all__ = ["Contraction", "Part", "Padded", "analyze", "padded_read", "zero_padding",
           "affine_of", "emit_affine", "iteration_extents", "first_iteration",
           "last_iteration", "linear", "EPILOGUE_OPS"]

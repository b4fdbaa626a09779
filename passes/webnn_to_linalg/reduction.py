"""Reductions, argMin/argMax, cumulativeSum and softmax -> linalg.generic.

A reduction is `acc = fill(identity)` followed by one generic over the *input's*
iteration space whose reduced dimensions are "reduction" iterators and whose output map
keeps only the other dimensions (a constant 0 in the reduced positions with
`keepDimensions`, so the same map reads the statistic back in a later pass):

    %init = fill 0                                     : tensor<4xf32>
    %sum  = linalg.generic {maps = [(d0, d1) -> (d0, d1), (d0, d1) -> (d0)],
                            iterators = ["parallel", "reduction"]}
              ins(%x : tensor<4x3xf32>) outs(%init) { acc + x }

Ops with a final scalar step (reduceL2's sqrt, reduceMean's division, rounding to the
data type) end with one element-wise generic over the result. Float sums and products
accumulate in f64 (`accumulate_dtype`) and are rounded once at the end, as the reference
does: reduceL2 of [1e20, 1e20] is 1.41e20, not inf. reduceMax/reduceMin work in the
data's compute type (they are exact); integer reductions stay in their own type (sums
and products wrap like C, comparisons follow the signedness of the WebNN type).

When nothing is actually reduced (`axes = []`, or every reduced extent is 1) the op is
its scalar function applied element-wise (reduceL1 -> |x|, reduceLogSum -> log x, ...):
one element-wise generic on a reshaped view, no accumulator.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from xdsl.dialects import arith
from xdsl.dialects.builtin import IntegerType
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import (
    BITS,
    Body,
    Emitter,
    Unsupported,
    accumulate_dtype,
    compute_dtype,
    highest,
    is_float,
    lowest,
    select_map,
)
from .framework import Call, lowering


# ---------------------------------------------------------------------------- helpers
def kept_shape(shape: Sequence[int], axes: Sequence[int], keep: bool) -> tuple[int, ...]:
    """`shape` after reducing `axes`: dropped, or 1 when `keep`."""
    if keep:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


def reduced_map(rank: int, axes: Sequence[int], keep: bool) -> AffineMap:
    """The map from the input's iteration space to a reduced result (see module doc)."""
    if keep:
        return select_map(rank, [None if i in axes else i for i in range(rank)])
    return select_map(rank, [i for i in range(rank) if i not in axes])


def reduce(em: Emitter, inputs: Sequence[tuple[SSAValue, AffineMap]], rank: int,
           axes: Sequence[int], acc: TensorSpec, keep: bool, init: float | int,
           step: Callable[..., SSAValue]) -> SSAValue:
    """Reduce over `axes` of a rank-`rank` iteration space into a fresh `acc` tensor.

    `acc` has the reduced shape (`kept_shape(..., keep)`), starts at `init` everywhere,
    and `step(b, *input_scalars, acc_scalar)` gives the new accumulator value.
    """
    if not axes:
        # Nothing to reduce: one step from the identity, as a plain element-wise
        # generic (it never reads its init, so later passes may treat it as one).
        return em.generic(inputs, [(em.empty(acc), AffineMap.identity(rank))],
                          ["parallel"] * rank,
                          lambda b, *args: step(b, *args[:-1], b.const(init, acc.dtype)))[0]
    iterators = ["reduction" if i in axes else "parallel" for i in range(rank)]
    start = em.fill(acc, init)
    return em.generic(inputs, [(start, reduced_map(rank, axes, keep))], iterators,
                      step)[0]


def require_float(c: Call, dtype: str) -> None:
    """The float-only ops (the dialect's type rule already says so): integer data would
    need another algorithm (an exact wide mean, say), not this one with integer ops."""
    if not is_float(dtype):
        raise Unsupported(f"{c.op.name.removeprefix('webnn.')} on {dtype} data is not "
                          "supported (it is defined for float32 and float16)")


def finite_or_zero(b: Body, m: SSAValue) -> SSAValue:
    """`m` if it is finite (or NaN), else 0 (an f32 max of a log-sum-exp or softmax).

    Subtracting an infinite max would turn every term into NaN; like the reference, an
    infinite max is left out of the shift (exp(-inf - 0) = 0, exp(inf - 0) = inf).
    """
    t = "float32"
    infinite = b.cmp("eq", b.abs(m, t), b.const(math.inf, t), t)
    return b.select(infinite, b.const(0.0, t), m)


# ---------------------------------------------------------------------------- reduce*
class _Reduction:
    """One reduce* op: `acc = init; acc = step(acc, x) for x; result = final(acc)`.

    All three run in the working type `t` (f64 for float sums, see `_SUMS`; the compute
    type otherwise). `single(x)` is the result for a single element (what `axes = []` applies element-wise); it is
    `final(step(init, x))` except where that would lose precision (reduceL2: sqrt(x*x)
    overflows where |x| does not).
    """

    def __init__(self, init, step, final=None, single=None):
        self.init = init          # (t) -> identity value
        self.step = step          # (b, acc, x, t) -> acc
        self.final = final        # (b, acc, t, count) -> result, None = identity
        self.single = single      # (b, x, t) -> result, None = x


def _sum_of(term):
    return lambda b, acc, x, t: b.add(acc, term(b, x, t), t)


_ID = lambda b, x, t: x  # noqa: E731
_ABS = lambda b, x, t: b.abs(x, t)  # noqa: E731
_SQUARE = lambda b, x, t: b.mul(x, x, t)  # noqa: E731

#: reduce* ops defined for floats only.
_FLOAT_ONLY = ("reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMean")

_REDUCTIONS: dict[str, _Reduction] = {
    "reduceSum": _Reduction(lambda t: 0, _sum_of(_ID)),
    "reduceL1": _Reduction(lambda t: 0, _sum_of(_ABS), single=_ABS),
    "reduceL2": _Reduction(lambda t: 0, _sum_of(_SQUARE),
                           final=lambda b, acc, t, n: b.sqrt(acc), single=_ABS),
    "reduceLogSum": _Reduction(lambda t: 0, _sum_of(_ID),
                               final=lambda b, acc, t, n: b.log(acc),
                               single=lambda b, x, t: b.log(x)),
    "reduceMean": _Reduction(lambda t: 0, _sum_of(_ID),
                             final=lambda b, acc, t, n: b.div(acc, b.const(n, t), t)),
    "reduceSumSquare": _Reduction(lambda t: 0, _sum_of(_SQUARE), single=_SQUARE),
    "reduceProduct": _Reduction(lambda t: 1, lambda b, acc, x, t: b.mul(acc, x, t)),
    "reduceMax": _Reduction(lowest, lambda b, acc, x, t: b.max(acc, x, t)),
    "reduceMin": _Reduction(highest, lambda b, acc, x, t: b.min(acc, x, t)),
}


def _reduce_axes(c: Call) -> tuple[int, ...]:
    """The reduced dimensions, ascending (absent `axes` = all of them)."""
    rank = c.a.input.rank
    return tuple(range(rank)) if c.a.axes is None else tuple(sorted(c.a.axes))


#: reduce* ops that accumulate in `accumulate_dtype` (max and min are exact in any type).
_SUMS = ("reduceL1", "reduceL2", "reduceLogSum", "reduceMean", "reduceProduct", "reduceSum",
         "reduceSumSquare")


def _lower_reduce(name: str):
    r = _REDUCTIONS.get(name)

    def lower(c: Call) -> SSAValue:
        x, xs, out = c.op.input, c.a.input, c.outs[0]
        dt = xs.dtype
        t = accumulate_dtype(dt) if name in _SUMS else compute_dtype(dt)
        if name in _FLOAT_ONLY:
            require_float(c, dt)
        axes, keep = _reduce_axes(c), c.a.keepDimensions
        count = math.prod(xs.shape[i] for i in axes)
        if count == 1:
            return _apply_elementwise(c, r)
        if name == "reduceLogSumExp":
            return _log_sum_exp(c, axes, keep)
        acc_spec = out.with_dtype(t)
        acc = reduce(c.em, [(x, AffineMap.identity(xs.rank))], xs.rank, axes, acc_spec,
                     keep, r.init(t),
                     lambda b, v, a: r.step(b, a, b.cast(v, dt, t), t))
        if r.final is None and t == dt:
            return acc
        final = r.final or (lambda b, a, t, n: a)
        return c.em.elementwise([(acc, acc_spec)], out,
                                lambda b, a: b.cast(final(b, a, t, count), t, dt))
    return lower


def _apply_elementwise(c: Call, r: _Reduction | None) -> SSAValue:
    """A reduction over nothing (every reduced extent is 1): its scalar function."""
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, t = xs.dtype, compute_dtype(xs.dtype)
    if xs.shape != out.shape:  # dropped or kept size-1 dimensions: same data
        x = c.em.reshape(x, xs.with_shape(out.shape))
    single = r.single if r is not None else None
    if single is None:  # sum, mean, max, ... of one element: the element itself
        return x
    return c.em.elementwise([(x, out)], out,
                            lambda b, v: b.down(single(b, b.up(v, dt), t), dt))


def _log_sum_exp(c: Call, axes: tuple[int, ...], keep: bool) -> SSAValue:
    """log(sum(exp(x - m))) + m with m = max(x): no overflow for large x (f32 always)."""
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, rank = xs.dtype, xs.rank
    ident, rmap = AffineMap.identity(rank), reduced_map(rank, axes, keep)
    acc_spec = out.with_dtype("float32")
    m = reduce(c.em, [(x, ident)], rank, axes, acc_spec, keep, -math.inf,
               lambda b, v, a: b.max(a, b.up(v, dt), "float32"))

    def add_shifted_exp(b: Body, v, mv, a):
        shifted = b.sub(b.up(v, dt), finite_or_zero(b, mv), "float32")
        return b.add(a, b.exp(shifted), "float32")
    s = reduce(c.em, [(x, ident), (m, rmap)], rank, axes, acc_spec, keep, 0.0,
               add_shifted_exp)
    return c.em.elementwise(
        [(s, acc_spec), (m, acc_spec)], out,
        lambda b, sv, mv: b.down(b.add(b.log(sv), finite_or_zero(b, mv), "float32"), dt))


for _name in (*_REDUCTIONS, "reduceLogSumExp"):
    lowering(_name)(_lower_reduce(_name))


# ---------------------------------------------------------------------------- argMin/argMax
def _lower_arg(kind: str):
    """argMax/argMin: one generic carrying (best value, its index) along `axis`.

    The first element along the axis is always taken, later ones only when strictly
    better, so ties resolve to the first index. A NaN counts as better than any number
    and nothing replaces a NaN once taken (numpy's rule: the first NaN wins).
    """
    pred = "gt" if kind == "argMax" else "lt"

    def lower(c: Call) -> SSAValue:
        x, xs, out = c.op.input, c.a.input, c.outs[0]
        dt, t = xs.dtype, compute_dtype(xs.dtype)
        axis, keep, rank = c.a.axis, c.a.keepDimensions, xs.rank
        index_type = IntegerType(BITS[out.dtype])

        def body(b: Body, v, best, best_index):
            v = b.up(v, dt)
            j = b.index(axis)
            first = b.cmp("eq", j, b.index_const(0), "int64")
            if is_float(t):
                # unordered "greater" is also true for a NaN v; an ordered best is
                # not NaN yet.
                better = b.emit(arith.AndIOp(b.emit(arith.CmpfOp(v, best, "u" + pred)),
                                             b.emit(arith.CmpfOp(best, best, "ord"))))
            else:
                better = b.cmp(pred, v, best, t)
            take = b.emit(arith.OrIOp(first, better))
            j = b.emit(arith.IndexCastOp(j, index_type))
            return [b.select(take, v, best), b.select(take, j, best_index)]

        best = c.em.fill(out.with_dtype(t), 0)
        best_index = c.em.fill(out, 0)
        rmap = reduced_map(rank, (axis,), keep)
        iterators = ["reduction" if i == axis else "parallel" for i in range(rank)]
        return c.em.generic([(x, AffineMap.identity(rank))],
                            [(best, rmap), (best_index, rmap)], iterators, body)[1]
    return lower


lowering("argMax")(_lower_arg("argMax"))
lowering("argMin")(_lower_arg("argMin"))


# ---------------------------------------------------------------------------- cumulativeSum
@lowering("cumulativeSum")
def _cumulative_sum(c: Call) -> SSAValue:
    """Prefix sums by log-step scan (Hillis-Steele): ceil(log2 n) element-wise passes.

    Pass k adds to every element the partial sum `2**k` places before it (after it when
    `reversed`): y[i] += y[i - 2**k] where that index exists. A loop-carried prefix sum
    is not expressible as one linalg.generic, and the direct sum over j <= i is O(n^2);
    this is O(n log n) work in log n parallel generics. `exclusive` first shifts the
    input by one place (filling with 0). Integer sums wrap like sequential ones (same
    result modulo 2**bits); float sums run in f64 (`accumulate_dtype`) and are rounded
    once, so a prefix overflows only where its rounded value does.
    """
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, t = xs.dtype, accumulate_dtype(xs.dtype)
    axis, n = c.a.axis, xs.shape[c.a.axis]
    direction = -1 if c.a.reversed else 1
    value, value_dt = x, dt
    if c.a.exclusive:
        value = _scan_step(c.em, value, value_dt, xs.with_dtype(t), axis, 1, direction,
                           keep_own=False)
        value_dt = t
    shift = 1
    while shift < n:
        value = _scan_step(c.em, value, value_dt, xs.with_dtype(t), axis, shift, direction)
        value_dt = t
        shift *= 2
    if value_dt == dt:  # (the input itself when n == 1 and nothing is shifted)
        return value
    # float sums are rounded back once.
    return c.em.elementwise([(value, xs.with_dtype(value_dt))], out,
                            lambda b, v: b.cast(v, value_dt, dt))


def _scan_step(em: Emitter, src: SSAValue, src_dt: str, acc: TensorSpec, axis: int,
               shift: int, direction: int, keep_own: bool = True) -> SSAValue:
    """y[i] = (src[i] if keep_own else 0) + src[i - direction*shift] (0 where out of range).

    The neighbour is read with tensor.extract at an index clamped into bounds (to i
    itself) and selected away when it does not exist.
    """
    rank, n, t = acc.rank, acc.shape[axis], acc.dtype

    def body(b: Body, own, _out):
        indices = [b.index(d) for d in range(rank)]
        i = indices[axis]
        if direction > 0:  # neighbour i - shift exists when i >= shift
            exists = b.emit(arith.CmpiOp(i, b.index_const(shift), "uge"))
            other = b.emit(arith.SubiOp(i, b.index_const(shift)))
        else:              # neighbour i + shift exists when i < n - shift
            exists = b.emit(arith.CmpiOp(i, b.index_const(n - shift), "ult"))
            other = b.emit(arith.AddiOp(i, b.index_const(shift)))
        indices[axis] = b.select(exists, other, i)
        neighbour = b.cast(b.extract(src, indices), src_dt, t)
        zero = b.const(0, t)
        neighbour = b.select(exists, neighbour, zero)
        base = b.cast(own, src_dt, t) if keep_own else zero
        return b.add(base, neighbour, t)

    ident = AffineMap.identity(rank)
    return em.generic([(src, ident)], [(em.empty(acc), ident)], ["parallel"] * rank,
                      body)[0]


# ---------------------------------------------------------------------------- softmax
@lowering("softmax")
def _softmax(c: Call) -> SSAValue:
    """exp(x - max) / sum(exp(x - max)) along `axis`, in f32, in three generics.

    The max and the sum live in tensors shaped like the input with `axis` set to 1; the
    last pass recomputes exp(x - max) rather than storing it (a transcendental per
    element is cheaper than another full-size buffer round trip).
    """
    x, xs, out = c.op.input, c.a.input, c.outs[0]
    dt, rank, axes = xs.dtype, xs.rank, (c.a.axis,)
    require_float(c, dt)
    ident, rmap = AffineMap.identity(rank), reduced_map(rank, axes, True)
    stat = TensorSpec(kept_shape(xs.shape, axes, True), "float32")
    m = reduce(c.em, [(x, ident)], rank, axes, stat, True, -math.inf,
               lambda b, v, a: b.max(a, b.up(v, dt), "float32"))

    def shifted_exp(b: Body, v, mv):
        return b.exp(b.sub(b.up(v, dt), mv, "float32"))
    s = reduce(c.em, [(x, ident), (m, rmap)], rank, axes, stat, True, 0.0,
               lambda b, v, mv, a: b.add(a, shifted_exp(b, v, mv), "float32"))
    return c.em.generic(
        [(x, ident), (m, rmap), (s, rmap)], [(c.em.empty(out), ident)], ["parallel"] * rank,
        lambda b, v, mv, sv, _o: b.down(b.div(shifted_exp(b, v, mv), sv, "float32"), dt))[0]

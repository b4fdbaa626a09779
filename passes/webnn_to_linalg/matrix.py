"""matmul and gemm -> one reduction `linalg.generic` each (plus an epilogue when needed).

Both are `C[.., m, n] += A[.., m, k] * B[.., k, n]` over the iteration space
`(batch.., m, n, k)`, k the one "reduction" dimension, listed last:

    %acc = fill 0                                              : tensor<3x5xf32>
    %y   = linalg.generic {maps = [(m, n, k) -> (m, k), (m, n, k) -> (k, n), (m, n, k) -> (m, n)],
                           iterators = ["parallel", "parallel", "reduction"]}
             ins(%a, %b) outs(%acc) { acc + a * b }

(`interchange-for-vectorization` later moves n innermost.) Float16 data accumulates in
a float32 tensor and one element-wise generic rounds the result to float16, so a long
dot product is rounded once, not once per term. Batch dimensions broadcast through the
indexing maps (a constant 0 where an operand's extent is 1), transposes are maps too:
no operand is ever copied.
"""

from __future__ import annotations

import numpy as np

from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineExpr, AffineMap

from dialects.webnn.types import TensorSpec

from .emitter import Body, compute_dtype
from .framework import Call, Lowering


def _dim(i: int) -> AffineExpr:
    return AffineExpr.dimension(i)


def _batch_exprs(shape: tuple[int, ...], out_batch: tuple[int, ...]) -> list[AffineExpr]:
    """How an operand's batch dimensions read the output's (NumPy broadcasting)."""
    offset = len(out_batch) - len(shape)
    return [AffineExpr.constant(0) if d == 1 and out_batch[offset + i] != 1
            else _dim(offset + i) for i, d in enumerate(shape)]


def _accumulate(c: Call, a: tuple[SSAValue, AffineMap], b: tuple[SSAValue, AffineMap],
                init: SSAValue, out_rank: int) -> SSAValue:
    """`init[..] += a * b` over `out_rank` parallel dimensions and one last reduction one.

    Products and sums run in the accumulator's type (float32 for float16 data).
    """
    dt = c.args.a.dtype
    t = compute_dtype(dt)

    def body(bb: Body, x, y, acc):
        return bb.add(acc, bb.mul(bb.up(x, dt), bb.up(y, dt), t), t)

    out_map = AffineMap(out_rank + 1, 0, tuple(_dim(i) for i in range(out_rank)))
    return c.em.generic([a, b], [(init, out_map)], ["parallel"] * out_rank + ["reduction"],
                        body)[0]


def _matmul(c: Call) -> SSAValue:
    """`[.., M, K] x [.., K, N] -> [.., M, N]`, batch dimensions broadcast."""
    out = c.outs[0]
    rank = out.rank
    batch = out.shape[:-2]
    m, n, k = rank - 2, rank - 1, rank  # iteration dimensions
    a_exprs = _batch_exprs(c.args.a.shape[:-2], batch) + [_dim(m), _dim(k)]
    b_exprs = _batch_exprs(c.args.b.shape[:-2], batch) + [_dim(k), _dim(n)]
    acc_spec = TensorSpec(out.shape, compute_dtype(out.dtype))
    acc = _accumulate(c, (c.op.a, AffineMap(rank + 1, 0, tuple(a_exprs))),
                      (c.op.b, AffineMap(rank + 1, 0, tuple(b_exprs))),
                      c.em.fill(acc_spec, 0.0), rank)
    if acc_spec.dtype == out.dtype:
        return acc
    return c.em.elementwise([(acc, acc_spec)], out, lambda bb, x: bb.down(x, out.dtype))


def _gemm(c: Call) -> SSAValue:
    """`alpha * A' * B' + beta * C` with A' = a or a^T, B' = b or b^T, C broadcast to [M, N].

    With alpha = 1 (the fully-connected case) the accumulator starts at `beta * C`, so
    the product is the only pass; otherwise the sum is scaled and C added afterwards,
    as the spec orders the arithmetic.
    """
    out = c.outs[0]
    dt = out.dtype
    t = compute_dtype(dt)
    alpha, beta = c.args.alpha, c.args.beta
    m, n, k = _dim(0), _dim(1), _dim(2)
    a_map = AffineMap(3, 0, (k, m) if c.args.aTranspose else (m, k))
    b_value, b_transposed = c.op.b, c.args.bTranspose
    weights = c.em.constant_data(c.op.b, c.args.b) if b_transposed else None
    if weights is not None:
        # Constant weights (a fully-connected layer) are stored transposed once, at
        # compile time: rows of B^T then stream contiguously into rows of the output,
        # the loop order LLVM vectorizes best.
        b_value = c.em.constant(np.ascontiguousarray(weights.T),
                                c.args.b.with_shape(weights.T.shape))
        b_transposed = False
    b_map = AffineMap(3, 0, (n, k) if b_transposed else (k, n))
    acc_spec = TensorSpec(out.shape, t)
    bias = None if c.args.c is None else (c.op.c, c.args.c)

    if bias is not None and alpha == 1.0:
        # acc = beta * C, broadcast to [M, N]
        start = c.em.elementwise(
            [bias], acc_spec,
            lambda bb, x: bb.mul(bb.const(beta, t), bb.up(x, dt), t))
        bias = None  # already in
    else:
        start = c.em.fill(acc_spec, 0.0)
    acc = _accumulate(c, (c.op.a, a_map), (b_value, b_map), start, 2)
    if alpha == 1.0 and bias is None and t == dt:
        return acc

    # y = alpha * acc (+ beta * C), rounded to the output type.
    inputs = [(acc, acc_spec)] + ([bias] if bias is not None else [])

    def epilogue(bb: Body, x, *rest):
        if alpha != 1.0:
            x = bb.mul(bb.const(alpha, t), x, t)
        if rest:
            x = bb.add(x, bb.mul(bb.const(beta, t), bb.up(rest[0], dt), t), t)
        return bb.down(x, dt)
    return c.em.elementwise(inputs, out, epilogue)


#: The matrix family: spec op name -> lowering (`load_all` merges the families).
LOWERINGS: dict[str, Lowering] = {
    "matmul": _matmul,
    "gemm": _gemm,
}

"""matmul and gemm (accumulated in float64)."""

from __future__ import annotations

import numpy as np

from ._common import OpFn, accumulated, fail, finish, float_option, operand, opt


def _matmul(operands, options):
    a, b = operand(operands, "a"), operand(operands, "b")
    if a.ndim < 2 or b.ndim < 2:
        fail("matmul: both operands must have rank >= 2")
    return [finish(np.matmul(accumulated(a), accumulated(b)), a.dtype)]


def _gemm(operands, options):
    a, b = operand(operands, "a"), operand(operands, "b")
    c = operand(operands, "c", required=False)
    if a.ndim != 2 or b.ndim != 2:
        fail("gemm: a and b must be 2-D")
    a2 = accumulated(a).T if opt(options, "aTranspose", False) else accumulated(a)
    b2 = accumulated(b).T if opt(options, "bTranspose", False) else accumulated(b)
    # alpha and beta apply as float32 values, as in the compiled kernels (1e300 is inf).
    out = np.float64(float_option(options, "alpha", 1.0)) * (a2 @ b2)
    if c is not None:
        # c is unidirectionally broadcast to [M, N].
        out = out + (np.float64(float_option(options, "beta", 1.0))
                     * np.broadcast_to(accumulated(c), out.shape))
    return [finish(out, a.dtype)]


#: The matrix family: spec op name -> implementation.
OPS: dict[str, OpFn] = {
    "matmul": _matmul,
    "gemm": _gemm,
}

"""Matrix ops: matmul, gemm.

Both take floating-point operands of one data type:

    %y = webnn.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
    %z = webnn.gemm %x, %w {c = %bias, bTranspose = true} : (tensor<1x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<1x8xf32>
"""

from __future__ import annotations

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import Bool, Float
from ..shapes import (
    broadcast,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    fail,
    fmt,
    unidirectional,
)
from ..types import FLOAT, TensorSpec


@webnn_op
class MatmulOp(WebNNOp):
    """Matrix product of the last two dimensions, `[.., M, K] x [.., K, N] -> [.., M, N]`.

    Both operands have rank >= 2; the leading (batch) dimensions broadcast
    bidirectionally.

        %y = webnn.matmul %a, %b : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
    """

    name = "webnn.matmul"
    a = operand_def(TensorType)
    b = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.a, FLOAT, "a")
        expect_same_dtype(args.b, args.a, "b", "a")
        expect_rank(args.a, (2, None), "a")
        expect_rank(args.b, (2, None), "b")
        m, k = args.a.shape[-2:]
        k_b, n = args.b.shape[-2:]
        if k != k_b:
            raise fail(f"a shape {fmt(args.a.shape)} and b shape {fmt(args.b.shape)} have "
                       f"mismatched inner dimensions {k} and {k_b}")
        batch = broadcast(args.a.shape[:-2], args.b.shape[:-2], "batch shapes")
        return TensorSpec(batch + (m, n), args.a.dtype)


@webnn_op
class GemmOp(WebNNOp):
    """General matrix multiply `alpha * A' * B' + beta * C` on 2-D `a` and `b`.

    `A'` is `a` or its transpose (`aTranspose`), likewise `B'`; `[M, K] x [K, N] -> [M, N]`.
    The optional `c` (absent = 0) has rank 0..2 and broadcasts unidirectionally to
    `[M, N]`.

        %y = webnn.gemm %x, %w {c = %bias, alpha = 2.0, bTranspose = true} : (tensor<1x4xf32>, tensor<8x4xf32>, tensor<8xf32>) -> tensor<1x8xf32>
    """

    name = "webnn.gemm"
    a = operand_def(TensorType)
    b = operand_def(TensorType)
    c = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Float("alpha", 1.0), Float("beta", 1.0), Bool("aTranspose", False),
               Bool("bTranspose", False))

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.a, FLOAT, "a")
        expect_same_dtype(args.b, args.a, "b", "a")
        expect_rank(args.a, 2, "a")
        expect_rank(args.b, 2, "b")
        shape_a = args.a.shape[::-1] if args.aTranspose else args.a.shape
        shape_b = args.b.shape[::-1] if args.bTranspose else args.b.shape
        if shape_a[1] != shape_b[0]:
            what_a = "transposed a" if args.aTranspose else "a"
            what_b = "transposed b" if args.bTranspose else "b"
            raise fail(f"{what_a} shape {fmt(shape_a)} and {what_b} shape {fmt(shape_b)} "
                       f"have mismatched inner dimensions {shape_a[1]} and {shape_b[0]}")
        out = (shape_a[0], shape_b[1])
        if args.c is not None:
            expect_same_dtype(args.c, args.a, "c", "a")
            expect_rank(args.c, (0, 2), "c")
            unidirectional(args.c.shape, out, "c")
        return TensorSpec(out, args.a.dtype)


#: The ops of the matrix family, in one table: `dialects/webnn/__init__.py` registers
#: the dialect from these tables.
OPS = (
    MatmulOp, GemmOp,
)

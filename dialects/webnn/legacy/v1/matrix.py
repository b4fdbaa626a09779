"""Version 1 matmul: 1-D operands."""

from __future__ import annotations


from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.matrix import MatmulOp
from ...shapes import expect_dtype, expect_rank, expect_same_dtype, fail, fmt
from ...types import FLOAT, TensorSpec


# ============================================================================ matrix
@webnn_op
class MatmulV1(WebNNOp):
    """Version 1 matmul: a 1-D `a` is `[1, K]` and a 1-D `b` is `[K, 1]` (NumPy), the added
    dimension dropped from the result; two vectors give a scalar.

        %y = webnn.matmul %a, %b : (tensor<4xf32>, tensor<4x3xf32>) -> tensor<3xf32>
    """

    name = "webnn.matmul"
    a = operand_def(TensorType)
    b = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.a, FLOAT, "a")
        expect_same_dtype(a.b, a.a, "b", "a")
        expect_rank(a.a, (1, None), "a")
        expect_rank(a.b, (1, None), "b")
        k_a, k_b = a.a.shape[-1], a.b.shape[0 if a.b.rank == 1 else -2]
        if k_a != k_b:
            raise fail(f"a shape {fmt(a.a.shape)} and b shape {fmt(a.b.shape)} have "
                       f"mismatched inner dimensions {k_a} and {k_b}")
        spec_a = a.a.with_shape((1,) + a.a.shape) if a.a.rank == 1 else a.a
        spec_b = a.b.with_shape(a.b.shape + (1,)) if a.b.rank == 1 else a.b
        out = MatmulOp.infer(Args(a._op_name, {"a": spec_a, "b": spec_b}, {}, set()))
        shape = list(out.shape)
        if a.b.rank == 1:
            shape.pop(-1)
        if a.a.rank == 1:
            shape.pop(-1 if a.b.rank == 1 else -2)
        return out.with_shape(shape)

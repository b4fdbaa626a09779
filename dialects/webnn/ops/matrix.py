"""Matrix ops: matmul, gemm."""

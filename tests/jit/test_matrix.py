"""JIT vs the numpy reference for matmul and gemm, beyond what WPT covers.

matmul: batch broadcasting in either direction and in both at once, single rows and
columns, a long inner dimension (float16 must accumulate in float32 to pass). gemm: `c`
of every rank and broadcast (scalar, [N], [1, N], [M, 1], [M, N]), alpha and beta with
and without `c`, both transposes; float32 and float16.
"""

from __future__ import annotations

import pytest

from tests.jit.against_reference import check, random


def _tol(dtype: str, terms: int) -> dict:
    """Float32 sums of `terms` products of values in [-1, 1]; float16 results are float32
    sums rounded once to float16."""
    if dtype == "float16":
        return dict(rtol=1e-3, atol=1e-3)
    return dict(rtol=1e-5, atol=1e-6 * terms)


#: (a shape, b shape)
MATMUL = [
    ((3, 4), (4, 5)),
    ((2, 1, 3, 4), (5, 4, 6)),       # a broadcasts over b's batch
    ((1, 3, 4), (2, 4, 5)),          # a's unit batch broadcasts
    ((4, 1, 2, 3), (1, 3, 3, 2)),    # both broadcast
    ((2, 3, 4), (4, 2)),             # 2-D b shared by the batch
    ((1, 7), (7, 1)),                # a single dot product
    ((2, 1, 300), (300, 3)),         # long inner dimension
    ((3, 1, 1, 5), (5, 4)),
]

#: (a shape, b shape, c shape or None, options)
GEMM = [
    ((3, 4), (4, 5), None, {}),
    ((3, 4), (4, 5), (), {}),
    ((3, 4), (4, 5), (5,), {"beta": 0.5}),
    ((3, 4), (4, 5), (1, 5), {"alpha": 2.5, "beta": -1.5}),
    ((3, 4), (4, 5), (3, 1), {"alpha": 0.5}),
    ((3, 4), (4, 5), (3, 5), {"beta": 0.0}),
    ((3, 4), (4, 5), (1, 1), {"alpha": -1.0, "beta": 2.0}),
    ((4, 3), (4, 5), (5,), {"aTranspose": True}),
    ((3, 4), (5, 4), (5,), {"bTranspose": True}),
    ((4, 3), (5, 4), None, {"aTranspose": True, "bTranspose": True, "alpha": 3.0}),
    ((1, 200), (7, 200), (7,), {"bTranspose": True}),  # a fully-connected layer
]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
def test_matmul(dtype):
    cases = []
    for i, (a_shape, b_shape) in enumerate(MATMUL):
        a = random(a_shape, dtype, 2 * i, -1.0, 1.0)
        b = random(b_shape, dtype, 2 * i + 1, -1.0, 1.0)
        cases.append(("matmul", {"a": a, "b": b}, {}, _tol(dtype, a_shape[-1])))
    check(cases)


@pytest.mark.parametrize("dtype", ["float32", "float16"])
def test_gemm(dtype):
    cases = []
    for i, (a_shape, b_shape, c_shape, options) in enumerate(GEMM):
        operands = {"a": random(a_shape, dtype, 3 * i, -1.0, 1.0),
                    "b": random(b_shape, dtype, 3 * i + 1, -1.0, 1.0)}
        if c_shape is not None:
            operands["c"] = random(c_shape, dtype, 3 * i + 2, -1.0, 1.0)
        k = a_shape[0] if options.get("aTranspose") else a_shape[1]
        cases.append(("gemm", operands, options, _tol(dtype, k + 1)))
    check(cases)


def test_large_enough_to_split_across_threads():
    """Shapes whose steps are split into slices run on several threads."""
    check([
        ("matmul", {"a": random((4, 64, 96), "float32", 1, -1.0, 1.0),
                    "b": random((96, 80), "float32", 2, -1.0, 1.0)}, {},
         _tol("float32", 96)),
        ("gemm", {"a": random((64, 128), "float16", 3, -1.0, 1.0),
                  "b": random((96, 128), "float16", 4, -1.0, 1.0),
                  "c": random((96,), "float16", 5, -1.0, 1.0)}, {"bTranspose": True},
         _tol("float16", 129)),
    ])

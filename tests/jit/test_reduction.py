"""JIT vs the numpy reference for the reduction family, where WPT has no data.

Reductions (every op on every data type it allows, empty axes, keepDimensions, integer
wrap-around), argMin/argMax (ties, NaNs, keepDimensions, int64 indices, every axis),
and cumulativeSum (every exclusive/reversed combination, awkward axis lengths,
integers); softmax, an element-wise op, is in `test_elementwise.py`. Several ops share
one compiled graph where they can, so the suite compiles a few dozen graphs rather than
hundreds.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate

FLOAT_TOL = {"float32": dict(rtol=2e-5, atol=1e-6), "float16": dict(rtol=2e-3, atol=1e-3)}

REDUCE_OPS = ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax",
              "reduceMean", "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare")
#: The reduce* ops defined on integer data (see dialects/webnn/ops/reduction.py).
INT_REDUCE_OPS = {
    "int32": ("reduceL1", "reduceMax", "reduceMin", "reduceProduct", "reduceSum",
              "reduceSumSquare"),
    "uint32": ("reduceL1", "reduceMax", "reduceMin", "reduceProduct", "reduceSum",
               "reduceSumSquare"),
    "int64": ("reduceL1", "reduceMax", "reduceMin", "reduceProduct", "reduceSum",
              "reduceSumSquare"),
    "uint64": ("reduceL1", "reduceMax", "reduceMin", "reduceProduct", "reduceSum",
               "reduceSumSquare"),
    "int8": ("reduceMax", "reduceMin"),
    "uint8": ("reduceMax", "reduceMin"),
}


def random(shape, dtype, seed, low=None, high=None):
    """Seeded data: floats in [low, high), integers spanning (a part of) the type."""
    rng = np.random.default_rng(seed)
    if dtype.startswith("float"):
        lo, hi = (-2.0, 2.0) if low is None else (low, high)
        return rng.uniform(lo, hi, shape).astype(dtype)
    info = np.iinfo(dtype)
    lo = info.min if low is None else low
    hi = info.max if high is None else high
    return rng.integers(lo, hi, shape, dtype=dtype, endpoint=True)


def run(x: np.ndarray, ops: list[tuple[str, tuple, dict]]) -> dict[str, np.ndarray]:
    """Compile one graph applying every (op, positional args, options) to input `x`."""
    g = compiler.GraphBuilder()
    inp = g.input("x", x.dtype.name, x.shape)
    outs = {f"out{i}": getattr(g, op)(inp, *args, **options)
            for i, (op, args, options) in enumerate(ops)}
    return compiler.compile(g.build(outs))(x=x)


def expected(x: np.ndarray, op: str, options: dict) -> np.ndarray:
    return evaluate(op, {"input": x}, options)[0]


def check(actual: np.ndarray, want: np.ndarray, what: str) -> None:
    assert actual.dtype == want.dtype, what
    assert actual.shape == want.shape, what
    if want.dtype.kind == "f":
        np.testing.assert_allclose(actual.astype(np.float64), want.astype(np.float64),
                                   err_msg=what, equal_nan=True, **FLOAT_TOL[want.dtype.name])
    else:
        np.testing.assert_array_equal(actual, want, err_msg=what)


def run_and_check(x: np.ndarray, cases: list[tuple[str, dict]],
                  positional: tuple[str, ...] = ()) -> None:
    """Run (op, options) cases in one graph; options named in `positional` go first."""
    ops = [(op, tuple(o[p] for p in positional if p in o),
            {k: v for k, v in o.items() if k not in positional}) for op, o in cases]
    got = run(x, ops)
    for i, (op, options) in enumerate(cases):
        check(got[f"out{i}"], expected(x, op, options), f"{op} {options} on {x.dtype}{x.shape}")


# ---------------------------------------------------------------------------- reduce*
AXES_CASES = [None, (), (0,), (2,), (1, 2), (2, 0), (0, 1, 2)]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("op", REDUCE_OPS)
def test_float_reductions(op, dtype):
    # Positive data keeps reduceLogSum away from NaN-vs-NaN comparisons.
    x = random((3, 4, 5), dtype, seed=1, low=0.25, high=1.5)
    cases = [(op, {"axes": axes, "keepDimensions": keep})
             for axes in AXES_CASES for keep in (False, True)]
    run_and_check(x, cases)


@pytest.mark.parametrize("dtype", sorted(INT_REDUCE_OPS))
def test_integer_reductions_wrap_like_c(dtype):
    # Full-range data: sums, squares and products overflow and must wrap exactly.
    x = random((2, 3, 4), dtype, seed=2)
    cases = [(op, {"axes": axes, "keepDimensions": keep})
             for op in INT_REDUCE_OPS[dtype]
             for axes, keep in [(None, False), ((), False), ((1,), True), ((2, 0), False)]]
    run_and_check(x, cases)


@pytest.mark.parametrize("dtype", ["int32", "int64", "int8"])
def test_integer_abs_and_extremes(dtype):
    # Values at the type's limits: abs(INT_MIN) wraps, max/min identities are exact.
    info = np.iinfo(dtype)
    x = np.array([[info.min, -1, 0], [info.max, info.min, 1]], dtype)
    ops = [o for o in INT_REDUCE_OPS[dtype] if o in ("reduceL1", "reduceMax", "reduceMin")]
    run_and_check(x, [(op, {"axes": (1,)}) for op in ops] + [(op, {}) for op in ops])


def test_reductions_of_size_one_extents_are_elementwise():
    # Reducing only size-1 dimensions: the scalar function, on a reshaped view.
    x = random((3, 1, 4), "float32", seed=3, low=0.5, high=2.0)
    run_and_check(x, [(op, {"axes": (1,), "keepDimensions": keep})
                      for op in REDUCE_OPS for keep in (False, True)])


def test_rank0_reductions():
    x = np.array(1.75, np.float32)
    run_and_check(x, [(op, {}) for op in REDUCE_OPS] + [(op, {"axes": ()}) for op in REDUCE_OPS])


def test_log_sum_exp_is_stable():
    # exp(100) overflows f32, exp(-200) underflows: the max-shifted form stays exact.
    x = np.array([[100.0, 99.0, 98.0], [-200.0, -201.0, -202.0],
                  [np.inf, 0.0, 1.0], [-np.inf, -np.inf, -np.inf]], np.float32)
    run_and_check(x, [("reduceLogSumExp", {"axes": (1,)}),
                      ("reduceLogSumExp", {"axes": (1,), "keepDimensions": True})])


def test_reduce_max_min_propagate_nan():
    x = np.array([[1.0, np.nan, 3.0], [4.0, 5.0, -6.0]], np.float32)
    run_and_check(x, [("reduceMax", {"axes": (1,)}), ("reduceMin", {"axes": (1,)}),
                      ("reduceMax", {"axes": (0,)})])


# ---------------------------------------------------------------------------- argMin/argMax
@pytest.mark.parametrize("dtype", ["float32", "float16", "int32", "uint8", "int64", "uint64"])
def test_arg_min_max_every_axis(dtype):
    # Few distinct values: many ties, which must resolve to the first index.
    x = random((4, 3, 5), dtype, seed=4, low=0, high=3)
    if dtype.startswith("float"):
        x = np.round(x)
    cases = [(op, {"axis": axis, "keepDimensions": keep, "outputDataType": out})
             for op in ("argMin", "argMax") for axis in range(3)
             for keep, out in [(False, "int32"), (True, "int64")]]
    run_and_check(x, cases, positional=("axis",))


def test_arg_min_max_all_equal_and_nan():
    x = np.array([[7.0, 7.0, 7.0, 7.0], [1.0, np.nan, 5.0, np.nan],
                  [np.nan, 2.0, 0.0, 9.0], [-np.inf, np.inf, -np.inf, np.inf]], np.float32)
    cases = [(op, {"axis": axis}) for op in ("argMin", "argMax") for axis in (0, 1)]
    run_and_check(x, cases, positional=("axis",))


def test_arg_min_max_signedness():
    # 0xFF is 255 as uint8 and -1 as int8: the comparison follows the WebNN type.
    for dtype in ("int8", "uint8"):
        x = np.array([[1, 0xFF, 3]], np.uint8).view(dtype)
        run_and_check(x, [("argMax", {"axis": 1}), ("argMin", {"axis": 1})],
                      positional=("axis",))


# ---------------------------------------------------------------------------- cumulativeSum
@pytest.mark.parametrize("length", [1, 2, 5, 8, 13])
def test_cumulative_sum_every_direction(length):
    x = random((3, length, 2), "float32", seed=5)
    cases = [("cumulativeSum", {"axis": axis, "exclusive": ex, "reversed": rev})
             for axis in (0, 1) for ex, rev in itertools.product((False, True), repeat=2)]
    run_and_check(x, cases, positional=("axis",))


@pytest.mark.parametrize("dtype", ["float16", "int32", "uint32", "int64", "uint64"])
def test_cumulative_sum_types(dtype):
    # Full-range integers overflow: the scan must wrap exactly like a sequential sum.
    x = random((2, 11), dtype, seed=6)
    cases = [("cumulativeSum", {"axis": 1, "exclusive": ex, "reversed": rev})
             for ex, rev in itertools.product((False, True), repeat=2)]
    run_and_check(x, cases + [("cumulativeSum", {"axis": 0})], positional=("axis",))


def test_cumulative_sum_long_axis():
    x = random((1000,), "float32", seed=7, low=0.0, high=1.0)
    run_and_check(x, [("cumulativeSum", {"axis": 0}),
                      ("cumulativeSum", {"axis": 0, "exclusive": True, "reversed": True})],
                  positional=("axis",))


"""JIT vs the numpy reference for the movement family, where WPT has no data.

resample2d (both modes, scales, sizes, every axes pair, every data type), pad (every
mode, every data type, constant values that need casting), slice strides, every one of
the 64 cast pairs, and what stresses the lowering's structure: concat of many inputs
(the slab-by-slab chain bufferize updates in place), tile of size-1 dimensions, reverse
of no axes, triangular diagonals, where with three-way broadcasting. Cases share
compiled graphs (`against_reference.check`).
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate
from tests.jit.against_reference import check, random

ALL = ("float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8")
LINEAR_TOL = {"float32": dict(rtol=1e-5, atol=1e-5), "float16": dict(rtol=2e-3, atol=2e-3)}


# ---------------------------------------------------------------------------- resample2d
RESAMPLE_OPTIONS = [
    {"scales": [2.0, 2.0]},
    {"scales": [0.5, 1.5]},
    {"scales": [1.7, 0.6]},
    {"scales": [3.0, 1.0]},
    {"sizes": [5, 7]},
    {"sizes": [3, 2]},
    {"sizes": [4, 9], "scales": [9.0, 9.0]},  # sizes win over scales
    {"scales": [2.0, 0.75], "axes": [1, 2]},
    {"sizes": [3, 5], "axes": [0, 3]},
    {"scales": [1.5, 2.5], "axes": [3, 1]},  # axes need not be increasing
]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("mode", ["nearest-neighbor", "linear"])
def test_resample2d_float(dtype, mode):
    x = random((2, 3, 4, 5), dtype, seed=1)
    tol = LINEAR_TOL[dtype] if mode == "linear" else {}
    check([("resample2d", {"input": x}, {"mode": mode, **o}, tol)
           for o in RESAMPLE_OPTIONS])


@pytest.mark.parametrize("dtype", ["uint8", "int8"])
def test_resample2d_integer(dtype):
    # Nearest copies exactly; integer linear rounds to nearest even and saturates (with
    # scale 2 the weights 1/4 and 3/4 are exact in f32, so the rounding is too).
    x = random((1, 2, 5, 6), dtype, seed=2)
    cases = [("resample2d", {"input": x}, {"mode": "nearest-neighbor", **o})
             for o in RESAMPLE_OPTIONS]
    cases += [("resample2d", {"input": x}, {"mode": "linear", "scales": [2.0, 2.0]}),
              ("resample2d", {"input": x}, {"mode": "linear", "sizes": [10, 3]})]
    check(cases)


def test_resample2d_integer_linear_arbitrary_scales():
    # f32 weights may round a tie differently from the reference's f64: off by one at
    # most, and only rarely.
    x = random((1, 1, 7, 9), "uint8", seed=3)
    g = compiler.GraphBuilder()
    y = g.resample2d(g.input("x", "uint8", x.shape), mode="linear", scales=[1.7, 0.6])
    got = compiler.compile(g.build({"y": y}))(x=x)["y"]
    want = evaluate("resample2d", {"input": x}, {"mode": "linear", "scales": [1.7, 0.6]})[0]
    diff = np.abs(got.astype(np.int64) - want.astype(np.int64))
    assert diff.max() <= 1 and (diff == 0).mean() > 0.95


# ---------------------------------------------------------------------------- pad
def small(dtype: str, high: int) -> dict:
    """Integer data in [0, high], so that padded values stand out; floats as usual."""
    return {} if dtype.startswith("float") else {"low": 0, "high": high}


PAD_CASES = [
    ([1, 2], [2, 0]),
    ([0, 0], [0, 3]),
    ([2, 3], [2, 3]),
]


@pytest.mark.parametrize("dtype", ALL)
def test_pad_modes(dtype):
    x = random((3, 4), dtype, seed=4, **small(dtype, 100))
    cases = []
    for begin, end in PAD_CASES:
        for options in ({"mode": "constant"}, {"mode": "constant", "value": 7},
                        {"mode": "edge"}, {"mode": "reflection"}):
            cases.append(("pad", {"input": x}, {"beginningPadding": begin,
                                                "endingPadding": end, **options}))
    check(cases)


def test_pad_constant_values_are_cast_like_the_spec():
    # Floats truncate toward zero into integers; out-of-range integers wrap; float16
    # rounds to nearest.
    cases = []
    for dtype, value in [("int32", -2.75), ("uint8", 300), ("int8", -129), ("float16", 0.1),
                         ("float32", -1e-3), ("int64", 2**40), ("uint32", 3.9)]:
        x = random((2, 3), dtype, seed=5, **small(dtype, 50))
        cases.append(("pad", {"input": x}, {"beginningPadding": [1, 1],
                                            "endingPadding": [0, 2], "value": value}))
    check(cases)


def test_pad_ranks_and_mixed_dimensions():
    x1 = random((5,), "float32", seed=6)
    x3 = random((2, 3, 4), "int32", seed=7)
    x4 = random((1, 2, 3, 4), "float16", seed=8)
    check([("pad", {"input": x1}, {"beginningPadding": [4], "endingPadding": [4],
                                   "mode": "reflection"}),
           ("pad", {"input": x1}, {"beginningPadding": [6], "endingPadding": [1],
                                   "mode": "edge"}),
           ("pad", {"input": x3}, {"beginningPadding": [1, 0, 3], "endingPadding": [0, 2, 3],
                                   "mode": "reflection"}),
           ("pad", {"input": x4}, {"beginningPadding": [0, 1, 2, 3],
                                   "endingPadding": [1, 0, 2, 1], "mode": "edge"}),
           ("pad", {"input": x4}, {"beginningPadding": [0, 0, 1, 1],
                                   "endingPadding": [0, 0, 1, 1], "value": -2.5})])


# ---------------------------------------------------------------------------- slice
def test_slice_strides():
    x = random((7, 8, 9), "float32", seed=9)
    xi = random((10,), "int64", seed=10)
    check([("slice", {"input": x}, {"starts": [0, 1, 2], "sizes": [7, 7, 7],
                                    "strides": [2, 3, 4]}),
           ("slice", {"input": x}, {"starts": [6, 0, 8], "sizes": [1, 8, 1],
                                    "strides": [5, 1, 1]}),
           ("slice", {"input": x}, {"starts": [1, 2, 3], "sizes": [5, 5, 5],
                                    "strides": [5, 5, 5]}),
           ("slice", {"input": xi}, {"starts": [3], "sizes": [7], "strides": [3]}),
           ("slice", {"input": xi}, {"starts": [0], "sizes": [10], "strides": [1]})])


# ---------------------------------------------------------------------------- cast
def _cast_source(src: str, dst: str, seed: int) -> np.ndarray:
    """Values whose conversion the spec defines: any integer into an integer (wraps) or
    a float; floats into an integer type only where they fit (truncation toward zero);
    float32 -> float16 includes values that round, overflow and underflow."""
    shape = (3, 7)
    if src.startswith("float"):
        if dst.startswith("float"):
            x = random(shape, "float64", seed, -70000.0, 70000.0)
            x[0, :4] = [1e-8, -3.14159265, 65519.0, np.nan]
            with np.errstate(over="ignore"):  # beyond float16's range: inf, on purpose
                return x.astype(src)
        info = np.iinfo(dst)
        lo, hi = max(info.min, -60000), min(info.max, 60000)
        if dst.endswith("int8"):
            lo, hi = info.min, info.max
        x = random(shape, "float64", seed, lo, hi + 0.999)
        x[0, :3] = [lo, hi, 0.5 if lo == 0 else -0.5]
        return x.astype(src)
    return random(shape, src, seed)


@pytest.mark.parametrize("src", ALL)
def test_every_cast_pair(src):
    check([("cast", {"input": _cast_source(src, dst, seed=11 + i)}, {"dataType": dst})
           for i, dst in enumerate(ALL)])


# ---------------------------------------------------------------------------- structure
@pytest.mark.parametrize("axis", [0, 1, 2])
def test_concat_many_inputs(axis):
    parts = []
    for i, n in enumerate([1, 3, 2, 1, 4, 2]):
        shape = [2, 3, 4]
        shape[axis] = n
        parts.append(random(tuple(shape), "float32", seed=20 + i))
    check([("concat", {"inputs": parts}, {"axis": axis}),
           ("concat", {"inputs": parts[:1]}, {"axis": axis}),
           ("concat", {"inputs": [p.astype(np.int8) for p in parts[2:5]]}, {"axis": axis})])


def test_concat_feeding_another_op():
    # The chain's result used by a later op (not a graph output): no copy, same data.
    a, b, c = (random((2, 2), "float32", seed=s) for s in (30, 31, 32))
    g = compiler.GraphBuilder()
    ins = [g.input(n, "float32", (2, 2)) for n in "abc"]
    cat = g.concat(ins, 1)
    y = g.relu(cat)
    z = g.concat([cat, g.neg(cat)], 0)
    got = compiler.compile(g.build({"y": y, "z": z}))(a=a, b=b, c=c)
    want = evaluate("concat", {"inputs": [a, b, c]}, {"axis": 1})[0]
    np.testing.assert_array_equal(got["y"], np.maximum(want, 0))
    np.testing.assert_array_equal(got["z"], np.concatenate([want, -want], 0))


def test_tile_reverse_transpose_expand():
    x = random((1, 3, 2), "uint32", seed=40)
    check([("tile", {"input": x}, {"repetitions": [4, 1, 3]}),
           ("tile", {"input": x}, {"repetitions": [1, 1, 1]}),
           ("reverse", {"input": x}, {"axes": []}),
           ("reverse", {"input": x}, {"axes": [2, 0]}),
           ("reverse", {"input": x}, {}),
           ("transpose", {"input": x}, {"permutation": [2, 0, 1]}),
           ("transpose", {"input": x}, {}),
           ("expand", {"input": x}, {"newShape": [2, 5, 3, 2]}),
           ("reshape", {"input": x}, {"newShape": [6]}),
           ("split", {"input": x}, {"splits": [1, 2], "axis": 1}),
           ("split", {"input": x}, {"splits": 2, "axis": 2})])


@pytest.mark.parametrize("dtype", ["float16", "int64", "uint8"])
def test_triangular_diagonals(dtype):
    x = random((2, 4, 5), dtype, seed=41)
    check([("triangular", {"input": x}, {"upper": upper, "diagonal": k})
           for upper in (True, False) for k in (-5, -1, 0, 2, 7)])


@pytest.mark.parametrize("dtype", ["float32", "int64", "int8"])
def test_where_broadcasts_all_three(dtype):
    cond = random((2, 1, 4), "uint8", seed=42, low=0, high=3)
    t = random((3, 1), dtype, seed=43)
    f = random((4,), dtype, seed=44)
    check([("where", {"condition": cond, "trueValue": t, "falseValue": f}, {}),
           ("where", {"condition": cond[0, 0], "trueValue": f, "falseValue": f[::-1].copy()}, {})])


def test_large_enough_to_run_on_several_threads():
    # Big steps are split across threads by an outer parallel dimension, including the
    # concat slabs (written at an offset) and the index-computing pad and resample.
    x = random((2, 8, 64, 64), "float32", seed=50)
    y = random((2, 3, 64, 64), "float32", seed=51)
    check([("concat", {"inputs": [x, y, x]}, {"axis": 1}),
           ("pad", {"input": x}, {"beginningPadding": [0, 1, 2, 3],
                                  "endingPadding": [1, 0, 3, 2], "mode": "reflection"}),
           ("resample2d", {"input": x}, {"mode": "linear", "scales": [2.0, 1.5]},
            LINEAR_TOL["float32"]),
           ("transpose", {"input": x}, {"permutation": [0, 2, 3, 1]})])

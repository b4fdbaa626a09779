"""JIT vs the numpy reference for averagePool2d, l2Pool2d and maxPool2d (WPT has no data).

Every option: the global default window, padding (symmetric, asymmetric, larger than the
window so some windows are all padding), strides, dilations, "ceil" rounding, outputSizes
(with and without padding), both layouts, float16, and maxPool2d on integer types.
Cases of one test share a compiled graph.
"""

from __future__ import annotations

import pytest

from tests.jit.against_reference import check, random

#: Tolerances: sums of at most a few dozen terms in [-1, 1], accumulated in float32;
#: float16 results are the float32 result rounded once (half a float16 ulp).
TOL = {"float32": dict(rtol=1e-5, atol=1e-6), "float16": dict(rtol=1e-3, atol=1e-4)}

#: (input shape in nchw, options): every option alone and in combination.
OPTIONS = [
    ((1, 3, 5, 7), {}),  # global pooling (window = the whole spatial extent)
    ((2, 3, 6, 6), {"windowDimensions": [2, 2], "strides": [2, 2]}),
    ((1, 2, 7, 7), {"windowDimensions": [3, 3], "padding": [1, 1, 1, 1], "strides": [2, 2]}),
    ((1, 2, 6, 5), {"windowDimensions": [3, 2], "padding": [2, 0, 0, 1]}),
    ((1, 2, 4, 4), {"windowDimensions": [2, 2], "padding": [3, 3, 2, 3]}),  # all-padding windows
    ((1, 2, 9, 8), {"windowDimensions": [3, 3], "dilations": [2, 3]}),
    ((1, 2, 8, 8), {"windowDimensions": [3, 3], "strides": [2, 2],
                    "outputShapeRounding": "ceil"}),
    ((1, 2, 7, 8), {"windowDimensions": [2, 3], "strides": [2, 2], "padding": [1, 0, 0, 1],
                    "dilations": [2, 1], "outputShapeRounding": "ceil"}),
    ((1, 2, 8, 8), {"windowDimensions": [3, 3], "strides": [2, 2], "outputSizes": [4, 4]}),
    ((1, 2, 8, 8), {"windowDimensions": [3, 3], "strides": [2, 2], "outputSizes": [3, 3],
                    "outputShapeRounding": "ceil"}),
    ((1, 2, 7, 7), {"windowDimensions": [3, 3], "strides": [2, 2], "padding": [1, 1, 1, 1],
                    "outputSizes": [3, 3]}),
    ((1, 1, 5, 5), {"windowDimensions": [3, 3], "strides": [3, 3]}),  # one window per axis
    ((1, 2, 3, 4), {"windowDimensions": [1, 1]}),
    ((1, 1, 1, 1), {}),
]


def _nhwc(shape):
    n, c, h, w = shape
    return (n, h, w, c)


def _cases(op, dtype, layout, seed=0):
    cases = []
    for i, (shape, options) in enumerate(OPTIONS):
        if layout == "nhwc":
            shape, options = _nhwc(shape), {**options, "layout": "nhwc"}
        x = random(shape, dtype, seed + i, -1.0, 1.0)
        cases.append((op, {"input": x}, options, TOL[dtype]))
    return cases


# Layout and data type are independent in the lowering: float16 runs in one layout here
# (and in nhwc in the large test below).
@pytest.mark.parametrize("layout, dtype", [("nchw", "float32"), ("nhwc", "float32"),
                                           ("nchw", "float16")])
@pytest.mark.parametrize("op", ["averagePool2d", "l2Pool2d", "maxPool2d"])
def test_float_pools(op, layout, dtype):
    check(_cases(op, dtype, layout))


@pytest.mark.parametrize("dtype", ["int8", "uint8", "uint32", "int64"])
def test_max_pool_integers(dtype):
    cases = []
    for layout in ("nchw", "nhwc"):
        # The global window and the option sets with padding (where the identity shows).
        for i in (0, 2, 4, 7, 10):
            shape, options = OPTIONS[i]
            if layout == "nhwc":
                shape, options = _nhwc(shape), {**options, "layout": "nhwc"}
            # The full range of the type: padding must never win (it is the lowest value).
            cases.append(("maxPool2d", {"input": random(shape, dtype, i)}, options))
    check(cases)


def test_max_pool_nan_and_infinities():
    x = random((1, 1, 4, 4), "float32", 7)
    x[0, 0, 0, 0] = float("nan")
    x[0, 0, 3, 3] = float("inf")
    x[0, 0, 2, 0] = float("-inf")
    check([("maxPool2d", {"input": x}, {"windowDimensions": [2, 2], "padding": [1, 1, 1, 1]},
            TOL["float32"]),
           ("averagePool2d", {"input": x}, {"windowDimensions": [2, 2], "strides": [2, 2]},
            TOL["float32"])])


def test_large_enough_to_split_across_threads():
    """Shapes whose steps are split into slices run on several threads."""
    check([
        ("maxPool2d", {"input": random((2, 32, 56, 56), "float32", 1, -1.0, 1.0)},
         {"windowDimensions": [3, 3], "strides": [2, 2], "padding": [1, 1, 1, 1]},
         TOL["float32"]),
        ("averagePool2d", {"input": random((2, 56, 56, 32), "float16", 2, -1.0, 1.0)},
         {"windowDimensions": [3, 3], "strides": [2, 2], "padding": [0, 1, 0, 1],
          "layout": "nhwc"}, TOL["float16"]),
        ("l2Pool2d", {"input": random((2, 64, 17, 17), "float32", 3, -1.0, 1.0)}, {},
         dict(rtol=1e-5, atol=1e-5)),
    ])

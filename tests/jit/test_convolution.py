"""JIT vs the numpy reference for conv2d and convTranspose2d, beyond what WPT covers.

Groups that split both channel dimensions, depthwise with a channel multiplier,
asymmetric padding, padding larger than the filter, strides that leave input rows
unread, windows that fit once per axis, 1x1 and all-unit convolutions, batches, and
for convTranspose2d strides with dilations, outputPadding, outputSizes and padding that
crops more than the filter overlaps; every case in every input and filter layout, with
and without bias, in float32 and float16. Cases of one test share a compiled graph.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.jit.against_reference import check, random


def _tol(dtype: str, terms: int) -> dict:
    """Float32 sums of `terms` products of values in [-1, 1] (error grows with the count);
    float16 results are float32 sums rounded once to float16."""
    if dtype == "float16":
        return dict(rtol=1e-3, atol=1e-3)
    return dict(rtol=1e-5, atol=1e-6 * terms)


def _layout(array: np.ndarray, canonical: str, layout: str) -> np.ndarray:
    """`array` given in `canonical` dimension order, transposed to `layout`."""
    return np.ascontiguousarray(array.transpose([canonical.index(d) for d in layout]))


#: conv2d: (input nchw shape, filter oihw shape, options, with bias).
CONV2D = [
    ((1, 6, 7, 7), (4, 3, 3, 3), {"groups": 2, "padding": [1, 1, 1, 1]}, True),
    ((2, 4, 6, 6), (4, 1, 3, 3), {"groups": 4, "strides": [2, 2], "padding": [1, 0, 1, 0]}, True),
    ((1, 3, 5, 5), (6, 1, 3, 3), {"groups": 3, "dilations": [2, 1], "padding": [2, 2, 1, 1]},
     False),
    ((1, 2, 8, 8), (3, 2, 3, 3), {"strides": [2, 2]}, False),  # the last row is never read
    ((1, 2, 9, 9), (2, 2, 3, 3), {"dilations": [2, 3], "padding": [2, 1, 0, 3]}, True),
    ((1, 1, 5, 5), (2, 1, 3, 3), {"strides": [3, 3]}, False),  # one window per axis
    ((2, 8, 4, 4), (5, 8, 1, 1), {}, True),
    ((1, 1, 1, 1), (1, 1, 1, 1), {}, True),
    ((1, 1, 3, 3), (1, 1, 2, 2), {"padding": [3, 3, 3, 3]}, False),  # all-padding windows
    ((2, 4, 5, 6), (6, 2, 2, 3), {"groups": 2, "strides": [1, 2], "padding": [0, 1, 1, 0]},
     True),
]

#: convTranspose2d: (input nchw shape, filter iohw shape, options, with bias).
CONV_TRANSPOSE2D = [
    ((1, 4, 3, 3), (4, 3, 3, 3), {"groups": 2, "strides": [2, 2], "padding": [1, 1, 1, 1]},
     True),
    ((1, 2, 3, 4), (2, 2, 2, 3), {"strides": [3, 2], "dilations": [2, 2],
                                  "outputPadding": [2, 1]}, False),
    ((1, 1, 5, 5), (1, 2, 2, 2), {"strides": [2, 2], "padding": [2, 2, 3, 1]}, True),
    ((1, 2, 3, 3), (2, 1, 3, 3), {"strides": [2, 2], "outputSizes": [8, 7]}, False),
    ((1, 2, 5, 5), (2, 3, 1, 1), {"padding": [0, 2, 0, 1]}, True),
    ((2, 3, 4, 4), (3, 1, 3, 3), {"groups": 3, "strides": [2, 2]}, True),
    ((1, 1, 1, 1), (1, 1, 1, 1), {}, False),
    ((2, 2, 3, 2), (2, 2, 1, 3), {"strides": [2, 1], "padding": [0, 1, 2, 0],
                                  "outputSizes": [5, 2]}, True),
]


def _cases(op, table, canonical, dtype, input_layout, filter_layout, seed=0):
    cases = []
    for i, (x_shape, f_shape, options, with_bias) in enumerate(table):
        x = _layout(random(x_shape, dtype, seed + 3 * i, -1.0, 1.0), "nchw", input_layout)
        w = _layout(random(f_shape, dtype, seed + 3 * i + 1, -1.0, 1.0), canonical,
                    filter_layout)
        groups = options.get("groups", 1)
        out_channels = f_shape[0] if op == "conv2d" else f_shape[1] * groups
        operands = {"input": x, "filter": w}
        if with_bias:
            operands["bias"] = random((out_channels,), dtype, seed + 3 * i + 2, -1.0, 1.0)
        terms = (x_shape[1] // groups) * f_shape[2] * f_shape[3] + 1
        cases.append((op, operands, {**options, "inputLayout": input_layout,
                                     "filterLayout": filter_layout}, _tol(dtype, terms)))
    return cases


@pytest.mark.parametrize("input_layout", ["nchw", "nhwc"])
@pytest.mark.parametrize("filter_layout", ["oihw", "hwio", "ohwi", "ihwo"])
def test_conv2d(input_layout, filter_layout):
    check(_cases("conv2d", CONV2D, "oihw", "float32", input_layout, filter_layout))


@pytest.mark.parametrize("input_layout, filter_layout", [("nchw", "oihw"), ("nhwc", "ohwi")])
def test_conv2d_float16(input_layout, filter_layout):
    check(_cases("conv2d", CONV2D, "oihw", "float16", input_layout, filter_layout))


@pytest.mark.parametrize("input_layout", ["nchw", "nhwc"])
@pytest.mark.parametrize("filter_layout", ["iohw", "hwoi", "ohwi"])
def test_conv_transpose2d(input_layout, filter_layout):
    check(_cases("convTranspose2d", CONV_TRANSPOSE2D, "iohw", "float32", input_layout,
                 filter_layout))


@pytest.mark.parametrize("input_layout, filter_layout", [("nchw", "iohw"), ("nhwc", "ohwi")])
def test_conv_transpose2d_float16(input_layout, filter_layout):
    check(_cases("convTranspose2d", CONV_TRANSPOSE2D, "iohw", "float16", input_layout,
                 filter_layout))


def test_large_enough_to_split_across_threads():
    """Shapes whose steps are split into slices run on several threads."""
    f32, f16 = "float32", "float16"
    check([
        ("conv2d", {"input": random((2, 16, 33, 31), f32, 1, -1.0, 1.0),
                    "filter": random((24, 8, 3, 3), f32, 2, -1.0, 1.0),
                    "bias": random((24,), f32, 3, -1.0, 1.0)},
         {"padding": [1, 1, 1, 1], "groups": 2}, _tol(f32, 73)),
        ("conv2d", {"input": random((1, 40, 40, 32), f16, 4, -1.0, 1.0),
                    "filter": random((3, 3, 1, 32), f16, 5, -1.0, 1.0)},
         {"padding": [1, 1, 1, 1], "groups": 32, "strides": [2, 2], "inputLayout": "nhwc",
          "filterLayout": "hwio"}, _tol(f16, 9)),
        ("convTranspose2d", {"input": random((1, 16, 20, 20), f32, 6, -1.0, 1.0),
                             "filter": random((16, 8, 4, 4), f32, 7, -1.0, 1.0)},
         {"strides": [2, 2], "padding": [1, 1, 1, 1]}, _tol(f32, 256)),
    ])

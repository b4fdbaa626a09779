"""Pooling ops: averagePool2d, l2Pool2d, maxPool2d.

A window slides over the two spatial dimensions of a 4-D input (`layout` "nchw" or
"nhwc", which is also the output's layout); without `windowDimensions` it covers the
whole spatial extent (global pooling):

    %g = webnn.averagePool2d %x : (tensor<1x8x7x7xf32>) -> tensor<1x8x1x1xf32>
    %m = webnn.maxPool2d %x {windowDimensions = [3, 3], strides = [2, 2], outputShapeRounding = "ceil"} : (tensor<1x8x7x7xf32>) -> tensor<1x8x3x3xf32>
"""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import Enum, Ints
from ..shapes import check_positive, expect_dtype, expect_rank, fail, fmt
from ..types import ALL, FLOAT, TensorSpec
from .convolution import (
    INPUT_LAYOUTS,
    check_output_size,
    check_padded_input,
    check_window_options,
    conv_output_size,
    layout_dims,
    layout_shape,
)


class Pool2dOp(WebNNOp):
    """`(input, MLPool2dOptions)`: the options and shape rule all three pools share.

    Each output extent is `round((in - effWindow + padBegin + padEnd) / stride) + 1` with
    `effWindow = (window - 1) * dilation + 1` and `round` = floor or ceil per
    `outputShapeRounding`. `outputSizes`, when given, overrides the rounding: it must
    equal the floor-rounded or the ceil-rounded sizes (both dimensions the same way),
    and the spec then treats `padding` as all zeros.
    """

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("windowDimensions", None, length=2),
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Enum("layout", INPUT_LAYOUTS, "nchw"),
        Enum("outputShapeRounding", ("floor", "ceil"), "floor"),
        Ints("outputSizes", None, length=2),
    )

    DTYPES: ClassVar[tuple[str, ...]] = FLOAT

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        expect_dtype(a.input, cls.DTYPES)
        expect_rank(a.input, 4)
        x = layout_dims(a.input.shape, a.layout)
        window = a.windowDimensions
        if window is None:
            window = (x["h"], x["w"])
        check_positive(window, "windowDimensions")
        check_window_options(a)
        check_padded_input(a, a.layout)
        padding = (0, 0, 0, 0) if a.outputSizes is not None else a.padding

        def sizes(ceil: bool) -> list[tuple[int, tuple[int, ...]]]:
            result = []
            for axis, letter in enumerate("hw"):
                args = (x[letter], window[axis], padding[2 * axis], padding[2 * axis + 1],
                        a.strides[axis], a.dilations[axis])
                result.append((conv_output_size(*args, ceil=ceil), args))
            return result

        if a.outputSizes is not None:
            floor_sizes = tuple(s for s, _ in sizes(False))
            ceil_sizes = tuple(s for s, _ in sizes(True))
            if tuple(a.outputSizes) not in (floor_sizes, ceil_sizes):
                raise fail(f"outputSizes {fmt(a.outputSizes)} are neither the floor-rounded "
                           f"sizes {fmt(floor_sizes)} nor the ceil-rounded sizes "
                           f"{fmt(ceil_sizes)}")
            computed = list(zip(a.outputSizes, (args for _, args in sizes(False))))
        else:
            computed = sizes(a.outputShapeRounding == "ceil")
        out = {"n": x["n"], "c": x["c"]}
        for axis, (letter, (size, args)) in enumerate(zip("hw", computed)):
            check_output_size(size, axis, *args, "window")
            out[letter] = size
        return TensorSpec(layout_shape(out, a.layout), a.input.dtype)


@webnn_op
class AveragePool2dOp(Pool2dOp):
    """Mean over each window.

        %y = webnn.averagePool2d %x {windowDimensions = [2, 2], strides = [2, 2], layout = "nhwc"} : (tensor<1x8x8x3xf32>) -> tensor<1x4x4x3xf32>
    """
    name = "webnn.averagePool2d"


@webnn_op
class L2Pool2dOp(Pool2dOp):
    """Square root of the sum of squares over each window.

        %y = webnn.l2Pool2d %x {windowDimensions = [2, 2]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x3x3xf32>
    """
    name = "webnn.l2Pool2d"


@webnn_op
class MaxPool2dOp(Pool2dOp):
    """Maximum over each window; any data type.

        %y = webnn.maxPool2d %x {windowDimensions = [3, 3], padding = [1, 1, 1, 1], strides = [2, 2]} : (tensor<1x3x8x8xi8>) -> tensor<1x3x4x4xi8>
    """
    name = "webnn.maxPool2d"
    DTYPES = ALL

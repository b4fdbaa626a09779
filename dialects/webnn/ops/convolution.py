"""Convolution ops: conv2d, convTranspose2d.

Both take a 4-D input (`inputLayout` "nchw" or "nhwc", which is also the output's
layout), a 4-D filter (`filterLayout`) and an optional 1-D `bias` of `[outputChannels]`,
all of one floating-point data type. Lists of spatial values are `[height, width]`;
`padding` is `[beginHeight, endHeight, beginWidth, endWidth]`.

    %y = webnn.conv2d %x, %w {bias = %b, padding = [1, 1, 1, 1]} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
    %u = webnn.convTranspose2d %y, %v {strides = [2, 2]} : (tensor<1x4x8x8xf32>, tensor<4x2x2x2xf32>) -> tensor<1x2x16x16xf32>
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import Enum, Int, Ints
from ..shapes import (
    check_non_negative,
    check_positive,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    expect_shape,
    fail,
    fmt,
)
from ..types import FLOAT, TensorSpec, shape_problem

#: `MLInputOperandLayout` values (input and output of conv2d, convTranspose2d, pools).
INPUT_LAYOUTS = ("nchw", "nhwc")
_SPATIAL = ("height", "width")


# ---------------------------------------------------------------------------- helpers
def layout_dims(shape: Sequence[int], layout: str) -> dict[str, int]:
    """`{letter: extent}` of a 4-D shape read through a layout such as "nhwc" or "oihw"."""
    return {letter: shape[i] for i, letter in enumerate(layout)}


def layout_shape(dims: dict[str, int], layout: str) -> tuple[int, ...]:
    """The 4-D shape that `layout` spells from `{letter: extent}`."""
    return tuple(dims[letter] for letter in layout)


def conv_output_size(size: int, window: int, pad_begin: int, pad_end: int, stride: int,
                     dilation: int, ceil: bool = False) -> int:
    """The spec's `(size - effWindow + padBegin + padEnd) / stride + 1`, floored or ceiled.

    Computed in exact integer arithmetic with the real-number rounding of the spec, so a
    negative span rounds like the spec's real numbers do (it may give 0 or less).
    """
    effective = (window - 1) * dilation + 1
    numerator = size - effective + pad_begin + pad_end + stride
    return -(-numerator // stride) if ceil else numerator // stride


def check_output_size(value: int, axis: int, size: int, window: int, pad_begin: int,
                      pad_end: int, stride: int, dilation: int, window_name: str) -> None:
    """Fail unless the computed output extent along spatial `axis` is a valid dimension."""
    if value <= 0:
        effective = (window - 1) * dilation + 1
        dim = _SPATIAL[axis]
        raise fail(f"output {dim} {value} is not a valid dimension (input {dim} {size}, "
                   f"padding {pad_begin} + {pad_end}, effective {window_name} {dim} "
                   f"{effective}, stride {stride})")


def check_window_options(a: Args) -> None:
    """The padding/strides/dilations rules shared by convolutions and pools."""
    check_non_negative(a.padding, "padding")
    check_positive(a.strides, "strides")
    check_positive(a.dilations, "dilations")


def check_padded_input(a: Args, layout: str) -> None:
    """The input with its padding added must be a valid tensor.

    Padding is defined as zeros (or the pool's identity) around the input, and both
    engines materialize that padded input: it is held to the size limit of every
    tensor, so that a graph that verifies also runs (a padding of 2**40 with a stride as
    large gives a small output but would need a padded input of terabytes).
    """
    x = layout_dims(a.input.shape, layout)
    pt, pb, pl, pr = a.padding
    padded = dict(x, h=x["h"] + pt + pb, w=x["w"] + pl + pr)
    problem = shape_problem(layout_shape(padded, layout), a.input.dtype)
    if problem is not None:
        raise fail(f"padding {fmt(a.padding)} makes a padded input "
                   f"{fmt(layout_shape(padded, layout))} that is not a valid tensor: "
                   f"{problem}")


def _check_bias(a: Args, output_channels: int) -> None:
    if a.bias is not None:
        expect_same_dtype(a.bias, a.input, "bias")
        expect_shape(a.bias, (output_channels,), "bias")


def _check_operands(a: Args) -> None:
    expect_dtype(a.input, FLOAT)
    expect_rank(a.input, 4)
    expect_same_dtype(a.filter, a.input, "filter")
    expect_rank(a.filter, 4, "filter")
    check_window_options(a)
    if a.groups <= 0:
        raise fail(f"groups {a.groups} must be positive")


# ---------------------------------------------------------------------------- ops
@webnn_op
class Conv2dOp(WebNNOp):
    """2-D convolution.

    `filterLayout` names the filter's dimensions: o = output channels, i = input
    channels / groups. Each output extent is
    `floor((in - ((k - 1) * dilation + 1) + padBegin + padEnd) / stride) + 1`.

        %y = webnn.conv2d %x, %w {bias = %b, padding = [1, 1, 1, 1], inputLayout = "nhwc", filterLayout = "ohwi"} : (tensor<1x5x5x3xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x5x5x4xf32>
    """

    name = "webnn.conv2d"
    input = operand_def(TensorType)
    filter = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("oihw", "hwio", "ohwi", "ihwo"), "oihw"),
    )

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        _check_operands(a)
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        groups = a.groups
        if x["c"] % groups:
            raise fail(f"input channels {x['c']} are not divisible by groups {groups}")
        if x["c"] // groups != f["i"]:
            raise fail(f"filter input channels {f['i']} do not match input channels "
                       f"{x['c']} / groups {groups}")
        if f["o"] % groups:
            raise fail(f"output channels {f['o']} are not divisible by groups {groups}")
        _check_bias(a, f["o"])
        check_padded_input(a, a.inputLayout)
        out = {"n": x["n"], "c": f["o"]}
        for axis, letter in enumerate("hw"):
            args = (x[letter], f[letter], a.padding[2 * axis], a.padding[2 * axis + 1],
                    a.strides[axis], a.dilations[axis])
            out[letter] = conv_output_size(*args)
            check_output_size(out[letter], axis, *args, "filter")
        return TensorSpec(layout_shape(out, a.inputLayout), a.input.dtype)


@webnn_op
class ConvTranspose2dOp(WebNNOp):
    """2-D transposed convolution (the gradient of conv2d with respect to its input).

    `filterLayout` names the filter's dimensions: i = input channels, o = output
    channels / groups. Each output extent is
    `(in - 1) * stride + (k - 1) * dilation + 1 - padBegin - padEnd + outputPadding`.
    When `outputSizes` is given, `outputPadding` is ignored and each size must lie in
    `[calc, calc + stride)`, calc being that formula without `outputPadding`.

        %y = webnn.convTranspose2d %x, %w {strides = [2, 2], outputPadding = [1, 1]} : (tensor<1x4x3x3xf32>, tensor<4x2x3x3xf32>) -> tensor<1x2x8x8xf32>
    """

    name = "webnn.convTranspose2d"
    input = operand_def(TensorType)
    filter = operand_def(TensorType)
    bias = opt_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Ints("outputPadding", (0, 0), length=2),
        Ints("outputSizes", None, length=2),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("iohw", "hwoi", "ohwi"), "iohw"),
    )

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        _check_operands(a)
        check_non_negative(a.outputPadding, "outputPadding")
        if a.outputSizes is None and any(p >= s for p, s in zip(a.outputPadding, a.strides)):
            raise fail(f"outputPadding {fmt(a.outputPadding)} must be smaller than strides "
                       f"{fmt(a.strides)}")
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        groups = a.groups
        if x["c"] % groups:
            raise fail(f"input channels {x['c']} are not divisible by groups {groups}")
        if x["c"] != f["i"]:
            raise fail(f"filter input channels {f['i']} do not match input channels "
                       f"{x['c']}")
        out = {"n": x["n"], "c": f["o"] * groups}
        _check_bias(a, out["c"])
        for axis, letter in enumerate("hw"):
            stride = a.strides[axis]
            effective = (f[letter] - 1) * a.dilations[axis] + 1
            calc = ((x[letter] - 1) * stride + effective - a.padding[2 * axis]
                    - a.padding[2 * axis + 1])
            dim = _SPATIAL[axis]
            if a.outputSizes is not None:
                size = a.outputSizes[axis]
                if not calc <= size < calc + stride:
                    raise fail(f"outputSizes {dim} {size} is not in the range "
                               f"[{calc}, {calc + stride}) allowed by the input, filter, "
                               f"padding and strides")
            else:
                size = calc + a.outputPadding[axis]
            if size <= 0:
                raise fail(f"output {dim} {size} is not a valid dimension (input {dim} "
                           f"{x[letter]}, effective filter {dim} {effective}, padding "
                           f"{a.padding[2 * axis]} + {a.padding[2 * axis + 1]}, "
                           f"stride {stride})")
            out[letter] = size
        return TensorSpec(layout_shape(out, a.inputLayout), a.input.dtype)

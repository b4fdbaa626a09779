"""Version 1 conv2d and convTranspose2d: `autoPad` and a fused `activation`."""

from __future__ import annotations


from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, opt_operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.convolution import INPUT_LAYOUTS, Conv2dOp, ConvTranspose2dOp, layout_dims
from ...options import Enum, Int, Ints
from ...types import TensorSpec
from .common import AUTO_PAD, Activation, as_current, same_padding


# ============================================================================ convolution
@webnn_op
class Conv2dV1(WebNNOp):
    """Version 1 conv2d: `autoPad` and a fused `activation`.

        %y = webnn.conv2d %x, %w {autoPad = "same-lower", activation = "relu"} : (tensor<1x3x5x5xf32>, tensor<2x3x2x2xf32>) -> tensor<1x2x5x5xf32>
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
        Enum("autoPad", AUTO_PAD, "explicit"),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("oihw", "hwio", "ohwi", "ihwo"), "oihw"),
        Activation("activation"),
    )

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        """`padding`, or what `autoPad` computes from the shapes."""
        if a.autoPad == "explicit" or a.input.rank != 4 or a.filter.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        return same_padding(a.autoPad, (x["h"], x["w"]), (f["h"], f["w"]), a.strides,
                            a.dilations)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return Conv2dOp.infer(as_current(
            a, Conv2dOp, ("autoPad", "activation"), padding=cls.explicit_padding(a)))


@webnn_op
class ConvTranspose2dV1(WebNNOp):
    """Version 1 convTranspose2d: `autoPad` ("same-*" makes `out = in * stride`) and a
    fused `activation`.

        %y = webnn.convTranspose2d %x, %w {strides = [2, 2], autoPad = "same-upper"} : (tensor<1x2x3x3xf32>, tensor<2x1x3x3xf32>) -> tensor<1x1x6x6xf32>
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
        Enum("autoPad", AUTO_PAD, "explicit"),
        Int("groups", 1),
        Enum("inputLayout", INPUT_LAYOUTS, "nchw"),
        Enum("filterLayout", ("iohw", "hwoi", "ohwi"), "iohw"),
        Activation("activation"),
    )

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        if a.autoPad == "explicit" or a.input.rank != 4 or a.filter.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.inputLayout)
        f = layout_dims(a.filter.shape, a.filterLayout)
        return same_padding(a.autoPad, (x["h"], x["w"]), (f["h"], f["w"]), a.strides,
                            a.dilations, a.outputPadding)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return ConvTranspose2dOp.infer(as_current(
            a, ConvTranspose2dOp, ("autoPad", "activation"), padding=cls.explicit_padding(a)))

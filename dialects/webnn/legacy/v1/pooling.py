"""Version 1 pools: `autoPad` and `roundingType` with `outputSizes`."""

from __future__ import annotations

from typing import ClassVar

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.convolution import INPUT_LAYOUTS, layout_dims
from ...ops.pooling import AveragePool2dOp, L2Pool2dOp, MaxPool2dOp
from ...options import Enum, Ints
from ...types import TensorSpec
from .common import AUTO_PAD, as_current, same_padding


# ============================================================================ pooling
class Pool2dV1(WebNNOp):
    """Version 1 pooling: `autoPad`, and `roundingType` (now `outputShapeRounding`)."""

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (
        Ints("windowDimensions", None, length=2),
        Ints("padding", (0, 0, 0, 0), length=4),
        Ints("strides", (1, 1), length=2),
        Ints("dilations", (1, 1), length=2),
        Enum("autoPad", AUTO_PAD, "explicit"),
        Enum("layout", INPUT_LAYOUTS, "nchw"),
        Enum("roundingType", ("floor", "ceil"), "floor"),
        Ints("outputSizes", None, length=2),
    )

    #: The current op whose rule applies once the options are translated.
    CURRENT: ClassVar[type[WebNNOp]] = WebNNOp

    @staticmethod
    def explicit_padding(a: Args) -> tuple[int, ...]:
        if a.autoPad == "explicit" or a.input.rank != 4:
            return a.padding
        x = layout_dims(a.input.shape, a.layout)
        window = a.windowDimensions or (x["h"], x["w"])
        return same_padding(a.autoPad, (x["h"], x["w"]), window, a.strides, a.dilations)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return cls.CURRENT.infer(as_current(
            a, cls.CURRENT, ("autoPad", "roundingType"), padding=cls.explicit_padding(a),
            outputShapeRounding=a.roundingType))


@webnn_op
class AveragePool2dV1(Pool2dV1):
    """Version 1 averagePool2d.

        %y = webnn.averagePool2d %x {windowDimensions = [3, 3], autoPad = "same-upper", roundingType = "ceil"} : (tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>
    """
    name = "webnn.averagePool2d"
    CURRENT = AveragePool2dOp


@webnn_op
class L2Pool2dV1(Pool2dV1):
    """Version 1 l2Pool2d."""
    name = "webnn.l2Pool2d"
    CURRENT = L2Pool2dOp


@webnn_op
class MaxPool2dV1(Pool2dV1):
    """Version 1 maxPool2d."""
    name = "webnn.maxPool2d"
    CURRENT = MaxPool2dOp

"""Version 1 argMin/argMax: the 2023-12 form."""

from __future__ import annotations

from typing import Any

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def
from xdsl.utils.exceptions import VerifyException

from ...base import Args, WebNNOp, webnn_op
from ...ops.reduction import ArgReduceOp
from ...options import REQUIRED, Bool, Ints
from ...shapes import check_axes, expect_rank, fail, fmt
from ...types import TensorSpec
from .common import as_current


# ============================================================================ 2023-12 forms
class ArgReduceV1(WebNNOp):
    """argMin/argMax as #478 (2023-12) added them: `{axes, keepDimensions,
    selectLastIndex}`, int64 indices; `selectLastIndex` picks the last of tied extrema.

    Version 1 reads the one-axis form, `axes = [a]`, which is what every later spec kept
    (a scalar `axis` since 2024-07, #724): the 2023-12 text also let `axes` be absent
    (all dimensions) or list several, reducing them to one index whose order it never
    defined, and nothing this project reads or writes has such an index. `axes` is
    therefore required here and holds exactly one axis.
    """

    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes", REQUIRED),
               Bool("keepDimensions", False),
               Bool("selectLastIndex", False))

    #: Why `axes` must hold one axis (the end of both messages).
    ONE_AXIS = ("webnn version 1 reads the one-axis form of 2023-12, axes = [a] (a "
                "scalar axis since version 2: 2024-07, #724)")

    @classmethod
    def make_args(cls, operands: dict[str, Any], properties: dict[str, Any]) -> Args:
        if "axes" not in properties:
            raise VerifyException(f"has no 'axes': {cls.ONE_AXIS}; reducing every "
                                  "dimension, as the 2023-12 text allowed, is not part of "
                                  "it")
        return super().make_args(operands, properties)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        if len(a.axes) != 1:
            raise fail(f"axes {fmt(a.axes)} has {len(a.axes)} values: {cls.ONE_AXIS}")
        expect_rank(a.input, (1, None))
        check_axes(a.axes, a.input.rank)
        return ArgReduceOp.infer(as_current(
            a, ArgReduceOp, ("axes", "selectLastIndex"), axis=a.axes[0],
            outputDataType="int64"))


@webnn_op
class ArgMinV1(ArgReduceV1):
    """Version 1 argMin (2023-12, #478): index of the minimum along `axes[0]`.

        %i = webnn.argMin %x {axes = [0], keepDimensions = true} : (tensor<4x3xf32>) -> tensor<1x3xi64>
    """
    name = "webnn.argMin"


@webnn_op
class ArgMaxV1(ArgReduceV1):
    """Version 1 argMax (2023-12, #478): index of the maximum along `axes[0]`.

        %i = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<2x5xi32>) -> tensor<2xi64>
    """
    name = "webnn.argMax"

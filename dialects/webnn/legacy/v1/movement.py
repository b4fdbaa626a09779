"""Version 1 movement ops: squeeze, reshape with `null`, slice, pad, resample2d."""

from __future__ import annotations

import math
from collections.abc import Sequence

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ...base import Args, WebNNOp, webnn_op
from ...ops.movement import Resample2dOp, ReshapeOp, SliceOp
from ...options import REQUIRED, Enum, Float, Ints
from ...shapes import (
    check_axes,
    check_length,
    check_non_negative,
    check_positive,
    expect_dtype,
    fail,
    fmt,
)
from ...types import ALL, TensorSpec
from .common import NullableInts, as_current


# ============================================================================ movement
@webnn_op
class SqueezeV1(WebNNOp):
    """Remove size-1 dimensions: those in `axes`, or all of them (removed in version 2;
    reshape does it now).

        %y = webnn.squeeze %x {axes = [0]} : (tensor<1x3x1xf32>) -> tensor<3x1xf32>
    """

    name = "webnn.squeeze"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes"),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        shape = a.input.shape
        if a.axes is None:
            axes = tuple(i for i, d in enumerate(shape) if d == 1)
        else:
            axes = check_axes(a.axes, a.input.rank)
            for axis in axes:
                if shape[axis] != 1:
                    raise fail(f"axes value {axis} names input dimension {axis} of size "
                               f"{shape[axis]}, which is not 1")
        return a.input.with_shape(d for i, d in enumerate(shape) if i not in axes)


@webnn_op
class ReshapeV1(WebNNOp):
    """Version 1 reshape: at most one `null` in `newShape` stands for the size that keeps
    the element count.

        %y = webnn.reshape %x {newShape = [null, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    """

    name = "webnn.reshape"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (NullableInts("newShape", REQUIRED, positional=True),)

    @staticmethod
    def resolved_shape(a: Args) -> tuple[int, ...]:
        """`newShape` with its `null` resolved."""
        wildcards = [i for i, d in enumerate(a.newShape) if d is None]
        if len(wildcards) > 1:
            raise fail(f"newShape {_fmt_nullable(a.newShape)} has {len(wildcards)} null "
                       "dimensions; at most one is allowed")
        known = [d for d in a.newShape if d is not None]
        check_positive(known, "newShape")
        if not wildcards:
            return tuple(known)
        rest = math.prod(known)
        if a.input.numel % rest:
            raise fail(f"newShape {_fmt_nullable(a.newShape)} cannot hold the "
                       f"{a.input.numel} elements of the input")
        shape = list(a.newShape)
        shape[wildcards[0]] = a.input.numel // rest
        return tuple(shape)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        return ReshapeOp.infer(as_current(a, ReshapeOp, newShape=cls.resolved_shape(a)))


def _fmt_nullable(values: Sequence[int | None]) -> str:
    return "[" + ", ".join("null" if v is None else str(v) for v in values) + "]"


@webnn_op
class SliceV1(WebNNOp):
    """Version 1 slice: `starts`/`sizes` for the dimensions in `axes` (default all);
    a negative start counts from the end, a size of -1 runs to the end.

        %y = webnn.slice %x {starts = [-2], sizes = [-1], axes = [1]} : (tensor<2x5xf32>) -> tensor<2x2xf32>
    """

    name = "webnn.slice"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("starts", REQUIRED, positional=True),
               Ints("sizes", REQUIRED, positional=True),
               Ints("axes"))

    @staticmethod
    def window(a: Args) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Full-rank, non-negative (starts, sizes) of the same window."""
        rank = a.input.rank
        axes = tuple(range(rank)) if a.axes is None else a.axes
        check_length(a.starts, len(axes), "starts")
        check_length(a.sizes, len(axes), "sizes")
        for axis in axes:
            if not -rank <= axis < rank:
                raise fail(f"axes value {axis} is out of range [{-rank}, {rank}) for rank "
                           f"{rank}")
        axes = tuple(axis % rank for axis in axes)
        check_axes(axes, rank)
        starts, sizes = [0] * rank, list(a.input.shape)
        for axis, start, size in zip(axes, a.starts, a.sizes):
            dim = a.input.shape[axis]
            begin = start + dim if start < 0 else start
            if not 0 <= begin < dim:
                raise fail(f"starts value {start} is out of range for dimension {axis} of "
                           f"size {dim}")
            if size == -1:
                size = dim - begin
            if size <= 0:
                raise fail(f"sizes value {size} for dimension {axis} must be positive or -1")
            if begin + size > dim:
                raise fail(f"start {begin} + size {size} = {begin + size} exceeds "
                           f"dimension {axis} of size {dim}")
            starts[axis], sizes[axis] = begin, size
        return tuple(starts), tuple(sizes)

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        starts, sizes = cls.window(a)
        return SliceOp.infer(as_current(a, SliceOp, ("axes",), starts=starts, sizes=sizes))


@webnn_op
class PadV1(WebNNOp):
    """Version 1 pad: also "symmetric" (mirror including the edge element), and no limit
    on the size of reflection padding; `value` is a float.

        %y = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [0, 1], mode = "symmetric"} : (tensor<2x3xf32>) -> tensor<3x6xf32>
    """

    name = "webnn.pad"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("beginningPadding", REQUIRED, positional=True),
               Ints("endingPadding", REQUIRED, positional=True),
               Enum("mode", ("constant", "edge", "reflection", "symmetric"), "constant"),
               Float("value", 0.0))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        rank = a.input.rank
        check_length(a.beginningPadding, rank, "beginningPadding")
        check_length(a.endingPadding, rank, "endingPadding")
        check_non_negative(a.beginningPadding, "beginningPadding")
        check_non_negative(a.endingPadding, "endingPadding")
        return a.input.with_shape(
            b + d + e for b, d, e in zip(a.beginningPadding, a.input.shape, a.endingPadding))


@webnn_op
class Resample2dV1(WebNNOp):
    """Version 1 resample2d: `axes` must be two consecutive dimensions.

        %y = webnn.resample2d %x {scales = [2.0, 2.0], axes = [1, 2]} : (tensor<1x2x2x3xf32>) -> tensor<1x4x4x3xf32>
    """

    name = "webnn.resample2d"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = Resample2dOp.OPTIONS

    CONSECUTIVE = ((0, 1), (1, 2), (2, 3))

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        if tuple(a.axes) not in cls.CONSECUTIVE:
            raise fail(f"axes {fmt(a.axes)} are not one of [0, 1], [1, 2], [2, 3]")
        return Resample2dOp.infer(a)

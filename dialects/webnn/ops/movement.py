"""Movement ops: reshape, transpose, concat, split, slice, expand, tile, pad, reverse,
triangular, where, cast, resample2d.

They rearrange, select or copy elements without arithmetic (resample2d interpolates,
cast converts). Example:

    %r = webnn.reshape %x {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    %t = webnn.transpose %r : (tensor<3x2xf32>) -> tensor<2x3xf32>
    %s:2 = webnn.split %t {splits = [1, 2], axis = 1} : (tensor<2x3xf32>) -> (tensor<2x1xf32>, tensor<2x2xf32>)
"""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def, var_operand_def, var_result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import REQUIRED, Bool, DataType, Enum, Floats, Int, IntOrInts, Ints, Number
from ..shapes import (
    broadcast,
    check_axes,
    check_axis,
    check_length,
    check_non_negative,
    check_positive,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    fail,
    fmt,
)
from ..types import ALL, FLOAT, MAX_DIMENSION, TensorSpec


# ---------------------------------------------------------------------------- reshape
@webnn_op
class ReshapeOp(WebNNOp):
    """The same elements under `newShape` (no wildcards, no 0; `[]` makes a scalar).

        %y = webnn.reshape %x {newShape = [3, 2]} : (tensor<2x3xf32>) -> tensor<3x2xf32>
    """
    name = "webnn.reshape"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("newShape", REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        check_positive(a.newShape, "newShape")
        count = math.prod(a.newShape)
        if count != a.input.numel:
            raise fail(f"newShape {fmt(a.newShape)} has {count} elements but input has "
                       f"{a.input.numel}")
        return a.input.with_shape(a.newShape)


# ---------------------------------------------------------------------------- transpose
@webnn_op
class TransposeOp(WebNNOp):
    """Permute the dimensions: output dimension i is input dimension `permutation[i]`
    (default: reversed).

        %y = webnn.transpose %x {permutation = [0, 2, 1]} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
    """
    name = "webnn.transpose"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("permutation"),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        rank = a.input.rank
        perm = tuple(reversed(range(rank))) if a.permutation is None else a.permutation
        check_length(perm, rank, "permutation")
        check_axes(perm, rank, "permutation")
        return a.input.with_shape(a.input.shape[p] for p in perm)


# ---------------------------------------------------------------------------- concat
@webnn_op
class ConcatOp(WebNNOp):
    """Join tensors of one type and rank along `axis`; the other dimensions must match.

        %y = webnn.concat %a, %b {axis = 1} : (tensor<2x3xf32>, tensor<2x1xf32>) -> tensor<2x4xf32>
    """
    name = "webnn.concat"
    inputs = var_operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        if not a.inputs:
            raise fail("inputs must not be empty")
        first = a.inputs[0]
        expect_dtype(first, ALL, "inputs[0]")
        check_axis(a.axis, first.rank)
        size = 0
        for i, spec in enumerate(a.inputs):
            expect_same_dtype(spec, first, f"inputs[{i}]", "inputs[0]")
            if spec.rank != first.rank:
                raise fail(f"inputs[{i}] rank {spec.rank} does not match inputs[0] rank "
                           f"{first.rank}")
            for d in range(first.rank):
                if d != a.axis and spec.shape[d] != first.shape[d]:
                    raise fail(f"inputs[{i}] shape {fmt(spec.shape)} does not match inputs[0] "
                               f"shape {fmt(first.shape)} outside axis {a.axis}")
            size += spec.shape[a.axis]
        shape = list(first.shape)
        shape[a.axis] = size
        return first.with_shape(shape)


# ---------------------------------------------------------------------------- split
@webnn_op
class SplitOp(WebNNOp):
    """Cut the input along `axis` into `splits` equal parts, or into parts of the listed
    sizes.

        %y:2 = webnn.split %x {splits = 2, axis = 1} : (tensor<2x4xf32>) -> (tensor<2x2xf32>, tensor<2x2xf32>)
    """
    name = "webnn.split"
    input = operand_def(TensorType)
    outputs = var_result_def(TensorType)
    OPTIONS = (IntOrInts("splits", REQUIRED, positional=True), Int("axis", 0))

    @staticmethod
    def infer(a: Args) -> list[TensorSpec]:
        expect_dtype(a.input, ALL)
        check_axis(a.axis, a.input.rank)
        dim = a.input.shape[a.axis]
        if isinstance(a.splits, int):
            if a.splits <= 0:
                raise fail(f"splits {a.splits} must be positive")
            if dim % a.splits:
                raise fail(f"input dimension {a.axis} of size {dim} is not divisible by "
                           f"splits {a.splits}")
            sizes: Sequence[int] = [dim // a.splits] * a.splits
        else:
            sizes = a.splits
            check_positive(sizes, "splits")
            if sum(sizes) != dim:
                raise fail(f"splits {fmt(sizes)} sum to {sum(sizes)} but input dimension "
                           f"{a.axis} has size {dim}")
        out = []
        for size in sizes:
            shape = list(a.input.shape)
            shape[a.axis] = size
            out.append(a.input.with_shape(shape))
        return out


# ---------------------------------------------------------------------------- slice
@webnn_op
class SliceOp(WebNNOp):
    """The window `[starts, starts + sizes)` of each dimension, every `strides`-th element
    (output dimension `ceil(size / stride)`).

        %y = webnn.slice %x {starts = [0, 1], sizes = [2, 4], strides = [1, 2]} : (tensor<2x5xf32>) -> tensor<2x2xf32>
    """
    name = "webnn.slice"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("starts", REQUIRED, positional=True),
               Ints("sizes", REQUIRED, positional=True),
               Ints("strides"))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        rank = a.input.rank
        strides = (1,) * rank if a.strides is None else a.strides
        check_length(a.starts, rank, "starts")
        check_length(a.sizes, rank, "sizes")
        check_length(strides, rank, "strides")
        check_non_negative(a.starts, "starts")
        check_positive(a.sizes, "sizes")
        check_positive(strides, "strides")
        shape = []
        for i, (dim, start, size, stride) in enumerate(
                zip(a.input.shape, a.starts, a.sizes, strides)):
            if start + size > dim:
                raise fail(f"starts[{i}] + sizes[{i}] = {start + size} exceeds input "
                           f"dimension {i} of size {dim}")
            shape.append(-(-size // stride))
        return a.input.with_shape(shape)


# ---------------------------------------------------------------------------- expand
@webnn_op
class ExpandOp(WebNNOp):
    """Broadcast the input (unidirectionally) to `newShape`.

        %y = webnn.expand %x {newShape = [2, 3, 4]} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
    """
    name = "webnn.expand"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("newShape", REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        check_positive(a.newShape, "newShape")
        source, target = a.input.shape, a.newShape
        if len(source) > len(target) or any(
                s != 1 and s != t for s, t in zip(reversed(source), reversed(target))):
            raise fail(f"input shape {fmt(source)} is not unidirectionally broadcastable to "
                       f"newShape {fmt(target)}")
        return a.input.with_shape(target)


# ---------------------------------------------------------------------------- tile
@webnn_op
class TileOp(WebNNOp):
    """Repeat the input `repetitions[i]` times along each dimension i.

        %y = webnn.tile %x {repetitions = [2, 1]} : (tensor<2x3xi32>) -> tensor<4x3xi32>
    """
    name = "webnn.tile"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("repetitions", REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        check_length(a.repetitions, a.input.rank, "repetitions")
        check_positive(a.repetitions, "repetitions")
        return a.input.with_shape(d * r for d, r in zip(a.input.shape, a.repetitions))


# ---------------------------------------------------------------------------- pad
@webnn_op
class PadOp(WebNNOp):
    """Add `beginningPadding[i]` / `endingPadding[i]` elements around dimension i, filled
    with `value` ("constant"), the edge element ("edge") or the mirror image without the
    edge ("reflection", where each padding must be smaller than its dimension). `value`
    is converted to the input's data type like every `MLNumber` (see `options.Number`:
    300 pads int8 data with 127).

        %y = webnn.pad %x {beginningPadding = [1, 2], endingPadding = [1, 2], mode = "edge"} : (tensor<2x3xf32>) -> tensor<4x7xf32>
    """
    name = "webnn.pad"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("beginningPadding", REQUIRED, positional=True),
               Ints("endingPadding", REQUIRED, positional=True),
               Enum("mode", ("constant", "edge", "reflection"), "constant"),
               Number("value", 0))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        expect_rank(a.input, (1, None))
        rank = a.input.rank
        check_length(a.beginningPadding, rank, "beginningPadding")
        check_length(a.endingPadding, rank, "endingPadding")
        check_non_negative(a.beginningPadding, "beginningPadding")
        check_non_negative(a.endingPadding, "endingPadding")
        if a.mode == "reflection":
            for what, pads in (("beginningPadding", a.beginningPadding),
                               ("endingPadding", a.endingPadding)):
                for i, (pad, dim) in enumerate(zip(pads, a.input.shape)):
                    if pad >= dim:
                        raise fail(f"{what}[{i}] {pad} must be less than input dimension "
                                   f"{i} of size {dim} in reflection mode")
        return a.input.with_shape(
            b + d + e for b, d, e in zip(a.beginningPadding, a.input.shape, a.endingPadding))


# ---------------------------------------------------------------------------- reverse
@webnn_op
class ReverseOp(WebNNOp):
    """Reverse the order of elements along `axes` (default: all; `[]` = none).

        %y = webnn.reverse %x {axes = [1]} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    """
    name = "webnn.reverse"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Ints("axes"),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        if a.axes is not None:
            check_axes(a.axes, a.input.rank)
        return a.input


# ---------------------------------------------------------------------------- triangular
@webnn_op
class TriangularOp(WebNNOp):
    """Keep the upper (or lower) triangle of the last two dimensions, shifted by
    `diagonal`; zero the rest. Element [i, j] is kept when j - i >= diagonal (upper) or
    j - i <= diagonal (lower); any int64 diagonal is valid, one beyond the matrix keeps
    everything or nothing.

        %y = webnn.triangular %x {upper = false, diagonal = -1} : (tensor<3x3xf32>) -> tensor<3x3xf32>
    """
    name = "webnn.triangular"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Bool("upper", True), Int("diagonal", 0))

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        expect_rank(a.input, (2, None))
        return a.input


# ---------------------------------------------------------------------------- where
@webnn_op
class WhereOp(WebNNOp):
    """`condition ? trueValue : falseValue` element-wise (condition `uint8`, non-zero =
    true); all three broadcast bidirectionally.

        %y = webnn.where %c, %a, %b : (tensor<2x1xui8>, tensor<3xf32>, tensor<f32>) -> tensor<2x3xf32>
    """
    name = "webnn.where"
    condition = operand_def(TensorType)
    trueValue = operand_def(TensorType)
    falseValue = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.condition, ("uint8",), "condition")
        expect_dtype(a.trueValue, ALL, "trueValue")
        expect_same_dtype(a.falseValue, a.trueValue, "falseValue", "trueValue")
        values = broadcast(a.trueValue.shape, a.falseValue.shape,
                           "trueValue and falseValue shapes")
        shape = broadcast(a.condition.shape, values, "condition and value shapes")
        return TensorSpec(shape, a.trueValue.dtype)


# ---------------------------------------------------------------------------- cast
@webnn_op
class CastOp(WebNNOp):
    """Convert every element to `dataType` (same shape).

    Where the spec leaves the result open, both engines do this: float -> integer
    rounds toward zero and saturates to the target's range, NaN giving 0 (LLVM's
    `fpto[su]i.sat`; see docs/design-notes.md); integer -> narrower (or other-signed)
    integer keeps the low bits (wraps modulo 2**bits); any -> float rounds to nearest
    even, to +-inf beyond the target's range.

        %y = webnn.cast %x {dataType = "int32"} : (tensor<2x3xf32>) -> tensor<2x3xi32>
    """
    name = "webnn.cast"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (DataType("dataType", ALL, REQUIRED, positional=True),)

    @staticmethod
    def infer(a: Args) -> TensorSpec:
        expect_dtype(a.input, ALL)
        return a.input.with_dtype(a.dataType)


# ---------------------------------------------------------------------------- resample2d
def _float32(value: float) -> float:
    """`value` rounded to float32, as the spec's `sequence<float>` scales are."""
    try:
        return struct.unpack("f", struct.pack("f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


@webnn_op
class Resample2dOp(WebNNOp):
    """Resize the two `axes` of a 4-D tensor to `sizes`, or to `floor(size * scale)` (the
    scale rounded to float32, as WebNN's `scales` are floats; that float32 value also
    maps output to input coordinates); half-pixel sampling. "linear" on int8/uint8
    data interpolates in float64, then rounds to nearest even and saturates.

        %y = webnn.resample2d %x {mode = "linear", scales = [2.0, 2.0]} : (tensor<1x3x4x4xf32>) -> tensor<1x3x8x8xf32>
    """
    name = "webnn.resample2d"
    input = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Enum("mode", ("nearest-neighbor", "linear"), "nearest-neighbor"),
               Floats("scales", (1.0, 1.0), length=2),
               Ints("sizes", length=2),
               Ints("axes", (2, 3), length=2))

    DTYPES = FLOAT + ("uint8", "int8")

    @classmethod
    def infer(cls, a: Args) -> TensorSpec:
        expect_dtype(a.input, cls.DTYPES)
        expect_rank(a.input, 4)
        check_axes(a.axes, a.input.rank)
        for s in a.scales:
            if not s > 0:
                raise fail(f"scales {fmt(a.scales)} must all be positive")
        if a.sizes is not None:
            check_positive(a.sizes, "sizes")
        shape = list(a.input.shape)
        for i, axis in enumerate(a.axes):
            if a.sizes is not None:
                shape[axis] = a.sizes[i]
                continue
            scaled = shape[axis] * _float32(a.scales[i])
            size = math.floor(scaled) if math.isfinite(scaled) else scaled
            if not 0 < size <= MAX_DIMENSION:
                raise fail(f"scales[{i}] {a.scales[i]} resizes input dimension {axis} of "
                           f"size {shape[axis]} to {size}, which is not a valid dimension")
            shape[axis] = size
        return a.input.with_shape(shape)

"""Indexing ops: gather, gatherElements, gatherND, scatterElements, scatterND.

Indices are `int32`, `uint32` or `int64` runtime data; negative values count from the end
of their dimension and out-of-range values are clamped (the shape rules cannot see them).
Example:

    %e = webnn.gather %table, %ids : (tensor<100x16xf32>, tensor<2x5xi32>) -> tensor<2x5x16xf32>
    %u = webnn.scatterND %cache, %pos, %rows : (tensor<8x4xf32>, tensor<2x1xi64>, tensor<2x4xf32>) -> tensor<8x4xf32>
"""

from __future__ import annotations

from xdsl.dialects.builtin import TensorType
from xdsl.irdl import operand_def, result_def

from ..base import Args, WebNNOp, webnn_op
from ..options import Int
from ..shapes import (
    check_axis,
    expect_dtype,
    expect_rank,
    expect_same_dtype,
    expect_shape,
    fail,
    fmt,
)
from ..types import ALL, INDEX, TensorSpec


def _check_elementwise_indices(input: TensorSpec, indices: TensorSpec, axis: int) -> None:
    """gatherElements/scatterElements: indices of the input's rank, equal shape off `axis`."""
    if indices.rank != input.rank:
        raise fail(f"indices rank {indices.rank} does not match input rank {input.rank}")
    check_axis(axis, input.rank)
    for d in range(input.rank):
        if d != axis and indices.shape[d] != input.shape[d]:
            raise fail(f"indices shape {fmt(indices.shape)} does not match input shape "
                       f"{fmt(input.shape)} outside axis {axis}")


def _nd_slice_shape(input: TensorSpec, indices: TensorSpec) -> tuple[int, ...]:
    """gatherND/scatterND: `indices.shape[:-1] + input.shape[indices.shape[-1]:]`."""
    expect_rank(input, (1, None))
    expect_rank(indices, (1, None), "indices")
    k = indices.shape[-1]
    if k > input.rank:
        raise fail(f"indices last dimension {k} exceeds input rank {input.rank}")
    return indices.shape[:-1] + input.shape[k:]


@webnn_op
class GatherOp(WebNNOp):
    """Select slices along `axis`: the output is
    `input.shape[:axis] + indices.shape + input.shape[axis + 1:]`.

        %y = webnn.gather %x, %i {axis = 1} : (tensor<4x3xf32>, tensor<2x2xui32>) -> tensor<4x2x2xf32>
    """
    name = "webnn.gather"
    input = operand_def(TensorType)
    indices = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", 0),)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, ALL)
        expect_dtype(args.indices, INDEX, "indices")
        check_axis(args.axis, args.input.rank)
        shape = (args.input.shape[:args.axis] + args.indices.shape
                 + args.input.shape[args.axis + 1:])
        return args.input.with_shape(shape)


@webnn_op
class GatherElementsOp(WebNNOp):
    """Pick one element along `axis` per index: indices have the input's rank and shape
    except along `axis`, and the output has the indices' shape.

        %y = webnn.gatherElements %x, %i {axis = 1} : (tensor<4x3xf32>, tensor<4x1xi32>) -> tensor<4x1xf32>
    """
    name = "webnn.gatherElements"
    input = operand_def(TensorType)
    indices = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", 0),)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, ALL)
        expect_rank(args.input, (1, None))
        expect_dtype(args.indices, INDEX, "indices")
        _check_elementwise_indices(args.input, args.indices, args.axis)
        return args.input.with_shape(args.indices.shape)


@webnn_op
class GatherNDOp(WebNNOp):
    """Gather slices addressed by the coordinate tuples in the last dimension of
    `indices`: the output is `indices.shape[:-1] + input.shape[indices.shape[-1]:]`.

        %y = webnn.gatherND %x, %i : (tensor<2x2x2xf32>, tensor<3x1xi64>) -> tensor<3x2x2xf32>
    """
    name = "webnn.gatherND"
    input = operand_def(TensorType)
    indices = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, ALL)
        expect_dtype(args.indices, INDEX, "indices")
        return args.input.with_shape(_nd_slice_shape(args.input, args.indices))


@webnn_op
class ScatterElementsOp(WebNNOp):
    """A copy of the input with `updates` written element by element along `axis`;
    `updates` has the indices' shape, which matches the input's except along `axis`.

        %y = webnn.scatterElements %x, %i, %u {axis = 0} : (tensor<4x3xf32>, tensor<2x3xi32>, tensor<2x3xf32>) -> tensor<4x3xf32>
    """
    name = "webnn.scatterElements"
    input = operand_def(TensorType)
    indices = operand_def(TensorType)
    updates = operand_def(TensorType)
    output = result_def(TensorType)
    OPTIONS = (Int("axis", 0),)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, ALL)
        expect_rank(args.input, (1, None))
        expect_dtype(args.indices, INDEX, "indices")
        expect_same_dtype(args.updates, args.input, "updates")
        _check_elementwise_indices(args.input, args.indices, args.axis)
        expect_shape(args.updates, args.indices.shape, "updates")
        return args.input


@webnn_op
class ScatterNDOp(WebNNOp):
    """A copy of the input with the slices of `updates` written at the coordinate tuples
    of `indices`; `updates` has shape `indices.shape[:-1] + input.shape[indices.shape[-1]:]`.

        %y = webnn.scatterND %x, %i, %u : (tensor<3x2xf32>, tensor<2x1xui32>, tensor<2x2xf32>) -> tensor<3x2xf32>
    """
    name = "webnn.scatterND"
    input = operand_def(TensorType)
    indices = operand_def(TensorType)
    updates = operand_def(TensorType)
    output = result_def(TensorType)

    @staticmethod
    def infer(args: Args) -> TensorSpec:
        expect_dtype(args.input, ALL)
        expect_dtype(args.indices, INDEX, "indices")
        expect_same_dtype(args.updates, args.input, "updates")
        expect_shape(args.updates, _nd_slice_shape(args.input, args.indices), "updates")
        return args.input


#: The ops of the indexing family, in one table: `dialects/webnn/__init__.py` registers
#: the dialect from these tables.
OPS = (
    GatherOp, GatherElementsOp, GatherNDOp, ScatterElementsOp, ScatterNDOp,
)

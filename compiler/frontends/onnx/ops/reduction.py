"""Reductions: the ten Reduce* ops, ArgMax/ArgMin and CumSum.

The reduced axes are an attribute before opset 13 (ReduceSum) or 18 (the others) and a
constant input after; no axes reduce everything unless `noop_with_empty_axes` says to
pass the input through. ArgMax/ArgMin with `select_last_index` run on the reversed axis.
"""

from __future__ import annotations

import numpy as np

from ..node import Node, converts

REDUCE = {
    "ReduceL1": "reduceL1", "ReduceL2": "reduceL2", "ReduceLogSum": "reduceLogSum",
    "ReduceLogSumExp": "reduceLogSumExp", "ReduceMax": "reduceMax",
    "ReduceMean": "reduceMean", "ReduceMin": "reduceMin", "ReduceProd": "reduceProduct",
    "ReduceSum": "reduceSum", "ReduceSumSquare": "reduceSumSquare",
}


@converts(*REDUCE)
def reduce(n: Node):
    rank = n.rank(0)
    axes_from_input = n.opset >= (13 if n.op_type == "ReduceSum" else 18)
    if axes_from_input:
        axes = n.ints(1, "axes") if n.has(1) else None
    else:
        axes = n.attr("axes")
    if not axes:
        if n.attr("noop_with_empty_axes", 0):
            return [n.value(0)]
        axes = list(range(rank))
    axes = sorted({n.axis(a, rank, "axes value") for a in axes})
    return [n.op(REDUCE[n.op_type], n.tensor(0), axes=axes,
                 keepDimensions=bool(n.attr("keepdims", 1)))]


@converts("ArgMax", "ArgMin")
def arg_reduce(n: Node):
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 0), len(shape))
    keep = bool(n.attr("keepdims", 1))
    x = n.tensor(0)
    last = bool(n.attr("select_last_index", 0))
    if last:
        x = n.op("reverse", x, axes=[axis])
    index = n.op("argMax" if n.op_type == "ArgMax" else "argMin", x, axis=axis,
                 keepDimensions=keep, outputDataType="int64")
    if last:  # an index i on the reversed axis is dim - 1 - i on the original
        index = n.op("sub", n.scalar(shape[axis] - 1, "int64"), index)
    return [index]


@converts("CumSum")
def cumsum(n: Node):
    axis = np.asarray(n.const(1, "axis")).reshape(-1)[0]
    return [n.op("cumulativeSum", n.tensor(0), axis=n.axis(int(axis), n.rank(0)),
                 exclusive=bool(n.attr("exclusive", 0)),
                 reversed=bool(n.attr("reverse", 0)))]

"""Gathers and scatters: Gather, GatherElements, GatherND, ScatterElements (and the old
Scatter), ScatterND.

Constant negative indices are made positive at import time; indices computed at run time
go to WebNN as they are (its gathers take [-dim, dim)). Scatters that reduce duplicates
and GatherND with batch dimensions are refused.
"""

from __future__ import annotations

import numpy as np

from ..node import Node, converts


def _indices(n: Node, i: int, dim: int):
    value = n.value(i)
    if isinstance(value, np.ndarray):
        value = np.where(value < 0, value + dim, value).astype(value.dtype)
    return value


@converts("Gather")
def gather(n: Node):
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 0), len(shape))
    return [n.op("gather", n.tensor(0), n.to_tensor(_indices(n, 1, shape[axis])), axis=axis)]


@converts("GatherElements")
def gather_elements(n: Node):
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 0), len(shape))
    return [n.op("gatherElements", n.tensor(0),
                 n.to_tensor(_indices(n, 1, shape[axis])), axis=axis)]


@converts("GatherND")
def gather_nd(n: Node):
    if n.attr("batch_dims", 0):
        n.refuse("batch_dims other than 0 is not expressible")
    return [n.op("gatherND", n.tensor(0), n.tensor(1))]


def _no_reduction(n: Node) -> None:
    reduction = n.attr("reduction", "none")
    if reduction != "none":
        n.refuse(f"reduction '{reduction}': WebNN scatters overwrite, they do not reduce")


@converts("ScatterElements", "Scatter")
def scatter_elements(n: Node):
    _no_reduction(n)
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 0), len(shape))
    return [n.op("scatterElements", n.tensor(0), n.to_tensor(_indices(n, 1, shape[axis])),
                 n.tensor(2), axis=axis)]


@converts("ScatterND")
def scatter_nd(n: Node):
    _no_reduction(n)
    return [n.op("scatterND", n.tensor(0), n.tensor(1), n.tensor(2))]

"""The `webnn` dialect: the W3C WebNN `MLGraphBuilder` op set as MLIR ops.

Ops live in `ops/`, one module per family of webnn-ops.md; `base.py` holds what they
share (options as properties, one shape rule each, the custom syntax) and `types.py` the
WebNN data types. `WEBNN` is the xDSL `Dialect` object that registers them all.
"""

from __future__ import annotations

from xdsl.ir import Dialect

from .base import WebNNOp
from .ops import (
    convolution,
    elementwise,
    graph,
    indexing,
    matrix,
    movement,
    normalization,
    pooling,
    quantization,
    recurrent,
    reduction,
)

#: The op set version this compiler writes (see the version log in `versions.py`).
CURRENT_VERSION = 2

#: The families, in the order of webnn-ops.md; each module ends with its table `OPS`.
FAMILIES = (graph, elementwise, matrix, convolution, pooling, normalization, reduction,
            movement, indexing, quantization, recurrent)

#: Every op class of the dialect, family by family.
OPS: tuple[type[WebNNOp], ...] = tuple(op for family in FAMILIES for op in family.OPS)
#: op name without the `webnn.` prefix -> op class.
OPS_BY_NAME: dict[str, type[WebNNOp]] = {op.name.removeprefix("webnn."): op for op in OPS}

WEBNN = Dialect("webnn", list(OPS), [])

__all__ = ["WEBNN", "OPS", "OPS_BY_NAME", "FAMILIES", "WebNNOp", "CURRENT_VERSION"]

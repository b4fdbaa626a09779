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

_FAMILIES = (graph, elementwise, matrix, convolution, pooling, normalization, reduction,
             movement, indexing, quantization, recurrent)


def _ops_of(module) -> list[type[WebNNOp]]:
    return [v for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, WebNNOp)
            and isinstance(getattr(v, "name", None), str) and v.name.startswith("webnn.")
            and v.__module__ == module.__name__]


#: Every op class of the dialect, family by family.
OPS: tuple[type[WebNNOp], ...] = tuple(op for family in _FAMILIES for op in _ops_of(family))
#: op name without the `webnn.` prefix -> op class.
OPS_BY_NAME: dict[str, type[WebNNOp]] = {op.name.removeprefix("webnn."): op for op in OPS}

WEBNN = Dialect("webnn", list(OPS), [])

__all__ = ["WEBNN", "OPS", "OPS_BY_NAME", "WebNNOp", "CURRENT_VERSION"]

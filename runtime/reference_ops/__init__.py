"""The numpy implementations behind `runtime.reference`, one module per op family.

Each module exports `OPS: dict[str, OpFn]` mapping spec method names to functions
`(operands, options) -> list[np.ndarray]`; `REGISTRY` merges them. Use the public entry
point `runtime.reference.evaluate` rather than these modules directly.
"""

from __future__ import annotations

from . import (
    convolution,
    elementwise,
    indexing,
    matrix,
    movement,
    normalization,
    pooling,
    quantization,
    recurrent,
    reduction,
)
from ._common import OpFn

REGISTRY: dict[str, OpFn] = {}
for _module in (elementwise, matrix, convolution, pooling, normalization, reduction,
                movement, indexing, quantization, recurrent):
    _clash = REGISTRY.keys() & _module.OPS.keys()
    assert not _clash, f"op implemented twice: {sorted(_clash)}"
    REGISTRY.update(_module.OPS)

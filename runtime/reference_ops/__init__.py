"""The numpy implementations behind `runtime.reference`, one module per op family.

The families are the dialect's (`dialects/webnn/ops/<family>.py`, same module names);
the graph family's one op, `constant`, holds data rather than computing it, so it has
no implementation here. Each module ends with its table `OPS: dict[str, OpFn]` mapping
spec method names to functions `(operands, options) -> list[np.ndarray]`; `REGISTRY`
merges them. Use the public entry point `runtime.reference.evaluate` rather than these
modules directly.
"""

from __future__ import annotations

from . import convolution, elementwise, indexing, matrix, movement, normalization
from . import pooling, quantization, recurrent, reduction
from ._common import OpFn

#: The family modules, in the dialect's order (all but `graph`).
FAMILIES = (elementwise, matrix, convolution, pooling, normalization, reduction, movement,
            indexing, quantization, recurrent)

REGISTRY: dict[str, OpFn] = {}
for _module in FAMILIES:
    _clash = REGISTRY.keys() & _module.OPS.keys()
    assert not _clash, f"op implemented twice: {sorted(_clash)}"
    REGISTRY.update(_module.OPS)

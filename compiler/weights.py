"""Large constants out of the IR text: `externalize(module, "model.npz")`.

An imported model's weights are inline `dense<...>` data in memory; written as text they
would dominate the file (MobileNetV2: 28 MB of hex). `externalize` moves every constant
larger than a threshold into one `.npz` archive and leaves `file("model.npz", "key")` in
its place, which the compiler resolves relative to the IR file.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from xdsl.dialects.builtin import StringAttr

from dialects.webnn.ops.graph import ConstantOp

from .interpret import constant_value
from .module import Module

#: Constants of more bytes than this go to the archive (smaller ones stay readable
#: inline; the JIT also embeds constants this small into the code, where LLVM can fold
#: them).
DEFAULT_THRESHOLD = 1024


def externalize(module: Module, archive: str | os.PathLike,
                threshold: int = DEFAULT_THRESHOLD) -> int:
    """Move the inline constants of `module` larger than `threshold` bytes into the .npz
    file `archive` (written now; referenced by its file name, so it must lie beside the
    IR file). Returns the number of constants moved."""
    arrays: dict[str, np.ndarray] = {}
    moved: list[tuple[ConstantOp, str]] = []
    for op in module.op.walk():
        if not isinstance(op, ConstantOp) or op.value is None:
            continue
        data = constant_value(op, module)
        if data.nbytes <= threshold:
            continue
        key = _unique(op.output.name_hint or f"constant{len(arrays)}", arrays)
        arrays[key] = data
        moved.append((op, key))
    if not arrays:
        return 0
    np.savez(archive, **arrays)
    name = Path(archive).name
    for op, key in moved:
        op.properties.pop("value")
        op.properties["file"] = StringAttr(name)
        op.properties["key"] = StringAttr(key)
    return len(moved)


def _unique(key: str, taken: dict) -> str:
    candidate, n = key, 1
    while candidate in taken:
        candidate, n = f"{key}_{n}", n + 1
    return candidate


__all__ = ["externalize", "DEFAULT_THRESHOLD"]

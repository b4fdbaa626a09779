"""Lowerings of `webnn` ops to linalg on tensors, one module per family of the dialect.

Each family module (`dialects/webnn/ops/<family>.py` has the same name) ends with its
table `LOWERINGS` (spec op name -> lowering, see `framework.py`); `load_all` merges them
into `framework.LOWERINGS`, which `passes/convert_webnn_to_linalg.py` runs. The graph
family's one op, `constant`, is lowered by that pass itself (it reads the weights).
"""

import importlib

from .framework import LOWERINGS, Call, Lowering

#: The family modules, in the dialect's order (all but `graph`).
FAMILIES = ("elementwise", "matrix", "convolution", "pooling", "normalization", "reduction",
            "movement", "indexing", "quantization", "recurrent")


def load_all() -> dict[str, Lowering]:
    """Import every family module, merge their tables once, return the merged table."""
    if not LOWERINGS:
        merged: dict[str, Lowering] = {}
        for family in FAMILIES:
            table = importlib.import_module(f"{__name__}.{family}").LOWERINGS
            clash = merged.keys() & table.keys()
            if clash:
                raise ValueError(f"two lowerings for webnn.{sorted(clash)[0]}")
            merged.update(table)
        LOWERINGS.update(merged)
    return LOWERINGS


__all__ = ["LOWERINGS", "Call", "Lowering", "load_all", "FAMILIES"]

"""Lowerings of `webnn` ops to linalg on tensors, one module per op family.

Each family module registers its lowerings with `@lowering("opName")` (see
`framework.py`); `passes/convert_webnn_to_linalg.py` imports them all and runs them.
"""

from .framework import LOWERINGS, Call, lowering

#: The family modules; importing one registers its lowerings.
FAMILIES = ("elementwise", "matrix", "convolution", "pooling", "normalization", "reduction",
            "movement", "indexing", "quantization", "recurrent")


def load_all() -> dict:
    """Import every family module and return the lowering table."""
    import importlib

    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")
    return LOWERINGS


__all__ = ["LOWERINGS", "Call", "lowering", "load_all", "FAMILIES"]

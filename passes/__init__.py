"""Passes of webnn-mlir, one module per pass, each file named after its flag.

`PASSES` maps a flag to a factory that imports the pass only when it is asked for, so a
tool that runs one pass never imports the others. Upstream xDSL passes that the pipeline
uses as they are (cse, canonicalize, licm, ...) are listed next to ours, by flag.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.passes import ModulePass

from .errors import PassError

#: Upstream xDSL passes exposed under their own flags.
_UPSTREAM = ("canonicalize", "cse", "dce", "licm", "lower-affine",
             "convert-linalg-to-loops", "convert-scf-to-cf", "convert-memref-to-ptr",
             "reconcile-unrealized-casts")


def _ours() -> dict[str, Callable[[], type[ModulePass]]]:
    """Our passes: flag -> lazy factory (filled in as passes are added)."""
    return {}


def all_passes() -> dict[str, Callable[[], type[ModulePass]]]:
    from xdsl.transforms import get_all_passes

    upstream = get_all_passes()
    table = {flag: upstream[flag] for flag in _UPSTREAM if flag in upstream}
    table.update(_ours())
    return table


__all__ = ["all_passes", "PassError"]

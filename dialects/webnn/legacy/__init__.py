"""Legacy definitions of older `webnn` versions, read only to be upgraded.

`legacy/v<N>/` declares, with the same machinery as the current ops (`WebNNOp`,
`webnn_op`, option kinds, one `infer` rule), the ops whose spelling or rules differ in
version N, under the names version N used, one module per family as in `ops/`, and a
`Dialect` named `webnn` that maps every op name of version N to its class (unchanged ops
reuse the current classes). Each `v<N>` package names that dialect `DIALECT` and
defines `check_data_types(op)`, the rule on data types no single op class holds. The parser reads a module stamped `webnn.version = N` with
that dialect; `webnn-upgrade` rewrites the result into the current op set before anything
else sees it.

A version's definitions are imported only when a file of that version is read: current
files never pay for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

from xdsl.ir import Dialect, Operation

#: The versions that have legacy definitions here.
VERSIONS: tuple[int, ...] = (1,)


def definitions(version: int) -> ModuleType:
    """The module of `version`'s legacy definitions (KeyError for a version with none)."""
    if version not in VERSIONS:
        raise KeyError(version)
    return importlib.import_module(f"{__name__}.v{version}")


def dialect(version: int) -> Dialect:
    """The `webnn` dialect of an older `version` (KeyError for a version with none)."""
    return definitions(version).DIALECT


def module_check(version: int) -> Callable[[Operation], None]:
    """The check every op of a module of `version` must pass besides its own verifier:
    the version's data types (it raises VerifyException)."""
    return definitions(version).check_data_types


__all__ = ["VERSIONS", "definitions", "dialect", "module_check"]

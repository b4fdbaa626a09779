"""Legacy definitions of older `webnn` versions, read only to be upgraded.

`legacy/v<N>.py` declares, with the same machinery as the current ops (`WebNNOp`,
`webnn_op`, option kinds, one `infer` rule), the ops whose spelling or rules differ in
version N, under the names version N used, and a `Dialect` named `webnn` that maps every
op name of version N to its class (unchanged ops reuse the current classes). The parser
reads a module stamped `webnn.version = N` with that dialect; `webnn-upgrade` rewrites
the result into the current op set before anything else sees it.
"""

from __future__ import annotations

from collections.abc import Callable

from xdsl.ir import Dialect, Operation

from . import v1

#: version -> the `webnn` dialect of that version (the current one is `dialects.webnn.WEBNN`).
DIALECTS: dict[int, Dialect] = {1: v1.WEBNN_V1}

#: version -> a check every op of a module of that version must pass besides its own
#: verifier (rules no single op class holds, such as version 1's set of data types);
#: it raises VerifyException.
MODULE_CHECKS: dict[int, Callable[[Operation], None]] = {1: v1.check_data_types}


def dialect(version: int) -> Dialect:
    """The `webnn` dialect of an older `version` (KeyError for a version with none)."""
    return DIALECTS[version]


__all__ = ["DIALECTS", "MODULE_CHECKS", "dialect", "v1"]

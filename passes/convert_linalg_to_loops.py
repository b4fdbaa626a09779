"""`convert-linalg-to-loops`: structured ops on buffers become `scf.for` loop nests.

xDSL's own pattern (`xdsl.transforms.convert_linalg_to_loops`, one round, as its pass
applies it), applied to the linalg structured ops only (`worklist.rewrite_ops`): after
`vectorize-contractions` a MobileNetV2 holds three among 12,000 ops, and the upstream
pass tried its pattern on every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp
from xdsl.dialects.linalg.abstract_ops import LinalgStructuredOperation
from xdsl.passes import ModulePass
from xdsl.transforms import convert_linalg_to_loops as upstream

from .worklist import rewrite_ops


@dataclass(frozen=True)
class ConvertLinalgToLoopsPass(ModulePass):
    """Lower linalg structured ops to loop nests (see module doc)."""

    name = "convert-linalg-to-loops"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        rewrite_ops(op, [upstream.LowerLinalgStructuredOpPattern()],
                    (LinalgStructuredOperation,), apply_recursively=False)

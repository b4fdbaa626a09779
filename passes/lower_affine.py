"""`lower-affine`: affine loads, stores, loops and index maps become scf, memref and arith.

xDSL's own patterns (`xdsl.transforms.lower_affine`), applied to the affine ops only
(`worklist.rewrite_ops`): the few `affine.apply` that `convert-linalg-to-loops` leaves
for index maps with constants.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import affine
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass
from xdsl.transforms import lower_affine as upstream

from .worklist import rewrite_ops


@dataclass(frozen=True)
class LowerAffinePass(ModulePass):
    """Lower the affine dialect (see module doc)."""

    name = "lower-affine"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        rewrite_ops(op, [upstream.LowerAffineStore(), upstream.LowerAffineLoad(),
                         upstream.LowerAffineFor(), upstream.LowerAffineYield(),
                         upstream.LowerAffineApply()],
                    (affine.StoreOp, affine.LoadOp, affine.ForOp, affine.YieldOp,
                     affine.ApplyOp))

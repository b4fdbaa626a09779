"""`reconcile-unrealized-casts`: the type-conversion glue the lowerings left cancels out.

xDSL's own pattern (`xdsl.transforms.reconcile_unrealized_casts`: a chain of casts that
ends where it started is removed), applied to the casts only (`worklist.rewrite_ops`).
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp, UnrealizedConversionCastOp
from xdsl.passes import ModulePass
from xdsl.transforms import reconcile_unrealized_casts as upstream

from .worklist import rewrite_ops


@dataclass(frozen=True)
class ReconcileUnrealizedCastsPass(ModulePass):
    """Remove the casts that cancel out (see module doc)."""

    name = "reconcile-unrealized-casts"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        rewrite_ops(op, [upstream.ReconcileUnrealizedCastsPattern(warn_on_failure=True)],
                    (UnrealizedConversionCastOp,))

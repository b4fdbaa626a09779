"""`convert-scf-to-cf`: structured loops and conditionals become blocks and branches.

xDSL's own patterns (`xdsl.transforms.convert_scf_to_cf`, translated from MLIR's),
applied to the `scf` ops only (`worklist.rewrite_ops`): a few hundred loops among the
kernels' tens of thousands of ops.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import scf
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass
from xdsl.transforms import convert_scf_to_cf as upstream

from .worklist import rewrite_ops


@dataclass(frozen=True)
class ConvertScfToCfPass(ModulePass):
    """Lower scf.for, scf.if and scf.index_switch to cf (see module doc)."""

    name = "convert-scf-to-cf"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        rewrite_ops(op, [upstream.SwitchLowering(), upstream.IfLowering(),
                         upstream.ForLowering()],
                    (scf.IndexSwitchOp, scf.IfOp, scf.ForOp))

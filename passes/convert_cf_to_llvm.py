"""`convert-cf-to-llvm`: `cf.br`/`cf.cond_br` become `llvm.br`/`llvm.cond_br`.

The block structure is kept as is; block arguments become LLVM phi nodes at translation.
xDSL 0.74 has no such pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import cf, llvm
from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass


@dataclass(frozen=True)
class ConvertCfToLLVMPass(ModulePass):
    """Lower unstructured control flow to LLVM branches."""

    name = "convert-cf-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for o in list(op.walk()):
            if isinstance(o, cf.BranchOp):
                new = llvm.BrOp(o.successor, *o.arguments)
            elif isinstance(o, cf.ConditionalBranchOp):
                new = llvm.CondBrOp(o.cond, o.then_block, list(o.then_arguments),
                                    o.else_block, list(o.else_arguments))
            else:
                continue
            new.location = o.location
            o.parent.insert_op_before(new, o)
            o.detach()
            o.erase()

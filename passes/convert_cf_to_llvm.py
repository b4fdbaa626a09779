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

from .ir_edit import replace_op, walk_ops
from .make_op import branch, cond_branch


@dataclass(frozen=True)
class ConvertCfToLLVMPass(ModulePass):
    """Lower unstructured control flow to LLVM branches."""

    name = "convert-cf-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for o in walk_ops(op):
            if type(o) is cf.BranchOp:
                new = branch(llvm.BrOp, o.successor, o.operands)
            elif type(o) is cf.ConditionalBranchOp:
                new = cond_branch(llvm.CondBrOp, o.cond, o.then_block, o.then_arguments,
                                  o.else_block, o.else_arguments)
            else:
                continue
            replace_op(o, [new], ())

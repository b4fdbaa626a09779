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
from .make_op import make, segment_sizes


@dataclass(frozen=True)
class ConvertCfToLLVMPass(ModulePass):
    """Lower unstructured control flow to LLVM branches."""

    name = "convert-cf-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for o in walk_ops(op):
            if type(o) is cf.BranchOp:
                new = make(llvm.BrOp, tuple(o.operands), (), None, (o.successor,))
            elif type(o) is cf.ConditionalBranchOp:
                then_args, else_args = o.then_arguments, o.else_arguments
                new = make(llvm.CondBrOp, (o.cond, *then_args, *else_args), (),
                           {"operandSegmentSizes": segment_sizes(
                               1, len(then_args), len(else_args))},
                           (o.then_block, o.else_block))
            else:
                continue
            replace_op(o, [new], ())

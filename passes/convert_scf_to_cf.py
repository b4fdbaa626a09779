"""`convert-scf-to-cf`: structured loops and conditionals become blocks and branches.

xDSL's own lowering (`xdsl.transforms.convert_scf_to_cf`, translated from MLIR's),
applied to the `scf` ops only (`worklist.rewrite_ops`): a few hundred loops among the
kernels' tens of thousands of ops. `scf.for` and `scf.if` go through copies of xDSL's
`ForLowering` and `IfLowering` that take the same steps through the same rewriter and
differ only in how they make their branch, compare and increment ops: from templates
(`make_op`) instead of typed constructors, which cost 30 to 60 us an op (40 of MobileNetV2's
100 ms in this pass). `tests/test_convert_scf_to_cf.py` checks that both lower loops and
conditionals to the same IR, so a change upstream shows there. `scf.index_switch` (rare)
goes through xDSL's `SwitchLowering` as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, cf, scf
from xdsl.dialects.builtin import ModuleOp, i1
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter, RewritePattern, op_type_rewrite_pattern
from xdsl.rewriter import BlockInsertPoint, InsertPoint
from xdsl.traits import IsTerminator
from xdsl.transforms import convert_scf_to_cf as upstream

from .make_op import branch, cond_branch, like
from .worklist import rewrite_ops


def _addi(a: SSAValue, b: SSAValue) -> Operation:
    return like(arith.AddiOp, lambda: arith.AddiOp(a, b), (a, b), (a.type,))


def _less(a: SSAValue, b: SSAValue) -> Operation:
    """`arith.cmpi slt` on scalars (loop bounds)."""
    return like((arith.CmpiOp, "slt"), lambda: arith.CmpiOp(a, b, "slt"), (a, b), (i1,))


class IfLowering(RewritePattern):
    """Lowers `scf.if` to conditional branching (xDSL's `IfLowering`, step for step)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, if_op: scf.IfOp, rewriter: PatternRewriter, /):
        condition_block = if_op.parent_block()
        assert condition_block is not None

        # Start by splitting the block containing the 'scf.if' into two parts.
        # The part before will contain the condition, the part after will be the
        # continuation point.
        remaining_ops_block = condition_block.split_before(if_op)
        if if_op.results:
            parent = condition_block.parent_region()
            assert parent is not None
            continue_block = Block(arg_types=if_op.result_types)
            parent.insert_block_before(continue_block, remaining_ops_block)
            rewriter.insert(branch(cf.BranchOp, remaining_ops_block, ()),
                            InsertPoint.at_end(continue_block))
        else:
            continue_block = remaining_ops_block

        # Move blocks from the "then" region to the region containing 'scf.if',
        # place it before the continuation block, and branch to it.
        then_block = _inline_branching_to(if_op.true_region, continue_block, rewriter)
        assert then_block is not None

        # Move blocks from the "else" region (if present) to the region containing
        # 'scf.if', place it before the continuation block and branch to it.  It
        # will be placed after the "then" regions.
        else_block = _inline_branching_to(if_op.false_region, continue_block, rewriter)
        if else_block is None:
            else_block = continue_block

        # Branch to either the then_block or else_block
        rewriter.insert(cond_branch(cf.ConditionalBranchOp, if_op.cond, then_block, (),
                                    else_block, ()),
                        InsertPoint.at_end(condition_block))

        # Remove the original `scf.if` operation
        rewriter.replace(if_op, [], continue_block.args)


def _inline_branching_to(region: Region, continue_block: Block,
                         rewriter: PatternRewriter) -> Block | None:
    """Move the blocks of a branch of an `scf.if` before `continue_block`, its yield
    becoming a branch there; its first block (None for an empty region)."""
    first = region.first_block
    if first is None:
        return None
    assert region.last_block is not None
    terminator = region.last_block.last_op
    assert terminator is not None
    rewriter.insert(branch(cf.BranchOp, continue_block, terminator.operands),
                    InsertPoint.at_end(region.last_block))
    rewriter.erase(terminator)
    rewriter.inline_region(region, BlockInsertPoint.before(continue_block))
    return first


class ForLowering(RewritePattern):
    """Lowers `scf.for` to conditional branching (xDSL's `ForLowering`, step for step)."""

    @op_type_rewrite_pattern
    def match_and_rewrite(self, for_op: scf.ForOp, rewriter: PatternRewriter):
        # Start by splitting the block containing the 'scf.for' into two parts.
        # The part before will get the init code, the part after will be the end
        # point.
        init_block = for_op.parent_block()
        if init_block is None:
            return
        end_block = init_block.split_before(for_op)

        # Use the first block of the loop body as the condition block since it is the
        # block that has the induction variable and loop-carried values as arguments.
        # Split out all operations from the first block into a new block. Move all
        # body blocks from the loop body region to the region containing the loop.
        condition_block = for_op.body.first_block
        assert condition_block is not None
        first_op = condition_block.first_op
        assert first_op is not None
        first_body_block = condition_block.split_before(first_op)
        last_body_block = for_op.body.last_block
        assert last_body_block is not None
        rewriter.inline_region(for_op.body, BlockInsertPoint.before(end_block))
        iv = condition_block.args[0]

        # Append the induction variable stepping logic to the last body block and
        # branch back to the condition block. Loop-carried values are taken from
        # operands of the loop terminator.
        terminator = last_body_block.last_op
        assert terminator is not None
        assert terminator.has_trait(IsTerminator)

        stepped = _addi(iv, for_op.step)
        rewriter.insert(stepped, InsertPoint.before(terminator))

        rewriter.replace(terminator, branch(cf.BranchOp, condition_block,
                                            (stepped.results[0], *terminator.operands)))

        # The initial values of loop-carried values are obtained from the operands
        # of the loop operation.
        rewriter.insert(branch(cf.BranchOp, condition_block, (for_op.lb, *for_op.iter_args)),
                        InsertPoint.at_end(init_block))

        # With the body block done, we can fill in the condition block.
        comparison = _less(iv, for_op.ub)
        rewriter.insert(comparison, InsertPoint.at_end(condition_block))
        rewriter.insert(cond_branch(cf.ConditionalBranchOp, comparison.results[0],
                                    first_body_block, (), end_block, ()),
                        InsertPoint.at_end(condition_block))

        # The result of the loop operation are the values of the condition block
        # arguments except the induction variable on the last iteration.
        rewriter.replace(for_op, [], condition_block.args[1:])


@dataclass(frozen=True)
class ConvertScfToCfPass(ModulePass):
    """Lower scf.for, scf.if and scf.index_switch to cf (see module doc)."""

    name = "convert-scf-to-cf"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        rewrite_ops(op, [upstream.SwitchLowering(), IfLowering(), ForLowering()],
                    (scf.IndexSwitchOp, scf.IfOp, scf.ForOp))

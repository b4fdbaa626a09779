"""Walking and editing IR at the cost the conversions to llvm can afford.

The conversions after `vectorize-contractions` visit every op of a large graph (18,000 in
MobileNetV2) and replace about half of them. xDSL's general editing calls cost a few
microseconds each, which at that count is most of those passes' time; the helpers here
do the same edits with less Python in between, and leave exactly the IR xDSL's calls
leave (the same ops, operands, uses in the same order, locations and name hints):

* `walk_ops` lists the ops `Operation.walk()` yields, in its order, with plain loops
  (the generator walk resumes one generator per nesting level for every op: 13 ms for
  MobileNetV2's module, against 6 ms);
* `replace_op` is the one-to-many replacement every op-by-op lowering makes (new ops at
  the old op's location, inserted and its results' uses moved through `xdsl_internals`,
  the old op erased);
* `erase_op` detaches an op and drops its references, without `Operation.erase`'s
  marking of each (unused) result as erased, which makes an `ErasedSSAValue` per result.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.ir import Block, Operation, Region, SSAValue

from .xdsl_internals import insert_ops_before, move_uses


def walk_ops(root: Operation | Region | Block) -> list[Operation]:
    """The ops `root.walk()` yields, in its order (each op before the ops of its
    regions): an op and the ops nested in it, or the ops nested in a region or block."""
    out: list[Operation] = []
    append = out.append

    def block_ops(block: Block) -> None:
        inner = block.first_op
        while inner is not None:
            if inner.regions:
                append(inner)
                for region in inner.regions:
                    region_ops(region)
            else:  # most ops: no call
                append(inner)
            inner = inner.next_op

    def region_ops(region: Region) -> None:
        block = region.first_block
        while block is not None:
            block_ops(block)
            block = block.next_block

    if isinstance(root, Operation):
        append(root)
        for region in root.regions:
            region_ops(region)
    elif isinstance(root, Region):
        region_ops(root)
    else:
        block_ops(root)
    return out


def erase_op(op: Operation) -> None:
    """Detach `op` from its block and drop its references to other IR (its operands'
    uses, its successors, its regions' contents). Its results must have no uses left
    (a ValueError otherwise, as `Operation.erase`)."""
    for result in op.results:
        if result.first_use is not None:
            raise ValueError(f"Attempting to delete an op whose result is still used:\n{op}")
    op.detach()
    op.drop_all_references()


def replace_op(old: Operation, new_ops: Sequence[Operation],
               new_results: Sequence[SSAValue]) -> None:
    """Insert `new_ops` before `old`, at its location, move the uses of `old`'s results
    to `new_results` (one per result) and erase `old`."""
    location = old.location
    for new in new_ops:
        new.location = location
    insert_ops_before(new_ops, old)
    for result, value in zip(old.results, new_results, strict=True):
        move_uses(result, value)
    erase_op(old)


__all__ = ["walk_ops", "erase_op", "replace_op"]

"""Walking and editing IR at the cost the conversions to llvm can afford.

The conversions after `vectorize-contractions` visit every op of a large graph (18,000 in
MobileNetV2) and replace about half of them. xDSL's general editing calls cost a few
microseconds each, which at that count is most of those passes' time; the helpers here
do the same edits with less Python in between, and leave exactly the IR xDSL's calls
leave (the same ops, operands, uses in the same order, locations and name hints):

* `walk_ops` lists the ops `Operation.walk()` yields, in its order, with plain loops
  (the generator walk resumes one generator per nesting level for every op: 12 ms for
  MobileNetV2's module, against 5 ms);
* `replace_uses` is `SSAValue.replace_all_uses_with` without rebuilding each user's
  operand tuple through the `operands` view (slicing `SSAValues`, a Python
  `__getitem__`, twice per use): the one helper here that uses xDSL internals;
* `replace_op` is the one-to-many replacement every op-by-op lowering makes (new ops at
  the old op's location, its results' uses moved, the old op erased);
* `erase_op` detaches an op and drops its references, without `Operation.erase`'s
  marking of each (unused) result as erased, which makes an `ErasedSSAValue` per result.
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.ir import Operation, SSAValue, SSAValues


def walk_ops(root: Operation) -> list[Operation]:
    """`root` and every op nested in it, in the order of `root.walk()` (each op before
    the ops of its regions)."""
    out: list[Operation] = []
    _collect(root, out)
    return out


def _collect(op: Operation, out: list[Operation]) -> None:
    out.append(op)
    for region in op.regions:
        block = region.first_block
        while block is not None:
            inner = block.first_op
            while inner is not None:
                if inner.regions:
                    _collect(inner, out)
                else:  # most ops: no call
                    out.append(inner)
                inner = inner.next_op
            block = block.next_block


def replace_uses(old: SSAValue, new: SSAValue) -> None:
    """`old.replace_all_uses_with(new)`, made cheaper.

    Uses xDSL internals (xDSL 0.74; `tests/test_ir_edit.py` checks the result against
    `replace_all_uses_with` on every kind of use): each use (`Use`: the user op and the
    operand's index) moves from `old`'s use list to the front of `new`'s, as
    `add_use` puts it, in `old`'s order, so `new`'s list ends up as xDSL's own
    replacement leaves it; the user's `_operands` tuple is rebuilt once per use. The
    public way (`use.operation.operands[use.index] = new`) makes an `OpOperands` view,
    unlinks and relinks the use, and slices the tuple with a Python `__getitem__`: about
    three times as long, and MobileNetV2's conversions move some 40,000 uses.
    """
    if new is old:
        return
    use = old.first_use
    while use is not None:
        following = use._next_use
        user = use._operation
        operands = list(user._operands)
        operands[use._index] = new
        user._operands = SSAValues(operands)
        new.add_use(use)  # links `use` in front of `new`'s uses
        use = following
    old.first_use = None
    # As `replace_all_uses_with`: the new value takes the old one's name if it has none.
    if new.name_hint is None and old.name_hint is not None:
        new.name_hint = old.name_hint


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
    block, location = old.parent, old.location
    for new in new_ops:
        new.location = location
        block.insert_op_before(new, old)
    for result, value in zip(old.results, new_results, strict=True):
        replace_uses(result, value)
    erase_op(old)


__all__ = ["walk_ops", "replace_uses", "erase_op", "replace_op"]

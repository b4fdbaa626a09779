"""`passes/xdsl_internals.py` leaves exactly what xDSL's public calls leave.

Those helpers write fields xDSL treats as private. Each test here builds the same IR once
with the helper and once with the public call it stands for, then compares every field of
every object involved, use lists in order included: a new xDSL that adds, renames or
reorders any of them fails here, not in a compiled graph.
"""

from __future__ import annotations

import pytest
from xdsl.dialects import arith, llvm, test
from xdsl.dialects.builtin import (
    UNKNOWN_LOC,
    FileLineColLoc,
    IntAttr,
    IndexType,
    IntegerAttr,
    StringAttr,
    UnrealizedConversionCastOp,
    i1,
    i32,
    i64,
)
from xdsl.ir import Block, Region

from passes.make_op import segment_sizes
from passes.xdsl_internals import insert_ops_before, move_uses, new_op

LOC = FileLineColLoc(StringAttr("graph.mlir"), IntAttr(3), IntAttr(5))


def _uses(value) -> list[tuple[int, int]]:
    """`value`'s use list in order: (id of the user, operand index)."""
    return [(id(use.operation), use.index) for use in value.uses]


def _fields(op) -> dict:
    """Every field of `op`, with its values, results and uses made comparable."""
    out = {}
    for name, value in vars(op).items():
        if name == "_operand_uses" or name == "_successor_uses":
            value = [(use.operation is op, use.index, type(use).__name__) for use in value]
        elif name == "results":
            value = [(type(r).__name__, r.type, r.op is op, r.index, r.name_hint,
                      r.first_use) for r in value]
        elif name == "properties" or name == "attributes":
            value = list(value.items())  # the order counts: it is printed
        out[name] = value
    return out


def _cases():
    """(class, operands, result types, properties, successors) over the blocks' args."""
    def cases(block: Block, target: Block):
        a, b, c, flag, index = block.args
        return [
            (llvm.AddOp, (a, b), (i64,), {}, ()),
            (llvm.AddOp, (a, a), (i64,), {}, ()),  # one value used twice
            (llvm.ConstantOp, (), (i64,), {"value": IntegerAttr(7, i64)}, ()),
            (llvm.CallIntrinsicOp, (a, b), (i64,), {
                "intrin": StringAttr("llvm.smax.i64"),
                "operandSegmentSizes": segment_sizes(2, 0)}, ()),
            (arith.ConstantOp, (), (i64,), {"value": IntegerAttr(1, i64)}, ()),
            (arith.IndexCastOp, (index,), (i64,), {}, ()),
            (UnrealizedConversionCastOp, (c,), (llvm.LLVMPointerType(),), {}, ()),
            (llvm.BrOp, (a,), (), {}, (target,)),
            (llvm.CondBrOp, (flag, a, b), (), {
                "operandSegmentSizes": segment_sizes(1, 1, 1)}, (target, target)),
        ]
    return cases


def _block() -> tuple[Block, Block]:
    block = Block(arg_types=[i64, i64, i32, i1, IndexType()])
    target = Block(arg_types=[i64])
    Region([block, target])
    return block, target


@pytest.mark.parametrize("index", range(9))
def test_new_op_makes_what_create_makes(index):
    (mine, mine_target), (theirs, theirs_target) = _block(), _block()
    cls, operands, results, props, succ = _cases()(mine, mine_target)[index]
    _, operands2, _, _, succ2 = _cases()(theirs, theirs_target)[index]
    fast = new_op(cls, operands, results, props, LOC, succ)
    public = cls.create(operands=operands2, result_types=results, properties=dict(props),
                        location=LOC, successors=succ2)
    assert type(fast) is type(public)
    assert set(vars(fast)) == set(vars(public))
    fast_fields, public_fields = _fields(fast), _fields(public)
    for name in ("_operands", "_successors"):  # values of different blocks: by position
        fast_fields.pop(name)
        public_fields.pop(name)
    assert fast_fields == public_fields
    assert [(v.owner is mine, v.index) for v in fast.operands] == \
        [(v.owner is theirs, v.index) for v in public.operands]
    assert [b is mine_target for b in fast.successors] == \
        [b is theirs_target for b in public.successors]
    # Each operand's and successor's use list holds the new uses in the same order.
    for value, value2 in zip((*mine.args, mine_target), (*theirs.args, theirs_target)):
        assert [(u.operation is fast, u.index) for u in value.uses] == \
            [(u.operation is public, u.index) for u in value2.uses]
    assert str(fast) == str(public)
    for op, block in ((fast, mine), (public, theirs)):
        if op.successors:
            block.add_op(op)  # a branch verifies in its block only
        op.verify()


def _users(block: Block, old, other) -> list:
    """Ops using `old` in every position, and twice in one op; one use of `other`."""
    ops = [test.TestOp(operands=operands, result_types=[i64])
           for operands in ((old,), (other, old), (old, other, old), (other,), (old,))]
    for op in ops:
        block.add_op(op)
    return ops


@pytest.mark.parametrize("name_old, name_new", [(None, None), ("x", None), ("x", "y"),
                                                (None, "y")])
def test_move_uses_leaves_what_replace_all_uses_with_leaves(name_old, name_new):
    results = []
    for replace in (move_uses, lambda old, new: old.replace_all_uses_with(new)):
        block = Block(arg_types=[i64, i64])
        old, new = block.args
        old.name_hint, new.name_hint = name_old, name_new
        ops = _users(block, old, new)
        replace(old, new)
        results.append(([[(v.owner is block, v.index) for v in op.operands] for op in ops],
                         [(ops.index(u.operation), u.index) for u in new.uses],
                         [[(u.operation is op, u.index) for u in op._operand_uses]
                          for op in ops],
                         old.first_use, new.name_hint, old.name_hint))
    assert results[0] == results[1]
    assert results[0][3] is None


def test_move_uses_to_itself_changes_nothing():
    block = Block(arg_types=[i64, i64])
    old, other = block.args
    ops = _users(block, old, other)
    before = _uses(old)
    move_uses(old, old)
    assert _uses(old) == before and ops[0].operands[0] is old


def test_unknown_location_is_the_shared_one():
    block, _ = _block()
    op = new_op(llvm.AddOp, block.args[:2], (i64,), {}, UNKNOWN_LOC)
    assert op.location is UNKNOWN_LOC


def _list_state(block: Block, ops) -> list:
    """The block's op list, read through every link, and each op's parent."""
    index = {id(op): i for i, op in enumerate(ops)}

    def at(op):
        return None if op is None else index[id(op)]
    return [at(block.first_op), at(block.last_op),
            [(at(op.prev_op), at(op.next_op), op.parent is block) for op in ops]]


@pytest.mark.parametrize("anchor_at", [0, 1, 2])
def test_insert_ops_before_links_what_insert_op_before_links(anchor_at):
    states = []
    for insert in (insert_ops_before, lambda new, anchor: [
            anchor.parent.insert_op_before(op, anchor) for op in new]):
        existing = [test.TestOp() for _ in range(3)]
        block = Block(existing)
        new = [test.TestOp(), test.TestOp(regions=[Region(Block())]), test.TestOp()]
        insert(new, existing[anchor_at])
        states.append(_list_state(block, [*existing, *new]))
        assert list(block.ops) == [*existing[:anchor_at], *new, *existing[anchor_at:]]
    assert states[0] == states[1]


def test_insert_ops_before_refuses_an_attached_op():
    block = Block([test.TestOp(), test.TestOp()])
    with pytest.raises(ValueError):
        insert_ops_before([block.last_op], block.first_op)

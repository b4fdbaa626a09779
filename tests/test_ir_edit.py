"""`passes/ir_edit.py`: the walk and the edits the conversions to llvm share."""

from __future__ import annotations

import pytest
from xdsl.dialects import test
from xdsl.dialects.builtin import FileLineColLoc, IntAttr, StringAttr, i64
from xdsl.ir import Block, Region

from passes.ir_edit import erase_op, replace_op, walk_ops

LOC = FileLineColLoc(StringAttr("graph.mlir"), IntAttr(3), IntAttr(5))


def test_walk_ops_lists_what_walk_yields():
    inner = Block([test.TestOp(), test.TestOp()])
    nested = test.TestOp(regions=[Region([inner, Block([test.TestOp()])])])
    outer = test.TestOp(regions=[Region(Block([test.TestOp(), nested, test.TestOp()]))])
    assert walk_ops(outer) == list(outer.walk())
    assert walk_ops(outer.regions[0]) == list(outer.regions[0].walk())
    assert walk_ops(inner) == list(inner.walk())


def _graph():
    """%a = test.op; %old = test.op(%a); test.op(%old, %old)"""
    a = test.TestOp(result_types=[i64])
    old = test.TestOp(operands=[a.results[0]], result_types=[i64])
    old.location = LOC
    user = test.TestOp(operands=[old.results[0], old.results[0]])
    block = Block([a, old, user])
    return block, a, old, user


def test_replace_op_puts_the_new_ops_at_the_old_place_and_location():
    block, a, old, user = _graph()
    first = test.TestOp(operands=[a.results[0]], result_types=[i64])
    second = test.TestOp(operands=[first.results[0]], result_types=[i64])
    replace_op(old, [first, second], [second.results[0]])
    assert list(block.ops) == [a, first, second, user]
    assert first.location == LOC and second.location == LOC
    assert list(user.operands) == [second.results[0], second.results[0]]
    assert old.parent is None and a.results[0].uses.get_length() == 1


def test_replace_op_with_an_existing_value():
    block, a, old, user = _graph()
    replace_op(old, [], [a.results[0]])
    assert list(block.ops) == [a, user]
    assert list(user.operands) == [a.results[0], a.results[0]]


def test_erase_op_refuses_an_op_still_used():
    block, a, old, user = _graph()
    with pytest.raises(ValueError):
        erase_op(old)
    erase_op(user)
    erase_op(old)
    assert list(block.ops) == [a] and not a.results[0].uses

"""The dialect's public way to build and read a `webnn` op: `WebNNOp.make` and
`WebNNOp.operand` (what the builder, the upgrade pass and frontends use)."""

from __future__ import annotations

import pytest
from xdsl.dialects.builtin import FileLineColLoc, IntAttr, StringAttr, TensorType, f32
from xdsl.ir import Block
from xdsl.utils.exceptions import VerifyException

from dialects.webnn import OPS_BY_NAME
from dialects.webnn.options import OptionError


def _values(*shapes):
    block = Block(arg_types=[TensorType(f32, s) for s in shapes])
    return block.args


def test_make_infers_result_types_and_keeps_the_location():
    x, w, b = _values([1, 3, 8, 8], [4, 3, 3, 3], [4])
    loc = FileLineColLoc(StringAttr("model.py"), IntAttr(12), IntAttr(5))
    op = OPS_BY_NAME["conv2d"].make({"input": x, "filter": w, "bias": b},
                                    {"padding": [1, 1, 1, 1], "strides": None},
                                    location=loc)
    assert op.results[0].type == TensorType(f32, [1, 4, 8, 8])
    assert op.location == loc
    assert op.opt("padding") == (1, 1, 1, 1) and "strides" not in op.properties
    assert op.operand("bias") is b and op.operand("filter") is w
    assert op.operands_by_name() == {"input": x, "filter": w, "bias": b}
    op.verify()


def test_make_reads_variadic_operands_and_results():
    a, b = _values([2, 3], [2, 5])
    concat = OPS_BY_NAME["concat"].make({"inputs": [a, b]}, {"axis": 1})
    assert concat.results[0].type == TensorType(f32, [2, 8])
    assert concat.operand("inputs") == (a, b)
    split = OPS_BY_NAME["split"].make({"input": concat.results[0]}, {"splits": [3, 5],
                                                                      "axis": 1})
    assert [r.type for r in split.results] == [TensorType(f32, [2, 3]), TensorType(f32, [2, 5])]


def test_make_refuses_unknown_names_bad_options_and_broken_rules():
    x, w = _values([1, 3, 8, 8], [4, 2, 3, 3])
    conv = OPS_BY_NAME["conv2d"]
    with pytest.raises(OptionError, match="no operand or option 'dilation'"):
        conv.make({"input": x, "filter": w}, {"dilation": [1, 1]})
    with pytest.raises(OptionError, match="padding"):
        conv.make({"input": x, "filter": w}, {"padding": "same"})
    with pytest.raises(VerifyException, match="padding' must have 4 values"):
        conv.make({"input": x, "filter": w}, {"padding": [1, 1]})
    with pytest.raises(VerifyException, match="channels"):
        conv.make({"input": x, "filter": w})
    with pytest.raises(KeyError):
        OPS_BY_NAME["relu"].make({"input": x}).operand("filter")

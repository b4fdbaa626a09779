"""The Python GraphBuilder: spec-shaped methods, call-site locations, located errors."""

import inspect
import re

import numpy as np
import pytest

import compiler
from dialects.webnn import OPS_BY_NAME


def here() -> int:
    """The line number of the caller."""
    return inspect.currentframe().f_back.f_lineno


def test_builds_a_graph_whose_text_parses_back_with_locations():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2, 3]); line = here()
    y = g.softmax(g.add(x, g.constant(np.ones(3, np.float32))), 1, label="probs")
    module = g.build({"y": y})
    text = str(module)
    assert f'loc("x"("{__file__}":{line}:' in text
    assert re.search(rf'webnn.softmax .* loc\("probs"\("{re.escape(__file__)}":{line + 1}:', text)
    again = compiler.parse(text)
    assert again.inputs == [("x", compiler.builder.TensorSpec((2, 3), "float32"))]
    assert [n for n, _ in again.outputs] == ["y"]
    assert str(again) == text  # locations survive the round trip


def test_rule_violation_raises_compile_error_at_the_call_site():
    g = compiler.GraphBuilder()
    a = g.input("a", "float32", [2, 3])
    b = g.input("b", "float32", [4])
    line = here() + 2
    with pytest.raises(compiler.CompileError) as err:
        g.add(a, b)
    message = str(err.value)
    assert message.startswith(f"{__file__}:{line}:9: error: 'webnn.add' op shapes [2, 3] and [4]")
    assert "g.add(a, b)" in message  # the source line is quoted


def test_options_are_checked_by_kind_and_name():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2, 3])
    with pytest.raises(compiler.CompileError, match="option 'alpha' must be a number"):
        g.elu(x, alpha="big")
    with pytest.raises(compiler.CompileError, match="has no option 'alhpa'"):
        g.elu(x, alhpa=1.0)
    with pytest.raises(compiler.CompileError, match="missing argument 'axis'"):
        g.softmax(x)
    with pytest.raises(compiler.CompileError, match="argument 'b' must be an Operand"):
        g.add(x, 1.0)


def test_omitted_options_mean_spec_defaults():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2, 3])
    y = g.leakyRelu(x)
    op = y.value.owner
    assert "alpha" not in op.properties
    assert op.opt("alpha") == 0.01
    z = g.leakyRelu(x, alpha=0.5)
    assert z.value.owner.opt("alpha") == 0.5


def test_constant_overloads():
    g = compiler.GraphBuilder()
    a = g.constant(np.arange(6, dtype=np.int32).reshape(2, 3))
    assert (a.dataType, a.shape) == ("int32", (2, 3))
    s = g.constant("float16", 1.5)
    assert (s.dataType, s.shape) == ("float16", ())
    d = g.constant({"dataType": "uint8", "shape": [4]}, bytes([1, 2, 3, 4]))
    assert (d.dataType, d.shape) == ("uint8", (4,))
    with pytest.raises(compiler.CompileError, match="needs 8"):
        g.constant({"dataType": "uint8", "shape": [8]}, bytes(4))
    f = g.constant(np.zeros(3))  # NumPy's float64 becomes WebNN float32
    assert f.dataType == "float32"


def test_input_descriptor_form_and_errors():
    g = compiler.GraphBuilder()
    x = g.input("x", {"dataType": "int8", "shape": [3]})
    assert (x.dataType, x.shape) == ("int8", (3,))
    with pytest.raises(compiler.CompileError, match="duplicate input name 'x'"):
        g.input("x", "float32", [1])
    with pytest.raises(compiler.CompileError, match="data type 'float64' is not one of"):
        g.input("y", "float64", [1])
    with pytest.raises(compiler.CompileError, match="exceeds the limit"):
        g.input("z", "float32", [2**20, 2**20, 2**20])
    with pytest.raises(compiler.CompileError, match="dimension 0 is not a positive size"):
        g.input("w", "float32", [0])


def test_build_rules():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2])
    with pytest.raises(compiler.CompileError, match="may not be a graph input"):
        g.build({"x": x})
    y = g.relu(x)
    g.build({"y": y})
    with pytest.raises(compiler.CompileError, match="already built"):
        g.build({"y": y})
    with pytest.raises(compiler.CompileError, match="already built"):
        g.relu(x)
    other = compiler.GraphBuilder()
    with pytest.raises(compiler.CompileError, match="comes from another GraphBuilder"):
        other.relu(x)


def test_sequence_ops_return_tuples():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2, 4])
    parts = g.split(x, 2, axis=1)
    assert isinstance(parts, tuple) and [p.shape for p in parts] == [(2, 2), (2, 2)]
    module = g.build({"a": parts[0], "b": parts[1]})
    assert "webnn.split" in str(module)


def test_every_op_has_a_builder_method():
    missing = [name for name in OPS_BY_NAME if name != "constant"
               and not callable(getattr(compiler.GraphBuilder, name, None))]
    assert missing == []
    assert len(OPS_BY_NAME) == 96  # 95 spec ops + constant


def test_parse_reports_every_error():
    text = """
    func.func @f(%a: tensor<2x3xf32>, %b: tensor<4xf32>) -> tensor<2x3xf32> {
      %0 = webnn.add %a, %b : (tensor<2x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
      %1 = webnn.softmax %a {axis = 5} : (tensor<2x3xf32>) -> tensor<2x3xf32>
      func.return %a : tensor<2x3xf32>
    }"""
    with pytest.raises(compiler.CompileError) as err:
        compiler.parse(text, filename="g.mlir")
    lines = [d for d in err.value.diagnostics if d.severity == "error"]
    assert [(d.position.line, d.position.column) for d in lines] == [(3, 7), (4, 7)]
    assert "axis 5 is out of range [0, 2)" in lines[1].message


def test_parse_missing_file_is_a_compile_error(tmp_path):
    with pytest.raises(compiler.CompileError, match="could not open input file"):
        compiler.parse(str(tmp_path / "nope.mlir"))

"""Source maps and debug line info lead from generated code back to the Python lines that
built the graph: a conv + add + relu graph, decoded at every stage."""

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import compiler
from compiler.sourcemap import decode, vlq, vlq_decode

ROOT = Path(__file__).resolve().parents[1]


def build_conv_add_relu():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 3, 8, 8])
    w = g.constant(np.ones((4, 3, 3, 3), np.float32))
    c = g.conv2d(x, w, padding=[1, 1, 1, 1])                      # CONV
    a = g.add(c, g.constant(np.ones((1, 4, 1, 1), np.float32)))    # ADD
    r = g.relu(a, label="act")                                     # RELU
    return g.build({"y": r})


def python_line(marker: str) -> int:
    lines = Path(__file__).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.rstrip().endswith(f"# {marker}"))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "conv_add_relu.mlir"
    path.write_text(str(build_conv_add_relu()))
    return path


def translate(graph_file, emit):
    out = graph_file.parent / f"out.{emit}"
    map_path = graph_file.parent / f"out.{emit}.map"
    result = subprocess.run([sys.executable, "-m", "tools.webnn_translate", str(graph_file),
                             f"--emit={emit}", "-o", str(out), "--source-map", str(map_path)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out.read_text().split("\n"), json.loads(map_path.read_text())


def test_vlq_matches_the_source_map_spec():
    assert [vlq(v) for v in (0, 1, -1, 15, 16, -16, 123456)] == [
        "A", "C", "D", "e", "gB", "hB", "gkxH"]
    assert vlq_decode("AAgBC") == [0, 0, 16, 1]


@pytest.mark.parametrize("emit", ["webnn", "buffers", "llvm-dialect", "llvm"])
def test_the_map_finds_the_three_python_lines(graph_file, emit):
    generated, source_map = translate(graph_file, emit)
    assert source_map["version"] == 3 and source_map["file"] == f"out.{emit}"
    assert source_map["sources"] == [__file__]
    assert "# RELU" in source_map["sourcesContent"][0]
    rows = decode(source_map)
    assert len(rows) <= len(generated)
    found = {(src, line) for row in rows for _, src, line, _, _ in row}
    for marker in ("CONV", "ADD", "RELU"):
        assert (__file__, python_line(marker)) in found, (marker, emit)
    assert "act" in source_map["names"]
    # The generated line mapped to the conv's Python line is the conv's own text.
    conv_rows = [i for i, row in enumerate(rows) if any(s[2] == python_line("CONV")
                                                        for s in row)]
    if emit == "webnn":
        assert any("webnn.conv2d" in generated[i] for i in conv_rows)


@pytest.mark.parametrize("emit", ["buffers", "llvm"])
def test_a_fused_op_maps_to_every_part(graph_file, emit):
    _, source_map = translate(graph_file, emit)
    add, relu = python_line("ADD"), python_line("RELU")
    fused = [row for row in decode(source_map) if {add, relu} <= {s[2] for s in row}]
    assert fused, "add and relu are fused: some generated line maps to both"


def test_llvm_ir_carries_debug_line_info(graph_file):
    import llvmlite.binding as llvm

    from runtime.jit import _init
    generated, _ = translate(graph_file, "llvm")
    text = "\n".join(generated)
    assert "distinct !DISubprogram(" in text and "!llvm.dbg.cu" in text
    assert re.search(rf"!DILocation\(column: \d+, line: {python_line('CONV')},", text)
    assert f'!DIFile(directory: "{Path(__file__).parent}", filename: "{Path(__file__).name}")' \
        in text
    _init()
    llvm.parse_assembly(text).verify()  # LLVM accepts the debug info
    assembly, source_map = translate(graph_file, "asm")
    assert any(line.strip().startswith(f".loc\t1 {python_line('CONV')} ") for line in assembly)
    rows = decode(source_map)
    assert {python_line("CONV"), python_line("ADD")} <= {s[2] for row in rows for s in row}


def test_jit_with_debug_info_computes_the_same():
    module = build_conv_add_relu()
    x = np.random.default_rng(0).standard_normal((1, 3, 8, 8)).astype(np.float32)
    plain = compiler.compile(module)(x=x)["y"]
    debug = compiler.compile(module, debug_info=True)(x=x)["y"]
    assert np.array_equal(plain, debug) and plain.max() > 0


def test_source_map_of_a_picture_is_a_usage_error(graph_file):
    result = subprocess.run([sys.executable, "-m", "tools.webnn_translate", str(graph_file),
                             "--emit=dot", "--source-map", str(graph_file) + ".map"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "--source-map needs a textual stage" in result.stderr


@pytest.fixture(scope="module")
def onnx_file(tmp_path_factory):
    """An ONNX model of a convolution, an add and a relu (nodes conv1, bias, act)."""
    from onnx import TensorProto, helper, numpy_helper, save

    F = TensorProto.FLOAT
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv1", pads=[1, 1, 1, 1]),
             helper.make_node("Add", ["c", "b"], ["a"], name="bias"),
             helper.make_node("Relu", ["a"], ["y"], name="act")]
    graph = helper.make_graph(
        nodes, "g", [helper.make_tensor_value_info("x", F, [1, 3, 8, 8])],
        [helper.make_tensor_value_info("y", F, [1, 4, 8, 8])],
        [numpy_helper.from_array(np.ones((4, 3, 3, 3), np.float32), "w"),
         numpy_helper.from_array(np.ones((1, 4, 1, 1), np.float32), "b")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    path = tmp_path_factory.mktemp("model") / "conv_add_relu.onnx"
    save(model, str(path))
    return path


@pytest.mark.parametrize("emit", ["webnn", "loops", "llvm"])
def test_a_model_file_maps_to_its_nodes(onnx_file, emit):
    """A binary model has no lines: each op maps to the file's first line, named by its
    node (not its op type), and the map carries no content for the model."""
    _, source_map = translate(onnx_file, emit)
    assert source_map["sources"] == [str(onnx_file)]
    assert source_map["sourcesContent"] == [None]
    segments = [s for row in decode(source_map) for s in row]
    assert segments and all((s[2], s[3]) == (1, 1) for s in segments)
    assert {"conv1", "bias", "act"} <= {s[4] for s in segments}
    assert not {"Conv", "Add", "Relu"} & set(source_map["names"])

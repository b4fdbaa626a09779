"""webnn-import never shows a traceback: mutated .webnn text, corrupted ONNX files and
ONNX nodes with mutated attributes give located errors (or import fine)."""

from __future__ import annotations

import random

import onnx
import pytest

from compiler.cli.webnn_import import main as import_main

from tests.test_cli_robustness import mutations
from .test_onnx_importer import CASES

GRAPH = """webnn_graph "g" v1 {
  inputs { x: f32[dyn("n", 4), 3, 8, 8]; }
  consts { w: f32[4, 3, 3, 3] @scalar(0.5); b: f32[4] @bytes([0, 0, 128, 63, 0, 0, 128, 63,
           0, 0, 128, 63, 0, 0, 128, 63]); }
  nodes {
    c = conv2d(x, w, bias=b, padding=[1, 1, 1, 1]);
    [lo, hi] = split(c, 2, axis=1);
    y = concat([hi, lo], 1);
    z = reshape(y, newShape=[2, 256]);
  }
  outputs { y; z; }
}
"""


def _run(capsys, path) -> tuple[int, str]:
    status = import_main([str(path), "--dim", "n=2"])
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, err
    return status, err


@pytest.mark.parametrize("seed", range(3))
def test_mutated_webnn_text_fails_cleanly(tmp_path, capsys, seed):
    for n, mutated in enumerate(mutations(GRAPH, 40, seed)):
        path = tmp_path / f"g{n}.webnn"
        path.write_text(mutated, encoding="utf-8")
        status, err = _run(capsys, path)
        assert status in (0, 1)
        if status == 1:
            assert f"{path}:" in err  # located in the file


def test_corrupted_onnx_files_fail_cleanly(tmp_path, capsys):
    model, _ = CASES["conv1d"]
    data = model.SerializeToString()
    rng = random.Random(7)
    for n in range(30):
        raw = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(raw))
            raw[i] = rng.randrange(256)
        if n % 3 == 0:
            raw = raw[: rng.randrange(len(raw))]
        path = tmp_path / f"m{n}.onnx"
        path.write_bytes(bytes(raw))
        status, _ = _run(capsys, path)
        assert status in (0, 1)


@pytest.mark.parametrize("seed", range(2))
def test_nodes_with_mutated_attributes_fail_cleanly(tmp_path, capsys, seed):
    rng = random.Random(seed)
    for name in sorted(CASES):
        model = onnx.ModelProto()
        model.CopyFrom(CASES[name][0])
        node = model.graph.node[0]
        for attr in node.attribute:
            if attr.type == onnx.AttributeProto.INT:
                attr.i = rng.choice([-3, -1, 0, 2, 7, 1 << 40])
            elif attr.type == onnx.AttributeProto.INTS and attr.ints:
                attr.ints[rng.randrange(len(attr.ints))] = rng.choice([-2, 0, 5, 99])
            elif attr.type == onnx.AttributeProto.FLOAT:
                attr.f = rng.choice([0.0, -1.0, float("nan"), 1e30])
            elif attr.type == onnx.AttributeProto.STRING:
                attr.s = rng.choice([b"", b"bogus", b"SAME_LOWER"])
        if node.attribute and rng.random() < 0.3:
            del node.attribute[rng.randrange(len(node.attribute))]
        path = tmp_path / f"{name}.onnx"
        onnx.save(model, path)
        status, err = _run(capsys, path)
        assert status in (0, 1), name
        if status == 1:
            assert f"{path}" in err

"""A stage that crashes while compiling a graph that verified leaves a reproducer: the
error says it is a compiler bug, the IR the stage was given is saved (a temporary folder
for an in-memory graph), and the printed webnn-opt command replays that stage."""

import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import compiler
from passes import all_passes

ROOT = Path(__file__).resolve().parents[1]


def graph():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [2, 3])
    y = g.relu(g.add(x, g.constant(np.ones((2, 3), np.float32))))  # THE OPS
    return g.build({"y": y})


@pytest.fixture
def broken_bufferize(monkeypatch):
    """bufferize crashing as a buggy pass would (only in this process)."""
    cls = all_passes()["bufferize"]()

    def apply(self, ctx, module):
        raise IndexError("list index out of range")
    monkeypatch.setattr(cls, "apply", apply)


def test_a_crashing_stage_leaves_a_reproducer_that_replays_it(broken_bufferize):
    with pytest.raises(compiler.CompileError) as info:
        compiler.compile(graph())
    (error,) = info.value.diagnostics
    assert error.message == ("stage 'bufferize' failed on input that verified (a compiler "
                             "bug): IndexError: list index out of range")
    saved, replay = (n.message for n in error.notes)
    path = Path(saved.removeprefix("the IR it was given is saved in "))
    assert path.name == "graph.bufferize.repro.mlir" and "webnn-reproducer-" in str(path)
    text = path.read_text()
    # The input of bufferize: fused linalg on tensors, located at this file's lines.
    assert "linalg.generic" in text and "webnn." not in text.replace("webnn.name", "") \
        .replace("webnn.version", "")
    assert f'loc(fused["{__file__}"' in text
    command = shlex.split(replay.removeprefix("replay the failing pass: "))
    assert command[:2] == ["webnn-opt", str(path)] and command[2:] == ["-p", "bufferize"]
    # The real pass, given the saved IR by the printed command, runs it.
    result = subprocess.run([sys.executable, "-m", "tools.webnn_opt", *command[1:]],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "memref" in result.stdout


def test_a_crash_next_to_an_input_file(broken_bufferize, tmp_path):
    source = tmp_path / "model.mlir"
    source.write_text(str(graph()))
    with pytest.raises(compiler.CompileError) as info:
        compiler.compile(source)
    assert (tmp_path / "model.bufferize.repro.mlir").is_file()
    assert f"saved in {tmp_path / 'model.bufferize.repro.mlir'}" in str(info.value)


def test_a_refused_graph_is_not_a_bug_and_leaves_nothing(tmp_path):
    missing = tmp_path / "w.mlir"
    missing.write_text(
        'builtin.module attributes {webnn.version = 2} {\n'
        '  func.func @main(%x: tensor<2xf32> {webnn.name = "x"}) -> (tensor<2xf32> '
        '{webnn.name = "y"}) {\n'
        '    %w = webnn.constant file("absent.npz", "w") : tensor<2xf32>\n'
        '    %0 = webnn.add %x, %w : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>\n'
        '    func.return %0 : tensor<2xf32>\n  }\n}\n')
    with pytest.raises(compiler.CompileError, match="cannot read constant file"):
        compiler.compile(missing)
    assert not list(tmp_path.glob("*.repro.mlir"))


def test_a_crash_in_a_part_of_the_graph_replays_on_that_part(monkeypatch):
    """A stage after the graph is dealt into parts (`compiler.parts`) crashes on one part:
    the reproducer is that part as the stage was given it, made again from the graph
    (no copy of every part is kept for the case), and the command replays the stage."""
    from compiler import pipeline

    cls = all_passes()["convert-arith-to-llvm"]()
    real = cls.apply

    def apply(self, ctx, module):
        if any(o.name == "func.func" and o.sym_name.data == "main" for o in module.body.ops):
            raise IndexError("list index out of range")
        real(self, ctx, module)
    monkeypatch.setattr(cls, "apply", apply)
    monkeypatch.setattr(pipeline, "PART_OPS", 1)  # the graph's step and `main`: two parts
    with pytest.raises(compiler.CompileError) as info:
        compiler.compile(graph(), cache=False)
    (error,) = info.value.diagnostics
    assert "stage 'convert-arith-to-llvm' failed on input that verified" in error.message
    saved, replay = (n.message for n in error.notes)
    path = Path(saved.removeprefix("the IR it was given is saved in "))
    text = path.read_text()
    # The part with the graph function: its declarations of the steps, no step's body.
    assert "func.func @main(" in text and "func.func private @step_" in text
    assert "arith." in text and "llvm.func" not in text
    monkeypatch.undo()
    command = shlex.split(replay.removeprefix("replay the failing pass: "))
    result = subprocess.run([sys.executable, "-m", "tools.webnn_opt", *command[1:]],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "llvm.mlir.constant" in result.stdout

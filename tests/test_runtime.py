"""compiler.compile and executables: signatures, input checks, named outputs (threads:
test_threads.py)."""

import threading

import numpy as np
import pytest

import compiler
from passes.webnn_to_linalg import LOWERINGS, load_all

GRAPH = """
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x3xf32> {webnn.name = "x"}, %b: tensor<3xf32> {webnn.name = "b"}) -> (tensor<2x3xf32> {webnn.name = "y"}) {
    %sum = webnn.add %x, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
    %act = webnn.relu %sum : (tensor<2x3xf32>) -> tensor<2x3xf32>
    %y = webnn.mul %act, %act : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
    func.return %y : tensor<2x3xf32>
  }
}
"""


@pytest.fixture(scope="module")
def exe():
    return compiler.compile(GRAPH, cache=False)  # compiled, so its stats show every stage


def expected(x, b):
    return np.maximum(x + b, 0) ** 2


def test_signature(exe):
    assert [(i.name, i.dtype, i.shape) for i in exe.inputs] == [
        ("x", "float32", (2, 3)), ("b", "float32", (3,))]
    assert [(o.name, o.dtype, o.shape) for o in exe.outputs] == [("y", "float32", (2, 3))]
    assert set(exe.stats) >= {"convert-webnn-to-linalg", "bufferize", "translate", "llvm-opt",
                              "llvm-codegen"}


def test_call_matches_numpy_and_leaves_inputs_alone(exe):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3)).astype(np.float32)
    b = rng.standard_normal(3).astype(np.float32)
    x_copy, b_copy = x.copy(), b.copy()
    out = exe(x=x, b=b)
    np.testing.assert_allclose(out["y"], expected(x, b), rtol=1e-6)
    np.testing.assert_array_equal(x, x_copy)
    np.testing.assert_array_equal(b, b_copy)


def test_non_contiguous_inputs(exe):
    big = np.arange(24, dtype=np.float32).reshape(4, 6) - 10
    x = big[::2, ::2]  # a strided view
    b = np.array([1, -2, 3], np.float32)
    np.testing.assert_allclose(exe(x=x, b=b)["y"], expected(x, b))


@pytest.mark.parametrize("inputs, message", [
    ({"x": np.zeros((2, 3), np.float32)}, "missing input 'b'"),
    ({"x": np.zeros((2, 3), np.float32), "b": np.zeros(3, np.float32), "z": 1},
     "unknown input 'z'"),
    ({"x": np.zeros((2, 3), np.float64), "b": np.zeros(3, np.float32)},
     "input 'x' has dtype float64, expected float32"),
    ({"x": np.zeros((3, 2), np.float32), "b": np.zeros(3, np.float32)},
     r"input 'x' has shape \[3, 2\], expected \[2, 3\]"),
    ({"x": [[0.0] * 3] * 2, "b": np.zeros(3, np.float32)}, "input 'x' must be a numpy array"),
])
def test_wrong_inputs_raise_value_error_naming_the_input(exe, inputs, message):
    with pytest.raises(ValueError, match=message):
        exe.run(inputs)


def test_concurrent_calls_from_many_threads(exe):
    rng = np.random.default_rng(1)
    cases = [(rng.standard_normal((2, 3)).astype(np.float32),
              rng.standard_normal(3).astype(np.float32)) for _ in range(16)]
    results = [None] * len(cases)

    def work(i):
        for _ in range(50):
            results[i] = exe(x=cases[i][0], b=cases[i][1])["y"]
    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(cases))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for (x, b), got in zip(cases, results):
        np.testing.assert_allclose(got, expected(x, b), rtol=1e-6)


def test_any_named_value_can_be_an_output(exe):
    x = np.array([[1, -2, 3], [-4, 5, -6]], np.float32)
    b = np.zeros(3, np.float32)
    out = exe.run({"x": x, "b": b}, outputs=["act", "sum"])
    assert list(out) == ["act", "sum"]
    np.testing.assert_array_equal(out["sum"], x)
    np.testing.assert_array_equal(out["act"], np.maximum(x, 0))
    with pytest.raises(ValueError, match="no value named 'nope'"):
        exe.run({"x": x, "b": b}, outputs=["nope"])


def test_every_unlowerable_op_is_reported_at_its_location(monkeypatch):
    load_all()
    monkeypatch.delitem(LOWERINGS, "relu")
    monkeypatch.delitem(LOWERINGS, "mul")
    with pytest.raises(compiler.CompileError) as err:
        compiler.compile(compiler.parse(GRAPH, filename="g.mlir"))
    found = [(d.position.line, d.message) for d in err.value.diagnostics]
    assert found == [
        (5, "failed to legalize operation 'webnn.relu': the cpu target has no lowering for it yet"),
        (6, "failed to legalize operation 'webnn.mul': the cpu target has no lowering for it yet")]


def test_compile_arguments_are_checked():
    with pytest.raises(compiler.CompileError, match="unknown target 'gpu'"):
        compiler.compile(GRAPH, target="gpu")
    with pytest.raises(compiler.CompileError, match=r"cannot compile for target 'coreml'.*"
                                                    r"compiler.check\(src, target='coreml'\)"):
        compiler.compile(GRAPH, target="coreml")
    with pytest.raises(ValueError, match="threads must be a positive integer"):
        compiler.compile(GRAPH, threads=0)
    with pytest.raises(TypeError, match="cannot compile a int"):
        compiler.compile(42)


def test_builder_graph_compiles_and_runs():
    g = compiler.GraphBuilder()
    x = g.input("x", "int32", [4])
    y = g.div(x, g.constant(np.array([2, -2, 0, 3], np.int32)))
    exe = compiler.compile(g.build({"y": y}))
    # integer division rounds toward zero; a zero divisor gives 0 instead of a trap
    np.testing.assert_array_equal(exe(x=np.array([7, 7, 5, -7], np.int32))["y"], [3, -3, 0, -2])


@pytest.mark.parametrize("threads", [1, 3])
def test_webnn_run_threads_flag_reaches_the_executable(monkeypatch, tmp_path, capsys, threads):
    import compiler.pipeline as pipeline
    from compiler.cli.webnn_run import main as run_main

    made = []

    def spy(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]
    real = pipeline.compile
    monkeypatch.setattr(pipeline, "compile", spy)
    path = tmp_path / "g.mlir"
    path.write_text(GRAPH)
    assert run_main([str(path), "--threads", str(threads)]) == 0
    assert "y: float32[2, 3]" in capsys.readouterr().out
    assert [exe._kernel.threads for exe in made] == [threads]


def test_reversed_reads_feeding_reductions():
    # fuse-elementwise must not fold a reversed read into a reduction: the fused loop
    # nest would have no operand to take its bounds from.
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [3, 5])
    exe = compiler.compile(g.build({"i": g.argMax(g.reverse(x, axes=[1]), 1),
                                    "m": g.reduceMax(g.reverse(x), axes=[1])}))
    v = np.random.default_rng(5).random((3, 5), dtype=np.float32)
    out = exe(x=v)
    np.testing.assert_array_equal(out["i"], np.argmax(v[:, ::-1], 1))
    np.testing.assert_array_equal(out["m"], v[::-1, ::-1].max(1))

"""Benchmark: webnn-mlir's JIT against ONNX Runtime and NumPy on the same graphs.

Each model is built twice from the same weights, once with `compiler.GraphBuilder` and
once as an ONNX graph, and both run in this process on the same inputs. Outputs are
checked against each other first; then each runner is timed (median of repeated calls
after a warm-up). These machines are shared and noisy, so the report is ratios in one
run: `ort/ours` > 1 means webnn-mlir is faster.

Run: pip install -e '.[bench]' && python bench/compare_ort.py [--threads N] [--models a,b]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable

import numpy as np

import compiler

RNG = np.random.default_rng(7)


def _w(*shape, scale=None):
    fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
    return (RNG.standard_normal(shape) * (scale or np.sqrt(2.0 / fan_in))).astype(np.float32)


# ------------------------------------------------------------------------------ models
def elementwise_chain():
    """x * y + x, sigmoid, relu on 1M elements: memory-bound element-wise ops."""
    shape = [1024, 1024]
    g = compiler.GraphBuilder()
    x, y = g.input("x", "float32", shape), g.input("y", "float32", shape)
    out = g.relu(g.sigmoid(g.add(g.mul(x, y), x)))
    module = g.build({"out": out})
    onnx_nodes = [("Mul", ["x", "y"], ["m"]), ("Add", ["m", "x"], ["a"]),
                  ("Sigmoid", ["a"], ["s"]), ("Relu", ["s"], ["out"])]
    inputs = {"x": _w(*shape, scale=1), "y": _w(*shape, scale=1)}
    return module, _onnx(onnx_nodes, inputs, {"out": shape}, {}), inputs


def mlp():
    """A 512 -> 1024 -> 256 perceptron on a batch of 64, with softmax: gemm-bound."""
    w1, b1, w2, b2 = _w(1024, 512), _w(1024, scale=0.1), _w(256, 1024), _w(256, scale=0.1)
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [64, 512])
    h = g.relu(g.gemm(x, g.constant(w1), c=g.constant(b1), bTranspose=True))
    logits = g.gemm(h, g.constant(w2), c=g.constant(b2), bTranspose=True)
    module = g.build({"out": g.softmax(logits, 1)})
    nodes = [("Gemm", ["x", "w1", "b1"], ["h0"], {"transB": 1}), ("Relu", ["h0"], ["h"]),
             ("Gemm", ["h", "w2", "b2"], ["l"], {"transB": 1}),
             ("Softmax", ["l"], ["out"], {"axis": 1})]
    inputs = {"x": _w(64, 512, scale=1)}
    return module, _onnx(nodes, inputs, {"out": [64, 256]},
                         {"w1": w1, "b1": b1, "w2": w2, "b2": b2}), inputs


def conv_block():
    """3x3 convolution, 32 -> 32 channels on 56x56, bias and relu: conv-bound."""
    w, b = _w(32, 32, 3, 3), _w(32, scale=0.1)
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 32, 56, 56])
    out = g.relu(g.conv2d(x, g.constant(w), bias=g.constant(b), padding=[1, 1, 1, 1]))
    module = g.build({"out": out})
    nodes = [("Conv", ["x", "w", "b"], ["c"], {"pads": [1, 1, 1, 1]}), ("Relu", ["c"], ["out"])]
    inputs = {"x": _w(1, 32, 56, 56, scale=1)}
    return module, _onnx(nodes, inputs, {"out": [1, 32, 56, 56]}, {"w": w, "b": b}), inputs


def classifier():
    """examples/classifier.mlir: conv, pool, conv, global pool, gemm, softmax."""
    from pathlib import Path

    here = Path(__file__).resolve().parents[1] / "examples"
    module = compiler.parse(here / "classifier.mlir")
    w = dict(np.load(here / "classifier.npz"))
    nodes = [("Conv", ["image", "conv1_w", "conv1_b"], ["c1"], {"pads": [1, 1, 1, 1]}),
             ("Relu", ["c1"], ["r1"]),
             ("MaxPool", ["r1"], ["p1"], {"kernel_shape": [2, 2], "strides": [2, 2]}),
             ("Conv", ["p1", "conv2_w", "conv2_b"], ["c2"], {"pads": [1, 1, 1, 1]}),
             ("Relu", ["c2"], ["r2"]), ("GlobalAveragePool", ["r2"], ["gp"]),
             ("Flatten", ["gp"], ["f"]),
             ("Gemm", ["f", "fc_w", "fc_b"], ["l"], {"transB": 1}),
             ("Softmax", ["l"], ["probabilities"], {"axis": 1})]
    inputs = {"image": _w(1, 3, 32, 32, scale=1)}
    return module, _onnx(nodes, inputs, {"probabilities": [1, 10]}, w), inputs


MODELS: dict[str, Callable] = {"elementwise": elementwise_chain, "mlp": mlp,
                               "conv": conv_block, "classifier": classifier}


def _onnx(nodes, inputs, outputs, initializers):
    from onnx import TensorProto, helper, numpy_helper

    graph = helper.make_graph(
        [helper.make_node(n[0], n[1], n[2], **(n[3] if len(n) > 3 else {})) for n in nodes],
        "g",
        [helper.make_tensor_value_info(k, TensorProto.FLOAT, list(v.shape))
         for k, v in inputs.items()],
        [helper.make_tensor_value_info(k, TensorProto.FLOAT, s) for k, s in outputs.items()],
        [numpy_helper.from_array(v, k) for k, v in initializers.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8  # what every ONNX Runtime release reads
    return model


# ------------------------------------------------------------------------------ timing
def timed(fn, budget: float = 2.0, min_runs: int = 5) -> float:
    """Median seconds per call, after warm-up, within about `budget` seconds."""
    for _ in range(3):
        fn()
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < min_runs or time.perf_counter() - start < budget:
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
        if len(times) >= 1000:
            break
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--models", default=",".join(MODELS))
    args = ap.parse_args()
    import onnxruntime as ort

    print(f"threads={args.threads}  (times are medians; ratios > 1 mean webnn-mlir is faster)")
    print(f"{'model':12s} {'compile':>9s} {'ours':>10s} {'ort':>10s} {'ort/ours':>9s}")
    for name in args.models.split(","):
        module, onnx_model, inputs = MODELS[name]()
        start = time.perf_counter()
        exe = compiler.compile(module, threads=args.threads)
        compile_s = time.perf_counter() - start
        options = ort.SessionOptions()
        options.intra_op_num_threads = args.threads
        session = ort.InferenceSession(onnx_model.SerializeToString(), options,
                                       providers=["CPUExecutionProvider"])
        ours = exe(**inputs)
        theirs = dict(zip([o.name for o in session.get_outputs()], session.run(None, inputs)))
        for key, value in ours.items():
            np.testing.assert_allclose(value, theirs[key], rtol=1e-3, atol=1e-4,
                                       err_msg=f"{name}: outputs differ")
        t_ours = timed(lambda: exe(**inputs))
        t_ort = timed(lambda: session.run(None, inputs))
        print(f"{name:12s} {compile_s * 1e3:7.0f}ms {t_ours * 1e3:8.3f}ms {t_ort * 1e3:8.3f}ms "
              f"{t_ort / t_ours:9.2f}")


if __name__ == "__main__":
    main()

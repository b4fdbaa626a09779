"""The benchmark workloads, each defined once and built twice from the same weights:
as a webnn graph (`compiler.GraphBuilder`) and as an ONNX model (for ONNX Runtime).

    W1  conv 3x3, [1,100,100,100] x [100,100,3,3], pad 1, + bias, relu (the seed benchmark)
    W2  two W1 blocks chained
    W3  matmul 1024^3, both operands at run time
    W4  a MobileNetV2 block on [1,32,56,56]: 1x1 32->192, relu6, depthwise 3x3, relu6,
        1x1 192->32, residual add
    W5  add, per-channel mul, relu, sigmoid on [1,256,56,56]
    classifier  examples/classifier.mlir (a small CNN)
    mobilenetv2 the full MobileNetV2 (224x224, batch norm folded into the convolutions)

`Twin` builds both graphs with one call per layer, so the two can never drift apart, and
counts the floating-point work (2 per multiply-add) for GFLOP/s figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import compiler

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass
class Workload:
    """A graph in both forms, its inputs and its floating-point work per call."""

    name: str
    module: object
    onnx_model: object
    inputs: dict[str, np.ndarray]
    flops: float
    about: str = ""


@dataclass
class Twin:
    """Builds a webnn graph and an ONNX graph side by side (NCHW, float32)."""

    seed: int = 7
    flops: float = 0.0
    nodes: list = field(default_factory=list)
    initializers: dict = field(default_factory=dict)
    onnx_inputs: dict = field(default_factory=dict)

    def __post_init__(self):
        self.g = compiler.GraphBuilder()
        self.rng = np.random.default_rng(self.seed)
        self._n = 0

    # -- values are (webnn operand, onnx name, shape)
    def _name(self, stem: str) -> str:
        self._n += 1
        return f"{stem}{self._n}"

    def _node(self, op: str, ins: list[str], attrs: dict | None = None) -> str:
        out = self._name(op.lower())
        self.nodes.append((op, ins, [out], attrs or {}))
        return out

    def weight(self, *shape: int, scale: float | None = None):
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else shape[0]
        data = (self.rng.standard_normal(shape)
                * (scale if scale is not None else np.sqrt(2.0 / fan_in))).astype(np.float32)
        name = self._name("w")
        self.initializers[name] = data
        return self.g.constant(data), name, list(shape)

    def input(self, name: str, *shape: int):
        self.onnx_inputs[name] = list(shape)
        return self.g.input(name, "float32", list(shape)), name, list(shape)

    def conv(self, x, cout: int, k: int, *, stride: int = 1, groups: int = 1, bias=True):
        _, cin, h, w = x[2]
        pad = k // 2
        wt = self.weight(cout, cin // groups, k, k)
        b = self.weight(cout, scale=0.1) if bias else None
        ho, wo = (h + 2 * pad - k) // stride + 1, (w + 2 * pad - k) // stride + 1
        self.flops += 2.0 * cout * ho * wo * (cin // groups) * k * k
        options = dict(padding=[pad] * 4, strides=[stride] * 2, groups=groups)
        y = self.g.conv2d(x[0], wt[0], bias=b[0] if b else None, **options)
        onnx = self._node("Conv", [x[1], wt[1]] + ([b[1]] if b else []),
                          {"pads": [pad] * 4, "strides": [stride] * 2, "group": groups,
                           "kernel_shape": [k, k]})
        return y, onnx, [1, cout, ho, wo]

    def relu(self, x):
        return self.g.relu(x[0]), self._node("Relu", [x[1]]), x[2]

    def relu6(self, x):
        lo, hi = self._scalar(0.0), self._scalar(6.0)
        return (self.g.clamp(x[0], minValue=0.0, maxValue=6.0),
                self._node("Clip", [x[1], lo, hi]), x[2])

    def sigmoid(self, x):
        return self.g.sigmoid(x[0]), self._node("Sigmoid", [x[1]]), x[2]

    def add(self, x, y):
        return self.g.add(x[0], y[0]), self._node("Add", [x[1], y[1]]), x[2]

    def mul(self, x, y):
        return self.g.mul(x[0], y[0]), self._node("Mul", [x[1], y[1]]), x[2]

    def matmul(self, a, b):
        m, k = a[2][-2:]
        n = b[2][-1]
        self.flops += 2.0 * m * k * n
        return self.g.matmul(a[0], b[0]), self._node("MatMul", [a[1], b[1]]), [m, n]

    def global_avg_pool(self, x):
        n, c = x[2][:2]
        return (self.g.averagePool2d(x[0]), self._node("GlobalAveragePool", [x[1]]),
                [n, c, 1, 1])

    def flatten(self, x):
        shape = [x[2][0], int(np.prod(x[2][1:]))]
        return self.g.reshape(x[0], shape), self._node("Flatten", [x[1]]), shape

    def dense(self, x, n: int):
        k = x[2][1]
        wt, b = self.weight(n, k), self.weight(n, scale=0.1)
        self.flops += 2.0 * x[2][0] * k * n
        y = self.g.gemm(x[0], wt[0], c=b[0], bTranspose=True)
        return y, self._node("Gemm", [x[1], wt[1], b[1]], {"transB": 1}), [x[2][0], n]

    def _scalar(self, value: float) -> str:
        name = self._name("s")
        self.initializers[name] = np.array(value, np.float32)
        return name

    def finish(self, name: str, outputs: dict, about: str = "", module=None) -> Workload:
        """Both graphs; `outputs` maps output names to values (or, with a ready `module`,
        to the ONNX value name and shape)."""
        from onnx import TensorProto, helper, numpy_helper

        if module is None:
            module = self.g.build({k: v[0] for k, v in outputs.items()})
        graph = helper.make_graph(
            [helper.make_node(op, ins, outs, **attrs) for op, ins, outs, attrs in self.nodes],
            name,
            [helper.make_tensor_value_info(k, TensorProto.FLOAT, s)
             for k, s in self.onnx_inputs.items()],
            [helper.make_tensor_value_info(k, TensorProto.FLOAT, v[2])
             for k, v in outputs.items()],
            [numpy_helper.from_array(v, k) for k, v in self.initializers.items()])
        # Output names must match: rename the last node of each output.
        for key, value in outputs.items():
            for node in graph.node:
                if node.output[0] == value[1]:
                    node.output[0] = key
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8  # what every ONNX Runtime release reads
        inputs = {k: self.rng.standard_normal(s).astype(np.float32)
                  for k, s in self.onnx_inputs.items()}
        return Workload(name, module, model, inputs, self.flops, about)


# ------------------------------------------------------------------------------ workloads
def w1(blocks: int = 1, name: str = "W1") -> Workload:
    t = Twin()
    x = t.input("x", 1, 100, 100, 100)
    for _ in range(blocks):
        x = t.relu(t.conv(x, 100, 3))
    return t.finish(name, {"y": x}, f"{blocks} x (conv 3x3 100->100 on 100x100 + bias, relu)")


def w2() -> Workload:
    return w1(2, "W2")


def w3() -> Workload:
    t = Twin()
    a, b = t.input("a", 1024, 1024), t.input("b", 1024, 1024)
    return t.finish("W3", {"y": t.matmul(a, b)}, "matmul 1024^3, both operands at run time")


def _inverted_residual(t: Twin, x, expand: int, cout: int, stride: int):
    cin = x[2][1]
    y = x
    if expand != 1:
        y = t.relu6(t.conv(y, cin * expand, 1))
    y = t.relu6(t.conv(y, cin * expand, 3, stride=stride, groups=cin * expand))
    y = t.conv(y, cout, 1)
    return t.add(y, x) if stride == 1 and cin == cout else y


def w4() -> Workload:
    t = Twin()
    x = t.input("x", 1, 32, 56, 56)
    return t.finish("W4", {"y": _inverted_residual(t, x, 6, 32, 1)},
                    "MobileNetV2 block: 1x1 32->192, relu6, dw 3x3, relu6, 1x1 192->32, +x")


def w5() -> Workload:
    t = Twin()
    x, y = t.input("x", 1, 256, 56, 56), t.input("y", 1, 256, 56, 56)
    scale = t.weight(1, 256, 1, 1, scale=1.0)
    out = t.sigmoid(t.relu(t.mul(t.add(x, y), scale)))
    t.flops += 4.0 * 256 * 56 * 56
    return t.finish("W5", {"z": out}, "add, per-channel mul, relu, sigmoid on [1,256,56,56]")


def mobilenetv2() -> Workload:
    """MobileNetV2 (1.0, 224x224) with batch normalization folded into conv biases."""
    t = Twin()
    x = t.relu6(t.conv(t.input("image", 1, 3, 224, 224), 32, 3, stride=2))
    for expand, cout, repeats, stride in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2),
                                          (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
                                          (6, 320, 1, 1)]:
        for i in range(repeats):
            x = _inverted_residual(t, x, expand, cout, stride if i == 0 else 1)
    x = t.relu6(t.conv(x, 1280, 1))
    logits = t.dense(t.flatten(t.global_avg_pool(x)), 1000)
    return t.finish("mobilenetv2", {"logits": logits}, "full MobileNetV2, 224x224")


def classifier() -> Workload:
    """examples/classifier.mlir with its weights, and the same graph in ONNX."""
    module = compiler.parse(EXAMPLES / "classifier.mlir")
    w = dict(np.load(EXAMPLES / "classifier.npz"))
    t = Twin()
    t.initializers.update(w)
    t.nodes += [("Conv", ["image", "conv1_w", "conv1_b"], ["c1"], {"pads": [1, 1, 1, 1]}),
                ("Relu", ["c1"], ["r1"], {}),
                ("MaxPool", ["r1"], ["p1"], {"kernel_shape": [2, 2], "strides": [2, 2]}),
                ("Conv", ["p1", "conv2_w", "conv2_b"], ["c2"], {"pads": [1, 1, 1, 1]}),
                ("Relu", ["c2"], ["r2"], {}), ("GlobalAveragePool", ["r2"], ["gp"], {}),
                ("Flatten", ["gp"], ["f"], {}),
                ("Gemm", ["f", "fc_w", "fc_b"], ["l"], {"transB": 1}),
                ("Softmax", ["l"], ["probabilities"], {"axis": 1})]
    t.onnx_inputs["image"] = [1, 3, 32, 32]
    t.flops = 2.0 * (8 * 3 * 9 * 32 * 32 + 16 * 8 * 9 * 16 * 16 + 16 * 10)
    return t.finish("classifier", {"probabilities": (None, "probabilities", [1, 10])},
                    "examples/classifier.mlir", module)


WORKLOADS = {"W1": w1, "W2": w2, "W3": w3, "W4": w4, "W5": w5, "classifier": classifier,
             "mobilenetv2": mobilenetv2}

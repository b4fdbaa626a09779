"""`convert-to-nhwc` through the JIT: depthwise networks, converted, against the
reference executor.

The graphs are small, so their convolutions do too little work per element of the edge
transposes for the pass to convert them: these tests take any depthwise network as
worth it (`convert_any`), and one test checks that decision on its own. Each checks
that the graph was converted, and that transposes are left only at the edges it
expects. The network mixes what the
pass moves transposes through or stops at: activations, a residual add of the graph's
input, an add of two converted values, both pools, strided and dilated depthwise
convolutions with odd channel counts, a grouped convolution (kept NCHW), a run-time
filter (kept NCHW), a concat (not known to the pass) and a gemm head.
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from passes import convert_to_nhwc
from compiler.interpret import interpret
from compiler.pipeline import lower
from dialects.webnn.ops.convolution import Conv2dOp
from dialects.webnn.ops.movement import TransposeOp

RNG = np.random.default_rng(20261207)


def _data(*shape: int) -> np.ndarray:
    return RNG.uniform(-1.0, 1.0, shape).astype(np.float32)


def _network():
    g = compiler.GraphBuilder()
    feeds = {"x": _data(1, 5, 13, 11), "w": _data(5, 5, 1, 1)}
    x = g.input("x", "float32", [1, 5, 13, 11])

    def dw(v, c, **options):
        return g.conv2d(v, g.constant(_data(c, 1, 3, 3)), bias=g.constant(_data(c)),
                        groups=c, **options)

    a = g.clamp(dw(x, 5, padding=[1, 1, 1, 1]), minValue=-0.5, maxValue=0.5)
    b = g.conv2d(a, g.constant(_data(5, 5, 3, 3)), padding=[1, 1, 1, 1])  # dense 3x3
    r = g.add(b, x)                                                  # residual: the input
    c = g.relu(dw(r, 5, strides=[2, 2], padding=[0, 1, 1, 1]))       # stride 2
    d = g.sigmoid(dw(c, 5, dilations=[2, 2], padding=[2, 2, 2, 2]))  # dilation 2
    e = g.conv2d(d, g.constant(_data(19, 5, 1, 1)), bias=g.constant(_data(19)))  # 19 ch
    f = dw(e, 19, padding=[1, 1, 1, 1])
    s = g.add(f, e)                                                  # two converted values
    deep = dw(s, 19, padding=[1, 1, 1, 1])
    pair = g.conv2d(deep, g.constant(_data(6, 19, 1, 1)))
    mixed = g.conv2d(pair, g.constant(_data(6, 3, 3, 3)), groups=2, padding=[1, 1, 1, 1])  # grouped
    runtime = g.conv2d(d, g.input("w", "float32", [5, 5, 1, 1]))     # run-time filter
    joined = g.concat([mixed, g.maxPool2d(runtime, windowDimensions=[1, 1])], 1)
    pooled = g.maxPool2d(joined, windowDimensions=[2, 2], strides=[2, 2])
    flat = g.reshape(g.averagePool2d(pooled), [1, 11])
    out = g.gemm(flat, g.constant(_data(11, 4)), c=g.constant(_data(4)))
    return g.build({"y": out, "features": s}), feeds


MODULE, FEEDS = _network()


@pytest.fixture
def convert_any(monkeypatch):
    """Any graph with a depthwise convolution is worth converting."""
    monkeypatch.setattr(convert_to_nhwc, "MACS_PER_TRANSPOSED", 0)


def _layouts(module, source=None) -> list[str]:
    work = module.op.clone()
    lower(work, until="convert-to-nhwc", source=source)
    return [o.opt("inputLayout") for o in work.walk() if isinstance(o, Conv2dOp)]


def test_a_graph_is_converted_when_it_pays():
    """A MobileNetV2 block at 56x56 (220 multiply-adds per element its edge transposes
    copy) runs in NHWC; its depthwise convolution alone (4.5) stays NCHW."""
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 32, 56, 56])
    expand = g.clamp(g.conv2d(x, g.constant(_data(192, 32, 1, 1))), minValue=0.0,
                     maxValue=6.0)
    dw = g.conv2d(expand, g.constant(_data(192, 1, 3, 3)), groups=192, padding=[1] * 4)
    block = g.add(g.conv2d(dw, g.constant(_data(32, 192, 1, 1))), x)
    assert _layouts(g.build({"y": block})) == ["nhwc"] * 3
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 192, 56, 56])
    lone = g.conv2d(x, g.constant(_data(192, 1, 3, 3)), groups=192, padding=[1] * 4)
    assert _layouts(g.build({"y": lone})) == ["nchw"]


def test_the_network_is_converted(convert_any):
    """Every convolution with an inline filter, but the grouped one, runs in NHWC; the
    transposes left are the input's, the ones back to NCHW where the concat and the
    run-time filter need it, and none between converted ops."""
    work = MODULE.op.clone()
    lower(work, until="convert-to-nhwc")
    convs = [o for o in work.walk() if isinstance(o, Conv2dOp)]
    layouts = sorted(o.opt("inputLayout") for o in convs)
    assert layouts == ["nchw", "nchw"] + ["nhwc"] * (len(convs) - 2)
    for t in (o for o in work.walk() if isinstance(o, TransposeOp)):
        producer = t.input.owner
        assert not isinstance(producer, TransposeOp)
        if isinstance(producer, Conv2dOp):
            assert producer.opt("inputLayout") == "nhwc"


@pytest.mark.parametrize("threads", [1, 2])
def test_the_converted_network_matches_the_reference(threads, convert_any):
    expected = interpret(MODULE, FEEDS)
    got = compiler.compile(MODULE, threads=threads, cache=False)(**FEEDS)
    for name in ("y", "features"):
        np.testing.assert_allclose(got[name], expected[name], rtol=1e-5, atol=1e-5,
                                   err_msg=name)


def _tflite_style():
    """An NHWC graph with OHWI filters (TFLite's), too few depthwise convolutions to
    matter: its filters are re-laid, its activations not."""
    g = compiler.GraphBuilder()
    feeds = {"x": _data(2, 9, 7, 6)}
    x = g.input("x", "float32", [2, 9, 7, 6])
    a = g.conv2d(x, g.constant(_data(10, 3, 3, 6)), bias=g.constant(_data(10)),
                 padding=[1, 1, 0, 2], inputLayout="nhwc", filterLayout="ohwi")
    b = g.relu(g.conv2d(a, g.constant(_data(10, 3, 3, 1)), groups=10, strides=[2, 1],
                        padding=[1, 1, 1, 1], inputLayout="nhwc", filterLayout="ohwi"))
    c = g.conv2d(b, g.constant(_data(17, 10, 1, 1)), inputLayout="nhwc",
                 filterLayout="oihw")
    return g.build({"y": c}), feeds


def test_nhwc_filters_are_read_as_their_kernels_take_them():
    module, feeds = _tflite_style()
    work = module.op.clone()
    lower(work, until="convert-to-nhwc")
    convs = [o for o in work.walk() if isinstance(o, Conv2dOp)]
    assert [o.opt("filterLayout") for o in convs] == ["hwio", "ihwo", "hwio"]
    assert not any(isinstance(o, TransposeOp) for o in work.walk())
    expected = interpret(module, feeds)
    got = compiler.compile(module, threads=1, cache=False)(**feeds)
    np.testing.assert_allclose(got["y"], expected["y"], rtol=1e-5, atol=1e-5)


def test_filters_in_a_weights_file_are_converted(tmp_path, convert_any):
    """`webnn-import` writes large filters to an .npz beside the IR: they are read from
    there (the pass runner gives the pass the IR file's folder), and a filter the file
    does not hold leaves its convolution as it was, for the lowering to report."""
    filters = {f"w{i}": _data(8, 1, 3, 3) for i in range(4)}
    np.savez(tmp_path / "weights.npz", **filters)
    lines = [f'    %w{i} = webnn.constant file("weights.npz", "w{i}") : tensor<8x1x3x3xf32>'
             for i in range(4)]
    value = "%x"
    for i in range(4):
        lines.append(f"    %c{i} = webnn.conv2d {value}, %w{i} {{padding = [1, 1, 1, 1], "
                     "groups = 8} : (tensor<1x8x6x6xf32>, tensor<8x1x3x3xf32>) -> "
                     "tensor<1x8x6x6xf32>")
        value = f"%c{i}"
    ir = ("builtin.module attributes {webnn.version = 2} {\n"
          '  func.func @main(%x: tensor<1x8x6x6xf32> {webnn.name = "x"}) -> '
          '(tensor<1x8x6x6xf32> {webnn.name = "y"}) {\n' + "\n".join(lines)
          + f"\n    func.return {value} : tensor<1x8x6x6xf32>\n  }}\n}}\n")
    path = tmp_path / "net.mlir"
    path.write_text(ir)
    module = compiler.parse(path)
    assert _layouts(module, path) == ["nhwc"] * 4
    feeds = {"x": _data(1, 8, 6, 6)}
    got = compiler.compile(module, threads=1, cache=False)(**feeds)
    np.testing.assert_allclose(got["y"], interpret(module, feeds)["y"], rtol=1e-5, atol=1e-5)
    path.write_text(ir.replace('"w3")', '"missing")'))
    with pytest.raises(compiler.CompileError, match="missing"):
        compiler.compile(compiler.parse(path), cache=False)

"""The ONNX importer: sources, locations, diagnostics, folding, and each conversion
checked numerically against ONNX Runtime (the `onnx` package's reference evaluator
disagrees with it on LRN and on Softmax before opset 13; ONNX Runtime is the runtime
models are written for)."""

from __future__ import annotations

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper
import onnxruntime as ort

import compiler

F = TensorProto.FLOAT


def make(nodes, inputs, outputs, initializers=(), opset=18, name="m"):
    """A model; `inputs`/`outputs` are (name, elem type, shape) triples."""
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, t, s) for n, t, s in inputs],
        [helper.make_tensor_value_info(n, t, s) for n, t, s in outputs],
        [numpy_helper.from_array(np.asarray(v), k) for k, v in dict(initializers).items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    return model


def check(model, feeds, rtol=1e-4, atol=1e-5, expected=None, **dims):
    """Import, compile and run `model`; compare with ONNX Runtime (or `expected`)."""
    module = compiler.import_onnx(model, dims=dims)
    ours = compiler.compile(module)(**{k: v.astype(np.uint8) if v.dtype == np.bool_ else v
                                       for k, v in feeds.items()})
    if expected is None:
        expected = ort.InferenceSession(model.SerializeToString(),
                                        providers=["CPUExecutionProvider"]).run(None, feeds)
    for (name, _), want in zip(module.outputs, expected):
        want = np.asarray(want)
        if want.dtype == np.bool_:
            want = want.astype(np.uint8)
        assert ours[name].shape == want.shape, name
        np.testing.assert_allclose(ours[name], want, rtol=rtol, atol=atol, err_msg=name)
    return module


def ops_of(module) -> list[str]:
    return [op.name for op in module.graph.body.block.ops][:-1]


rng = np.random.default_rng(0)


def rand(*shape):
    return rng.standard_normal(shape).astype(np.float32)


# --------------------------------------------------------------------------- sources
def test_a_path_bytes_and_a_proto_import_alike_and_compile_runs_a_path(tmp_path):
    model = make([helper.make_node("Relu", ["x"], ["y"], name="act")],
                 [("x", F, [2, 3])], [("y", F, [2, 3])])
    path = tmp_path / "m.onnx"
    onnx.save(model, path)
    texts = {compiler.import_onnx(src, name="m.onnx").text()
             for src in (str(path), path, model.SerializeToString(), model)}
    assert len(texts) == 1
    x = rand(2, 3)
    np.testing.assert_array_equal(compiler.compile(str(path))(x=x)["y"], np.maximum(x, 0))
    assert compiler.import_onnx(path).source_path == path


def test_unreadable_models_are_compile_errors(tmp_path):
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"\x08\x01\x12\xff garbage")
    for source in (bad, b"\xff\xff\xff", tmp_path / "missing.onnx"):
        with pytest.raises(compiler.CompileError):
            compiler.import_onnx(source)


# --------------------------------------------------------------------------- locations
def test_each_op_is_located_at_its_model_file_and_node():
    model = make([helper.make_node("Conv", ["x", "w"], ["c"], name="conv1", pads=[1] * 4),
                  helper.make_node("Relu", ["c"], ["y"])],
                 [("x", F, [1, 2, 5, 5])], [("y", F, [1, 3, 5, 5])], {"w": rand(3, 2, 3, 3)})
    text = compiler.import_onnx(model, name="net.onnx").text()
    assert 'webnn.conv2d' in text and 'loc("conv1"("Conv"("net.onnx":0:0)))' in text
    # An unnamed node is named by its first output.
    assert 'loc("y"("Relu"("net.onnx":0:0)))' in text


def test_refusals_name_the_node_and_why_all_at_once():
    model = make([helper.make_node("Mod", ["x", "x"], ["a"], name="m1"),
                  helper.make_node("Relu", ["a"], ["b"], name="after"),
                  helper.make_node("Conv", ["x5", "w"], ["c"], name="c3d"),
                  helper.make_node("Add", ["x", "x"], ["d"], name="fine")],
                 [("x", F, [2, 2]), ("x5", F, [1, 1, 2, 2, 2])],
                 [("b", F, [2, 2]), ("c", F, None), ("d", F, [2, 2])],
                 {"w": rand(1, 1, 1, 1, 1)})
    with pytest.raises(compiler.CompileError) as info:
        compiler.import_onnx(model, name="net.onnx")
    lines = [d for d in info.value.diagnostics]
    assert [str(d.position) for d in lines] == ["net.onnx: node 'm1' (Mod)",
                                                "net.onnx: node 'c3d' (Conv)"]
    message = str(info.value)
    assert "net.onnx: node 'm1' (Mod): error: ONNX op Mod has no WebNN equivalent" in message
    assert "3-D convolution" in message
    assert "after" not in message  # consumers of a refused value are not reported again


def test_an_unbound_symbolic_dimension_is_named_and_dims_bind_it():
    model = make([helper.make_node("Relu", ["x"], ["y"])],
                 [("x", F, ["batch", 4])], [("y", F, ["batch", 4])])
    with pytest.raises(compiler.CompileError, match="symbolic 'batch', which is not bound"):
        compiler.import_onnx(model)
    module = compiler.import_onnx(model, dims={"batch": 3})
    assert module.inputs[0][1].shape == (3, 4)


def test_an_initializer_listed_as_an_input_is_a_constant():
    model = make([helper.make_node("Add", ["x", "bias"], ["y"])],
                 [("x", F, [2]), ("bias", F, [2])], [("y", F, [2])], {"bias": np.array([1.0, 2.0], np.float32)})
    module = check(model, {"x": rand(2)})
    assert [name for name, _ in module.inputs] == ["x"]


def test_shape_computations_fold_to_constants():
    # x -> Shape -> Gather(0) -> Unsqueeze -> Concat([-1]) -> Reshape: a static [2, 12].
    nodes = [helper.make_node("Shape", ["x"], ["s"]),
             helper.make_node("Gather", ["s", "zero"], ["n"]),
             helper.make_node("Unsqueeze", ["n", "axes"], ["n1"]),
             helper.make_node("Concat", ["n1", "minus1"], ["shape"], axis=0),
             helper.make_node("Reshape", ["x", "shape"], ["r"]),
             helper.make_node("ConstantOfShape", ["shape2"], ["ones"],
                              value=numpy_helper.from_array(np.array([1.0], np.float32))),
             helper.make_node("Range", ["start", "limit", "delta"], ["rng"]),
             helper.make_node("Cast", ["rng"], ["rngf"], to=F),
             helper.make_node("Mul", ["ones", "rngf"], ["scale"]),
             helper.make_node("Mul", ["r", "scale"], ["y"])]
    model = make(nodes, [("x", F, [2, 3, 4])], [("y", F, [2, 12])],
                 {"zero": np.array(0, np.int64), "axes": np.array([0], np.int64),
                  "minus1": np.array([-1], np.int64), "shape2": np.array([12], np.int64),
                  "start": np.array(0, np.int64), "limit": np.array(12, np.int64),
                  "delta": np.array(1, np.int64)})
    module = check(model, {"x": rand(2, 3, 4)})
    assert ops_of(module) == ["webnn.reshape", "webnn.constant", "webnn.mul"]


def test_a_function_op_without_a_conversion_is_expanded():
    model = make([helper.make_node("MeanVarianceNormalization", ["x"], ["y"], name="mvn")],
                 [("x", F, [2, 3, 4, 4])], [("y", F, [2, 3, 4, 4])])
    module = check(model, {"x": rand(2, 3, 4, 4)}, atol=1e-4)
    assert 'loc("mvn"("MeanVarianceNormalization"' in module.text()


def test_dropout_and_identity_leave_no_op():
    model = make([helper.make_node("Dropout", ["x"], ["d"], ratio=0.5),
                  helper.make_node("Identity", ["d"], ["i"]),
                  helper.make_node("Relu", ["i"], ["y"])],
                 [("x", F, [4])], [("y", F, [4])], opset=11)
    assert ops_of(check(model, {"x": rand(4)})) == ["webnn.relu"]


# --------------------------------------------------------------------------- conversions
def node_case(op, inputs, attrs=None, consts=None, opset=18, outputs=1, out=F):
    """A one-node model over runtime `inputs` (name -> array) and constants `consts`;
    its outputs have element type `out`."""
    names = list(inputs) + list(consts or {})
    outs = [f"y{i}" for i in range(outputs)]
    return make([helper.make_node(op, names, outs, **(attrs or {}))],
                [(k, helper.np_dtype_to_tensor_dtype(v.dtype), list(v.shape))
                 for k, v in inputs.items()],
                [(o, out, None) for o in outs], dict(consts or {}), opset=opset), inputs


CASES = {
    "conv1d": node_case("Conv", {"x": rand(1, 2, 9)}, {"pads": [1, 2], "strides": [2]},
                        {"w": rand(4, 2, 3), "b": rand(4)}),
    "conv_same_upper": node_case("Conv", {"x": rand(1, 2, 7, 6)},
                                 {"auto_pad": "SAME_UPPER", "strides": [2, 2]},
                                 {"w": rand(3, 2, 4, 4)}),
    "conv_transpose_output_shape": node_case(
        "ConvTranspose", {"x": rand(1, 2, 4, 4)},
        {"strides": [2, 2], "output_shape": [9, 9]}, {"w": rand(2, 3, 3, 3)}),
    "conv_integer": node_case("ConvInteger", {"x": rng.integers(0, 20, (1, 1, 5, 5)).astype(
        np.uint8)}, {}, {"w": rng.integers(0, 9, (2, 1, 3, 3)).astype(np.uint8),
                         "xz": np.array(3, np.uint8)}, out=TensorProto.INT32),
    "flatten": node_case("Flatten", {"x": rand(2, 3, 4)}, {"axis": 2}),
    "batch_norm": node_case("BatchNormalization", {"x": rand(2, 3, 4, 4)}, {"epsilon": 1e-3},
                            {"s": rand(3), "b": rand(3), "m": rand(3),
                             "v": np.abs(rand(3)) + 0.5}),
    "gemm_attributes": node_case("Gemm", {"a": rand(4, 3)},
                                 {"transA": 1, "transB": 1, "alpha": 0.5, "beta": 2.0},
                                 {"b": rand(5, 4), "c": rand(5)}),
    "matmul_1d": node_case("MatMul", {"a": rand(3)}, {}, {"b": rand(2, 3, 4)}),
    "pad_reflect": node_case("Pad", {"x": rand(1, 2, 4, 5)}, {"mode": "reflect"},
                             {"p": np.array([0, 0, 1, 2, 0, 0, 2, 1], np.int64)}),
    "pad_constant_opset2": node_case("Pad", {"x": rand(3, 5)},
                                     {"pads": [1, 0, 0, 2], "value": 1.5}, opset=2),
    "resize_nearest": node_case("Resize", {"x": rand(1, 2, 3, 4)}, {"mode": "nearest"},
                                {"roi": np.array([], np.float32),
                                 "s": np.array([1, 1, 2, 3], np.float32)}),
    "resize_linear_sizes": node_case("Resize", {"x": rand(1, 2, 4, 4)}, {"mode": "linear"},
                                     {"roi": np.array([], np.float32),
                                      "s": np.array([], np.float32),
                                      "sz": np.array([1, 2, 7, 5], np.int64)}),
    "upsample_nearest": node_case("Upsample", {"x": rand(1, 2, 3, 3)}, {"mode": "nearest"},
                                  {"s": np.array([1, 1, 2, 2], np.float32)}, opset=9),
    "layer_norm": node_case("LayerNormalization", {"x": rand(2, 3, 8)}, {"axis": -1},
                            {"s": rand(8), "b": rand(8)}),
    "group_norm": node_case("GroupNormalization", {"x": rand(2, 4, 3, 3)}, {"num_groups": 2},
                            {"s": rand(4), "b": rand(4)}, opset=21),
    "instance_norm_1d": node_case("InstanceNormalization", {"x": rand(2, 3, 6)}, {},
                                  {"s": rand(3), "b": rand(3)}),
    "lrn": node_case("LRN", {"x": rand(1, 5, 3, 3)}, {"size": 3, "alpha": 0.1}),
    "gelu": node_case("Gelu", {"x": rand(3, 4)}, opset=20),
    "gelu_tanh": node_case("Gelu", {"x": rand(3, 4)}, {"approximate": "tanh"}, opset=20),
    "einsum_bmm": node_case("Einsum", {"a": rand(2, 3, 4), "b": rand(2, 4, 5)},
                            {"equation": "bij,bjk->bik"}),
    "einsum_attention": node_case("Einsum", {"q": rand(1, 2, 3, 4), "k": rand(1, 2, 5, 4)},
                                  {"equation": "bhqd,bhkd->bhqk"}),
    "einsum_implicit_ellipsis": node_case("Einsum", {"a": rand(2, 3, 4), "b": rand(4, 5)},
                                          {"equation": "...ij,jk"}),
    "einsum_transpose_sum": node_case("Einsum", {"a": rand(3, 4, 5)},
                                      {"equation": "ijk->ki"}),
    "softmax_opset11_axis1": node_case("Softmax", {"x": rand(2, 3, 4)}, {"axis": 1},
                                       opset=11),
    "log_softmax": node_case("LogSoftmax", {"x": rand(2, 5) * 30}),
    "clip_opset6": node_case("Clip", {"x": rand(10)}, {"min": -0.5, "max": 0.3}, opset=6),
    "clip_runtime_max": node_case("Clip", {"x": rand(10), "lo": np.array(-0.2, np.float32),
                                           "hi": np.array(0.4, np.float32)}),
    "split_num_outputs": node_case("Split", {"x": rand(7, 2)}, {"num_outputs": 3},
                                   outputs=3),
    "split_opset11": node_case("Split", {"x": rand(6, 2)}, {"split": [1, 5]}, opset=11,
                               outputs=2),
    "slice_negative_step": node_case("Slice", {"x": rand(5, 6)}, {},
                                     {"s": np.array([4, -1], np.int64),
                                      "e": np.array([0, 0], np.int64),
                                      "a": np.array([0, 1], np.int64),
                                      "st": np.array([-2, -2], np.int64)}),
    "squeeze_opset11": node_case("Squeeze", {"x": rand(1, 3, 1)}, {"axes": [-1]}, opset=11),
    "unsqueeze": node_case("Unsqueeze", {"x": rand(3, 4)}, {},
                           {"a": np.array([0, -1], np.int64)}),
    "reduce_sum_opset11": node_case("ReduceSum", {"x": rand(2, 3, 4)},
                                    {"axes": [1], "keepdims": 0}, opset=11),
    "reduce_mean_all": node_case("ReduceMean", {"x": rand(2, 3)}),
    "argmax_last_index": node_case("ArgMax", {"x": np.array([[1, 3, 3], [2, 2, 0]],
                                                            np.float32)},
                                   {"axis": 1, "select_last_index": 1}, out=TensorProto.INT64),
    "cumsum_reverse": node_case("CumSum", {"x": rand(4, 3)}, {"reverse": 1, "exclusive": 1},
                                {"a": np.array(0, np.int64)}),
    "depth_to_space_crd": node_case("DepthToSpace", {"x": rand(1, 8, 2, 3)},
                                    {"blocksize": 2, "mode": "CRD"}),
    "space_to_depth": node_case("SpaceToDepth", {"x": rand(1, 2, 4, 6)}, {"blocksize": 2}),
    "avg_pool_ceil_include_pad": node_case(
        "AveragePool", {"x": rand(1, 1, 6, 6)},
        {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1],
         "ceil_mode": 1, "count_include_pad": 1}),
    "max_pool_1d_dilated": node_case("MaxPool", {"x": rand(1, 2, 11)},
                                     {"kernel_shape": [3], "dilations": [2], "pads": [1, 1]}),
    "global_average_pool_3d": node_case("GlobalAveragePool", {"x": rand(1, 2, 3, 4, 5)}),
    "selu": node_case("Selu", {"x": rand(8)}),
    "celu": node_case("Celu", {"x": rand(8)}, {"alpha": 0.7}),
    "hard_swish": node_case("HardSwish", {"x": rand(8) * 4}),
    "prelu": node_case("PRelu", {"x": rand(2, 3, 4)}, {}, {"s": rand(3, 1)}),
    "where_equal": node_case("Where", {"c": rng.integers(0, 2, (3, 4)).astype(np.bool_),
                                       "a": rand(3, 4), "b": rand(1, 4)}),
    "cast_to_bool": node_case("Cast", {"x": np.array([0, 0.5, -2, 0], np.float32)},
                              {"to": TensorProto.BOOL}, out=TensorProto.BOOL),
    "gather_negative": node_case("Gather", {"x": rand(5, 3)}, {"axis": 0},
                                 {"i": np.array([[-1, 0], [2, -5]], np.int64)}),
    "expand": node_case("Expand", {"x": rand(3, 1)}, {}, {"s": np.array([2, 1, 4], np.int64)}),
    "tile": node_case("Tile", {"x": rand(2, 3)}, {}, {"r": np.array([2, 1], np.int64)}),
    "trilu": node_case("Trilu", {"x": rand(4, 5)}, {"upper": 0}, {"k": np.array(1, np.int64)}),
    "dequantize_per_axis": node_case("DequantizeLinear", {"x": rng.integers(
        0, 255, (2, 3)).astype(np.uint8)}, {"axis": 1},
        {"s": np.array([0.1, 0.2, 0.3], np.float32), "z": np.array([1, 2, 3], np.uint8)},
        opset=21),
    "quantize_linear": node_case("QuantizeLinear", {"x": rand(2, 3) * 10}, {},
                                 {"s": np.array(0.1, np.float32)}, opset=21,
                                 out=TensorProto.UINT8),
    "gru": node_case("GRU", {"x": rand(4, 2, 3)},
                     {"hidden_size": 5, "linear_before_reset": 1},
                     {"w": rand(1, 15, 3) * 0.5, "r": rand(1, 15, 5) * 0.5,
                      "b": rand(1, 30) * 0.1}, outputs=2),
    "lstm_bidirectional": node_case("LSTM", {"x": rand(3, 2, 4)},
                                    {"hidden_size": 3, "direction": "bidirectional"},
                                    {"w": rand(2, 12, 4) * 0.5, "r": rand(2, 12, 3) * 0.5},
                                    outputs=3),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_conversion_matches_onnx_runtime(case):
    model, feeds = CASES[case]
    check(model, feeds, atol=1e-4)


def test_opset_6_broadcast_aligns_the_second_operand_at_axis():
    a, b = rand(2, 3, 4), rand(3)
    model, _ = node_case("Add", {"a": a}, {"broadcast": 1, "axis": 1}, {"b": b}, opset=6)
    check(model, {"a": a}, expected=[a + b.reshape(3, 1)])


def test_negative_pads_crop():
    x = rand(3, 5)
    model, _ = node_case("Pad", {"x": x}, {"mode": "edge"},
                         {"p": np.array([2, -1, 0, 2], np.int64)})
    check(model, {"x": x}, expected=[np.pad(x, ((2, 0), (0, 2)), mode="edge")[:, 1:]])


REFUSED = {
    "align_corners_linear": (node_case(
        "Resize", {"x": rand(1, 1, 3, 3)},
        {"mode": "linear", "coordinate_transformation_mode": "align_corners"},
        {"roi": np.array([], np.float32), "s": np.array([1, 1, 2, 2], np.float32)}),
        "interpolates at other points than WebNN's half-pixel mapping"),
    "cubic": (node_case("Resize", {"x": rand(1, 1, 3, 3)}, {"mode": "cubic"},
                        {"roi": np.array([], np.float32),
                         "s": np.array([1, 1, 2, 2], np.float32)}),
              "mode 'cubic'"),
    "wrap_pad": (node_case("Pad", {"x": rand(3, 3)}, {"mode": "wrap"},
                           {"p": np.array([1, 1, 1, 1], np.int64)}), "pad mode 'wrap'"),
    "runtime_shape": (node_case("Reshape", {"x": rand(2, 3),
                                            "s": np.array([3, 2], np.int64)}),
                      "input 'shape' is computed at run time"),
    "lstm_peephole": (node_case("LSTM", {"x": rand(3, 2, 4)}, {"hidden_size": 3},
                                {"w": rand(1, 12, 4), "r": rand(1, 12, 3),
                                 "b": rand(1, 24), "l": np.array([3, 3], np.int32),
                                 "h": rand(1, 2, 3), "c": rand(1, 2, 3),
                                 "p": rand(1, 9)}, outputs=1),
                      "output-gate peephole"),
    "scatter_reduction": (node_case("ScatterElements", {"x": rand(3)},
                                    {"reduction": "add"},
                                    {"i": np.array([0], np.int64), "u": rand(1)}),
                          "reduction 'add'"),
}


def test_an_unusable_input_is_reported_once():
    model, _ = node_case("Relu", {"x": np.zeros(2)})
    with pytest.raises(compiler.CompileError) as info:
        compiler.import_onnx(model, name="m.onnx")
    assert str(info.value) == "m.onnx: error: input 'x' has data type double, which WebNN lacks"


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_inexpressible_nodes_are_refused_with_the_reason(case):
    (model, _), reason = REFUSED[case]
    with pytest.raises(compiler.CompileError) as info:
        compiler.import_onnx(model, name="m.onnx")
    assert str(info.value).startswith("m.onnx: node 'y0' (")
    assert reason in str(info.value)


#: The ONNX ops ONNX Runtime's WebNN execution provider maps (its op_builder_factory.cc
#: and the ops it decomposes, default ONNX domain).
WEBNN_EP_OPS = """
Abs Add And ArgMax ArgMin AveragePool BatchNormalization Cast Ceil Clip Concat Conv
ConvInteger ConvTranspose Cos CumSum DepthToSpace DequantizeLinear Div Dropout
DynamicQuantizeLinear Einsum Elu Equal Erf Exp Expand Flatten Floor GRU Gather
GatherElements GatherND Gelu Gemm GlobalAveragePool GlobalLpPool GlobalMaxPool Greater
GreaterOrEqual GroupNormalization HardSigmoid HardSwish Identity InstanceNormalization
LRN LSTM LayerNormalization LeakyRelu Less LessOrEqual Log LpNormalization LpPool MatMul
MatMulInteger Max MaxPool Min Mul Neg Not Or PRelu Pad Pow QuantizeLinear Reciprocal
ReduceL1 ReduceL2 ReduceLogSum ReduceLogSumExp ReduceMax ReduceMean ReduceMin ReduceProd
ReduceSum ReduceSumSquare Relu Reshape Resize Round ScatterElements ScatterND Shape
Sigmoid Sign Sin Slice Softmax Softplus Softsign Split Sqrt Squeeze Sub Tan Tanh Tile
Transpose Trilu Unsqueeze Where Xor
""".split()


def test_every_op_of_onnx_runtimes_webnn_provider_is_converted():
    from compiler.frontends.onnx.importer import CONVERTERS  # (registers the tables)

    # Shape folds (shapes are static); everything else has a conversion function.
    assert [op for op in WEBNN_EP_OPS if op not in CONVERTERS and op != "Shape"] == []

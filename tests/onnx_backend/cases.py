"""The `onnx` package's backend test data, run through the ONNX importer and the JIT.

Two kinds of cases, from `onnx/backend/test/data/` of the installed `onnx`:

* node cases (`pytorch-converted/`, `pytorch-operator/`, `simple/`): a small model with
  shipped inputs and expected outputs. `run_node_case` imports it (symbolic dimensions
  bound from the shipped inputs), compiles it and compares the outputs; a model the
  importer refuses is "refused" with the importer's first reason.
* light models (`light/`: AlexNet, DenseNet121, Inception v1/v2, ResNet50, ShuffleNet,
  SqueezeNet, VGG19, ZFNet512): real architectures whose weights are `ConstantOfShape`
  fills. `randomized_light_model` gives every weight seeded random values (He-scaled
  weights, positive batch-norm scales and variances) so the comparison means something;
  `run_light_model` compiles it and compares with ONNX Runtime on a random input.

A verdict is "pass", "refused" (the importer said why WebNN cannot express the model)
or "FAIL" (anything else: a wrong result, a compile error after import, a crash).
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
from onnx import numpy_helper

DATA = Path(os.path.dirname(onnx.__file__)) / "backend" / "test" / "data"
NODE_DIRS = ("pytorch-converted", "pytorch-operator", "simple")
#: Tolerances of the comparisons (float32 outputs; integer and bool outputs are exact).
RTOL, ATOL = 1e-3, 1e-5


@dataclass
class Verdict:
    case: str
    status: str  # "pass", "refused" or "FAIL"
    reason: str = ""
    times: dict[str, float] = field(default_factory=dict)


def node_cases() -> list[Path]:
    """The directories of every node case, sorted."""
    return sorted(p.parent for d in NODE_DIRS for p in (DATA / d).glob("*/model.onnx"))


def light_models() -> list[Path]:
    return sorted((DATA / "light").glob("*.onnx"))


def _read_tensors(folder: Path, prefix: str) -> list[np.ndarray]:
    files = sorted(folder.glob(f"{prefix}_*.pb"), key=lambda p: int(p.stem.split("_")[-1]))
    out = []
    for f in files:
        proto = onnx.TensorProto()
        proto.ParseFromString(f.read_bytes())
        out.append(numpy_helper.to_array(proto))
    return out


def _graph_inputs(model: onnx.ModelProto) -> list:
    initializers = {i.name for i in model.graph.initializer}
    return [i for i in model.graph.input if i.name not in initializers]


def _dims(model: onnx.ModelProto, arrays: list[np.ndarray]) -> dict[str, int]:
    """Symbolic input dimensions bound to the sizes of the shipped inputs."""
    dims = {}
    for value_info, array in zip(_graph_inputs(model), arrays):
        for axis, dim in enumerate(value_info.type.tensor_type.shape.dim):
            if dim.HasField("dim_param") and axis < array.ndim:
                dims[dim.dim_param] = int(array.shape[axis])
    return dims


def _feed(array: np.ndarray) -> np.ndarray:
    return array.astype(np.uint8) if array.dtype == np.bool_ else array


def _first_error(err: Exception) -> str:
    lines = str(err).splitlines()
    return next((line.split("error: ", 1)[1] for line in lines if "error: " in line),
                lines[0] if lines else type(err).__name__)


def compare(name: str, actual: np.ndarray, expected: np.ndarray) -> str | None:
    """Why `actual` does not match `expected` (None when it does)."""
    if expected.dtype == np.bool_:
        expected = expected.astype(np.uint8)
    if actual.shape != expected.shape:
        return f"output '{name}' has shape {list(actual.shape)}, expected {list(expected.shape)}"
    if actual.dtype != expected.dtype:
        return f"output '{name}' has data type {actual.dtype}, expected {expected.dtype}"
    if expected.dtype.kind != "f":
        if not np.array_equal(actual, expected):
            return f"output '{name}' differs in {int((actual != expected).sum())} elements"
        return None
    close = np.isclose(actual, expected, rtol=RTOL, atol=ATOL, equal_nan=True)
    if not close.all():
        worst = float(np.nanmax(np.abs(actual.astype(np.float64) - expected)))
        return (f"output '{name}' differs in {int((~close).sum())} of {close.size} "
                f"elements (largest difference {worst:.3g})")
    return None


def run_node_case(folder: Path) -> Verdict:
    import compiler

    case = f"{folder.parent.name}/{folder.name}"
    try:
        model = onnx.load(str(folder / "model.onnx"))
        data = folder / "test_data_set_0"
        inputs, expected = _read_tensors(data, "input"), _read_tensors(data, "output")
        try:
            module = compiler.import_onnx(model, dims=_dims(model, inputs),
                                          name=f"{case}/model.onnx")
        except compiler.CompileError as err:
            return Verdict(case, "refused", _first_error(err))
        names = [i.name for i in _graph_inputs(model)]
        exe = compiler.compile(module)
        outputs = exe(**{n: _feed(a) for n, a in zip(names, inputs)})
        for (name, _), want in zip(module.outputs, expected):
            problem = compare(name, outputs[name], want)
            if problem:
                return Verdict(case, "FAIL", problem)
        return Verdict(case, "pass")
    except Exception as err:  # the harness reports any failure as a verdict
        return Verdict(case, "FAIL", _crash(err))


def _crash(err: Exception) -> str:
    import compiler

    if isinstance(err, compiler.CompileError):
        return "compile error after import: " + _first_error(err)
    frame = traceback.extract_tb(err.__traceback__)[-1]
    return f"{type(err).__name__}: {err} ({Path(frame.filename).name}:{frame.lineno})"


# --------------------------------------------------------------------------- light models
def randomized_light_model(path: Path, seed: int = 0) -> onnx.ModelProto:
    """The light model with each ConstantOfShape-filled weight a seeded random
    initializer instead: He-scaled weights (rank >= 2), small biases, and batch-norm
    scales and variances in [0.5, 1.5]."""
    model = onnx.load(str(path))
    rng = np.random.default_rng(seed)
    graph = model.graph
    constants = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    positive = {n.input[i] for n in graph.node if n.op_type == "BatchNormalization"
                for i in (1, 4) if i < len(n.input)}
    keep = []
    for node in graph.node:
        if node.op_type != "ConstantOfShape" or node.input[0] not in constants:
            keep.append(node)
            continue
        shape = [int(d) for d in constants[node.input[0]]]
        name = node.output[0]
        if name in positive:
            value = rng.uniform(0.5, 1.5, shape)
        elif len(shape) >= 2:
            value = rng.normal(0.0, np.sqrt(2.0 / max(1, int(np.prod(shape[1:])))), shape)
        else:
            value = rng.uniform(-0.1, 0.1, shape)
        graph.initializer.append(numpy_helper.from_array(value.astype(np.float32), name))
    del graph.node[:]
    graph.node.extend(keep)
    # The fill shapes are used by nothing now.
    used = {i for n in graph.node for i in n.input}
    shapes = [i for i in graph.initializer if i.name not in used and i.name in constants]
    for init in shapes:
        graph.initializer.remove(init)
    names = {i.name for i in shapes}
    inputs = [i for i in graph.input if i.name not in names]
    del graph.input[:]
    graph.input.extend(inputs)
    return model


def light_input(model: onnx.ModelProto, seed: int = 1) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    feeds = {}
    for value_info in _graph_inputs(model):
        shape = [d.dim_value for d in value_info.type.tensor_type.shape.dim]
        feeds[value_info.name] = rng.uniform(0.0, 1.0, shape).astype(np.float32)
    return feeds


def run_light_model(path: Path) -> Verdict:
    import onnxruntime as ort

    import compiler

    case = path.stem
    times: dict[str, float] = {}
    try:
        model = randomized_light_model(path)
        feeds = light_input(model)
        start = time.perf_counter()
        try:
            module = compiler.import_onnx(model, name=path.name)
        except compiler.CompileError as err:
            return Verdict(case, "refused", _first_error(err))
        times["import"] = time.perf_counter() - start
        start = time.perf_counter()
        exe = compiler.compile(module)
        times["compile"] = time.perf_counter() - start
        start = time.perf_counter()
        ours = exe(**feeds)
        times["run"] = time.perf_counter() - start
        options = ort.SessionOptions()
        options.log_severity_level = 3
        session = ort.InferenceSession(model.SerializeToString(), options,
                                       providers=["CPUExecutionProvider"])
        start = time.perf_counter()
        theirs = session.run(None, feeds)
        times["ort_run"] = time.perf_counter() - start
        for output, want in zip(session.get_outputs(), theirs):
            problem = compare(output.name, ours[output.name], want)
            if problem:
                return Verdict(case, "FAIL", problem, times)
        return Verdict(case, "pass", "", times)
    except Exception as err:
        return Verdict(case, "FAIL", _crash(err), times)

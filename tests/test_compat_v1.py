"""The frozen version 1 corpus upgrades to graphs that compute what version 1 says.

For every function of every file in `tests/lit/compat/v1/` (the lit RUN lines check the
upgraded IR text; this checks its meaning):

* the version 1 module (parsed with the v1 op set, not upgraded) runs on an oracle of
  the version 1 semantics written here in numpy, independently of the upgrade rules:
  fused activations applied after the op, "same" padding checked against the output
  sizes the CR promises, `np.squeeze`, NumPy `matmul` promotion, `np.pad(symmetric)`,
  softplus with steepness, argMin/argMax picking the first or last position of the
  extremum, ... (ops version 2 did not change run on the reference executor directly);
* the upgraded module runs op by op on the reference executor (`compiler.interpret`);
* both agree within float tolerance.

It also checks that the corpus covers every version 1 op, every option of each (given
and left at its default), every fusable activation, and that no frozen file changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
from xdsl.dialects import func
from xdsl.dialects.builtin import IntegerAttr, ModuleOp, i64

from compiler.diagnostics import DiagnosticEngine
from compiler.interpret import interpret, reference_op, run_function
from compiler.compat import parse
from compiler.ir import LocatingParser, make_context, verify
from compiler.module import Module
from dialects.webnn.base import WebNNOp
from dialects.webnn.legacy import v1
from dialects.webnn.types import TensorSpec
from runtime.values import NUMPY_DTYPES
from runtime.reference import evaluate

CORPUS = Path(__file__).resolve().parent / "lit" / "compat" / "v1"
FILES = sorted(CORPUS.glob("*.mlir"))


# ----------------------------------------------------------------------------- parsing
def v1_module(path: Path) -> ModuleOp:
    """The file as version 1 ops (verified under version 1 rules, not upgraded)."""
    text = path.read_text(encoding="utf-8")
    module = LocatingParser(make_context(v1.DIALECT), text, str(path)).parse_module()
    diags = DiagnosticEngine()
    assert verify(module, diags), diags.render_all()
    return module


def upgraded_module(path: Path) -> ModuleOp:
    diags = DiagnosticEngine()
    module = parse(path.read_text(encoding="utf-8"), str(path), diags)
    assert module is not None and verify(module, diags), diags.render_all()
    assert not diags.diagnostics, diags.render_all()
    return module


def functions(module: ModuleOp) -> dict[str, func.FuncOp]:
    return {op.sym_name.data: op for op in module.body.ops if isinstance(op, func.FuncOp)}


CASES = [(path, name) for path in FILES for name in functions(v1_module(path))]


# ----------------------------------------------------------------------------- the v1 oracle
def _softplus(x: np.ndarray, steepness: float) -> np.ndarray:
    wide = x.astype(np.float64)
    return (np.logaddexp(0.0, steepness * wide) / steepness).astype(x.dtype)


def _activate(y: np.ndarray, act: v1.FusedActivation | None) -> np.ndarray:
    """An MLActivation applied to an op's output (what fusion meant in version 1)."""
    if act is None:
        return y
    if act.name == "softplus":
        return _softplus(y, act.get("steepness"))
    return evaluate(act.name, {"input": y}, dict(act.params))[0]


def _same(mode: str, size: int, window: int, stride: int, dilation: int,
          output_padding: int | None = None) -> tuple[int, int]:
    """The CR's "same" padding of one spatial dimension: (begin, end)."""
    effective = (window - 1) * dilation + 1
    if output_padding is None:
        total = max(0, (-(-size // stride) - 1) * stride + effective - size)
    else:
        total = (size - 1) * stride + effective + output_padding - size * stride
    small, big = total // 2, total - total // 2
    return (small, big) if mode == "same-upper" else (big, small)


def _spatial(shape, layout: str) -> tuple[int, int]:
    return shape[layout.index("h")], shape[layout.index("w")]


def _conv(transpose: bool):
    def run(ops, opts):
        opts = dict(opts)
        mode, act = opts.pop("autoPad"), opts.pop("activation")
        x, w = ops["input"], ops["filter"]
        if mode != "explicit":
            size = _spatial(x.shape, opts["inputLayout"])
            window = _spatial(w.shape, opts["filterLayout"])
            pads = [_same(mode, size[i], window[i], opts["strides"][i], opts["dilations"][i],
                          opts["outputPadding"][i] if transpose else None) for i in (0, 1)]
            opts["padding"] = (*pads[0], *pads[1])
        y = evaluate("convTranspose2d" if transpose else "conv2d", ops, opts)[0]
        if mode != "explicit":  # what "same" promised
            got = _spatial(y.shape, opts["inputLayout"])
            want = tuple(n * s if transpose else -(-n // s)
                         for n, s in zip(size, opts["strides"]))
            assert got == want, (got, want)
        return [_activate(y, act)]
    return run


def _pool(kind: str):
    def run(ops, opts):
        opts = dict(opts)
        mode = opts.pop("autoPad")
        opts["outputShapeRounding"] = opts.pop("roundingType")
        x = ops["input"]
        if mode != "explicit":
            size = _spatial(x.shape, opts["layout"])
            window = opts["windowDimensions"] or size
            pads = [_same(mode, size[i], window[i], opts["strides"][i], opts["dilations"][i])
                    for i in (0, 1)]
            opts["padding"] = (*pads[0], *pads[1])
        y = evaluate(kind, ops, opts)[0]
        if mode != "explicit" and opts["outputShapeRounding"] == "floor":
            want = tuple(-(-n // s) for n, s in zip(size, opts["strides"]))
            assert _spatial(y.shape, opts["layout"]) == want  # what "same" promised
        return [y]
    return run


def _batch_normalization(ops, opts):
    opts = dict(opts)
    act = opts.pop("activation")
    return [_activate(evaluate("batchNormalization", ops, opts)[0], act)]


def _softmax(ops, opts):
    x = ops["input"].astype(np.float64)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return [(e / e.sum(axis=1, keepdims=True)).astype(ops["input"].dtype)]


def _clamp(ops, opts):
    x = ops["input"]
    low = -np.inf if opts["minValue"] is None else opts["minValue"]
    high = np.inf if opts["maxValue"] is None else opts["maxValue"]
    return [np.clip(x.astype(np.float64), low, high).astype(x.dtype)]


def _matmul(ops, opts):
    a, b = ops["a"], ops["b"]
    return [np.asarray(np.matmul(a.astype(np.float64), b.astype(np.float64))).astype(a.dtype)]


def _squeeze(ops, opts):
    x = ops["input"]
    axes = opts["axes"]
    return [np.squeeze(x) if axes is None else np.squeeze(x, axis=tuple(axes))]


def _reshape(ops, opts):
    return [np.reshape(ops["input"], [-1 if d is None else d for d in opts["newShape"]])]


def _slice(ops, opts):
    x = ops["input"]
    axes = range(x.ndim) if opts["axes"] is None else opts["axes"]
    index = [slice(None)] * x.ndim
    for axis, start, size in zip(axes, opts["starts"], opts["sizes"]):
        axis %= x.ndim
        start = start + x.shape[axis] if start < 0 else start
        index[axis] = slice(start, x.shape[axis] if size == -1 else start + size)
    return [x[tuple(index)]]


def _pad(ops, opts):
    x = ops["input"]
    mode = {"constant": "constant", "edge": "edge", "reflection": "reflect",
            "symmetric": "symmetric"}[opts["mode"]]
    extra = {"constant_values": opts["value"]} if mode == "constant" else {}
    return [np.pad(x, list(zip(opts["beginningPadding"], opts["endingPadding"])), mode,
                   **extra).astype(x.dtype)]


def _arg_reduce(kind: str):
    """argMin/argMax of 2023-12: the first (or, with selectLastIndex, the last) position
    along `axes[0]` that holds the extremum, as int64."""
    def run(ops, opts):
        x = ops["input"]
        (axis,) = opts["axes"]
        extreme = (x.max if kind == "max" else x.min)(axis=axis, keepdims=True)
        shape = [1] * x.ndim
        shape[axis] = x.shape[axis]
        position = np.arange(x.shape[axis]).reshape(shape)
        if opts["selectLastIndex"]:
            index = np.where(x == extreme, position, -1).max(axis=axis, keepdims=True)
        else:
            index = np.where(x == extreme, position, x.shape[axis]).min(axis=axis,
                                                                         keepdims=True)
        if not opts["keepDimensions"]:
            index = np.squeeze(index, axis=axis)
        return [np.asarray(index, dtype=np.int64)]
    return run


def _recurrent(kind: str):
    def run(ops, opts):
        opts = dict(opts)
        if opts["activations"] is not None:
            opts["activations"] = [a.name for a in opts["activations"]]
        return evaluate(kind, ops, opts)
    return run


V1_SEMANTICS = {
    v1.Conv2dV1: _conv(False), v1.ConvTranspose2dV1: _conv(True),
    v1.AveragePool2dV1: _pool("averagePool2d"), v1.L2Pool2dV1: _pool("l2Pool2d"),
    v1.MaxPool2dV1: _pool("maxPool2d"), v1.BatchNormalizationV1: _batch_normalization,
    v1.SoftmaxV1: _softmax,
    v1.SoftplusV1: lambda ops, opts: [_softplus(ops["input"], opts["steepness"])],
    v1.ClampV1: _clamp, v1.MatmulV1: _matmul, v1.SqueezeV1: _squeeze,
    v1.ReshapeV1: _reshape, v1.SliceV1: _slice, v1.PadV1: _pad,
    v1.Resample2dV1: lambda ops, opts: evaluate("resample2d", ops, opts),
    v1.GruV1: _recurrent("gru"), v1.GruCellV1: _recurrent("gruCell"),
    v1.LstmV1: _recurrent("lstm"), v1.LstmCellV1: _recurrent("lstmCell"),
    # 2023-12 forms the project counts as version 1 (versions.ADOPTED)
    v1.ArgMinV1: _arg_reduce("min"), v1.ArgMaxV1: _arg_reduce("max"),
    v1.NotV1: lambda ops, opts: [(ops["a"] == 0).astype(np.uint8)],
    v1.OPS["where"]: lambda ops, opts: [
        np.where(ops["condition"] != 0, ops["trueValue"], ops["falseValue"])],
}


def v1_op(op: WebNNOp, operands: dict, options: dict) -> list[np.ndarray]:
    """An op's meaning in version 1: the numpy model above, else the reference."""
    semantics = V1_SEMANTICS.get(type(op))
    return semantics(operands, options) if semantics is not None else reference_op(
        op, operands, options)


def run_v1(fn: func.FuncOp, module: ModuleOp, inputs: list[np.ndarray]) -> list[np.ndarray]:
    return run_function(fn, Module(module), inputs, v1_op)


# ----------------------------------------------------------------------------- the test
def _inputs(fn: func.FuncOp, seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for arg in fn.body.block.args:
        spec = TensorSpec.from_type(arg.type)
        dtype = NUMPY_DTYPES[spec.dtype]
        if dtype.kind == "f":
            array = rng.uniform(-2.0, 2.0, spec.shape)
            if arg.name_hint == "v" or (arg.name_hint or "").startswith("pos"):  # variance, logs
                array = np.abs(array) + 0.1
        elif dtype.kind == "u":
            array = rng.integers(0, 20, spec.shape)
        else:
            array = rng.integers(-9, 10, spec.shape)
        out.append(np.asarray(array, dtype=dtype))
    return out


@pytest.mark.parametrize("path, name", CASES,
                         ids=[f"{p.stem}:{n}" for p, n in CASES])
def test_upgraded_graph_computes_the_v1_semantics(path: Path, name: str):
    old_module = v1_module(path)
    new_module = upgraded_module(path)
    old, new = functions(old_module)[name], functions(new_module)[name]
    inputs = _inputs(old, seed=sum(map(ord, name)))
    want = run_v1(old, old_module, inputs)

    graph = Module(ModuleOp([new.clone()]))
    names = [n for n, _ in graph.inputs]
    got_by_name = interpret(graph, dict(zip(names, inputs)))
    got = list(got_by_name.values())
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want)):
        assert g.dtype == w.dtype and g.shape == w.shape, (i, g.dtype, g.shape, w.dtype, w.shape)
        assert not (w.dtype.kind == "f" and np.isnan(w).all()), f"output #{i} is all NaN"
        tol = 1e-2 if w.dtype == np.float16 else 1e-5
        np.testing.assert_allclose(g.astype(np.float64), w.astype(np.float64), rtol=tol,
                                   atol=tol, equal_nan=True, err_msg=f"output #{i}")


@pytest.mark.parametrize("path, name", CASES, ids=[f"{p.stem}:{n}" for p, n in CASES])
def test_upgraded_graph_runs_compiled(path: Path, name: str):
    """The upgraded graph, JIT-compiled, computes what the v1 semantics say."""
    import compiler

    old_module = v1_module(path)
    old, new = functions(old_module)[name], functions(upgraded_module(path))[name]
    inputs = _inputs(old, seed=sum(map(ord, name)))
    want = run_v1(old, old_module, inputs)
    graph = Module(ModuleOp([new.clone()], attributes={"webnn.version": IntegerAttr(2, i64)}))
    exe = compiler.compile(graph)
    got = list(exe(**dict(zip([n for n, _ in graph.inputs], inputs))).values())
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        assert g.dtype == w.dtype and g.shape == w.shape, (i, g.dtype, g.shape, w.dtype, w.shape)
        tol = 1e-2 if w.dtype == np.float16 else 1e-4
        np.testing.assert_allclose(g.astype(np.float64), w.astype(np.float64), rtol=tol,
                                   atol=tol, equal_nan=True, err_msg=f"output #{i}")


# ----------------------------------------------------------------------------- coverage
def _corpus_ops() -> list[WebNNOp]:
    return [op for path in FILES for op in v1_module(path).walk() if isinstance(op, WebNNOp)]


def test_corpus_covers_every_v1_op():
    """The 60 ops of the CR 2023 and the four 2023-12 ops counted as version 1."""
    used = {op.name.removeprefix("webnn.") for op in _corpus_ops()}
    assert len(v1.OP_NAMES) == 60 and len(v1.OPS) == 64
    assert set(v1.OPS) - used == set()


def test_corpus_gives_and_omits_every_v1_option():
    given: dict[str, set[str]] = {}
    omitted: dict[str, set[str]] = {}
    for op in _corpus_ops():
        for option in op.OPTIONS:
            (given if option.name in op.properties else omitted).setdefault(
                op.name, set()).add(option.name)
    missing = [f"{cls.name} {o.name} given" for cls in v1.OPS.values() for o in cls.OPTIONS
               if o.name not in given.get(cls.name, ())]
    missing += [f"{cls.name} {o.name} omitted" for cls in v1.OPS.values()
                for o in cls.OPTIONS
                if not o.required and o.name not in omitted.get(cls.name, ())]
    assert missing == []


def test_corpus_selects_the_last_of_tied_indices():
    """selectLastIndex differs from the first index only on ties: the corpus has them."""
    path = CORPUS / "argminmax.mlir"
    module = v1_module(path)
    fn = functions(module)["ties"]
    first, last, *_ = run_v1(fn, module, _inputs(fn, seed=sum(map(ord, "ties"))))
    assert (last >= first + 3).all(), (first, last)


def test_adopted_ops_keep_their_locations():
    """Every op the upgrade of a selectLastIndex argMin/argMax makes (reverse, argMax,
    constant, sub) carries the version 1 op's location."""
    path = CORPUS / "argminmax.mlir"
    old = functions(v1_module(path))["last_index"]
    new = functions(upgraded_module(path))["last_index"]
    lines = [op.location.line.data for op in old.body.block.ops if isinstance(op, WebNNOp)]
    got = [op.location.line.data for op in new.body.block.ops if isinstance(op, WebNNOp)]
    assert got == [line for line in lines for _ in range(4)]


def test_adopted_ops_write_back_as_version_1():
    """argMin/argMax with int64 indices, logicalNot and where downgrade to their 2023-12
    forms, and reading that back gives the same graph."""
    import compiler
    from passes.webnn_downgrade import downgrade

    for name in ("argminmax.mlir", "not.mlir", "where.mlir"):
        module = upgraded_module(CORPUS / name)
        if name == "argminmax.mlir":  # selectLastIndex upgrades to reverse + sub: no v1 form
            for fn in list(module.body.ops):
                if fn.sym_name.data != "first_index":
                    module.body.block.erase_op(fn)
        current = compiler.Module(module).text(debuginfo=False)
        downgrade(module, 1)
        written = compiler.Module(module).text(debuginfo=False)
        assert "webnn.version = 1" in written
        assert "logicalNot" not in written and "outputDataType" not in written
        assert ("axes = [" in written) == (name == "argminmax.mlir")
        assert ("webnn.not" in written) == (name != "argminmax.mlir")
        again = compiler.parse(written)
        assert again.text(debuginfo=False) == current


def test_corpus_fuses_every_activation_kind():
    fused = set()
    for op in _corpus_ops():
        if "activation" in op.OPTION_MAP and op.opt("activation") is not None:
            fused.add(op.opt("activation").name)
        if "activations" in op.OPTION_MAP and op.opt("activations") is not None:
            fused.update(a.name for a in op.opt("activations"))
    assert set(v1.ACTIVATIONS) - fused == set()


def test_frozen_files_are_unchanged():
    """Corpus files are never edited: a new case goes into a new file (see README.md)."""
    manifest = {}
    for line in (CORPUS / "FROZEN.sha256").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            manifest[name] = digest
    for path in FILES:
        assert path.name in manifest, f"{path.name} is not listed in FROZEN.sha256"
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == manifest[path.name], f"frozen corpus file {path.name} was edited"


def test_python_parse_upgrades_a_v1_file():
    """`compiler.parse` reads version 1 like webnn-opt does: upgraded, locations kept."""
    import compiler

    module = compiler.parse(CORPUS / "model.mlir")
    text = module.text()
    assert "webnn.version = 2" in text and "webnn.squeeze" not in text
    assert 'loc("' in text and "model.mlir" in text
    with pytest.raises(compiler.CompileError, match="which webnn version 1 does not have"):
        compiler.parse("builtin.module attributes {webnn.version = 1} {\n"
                       "  func.func @f(%x: tensor<2xi64>) -> tensor<2xi64> {\n"
                       "    func.return %x : tensor<2xi64>\n  }\n}\n")


def test_v1_definitions_load_only_for_v1_files():
    """Reading current IR imports no legacy definitions; reading a v1 file does."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    probe = ("import sys, compiler; compiler.parse(sys.argv[1]); "
             "print(any(m.startswith('dialects.webnn.legacy.v1') for m in sys.modules))")
    loaded = {}
    for path in (root / "examples" / "classifier.mlir", CORPUS / "activations.mlir"):
        result = subprocess.run([sys.executable, "-c", probe, str(path)], cwd=root,
                                capture_output=True, text=True, check=True)
        loaded[path.name] = result.stdout.strip()
    assert loaded == {"classifier.mlir": "False", "activations.mlir": "True"}

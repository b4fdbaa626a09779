"""Loader and judge for the WPT WebNN conformance data (JSON extract).

The data lives beside this module in `wpt/` (copied from upstream WPT; provenance
and licence in `wpt/README.md`), whose README describes the JSON format and the
pass/fail rules that `judge` implements. This module is executor-agnostic:
`load_cases()` turns every graph test of `conformance/*.json` into a `Case`,
`execute(case, evaluate)` runs its operators through any function with the
`runtime.reference.evaluate` signature, and `judge(case, outputs)` compares the graph
outputs with the expectations the way WPT does. It needs only numpy and the standard
library (the reference executor is imported lazily, and only to infer intermediate
shapes of multi-operator graphs).

Conversion to the `evaluate` convention: each WPT operator's `arguments` list is the
positional argument list of the builder call. The position gives the spec parameter
name (`SIGNATURES`; WPT's own labels changed over time and are ignored); a string (or
list of strings) naming a graph input or an earlier operator output is an operand,
anything else a literal that becomes an option of that name (`axis`, `newShape`,
`dataType`, ...). Entries of the `options` dictionary naming operands (`bias`, `c`,
`scale`, `initialHiddenState`, ...) become operands too. Lists become tuples.

Judging (README "How WPT decides pass/fail"):
  * each expected output must exist with the expected data type and shape;
  * expected data are first rounded to the output type (float16: nearest half);
  * an element passes at once when it equals the expected value (+0 == -0; NaN
    matches NaN, as equal bit patterns do in WPT);
  * integer outputs (including the uint8 of comparisons) must match exactly;
  * float outputs otherwise pass within the graph's tolerance: ULP (difference of the
    bit patterns read as signed 32/16-bit integers) or ATOL (absolute difference);
  * the tolerance is the sum of the per-operator bounds over the graph's operators
    (`operator_tolerance`). A graph mixing ATOL and ULP operators (none in the data)
    is judged by ATOL with the sum of its ATOL bounds;
  * expected data given as one number for a multi-element shape means "every element
    equals it", and only the first 1000 elements are compared.
Operators the README has no row for (roundEven, sign, scatter*, quantize/dequantize,
recurrent ops ...) get 0 ULP, which is what WPT's shared table does for unknown names;
callers can pass an explicit `tolerance` to `judge` instead.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from runtime.values import NUMPY_DTYPES


#: WPT compares at most this many elements of an output given as a single fill value.
MAX_FILL_COMPARE = 1000


#: The WPT data directory, part of the repository so that a fresh clone tests alone.
WPT_DIR = Path(__file__).resolve().parent / "wpt"


# ----------------------------------------------------------------- call signatures

_BINARY = ("add", "sub", "mul", "div", "max", "min", "pow", "equal", "notEqual",
           "greater", "greaterOrEqual", "lesser", "lesserOrEqual", "logicalAnd",
           "logicalOr", "logicalXor", "matmul", "gemm")
_UNARY = ("abs", "ceil", "cos", "erf", "exp", "floor", "identity", "log", "neg",
          "reciprocal", "roundEven", "sign", "sin", "sqrt", "tan", "relu", "sigmoid",
          "tanh", "clamp", "elu", "gelu", "hardSigmoid", "hardSwish", "leakyRelu",
          "linear", "softplus", "softsign", "averagePool2d", "l2Pool2d", "maxPool2d",
          "instanceNormalization", "layerNormalization", "reduceL1", "reduceL2",
          "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean", "reduceMin",
          "reduceProduct", "reduceSum", "reduceSumSquare", "transpose", "reverse",
          "triangular", "resample2d")

#: Positional parameter names of every builder method (the trailing options
#: dictionary is recognised by its `options` key wherever it appears).
SIGNATURES: dict[str, tuple[str, ...]] = {
    **{op: ("a", "b") for op in _BINARY},
    **{op: ("input",) for op in _UNARY},
    "logicalNot": ("a",), "isNaN": ("a",), "isInfinite": ("a",),
    "prelu": ("input", "slope"),
    "softmax": ("input", "axis"),
    "conv2d": ("input", "filter"),
    "convTranspose2d": ("input", "filter"),
    "batchNormalization": ("input", "mean", "variance"),
    "argMin": ("input", "axis"), "argMax": ("input", "axis"),
    "cumulativeSum": ("input", "axis"),
    "reshape": ("input", "newShape"), "expand": ("input", "newShape"),
    "concat": ("inputs", "axis"),
    "split": ("input", "splits"),
    "slice": ("input", "starts", "sizes"),
    "tile": ("input", "repetitions"),
    "pad": ("input", "beginningPadding", "endingPadding"),
    "where": ("condition", "trueValue", "falseValue"),
    "cast": ("input", "dataType"),
    "gather": ("input", "indices"), "gatherElements": ("input", "indices"),
    "gatherND": ("input", "indices"),
    "scatterElements": ("input", "indices", "updates"),
    "scatterND": ("input", "indices", "updates"),
    "quantizeLinear": ("input", "scale", "zeroPoint"),
    "dequantizeLinear": ("input", "scale", "zeroPoint"),
    "gru": ("input", "weight", "recurrentWeight", "steps", "hiddenSize"),
    "lstm": ("input", "weight", "recurrentWeight", "steps", "hiddenSize"),
    "gruCell": ("input", "weight", "recurrentWeight", "hiddenState", "hiddenSize"),
    "lstmCell": ("input", "weight", "recurrentWeight", "hiddenState", "cellState",
                 "hiddenSize"),
}

#: Options whose value is always an operand.
OPERAND_OPTIONS = frozenset({"bias", "recurrentBias", "peepholeWeight", "c", "scale",
                             "initialHiddenState", "initialCellState"})
#: String-valued options that are never operands (enum values).
ENUM_OPTIONS = frozenset({"layout", "inputLayout", "filterLayout", "mode", "direction",
                          "outputDataType", "roundingType", "outputShapeRounding",
                          "label", "dataType", "type"})


# ----------------------------------------------------------------------- data model

@dataclass(frozen=True)
class Operator:
    """One builder call: `operands` maps spec parameter names to graph operand names
    (a list of names for concat's `inputs`); `options` follows `evaluate`'s convention."""

    name: str
    operands: dict[str, str | list[str]]
    options: dict[str, Any]
    outputs: list[str]


@dataclass
class Case:
    """One WPT graph test."""

    file: str  # conformance file stem, e.g. "conv_transpose2d"
    op: str  # the file's operator, e.g. "convTranspose2d"
    name: str  # WPT test name
    inputs: dict[str, tuple[np.ndarray, bool]]  # name -> (data, is_constant)
    operators: list[Operator]
    expected: dict[str, np.ndarray]  # graph output name -> data (rounded to its type)
    filled: frozenset[str] = field(default_factory=frozenset)  # outputs given as 1 value

    @property
    def id(self) -> str:
        return f"{self.file}/{self.name}"

    def expected_dtype(self, name: str) -> str:
        return self.expected[name].dtype.name


def _number(v: Any) -> Any:
    if isinstance(v, str):
        special = {"Infinity": math.inf, "-Infinity": -math.inf, "NaN": math.nan}
        if v in special:
            return special[v]
        raise ValueError(f"unexpected string in tensor data: {v!r}")
    if v is None:
        raise ValueError("null in tensor data (a dropped non-finite value)")
    return v


def _array(data: Any, shape: list[int], dtype_name: str) -> tuple[np.ndarray, bool]:
    """Tensor data -> (read-only array, is_fill). Floats are read as doubles and then
    rounded to the type (as a JS typed array does); integers are converted exactly."""
    dtype = NUMPY_DTYPES[dtype_name]
    size = math.prod(shape)
    fill = not isinstance(data, list)
    values = [_number(data)] if fill else [_number(v) for v in data]
    if not fill and len(values) != size:
        raise ValueError(f"{len(values)} values for shape {shape}")
    if dtype.kind in "iu" and all(isinstance(v, int) for v in values):
        arr = np.array(values, dtype=dtype)
    else:
        arr = np.array(values, dtype=np.float64).astype(dtype)
    if fill:
        arr = np.broadcast_to(arr.reshape(()), tuple(shape))  # zero-copy fill
    else:
        arr = arr.reshape(shape)
    arr.flags.writeable = False
    return arr, fill and size > 1


def _literal(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_literal(x) for x in v)
    return v


def _convert_operator(raw: dict, known: set[str]) -> Operator:
    name = raw["name"]
    if name not in SIGNATURES:
        raise ValueError(f"no call signature for operator {name!r}")
    params = SIGNATURES[name]
    operands: dict[str, str | list[str]] = {}
    options: dict[str, Any] = {}
    position = 0
    for arg in raw["arguments"]:
        ((label, value),) = arg.items()
        if label == "options":
            for key, v in value.items():
                names_operand = isinstance(v, str) and v in known
                if key in OPERAND_OPTIONS or (names_operand and key not in ENUM_OPTIONS):
                    if not names_operand:
                        raise ValueError(f"{name}: option {key}={v!r} names no operand")
                    operands[key] = v
                else:
                    options[key] = _literal(v)
            continue
        if position >= len(params):
            raise ValueError(f"{name}: too many positional arguments")
        param = params[position]
        position += 1
        if isinstance(value, str) and value in known:
            operands[param] = value
        elif (isinstance(value, list) and value
              and all(isinstance(v, str) and v in known for v in value)):
            operands[param] = list(value)
        else:
            options[param] = _literal(value)
    outputs = raw["outputs"]
    outputs = [outputs] if isinstance(outputs, str) else list(outputs)
    known.update(outputs)
    return Operator(name, operands, options, outputs)


def _convert_case(file: str, op: str, test: dict) -> Case:
    graph = test["graph"]
    inputs = {}
    for name, spec in graph["inputs"].items():
        desc = spec["descriptor"]
        arr, _ = _array(spec["data"], desc.get("shape", desc.get("dimensions")),
                        desc["dataType"])
        inputs[name] = (arr, bool(spec.get("constant", False)))
    known = set(inputs)
    operators = [_convert_operator(raw, known) for raw in graph["operators"]]
    expected, filled = {}, set()
    for name, spec in graph["expectedOutputs"].items():
        desc = spec["descriptor"]
        arr, is_fill = _array(spec["data"], desc.get("shape", desc.get("dimensions")),
                              desc["dataType"])
        expected[name] = arr
        if is_fill:
            filled.add(name)
    return Case(file, op, test["name"], inputs, operators, expected, frozenset(filled))


@lru_cache(maxsize=None)
def _load_file(path: Path) -> tuple[Case, ...]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    return tuple(_convert_case(path.stem, doc["op"], t) for t in doc["tests"])


def load_cases(files: Iterable[str] | None = None) -> list[Case]:
    """Every graph test of `conformance/*.json` (or only of the given file stems),
    in file-name then file order. Arrays are read-only; cases are cached."""
    root = WPT_DIR / "conformance"
    paths = sorted(root.glob("*.json"))
    if files is not None:
        wanted = set(files)
        paths = [p for p in paths if p.stem in wanted]
    if not paths:
        raise FileNotFoundError(f"no WPT conformance files under {root}")
    return [case for p in paths for case in _load_file(p)]


# ------------------------------------------------------------------------ execution

def execute(case: Case, evaluate: Callable[..., list[np.ndarray]]) -> dict[str, np.ndarray]:
    """Run the case's operators in order with `evaluate(op, operands, options)`;
    returns every operand value by name (graph inputs, intermediates, outputs)."""
    values: dict[str, Any] = {name: arr for name, (arr, _) in case.inputs.items()}
    for op in case.operators:
        operands = {k: [values[n] for n in v] if isinstance(v, list) else values[v]
                    for k, v in op.operands.items()}
        results = evaluate(op.name, operands, dict(op.options))
        if len(results) < len(op.outputs):
            raise ValueError(f"{op.name} returned {len(results)} results, "
                             f"the graph names {len(op.outputs)}")
        values.update(zip(op.outputs, results))
    return values


# ----------------------------------------------------------------------- tolerances

_ULP_FIXED: dict[str, int | dict[str, int]] = {
    **dict.fromkeys(("relu", "clamp", "concat", "reshape", "slice", "split", "transpose",
                     "expand", "gather", "gatherElements", "gatherND", "pad", "tile",
                     "reverse", "triangular", "where", "maxPool2d", "reduceMax",
                     "reduceMin", "abs", "ceil", "floor", "neg", "identity", "max",
                     "min"), 0),
    **dict.fromkeys(("add", "sub", "mul", "leakyRelu", "prelu", "sqrt"), 1),
    **dict.fromkeys(("div", "linear", "hardSigmoid", "reciprocal"), 2),
    "softsign": 3,
    "hardSwish": 4,
    "batchNormalization": 6,
    **dict.fromkeys(("elu", "gelu", "softplus"), 18),
    "exp": {"float32": 32, "float16": 1},
    "pow": {"float32": 32, "float16": 2},
    "sigmoid": {"float32": 34, "float16": 3},
    "instanceNormalization": {"float32": 840, "float16": 8400},
    "cast": 1,  # float targets; integer targets are compared exactly anyway
}
_ATOL: dict[str, dict[str, float]] = {
    **dict.fromkeys(("cos", "sin", "tan", "erf", "tanh", "layerNormalization"),
                    {"float32": 1 / 1024, "float16": 1 / 512}),
    "log": {"float32": 1 / 1024, "float16": 1 / 1024},
}
_REDUCTION_ULP = {
    "reduceSum": lambda r: r, "reduceL1": lambda r: r, "reduceProduct": lambda r: r,
    "reduceMean": lambda r: r + 2, "reduceL2": lambda r: 2 * r + 1,
    "reduceSumSquare": lambda r: 2 * r, "reduceLogSum": lambda r: r + 18,
    "reduceLogSumExp": lambda r: 2 * r + 18,
}
# Spatial (kH, kW) positions of each filter layout.
_CONV_KERNEL_AXES = {"oihw": (2, 3), "hwio": (0, 1), "ohwi": (1, 2), "ihwo": (1, 2)}
_CONVT_KERNEL_AXES = {"iohw": (2, 3), "hwoi": (0, 1), "ohwi": (1, 2)}
#: Operators whose bound depends on operand shapes.
_SHAPE_DEPENDENT = frozenset({"matmul", "gemm", "conv2d", "convTranspose2d",
                              "averagePool2d", "l2Pool2d", "softmax", "cumulativeSum",
                              *_REDUCTION_ULP})


def operator_tolerance(op: Operator, shapes: dict[str, tuple[int, ...]],
                       dtype: str) -> tuple[str, float]:
    """(metric, bound) of one operator for an output of WebNN type `dtype`, given the
    shapes of its operands (by graph operand name)."""
    name, o = op.name, op.options

    def shape(param: str) -> tuple[int, ...]:
        return tuple(shapes[op.operands[param]])  # type: ignore[index]

    if name in _ATOL:
        return "ATOL", _ATOL[name].get(dtype, _ATOL[name]["float32"])
    if name in _ULP_FIXED:
        v = _ULP_FIXED[name]
        return "ULP", (v.get(dtype, 0) if isinstance(v, dict) else v)
    if name == "matmul":
        return "ULP", 2 * shape("a")[-1]
    if name == "gemm":
        a = shape("a")
        bound = 2 * (a[0] if o.get("aTranspose") else a[1])
        if o.get("alpha", 1.0) != 1:
            bound += 1
        beta = o.get("beta", 1.0)
        if "c" in op.operands and beta != 0:
            bound += 1 if beta == 1 else 2
        return "ULP", bound
    if name in ("conv2d", "convTranspose2d"):
        f = shape("filter")
        if name == "conv2d":
            kaxes = _CONV_KERNEL_AXES[o.get("filterLayout", "oihw")]
        else:
            kaxes = _CONVT_KERNEL_AXES[o.get("filterLayout", "iohw")]
        x = shape("input")
        cin = x[3] if o.get("inputLayout", "nchw") == "nhwc" else x[1]
        return "ULP", 2 * f[kaxes[0]] * f[kaxes[1]] * (cin // int(o.get("groups", 1)))
    if name in ("averagePool2d", "l2Pool2d"):
        x = shape("input")
        spatial = (x[1], x[2]) if o.get("layout", "nchw") == "nhwc" else (x[2], x[3])
        window = o.get("windowDimensions") or spatial
        return "ULP", window[0] * window[1] + 2
    if name == "softmax":
        x = shape("input")
        return "ULP", 3 * x[int(o["axis"]) % len(x)] + 3
    if name in _REDUCTION_ULP:
        x = shape("input")
        axes = o.get("axes")
        r = math.prod(x) if axes is None else math.prod(x[int(a)] for a in axes)
        return "ULP", _REDUCTION_ULP[name](r)
    if name == "resample2d":
        linear = o.get("mode", "nearest-neighbor") == "linear"
        return "ULP", ({"float16": 10}.get(dtype, 84) if linear else 0)
    if name == "cumulativeSum":
        x = shape("input")
        return "ULP", max(x[int(o["axis"]) % len(x)] - 1, 0)
    return "ULP", 0  # no README row: exact, like WPT's table default


def _operand_shapes(case: Case, outputs: dict[str, np.ndarray]) -> dict[str, tuple]:
    shapes = {n: a.shape for n, (a, _) in case.inputs.items()}
    shapes.update({n: np.shape(v) for n, v in outputs.items()})
    needed = {n for op in case.operators if op.name in _SHAPE_DEPENDENT
              for v in op.operands.values() for n in ([v] if isinstance(v, str) else v)}
    if needed - shapes.keys():
        # Intermediate operands of a multi-operator graph: infer by running the
        # reference executor on the case's own inputs.
        from runtime.reference import evaluate

        shapes.update({n: np.shape(v) for n, v in execute(case, evaluate).items()})
    return shapes


def graph_tolerance(case: Case, dtype: str,
                    outputs: dict[str, np.ndarray] | None = None) -> tuple[str, float]:
    """(metric, bound) of the whole graph for outputs of type `dtype`: the per-operator
    bounds summed over its operators."""
    shapes = _operand_shapes(case, outputs or {})
    parts = [operator_tolerance(op, shapes, dtype) for op in case.operators]
    atol = [v for m, v in parts if m == "ATOL"]
    if atol:
        return "ATOL", float(sum(atol))
    return "ULP", sum(v for _, v in parts)


# -------------------------------------------------------------------------- judging

def _signed_bits(x: np.ndarray) -> np.ndarray:
    view = {2: np.int16, 4: np.int32, 8: np.int64}[x.dtype.itemsize]
    return np.ascontiguousarray(x).view(view).astype(np.int64)


def compare(actual: np.ndarray, expected: np.ndarray, metric: str,
            bound: float) -> np.ndarray:
    """Boolean mask of the elements of `actual` that pass against `expected` (same
    dtype and size, flattened)."""
    a, e = actual.reshape(-1), expected.reshape(-1)
    if a.dtype.kind in "iub":
        return a == e
    ok = (a == e) | (np.isnan(a) & np.isnan(e))
    if metric == "ULP":
        dist = np.abs(_signed_bits(a) - _signed_bits(e))
        return ok | (dist <= bound)
    with np.errstate(invalid="ignore"):
        diff = np.abs(a.astype(np.float64) - e.astype(np.float64))
    return ok | (diff <= bound)


def judge(case: Case, outputs: dict[str, np.ndarray],
          tolerance: tuple[str, float] | None = None) -> list[str]:
    """Mismatch descriptions of `outputs` against the case's expectations; an empty
    list means the case passes. `tolerance` overrides the WPT-derived (metric, bound)."""
    problems: list[str] = []
    for name, expected in case.expected.items():
        if name not in outputs:
            problems.append(f"{name}: output missing")
            continue
        actual = np.asarray(outputs[name])
        if actual.dtype != expected.dtype:
            problems.append(f"{name}: data type {actual.dtype.name}, "
                            f"expected {expected.dtype.name}")
            continue
        if actual.shape != expected.shape:
            problems.append(f"{name}: shape {list(actual.shape)}, "
                            f"expected {list(expected.shape)}")
            continue
        if name in case.filled:
            n = min(MAX_FILL_COMPARE, expected.size)
            exp_flat = np.full(n, expected.flat[0])  # (no copy of a huge fill view)
            act_flat = actual.flat[:n]
        else:
            exp_flat, act_flat = expected.reshape(-1), actual.reshape(-1)
        if expected.dtype.kind in "iu":
            metric, bound = "exact", 0
        else:
            metric, bound = tolerance or graph_tolerance(case, expected.dtype.name, outputs)
        ok = compare(act_flat, exp_flat, metric, bound)
        if not ok.all():
            bad = np.flatnonzero(~ok)
            i = int(bad[0])
            a, e = act_flat[i], exp_flat[i]
            detail = ""
            if metric == "ULP":
                ulps = abs(int(_signed_bits(act_flat[i:i + 1])[0])
                           - int(_signed_bits(exp_flat[i:i + 1])[0]))
                detail = f", {ulps} ULP apart"
            elif metric == "ATOL":
                detail = f", |diff| {abs(float(a) - float(e)):.3g}"
            problems.append(
                f"{name}: {bad.size} of {ok.size} elements outside {metric} {bound:g}; "
                f"first at flat index {i}: actual {a!r}, expected {e!r}{detail}")
    return problems

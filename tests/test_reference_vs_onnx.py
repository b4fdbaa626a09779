"""The reference executor against an independent implementation, for the ops WPT has no
data for.

WPT's conformance data covers 64 of the dialect's ops; for the other 31 (computed in
`test_the_table_lists_exactly_the_ops_without_wpt_data`) the reference executor is the
only oracle of the JIT tests. Here each of them runs on seeded generated cases (edge
sizes, option combinations, edge values) and is compared with the equivalent ONNX graph
run by `onnx.reference.ReferenceEvaluator`, whose kernels were written from the ONNX
operator specs and share no code with ours.

How a case runs:
* Float operands go to ONNX in float64, where they are exact, and ONNX's result is
  rounded once to the WebNN output type: the reference's own precision policy (see
  `runtime.reference`). So the bounds are tight, in units in the last place of the
  output type (WPT's metric, `tests.conformance.wpt.compare`): 0 where both sides
  compute one float64 formula; 1 where the last bit may differ for a stated reason
  (float16 element-wise math, which the reference computes in float32 and rounds again;
  sums taken in a different order by pooling, linear resampling and recurrent cells).
  gelu has its own bound (see `_unary_checks`). Integer and uint8 results must match
  exactly. quantizeLinear alone runs in the WebNN type: its rounding depends on the
  precision of the division.
* `TABLE` says, op by op, which ONNX graph is the equivalent, what the cases cover, and
  what has no ONNX equivalent and what the cases do about it. Nothing is skipped
  silently: a row's `no_equivalent` entry is the place.
* Every case id names the op, data types, shapes and options, e.g.
  `averagePool2d-float16-1x7x7x1-nhwc-w2x3-p0110-s2x3-d1x2-ceil`.

Where WebNN and ONNX differ by definition, the generators map WebNN's semantics onto
ONNX (resample2d `scales` -> ONNX `sizes`, pooling "ceil" -> extra end padding, gate
orders -> reordered weights) and `TABLE` says why.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper
from onnx.reference import ReferenceEvaluator
from onnx.reference.ops.op_gru import GRU as _OnnxGRU
from onnx.reference.ops.op_lstm import LSTM as _OnnxLSTM

from dialects.webnn import OPS_BY_NAME
from runtime.values import NUMPY_DTYPES
from runtime.reference import evaluate
from tests.conformance.wpt import compare, load_cases

#: ONNX opset of every graph (QuantizeLinear's `precision` attribute needs 23).
OPSET = 23

FLOATS = ("float32", "float16")


# ------------------------------------------------------------------------------ table

class Row(NamedTuple):
    onnx: str  # the equivalent ONNX graph
    covered: str  # options, data types and shapes the generated cases exercise
    no_equivalent: str = ""  # what ONNX cannot express, and what the cases do about it


TABLE: dict[str, Row] = {
    "argMax": Row(
        "ArgMax(axis, keepdims, select_last_index=0) [-> Cast(int32)]",
        "ranks 1-4 (size-1 axes too), every axis, keepDimensions, outputDataType "
        "int32/int64, all 8 data types, ties (first index wins), +-inf",
        "NaN: not generated (the spec does not say which index a NaN gets)."),
    "argMin": Row(
        "ArgMin(axis, keepdims, select_last_index=0) [-> Cast(int32)]",
        "as argMax", "as argMax"),
    "averagePool2d": Row(
        "[Transpose ->] AveragePool(count_include_pad=0) [-> Transpose]",
        "global and explicit windows, padding, strides, dilations, nchw/nhwc, floor/ceil "
        "rounding, outputSizes, 1x1 inputs, float32/float16, finite data",
        "outputShapeRounding 'ceil': ONNX ceil_mode drops a last window that starts in the "
        "end padding, WebNN's formula keeps it; mapped to ceil_mode=0 with the extra end "
        "padding that gives WebNN's output size (ONNX excludes padding from the count, so "
        "the values are WebNN's). outputSizes: no ONNX attribute; mapped to the rounding "
        "that yields it, padding kept (the reference follows WPT there, where the spec "
        "text zeroes the padding; see pooling.py). Windows made only of padding: ONNX has no value for an empty "
        "window; no case has one (test_reference_ops checks the reference's 0 / lowest "
        "value). NaN data: ONNX's evaluator marks padding with NaN and drops NaN values, "
        "so the data are finite."),
    "l2Pool2d": Row(
        "[Transpose ->] LpPool(p=2) [-> Transpose]",
        "as averagePool2d",
        "as averagePool2d"),
    "maxPool2d": Row(
        "[Transpose ->] MaxPool [-> Transpose]",
        "as averagePool2d, plus int8/uint8/int32 (computed by ONNX in float64, exact)",
        "as averagePool2d (an all-padding window has no ONNX max)"),
    "cos": Row("Cos", "ranks 0-5, float32/float16, +-0, +-inf, NaN, the largest and "
                      "smallest normal numbers, subnormals"),
    "sin": Row("Sin", "as cos"),
    "tan": Row("Tan", "as cos"),
    "erf": Row("Erf", "as cos"),
    "gelu": Row("Gelu(approximate='none')", "as cos",
                "ONNX's Erf kernel rounds to float32, so its negative tail is compared "
                "with an absolute bound (see _unary_checks); test_reference_ops checks the "
                "reference's tail against normal-distribution tables."),
    "softplus": Row("Softplus", "as cos"),
    "softsign": Row("Softsign", "as cos"),
    "reciprocal": Row("Reciprocal", "as cos"),
    "roundEven": Row("Round (half to even)", "as cos, plus every kind of tie"),
    "sign": Row("Sign", "as cos, plus int32/int64/int8 with their extremes"),
    "identity": Row("Identity", "ranks 0-5, all 8 data types with their extremes"),
    "isNaN": Row("IsNaN -> Cast(uint8)", "as cos"),
    "isInfinite": Row("IsInf(detect_negative=1, detect_positive=1) -> Cast(uint8)",
                      "as cos"),
    "logicalAnd": Row(
        "Cast(bool) x2 -> And -> Cast(uint8)",
        "uint8 operands 0/1/2/127/128/255 (non-zero is true), broadcasting incl. scalars"),
    "logicalOr": Row("Cast(bool) x2 -> Or -> Cast(uint8)", "as logicalAnd"),
    "logicalXor": Row("Cast(bool) x2 -> Xor -> Cast(uint8)", "as logicalAnd"),
    "notEqual": Row(
        "Equal -> Not -> Cast(uint8)",
        "all 8 data types, broadcasting incl. scalars, +-0, +-inf, NaN, extremes"),
    "quantizeLinear": Row(
        "QuantizeLinear(axis, block_size, precision=FLOAT), run in the WebNN type",
        "per-tensor, per-axis and blocked scales, int8/uint8 zero points, float32/float16, "
        "ties to even, saturation",
        "int32/uint32 zero points: ONNX has no 32-bit QuantizeLinear output. Scales blocked "
        "along several axes: ONNX blocks along one axis; expanded to per-element scales "
        "(block_size=1) in the test. The float16 division precision is not in the spec; "
        "the reference divides in float32, which is ONNX's precision=FLOAT."),
    "dequantizeLinear": Row(
        "DequantizeLinear(axis, block_size)",
        "per-tensor, per-axis and blocked scales, int8/uint8/int32 inputs with their "
        "extremes, float32/float16 scales",
        "uint32 inputs: not an ONNX DequantizeLinear type. int32 inputs are kept below "
        "2**24 in magnitude: ONNX's evaluator converts them to float32 before subtracting "
        "the zero point. Several blocked axes: expanded as for quantizeLinear."),
    "resample2d": Row(
        "Resize(sizes, axes, coordinate_transformation_mode='half_pixel', mode nearest "
        "(nearest_mode='round_prefer_floor') or linear)",
        "both modes, scales (up, down, fractional) and sizes, every axes pair, "
        "float32/float16/int8/uint8",
        "scales: the spec computes the coordinate map from outputSize / inputSize even when "
        "scales is given (#816), so WebNN scales map to ONNX sizes = floor(in * scale). "
        "Integer linear: the spec leaves the rounding of the interpolated value open; the "
        "reference rounds half to even and saturates (pooling.py), and ONNX's float64 "
        "result is rounded the same way here."),
    "scatterElements": Row(
        "ScatterElements(axis, reduction='none')",
        "ranks 1-4, every axis, index extents 1 to the input's along the axis, negative "
        "indices, int32/int64/uint32 indices (uint32 goes to ONNX as int64), 5 data types",
        "Out-of-range indices: ONNX rejects them, WebNN clamps; not generated "
        "(test_reference_ops checks the clamp). Duplicate indices: not portable (spec), "
        "not generated."),
    "scatterND": Row(
        "ScatterND(reduction='none')",
        "index depth 1 to rank, batched indices, negative indices, 5 data types",
        "as scatterElements"),
    "gru": Row(
        "GRU(direction, linear_before_reset, activations) with B = [bias, recurrentBias]",
        "forward/backward/both, resetAfter, returnSequence, zrn/rzn layouts, optional "
        "biases and initial state, activations, 1-3 steps, float32/float16",
        "layout 'rzn': ONNX is always zrn; weights and biases are reordered by the test. "
        "activations: ONNX's evaluator ignores the attribute (always sigmoid/tanh); the "
        "cases run its recurrence with the named activations plugged in."),
    "gruCell": Row(
        "GRU with one step, initial_h = hiddenState",
        "resetAfter, zrn/rzn, optional biases, activations, float32/float16",
        "as gru"),
    "lstm": Row(
        "LSTM(direction, activations) with B = [bias, recurrentBias], P = peepholeWeight",
        "forward/backward/both, returnSequence, iofg/ifgo layouts, optional biases, "
        "peephole and initial states, activations, 1-3 steps, float32/float16, finite "
        "data",
        "layout 'ifgo': ONNX is always iofc; reordered by the test. activations: as gru. "
        "Output-gate peephole: ONNX multiplies it with the new cell state, the spec's "
        "lstmCell emulation with the previous one; over several steps ONNX cannot say the "
        "latter, so the o block of lstm's generated peephole weights is zero (the i and f "
        "blocks are compared)."),
    "lstmCell": Row(
        "LSTM with one step, initial_h/initial_c = hiddenState/cellState",
        "iofg/ifgo, optional biases and peephole, activations, float32/float16, finite data",
        "layout and activations: as lstm. Output-gate peephole: for one step the previous "
        "cell state is known, so p_o * cellState is folded into ONNX's output-gate bias "
        "(one ONNX run per batch row) and the whole peephole is compared."),
}


# ------------------------------------------------------------------------------ cases

@dataclass(frozen=True)
class Check:
    """One generated case: the WebNN call, and ONNX's results in WebNN output types."""

    id: str
    op: str
    operands: dict[str, Any]
    options: dict[str, Any]
    onnx: Callable[[], list[np.ndarray]] = field(repr=False)
    ulp: int = 0  # float bound, in ULPs of the output type
    atol: float = 0.0  # alternative absolute float bound (an element passes either)


def rng_for(case_id: str) -> np.random.Generator:
    """A generator seeded by the case id: every case has its own reproducible data."""
    return np.random.default_rng(zlib.crc32(case_id.encode()))


def dims(shape) -> str:
    return "x".join(map(str, shape)) or "scalar"


def f64(a: np.ndarray) -> np.ndarray:
    """Float operands go to ONNX in float64 (exactly); the rest unchanged."""
    return a.astype(np.float64) if a.dtype.kind == "f" else a


def run_onnx(nodes: list[onnx.NodeProto], feeds: dict[str, np.ndarray],
             outputs: list[str], new_ops=()) -> list[np.ndarray]:
    """Run `nodes` as a graph whose inputs are named after `feeds`."""
    inputs = [helper.make_tensor_value_info(
        name, helper.np_dtype_to_tensor_dtype(a.dtype), a.shape) for name, a in feeds.items()]
    outs = [helper.make_tensor_value_info(name, TensorProto.UNDEFINED, None)
            for name in outputs]
    model = helper.make_model(helper.make_graph(nodes, "check", inputs, outs),
                              opset_imports=[helper.make_opsetid("", OPSET)])
    # inf - inf, 0 * inf and friends are the IEEE results the cases ask for.
    with np.errstate(all="ignore"):
        return ReferenceEvaluator(model, new_ops=list(new_ops)).run(None, feeds)


def node(op_type: str, inputs: list[str], outputs: list[str], **attrs) -> onnx.NodeProto:
    return helper.make_node(op_type, inputs, outputs, **attrs)


def to_type(a: np.ndarray, dtype: np.dtype | str) -> np.ndarray:
    """Round ONNX's (float64) result once to the WebNN output type."""
    with np.errstate(all="ignore"):
        return np.asarray(a).astype(dtype)


def random_values(rng: np.random.Generator, shape, dtype: str, lo=-4.0, hi=4.0) -> np.ndarray:
    """Uniform data in [lo, hi] (integers: the type's range intersected with it)."""
    dt = np.dtype(dtype)
    if dt.kind == "f":
        return rng.uniform(lo, hi, size=shape).astype(dt)
    info = np.iinfo(dt)
    return rng.integers(max(info.min, int(lo)), min(info.max, int(hi)) + 1,
                        size=shape, dtype=dt)


def edge_values(dtype: str) -> np.ndarray:
    """The values every element-wise op should see: signed zeros, infinities, NaN, the
    type's extremes, the smallest normal and subnormal numbers."""
    dt = np.dtype(dtype)
    if dt.kind == "f":
        fi = np.finfo(dt)
        return np.array([0.0, -0.0, np.inf, -np.inf, np.nan, fi.max, -fi.max,
                         fi.tiny, -fi.tiny, fi.smallest_subnormal, 1.0, -1.0], dt)
    ii = np.iinfo(dt)
    return np.array([0, 1, ii.max, ii.min, ii.max - 1, ii.min + 1], dt)


def with_edges(x: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """`x` with its first elements replaced by `edges` (as many as fit)."""
    flat = x.reshape(-1).copy()
    n = min(flat.size, edges.size)
    flat[:n] = edges[:n]
    return flat.reshape(x.shape)


# ------------------------------------------------------------------- element-wise

_UNARY: dict[str, tuple[str, tuple[str, ...], tuple[float, float]]] = {
    # op: (ONNX op, data types, range of the random data)
    "cos": ("Cos", FLOATS, (-10, 10)),
    "sin": ("Sin", FLOATS, (-10, 10)),
    "tan": ("Tan", FLOATS, (-4, 4)),
    "erf": ("Erf", FLOATS, (-4, 4)),
    "gelu": ("Gelu", FLOATS, (-6, 6)),
    "softplus": ("Softplus", FLOATS, (-30, 30)),
    "softsign": ("Softsign", FLOATS, (-20, 20)),
    "reciprocal": ("Reciprocal", FLOATS, (-8, 8)),
    "roundEven": ("Round", FLOATS, (-6, 6)),
    "sign": ("Sign", (*FLOATS, "int32", "int64", "int8"), (-5, 5)),
    "identity": ("Identity", (*FLOATS, "int32", "uint32", "int64", "uint64", "int8", "uint8"),
                 (-100, 100)),
    "isNaN": ("IsNaN", FLOATS, (-4, 4)),
    "isInfinite": ("IsInf", FLOATS, (-4, 4)),
}
_UNARY_SHAPES = ((), (1,), (7,), (2, 3, 4), (1, 2, 1, 3, 2))
#: Extra values for roundEven: ties on both sides of every parity, and the largest ties.
_TIES = {"float32": [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 4194304.5, -4194304.5, 0.49999997],
         "float16": [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 512.5, -512.5, 0.4998]}


def _unary_checks() -> Iterator[Check]:
    for op, (onnx_op, dtypes, (lo, hi)) in _UNARY.items():
        for dtype in dtypes:
            for shape in _UNARY_SHAPES:
                cid = f"{op}-{dtype}-{dims(shape)}"
                x = random_values(rng_for(cid), shape, dtype, lo, hi)
                edges = edge_values(dtype)
                if op == "roundEven":
                    edges = np.concatenate([np.array(_TIES[dtype], dtype), edges])
                x = with_edges(x, edges)
                out_type = "uint8" if op in ("isNaN", "isInfinite") else dtype

                def onnx_fn(x=x, onnx_op=onnx_op, out_type=out_type):
                    nodes = [node(onnx_op, ["x"], ["y"])]
                    if out_type == "uint8":
                        nodes = [node(onnx_op, ["x"], ["b"]),
                                 node("Cast", ["b"], ["y"], to=TensorProto.UINT8)]
                    # Scalars run as 1-element vectors: ONNX's Softsign kernel fails
                    # on rank 0 (it divides into a 0-d `out` array).
                    y = run_onnx(nodes, {"x": f64(x).reshape(x.shape or (1,))}, ["y"])[0]
                    return [to_type(y.reshape(x.shape), out_type)]

                exact = op in ("roundEven", "sign", "identity", "reciprocal")
                ulp, atol = (0 if exact or dtype == "float32" else 1), 0.0
                if op == "gelu":
                    # ONNX's Gelu is a function whose Erf kernel returns float32 whatever
                    # its input type: its result is rounded twice (1 ULP), and its 1 + erf
                    # is a multiple of 2**-24 near 0, which is off by up to |x| * 2**-25
                    # (< 2e-7 for the data's |x| <= 6) in the negative tail.
                    ulp, atol = 1, 2e-7
                name = "a" if op in ("isNaN", "isInfinite") else "input"
                yield Check(cid, op, {name: x}, {}, onnx_fn, ulp=ulp, atol=atol)


_BROADCASTS = (((), ()), ((5,), ()), ((), (2, 3)), ((6,), (6,)), ((2, 3), (3,)),
               ((4, 1), (1, 5)), ((2, 1, 3), (4, 1)), ((1, 2, 1, 3, 1), (2, 1, 1, 2)))


def _logical_checks() -> Iterator[Check]:
    onnx_ops = {"logicalAnd": "And", "logicalOr": "Or", "logicalXor": "Xor"}
    for op, onnx_op in onnx_ops.items():
        for sa, sb in _BROADCASTS:
            cid = f"{op}-uint8-{dims(sa)}-{dims(sb)}"
            rng = rng_for(cid)
            pool = np.array([0, 1, 2, 127, 128, 255], np.uint8)
            a, b = rng.choice(pool, size=sa), rng.choice(pool, size=sb)
            a, b = np.asarray(a, np.uint8), np.asarray(b, np.uint8)

            def onnx_fn(a=a, b=b, onnx_op=onnx_op):
                nodes = [node("Cast", ["a"], ["ba"], to=TensorProto.BOOL),
                         node("Cast", ["b"], ["bb"], to=TensorProto.BOOL),
                         node(onnx_op, ["ba", "bb"], ["r"]),
                         node("Cast", ["r"], ["y"], to=TensorProto.UINT8)]
                return [run_onnx(nodes, {"a": a, "b": b}, ["y"])[0]]

            yield Check(cid, op, {"a": a, "b": b}, {}, onnx_fn)
    for dtype in NUMPY_DTYPES:
        for sa, sb in _BROADCASTS:
            cid = f"notEqual-{dtype}-{dims(sa)}-{dims(sb)}"
            rng = rng_for(cid)
            # Few distinct values, so that many elements are equal.
            pool = np.concatenate([edge_values(dtype)[:6], random_values(rng, (3,), dtype)])
            a = np.asarray(rng.choice(pool, size=sa), dtype)
            b = np.asarray(rng.choice(pool, size=sb), dtype)

            def onnx_fn(a=a, b=b):
                nodes = [node("Equal", ["a", "b"], ["e"]), node("Not", ["e"], ["n"]),
                         node("Cast", ["n"], ["y"], to=TensorProto.UINT8)]
                return [run_onnx(nodes, {"a": f64(a), "b": f64(b)}, ["y"])[0]]

            yield Check(cid, "notEqual", {"a": a, "b": b}, {}, onnx_fn)


# ---------------------------------------------------------------------- argMin/argMax

def _arg_checks() -> Iterator[Check]:
    shapes = ((1,), (6,), (3, 4), (2, 3, 4), (2, 1, 3, 2))
    for op, onnx_op in (("argMax", "ArgMax"), ("argMin", "ArgMin")):
        for dtype in NUMPY_DTYPES:
            for shape in shapes:
                for axis in range(len(shape)):
                    keep = axis % 2 == 0
                    out = "int64" if (axis + len(shape)) % 2 else "int32"
                    cid = f"{op}-{dtype}-{dims(shape)}-axis{axis}-keep{int(keep)}-{out}"
                    rng = rng_for(cid)
                    # Few distinct values: ties are common, and must pick the first index.
                    x = random_values(rng, shape, dtype, -3, 3)
                    if x.size > 4:  # the extremes, tied (the largest integers need
                        # exact comparisons: uint64 max - 1 is not a float64)
                        big = (np.inf, -np.inf, np.inf) if dtype in FLOATS else (
                            np.iinfo(dtype).max, np.iinfo(dtype).min, np.iinfo(dtype).max - 1,
                            np.iinfo(dtype).max)
                        x = with_edges(x, np.array(big, dtype))

                    def onnx_fn(x=x, onnx_op=onnx_op, axis=axis, keep=keep, out=out):
                        y = run_onnx([node(onnx_op, ["x"], ["y"], axis=axis,
                                           keepdims=int(keep), select_last_index=0)],
                                     {"x": f64(x)}, ["y"])[0]
                        return [to_type(y, out)]

                    yield Check(cid, op, {"input": x},
                                {"axis": axis, "keepDimensions": keep, "outputDataType": out},
                                onnx_fn)


# ---------------------------------------------------------------------------- pools

class _Pool(NamedTuple):
    shape: tuple[int, int, int, int]  # NCHW
    window: tuple[int, int] | None = None  # None: global
    padding: tuple[int, int, int, int] = (0, 0, 0, 0)
    strides: tuple[int, int] = (1, 1)
    dilations: tuple[int, int] = (1, 1)
    rounding: str = "floor"
    sizes: str = ""  # "", "floor" or "ceil": pass outputSizes equal to that rounding


_POOLS = (
    _Pool((1, 1, 1, 1)),
    _Pool((2, 3, 5, 4)),
    _Pool((1, 2, 4, 4), (2, 2), strides=(2, 2)),
    _Pool((1, 2, 5, 6), (3, 2), padding=(1, 0, 1, 1), strides=(1, 2)),
    _Pool((1, 1, 7, 6), (2, 3), padding=(1, 1, 0, 2), dilations=(2, 1)),
    _Pool((2, 2, 5, 5), (3, 3), padding=(1, 1, 1, 1), strides=(2, 2), rounding="ceil"),
    _Pool((1, 2, 7, 8), (2, 2), strides=(3, 3), rounding="ceil"),
    _Pool((1, 1, 7, 7), (2, 3), padding=(0, 1, 1, 0), strides=(2, 3), dilations=(1, 2),
          rounding="ceil"),
    _Pool((1, 2, 5, 5), (2, 2), strides=(2, 2), sizes="ceil"),
    _Pool((1, 2, 6, 5), (3, 2), padding=(1, 1, 0, 0), strides=(2, 2), sizes="floor"),
    _Pool((1, 3, 4, 5), (1, 1), strides=(2, 1)),
    _Pool((1, 1, 3, 3), (3, 3), padding=(2, 2, 2, 2)),
)


def _pool_geometry(p: _Pool):
    """(window, output size, extra end padding for ONNX) of a pool case."""
    _, _, h, w = p.shape
    window = p.window or (h, w)
    out, extra = [], []
    for i, size in enumerate((h, w)):
        eff = (window[i] - 1) * p.dilations[i] + 1
        begin, end = p.padding[2 * i], p.padding[2 * i + 1]
        span = size + begin + end - eff
        rounding = p.sizes or p.rounding
        n = (math.ceil if rounding == "ceil" else math.floor)(span / p.strides[i]) + 1
        out.append(n)
        extra.append(max(0, (n - 1) * p.strides[i] + eff - size - begin - end))
        # Every window must hold at least one real cell (see TABLE).
        for k in range(n):
            start = k * p.strides[i] - begin
            taps = [start + t * p.dilations[i] for t in range(window[i])]
            assert any(0 <= t < size for t in taps), f"window {k} of {p} is all padding"
    return window, out, extra


def _pool_checks() -> Iterator[Check]:
    onnx_ops = {"averagePool2d": ("AveragePool", {"count_include_pad": 0}),
                "l2Pool2d": ("LpPool", {"p": 2}), "maxPool2d": ("MaxPool", {})}
    for op, (onnx_op, attrs) in onnx_ops.items():
        dtypes = FLOATS + (("int8", "uint8", "int32") if op == "maxPool2d" else ())
        for n, p in enumerate(_POOLS):
            for dtype in dtypes:
                if dtype not in FLOATS and n % 3:
                    continue  # integer max pooling: a third of the geometries
                layout = "nhwc" if (n + len(dtype)) % 2 else "nchw"
                window, out, extra = _pool_geometry(p)
                options: dict[str, Any] = {"layout": layout}
                desc = [layout]
                if p.window:
                    options["windowDimensions"] = list(p.window)
                    desc.append(f"w{dims(p.window)}")
                if any(p.padding):
                    options["padding"] = list(p.padding)
                    desc.append("p" + "".join(map(str, p.padding)))
                if p.strides != (1, 1):
                    options["strides"] = list(p.strides)
                    desc.append(f"s{dims(p.strides)}")
                if p.dilations != (1, 1):
                    options["dilations"] = list(p.dilations)
                    desc.append(f"d{dims(p.dilations)}")
                if p.rounding != "floor":
                    options["outputShapeRounding"] = p.rounding
                    desc.append(p.rounding)
                if p.sizes:
                    options["outputSizes"] = out
                    desc.append(f"sizes{dims(out)}-{p.sizes}")
                shape = p.shape if layout == "nchw" else (
                    p.shape[0], p.shape[2], p.shape[3], p.shape[1])
                cid = f"{op}-{dtype}-{dims(shape)}-" + "-".join(desc)
                x = random_values(rng_for(cid), shape, dtype, -8, 8)

                def onnx_fn(x=x, onnx_op=onnx_op, attrs=attrs, window=window, p=p,
                            extra=extra, layout=layout, dtype=dtype):
                    pads = [p.padding[0], p.padding[2], p.padding[1] + extra[0],
                            p.padding[3] + extra[1]]
                    pool = node(onnx_op, ["xt" if layout == "nhwc" else "x"],
                                ["yt" if layout == "nhwc" else "y"],
                                kernel_shape=list(window), pads=pads,
                                strides=list(p.strides), dilations=list(p.dilations),
                                ceil_mode=0, **attrs)
                    nodes = [pool]
                    if layout == "nhwc":
                        nodes = [node("Transpose", ["x"], ["xt"], perm=[0, 3, 1, 2]), pool,
                                 node("Transpose", ["yt"], ["y"], perm=[0, 2, 3, 1])]
                    x64 = x.astype(np.float64)  # integers are exact in float64 too
                    return [to_type(run_onnx(nodes, {"x": x64}, ["y"])[0], dtype)]

                yield Check(cid, op, {"input": x}, options, onnx_fn,
                            ulp=0 if op == "maxPool2d" else 1)


# ----------------------------------------------------------------------- resample2d

_RESAMPLES = (
    # (NCHW shape, axes, scales or None, sizes or None)
    ((1, 1, 2, 3), (2, 3), (2.0, 2.0), None),
    ((1, 2, 4, 4), (2, 3), (0.5, 0.5), None),
    ((1, 1, 5, 3), (2, 3), (1.5, 2.5), None),
    ((2, 1, 7, 5), (2, 3), (0.6, 1.25), None),
    ((1, 1, 3, 4), (2, 3), None, (7, 2)),
    ((1, 3, 4, 1), (1, 2), None, (5, 6)),
    ((3, 4, 2, 1), (0, 1), (1.0, 0.75), None),
    ((1, 2, 3, 4), (3, 2), None, (8, 1)),
    ((1, 1, 1, 1), (2, 3), (3.0, 1.0), None),
    ((1, 2, 10, 5), (2, 3), (0.7, 1.3), None),
)


def _resample_checks() -> Iterator[Check]:
    for shape, axes, scales, sizes in _RESAMPLES:
        for mode in ("nearest-neighbor", "linear"):
            for dtype in (*FLOATS, "int8", "uint8"):
                if dtype in ("int8", "uint8") and (mode == "nearest-neighbor") == (
                        dtype == "int8"):
                    continue  # each integer type with one mode per geometry
                # WebNN scales are floats (float32): 10 * 0.7 is 6.
                out = list(sizes) if sizes else [
                    math.floor(shape[a] * float(np.float32(s))) for a, s in zip(axes, scales)]
                options: dict[str, Any] = {"mode": mode, "axes": list(axes)}
                if sizes:
                    options["sizes"] = list(sizes)
                    what = f"sizes{dims(sizes)}"
                else:
                    options["scales"] = list(scales)
                    what = "scales" + "x".join(f"{s:g}" for s in scales)
                cid = (f"resample2d-{dtype}-{dims(shape)}-{mode}-axes"
                       f"{''.join(map(str, axes))}-{what}")
                lo, hi = (-100, 100) if dtype != "uint8" else (0, 255)
                x = random_values(rng_for(cid), shape, dtype, lo, hi)

                def onnx_fn(x=x, mode=mode, axes=axes, out=out, dtype=dtype):
                    attrs = {"mode": "nearest", "nearest_mode": "round_prefer_floor"} \
                        if mode == "nearest-neighbor" else {"mode": "linear"}
                    resize = node("Resize", ["x", "", "", "sizes"], ["y"], axes=list(axes),
                                  coordinate_transformation_mode="half_pixel", **attrs)
                    feeds = {"x": x.astype(np.float64), "sizes": np.array(out, np.int64)}
                    y = run_onnx([resize], feeds, ["y"])[0]
                    if np.dtype(dtype).kind in "iu":  # the reference's documented rounding
                        info = np.iinfo(dtype)
                        y = np.clip(np.rint(y), info.min, info.max)
                    return [to_type(y, dtype)]

                yield Check(cid, "resample2d", {"input": x}, options, onnx_fn,
                            ulp=1 if mode == "linear" else 0)


# ---------------------------------------------------------------------- quantization

class _Quant(NamedTuple):
    shape: tuple[int, ...]
    scale_shape: tuple[int, ...]  # WebNN's block-wise broadcast shape


_QUANTS = (
    _Quant((5,), ()),
    _Quant((2, 3), (1, 1)),
    _Quant((2, 3, 4), (3, 1)),  # per-axis, axis 1
    _Quant((4, 6), (4, 1)),  # per-axis, axis 0
    _Quant((2, 8), (2, 4)),  # blocks of 2 along axis 1
    _Quant((6, 2, 2), (2, 2, 2)),  # blocks of 3 along axis 0
    _Quant((2, 4, 6), (1, 2, 3)),  # blocks along two axes
    _Quant((3, 4), (3, 4)),  # per element
)


def _onnx_scale_layout(shape, scale_shape):
    """(axis, block_size, reshape): ONNX's view of a WebNN scale shape. block_size 0 is
    per-tensor (reshape ()) or per-axis (a 1-D reshape); otherwise the scale is blocked
    along `axis`, reshaped to the input's rank, or "expand"ed to the input's shape."""
    full = (1,) * (len(shape) - len(scale_shape)) + tuple(scale_shape)
    if all(s == 1 for s in full):
        return 1, 0, ()
    differing = [d for d, (s, n) in enumerate(zip(full, shape)) if s != 1]
    if len(differing) == 1 and full[differing[0]] == shape[differing[0]]:
        return differing[0], 0, (shape[differing[0]],)  # per-axis: 1-D scale
    blocked = [d for d, (s, n) in enumerate(zip(full, shape)) if s != n]
    if len(blocked) == 1:
        return blocked[0], shape[blocked[0]] // full[blocked[0]], full
    if not blocked:
        return 0, 1, full
    return 0, 1, "expand"


def _expand_blocks(v: np.ndarray, shape) -> np.ndarray:
    full = v.reshape((1,) * (len(shape) - v.ndim) + v.shape)
    for axis, (have, want) in enumerate(zip(full.shape, shape)):
        full = np.repeat(full, want // have, axis=axis)
    return full


def _quant_checks() -> Iterator[Check]:
    for q in _QUANTS:
        axis, block, reshape = _onnx_scale_layout(q.shape, q.scale_shape)
        kind = ("tensor" if reshape == () else "axis" if block == 0 else
                "expanded" if reshape == "expand" else f"block{block}")

        def layout(v, shape=q.shape, reshape=reshape):
            if reshape == "expand":
                return _expand_blocks(v, shape)
            return v.reshape(reshape)

        for dtype in FLOATS:
            for zdtype in ("int8", "uint8"):
                cid = (f"quantizeLinear-{dtype}-{dims(q.shape)}-scale{dims(q.scale_shape)}-"
                       f"{zdtype}-{kind}")
                rng = rng_for(cid)
                # Powers of two make exact ties of x / scale; the others are arbitrary.
                scale = rng.choice([0.25, 0.5, 2.0, 0.1, 0.37, 3.3],
                                   size=q.scale_shape).astype(dtype)
                zero = random_values(rng, q.scale_shape, zdtype, -20, 150)
                s = _expand_blocks(scale, q.shape).astype(np.float64)
                # Quotients in [-200, 300]: halves (ties), saturation at both ends.
                x = (np.round(rng.uniform(-200, 300, q.shape) * 2) / 2 * s).astype(dtype)

                def onnx_fn(x=x, scale=scale, zero=zero, axis=axis, block=block,
                            layout=layout):
                    attrs = {"axis": axis, "precision": TensorProto.FLOAT}
                    if block:
                        attrs["block_size"] = block
                    feeds = {"x": x, "s": layout(scale), "z": layout(zero)}
                    return run_onnx([node("QuantizeLinear", ["x", "s", "z"], ["y"], **attrs)],
                                    feeds, ["y"])

                yield Check(cid, "quantizeLinear",
                            {"input": x, "scale": scale, "zeroPoint": zero}, {}, onnx_fn)
        for xdtype in ("int8", "uint8", "int32"):
            for dtype in FLOATS:
                cid = (f"dequantizeLinear-{xdtype}-{dims(q.shape)}-scale{dims(q.scale_shape)}-"
                       f"{dtype}-{kind}")
                rng = rng_for(cid)
                bound = 2 ** 24 - 1 if xdtype == "int32" else 255
                x = with_edges(random_values(rng, q.shape, xdtype, -bound, bound),
                               np.array([-bound, bound, 0], np.int64).clip(
                                   np.iinfo(xdtype).min, np.iinfo(xdtype).max).astype(xdtype))
                scale = rng.uniform(0.01, 4, q.scale_shape).astype(dtype)
                zero = random_values(rng, q.scale_shape, xdtype, -100, 200)

                def onnx_fn(x=x, scale=scale, zero=zero, axis=axis, block=block,
                            layout=layout, dtype=dtype):
                    attrs = {"axis": axis}
                    if block:
                        attrs["block_size"] = block
                    feeds = {"x": x, "s": layout(scale).astype(np.float64),
                             "z": layout(zero)}
                    y = run_onnx([node("DequantizeLinear", ["x", "s", "z"], ["y"], **attrs)],
                                 feeds, ["y"])[0]
                    return [to_type(y, dtype)]

                yield Check(cid, "dequantizeLinear",
                            {"input": x, "scale": scale, "zeroPoint": zero}, {}, onnx_fn)


# -------------------------------------------------------------------------- scatter

_SCATTER_DTYPES = ("float32", "float16", "int32", "int64", "uint8")
_INDEX_DTYPES = ("int32", "int64", "uint32")


def _unique_along(rng, in_shape, idx_shape, axis) -> np.ndarray:
    """Indices of `idx_shape` into `in_shape` along `axis`, without duplicates in any
    line along the axis, negative (from the end) at random."""
    idx = np.empty(idx_shape, np.int64)
    moved = np.moveaxis(idx, axis, -1)
    for pos in np.ndindex(moved.shape[:-1]):
        moved[pos] = rng.choice(in_shape[axis], size=moved.shape[-1], replace=False)
    negative = rng.random(idx_shape) < 0.3
    return np.where(negative, idx - in_shape[axis], idx)


def _scatter_checks() -> Iterator[Check]:
    # Indices have the input's shape except along the axis (spec; ONNX would allow
    # smaller extents elsewhere).
    elements = (((6,), (3,), 0), ((3, 4), (2, 4), 0), ((3, 4), (3, 2), 1),
                ((2, 3, 4), (2, 3, 4), 2), ((2, 3, 4), (2, 1, 4), 1),
                ((2, 2, 3, 2), (2, 2, 3, 1), 3), ((1,), (1,), 0))
    for n, (shape, ishape, axis) in enumerate(elements):
        for m, dtype in enumerate(_SCATTER_DTYPES):
            itype = _INDEX_DTYPES[(n + m) % 3]
            cid = (f"scatterElements-{dtype}-{dims(shape)}-indices{dims(ishape)}-{itype}-"
                   f"axis{axis}")
            rng = rng_for(cid)
            x = random_values(rng, shape, dtype, -50, 50)
            idx = _unique_along(rng, shape, ishape, axis)
            if itype == "uint32":
                idx = np.where(idx < 0, idx + shape[axis], idx)
            idx = idx.astype(itype)
            upd = random_values(rng, ishape, dtype, -50, 50)

            def onnx_fn(x=x, idx=idx, upd=upd, axis=axis):
                feeds = {"x": f64(x), "i": idx.astype(np.int64), "u": f64(upd)}
                y = run_onnx([node("ScatterElements", ["x", "i", "u"], ["y"], axis=axis)],
                             feeds, ["y"])[0]
                return [to_type(y, x.dtype)]

            yield Check(cid, "scatterElements", {"input": x, "indices": idx, "updates": upd},
                        {"axis": axis}, onnx_fn)
    nds = (((8,), (4, 1)), ((4, 3), (2, 1)), ((4, 3), (5, 2)), ((2, 3, 4), (2, 2, 2)),
           ((2, 3, 4), (3,)), ((3, 2, 2, 2), (1, 2, 3)), ((2, 2), (1, 2)))
    for n, (shape, ishape) in enumerate(nds):
        for m, dtype in enumerate(_SCATTER_DTYPES):
            itype = _INDEX_DTYPES[(n + m) % 3]
            k = ishape[-1]
            cid = f"scatterND-{dtype}-{dims(shape)}-indices{dims(ishape)}-{itype}"
            rng = rng_for(cid)
            x = random_values(rng, shape, dtype, -50, 50)
            count = math.prod(ishape[:-1])
            cells = rng.choice(math.prod(shape[:k]), size=count, replace=False)
            idx = np.stack(np.unravel_index(cells, shape[:k]), axis=-1).reshape(ishape)
            if itype != "uint32":
                idx = np.where(rng.random(ishape) < 0.3, idx - np.array(shape[:k]), idx)
            idx = idx.astype(itype)
            upd = random_values(rng, ishape[:-1] + shape[k:], dtype, -50, 50)

            def onnx_fn(x=x, idx=idx, upd=upd):
                feeds = {"x": f64(x), "i": idx.astype(np.int64), "u": f64(upd)}
                y = run_onnx([node("ScatterND", ["x", "i", "u"], ["y"])], feeds, ["y"])[0]
                return [to_type(y, x.dtype)]

            yield Check(cid, "scatterND", {"input": x, "indices": idx, "updates": upd}, {},
                        onnx_fn)


# ------------------------------------------------------------------------ recurrent

_ACTIVATIONS = {"sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)), "tanh": np.tanh,
                "relu": lambda v: np.maximum(v, 0.0)}


def _activations_of(node_run) -> list[Callable]:
    names = node_run.activations or []
    return [_ACTIVATIONS[(n.decode() if isinstance(n, bytes) else n).lower()] for n in names]


class GRU(_OnnxGRU):
    """ONNX's GRU recurrence with its `activations` attribute honoured (the evaluator
    always uses sigmoid and tanh); both directions use the first two, as in WebNN."""

    op_domain = ""

    def _run(self, *args, **kwargs):
        acts = _activations_of(self)
        if acts:
            self.f, self.g = acts[0], acts[1]
        return super()._run(*args, **kwargs)


class LSTM(_OnnxLSTM):
    """ONNX's LSTM recurrence with its `activations` attribute honoured (see GRU)."""

    op_domain = ""

    def _run(self, *args, **kwargs):
        acts = _activations_of(self)
        if acts:
            self.f, self.g, self.h = acts[0], acts[1], acts[2]
        return super()._run(*args, **kwargs)


#: WebNN gate layout -> the permutation of its gate blocks that gives ONNX's order.
_TO_ONNX_GATES = {"zrn": (0, 1, 2), "rzn": (1, 0, 2), "iofg": (0, 1, 2, 3),
                  "ifgo": (0, 3, 1, 2)}


def _reorder_gates(v: np.ndarray, order) -> np.ndarray:
    """The gate blocks of `v` (axis 1 of [dirs, gates * hidden, ...]) in `order`."""
    blocks = np.split(v, len(order), axis=1)
    return np.concatenate([blocks[k] for k in order], axis=1)


def _gates_to_onnx(v: np.ndarray, layout: str) -> np.ndarray:
    return _reorder_gates(v, _TO_ONNX_GATES[layout])


class _Rnn(NamedTuple):
    steps: int
    batch: int
    input_size: int
    hidden: int
    direction: str = "forward"
    layout: str = ""  # "" = default
    bias: bool = True
    recurrent_bias: bool = True
    initial: bool = False  # initial hidden (and cell) state
    sequence: bool = False
    activations: tuple[str, ...] = ()
    reset_after: bool = True  # gru only
    peephole: bool = False  # lstm only


_GRUS = (
    _Rnn(1, 1, 1, 1),
    _Rnn(3, 2, 3, 4, sequence=True),
    _Rnn(2, 3, 2, 3, "backward", "rzn", initial=True, sequence=True),
    _Rnn(3, 2, 2, 2, "both", bias=False, initial=True, sequence=True, reset_after=False),
    _Rnn(2, 1, 3, 2, "both", "rzn", recurrent_bias=False, reset_after=False,
         activations=("relu", "tanh")),
    _Rnn(3, 2, 2, 3, "forward", recurrent_bias=False, bias=False, reset_after=False,
         activations=("tanh", "sigmoid"), sequence=True),
)
_LSTMS = (
    _Rnn(1, 1, 1, 1),
    _Rnn(3, 2, 3, 4, sequence=True, peephole=True),
    _Rnn(2, 3, 2, 3, "backward", "ifgo", initial=True, sequence=True),
    _Rnn(3, 2, 2, 2, "both", bias=False, initial=True, sequence=True, peephole=True),
    _Rnn(2, 1, 3, 2, "both", "ifgo", recurrent_bias=False,
         activations=("relu", "tanh", "sigmoid"), peephole=True),
    _Rnn(3, 2, 2, 3, "forward", recurrent_bias=False, bias=False,
         activations=("tanh", "sigmoid", "relu"), sequence=True),
)


def _rnn_checks() -> Iterator[Check]:
    for kind, cases in (("gru", _GRUS), ("lstm", _LSTMS)):
        gates = 3 if kind == "gru" else 4
        for r in cases:
            for dtype in FLOATS:
                yield _rnn_check(kind, kind, gates, r, dtype, cell=False)
                # The cell: one forward step with the same options.
                one = r._replace(steps=1, direction="forward")
                yield _rnn_check(kind + "Cell", kind, gates, one, dtype, cell=True)


def _rnn_check(op: str, kind: str, gates: int, r: _Rnn, dtype: str, cell: bool) -> Check:
    dirs = 2 if r.direction == "both" else 1
    layout = r.layout or ("zrn" if kind == "gru" else "iofg")
    desc = [dims((r.steps, r.batch, r.input_size)), f"h{r.hidden}"]
    if not cell:
        desc.append(r.direction)
    desc += [layout] + [n for n, on in (("bias", r.bias), ("rbias", r.recurrent_bias),
                                        ("init", r.initial or cell),
                                        ("seq", r.sequence and not cell),
                                        ("peephole", r.peephole)) if on]
    if kind == "gru":
        desc.append(f"resetAfter{int(r.reset_after)}")
    if r.activations:
        desc.append("+".join(r.activations))
    cid = f"{op}-{dtype}-" + "-".join(desc)
    rng = rng_for(cid)
    h = r.hidden

    def rand(*shape, scale=1.0):
        return rng.uniform(-scale, scale, shape).astype(dtype)

    arrays = {
        "X": rand(r.steps, r.batch, r.input_size, scale=2.0),
        "W": rand(dirs, gates * h, r.input_size),
        "R": rand(dirs, gates * h, h),
        "Wb": rand(dirs, gates * h) if r.bias else None,
        "Rb": rand(dirs, gates * h) if r.recurrent_bias else None,
        "H0": rand(dirs, r.batch, h) if (r.initial or cell) else None,
        "C0": rand(dirs, r.batch, h) if kind == "lstm" and (r.initial or cell) else None,
        "P": rand(dirs, 3 * h) if r.peephole else None,
    }
    if r.peephole and not cell:
        arrays["P"][:, h:2 * h] = 0  # the output gate's block: see TABLE
    options: dict[str, Any] = {"hiddenSize": h}
    if r.layout:
        options["layout"] = r.layout
    if r.activations:
        options["activations"] = list(r.activations)
    if kind == "gru":
        options["resetAfter"] = r.reset_after
    names = {"W": "weight", "R": "recurrentWeight", "Wb": "bias", "Rb": "recurrentBias",
             "P": "peepholeWeight"}
    if cell:
        names.update(X="input", H0="hiddenState", C0="cellState")
        operands = {names[k]: None if v is None else v[0] for k, v in arrays.items()}
    else:
        options.update(steps=r.steps, direction=r.direction, returnSequence=r.sequence)
        names.update(X="input", H0="initialHiddenState", C0="initialCellState")
        operands = {names[k]: v for k, v in arrays.items()}
    if kind == "gru":
        del operands[names["C0"]], operands[names["P"]]

    def onnx_fn():
        a = {k: None if v is None else f64(v) for k, v in arrays.items()}
        if not (cell and a["P"] is not None):
            results = _onnx_rnn(kind, r, layout, a)
        else:
            # The spec's output-gate peephole reads the previous cell state, ONNX's the
            # new one; for one step the previous state is known, so p_o * c0 joins the
            # output gate's bias (ONNX's o block is 1 in every layout after reordering),
            # one batch row at a time, and ONNX's own o peephole is zero.
            rows = []
            for n in range(r.batch):
                row = dict(a, X=a["X"][:, n:n + 1], H0=a["H0"][:, n:n + 1],
                           C0=a["C0"][:, n:n + 1], P=a["P"].copy())
                bias = np.zeros((dirs, gates * h)) if a["Wb"] is None else a["Wb"]
                onnx_bias = _gates_to_onnx(bias, layout)
                onnx_bias[:, h:2 * h] += a["P"][:, h:2 * h] * a["C0"][:, n]
                row["Wb"] = _reorder_gates(onnx_bias, _FROM_ONNX_GATES[layout])
                row["P"][:, h:2 * h] = 0
                rows.append(_onnx_rnn(kind, r, layout, row))
            results = [np.concatenate(parts, axis=1) for parts in zip(*rows)]
        if cell:
            results = [v[0] for v in results[:len(results) - r.sequence]]
        return [to_type(v, dtype) for v in results]

    return Check(cid, op, operands, options, onnx_fn, ulp=1)


#: The inverse permutations of _TO_ONNX_GATES (ONNX's order back to the WebNN layout).
_FROM_ONNX_GATES = {k: tuple(int(i) for i in np.argsort(v)) for k, v in _TO_ONNX_GATES.items()}


def _onnx_rnn(kind: str, r: _Rnn, layout: str, a: dict[str, np.ndarray | None]):
    """ONNX GRU/LSTM on the (float64) WebNN arrays `a`: [hidden] or [hidden, cell], then
    the sequence if `r.sequence`."""
    dirs, gates = a["W"].shape[0], a["W"].shape[1] // r.hidden
    zeros = np.zeros((dirs, gates * r.hidden))
    feeds = {"X": a["X"], "W": _gates_to_onnx(a["W"], layout),
             "R": _gates_to_onnx(a["R"], layout),
             "B": np.concatenate([_gates_to_onnx(zeros if a[k] is None else a[k], layout)
                                  for k in ("Wb", "Rb")], axis=1)}
    inputs = ["X", "W", "R", "B", ""]  # "" = no sequence_lens
    for k in ("H0", "C0", "P") if kind == "lstm" else ("H0",):
        if a[k] is not None:
            feeds[k] = a[k]
        inputs.append(k if a[k] is not None else "")
    while inputs[-1] == "":
        inputs.pop()
    acts = r.activations or (("sigmoid", "tanh") if kind == "gru" else
                             ("sigmoid", "tanh", "tanh"))
    attrs = {"hidden_size": r.hidden, "activations": [n.capitalize() for n in acts] * dirs,
             "direction": {"forward": "forward", "backward": "reverse",
                           "both": "bidirectional"}[r.direction]}
    if kind == "gru":
        attrs["linear_before_reset"] = int(r.reset_after)
        seq, hidden = run_onnx([node("GRU", inputs, ["Y", "Yh"], **attrs)], feeds,
                               ["Y", "Yh"], new_ops=[GRU])
        results = [hidden]
    else:
        seq, hidden, cell = run_onnx([node("LSTM", inputs, ["Y", "Yh", "Yc"], **attrs)],
                                     feeds, ["Y", "Yh", "Yc"], new_ops=[LSTM])
        results = [hidden, cell]
    return results + [seq] if r.sequence else results


# -------------------------------------------------------------------------- running

def all_checks() -> list[Check]:
    return [*_unary_checks(), *_logical_checks(), *_arg_checks(), *_pool_checks(),
            *_resample_checks(), *_quant_checks(), *_scatter_checks(), *_rnn_checks()]


CHECKS = all_checks()


def mismatches(actual: np.ndarray, expected: np.ndarray, check: Check) -> str:
    """'' when `actual` matches `expected` within the check's bounds, else a description."""
    if actual.dtype != expected.dtype:
        return f"data type {actual.dtype}, ONNX gives {expected.dtype}"
    if actual.shape != expected.shape:
        return f"shape {actual.shape}, ONNX gives {expected.shape}"
    ok = compare(actual, expected, "ULP", check.ulp)
    if check.atol:
        ok |= compare(actual, expected, "ATOL", check.atol)
    if ok.all():
        return ""
    bad = np.flatnonzero(~ok.reshape(-1))
    i = int(bad[0])
    index = np.unravel_index(i, actual.shape) if actual.shape else ()
    return (f"{bad.size} of {actual.size} elements differ; first at {list(index)}: "
            f"reference {actual.reshape(-1)[i]!r}, ONNX {expected.reshape(-1)[i]!r}")


@pytest.mark.parametrize("check", CHECKS, ids=[c.id for c in CHECKS])
def test_reference_matches_onnx(check: Check):
    actual = evaluate(check.op, check.operands, check.options)
    expected = check.onnx()
    assert len(actual) == len(expected)
    problems = [f"output {k}: {msg}" for k, (a, e) in enumerate(zip(actual, expected))
                if (msg := mismatches(np.asarray(a), np.asarray(e), check))]
    assert not problems, "; ".join(problems)


def test_case_ids_are_unique():
    assert len({c.id for c in CHECKS}) == len(CHECKS)


def test_the_table_lists_exactly_the_ops_without_wpt_data():
    with_data = {op.name for case in load_cases() for op in case.operators}
    without = set(OPS_BY_NAME) - with_data - {"constant"}
    assert set(TABLE) == without
    assert len(TABLE) == 31


def test_every_table_op_has_cases():
    counts = {op: sum(c.op == op for c in CHECKS) for op in TABLE}
    assert min(counts.values()) >= 8, counts

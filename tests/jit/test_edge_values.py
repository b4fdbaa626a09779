"""JIT vs the reference on edge values, for every op family: same inputs, same results.

Float inputs hold NaN, +-inf, the type's largest and lowest values, the smallest
subnormal, 0 and -0 among ordinary values; integer inputs the type's minimum and
maximum, 0, 1 and -1. The results the spec leaves open are the ones both engines must
agree on to the bit (see the op docstrings): casts and quantization saturate (NaN to
0), MLNumber options convert by saturation, integer arithmetic wraps, integer pow is
exact, the + - * / min max activations compute in float32 in one order, float sums
(reductions, pools, normalization statistics, cumulativeSum) accumulate in float64 in
one order. So every integer result, and every float result made of correctly rounded
operations, is compared exactly; transcendental functions within a tolerance, NaN and
infinities always by position.

Matrix products, convolutions and recurrent networks accumulate in float32 in the JIT
(float64 in the reference): an intermediate sum beyond float32's range is where they may
differ (inf or NaN against a finite value). Their cases place at most one extreme value
in each window or row, so no sum overflows and then cancels.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from tests.jit.against_reference import check

FLOATS = ("float32", "float16")
INTS = ("int8", "uint8", "int32", "uint32", "int64", "uint64")
SIGNED_INTS = ("int8", "int32", "int64")
TOL = {"float32": dict(rtol=1e-5, atol=1e-6), "float16": dict(rtol=2e-3, atol=1e-3)}


def edges(dtype: str) -> np.ndarray:
    """The edge values of `dtype`."""
    if dtype in FLOATS:
        info = np.finfo(dtype)
        return np.array([np.nan, np.inf, -np.inf, info.max, info.min, info.smallest_subnormal,
                         0.0, -0.0, 1.0, -1.0, 0.5, 2.5], dtype)
    info = np.iinfo(dtype)
    values = [info.min, info.max, 0, 1, info.max - 1, 2, 3]
    if info.min < 0:
        values += [-1, info.min + 1]
    return np.array(values, dtype)


def data(shape, dtype: str, seed: int, density: float = 0.5) -> np.ndarray:
    """Ordinary values (floats in [-3, 3], integers over the whole type) with edge values
    at about `density` of the positions, every edge value at least once when it fits
    (none for density 0)."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    if dtype in FLOATS:
        out = rng.uniform(-3, 3, size).astype(dtype)
    else:
        info = np.iinfo(dtype)
        out = rng.integers(info.min, info.max, size, dtype=dtype, endpoint=True)
    e = edges(dtype)
    k = min(size, max(len(e), int(size * density))) if density else 0
    places = rng.permutation(size)[:k]
    out[places] = np.resize(e, k)
    return out.reshape(shape)


def sparse(shape, dtype: str, seed: int, spacing: int) -> np.ndarray:
    """Values in [-1, 1] with one edge value every `spacing` positions along the last two
    dimensions (so one window or row of a product meets at most one)."""
    rng = np.random.default_rng(seed)
    out = rng.uniform(-1, 1, shape).astype(dtype)
    e = edges(dtype)
    view = out[..., ::spacing, ::spacing]
    view[...] = np.resize(e, view.shape)
    return out


# ----------------------------------------------------------------------------- elementwise
EXACT_BINARY = ("add", "sub", "mul", "div", "max", "min")
COMPARISONS = ("equal", "notEqual", "greater", "greaterOrEqual", "lesser", "lesserOrEqual")


def _pairs(dtype: str, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Every edge value against every edge value, then random pairs."""
    e = edges(dtype)
    a, b = (g.reshape(-1) for g in np.meshgrid(e, e))
    return (np.concatenate([a, data((40,), dtype, seed)]),
            np.concatenate([b, data((40,), dtype, seed + 1)]))


@pytest.mark.parametrize("dtype", FLOATS + INTS)
def test_binary_and_comparisons(dtype):
    a, b = _pairs(dtype, 1)
    cases = [(op, {"a": a, "b": b}, {}) for op in EXACT_BINARY + COMPARISONS]
    if dtype in INTS:  # exact modulo 2**bits, negative exponents included
        small = np.resize(np.array([0, 1, 2, 3, 7, 63, 64], dtype), a.shape)
        cases += [("pow", {"a": a, "b": b}, {}), ("pow", {"a": a, "b": small}, {})]
    else:
        cases.append(("pow", {"a": a, "b": b}, {}, TOL[dtype]))
    check(cases)


def test_logical_ops():
    a, b = _pairs("uint8", 2)
    check([(op, {"a": a, "b": b}, {}) for op in ("logicalAnd", "logicalOr", "logicalXor")]
          + [("logicalNot", {"a": a}, {})])


#: Float unary ops computed exactly (correctly rounded, or + - * / min max in order).
EXACT_UNARY = ("abs", "neg", "ceil", "floor", "roundEven", "sqrt", "reciprocal", "identity",
               "relu", "sign", "softsign", "hardSwish", "isNaN", "isInfinite")
TRANSCENDENTAL = ("cos", "sin", "tan", "exp", "log", "erf", "tanh", "sigmoid", "softplus",
                  "gelu", "elu")


@pytest.mark.parametrize("dtype", FLOATS)
def test_float_unary_ops(dtype):
    x = np.concatenate([edges(dtype), data((60,), dtype, 3)])
    cases = [(op, {"input": x}, {}) for op in EXACT_UNARY]
    cases += [(op, {"input": x}, {}, TOL[dtype]) for op in TRANSCENDENTAL]
    for alpha, beta in [(0.5, -1.0), (1e300, 0.0), (-2.0, 1e-320), (np.inf, np.nan)]:
        cases += [("linear", {"input": x}, {"alpha": alpha, "beta": beta}),
                  ("hardSigmoid", {"input": x}, {"alpha": alpha, "beta": beta}),
                  ("leakyRelu", {"input": x}, {"alpha": alpha}),
                  ("elu", {"input": x}, {"alpha": alpha}, TOL[dtype])]
    cases.append(("prelu", {"input": x, "slope": data(x.shape, dtype, 4)}, {}))
    check(cases)


@pytest.mark.parametrize("dtype", SIGNED_INTS + ("uint8", "uint32", "uint64"))
def test_integer_unary_ops(dtype):
    x = np.concatenate([edges(dtype), data((30,), dtype, 5)])
    ops = ("identity",) + (("abs", "neg", "sign", "relu") if dtype in SIGNED_INTS else ())
    check([(op, {"input": x}, {}) for op in ops])


@pytest.mark.parametrize("dtype", FLOATS + INTS)
def test_clamp_bounds_convert_by_saturation(dtype):
    x = np.concatenate([edges(dtype), data((30,), dtype, 6)])
    bounds = [(-np.inf, np.inf), (0, 6), (-1.5, 2.5), (-300, 300), (-1e300, 1e300),
              (2**63, 2**64 - 1), (-(2**63), -(2**62)), (0.25, 0.75), (70000.0, None),
              (None, -np.inf), (np.inf, None)]
    check([("clamp", {"input": x}, {"minValue": lo, "maxValue": hi}) for lo, hi in bounds])


# ----------------------------------------------------------------------------- movement
#: Floats around the integer types' limits (float16 keeps those it can hold).
LIMITS = np.array([127.5, 128.0, -128.5, -129.0, 255.5, 256.0, 65504.0, -65504.0, 2.0**31,
                   -2.0**31 - 1024, 2.0**32, 2.0**63, -2.0**63, 2.0**64])


@pytest.mark.parametrize("source", FLOATS + INTS)
def test_cast_every_pair(source):
    x = np.concatenate([edges(source), data((40,), source, 7)])
    if source in FLOATS:
        with np.errstate(over="ignore"):
            held = LIMITS[LIMITS.astype(source) == LIMITS]
        x = np.concatenate([x, held.astype(source)])
    check([("cast", {"input": x}, {"dataType": target}) for target in FLOATS + INTS])


@pytest.mark.parametrize("dtype", FLOATS + INTS)
def test_movement_ops_move_edge_values_untouched(dtype):
    x = data((3, 4, 5), dtype, 8)
    cond = data((3, 4, 5), "uint8", 9)
    values = [0, 300, -300, 2**64 - 1, -(2**63), -np.inf, np.inf, np.nan, 1.5]
    cases = [("pad", {"input": x}, {"beginningPadding": [1, 0, 2], "endingPadding": [0, 2, 1],
                                   "value": v}) for v in values]
    cases += [("pad", {"input": x}, {"beginningPadding": [2, 1, 0], "endingPadding": [1, 2, 3],
                                    "mode": mode}) for mode in ("edge", "reflection")]
    cases += [("triangular", {"input": x}, {"upper": upper, "diagonal": k})
              for upper, k in itertools.product((True, False),
                                                (-(2**63), -4, -1, 0, 2, 5, 2**63 - 1))]
    cases += [("where", {"condition": cond, "trueValue": x, "falseValue": x[::-1].copy()}, {}),
              ("transpose", {"input": x}, {"permutation": [2, 0, 1]}),
              ("slice", {"input": x}, {"starts": [1, 0, 1], "sizes": [2, 3, 3],
                                       "strides": [1, 2, 2]}),
              ("reverse", {"input": x}, {"axes": [0, 2]}),
              ("tile", {"input": x}, {"repetitions": [1, 2, 1]}),
              ("expand", {"input": x[:, :1]}, {"newShape": [2, 3, 4, 5]}),
              ("concat", {"inputs": [x, x[:1]]}, {"axis": 0}),
              ("split", {"input": x}, {"splits": [2, 3], "axis": 2}),
              ("reshape", {"input": x}, {"newShape": [6, 10]})]
    check(cases)


@pytest.mark.parametrize("dtype", FLOATS + ("int8", "uint8"))
def test_resample2d(dtype):
    x = data((1, 2, 5, 4), dtype, 10)
    cases = [("resample2d", {"input": x}, {"mode": "nearest-neighbor", "scales": [0.7, 1.9]})]
    for options in ({"scales": [0.7, 1.9]}, {"sizes": [7, 3]}, {"scales": [2.5, 1.3]}):
        tol = TOL[dtype] if dtype in FLOATS else None
        cases.append(("resample2d", {"input": x}, {"mode": "linear", **options},
                      *([tol] if tol else [])))
    check(cases)


# ----------------------------------------------------------------------------- indexing
@pytest.mark.parametrize("dtype", FLOATS + INTS)
def test_indexing_ops_move_edge_values_untouched(dtype):
    x = data((4, 5), dtype, 11)
    idx = np.array([[0, 3], [-1, 2], [1, 1]], np.int32)
    check([("gather", {"input": x, "indices": idx}, {"axis": 0}),
           ("gatherElements", {"input": x, "indices": np.array([[3, 0, 1, 2, 0]], np.int64)},
            {"axis": 0}),
           ("gatherND", {"input": x, "indices": np.array([[1, 4], [3, 0]], np.uint32)}, {}),
           ("scatterElements", {"input": x, "indices": np.array([[2, 0, 1, 3, 0]], np.int32),
                                "updates": data((1, 5), dtype, 12)}, {"axis": 0}),
           ("scatterND", {"input": x, "indices": np.array([[1], [3]], np.int64),
                          "updates": data((2, 5), dtype, 13)}, {})])


# ----------------------------------------------------------------------------- reduction
SUMS = ("reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMean",
        "reduceProduct", "reduceSum", "reduceSumSquare")


def summands(shape, dtype: str, seed: int) -> dict[str, np.ndarray]:
    """Inputs for sums, one kind of value each:

    * "special": NaN and +-inf among ordinary values (inf + -inf is NaN);
    * "extreme": only +-max, +-max/2 and 0 (float32 partial sums overflow, float64
      ones do not);
    * "small": ordinary values with the smallest subnormal, 0 and -0;
    * "mixed": every edge value among ordinary ones, so huge terms cancel around small
      ones (max + 3 - max is 3 or 0 depending on the order of the sum: both engines
      must add in the same order).
    """
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    top = float(np.finfo(dtype).max)
    special = rng.uniform(-3, 3, size)
    special[rng.permutation(size)[:size // 3]] = np.resize([np.nan, np.inf, -np.inf, np.inf],
                                                            size // 3)
    extreme = rng.choice([top, -top, top / 2, -top / 2, 0.0], size)
    small = rng.uniform(-3, 3, size)
    small[rng.permutation(size)[:size // 3]] = np.resize(
        [float(np.finfo(dtype).smallest_subnormal), 0.0, -0.0], size // 3)
    kinds = {k: v.astype(dtype).reshape(shape)
             for k, v in (("special", special), ("extreme", extreme), ("small", small))}
    return {**kinds, "mixed": data(shape, dtype, seed, density=0.3)}


def tolerance(op: str, dtype: str) -> tuple:
    """() for the sums both engines take in one order in float64 and round once (the
    same bits), the float tolerance for those ending in a logarithm."""
    return (TOL[dtype],) if op in ("reduceLogSum", "reduceLogSumExp") else ()


@pytest.mark.parametrize("dtype", FLOATS)
def test_float_reductions(dtype):
    # float64 sums in both engines: 3e38 + 3e38 - 3e38 is 3e38, not inf, in either.
    def cases(x):
        return ([(op, {"input": x}, {"axes": axes}, *tolerance(op, dtype))
                 for op, axes in itertools.product(SUMS, ([1], [0], None))]
                + [(op, {"input": x}, {"axes": axes})
                   for op, axes in itertools.product(("reduceMax", "reduceMin"), ([1], None))]
                + [(op, {"input": x}, {"axis": axis})
                   for op, axis in itertools.product(("argMax", "argMin"), (0, 1))]
                + [("cumulativeSum", {"input": x},
                    {"axis": 1, "exclusive": exclusive, "reversed": reverse})
                   for exclusive, reverse in itertools.product((False, True), repeat=2)]
                + [("softmax", {"input": x}, {"axis": axis}, TOL[dtype]) for axis in (0, 1)])
    # One graph of the cases, run on each kind of summands (one graph of all four kinds'
    # cases took 20 times as long to compile: verifying its stages grows faster than it).
    check(*(cases(x) for x in summands((6, 8), dtype, 14).values()))


@pytest.mark.parametrize("dtype", INTS)
def test_integer_reductions_wrap(dtype):
    x = data((4, 9), dtype, 15, density=0.6)
    ops = ["reduceMax", "reduceMin"]
    if dtype not in ("int8", "uint8"):
        ops += ["reduceL1", "reduceProduct", "reduceSum", "reduceSumSquare"]
    cases = [(op, {"input": x}, {"axes": axes}) for op in ops for axes in ([1], [0, 1])]
    cases += [(op, {"input": x}, {"axis": 1}) for op in ("argMax", "argMin")]
    if dtype not in ("int8", "uint8"):
        cases.append(("cumulativeSum", {"input": x}, {"axis": 1}))
    check(cases)


# ----------------------------------------------------------------------------- pooling
@pytest.mark.parametrize("dtype", FLOATS)
def test_pools(dtype):
    def cases(x):
        return [case for op in ("averagePool2d", "l2Pool2d", "maxPool2d") for case in (
            (op, {"input": x}, {"windowDimensions": [3, 3], "padding": [1, 1, 1, 1]}),
            (op, {"input": x}, {"windowDimensions": [2, 2], "strides": [2, 2**40],
                                "outputShapeRounding": "ceil"}),
            (op, {"input": x}, {}))]
    # One graph, run on each kind of summands.
    check(*(cases(x) for x in summands((1, 2, 6, 6), dtype, 16).values()))


@pytest.mark.parametrize("dtype", INTS)
def test_integer_max_pool(dtype):
    x = data((1, 2, 5, 5), dtype, 17)
    check([("maxPool2d", {"input": x}, {"windowDimensions": [2, 3], "padding": [1, 0, 0, 2],
                                        "dilations": [2, 1]})])


# ----------------------------------------------------------------------------- normalization
@pytest.mark.parametrize("dtype", FLOATS)
def test_normalizations(dtype):
    x = data((2, 3, 4, 4), dtype, 18, density=0.2)
    x[1, 2] = np.resize(np.array([np.finfo(dtype).max, np.finfo(dtype).min], dtype), (4, 4))
    x[1, 1] = 0  # zero variance
    c = np.array([0.5, 2.0, -1.0], dtype)
    var = np.array([0.0, 4.0, np.inf], dtype)
    check([("batchNormalization", {"input": x, "mean": c, "variance": var, "scale": c,
                                   "bias": c}, {"epsilon": eps}) for eps in (1e-5, 0.0)]
          + [("instanceNormalization", {"input": x, "scale": c, "bias": c}, {"epsilon": eps})
             for eps in (1e-5, 0.0, 1e-320)]
          + [("layerNormalization", {"input": x}, {"axes": axes})
             for axes in ([2, 3], [1], [0, 1, 2, 3])])


# ----------------------------------------------------------------------------- matrix, conv
@pytest.mark.parametrize("dtype", FLOATS)
def test_products_and_convolutions(dtype):
    a, b = sparse((6, 8), dtype, 19, 3), sparse((8, 5), dtype, 20, 9)
    x = sparse((1, 2, 9, 9), dtype, 21, 3)
    w = np.random.default_rng(22).uniform(-1, 1, (3, 2, 3, 3)).astype(dtype)
    wt = np.random.default_rng(23).uniform(-1, 1, (2, 3, 2, 2)).astype(dtype)
    tol = TOL[dtype] if dtype == "float16" else dict(rtol=1e-5, atol=1e-5)
    check([("matmul", {"a": a, "b": b}, {}, tol),
           ("gemm", {"a": a, "b": b, "c": np.array([np.inf], dtype)}, {"alpha": 1e300}, tol),
           ("gemm", {"a": a, "b": b}, {"alpha": -0.5, "beta": np.nan}, tol),
           ("conv2d", {"input": x, "filter": w}, {"strides": [3, 3]}, tol),
           ("convTranspose2d", {"input": x[:, :, ::3, ::3].copy(), "filter": wt},
            {"strides": [2, 2]}, tol)])


@pytest.mark.parametrize("op", ["gru", "lstm"])
def test_recurrent(op):
    steps, batch, size, hidden = 3, 2, 4, 3
    gates = 3 if op == "gru" else 4
    # One extreme per (step, batch) row of the input, ordinary weights.
    x = sparse((steps, batch, size), "float32", 24, 4)
    rng = np.random.default_rng(25)
    w = rng.uniform(-1, 1, (1, gates * hidden, size)).astype("float32")
    r = rng.uniform(-1, 1, (1, gates * hidden, hidden)).astype("float32")
    check([(op, {"input": x, "weight": w, "recurrentWeight": r},
            {"steps": steps, "hiddenSize": hidden, "returnSequence": True},
            dict(rtol=1e-5, atol=1e-5))])


# ----------------------------------------------------------------------------- quantization
@pytest.mark.parametrize("qtype", ("int8", "uint8", "int32", "uint32"))
@pytest.mark.parametrize("dtype", FLOATS)
def test_quantization_saturates(dtype, qtype):
    x = np.resize(np.concatenate([edges(dtype), data((20,), dtype, 26, density=0) * 1000]), (8, 4))
    scale = np.array([[0.5, 0.0, -2.0, np.inf]], dtype)  # x / 0: +-inf (saturates) or NaN
    zero = np.resize(edges(qtype), (1, 4))
    q = data((8, 4), qtype, 27)
    check([("quantizeLinear", {"input": x, "scale": scale, "zeroPoint": zero}, {}),
           ("dequantizeLinear", {"input": q, "scale": scale, "zeroPoint": zero}, {})])

"""JIT vs the numpy reference for quantizeLinear / dequantizeLinear (WPT has no data).

Every data type pair, per-tensor, per-axis and block-wise scales (blocks along one
dimension, along several, and mixed with per-axis), values that saturate, and exact
ties of input / scale that roundEven must send to the even neighbour. The lowering
promises bit-exact agreement with the reference, so results are compared exactly.
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate
from tests.jit.against_reference import check, random

QUANTIZED = ("uint8", "int8", "uint32", "int32")
SCALE_SHAPES = [(1, 1, 1), (1, 6, 1), (4, 1, 1), (2, 3, 1), (4, 2, 4), (1, 1, 2), (4, 6, 8)]
INPUT_SHAPE = (4, 6, 8)


@pytest.mark.parametrize("qtype", QUANTIZED)
@pytest.mark.parametrize("ftype", ["float32", "float16"])
def test_dequantize(qtype, ftype):
    x = random(INPUT_SHAPE, qtype, seed=1)
    cases = []
    for i, shape in enumerate(SCALE_SHAPES):
        scale = random(shape, ftype, seed=10 + i, low=0.001, high=0.5)
        zero = random(shape, qtype, seed=20 + i)
        cases.append(("dequantizeLinear", {"input": x, "scale": scale, "zeroPoint": zero}, {}))
    check(cases)


@pytest.mark.parametrize("qtype", QUANTIZED)
@pytest.mark.parametrize("ftype", ["float32", "float16"])
def test_quantize(qtype, ftype):
    # Inputs wide enough to saturate the 8-bit types from either side.
    x = random(INPUT_SHAPE, ftype, seed=2, low=-300.0, high=300.0)
    cases = []
    for i, shape in enumerate(SCALE_SHAPES):
        scale = random(shape, ftype, seed=30 + i, low=0.25, high=2.0)
        zero = random(shape, qtype, seed=40 + i)
        cases.append(("quantizeLinear", {"input": x, "scale": scale, "zeroPoint": zero}, {}))
    check(cases)


def test_quantize_rounds_ties_to_even_and_saturates():
    x = np.array([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1e9, -1e9, 3.0, np.inf, -np.inf, 0.0],
                 np.float32)
    scale = np.array([1.0], np.float32)
    cases = [("quantizeLinear", {"input": x, "scale": scale,
                                 "zeroPoint": np.array([z], qtype)}, {})
             for qtype, z in [("uint8", 0), ("uint8", 128), ("int8", -3), ("int8", 0),
                              ("int32", 7), ("uint32", 1), ("int32", -(2**31)),
                              ("uint32", 2**32 - 1)]]
    check(cases)


def test_dequantize_extremes_of_32_bit_types():
    # Differences beyond 2**24 (not exact in f32) must still match the reference.
    x = np.array([2**31 - 1, -(2**31), 12345678, -98765432], np.int32)
    z = np.array([-(2**31)], np.int32)
    xu = np.array([2**32 - 1, 0, 16777217, 3], np.uint32)
    zu = np.array([1], np.uint32)
    s = np.array([0.3], np.float32)
    check([("dequantizeLinear", {"input": x, "scale": s, "zeroPoint": z}, {}),
           ("dequantizeLinear", {"input": xu, "scale": s, "zeroPoint": zu}, {}),
           ("dequantizeLinear", {"input": x, "scale": s.astype(np.float16), "zeroPoint": z}, {})])


def test_dequantize_to_float16_rounds_once():
    # (x - z) * 2**-14 lands on, just above and just below float16 ties (spacing 2 at
    # 2048): rounding through f32 first would turn the near-ties into ties.
    base = 2049 * 2**14
    x = np.array([base, base + 1, base - 1, base + 2**14, 3 * 2**14 + 1, -base - 1], np.int32)
    scale = np.array([2.0**-14], np.float16)
    check([("dequantizeLinear", {"input": x, "scale": scale,
                                 "zeroPoint": np.array([0], np.int32)}, {}),
           ("dequantizeLinear", {"input": x.astype(np.uint32) & 0x7FFFFFFF, "scale": scale,
                                 "zeroPoint": np.array([0], np.uint32)}, {})])


def test_round_trip_of_a_two_dimensional_block_quantized_weight():
    """quantize -> dequantize -> quantize in one compiled graph, blocks of 8 columns.

    Away from saturation the dequantized weight is within half a step (its block's
    scale) of the original, and quantizing it again gives back the same integers; each
    stage is also the reference's result on the previous stage's output.
    """
    w = random((8, 32), "float32", seed=3, low=-0.5, high=0.5)  # |w / scale| <= 100
    scale = random((8, 4), "float32", seed=4, low=0.005, high=0.01)
    zero = random((8, 4), "int8", seed=5, low=-4, high=4)
    g = compiler.GraphBuilder()
    args = [g.input("scale", "float32", scale.shape), g.input("zero", "int8", zero.shape)]
    q = g.quantizeLinear(g.input("w", "float32", w.shape), *args)
    back = g.dequantizeLinear(q, *args)
    again = g.quantizeLinear(back, *args)
    got = compiler.compile(g.build({"q": q, "back": back, "again": again}))(
        w=w, scale=scale, zero=zero)

    operands = {"scale": scale, "zeroPoint": zero}
    [want_q] = evaluate("quantizeLinear", {"input": w, **operands}, {})
    np.testing.assert_array_equal(got["q"], want_q)
    [want_back] = evaluate("dequantizeLinear", {"input": got["q"], **operands}, {})
    np.testing.assert_array_equal(got["back"], want_back)
    np.testing.assert_array_equal(got["again"], got["q"])

    # The data spans many steps but never saturates, so the half-step bound holds.
    steps = got["q"].astype(np.int32) - np.repeat(zero, 8, axis=1)
    assert np.abs(steps).max() > 50
    assert -128 < got["q"].min() and got["q"].max() < 127
    step = np.repeat(scale, 8, axis=1)  # each scale covers 8 consecutive columns
    assert got["back"].dtype == np.float32
    assert np.all(np.abs(got["back"] - w) <= step / 2 * (1 + 1e-6))

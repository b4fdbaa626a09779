"""Focused tests of the numpy reference executor for what the WPT extract lacks.

Expectations are small hand-computed values (the arithmetic is in the comments), plus
a few cases copied from upstream WPT files that the extract does not include (marked).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from runtime.values import NUMPY_DTYPES
from runtime.reference import SUPPORTED_OPS, evaluate


def run(op, options=None, **operands):
    """The results of one operator (a list)."""
    return evaluate(op, operands, options or {})


def one(op, options=None, **operands):
    (result,) = run(op, options, **operands)
    return result


def f32(values, shape=None):
    a = np.array(values, dtype=np.float32)
    return a.reshape(shape) if shape is not None else a


def assert_exact(actual, expected, dtype=None):
    expected = np.asarray(expected)
    if dtype is not None:
        assert actual.dtype == np.dtype(dtype)
    assert actual.shape == expected.shape
    np.testing.assert_array_equal(actual, expected.astype(actual.dtype))


def assert_close(actual, expected, dtype=np.float32, rtol=1e-6, atol=0.0):
    assert actual.dtype == np.dtype(dtype)
    expected = np.asarray(expected, dtype=np.float64)
    assert actual.shape == expected.shape
    np.testing.assert_allclose(actual.astype(np.float64), expected, rtol=rtol, atol=atol)


# ------------------------------------------------------------------------- the API

def test_all_95_spec_operators_are_supported():
    assert len(SUPPORTED_OPS) == 95
    assert {"conv2d", "gatherND", "lstmCell", "roundEven", "isInfinite"} <= SUPPORTED_OPS


def test_numpy_dtypes():
    assert NUMPY_DTYPES == {
        "float32": np.float32, "float16": np.float16, "int32": np.int32,
        "uint32": np.uint32, "int64": np.int64, "uint64": np.uint64,
        "int8": np.int8, "uint8": np.uint8}


def test_unknown_operator_and_missing_operand_raise():
    with pytest.raises(ValueError):
        evaluate("conv3d", {"input": f32([1])}, {})
    with pytest.raises(ValueError):
        evaluate("add", {"a": f32([1])}, {})


def test_none_means_default_and_inputs_are_not_modified():
    x = f32([-2, 3])
    x.flags.writeable = False
    out = one("leakyRelu", {"alpha": None}, input=x)  # default alpha 0.01
    assert_close(out, [-0.02, 3])
    assert_exact(x, [-2, 3])


# ------------------------------------------------------------------------- pooling

X1_9 = f32(range(1, 10), (1, 1, 3, 3))
X1_16 = f32(range(1, 17), (1, 1, 4, 4))


def test_average_pool_window_and_global_default():
    # 2x2 windows over [[1,2,3],[4,5,6],[7,8,9]]: (1+2+4+5)/4 = 3, then 4, 6, 7.
    assert_exact(one("averagePool2d", {"windowDimensions": (2, 2)}, input=X1_9),
                 f32([3, 4, 6, 7], (1, 1, 2, 2)))
    # No window: global pooling over the spatial dims.
    assert_exact(one("averagePool2d", input=X1_9), f32([5], (1, 1, 1, 1)))


def test_average_pool_excludes_padding_from_the_count():
    # [[1,2],[3,4]] padded by 1 on every side, 2x2 windows, stride 1: each output
    # averages only the real cells it covers (top-left sees only the 1).
    x = f32([1, 2, 3, 4], (1, 1, 2, 2))
    out = one("averagePool2d", {"windowDimensions": (2, 2), "padding": (1, 1, 1, 1)},
              input=x)
    assert_exact(out, f32([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4], (1, 1, 3, 3)))


def test_average_pool_ceil_rounding_and_output_sizes():
    # 4x4, 3x3 windows, stride 2: floor -> 1x1, ceil -> 2x2 where the last windows
    # hang over the edge and average the cells they do cover:
    # (1,2,3,5,6,7,9,10,11)/9 = 6; (3,4,7,8,11,12)/6 = 7.5; (9,10,11,13,14,15)/6 = 12;
    # (11,12,15,16)/4 = 13.5.
    opts = {"windowDimensions": (3, 3), "strides": (2, 2)}
    assert_exact(one("averagePool2d", opts, input=X1_16), f32([6], (1, 1, 1, 1)))
    ceil = f32([6, 7.5, 12, 13.5], (1, 1, 2, 2))
    assert_exact(one("averagePool2d", {**opts, "outputShapeRounding": "ceil"}, input=X1_16),
                 ceil)
    # The pre-2025 option name is accepted too.
    assert_exact(one("averagePool2d", {**opts, "roundingType": "ceil"}, input=X1_16), ceil)
    # outputSizes overrides the rounding.
    assert_exact(one("averagePool2d", {**opts, "outputSizes": (2, 2)}, input=X1_16), ceil)


def test_average_pool_nhwc_and_float16():
    x = np.arange(2 * 3 * 3, dtype=np.float16).reshape(1, 2, 3, 3)
    nchw = one("averagePool2d", {"windowDimensions": (2, 2)}, input=x)
    nhwc = one("averagePool2d", {"windowDimensions": (2, 2), "layout": "nhwc"},
               input=x.transpose(0, 2, 3, 1))
    assert nchw.dtype == np.float16
    assert_exact(nhwc, nchw.transpose(0, 2, 3, 1))
    # Channel 1 holds 9..17: first window (9+10+12+13)/4 = 11.
    assert nchw[0, 1, 0, 0] == 11


def test_max_pool_strides_dilations_padding_and_integers():
    # 2x2 windows, stride 2 over 1..16: maxima 6, 8, 14, 16.
    assert_exact(one("maxPool2d", {"windowDimensions": (2, 2), "strides": (2, 2)},
                     input=X1_16), f32([6, 8, 14, 16], (1, 1, 2, 2)))
    # Dilation 2: window (0,0) reads 1, 3, 9, 11 -> 11; then 12, 15, 16.
    assert_exact(one("maxPool2d", {"windowDimensions": (2, 2), "dilations": (2, 2)},
                     input=X1_16), f32([11, 12, 15, 16], (1, 1, 2, 2)))
    # Padding never wins against negative data.
    x = f32([-1, -2, -3, -4], (1, 1, 2, 2))
    out = one("maxPool2d", {"windowDimensions": (2, 2), "padding": (1, 1, 1, 1)}, input=x)
    assert_exact(out, f32([-1, -1, -2, -1, -1, -2, -3, -3, -4], (1, 1, 3, 3)))
    xi = np.array([5, -7, 100, 3], dtype=np.int8).reshape(1, 1, 2, 2)
    assert_exact(one("maxPool2d", input=xi), np.array([100], np.int8).reshape(1, 1, 1, 1),
                 "int8")


def test_l2_pool():
    # sqrt(3^2 + 4^2) = 5 for the whole window; padded cells add nothing.
    x = f32([3, 4, 0, 0], (1, 1, 2, 2))
    assert_exact(one("l2Pool2d", input=x), f32([5], (1, 1, 1, 1)))
    out = one("l2Pool2d", {"windowDimensions": (1, 2), "padding": (0, 0, 1, 0)}, input=x)
    assert_exact(out, f32([3, 5, 0, 0], (1, 1, 2, 2)))


def test_pool_windows_made_only_of_padding():
    # 1x1 windows over an input padded by one row at the top: the first output row sees
    # only padding, which gives 0 for average and L2 pooling and the type's lowest
    # value for max pooling (pooling.py; the spec is silent, ONNX has no value).
    x = f32([1, -2], (1, 1, 1, 2))
    opts = {"windowDimensions": (1, 1), "padding": (1, 0, 0, 0)}
    assert_exact(one("averagePool2d", opts, input=x), f32([0, 0, 1, -2], (1, 1, 2, 2)))
    assert_exact(one("l2Pool2d", opts, input=x), f32([0, 0, 1, 2], (1, 1, 2, 2)))
    assert_exact(one("maxPool2d", opts, input=x),
                 f32([-np.inf, -np.inf, 1, -2], (1, 1, 2, 2)))
    assert_exact(one("maxPool2d", opts, input=x.astype(np.int8)),
                 np.array([-128, -128, 1, -2]).reshape(1, 1, 2, 2), "int8")


# --------------------------------------------------------------------- activations

def test_gelu():
    # x * Phi(x): Phi(1) = 0.841344746..., Phi(-1) = 1 - Phi(1), Phi(2) = 0.977249868...
    out = one("gelu", input=f32([-1, 0, 1, 2]))
    assert_close(out, [-0.15865525393145707, 0, 0.8413447460685429, 1.9544997361036416])


def test_gelu_negative_tail_keeps_its_digits():
    # Phi(-7) = 1.279812543885835e-12 and Phi(-10) = 7.619853024160470e-24 (normal
    # tables): both products are normal float32 numbers, which 0.5 x (1 + erf(x/sqrt 2))
    # evaluated in double precision gets 2e-6 off (x = -7) or turns into -0 (x = -10).
    out = one("gelu", input=f32([-7, -10]))
    assert_close(out, [-7 * 1.279812543885835e-12, -10 * 7.619853024160470e-24], rtol=1e-6)


def test_softplus():
    # ln(1 + e^x): ln 2, ln(1 + e), ln(1 + 1/e); large x gives x.
    out = one("softplus", input=f32([0, 1, -1, 100]))
    assert_close(out, [0.6931471805599453, 1.3132616875182228, 0.31326168751822286, 100])


def test_softsign():
    # x / (1 + |x|)
    assert_exact(one("softsign", input=f32([-3, 0, 1, 4])), f32([-0.75, 0, 0.5, 0.8]))


def test_erf_float32_and_float16():
    expected = [0, 0.5204998778130465, 0.8427007929497149, -0.9953222650189527]
    assert_close(one("erf", input=f32([0, 0.5, 1, -2])), expected)
    out16 = one("erf", input=np.array([0, 0.5, 1, -2], np.float16))
    assert_exact(out16, np.array(expected, np.float64).astype(np.float16), "float16")


def test_elementwise_ops_without_wpt_data():
    x = f32([0.5, 1.5, 2.5, -0.5, -2])
    assert_exact(one("roundEven", input=x), f32([0, 2, 2, -0.0, -2]))
    assert_exact(one("sign", input=x), f32([1, 1, 1, -1, -1]))
    assert_exact(one("reciprocal", input=f32([2, -4, 0.5])), f32([0.5, -0.25, 2]))
    assert_exact(one("identity", input=x), x)
    assert_close(one("cos", input=f32([0, math.pi])), [1, -1])
    assert_close(one("sin", input=f32([0, math.pi / 2])), [0, 1])
    assert_close(one("tan", input=f32([0, math.pi / 4])), [0, 1])
    special = f32([np.nan, np.inf, -np.inf, 1])
    assert_exact(one("isNaN", a=special), np.array([1, 0, 0, 0], np.uint8), "uint8")
    assert_exact(one("isInfinite", a=special), np.array([0, 1, 1, 0], np.uint8), "uint8")


def test_logical_and_not_equal():
    a = np.array([0, 1, 2, 0], np.uint8)
    b = np.array([0, 0, 5, 7], np.uint8)
    assert_exact(one("logicalAnd", a=a, b=b), [0, 0, 1, 0], "uint8")
    assert_exact(one("logicalOr", a=a, b=b), [0, 1, 1, 1], "uint8")
    assert_exact(one("logicalXor", a=a, b=b), [0, 1, 0, 1], "uint8")
    assert_exact(one("notEqual", a=f32([1, 2]), b=f32([1, 3])), [0, 1], "uint8")


def test_integer_arithmetic_stays_integer():
    a = np.array([7, -7, 7, -7], np.int32)
    b = np.array([2, 2, -2, -2], np.int32)
    assert_exact(one("div", a=a, b=b), [3, -3, -3, 3], "int32")  # toward zero
    big = np.array([2**53 + 1, 2**62], np.int64)
    assert_exact(one("add", a=big, b=np.array([1, 1], np.int64)), [2**53 + 2, 2**62 + 1])
    assert_exact(one("pow", a=np.array([3, 2, -1], np.int64), b=np.array([4, -1, -3], np.int64)),
                 [81, 0, -1], "int64")
    u = np.array([2**64 - 1], np.uint64)
    assert_exact(one("reduceSum", input=u), np.array(2**64 - 1, np.uint64), "uint64")


def test_cast_truncates_and_wraps_like_numpy():
    assert_exact(one("cast", {"dataType": "int32"}, input=f32([-1.7, 2.9])), [-1, 2], "int32")
    assert_exact(one("cast", {"dataType": "uint8"}, input=np.array([300, -1], np.int32)),
                 [44, 255], "uint8")
    assert_exact(one("cast", {"dataType": "float16"}, input=f32([1 / 3])),
                 np.array([1 / 3], np.float16), "float16")


# ---------------------------------------------------------------------- resample2d

def test_resample2d_nearest_up_and_down():
    x = f32([1, 2, 3, 4], (1, 1, 2, 2))
    up = one("resample2d", {"scales": (2.0, 2.0)}, input=x)
    assert_exact(up, f32([[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]],
                         (1, 1, 4, 4)))
    # Downsampling by 2: source coordinates (o + 0.5) * 2 - 0.5 = 0.5, 2.5 round
    # half down (ceil(c - 0.5)) to 0 and 2.
    row = f32([1, 2, 3, 4], (1, 1, 1, 4))
    assert_exact(one("resample2d", {"scales": (1.0, 0.5)}, input=row), f32([1, 3], (1, 1, 1, 2)))


def test_resample2d_linear_sizes_and_axes():
    # Width 2 -> 4: source x = (o + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25, clamped
    # to [0, 1]; interpolating [0, 4] gives 0, 1, 3, 4.
    x = f32([0, 4], (1, 1, 1, 2))
    expected = f32([0, 1, 3, 4], (1, 1, 1, 4))
    assert_exact(one("resample2d", {"mode": "linear", "scales": (1.0, 2.0)}, input=x), expected)
    # sizes override scales.
    assert_exact(one("resample2d", {"mode": "linear", "sizes": (1, 4), "scales": (3.0, 3.0)},
                     input=x), expected)
    # axes [1, 2] resizes an NHWC tensor.
    out = one("resample2d", {"mode": "linear", "sizes": (1, 4), "axes": (1, 2)},
              input=x.reshape(1, 1, 2, 1))
    assert_exact(out, expected.reshape(1, 1, 4, 1))


def test_resample2d_fractional_scale_maps_with_the_output_size():
    # Spec #816: scale = outputSize / inputSize even when `scales` is given. Width 3
    # with scale 1.5 gives floor(4.5) = 4 outputs mapped with 4/3: source x =
    # (o + 0.5) * 3/4 - 0.5 = -0.125, 0.625, 1.375, 2.125, clamped to [0, 2]. (Mapping
    # with 1.5 would give 0, 0.5, 7/6, 11/6 instead.)
    x = f32([10, 20, 30], (1, 1, 1, 3))
    assert_exact(one("resample2d", {"mode": "linear", "scales": (1.0, 1.5)}, input=x),
                 f32([10, 16.25, 23.75, 30], (1, 1, 1, 4)))
    # Nearest: ceil(x - 0.5) = 0, 1, 1, 2.
    assert_exact(one("resample2d", {"scales": (1.0, 1.5)}, input=x),
                 f32([10, 20, 20, 30], (1, 1, 1, 4)))


def test_resample2d_scales_are_float32():
    # WebNN scales are floats: 0.7 is 0.699999988 in float32, so 10 * 0.7 gives 6
    # outputs (the verifier's size too), where double precision would give 7.
    out = one("resample2d", {"scales": (0.7, 1.0)}, input=np.zeros((1, 1, 10, 2), np.float32))
    assert out.shape == (1, 1, 6, 2)


# -------------------------------------------------------------- argMin / argMax

def test_arg_min_max():
    x = f32([[1, 3, 3], [4, 0, 4]])
    assert_exact(one("argMax", {"axis": 1}, input=x), [1, 0], "int32")  # first of ties
    assert_exact(one("argMin", {"axis": 1}, input=x), [0, 1], "int32")
    assert_exact(one("argMax", {"axis": 0, "keepDimensions": True, "outputDataType": "int64"},
                     input=x), [[1, 0, 1]], "int64")
    assert_exact(one("argMin", {"axis": 0}, input=np.array([[5, -3], [-9, 2]], np.int8)),
                 [1, 0], "int32")


def test_cumulative_sum_exclusive_and_reversed():
    x = f32([1, 2, 3, 4])
    assert_exact(one("cumulativeSum", {"axis": 0}, input=x), f32([1, 3, 6, 10]))
    assert_exact(one("cumulativeSum", {"axis": 0, "exclusive": True}, input=x), f32([0, 1, 3, 6]))
    assert_exact(one("cumulativeSum", {"axis": 0, "reversed": True}, input=x), f32([10, 9, 7, 4]))
    assert_exact(one("cumulativeSum", {"axis": 0, "exclusive": True, "reversed": True},
                     input=x), f32([9, 7, 4, 0]))


# -------------------------------------------------------------------- recurrent

def test_gru_cell_reset_after_and_layout():
    # hiddenSize 1, relu activations. Gates (zrn): z = relu(0) = 0,
    # r = relu(bias_r = 0.5) = 0.5, and with x = h = 1, W_n = R_n = 1, rbias_n = 2:
    #   resetAfter:  n = relu(x W_n + r (h R_n + rb_n)) = relu(1 + 0.5 * 3) = 2.5
    #   resetBefore: n = relu(x W_n + (r h) R_n + rb_n) = relu(1 + 0.5 + 2) = 3.5
    # and h' = z h + (1 - z) n = n.
    ops = dict(input=f32([[1]]), hiddenState=f32([[1]]),
               weight=f32([[0], [0], [1]]), recurrentWeight=f32([[0], [0], [1]]),
               bias=f32([0, 0.5, 0]), recurrentBias=f32([0, 0, 2]))
    opts = {"hiddenSize": 1, "activations": ("relu", "relu")}
    assert_exact(one("gruCell", opts, **ops), f32([[2.5]]))
    assert_exact(one("gruCell", {**opts, "resetAfter": False}, **ops), f32([[3.5]]))
    # "rzn" layout: the same gates with the first two blocks swapped.
    swapped = {**ops, "bias": f32([0.5, 0, 0])}
    assert_exact(one("gruCell", {**opts, "layout": "rzn"}, **swapped), f32([[2.5]]))


def test_gru_default_activations():
    # x = 1, W = [0.5, 0, 2] (z, r, n), no recurrence, h0 = 0:
    # z = sigmoid(0.5), n = tanh(2), h = (1 - z) * n.
    (h,) = run("gru", {"steps": 1, "hiddenSize": 1},
               input=f32([[[1]]]), weight=f32([[[0.5], [0], [2]]]),
               recurrentWeight=f32([[[0], [0], [0]]]))
    z = 1 / (1 + math.exp(-0.5))
    assert_close(h, [[[(1 - z) * math.tanh(2)]]])


# Upstream WPT gru.https.any.js (not in the extract), relu activations, hiddenSize 4,
# resetAfter=false. (Older copies of that file omitted resetAfter but kept these
# resetAfter=false results; upstream later added the option explicitly.)
GRU_WPT = dict(
    input=f32([1, 2, 2, 1, 1, 1, 3, 4, 1, 2, 1, 1], (2, 3, 2)),
    weight=f32([1, -1, 2, -2, 0.5, -0.5, 0, 0.1] * 3, (1, 12, 2)),
    recurrentWeight=f32([0.1] * 48, (1, 12, 4)),
    bias=f32([1, 2, 1, 2, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5], (1, 12)),
    recurrentBias=f32([1, 2, 1, 2, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5], (1, 12)),
)
GRU_WPT_FINAL = [0, 0, -0.24974998831748963, -18.59588623046875, -2.0657243728637697,
                 -10.551867485046387, -1.3937838077545167, -15.2454833984375,
                 -1.1589999198913575, -9.476999282836914, -1.1589999198913575,
                 -11.319169044494629]
GRU_WPT_FIRST = [0, 0, -0.25, -4.760000228881836, 0, 0, -0.25, -3.8399999141693117,
                 -1, -3, -1, -3.4100000858306886]


def test_gru_steps1_wpt():
    (hidden,) = run("gru", {"steps": 1, "hiddenSize": 4, "resetAfter": False,
                            "activations": ("relu", "relu")},
                    **{**GRU_WPT, "input": GRU_WPT["input"][:1]})
    assert_close(hidden, np.reshape([0, 0, -0.25, -3.84, -4, -15, -2.25, -3.41,
                                     -1, -3, -1, -3.41], (1, 3, 4)), rtol=1e-6)


def test_gru_backward_sequence_is_time_aligned_wpt():
    hidden, seq = run("gru", {"steps": 2, "hiddenSize": 4, "direction": "backward",
                              "resetAfter": False, "returnSequence": True,
                              "activations": ("relu", "relu")},
                      **GRU_WPT)
    assert_close(hidden, np.reshape(GRU_WPT_FINAL, (1, 3, 4)), rtol=1e-5, atol=1e-6)
    # sequence[t] is the state computed from input[t]: input[1] is processed first.
    assert_close(seq, np.reshape(GRU_WPT_FINAL + GRU_WPT_FIRST, (2, 1, 3, 4)),
                 rtol=1e-5, atol=1e-6)


def test_gru_both_directions_stack_forward_and_backward():
    opts = {"steps": 2, "hiddenSize": 4, "returnSequence": True,
            "activations": ("relu", "relu")}
    two = {k: (np.concatenate([v, v]) if k != "input" else v) for k, v in GRU_WPT.items()}
    hidden, seq = run("gru", {**opts, "direction": "both"}, **two)
    fwd_h, fwd_s = run("gru", opts, **GRU_WPT)
    bwd_h, bwd_s = run("gru", {**opts, "direction": "backward"}, **GRU_WPT)
    assert_exact(hidden, np.concatenate([fwd_h, bwd_h]))
    assert_exact(seq, np.concatenate([fwd_s, bwd_s], axis=1))


# Upstream WPT lstm.https.any.js, "lstm float32 tensors steps=1 with options.bias,
# options.recurrentBias, options.activations=['relu', 'relu', 'relu']". By hand: every
# gate block of W is [[1, -1], [2, -2]], bias + recurrentBias = [2, 4], h0 = c0 = 0, so
# for x = [1, 2] all gates are relu([-1, -2] + [2, 4]) = [1, 2]: c = i g = [1, 4],
# h = o relu(c) = [1, 8]; for x = [2, 1] gates are [3, 6]: c = [9, 36], h = [27, 216].
LSTM_WPT = dict(input=f32([1, 2, 2, 1], (1, 2, 2)),
                weight=f32([1, -1, 2, -2] * 4, (1, 8, 2)),
                recurrentWeight=f32([0.1] * 16, (1, 8, 2)),
                bias=f32([1, 2] * 4, (1, 8)), recurrentBias=f32([1, 2] * 4, (1, 8)))


def test_lstm_and_lstm_cell_wpt():
    opts = {"steps": 1, "hiddenSize": 2, "activations": ("relu", "relu", "relu")}
    hidden, cell, seq = run("lstm", {**opts, "returnSequence": True}, **LSTM_WPT)
    assert_exact(hidden, f32([1, 8, 27, 216], (1, 2, 2)))
    assert_exact(cell, f32([1, 4, 9, 36], (1, 2, 2)))
    assert_exact(seq, f32([1, 8, 27, 216], (1, 1, 2, 2)))
    h, c = run("lstmCell", {"hiddenSize": 2, "activations": ("relu", "relu", "relu")},
               input=LSTM_WPT["input"][0], weight=LSTM_WPT["weight"][0],
               recurrentWeight=LSTM_WPT["recurrentWeight"][0],
               hiddenState=np.zeros((2, 2), np.float32), cellState=np.zeros((2, 2), np.float32),
               bias=LSTM_WPT["bias"][0], recurrentBias=LSTM_WPT["recurrentBias"][0])
    assert_exact(h, f32([[1, 8], [27, 216]]))
    assert_exact(c, f32([[1, 4], [9, 36]]))


def test_lstm_cell_peephole_order_and_layouts():
    # x = 0 and h = 0 leave bias + peephole * c0 (c0 = 1), relu activations.
    # iofg bias [i=1, o=2, f=3, g=4], peephole packed [i, o, f] = [1, 2, 3]:
    # i = 2, o = 4, f = 6, g = 4 -> c = f c0 + i g = 14, h = o relu(c) = 56.
    base = dict(input=f32([[0]]), weight=f32([[1]] * 4), recurrentWeight=f32([[1]] * 4),
                hiddenState=f32([[0]]), cellState=f32([[1]]), peepholeWeight=f32([1, 2, 3]))
    opts = {"hiddenSize": 1, "activations": ("relu", "relu", "relu")}
    h, c = run("lstmCell", opts, bias=f32([1, 2, 3, 4]), **base)
    assert_exact(h, f32([[56]]))
    assert_exact(c, f32([[14]]))
    # ifgo packs the same gates as [i=1, f=3, g=4, o=2]; the peephole order is fixed.
    h, c = run("lstmCell", {**opts, "layout": "ifgo"}, bias=f32([1, 3, 4, 2]), **base)
    assert_exact(h, f32([[56]]))
    assert_exact(c, f32([[14]]))


def test_lstm_both_directions_sequence():
    # hiddenSize 1, W = 1 for every gate, no recurrence or bias, relu: all gates equal
    # x_t, so c_t = x_t c_{t-1} + x_t^2 and h_t = x_t c_t. Input x = [1, 2]:
    #   forward:  t0: c = 1, h = 1;  t1: c = 2*1 + 4 = 6, h = 12
    #   backward: t1: c = 4, h = 8;  t0: c = 1*4 + 1 = 5, h = 5
    hidden, cell, seq = run(
        "lstm", {"steps": 2, "hiddenSize": 1, "direction": "both", "returnSequence": True,
                 "activations": ("relu", "relu", "relu")},
        input=f32([1, 2], (2, 1, 1)), weight=np.ones((2, 4, 1), np.float32),
        recurrentWeight=np.zeros((2, 4, 1), np.float32))
    assert_exact(hidden, f32([12, 5], (2, 1, 1)))
    assert_exact(cell, f32([6, 5], (2, 1, 1)))
    assert_exact(seq, f32([1, 5, 12, 8], (2, 2, 1, 1)))  # [steps, dirs, batch, hidden]


# ---------------------------------------------------------------- quantization

def test_quantize_linear_rounds_half_to_even_and_saturates():
    x = f32([-1.5, 0.5, 1.5, 2.5, 300, -300])
    out = one("quantizeLinear", input=x, scale=f32([1] * 6), zeroPoint=np.zeros(6, np.uint8))
    assert_exact(out, [0, 0, 2, 2, 255, 0], "uint8")  # -2 -> 0, 0.5 -> 0, 2.5 -> 2
    # int8, scale 0.5, zeroPoint 1: 0.25/0.5 = 0.5 -> 0 -> 1; -140 + 1 -> -128; 141 -> 127.
    out = one("quantizeLinear", input=f32([0.25, -70, 70]), scale=f32([0.5]),
              zeroPoint=np.array([1], np.int8))
    assert_exact(out, [1, -128, 127], "int8")


def test_quantize_linear_blockwise():
    # Scale [2, 2] over a [2, 4] input: each scale covers a 1x2 block.
    x = f32([[2, 2, 4, 4], [8, 8, 16, 16]])
    out = one("quantizeLinear", input=x, scale=f32([[1, 2], [4, 8]]),
              zeroPoint=np.zeros((2, 2), np.int8))
    assert_exact(out, np.full((2, 4), 2), "int8")


def test_dequantize_linear():
    # (x - 128) * 0.5
    out = one("dequantizeLinear", input=np.array([0, 128, 255], np.uint8),
              scale=f32([0.5]), zeroPoint=np.array([128], np.uint8))
    assert_exact(out, f32([-64, 0, 63.5]), "float32")
    # Per-row scale/zeroPoint ([2, 1] over [2, 2]), float16 scale -> float16 output:
    # row 0: (1 - 1) * 2, (2 - 1) * 2; row 1: (3 - 0) * 10, (4 - 0) * 10.
    out = one("dequantizeLinear", input=np.array([[1, 2], [3, 4]], np.int8),
              scale=np.array([[2], [10]], np.float16), zeroPoint=np.array([[1], [0]], np.int8))
    assert_exact(out, [[0, 2], [30, 40]], "float16")


# --------------------------------------------------------------------- scatter

def test_scatter_elements():
    # ONNX ScatterElements example, axis 0: out[indices[i][j]][j] = updates[i][j].
    out = one("scatterElements", input=np.zeros((3, 3), np.float32),
              indices=np.array([[1, 0, 2], [0, 2, 1]], np.int32),
              updates=f32([[1.0, 1.1, 1.2], [2.0, 2.1, 2.2]]))
    assert_exact(out, f32([[2.0, 1.1, 0], [1.0, 0, 2.2], [0, 2.1, 1.2]]))
    # axis 1 with a negative index (-2 = column 3).
    out = one("scatterElements", {"axis": 1}, input=f32([[1, 2, 3, 4, 5]]),
              indices=np.array([[1, -2]], np.int64), updates=f32([[1.1, 2.1]]))
    assert_exact(out, f32([[1, 1.1, 3, 2.1, 5]]))


def test_scatter_nd():
    # Element updates: positions 4, 3, 1, 7 of [1..8] become 9, 10, 11, 12.
    out = one("scatterND", input=f32(range(1, 9)),
              indices=np.array([[4], [3], [1], [7]], np.int32), updates=f32([9, 10, 11, 12]))
    assert_exact(out, f32([1, 11, 3, 10, 9, 6, 7, 12]))
    # Slice updates: rows 0 and 2 of a [3, 2] int32 tensor replaced.
    out = one("scatterND", input=np.zeros((3, 2), np.int32),
              indices=np.array([[2], [0]], np.uint32),
              updates=np.array([[5, 6], [7, 8]], np.int32))
    assert_exact(out, [[7, 8], [0, 0], [5, 6]], "int32")


def test_scatter_clamps_out_of_range_indices():
    # Indices are runtime data: too large ones write at dim - 1, too negative ones
    # (below -dim) at 0, as gather reads (movement.py).
    out = one("scatterElements", {"axis": 1}, input=f32([[1, 2, 3]]),
              indices=np.array([[7, -5]], np.int32), updates=f32([[8, 9]]))
    assert_exact(out, f32([[9, 2, 8]]))
    out = one("scatterND", input=f32([1, 2, 3]), indices=np.array([[9], [-4]], np.int64),
              updates=f32([8, 9]))
    assert_exact(out, f32([9, 2, 8]))


# ----------------------------------------------- geometry the WPT extract skips

def test_conv2d_depthwise_and_conv_transpose_output_sizes():
    # Depthwise (groups = channels = 2), 1x1 filters scaling channel c by c + 1.
    x = np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2)
    out = one("conv2d", {"groups": 2}, input=x, filter=f32([1, 2], (2, 1, 1, 1)))
    assert_exact(out, x * f32([1, 2]).reshape(1, 2, 1, 1))
    # Transposed conv of a 2x2 ones input with a 3x3 ones filter, stride 2: natural
    # size (2-1)*2 + 3 = 5; overlaps on the middle row/column sum to 2 (4 at centre).
    ones = np.ones((1, 1, 2, 2), np.float32)
    w = np.ones((1, 1, 3, 3), np.float32)
    row = f32([1, 1, 2, 1, 1])
    natural = np.outer(row, row).reshape(1, 1, 5, 5)
    assert_exact(one("convTranspose2d", {"strides": (2, 2)}, input=ones, filter=w), natural)
    # outputPadding / outputSizes extend the end with zeros (plus bias).
    padded = np.pad(natural, ((0, 0), (0, 0), (0, 1), (0, 1)))
    assert_exact(one("convTranspose2d", {"strides": (2, 2), "outputPadding": (1, 1)},
                     input=ones, filter=w), padded)
    assert_exact(one("convTranspose2d", {"strides": (2, 2), "outputSizes": (6, 6)},
                     input=ones, filter=w, bias=f32([1])), padded + 1)


def test_layer_normalization_axes_order_and_empty_reduction_axes():
    # Normalise over axes (2, 1) of a [1, 2, 3] tensor: mean 2.5 over 0..5 and scale
    # given in axes order [3, 2] (so it is transposed onto the input's [2, 3]).
    x = np.arange(6, dtype=np.float32).reshape(1, 2, 3)
    scale = np.arange(1, 7, dtype=np.float32).reshape(3, 2)
    out = one("layerNormalization", {"axes": (2, 1), "epsilon": 0.0}, input=x, scale=scale)
    norm = (np.arange(6) - 2.5) / np.sqrt(np.var(np.arange(6)))
    assert_close(out, (norm.reshape(2, 3) * scale.T).reshape(1, 2, 3), rtol=1e-6, atol=1e-7)
    # Reductions with axes=[] apply the function element-wise (no reduction).
    assert_exact(one("reduceSumSquare", {"axes": ()}, input=f32([-2, 3])), f32([4, 9]))
    assert_exact(one("reduceL2", {"axes": ()}, input=f32([-2, 3])), f32([2, 3]))

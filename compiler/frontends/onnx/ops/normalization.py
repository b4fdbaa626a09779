"""Normalizations and softmax: BatchNormalization, InstanceNormalization,
LayerNormalization, GroupNormalization, LRN, LpNormalization, Softmax, LogSoftmax.

Inference only: a training-mode batch normalization is refused. Instance normalization
of any spatial rank runs as the 2-D op on the spatial dimensions flattened (it
normalizes over all of them alike); group normalization is a layer normalization of the
channel groups followed by the per-channel scale and bias; LRN sums the squares of the
channel window with an average pool over a zero-padded channel axis, as ONNX Runtime's
WebNN provider does. Before opset 13, Softmax and LogSoftmax flatten the input to 2-D at
`axis`.
"""

from __future__ import annotations

import math

import numpy as np

from ..node import Node, converts


@converts("BatchNormalization")
def batch_normalization(n: Node):
    if n.attr("training_mode", 0) or (n.opset < 7 and not n.attr("is_test", 0)
                                      and any(n.wants(i) for i in range(1, 5))):
        n.refuse("training mode: only inference batch normalization is expressible")
    if n.opset < 9 and not n.attr("spatial", 1) and n.rank(1) != 1:
        n.refuse("spatial=0 with per-activation statistics is not expressible")
    if any(n.wants(i) for i in range(3, 5)):
        n.refuse("the saved mean and variance outputs exist in training mode only")
    y = n.op("batchNormalization", n.tensor(0), n.tensor(3), n.tensor(4),
             scale=n.tensor(1), bias=n.tensor(2), epsilon=n.attr("epsilon", 1e-5), axis=1)
    # At inference the running statistics pass through unchanged.
    return [y, n.value(3) if n.wants(1) else None, n.value(4) if n.wants(2) else None]


@converts("InstanceNormalization")
def instance_normalization(n: Node):
    shape = n.shape(0)
    if len(shape) < 3:
        n.refuse(f"input rank {len(shape)}: instance normalization needs (N, C, spatial...)")
    flat = shape if len(shape) == 4 else [shape[0], shape[1], math.prod(shape[2:]), 1]
    y = n.op("instanceNormalization", n.reshape(n.value(0), flat), scale=n.tensor(1),
             bias=n.tensor(2), epsilon=n.attr("epsilon", 1e-5))
    return [n.reshape(y, shape)]


def _stretch(n: Node, i: int, shape):
    """Input `i` (scale or bias) broadcast to `shape`, the normalized extents."""
    if not n.has(i):
        return None
    if tuple(n.shape(i)) == tuple(shape):
        return n.tensor(i)
    value = n.value(i)
    if isinstance(value, np.ndarray):
        return n.constant(np.broadcast_to(value, shape).copy())
    return n.op("expand", n.reshape(value, [1] * (len(shape) - n.rank(i)) + list(n.shape(i)))
                if n.rank(i) < len(shape) else value, newShape=list(shape))


@converts("LayerNormalization")
def layer_normalization(n: Node):
    if n.wants(1) or n.wants(2):
        n.refuse("the Mean and InvStdDev outputs are not expressible in WebNN")
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", -1), len(shape))
    axes = list(range(axis, len(shape)))
    normalized = shape[axis:]
    return [n.op("layerNormalization", n.tensor(0), scale=_stretch(n, 1, normalized),
                 bias=_stretch(n, 2, normalized), axes=axes,
                 epsilon=n.attr("epsilon", 1e-5))]


@converts("GroupNormalization")
def group_normalization(n: Node):
    shape = n.shape(0)
    groups = n.attr("num_groups")
    if len(shape) < 3 or not groups or shape[1] % groups:
        n.refuse(f"{groups} groups do not divide the channels of input shape {list(shape)}")
    channels = shape[1]
    grouped = n.reshape(n.value(0), [shape[0], groups,
                                     channels // groups * math.prod(shape[2:])])
    y = n.op("layerNormalization", grouped, axes=[2], epsilon=n.attr("epsilon", 1e-5))
    y = n.reshape(y, shape)
    per_channel = [channels] + [1] * (len(shape) - 2)
    for i, combine in ((1, "mul"), (2, "add")):
        value = n.value(i)
        if n.shape(i)[0] != channels:  # opset 18: one value per group
            if not isinstance(value, np.ndarray):
                n.refuse("per-group scale and bias must be constants to be expanded per "
                         "channel")
            value = np.repeat(value, channels // groups)
        y = n.op(combine, y, n.reshape(value, per_channel))
    return [y]


@converts("LRN")
def lrn(n: Node):
    shape = n.shape(0)
    if len(shape) != 4:
        n.refuse(f"input rank {len(shape)}: LRN is supported on NCHW inputs")
    size = n.attr("size")
    alpha, beta, bias = n.attr("alpha", 1e-4), n.attr("beta", 0.75), n.attr("bias", 1.0)
    x = n.tensor(0)
    dtype = n.dtype(0)
    batch, channels, height, width = shape
    square = n.reshape(n.op("mul", x, x), [batch, 1, channels, height * width])
    # The mean over the window of channels [c - floor((size-1)/2), c + ceil((size-1)/2)],
    # zero outside: an average pool over explicit zero padding counts every cell.
    padded = n.op("pad", square, beginningPadding=[0, 0, (size - 1) // 2, 0],
                  endingPadding=[0, 0, size // 2, 0])
    mean = n.op("averagePool2d", padded, windowDimensions=[size, 1])
    mean = n.reshape(mean, shape)
    scale = n.op("pow", n.op("linear", mean, alpha=alpha, beta=bias),
                 n.scalar(beta, dtype))
    return [n.op("div", x, scale)]


@converts("LpNormalization")
def lp_normalization(n: Node):
    p = n.attr("p", 2)
    if p not in (1, 2):
        n.refuse(f"p={p}: only the L1 and L2 norms are expressible")
    axis = n.axis(n.attr("axis", -1), n.rank(0))
    x = n.tensor(0)
    norm = n.op("reduceL1" if p == 1 else "reduceL2", x, axes=[axis], keepDimensions=True)
    return [n.op("div", x, norm)]


def _softmax_input(n: Node):
    """(input as a webnn value, axis, the shape to restore or None)."""
    shape = n.shape(0)
    if n.opset >= 13:
        return n.tensor(0), n.axis(n.attr("axis", -1), len(shape)), None
    axis = n.axis(n.attr("axis", 1), len(shape))
    if axis == len(shape) - 1:
        return n.tensor(0), axis, None
    flat = [math.prod(shape[:axis]), math.prod(shape[axis:])]
    return n.reshape(n.value(0), flat), 1, shape


@converts("Softmax")
def softmax(n: Node):
    x, axis, restore = _softmax_input(n)
    y = n.op("softmax", x, axis=axis)
    return [n.reshape(y, restore) if restore else y]


@converts("LogSoftmax")
def log_softmax(n: Node):
    # x - max - log(sum(exp(x - max))): stays finite where log(softmax(x)) would underflow.
    x, axis, restore = _softmax_input(n)
    shifted = n.op("sub", x, n.op("reduceMax", x, axes=[axis], keepDimensions=True))
    total = n.op("reduceSum", n.op("exp", shifted), axes=[axis], keepDimensions=True)
    y = n.op("sub", shifted, n.op("log", total))
    return [n.reshape(y, restore) if restore else y]

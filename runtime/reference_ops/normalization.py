"""batchNormalization, instanceNormalization, layerNormalization and softmax
(all computed in float64, variances are population variances)."""

from __future__ import annotations

import math

import numpy as np

from ._common import ACCUMULATE, OpFn, fail, finish, normalize_axis, operand, opt, ordered

OPS: dict[str, OpFn] = {}


def _along(v: np.ndarray, rank: int, axis: int) -> np.ndarray:
    """A 1-D per-channel tensor reshaped to broadcast along `axis` of a rank-`rank` tensor."""
    shape = [1] * rank
    shape[axis] = -1
    return v.astype(ACCUMULATE).reshape(shape)


def _batch_normalization(operands, options):
    x = operand(operands, "input")
    axis = normalize_axis(opt(options, "axis", 1), x.ndim)
    eps = opt(options, "epsilon", 1e-5)
    mean = _along(operand(operands, "mean"), x.ndim, axis)
    var = _along(operand(operands, "variance"), x.ndim, axis)
    out = (x.astype(ACCUMULATE) - mean) / np.sqrt(var + eps)
    scale = operand(operands, "scale", required=False)
    bias = operand(operands, "bias", required=False)
    if scale is not None:
        out = out * _along(scale, x.ndim, axis)
    if bias is not None:
        out = out + _along(bias, x.ndim, axis)
    return [finish(out, x.dtype)]


def _normalize(x: np.ndarray, axes: tuple[int, ...], eps: float) -> np.ndarray:
    """(x - mean) * (1 / sqrt(var + eps)), the sums in the compiled kernels' order."""
    xv = x.astype(ACCUMULATE)
    n = math.prod(x.shape[a] for a in axes)
    mean = ordered(np.cumsum, xv, axes, keepdims=True) / n
    var = ordered(np.cumsum, np.square(xv - mean), axes, keepdims=True) / n
    return (xv - mean) * (1.0 / np.sqrt(var + eps))


def _instance_normalization(operands, options):
    x = operand(operands, "input")
    if x.ndim != 4:
        fail("instanceNormalization: input must be 4-D")
    layout = opt(options, "layout", "nchw")
    channel, spatial = (1, (2, 3)) if layout == "nchw" else (3, (1, 2))
    out = _normalize(x, spatial, opt(options, "epsilon", 1e-5))
    scale = operand(operands, "scale", required=False)
    bias = operand(operands, "bias", required=False)
    if scale is not None:
        out = out * _along(scale, 4, channel)
    if bias is not None:
        out = out + _along(bias, 4, channel)
    return [finish(out, x.dtype)]


def _layer_normalization(operands, options):
    x = operand(operands, "input")
    axes = options.get("axes")
    axes = tuple(range(1, x.ndim)) if axes is None else tuple(
        normalize_axis(a, x.ndim) for a in axes)
    out = _normalize(x, axes, opt(options, "epsilon", 1e-5))

    def spread(v: np.ndarray) -> np.ndarray:
        # scale/bias have the input's extents along `axes`, in `axes` order: reorder
        # them to increasing axis order, then insert size-1 dims for the other axes.
        order = sorted(range(len(axes)), key=lambda i: axes[i])
        v = v.astype(ACCUMULATE).transpose(order) if len(axes) > 1 else v.astype(ACCUMULATE)
        shape = [x.shape[a] if a in axes else 1 for a in range(x.ndim)]
        return v.reshape(shape)

    scale = operand(operands, "scale", required=False)
    bias = operand(operands, "bias", required=False)
    if scale is not None:
        out = out * spread(scale)
    if bias is not None:
        out = out + spread(bias)
    return [finish(out, x.dtype)]


def _softmax(operands, options):
    x = operand(operands, "input")
    if "axis" not in options or options["axis"] is None:
        fail("softmax: the axis argument is required")
    axis = normalize_axis(options["axis"], x.ndim)
    xv = x.astype(ACCUMULATE)
    e = np.exp(xv - np.max(xv, axis=axis, keepdims=True))
    return [finish(e / np.sum(e, axis=axis, keepdims=True), x.dtype)]


OPS.update(batchNormalization=_batch_normalization,
           instanceNormalization=_instance_normalization,
           layerNormalization=_layer_normalization,
           softmax=_softmax)

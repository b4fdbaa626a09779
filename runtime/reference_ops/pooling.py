"""averagePool2d, l2Pool2d, maxPool2d and resample2d."""

from __future__ import annotations

import math

import numpy as np

from ._common import (
    ACCUMULATE,
    OpFn,
    fail,
    finish,
    is_float,
    layout_to_nchw,
    nchw_to_layout,
    normalize_axis,
    operand,
    opt,
    ordered,
    pair,
    quad,
    windows,
)

OPS: dict[str, OpFn] = {}


def _pool_geometry(shape, options):
    """(window, padding, strides, dilations, output size) of a pool over NCHW `shape`."""
    _, _, h, w = shape
    window = pair(options, "windowDimensions", (h, w))
    strides = pair(options, "strides", (1, 1))
    dil = pair(options, "dilations", (1, 1))
    sizes = options.get("outputSizes")
    # The padding applies with or without outputSizes. (One spec revision says to
    # zero the padding when outputSizes is given; WPT's "outputSizes ignores
    # outputShapeRounding" tests expect the padded ceil result, which only exists
    # with the padding, so we follow WPT and the implementations.)
    padding = quad(options, "padding")
    if sizes is not None:
        out = tuple(int(v) for v in sizes)
    else:
        eff = [(k - 1) * d + 1 for k, d in zip(window, dil)]
        # `outputShapeRounding` (spec since 2025-09; formerly `roundingType`).
        rounding = opt(options, "outputShapeRounding", opt(options, "roundingType", "floor"))
        spans = (h - eff[0] + padding[0] + padding[1], w - eff[1] + padding[2] + padding[3])
        # Exact integer rounding (int64 options exceed float64's integers).
        out = tuple((-(-span // s) if rounding == "ceil" else span // s) + 1
                    for span, s in zip(spans, strides))
    if min(out) <= 0:
        fail("pool2d: output size is not positive")
    # A step (stride or dilation) of at least size + padBegin takes every later tap
    # past the input, so larger steps read the same cells: cap them there, or the
    # padded copy below would be as long as the step (any int64 is a valid stride).
    reach = (h + padding[0], w + padding[2])
    strides = tuple(min(s, r) for s, r in zip(strides, reach))
    dil = tuple(min(d, r) for d, r in zip(dil, reach))
    eff = [(k - 1) * d + 1 for k, d in zip(window, dil)]
    return window, padding, strides, dil, out, eff


def _pool(kind: str):
    def impl(operands, options):
        x = operand(operands, "input")
        if x.ndim != 4:
            fail(f"{kind}Pool2d: input must be 4-D")
        layout = opt(options, "layout", "nchw")
        xin = layout_to_nchw(x, layout)
        window, pad, strides, dil, out, eff = _pool_geometry(xin.shape, options)
        _, _, h, w = xin.shape
        # Pad enough at the end for the last window ("ceil" rounding may reach past
        # the explicit padding); padded cells are masked out below. A window made only
        # of padding (padding >= window) yields 0 for average/L2 pooling and the
        # type's lowest value (-inf for floats) for max pooling.
        end_h = max(pad[1], (out[0] - 1) * strides[0] + eff[0] - h - pad[0])
        end_w = max(pad[3], (out[1] - 1) * strides[1] + eff[1] - w - pad[2])
        widths = ((0, 0), (0, 0), (pad[0], end_h), (pad[2], end_w))
        if kind == "max":
            if is_float(x.dtype):
                fill = -np.inf
            else:
                fill = np.iinfo(x.dtype).min
            xp = np.pad(xin, widths, constant_values=np.array(fill).astype(x.dtype))
            result = windows(xp, window, strides, dil, out).max(axis=(-2, -1))
            return [finish(nchw_to_layout(result, layout), x.dtype)]
        xp = np.pad(xin.astype(ACCUMULATE), widths)
        win = windows(xp, window, strides, dil, out)
        if kind == "l2":
            # Padded cells are zeros: they add nothing to the sum of squares.
            result = np.sqrt(ordered(np.cumsum, win * win, (-2, -1)))
        else:
            # Average pooling divides by the number of *real* input cells in each
            # window: padded cells are excluded from the count (ONNX
            # count_include_pad=0). The spec has no option for it; this is what WebNN
            # implementations do, what upstream WPT's averagePool2d padding and
            # "ceil" tests expect, and what the WebNN baseline computes.
            valid = np.pad(np.ones((1, 1, h, w), dtype=ACCUMULATE), widths)
            count = windows(valid, window, strides, dil, out).sum(axis=(-2, -1))
            result = (ordered(np.cumsum, win, (-2, -1))
                      / np.where(count == 0, 1.0, count))
        return [finish(nchw_to_layout(result, layout), x.dtype)]
    return impl


OPS["averagePool2d"] = _pool("average")
OPS["l2Pool2d"] = _pool("l2")
OPS["maxPool2d"] = _pool("max")


def _resample_axis(x: np.ndarray, axis: int, out_size: int, scale: float, mode: str):
    """Resize one axis with half-pixel mapping: src = (dst + 0.5) / scale - 0.5,
    clamped to [0, in - 1]; nearest takes ceil(src - 0.5), linear interpolates."""
    in_size = x.shape[axis]
    src = (np.arange(out_size, dtype=np.float64) + 0.5) / scale - 0.5
    src = np.clip(src, 0.0, in_size - 1)
    if mode == "nearest-neighbor":
        idx = np.ceil(src - 0.5).astype(np.int64)
        return np.take(x, idx, axis=axis)
    lo = np.floor(src).astype(np.int64)
    hi = np.ceil(src).astype(np.int64)
    frac = src - lo
    shape = [1] * x.ndim
    shape[axis] = out_size
    frac = frac.reshape(shape)
    return np.take(x, lo, axis=axis) * (1.0 - frac) + np.take(x, hi, axis=axis) * frac


def _resample2d(operands, options):
    x = operand(operands, "input")
    mode = opt(options, "mode", "nearest-neighbor")
    if mode not in ("nearest-neighbor", "linear"):
        fail(f"resample2d: unknown mode {mode!r}")
    axes = [normalize_axis(a, x.ndim) for a in opt(options, "axes", (2, 3))]
    sizes = options.get("sizes")
    if sizes is not None:
        out = [int(v) for v in sizes]
    else:
        # `scales` is a sequence<float>: each scale is rounded to float32 before the
        # product (as the verifier does), e.g. 10 * 0.7 gives 6, not 7.
        scales = [float(np.float32(s)) for s in opt(options, "scales", (1.0, 1.0))]
        out = [int(math.floor(x.shape[a] * s)) for a, s in zip(axes, scales)]
    if len(axes) != 2 or min(out) <= 0:
        fail("resample2d: bad axes or output size")
    # The coordinate map uses outputSize / inputSize even when `scales` is given (spec
    # #816): with scales [1.5] a size-5 axis becomes 7 and maps with 7/5, not 1.5.
    scales = [o / x.shape[a] for o, a in zip(out, axes)]
    work = x.astype(ACCUMULATE) if mode == "linear" else x
    # Bilinear interpolation is separable: resizing one axis after the other gives
    # the same weights (1-u)(1-v), (1-u)v, u(1-v), uv as the 2-D formula.
    for axis, size, scale in zip(axes, out, scales):
        work = _resample_axis(work, axis, size, scale, mode)
    if mode == "linear" and not is_float(x.dtype):
        # Integer (u8/i8) linear resampling: round to nearest and saturate.
        info = np.iinfo(x.dtype)
        work = np.clip(np.rint(work), info.min, info.max)
    return [finish(work, x.dtype)]


OPS["resample2d"] = _resample2d

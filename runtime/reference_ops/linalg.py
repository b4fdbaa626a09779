"""matmul, gemm, conv2d and convTranspose2d (accumulated in float64)."""

from __future__ import annotations

import numpy as np

from ._common import (
    ACCUMULATE,
    OpFn,
    fail,
    finish,
    float_option,
    is_float,
    layout_to_nchw,
    nchw_to_layout,
    operand,
    opt,
    pair,
    quad,
    windows,
)

OPS: dict[str, OpFn] = {}


def _acc(x: np.ndarray) -> np.ndarray:
    return x.astype(ACCUMULATE) if is_float(x.dtype) else x


def _matmul(operands, options):
    a, b = operand(operands, "a"), operand(operands, "b")
    if a.ndim < 2 or b.ndim < 2:
        fail("matmul: both operands must have rank >= 2")
    return [finish(np.matmul(_acc(a), _acc(b)), a.dtype)]


def _gemm(operands, options):
    a, b = operand(operands, "a"), operand(operands, "b")
    c = operand(operands, "c", required=False)
    if a.ndim != 2 or b.ndim != 2:
        fail("gemm: a and b must be 2-D")
    a2 = _acc(a).T if opt(options, "aTranspose", False) else _acc(a)
    b2 = _acc(b).T if opt(options, "bTranspose", False) else _acc(b)
    # alpha and beta apply as float32 values, as in the compiled kernels (1e300 is inf).
    out = np.float64(float_option(options, "alpha", 1.0)) * (a2 @ b2)
    if c is not None:
        # c is unidirectionally broadcast to [M, N].
        out = out + (np.float64(float_option(options, "beta", 1.0))
                     * np.broadcast_to(_acc(c), out.shape))
    return [finish(out, a.dtype)]


# Filter layouts, as the permutation that brings them to the canonical order.
_CONV_FILTER_TO_OIHW = {"oihw": (0, 1, 2, 3), "hwio": (3, 2, 0, 1),
                        "ohwi": (0, 3, 1, 2), "ihwo": (3, 0, 1, 2)}
_CONVT_FILTER_TO_IOHW = {"iohw": (0, 1, 2, 3), "hwoi": (3, 2, 0, 1),
                         "ohwi": (3, 0, 1, 2)}


def _bias(out: np.ndarray, operands) -> np.ndarray:
    bias = operand(operands, "bias", required=False)
    if bias is not None:
        out = out + _acc(bias).reshape(1, -1, 1, 1)
    return out


def _conv2d(operands, options):
    x = operand(operands, "input")
    w = operand(operands, "filter")
    layout = opt(options, "inputLayout", "nchw")
    flayout = opt(options, "filterLayout", "oihw")
    if x.ndim != 4 or w.ndim != 4:
        fail("conv2d: input and filter must be 4-D")
    if flayout not in _CONV_FILTER_TO_OIHW:
        fail(f"conv2d: unknown filterLayout {flayout!r}")
    xin = _acc(layout_to_nchw(x, layout))
    wf = _acc(w.transpose(_CONV_FILTER_TO_OIHW[flayout]))
    pt, pb, pl, pr = quad(options, "padding")
    strides = pair(options, "strides", (1, 1))
    dil = pair(options, "dilations", (1, 1))
    groups = int(opt(options, "groups", 1))
    n, c, h, wd = xin.shape
    o, cg, kh, kw = wf.shape
    if c != cg * groups or o % groups:
        fail(f"conv2d: channels {c} / filter {wf.shape} / groups {groups} mismatch")
    out_h = (h - ((kh - 1) * dil[0] + 1) + pt + pb) // strides[0] + 1
    out_w = (wd - ((kw - 1) * dil[1] + 1) + pl + pr) // strides[1] + 1
    if out_h <= 0 or out_w <= 0:
        fail("conv2d: output size is not positive")
    xp = np.pad(xin, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    win = windows(xp, (kh, kw), strides, dil, (out_h, out_w))
    win = win.reshape(n, groups, cg, out_h, out_w, kh, kw)
    wg = wf.reshape(groups, o // groups, cg, kh, kw)
    out = np.einsum("ngchwij,gocij->ngohw", win, wg, optimize=True)
    out = _bias(out.reshape(n, o, out_h, out_w), operands)
    return [finish(nchw_to_layout(out, layout), x.dtype)]


def _conv_transpose2d(operands, options):
    x = operand(operands, "input")
    w = operand(operands, "filter")
    layout = opt(options, "inputLayout", "nchw")
    flayout = opt(options, "filterLayout", "iohw")
    if x.ndim != 4 or w.ndim != 4:
        fail("convTranspose2d: input and filter must be 4-D")
    if flayout not in _CONVT_FILTER_TO_IOHW:
        fail(f"convTranspose2d: unknown filterLayout {flayout!r}")
    xin = _acc(layout_to_nchw(x, layout))
    wf = _acc(w.transpose(_CONVT_FILTER_TO_IOHW[flayout]))
    pt, pb, pl, pr = quad(options, "padding")
    sh, sw = pair(options, "strides", (1, 1))
    dh, dw = pair(options, "dilations", (1, 1))
    oph, opw = pair(options, "outputPadding", (0, 0))
    groups = int(opt(options, "groups", 1))
    n, c, h, wd = xin.shape
    ci, og, kh, kw = wf.shape
    if ci != c or c % groups:
        fail(f"convTranspose2d: channels {c} / filter {wf.shape} / groups {groups} mismatch")
    cg = c // groups
    natural_h = (h - 1) * sh + (kh - 1) * dh + 1
    natural_w = (wd - 1) * sw + (kw - 1) * dw + 1
    sizes = options.get("outputSizes")
    if sizes is not None:  # outputPadding is ignored when outputSizes is given
        out_h, out_w = (int(v) for v in sizes)
    else:
        out_h = natural_h - pt - pb + oph
        out_w = natural_w - pl - pr + opw
    if out_h <= 0 or out_w <= 0:
        fail("convTranspose2d: output size is not positive")
    # Scatter every input pixel's contribution into the uncropped ("full") output,
    # then crop the beginning padding; the end is cropped (or zero-extended by
    # outputPadding/outputSizes) by the output size.
    full_h, full_w = max(natural_h, pt + out_h), max(natural_w, pl + out_w)
    xg = xin.reshape(n, groups, cg, h, wd)
    wg = wf.reshape(groups, cg, og, kh, kw)
    contrib = np.einsum("ngchw,gcoij->ngoijhw", xg, wg, optimize=True)
    full = np.zeros((n, groups, og, full_h, full_w), dtype=contrib.dtype)
    for i in range(kh):
        for j in range(kw):
            full[:, :, :, i * dh:i * dh + (h - 1) * sh + 1:sh,
                 j * dw:j * dw + (wd - 1) * sw + 1:sw] += contrib[:, :, :, i, j]
    out = full.reshape(n, groups * og, full_h, full_w)[:, :, pt:pt + out_h, pl:pl + out_w]
    out = _bias(out, operands)
    return [finish(nchw_to_layout(out, layout), x.dtype)]


OPS.update(matmul=_matmul, gemm=_gemm, conv2d=_conv2d, convTranspose2d=_conv_transpose2d)

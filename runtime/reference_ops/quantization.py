"""quantizeLinear and dequantizeLinear with block-wise broadcast scale/zeroPoint."""

from __future__ import annotations

import numpy as np

from ._common import ACCUMULATE, OpFn, arith_dtype, fail, finish, operand

OPS: dict[str, OpFn] = {}


def _blockwise(v: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Expand `v` to `shape`: each element of `v` covers a contiguous block of
    input.shape[d] / v.shape[d] elements along every dimension d."""
    if v.ndim > len(shape):
        fail(f"scale/zeroPoint rank {v.ndim} exceeds input rank {len(shape)}")
    v = v.reshape((1,) * (len(shape) - v.ndim) + v.shape)
    for axis, (have, want) in enumerate(zip(v.shape, shape)):
        if have != want:
            if want % have:
                fail(f"block size does not divide: {have} into {want} (axis {axis})")
            v = np.repeat(v, want // have, axis=axis)
    return v


def _dequantize_linear(operands, options):
    x = operand(operands, "input")
    scale = operand(operands, "scale")
    zero = operand(operands, "zeroPoint")
    s = _blockwise(scale, x.shape).astype(ACCUMULATE)
    z = _blockwise(zero, x.shape).astype(ACCUMULATE)
    # (input - zeroPoint) is exact in float64 for every allowed (<= 32-bit) type.
    return [finish((x.astype(ACCUMULATE) - z) * s, scale.dtype)]


def _quantize_linear(operands, options):
    x = operand(operands, "input")
    scale = operand(operands, "scale")
    zero = operand(operands, "zeroPoint")
    work = arith_dtype(x.dtype)  # the division is done like implementations: in f32
    s = _blockwise(scale, x.shape).astype(work)
    z = _blockwise(zero, x.shape).astype(ACCUMULATE)
    q = np.rint(x.astype(work) / s).astype(ACCUMULATE) + z  # roundEven: ties to even
    info = np.iinfo(zero.dtype)
    # A NaN quotient quantizes to 0 (`QuantizeLinearOp`), as a saturating cast does.
    q = np.where(np.isnan(q), 0.0, np.clip(q, info.min, info.max))
    return [finish(q, zero.dtype)]


OPS.update(dequantizeLinear=_dequantize_linear, quantizeLinear=_quantize_linear)

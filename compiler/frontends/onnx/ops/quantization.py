"""Linear quantization: QuantizeLinear, DequantizeLinear, DynamicQuantizeLinear.

WebNN's scale and zero point have the input's rank and broadcast block-wise, so a
per-tensor scale becomes all ones and a per-axis one stretches along `axis`; ONNX's
`block_size` blocks are already in that form. An absent zero point is zero (uint8 for
QuantizeLinear unless `output_dtype` says otherwise, the input's type for
DequantizeLinear). DynamicQuantizeLinear is its ONNX definition written in webnn ops.
"""

from __future__ import annotations

import numpy as np
from onnx import TensorProto

from ..node import Node, converts, onnx_type_name, webnn_type_of


def _blockwise(n: Node, i: int, rank: int, axis: int):
    """Scale or zero point `i` reshaped to the input's rank."""
    shape = n.shape(i)
    value = n.value(i)
    if len(shape) == rank:
        return n.to_tensor(value)
    if len(shape) == 0 or (len(shape) == 1 and shape[0] == 1):
        return n.reshape(value, [1] * rank)
    if len(shape) == 1:
        target = [1] * rank
        target[axis] = shape[0]
        return n.reshape(value, target)
    n.refuse(f"a scale of shape {list(shape)} does not fit an input of rank {rank}")


def _zero_point(n: Node, scale, dtype: str):
    return n.constant(np.zeros(n.spec_of(scale).shape, dtype=dtype))


@converts("DequantizeLinear")
def dequantize_linear(n: Node):
    rank = n.rank(0)
    axis = n.axis(n.attr("axis", 1), max(rank, 1)) if rank else 0
    scale = _blockwise(n, 1, rank, axis)
    zero = _blockwise(n, 2, rank, axis) if n.has(2) else _zero_point(n, scale, n.dtype(0))
    return [n.op("dequantizeLinear", n.tensor(0), scale, zero)]


@converts("QuantizeLinear")
def quantize_linear(n: Node):
    rank = n.rank(0)
    axis = n.axis(n.attr("axis", 1), max(rank, 1)) if rank else 0
    scale = _blockwise(n, 1, rank, axis)
    if n.has(2):
        zero = _blockwise(n, 2, rank, axis)
    else:
        elem = n.attr("output_dtype", 0) or TensorProto.UINT8
        dtype = webnn_type_of(elem)
        if dtype is None or elem == TensorProto.BOOL:
            n.refuse(f"output type {onnx_type_name(elem)} has no WebNN data type")
        zero = _zero_point(n, scale, dtype)
    return [n.op("quantizeLinear", n.tensor(0), scale, zero)]


@converts("DynamicQuantizeLinear")
def dynamic_quantize_linear(n: Node):
    x = n.tensor(0)
    rank = n.rank(0)
    zero = n.scalar(0, "float32")
    low = n.op("min", n.op("reduceMin", x), zero)
    high = n.op("max", n.op("reduceMax", x), zero)
    scale = n.op("div", n.op("sub", high, low), n.scalar(255, "float32"))
    point = n.op("clamp", n.op("roundEven", n.op("sub", zero, n.op("div", low, scale))),
                 minValue=0, maxValue=255)
    point = n.cast(point, "uint8")
    y = n.op("quantizeLinear", x, n.reshape(scale, [1] * rank), n.reshape(point, [1] * rank))
    return [y, scale, point]

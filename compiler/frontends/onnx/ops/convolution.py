"""Convolutions and pooling: Conv, ConvTranspose, ConvInteger, the pools, global pools.

WebNN's convolutions and pools are 2-D (NCHW here, ONNX's layout). A 1-D one becomes
2-D with a unit width; 3-D ones are refused. `auto_pad` is resolved to explicit padding
from the static shapes. ONNX's `ceil_mode` drops a last window that would start in the
end padding (as PyTorch does), so the output size is passed as `outputSizes`; average
pooling that counts padded cells (`count_include_pad=1`) pads explicitly with zeros.
"""

from __future__ import annotations

import math

from ..node import Node, converts


def _spatial(n: Node, what: str) -> int:
    spatial = n.rank(0) - 2
    if spatial not in (1, 2):
        n.refuse(f"{spatial}-D {what}: WebNN's {what} is 2-D (1-D is emulated with a unit "
                 "width); 3-D and higher are not expressible")
    return spatial


def _explicit_pads(n: Node, sizes, kernel, strides, dilations, *, transposed=False,
                   output_shape=None, output_padding=None) -> tuple[list[int], list[int]]:
    """(begin, end) padding per spatial axis from `pads` or `auto_pad`."""
    k = len(sizes)
    auto_pad = n.attr("auto_pad", "NOTSET")
    if auto_pad in ("NOTSET", ""):
        pads = list(n.attr("pads", [0] * (2 * k)))
        if len(pads) != 2 * k:
            n.refuse(f"pads {pads} has {len(pads)} values; expected {2 * k}")
        return pads[:k], pads[k:]
    if auto_pad == "VALID":
        return [0] * k, [0] * k
    if auto_pad not in ("SAME_UPPER", "SAME_LOWER"):
        n.refuse(f"auto_pad '{auto_pad}' is not an ONNX padding mode")
    begin, end = [], []
    for i in range(k):
        effective = (kernel[i] - 1) * dilations[i] + 1
        if transposed:
            out = output_shape[i] if output_shape else sizes[i] * strides[i]
            total = max(0, strides[i] * (sizes[i] - 1) + output_padding[i] + effective - out)
        else:
            out = -(-sizes[i] // strides[i])
            total = max(0, (out - 1) * strides[i] + effective - sizes[i])
        small, large = total // 2, total - total // 2
        if auto_pad == "SAME_UPPER":  # the odd cell goes at the end
            begin.append(small), end.append(large)
        else:
            begin.append(large), end.append(small)
    return begin, end


def _as_2d(n: Node, value, spatial: int):
    """A 1-D (N, C, L) tensor as 2-D (N, C, L, 1)."""
    if spatial == 2:
        return n.to_tensor(value)
    return n.reshape(value, list(n.spec_of(value).shape) + [1])


def _padding(begin, end) -> list[int]:
    return [begin[0], end[0], begin[1], end[1]]


def _two(values, fill) -> list[int]:
    return list(values) + [fill] * (2 - len(values))


def _conv_geometry(n: Node, what: str):
    """(spatial rank, input sizes, kernel, strides, dilations) of a convolution; the
    kernel's shape is the attribute's, or the filter's."""
    spatial = _spatial(n, what)
    kernel = n.attr("kernel_shape") or list(n.shape(1)[2:])
    return (spatial, n.shape(0)[2:], kernel, n.attr("strides") or [1] * spatial,
            n.attr("dilations") or [1] * spatial)


@converts("Conv", "ConvInteger")
def conv(n: Node):
    spatial, sizes, kernel, strides, dilations = _conv_geometry(n, "convolution")
    begin, end = _explicit_pads(n, sizes, kernel, strides, dilations)
    x, w = n.value(0), n.value(1)
    bias = None
    if n.op_type == "ConvInteger":
        # As ONNX Runtime's WebNN provider does: float32 arithmetic on the inputs minus
        # their zero points, cast back to int32.
        x = n.cast(n.to_tensor(x), "float32")
        w = n.cast(n.to_tensor(w), "float32")
        if n.has(2):
            x = n.op("sub", x, n.cast(n.tensor(2), "float32"))
        if n.has(3):
            zero = n.cast(n.tensor(3), "float32")
            if n.rank(3) == 1:  # one zero point per output channel
                zero = n.reshape(zero, [n.shape(3)[0]] + [1] * (spatial + 1))
            w = n.op("sub", w, zero)
    elif n.has(2):
        bias = n.tensor(2)
    y = n.op("conv2d", _as_2d(n, x, spatial), _as_2d(n, w, spatial), bias=bias,
             padding=_padding(_two(begin, 0), _two(end, 0)), strides=_two(strides, 1),
             dilations=_two(dilations, 1), groups=n.attr("group", 1))
    if spatial == 1:
        y = n.reshape(y, n.spec_of(y).shape[:3])
    if n.op_type == "ConvInteger":
        y = n.cast(y, "int32")
    return [y]


@converts("ConvTranspose")
def conv_transpose(n: Node):
    spatial, sizes, kernel, strides, dilations = _conv_geometry(n, "transposed convolution")
    output_padding = n.attr("output_padding") or [0] * spatial
    output_shape = n.attr("output_shape")
    if output_shape and len(output_shape) == spatial + 2:
        output_shape = output_shape[2:]
    begin, end = _explicit_pads(n, sizes, kernel, strides, dilations, transposed=True,
                                output_shape=output_shape, output_padding=output_padding)
    output_sizes = None
    if output_shape:
        # ONNX puts the padding needed to reach output_shape at the ends; WebNN takes
        # the sizes themselves (they must lie within one stride of the computed size).
        begin, end = [], []
        for i in range(spatial):
            effective = (kernel[i] - 1) * dilations[i] + 1
            total = strides[i] * (sizes[i] - 1) + output_padding[i] + effective \
                - output_shape[i]
            if n.attr("auto_pad", "NOTSET") == "SAME_UPPER":
                b = total // 2
            else:
                b = total - total // 2
            b = max(b, 0)
            begin.append(b), end.append(max(total - b, 0))
        output_sizes = _two(output_shape, 1)
    y = n.op("convTranspose2d", _as_2d(n, n.value(0), spatial),
             _as_2d(n, n.value(1), spatial), bias=n.tensor(2) if n.has(2) else None,
             padding=_padding(_two(begin, 0), _two(end, 0)), strides=_two(strides, 1),
             dilations=_two(dilations, 1), groups=n.attr("group", 1),
             outputPadding=None if output_sizes else _two(output_padding, 0),
             outputSizes=output_sizes)
    if spatial == 1:
        y = n.reshape(y, n.spec_of(y).shape[:3])
    return [y]


def _pool(n: Node, kind: str):
    spatial = _spatial(n, "pooling")
    if n.wants(1):
        n.refuse("the Indices output of MaxPool is not expressible in WebNN")
    sizes = n.shape(0)[2:]
    kernel = n.attr("kernel_shape")
    if not kernel or len(kernel) != spatial:
        n.refuse(f"kernel_shape {kernel} does not match the {spatial} spatial dimensions")
    strides = n.attr("strides") or [1] * spatial
    dilations = n.attr("dilations") or [1] * spatial
    begin, end = _explicit_pads(n, sizes, kernel, strides, dilations)
    x = _as_2d(n, n.value(0), spatial)
    if kind == "averagePool2d" and n.attr("count_include_pad", 0) and any(begin + end):
        x = n.op("pad", x, beginningPadding=[0, 0] + _two(begin, 0),
                 endingPadding=[0, 0] + _two(end, 0))
        sizes = [s + b + e for s, b, e in zip(sizes, begin, end)]
        begin, end = [0] * spatial, [0] * spatial
    ceil = bool(n.attr("ceil_mode", 0))
    out = []
    for i in range(spatial):
        effective = (kernel[i] - 1) * dilations[i] + 1
        span = sizes[i] + begin[i] + end[i] - effective
        size = (math.ceil(span / strides[i]) if ceil else span // strides[i]) + 1
        if ceil and (size - 1) * strides[i] >= sizes[i] + begin[i]:
            size -= 1  # the last window would start in the end padding
        out.append(size)
    y = n.op(kind, x, windowDimensions=_two(kernel, 1),
             padding=_padding(_two(begin, 0), _two(end, 0)), strides=_two(strides, 1),
             dilations=_two(dilations, 1), outputSizes=_two(out, 1) if ceil else None)
    if spatial == 1:
        y = n.reshape(y, n.spec_of(y).shape[:3])
    return [y]


def _pool_kind(n: Node) -> str:
    """The WebNN pool of an ONNX pool, global or not (Lp pools only with p = 2)."""
    kind = n.op_type.removeprefix("Global")
    if kind == "LpPool":
        p = n.attr("p", 2)
        if p != 2:
            n.refuse(f"p={p}: WebNN pools with the L2 norm only (l2Pool2d)")
        return "l2Pool2d"
    return {"AveragePool": "averagePool2d", "MaxPool": "maxPool2d"}[kind]


@converts("AveragePool", "MaxPool", "LpPool")
def pool(n: Node):
    return _pool(n, _pool_kind(n))


@converts("GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool")
def global_pool(n: Node):
    kind = _pool_kind(n)
    shape = n.shape(0)
    if len(shape) < 3:
        n.refuse(f"input rank {len(shape)}: global pooling needs (N, C, spatial...)")
    flat = [shape[0], shape[1], math.prod(shape[2:]), 1] if len(shape) != 4 else shape
    y = n.op(kind, n.reshape(n.value(0), flat))
    return [n.reshape(y, list(shape[:2]) + [1] * (len(shape) - 2))]

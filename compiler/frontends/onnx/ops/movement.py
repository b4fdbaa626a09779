"""Shapes and data movement: Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Concat,
Split, Slice, Pad, Expand, Tile, Trilu, DepthToSpace, SpaceToDepth, Resize and Upsample.

WebNN takes shapes, sizes and paddings when the graph is built, so the ONNX inputs that
carry them must be constants (after folding). There is no squeeze, unsqueeze or flatten
in WebNN: all are `reshape`. A negative-step slice reverses the axis first. Resize maps
to `resample2d` when at most two axes change and ONNX's coordinate mapping picks the
same source cells (or weights) as WebNN's half-pixel one, which is checked on the
actual sizes; otherwise it is refused with the reason.
"""

from __future__ import annotations

import math

import numpy as np

from ..node import Node, converts


@converts("Reshape")
def reshape(n: Node):
    shape = n.ints(1, "shape") if n.opset >= 5 else list(n.attr("shape", []))
    source = n.shape(0)
    allow_zero = bool(n.attr("allowzero", 0))
    out = [source[i] if d == 0 and not allow_zero and i < len(source) else d
           for i, d in enumerate(shape)]
    if out.count(-1) > 1:
        n.refuse(f"shape {shape} infers more than one dimension")
    if -1 in out:
        known = math.prod(d for d in out if d != -1)
        if known == 0 or math.prod(source) % known:
            n.refuse(f"shape {shape} does not fit an input of shape {list(source)}")
        out[out.index(-1)] = math.prod(source) // known
    return [n.reshape(n.value(0), out)]


@converts("Flatten")
def flatten(n: Node):
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 1), len(shape) + 1)
    return [n.reshape(n.value(0), [math.prod(shape[:axis]), math.prod(shape[axis:])])]


def _axes(n: Node, rank: int) -> list[int] | None:
    if n.opset >= 13:
        return n.ints(1, "axes") if n.has(1) else None
    return n.attr("axes")


@converts("Squeeze")
def squeeze(n: Node):
    shape = n.shape(0)
    axes = _axes(n, len(shape))
    if axes is None:
        axes = [i for i, d in enumerate(shape) if d == 1]
    axes = {n.axis(a, len(shape), "axes value") for a in axes}
    for a in axes:
        if shape[a] != 1:
            n.refuse(f"axis {a} of shape {list(shape)} has size {shape[a]}, not 1")
    return [n.reshape(n.value(0), [d for i, d in enumerate(shape) if i not in axes])]


@converts("Unsqueeze")
def unsqueeze(n: Node):
    shape = list(n.shape(0))
    axes = _axes(n, len(shape))
    if not axes:
        n.refuse("no axes to insert")
    rank = len(shape) + len(axes)
    axes = sorted(n.axis(a, rank, "axes value") for a in axes)
    for a in axes:
        shape.insert(a, 1)
    return [n.reshape(n.value(0), shape)]


@converts("Transpose")
def transpose(n: Node):
    rank = n.rank(0)
    perm = n.attr("perm") or list(reversed(range(rank)))
    return [n.transpose(n.value(0), perm)]


@converts("Concat")
def concat(n: Node):
    rank = n.rank(0)
    axis = n.axis(n.attr("axis", 1), rank)
    inputs = [n.tensor(i) for i in range(n.count()) if n.has(i)]
    if len(inputs) == 1:
        return [inputs[0]]
    return [n.op("concat", inputs, axis=axis)]


@converts("Split")
def split(n: Node):
    shape = n.shape(0)
    axis = n.axis(n.attr("axis", 0), len(shape))
    count = len(n.outputs)
    if n.opset >= 13 and n.has(1):
        sizes = n.ints(1, "split")
    elif n.opset < 13 and n.attr("split"):
        sizes = list(n.attr("split"))
    elif n.opset < 2 and n.has(1):
        sizes = n.ints(1, "split")
    else:
        parts = n.attr("num_outputs", count)
        chunk = -(-shape[axis] // parts)
        sizes = [min(chunk, shape[axis] - chunk * i) for i in range(parts)]
    if len(sizes) == 1:
        return [n.value(0)]
    return list(n.op("split", n.tensor(0), splits=sizes, axis=axis))


@converts("Slice")
def slice_(n: Node):
    shape = n.shape(0)
    rank = len(shape)
    if n.opset < 10:
        starts, ends = n.attr("starts"), n.attr("ends")
        axes = n.attr("axes") or list(range(len(starts)))
        steps = [1] * len(starts)
    else:
        starts, ends = n.ints(1, "starts"), n.ints(2, "ends")
        axes = n.ints(3, "axes") if n.has(3) else list(range(len(starts)))
        steps = n.ints(4, "steps") if n.has(4) else [1] * len(starts)
    begin, sizes, strides = [0] * rank, list(shape), [1] * rank
    reverse = []
    for start, end, axis, step in zip(starts, ends, axes, steps):
        axis = n.axis(axis, rank, "axes value")
        dim = shape[axis]
        if step == 0:
            n.refuse("a slice step is 0")
        if step > 0:
            start = min(max(start + dim if start < 0 else start, 0), dim)
            end = min(max(end + dim if end < 0 else end, 0), dim)
            count = max(0, -(-(end - start) // step))
        else:
            start = min(max(start + dim if start < 0 else start, 0), dim - 1)
            end = min(max(end + dim if end < 0 else end, -1), dim - 1)
            count = max(0, -(-(start - end) // -step))
            # Walking backwards from `start` is walking forwards on the reversed axis.
            reverse.append(axis)
            start, step = dim - 1 - start, -step
        if count == 0:
            n.refuse(f"the slice of axis {axis} is empty; WebNN tensors have no "
                     "zero-sized dimensions")
        begin[axis], sizes[axis], strides[axis] = start, (count - 1) * step + 1, step
    x = n.value(0)
    if isinstance(x, np.ndarray):
        if reverse:
            x = np.flip(x, reverse)
        index = tuple(slice(b, b + s, t) for b, s, t in zip(begin, sizes, strides))
        return [np.ascontiguousarray(x[index])]
    if reverse:
        x = n.op("reverse", x, axes=sorted(reverse))
    if begin == [0] * rank and sizes == list(shape) and strides == [1] * rank:
        return [x]
    return [n.op("slice", x, starts=begin, sizes=sizes,
                 strides=None if strides == [1] * rank else strides)]


PAD_MODES = {"constant": "constant", "reflect": "reflection", "edge": "edge"}


@converts("Pad")
def pad(n: Node):
    shape = n.shape(0)
    rank = len(shape)
    mode = n.attr("mode", "constant")
    if mode not in PAD_MODES:
        n.refuse(f"pad mode '{mode}' is not expressible (WebNN pads with constant, edge "
                 "and reflection)")
    if n.opset >= 11:
        pads = n.ints(1, "pads")
        value = np.asarray(n.const(2, "constant_value")).reshape(-1)[0].item() \
            if n.has(2) else 0
        axes = n.ints(3, "axes") if n.has(3) else list(range(rank))
    else:
        pads = list(n.attr("pads", n.attr("paddings", [])))
        value = n.attr("value", 0.0)
        axes = list(range(rank))
    if len(pads) != 2 * len(axes):
        n.refuse(f"pads {pads} has {len(pads)} values; expected {2 * len(axes)}")
    begin, end = [0] * rank, [0] * rank
    for i, axis in enumerate(axes):
        axis = n.axis(axis, rank, "axes value")
        begin[axis], end[axis] = pads[i], pads[i + len(axes)]
    x = n.tensor(0)
    if any(p > 0 for p in begin + end):
        x = n.op("pad", x, beginningPadding=[max(p, 0) for p in begin],
                 endingPadding=[max(p, 0) for p in end], mode=PAD_MODES[mode],
                 value=value if mode == "constant" else None)
    if any(p < 0 for p in begin + end):  # negative padding crops
        padded = n.spec_of(x).shape
        starts = [max(-p, 0) for p in begin]
        sizes = [d - s - max(-e, 0) for d, s, e in zip(padded, starts, end)]
        if min(sizes) <= 0:
            n.refuse(f"pads {pads} leave nothing of shape {list(shape)}")
        x = n.op("slice", x, starts=starts, sizes=sizes)
    return [x]


@converts("Expand")
def expand(n: Node):
    shape = n.shape(0)
    target = n.ints(1, "shape")
    rank = max(len(shape), len(target))
    a = [1] * (rank - len(shape)) + list(shape)
    b = [1] * (rank - len(target)) + list(target)
    out = []
    for x, y in zip(a, b):
        if x != y and x != 1 and y != 1:
            n.refuse(f"shape {list(shape)} does not broadcast to {target}")
        out.append(max(x, y))
    if out == list(shape):
        return [n.value(0)]
    return [n.op("expand", n.tensor(0), newShape=out)]


@converts("Tile")
def tile(n: Node):
    repeats = n.ints(1, "repeats")
    if all(r == 1 for r in repeats):
        return [n.value(0)]
    return [n.op("tile", n.tensor(0), repetitions=repeats)]


@converts("Trilu")
def trilu(n: Node):
    k = int(np.asarray(n.const(1, "k")).reshape(-1)[0]) if n.has(1) else 0
    return [n.op("triangular", n.tensor(0), upper=bool(n.attr("upper", 1)), diagonal=k)]


@converts("DepthToSpace")
def depth_to_space(n: Node):
    batch, channels, height, width = _nchw(n)
    b = n.attr("blocksize")
    if not b or channels % (b * b):
        n.refuse(f"blocksize {b} does not divide the {channels} channels into blocks")
    if n.attr("mode", "DCR") == "DCR":
        y = n.reshape(n.value(0), [batch, b, b, channels // (b * b), height, width])
        y = n.transpose(y, [0, 3, 4, 1, 5, 2])
    else:
        y = n.reshape(n.value(0), [batch, channels // (b * b), b, b, height, width])
        y = n.transpose(y, [0, 1, 4, 2, 5, 3])
    return [n.reshape(y, [batch, channels // (b * b), height * b, width * b])]


@converts("SpaceToDepth")
def space_to_depth(n: Node):
    batch, channels, height, width = _nchw(n)
    b = n.attr("blocksize")
    if not b or height % b or width % b:
        n.refuse(f"blocksize {b} does not divide the spatial size {height}x{width}")
    y = n.reshape(n.value(0), [batch, channels, height // b, b, width // b, b])
    y = n.transpose(y, [0, 3, 5, 1, 2, 4])
    return [n.reshape(y, [batch, channels * b * b, height // b, width // b])]


def _nchw(n: Node):
    shape = n.shape(0)
    if len(shape) != 4:
        n.refuse(f"input rank {len(shape)}: the op needs an NCHW input")
    return shape


# --------------------------------------------------------------------------- Resize
@converts("Resize", "Upsample")
def resize(n: Node):
    shape = n.shape(0)
    rank = len(shape)
    mode = n.attr("mode", "nearest")
    if mode == "bilinear":  # Upsample-7's name for it
        mode = "linear"
    if mode not in ("nearest", "linear"):
        n.refuse(f"mode '{mode}': WebNN resamples with nearest-neighbor or linear only")
    scales = sizes = None
    if n.op_type == "Upsample":
        scales = list(n.attr("scales") or []) if n.opset < 9 else \
            [float(s) for s in np.asarray(n.const(1, "scales")).reshape(-1)]
        coordinate = "asymmetric"
    else:
        coordinate = n.attr("coordinate_transformation_mode",
                            "asymmetric" if n.opset < 11 else "half_pixel")
        if n.opset < 11:
            scales = [float(s) for s in np.asarray(n.const(1, "scales")).reshape(-1)]
        else:
            if n.has(2) and np.asarray(n.const(2, "scales")).size:
                scales = [float(s) for s in np.asarray(n.const(2, "scales")).reshape(-1)]
            if n.has(3) and np.asarray(n.const(3, "sizes")).size:
                sizes = n.ints(3, "sizes")
    axes = n.attr("axes")
    given = scales if scales is not None else sizes
    if given is None:
        n.refuse("neither scales nor sizes are given")
    axes = [n.axis(a, rank, "axes value") for a in axes] if axes else list(range(rank))
    if len(given) != len(axes):
        n.refuse(f"{len(given)} scales or sizes for {len(axes)} axes")
    full_scales = [1.0] * rank
    out = list(shape)
    for i, a in enumerate(axes):
        if sizes is not None:
            out[a] = sizes[i]
            full_scales[a] = sizes[i] / shape[a]
        else:
            full_scales[a] = scales[i]
            out[a] = int(math.floor(shape[a] * scales[i]))
    if sizes is not None and n.attr("keep_aspect_ratio_policy", "stretch") != "stretch":
        n.refuse("keep_aspect_ratio_policy other than 'stretch' is not supported")
    changed = [a for a in range(rank) if out[a] != shape[a] or full_scales[a] != 1.0]
    if len(changed) > 2:
        n.refuse(f"{len(changed)} axes change size; WebNN's resample2d resizes two")
    if rank != 4:
        n.refuse(f"input rank {rank}: WebNN's resample2d takes 4-D inputs")
    if not changed:
        return [n.value(0)]
    pair = changed if len(changed) == 2 else (
        [changed[0], changed[0] + 1] if changed[0] + 1 < rank else [changed[0] - 1, changed[0]])
    if n.op_type == "Upsample" or n.opset < 11:
        nearest_mode = "floor"  # Upsample and Resize-10 round down
    else:
        nearest_mode = n.attr("nearest_mode", "round_prefer_floor")
    if n.attr("antialias", 0) and any(out[a] < shape[a] for a in pair) and mode == "linear":
        n.refuse("antialiased downsampling is not expressible")
    for a in pair:
        problem = _mapping_problem(shape[a], out[a], full_scales[a], mode, coordinate,
                                   nearest_mode)
        if problem:
            n.refuse(f"axis {a} ({shape[a]} -> {out[a]}): {problem}")
    webnn_mode = "nearest-neighbor" if mode == "nearest" else "linear"
    if sizes is not None:
        return [n.op("resample2d", n.tensor(0), mode=webnn_mode,
                     sizes=[out[a] for a in pair], axes=pair)]
    return [n.op("resample2d", n.tensor(0), mode=webnn_mode,
                 scales=[full_scales[a] for a in pair], axes=pair)]


def _mapping_problem(size: int, out: int, scale: float, mode: str, coordinate: str,
                     nearest_mode: str) -> str | None:
    """Why ONNX's mapping of output to input cells differs from WebNN's (None: same)."""
    dst = np.arange(out, dtype=np.float64)
    webnn = np.clip((dst + 0.5) / scale - 0.5, 0.0, size - 1)
    if coordinate == "half_pixel":
        onnx = (dst + 0.5) / scale - 0.5
    elif coordinate == "pytorch_half_pixel":
        onnx = (dst + 0.5) / scale - 0.5 if out > 1 else np.zeros(out)
    elif coordinate == "asymmetric":
        onnx = dst / scale
    elif coordinate == "align_corners":
        onnx = dst * (size - 1) / (out - 1) if out > 1 else np.zeros(out)
    elif coordinate == "half_pixel_symmetric":
        adjustment = out / (scale * size)
        center = size / 2
        offset = center * (1 - adjustment)
        onnx = offset + (dst + 0.5) / scale - 0.5
    elif coordinate == "tf_half_pixel_for_nn":
        onnx = (dst + 0.5) / scale
    else:
        return f"coordinate_transformation_mode '{coordinate}' is not expressible"
    if mode == "nearest":
        rounding = {
            "round_prefer_floor": lambda v: np.ceil(v - 0.5),
            "round_prefer_ceil": lambda v: np.floor(v + 0.5),
            "floor": np.floor, "ceil": np.ceil,
        }.get(nearest_mode)
        if rounding is None:
            return f"nearest_mode '{nearest_mode}' is not an ONNX mode"
        picked = np.clip(rounding(onnx), 0, size - 1)
        if np.array_equal(picked, np.ceil(webnn - 0.5)):
            return None
        return (f"nearest_mode '{nearest_mode}' with coordinate_transformation_mode "
                f"'{coordinate}' picks other cells than WebNN's half-pixel nearest")
    if np.allclose(np.clip(onnx, 0.0, size - 1), webnn, rtol=0, atol=1e-6):
        return None
    return (f"linear resampling with coordinate_transformation_mode '{coordinate}' "
            "interpolates at other points than WebNN's half-pixel mapping")

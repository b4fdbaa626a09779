"""conv2d and convTranspose2d -> one reduction `linalg.generic` each.

A convolution is a sum over (input channel in the group, filter row, filter column) for
every (batch, group, output channel in the group, output row, output column):

    out[n, g, o, y, x] += in[n, g, i, y*sH + kh*dH, x*sW + kw*dW] * filter[g, o, i, kh, kw]

Every operand is read in its own layout through its indexing map (no transposes are
materialized). Three things keep those maps plain affine, so loop bounds can be read off
the operand shapes and nothing is ever read out of bounds:

* Padding: when the windows reach outside the input, the input is first copied into a
  zero-filled tensor of exactly the extent the windows cover (`spread`, one element-wise
  generic whose reads are clamped and selected). Without padding the input is read as is.
* Groups: a channel dimension that is really (group, channel in group) is viewed with
  `tensor.reshape` as two dimensions, so both are plain loop dimensions.
* Unit dimensions (batch 1, depthwise's one channel per group, 1x1 filters) are not
  loops at all; operands read them at index 0. So no loop of one iteration ends up
  innermost, where `interchange-for-vectorization` wants a long contiguous one.

The accumulator starts at the bias (or 0) and is float32 for float16 data, rounded to
float16 once by a final element-wise generic. convTranspose2d is the same sum over an
input "spread" with (stride - 1) zeros between its pixels, with the filter flipped
(see `_conv_transpose2d`).
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.dialects import arith
from xdsl.ir import SSAValue
from xdsl.ir.affine import AffineDimExpr, AffineExpr, AffineMap

from dialects.webnn.ops.convolution import layout_dims
from dialects.webnn.types import TensorSpec

from .emitter import Body, Emitter, compute_dtype
from .framework import Call, Lowering

#: A term of an index expression: a loop name (coefficient 1) or (name, coefficient).
Term = str | tuple[str, int]


class Loops:
    """The named iteration dimensions of one generic.

    A dimension of extent 1 is not a loop: expressions read it as 0 (see module doc).
    """

    def __init__(self, dims: Sequence[tuple[str, int, str]]):
        self.extent = {name: extent for name, extent, _ in dims}
        kept = [(name, iterator) for name, extent, iterator in dims if extent > 1]
        self.position = {name: i for i, (name, _) in enumerate(kept)}
        self.iterators = [iterator for _, iterator in kept]

    @property
    def rank(self) -> int:
        return len(self.position)

    def expr(self, *terms: Term, const: int = 0) -> AffineExpr:
        """`sum(coefficient * loop) + const` (a plain dimension when it is one)."""
        result = AffineExpr.constant(const)
        for term in terms:
            name, coefficient = (term, 1) if isinstance(term, str) else term
            if name in self.position:
                result = result + AffineExpr.dimension(self.position[name]) * coefficient
        return result

    def layout(self, shape: Sequence[int], dims: Sequence[AffineExpr | tuple[str, str]]
               ) -> tuple[tuple[int, ...], AffineMap]:
        """The shape to view a tensor with, and its indexing map.

        `dims` gives each dimension of `shape` as an expression, or as a pair of loop
        names (group, channel in group) for a channel dimension of `group * channel`
        entries; that one becomes two dimensions when both are loops.
        """
        view, exprs = [], []
        for size, dim in zip(shape, dims, strict=True):
            if isinstance(dim, tuple):
                outer, inner = dim
                if outer in self.position and inner in self.position:
                    view += [self.extent[outer], self.extent[inner]]
                    exprs += [self.expr(outer), self.expr(inner)]
                    continue
                dim = self.expr(outer, inner)  # at most one of them is a loop
            view.append(size)
            exprs.append(dim)
        return tuple(view), AffineMap(self.rank, 0, tuple(exprs))

    def view(self, em: Emitter, value: SSAValue, spec: TensorSpec,
             dims: Sequence[AffineExpr | tuple[str, str]]) -> tuple[SSAValue, AffineMap]:
        """`value` reshaped as `layout` says (a view, no copy), with its indexing map."""
        shape, amap = self.layout(spec.shape, dims)
        if shape != spec.shape:
            value = em.reshape(value, spec.with_shape(shape))
        return value, amap


def spread(em: Emitter, x: SSAValue, spec: TensorSpec, layout: str, sizes: Sequence[int],
           offsets: Sequence[int], steps: Sequence[int], fill: float | int,
           exact: Sequence[bool] = (False, False)) -> tuple[SSAValue, TensorSpec]:
    """`x` rebuilt along its spatial axes: padded, cropped, or with zeros between pixels.

    The result has spatial extents `sizes` (batch and channels unchanged); along each
    spatial axis its cell r holds `x[(r - offset) / step]` when that is a whole index
    inside `x`, and `fill` elsewhere. Padding is `offset` = begin padding with step 1;
    convTranspose2d's input dilation has step = stride. Reads are clamped into `x`, so
    nothing is read out of bounds. Returns `x` itself when no axis needs rebuilding.

    An axis that is merely longer than `sizes` is left alone (its tail is never read),
    unless `exact` asks for it: an axis read through a plain loop dimension must have
    that loop's extent, because loop bounds are read off such operand dimensions.
    """
    axes = [layout.index("h"), layout.index("w")]
    work = [(p, size, offset, step) for p, size, offset, step, crop
            in zip(axes, sizes, offsets, steps, exact, strict=True)
            if offset != 0 or step != 1 or size > spec.shape[p]
            or (crop and size != spec.shape[p])]
    if not work:
        return x, spec
    shape = list(spec.shape)
    for p, size in zip(axes, sizes):
        shape[p] = size
    result = spec.with_shape(shape)

    def body(b: Body, _out):
        index = [b.index(d) for d in range(4)]
        inside = None
        for p, _, offset, step in work:
            q = index[p]
            if offset:
                q = b.index_arith(arith.SubiOp, q, b.index_const(offset))
            # Clamp first: the read below must stay inside x even where it is discarded.
            last = (spec.shape[p] - 1) * step
            clamped = b.index_arith(arith.MinSIOp,
                                    b.index_arith(arith.MaxSIOp, q, b.index_const(0)),
                                    b.index_const(last))
            ok = b.emit(arith.CmpiOp(q, clamped, "eq"))
            if step > 1:
                phase = b.index_arith(arith.RemUIOp, clamped, b.index_const(step))
                ok = b.emit(arith.AndIOp(ok, b.emit(arith.CmpiOp(phase, b.index_const(0),
                                                                 "eq"))))
                clamped = b.index_arith(arith.DivUIOp, clamped, b.index_const(step))
            index[p] = clamped
            inside = ok if inside is None else b.emit(arith.AndIOp(inside, ok))
        return b.select(inside, b.extract(x, index), b.const(fill, spec.dtype))

    value = em.generic([], [(em.empty(result), AffineMap.identity(4))], ["parallel"] * 4,
                       body)[0]
    return value, result


def _convolve(c: Call, loops: Loops, spread_by: tuple, x_dims: dict, w_dims: dict,
              out_dims: dict) -> SSAValue:
    """`out = bias + sum(x * filter)` over `loops`.

    The input is first `spread(..., *spread_by)`; the `*_dims` say how each operand's
    layout letters read the loops (an expression or a (group, channel) pair).
    """
    args, out, em = c.args, c.outs[0], c.em
    dt = out.dtype
    t = compute_dtype(dt)
    layout = args.inputLayout
    exact = [isinstance(x_dims[letter], AffineDimExpr) for letter in "hw"]
    x_value, x_spec = spread(em, c.op.input, args.input, layout, *spread_by, 0.0, exact)
    xv = loops.view(em, x_value, x_spec, [x_dims[letter] for letter in layout])
    wv = loops.view(em, c.op.filter, args.filter,
                    [w_dims[letter] for letter in args.filterLayout])
    out_letters = [out_dims[letter] for letter in layout]

    # The accumulator, in the (possibly group-split) output view, starts at the bias:
    # one parallel generic over the output loops only. They come first in `loops`, so
    # expressions built for `loops` mean the same in `outer`.
    outer = Loops([(name, loops.extent[name], "parallel")
                   for name, i in loops.position.items() if loops.iterators[i] == "parallel"])
    acc_shape, acc_map = outer.layout(out.shape, out_letters)
    acc_spec = TensorSpec(acc_shape, t)
    if c.op.bias is None:
        start = em.fill(acc_spec, 0.0)
    else:
        bias = outer.view(em, c.op.bias, args.bias, [out_dims["c"]])
        start = em.generic([bias], [(em.empty(acc_spec), acc_map)], outer.iterators,
                           lambda b, v, _o: b.up(v, dt))[0]

    def body(b: Body, v, w, acc):
        return b.add(acc, b.mul(b.up(v, dt), b.up(w, dt), t), t)
    _, loop_acc_map = loops.layout(out.shape, out_letters)
    acc = em.generic([xv, wv], [(start, loop_acc_map)], loops.iterators, body)[0]
    if t != dt:
        acc = em.elementwise([(acc, acc_spec)], TensorSpec(acc_shape, dt),
                             lambda b, v: b.down(v, dt))
    return acc if acc_shape == out.shape else em.reshape(acc, out)


def _loop_order(layout: str, extents: dict[str, int]) -> list[tuple[str, int, str]]:
    """Output loops in the output's memory order, then the sums in the input's."""
    parallel = {"n": ["n"], "c": ["g", "o"], "h": ["y"], "w": ["x"]}
    reduction = {"n": [], "c": ["i"], "h": ["kh"], "w": ["kw"]}
    return ([(name, extents[name], "parallel") for letter in layout for name in parallel[letter]]
            + [(name, extents[name], "reduction") for letter in layout
               for name in reduction[letter]])


def _geometry(c: Call):
    """What conv2d and convTranspose2d read off their call alike: the input, filter and
    output dimensions by letter (`layout_dims`; the output in the input's layout), the
    strides, the dilations, the leading padding (top, left) and the groups."""
    args = c.args
    x = layout_dims(args.input.shape, args.inputLayout)
    f = layout_dims(args.filter.shape, args.filterLayout)
    y = layout_dims(c.outs[0].shape, args.inputLayout)
    pt, _, pl, _ = args.padding
    return x, f, y, args.strides, args.dilations, (pt, pl), args.groups


def _conv2d(c: Call) -> SSAValue:
    """conv2d in any input/filter layout, with groups (depthwise included) and padding."""
    x, f, y, (sh, sw), (dh, dw), (pt, pl), groups = _geometry(c)
    # The input extent the windows cover, from the first padded row to the last read.
    sizes = [(y["h"] - 1) * sh + (f["h"] - 1) * dh + 1, (y["w"] - 1) * sw + (f["w"] - 1) * dw + 1]
    loops = Loops(_loop_order(c.args.inputLayout, {
        "n": x["n"], "g": groups, "o": f["o"] // groups, "y": y["h"], "x": y["w"],
        "i": f["i"], "kh": f["h"], "kw": f["w"]}))
    e = loops.expr
    return _convolve(
        c, loops, (sizes, (pt, pl), (1, 1)),
        x_dims={"n": e("n"), "c": ("g", "i"), "h": e(("y", sh), ("kh", dh)),
                "w": e(("x", sw), ("kw", dw))},
        w_dims={"o": ("g", "o"), "i": e("i"), "h": e("kh"), "w": e("kw")},
        out_dims={"n": e("n"), "c": ("g", "o"), "h": e("y"), "w": e("x")})


def _conv_transpose2d(c: Call) -> SSAValue:
    """convTranspose2d as a stride-1 conv2d over a spread input with a flipped filter.

    Output row y sums `in[ih] * filter[kh]` over `ih * stride + kh * dilation = y + padBegin`.
    With the input spread out as `xd[r] = in[(r - P) / stride]` (zero where that is not a
    whole index), `P = (kH - 1) * dilation - padBegin`, that is
    `sum over kh of xd[y + (kH - 1 - kh) * dilation] * filter[kh]`: an ordinary
    convolution whose input map walks the window backwards (the filter map stays plain:
    loop bounds are read off plain dimensions). outputPadding and outputSizes only make
    the output (and so the spread input) larger; its extra cells read zeros.
    """
    x, f, y, (sh, sw), (dh, dw), (pt, pl), groups = _geometry(c)
    sizes = [y["h"] + (f["h"] - 1) * dh, y["w"] + (f["w"] - 1) * dw]
    offsets = [(f["h"] - 1) * dh - pt, (f["w"] - 1) * dw - pl]
    loops = Loops(_loop_order(c.args.inputLayout, {
        "n": x["n"], "g": groups, "o": f["o"], "y": y["h"], "x": y["w"],
        "i": f["i"] // groups, "kh": f["h"], "kw": f["w"]}))
    e = loops.expr
    return _convolve(
        c, loops, (sizes, offsets, (sh, sw)),
        x_dims={"n": e("n"), "c": ("g", "i"), "h": e("y", ("kh", -dh), const=(f["h"] - 1) * dh),
                "w": e("x", ("kw", -dw), const=(f["w"] - 1) * dw)},
        w_dims={"i": ("g", "i"), "o": e("o"), "h": e("kh"), "w": e("kw")},
        out_dims={"n": e("n"), "c": ("g", "o"), "h": e("y"), "w": e("x")})


__all__ = ["Loops", "spread"]


#: The convolution family: spec op name -> lowering (`load_all` merges the families).
LOWERINGS: dict[str, Lowering] = {
    "conv2d": _conv2d,
    "convTranspose2d": _conv_transpose2d,
}

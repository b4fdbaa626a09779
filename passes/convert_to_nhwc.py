"""`convert-to-nhwc`: a network of depthwise convolutions runs its convolutions in NHWC,
with transposes only where the graph's NCHW tensors enter and leave; NHWC convolutions
read their constant filters in the layout of their kernels.

The kernels (`vectorize-contractions`) read a tensor's innermost dimension as vectors.
In NCHW that is the image column: a depthwise convolution's rows of vectors straddle
cache lines, and a 7x7 image fills 49 of 64 lanes. In NHWC it is the channels: every
load is a whole run of them, and the filter of a depthwise convolution becomes a vector
too. Measured on MobileNetV2's layers, one at a time, at one thread: 6.1 ms in NHWC
against 7.0 in NCHW (depthwise layers 10-60% faster, the 1x1 ones at 7x7 23%; a 1x1
one to 24 channels at 56x56 is 25% slower, and is converted with the rest).

The rewrite, on the `webnn` dialect before it is lowered:

    %y = webnn.conv2d %x, %w {...}                        (NCHW, OIHW, %w constant)
 => %t = webnn.transpose %x {permutation = [0, 2, 3, 1]}
    %v = webnn.conv2d %t, %w' {..., inputLayout = "nhwc", filterLayout = "hwio"}
    %y = webnn.transpose %v {permutation = [0, 3, 1, 2]}

(`%w'` is the constant's data transposed at compile time, `ihwo` for a depthwise
filter), and then transposes are moved towards the graph's edges until they meet: a
transpose of a transpose that undoes it is dropped; an element-wise op of transposed
operands (an activation, a residual add of two transposed values) is computed before
the transpose instead; a pool reads its input in NHWC. What is left are the transposes
at the edges (the image in, the features out) and around ops the rewrite does not
know, which stay correct, only slower.

A graph already in NHWC (TFLite's models are) keeps its layout, but a constant filter in
OHWI or OIHW is copied, at compile time, into the layout its kernel reads as vectors of
output channels (HWIO, or IHWO for a depthwise filter): with the output channels
outermost, the kernel generator declined such convolutions and they ran as scalar loops
(a 1x1 one, 32 to 192 channels at 56x56: 1.42 ms, now 0.36).

A graph is converted when it has a depthwise convolution and its convolutions do at
least `MACS_PER_TRANSPOSED` multiply-adds per element of the transposes left at its
edges: the rewrite is tried on a copy of the graph, and the copy is kept when it pays.
A transpose costs about what an element-wise op of its tensor costs
(`vectorize-transposes`), 0.12 ns an element on a Zen 4 core, and NHWC saves about 12%
of a depthwise network's convolution time at 0.02 ns a multiply-add: break-even near 50
multiply-adds per element. One MobileNetV2 block (W4: 220) runs 8% faster converted; a
depthwise convolution alone (4.5) would spend more on its transposes than it gains.
Convolutions with a filter computed at run time (or
in a file that cannot be read: `convert-webnn-to-linalg` reports it), or grouped but not
depthwise, keep NCHW. Every new op keeps the location of the op it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod
from pathlib import Path

import numpy as np

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import BytesAttr, DenseIntOrFPElementsAttr, ModuleOp
from xdsl.ir import Operation, SSAValue
from xdsl.passes import ModulePass

from dialects.webnn.ops.convolution import Conv2dOp, layout_dims
from dialects.webnn.ops.elementwise import BinaryOp, UnaryOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.ops.movement import TransposeOp
from dialects.webnn.ops.pooling import Pool2dOp
from dialects.webnn.types import TensorSpec
from runtime.constants import ConstantDataError, from_bytes, load_npz

#: Multiply-adds of a graph's convolutions per element its edge transposes copy, at
#: least, for the graph to run in NHWC (see above; twice the break-even).
MACS_PER_TRANSPOSED = 100
TO_NHWC = (0, 2, 3, 1)
TO_NCHW = (0, 3, 1, 2)


@dataclass(frozen=True)
class ConvertToNHWCPass(ModulePass):
    """Convolutions of depthwise networks in NHWC, transposed at the edges (module doc)."""

    name = "convert-to-nhwc"

    #: Folder that `file("x.npz", ...)` filters are relative to (set by the pass runner,
    #: as for `convert-webnn-to-linalg`); run alone, the pass reads `.`.
    weights_dir: str | None = None

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        data = _FilterData(self.weights_dir)
        for fn in list(op.ops):
            if not isinstance(fn, func.FuncOp) or not fn.body.blocks:
                continue
            filters: dict[tuple[ConstantOp, str], ConstantOp] = {}
            convs = [o for o in fn.body.blocks[0].ops if _convertible(o, "nchw", data)]
            if any(_depthwise(c) for c in convs):
                trial = fn.clone()
                for conv in [o for o in trial.body.blocks[0].ops
                             if _convertible(o, "nchw", data)]:
                    _to_nhwc(conv, filters, data)
                _sink_transposes(trial)
                copied = _transposed(trial) - _transposed(fn)
                if sum(_macs(c) for c in convs) >= MACS_PER_TRANSPOSED * copied:
                    op.body.block.insert_op_before(trial, fn)
                    op.body.block.erase_op(fn)
                    fn = trial
                else:
                    filters = {}
            for conv in [o for o in fn.body.blocks[0].ops if _convertible(o, "nhwc", data)]:
                if conv.opt("filterLayout") != _kernel_layout(conv):
                    _relay_filter(conv, filters, data)


class _FilterData:
    """The data of constant filters, inline or in their `.npz`, read once each; None
    for data that cannot be had (the convolution is left as it is, and
    `convert-webnn-to-linalg` reports the constant at its line)."""

    def __init__(self, weights_dir: str | None):
        self.folder = Path(weights_dir or ".")
        self.arrays: dict[ConstantOp, np.ndarray | None] = {}

    def __call__(self, const: ConstantOp) -> np.ndarray | None:
        if const not in self.arrays:
            spec = TensorSpec.from_type(const.output.type)
            try:
                self.arrays[const] = (
                    from_bytes(const.value.data.data, spec.dtype, spec.shape)
                    if const.value is not None else
                    load_npz(self.folder / const.file.data, const.key.data, spec.dtype,
                             spec.shape))
            except ConstantDataError:
                self.arrays[const] = None
        return self.arrays[const]


def _depthwise(conv: Conv2dOp) -> bool:
    layout = conv.opt("inputLayout")
    channels = layout_dims(conv.input.type.get_shape(), layout)["c"]
    return conv.opt("groups") == channels == \
        layout_dims(conv.output.type.get_shape(), layout)["c"] > 1


def _macs(conv: Conv2dOp) -> int:
    """Multiply-adds of a convolution: per output element, a filter's input channels
    times its window."""
    return prod(conv.output.type.get_shape()) * prod(conv.filter.type.get_shape()[1:])


def _transposed(fn: func.FuncOp) -> int:
    """Elements the transposes of `fn` copy."""
    return sum(prod(o.output.type.get_shape()) for o in fn.body.blocks[0].ops
               if isinstance(o, TransposeOp))


def _kernel_layout(conv: Conv2dOp) -> str:
    """The filter layout the NHWC kernels read as vectors of output channels."""
    return "ihwo" if _depthwise(conv) else "hwio"


def _convertible(op: Operation, layout: str, data: _FilterData) -> bool:
    """A conv2d in `layout` with a constant float32 filter (inline or in a readable
    file), dense or depthwise (and, in NCHW, in the default OIHW layout)."""
    if not isinstance(op, Conv2dOp) or op.opt("inputLayout") != layout or \
            layout == "nchw" and op.opt("filterLayout") != "oihw":
        return False
    source = op.filter.owner
    if not isinstance(source, ConstantOp) or \
            TensorSpec.from_type(source.output.type).dtype != "float32":
        return False
    return (op.opt("groups") == 1 or _depthwise(op)) and data(source) is not None


def _constant(array: np.ndarray, like: ConstantOp) -> ConstantOp:
    spec = TensorSpec(tuple(array.shape), "float32")
    t = spec.to_type()
    op = ConstantOp.build(result_types=[t], properties={
        "value": DenseIntOrFPElementsAttr(t, BytesAttr(np.ascontiguousarray(array).tobytes()))})
    op.location = like.location
    return op


def _transpose(value: SSAValue, perm: tuple[int, ...], like: Operation) -> TransposeOp:
    return TransposeOp.make({"input": value}, {"permutation": list(perm)},
                            location=like.location)


def _options(op: Operation, *but: str) -> dict:
    """The op's options as stored (not its operand segment sizes), less `but`."""
    return {k: v for k, v in op.properties.items() if k in type(op).OPTION_MAP and k not in but}


def _permutation(op: Operation) -> tuple[int, ...] | None:
    if not isinstance(op, TransposeOp):
        return None
    perm = op.opt("permutation")
    rank = len(op.input.type.get_shape())
    return tuple(perm) if perm is not None else tuple(reversed(range(rank)))


def _filter(conv: Conv2dOp, layout: str,
            filters: dict[tuple[ConstantOp, str], ConstantOp], data: _FilterData) -> SSAValue:
    """`conv`'s constant filter in `layout`, transposed at compile time once per source
    constant and layout (`filters`: those made so far; convolutions sharing a filter
    share its copy)."""
    source = conv.filter.owner
    filt = filters.get((source, layout))
    if filt is None:
        given = conv.opt("filterLayout")
        order = [given.index(letter) for letter in layout]
        filt = filters[(source, layout)] = _constant(data(source).transpose(order), source)
        source.parent_block().insert_op_before(filt, source)
    return filt.output


def _replace_conv(conv: Conv2dOp, operands: dict, options: dict) -> Conv2dOp:
    """A new conv2d for `conv`, before it, with `operands` and `options` changed; the
    old filter constant goes when nothing else reads it."""
    source = conv.filter.owner
    new = Conv2dOp.make({"input": conv.input, "filter": conv.filter, "bias": conv.bias,
                         **operands}, options,
                        properties=_options(conv, *options), location=conv.location)
    block = conv.parent_block()
    block.insert_op_before(new, conv)
    conv.output.replace_all_uses_with(new.output)
    block.erase_op(conv)
    if not source.output.uses:
        block.erase_op(source)
    return new


def _to_nhwc(conv: Conv2dOp, filters: dict[tuple[ConstantOp, str], ConstantOp],
             data: _FilterData) -> None:
    """conv2d in NCHW -> transpose, conv2d in NHWC, transpose back (module doc)."""
    layout = _kernel_layout(conv)
    filt = _filter(conv, layout, filters, data)
    into = _transpose_of(conv.input, TO_NHWC, conv)
    uses = list(conv.output.uses)
    new = _replace_conv(conv, {"input": into, "filter": filt},
                        {"inputLayout": "nhwc", "filterLayout": layout})
    back = _transpose(new.output, TO_NCHW, new)
    new.parent_block().insert_op_after(back, new)
    for use in uses:
        use.operation.operands[use.index] = back.output


def _relay_filter(conv: Conv2dOp, filters: dict[tuple[ConstantOp, str], ConstantOp],
                  data: _FilterData) -> None:
    """An NHWC conv2d whose constant filter is not in the layout its kernel reads as
    vectors (OHWI, TFLite's, or OIHW: scalar loops, 4x slower) reads a copy in it."""
    layout = _kernel_layout(conv)
    _replace_conv(conv, {"filter": _filter(conv, layout, filters, data)},
                  {"filterLayout": layout})


def _transpose_of(value: SSAValue, perm: tuple[int, ...], before: Operation) -> SSAValue:
    """`value` transposed by `perm`, inserted before `before`, or an equal transpose
    already made before it (a block's input read by its first convolution and by its
    residual add is transposed once)."""
    block = before.parent_block()
    for use in value.uses:
        other = use.operation
        if _permutation(other) == perm and other.parent_block() is block and \
                block.get_operation_index(other) < block.get_operation_index(before):
            return other.output
    op = _transpose(value, perm, before)
    block.insert_op_before(op, before)
    return op.output


def _elementwise(op: Operation) -> bool:
    """Ops whose every output element depends only on the same element of each input,
    with no broadcasting (the operands and the result have one shape)."""
    if not isinstance(op, (UnaryOp, BinaryOp)):
        return False
    shape = op.results[0].type.get_shape()
    return all(v.type.get_shape() == shape for v in op.operands)


def _sink_transposes(fn: func.FuncOp) -> None:
    """Move transposes past element-wise ops and pools until they meet and cancel."""
    block = fn.body.blocks[0]
    changed = True
    while changed:
        changed = False
        for op in list(block.ops):
            if op.parent_block() is None:
                continue
            changed |= _cancel(op) or _sink(op)
        for op in reversed(list(block.ops)):
            if isinstance(op, (TransposeOp, ConstantOp)) and not op.results[0].uses:
                block.erase_op(op)


def _cancel(op: Operation) -> bool:
    """transpose(transpose(x, p), q) with q after p the identity -> x."""
    q = _permutation(op)
    inner = op.input.owner if q is not None else None
    p = _permutation(inner) if isinstance(inner, Operation) else None
    if p is None or tuple(p[i] for i in q) != tuple(range(len(q))):
        return False
    op.output.replace_all_uses_with(inner.input)
    op.parent_block().erase_op(op)
    return True


def _sink(op: Operation) -> bool:
    """op(transpose(a, p), ...) -> transpose(op(a, ...), p) for an element-wise op whose
    operands are all transposed alike, or a NCHW pool of a NHWC value."""
    block = op.parent_block()
    if isinstance(op, Pool2dOp) and op.opt("layout") == "nchw":
        source = op.input.owner
        if _permutation(source) != TO_NCHW:
            return False
        new = type(op).make({"input": source.input}, {"layout": "nhwc"},
                            properties=_options(op, "layout"),
                            location=op.location)
        back = _transpose(new.output, TO_NCHW, op)
    elif _elementwise(op):
        perms = [_permutation(v.owner) if isinstance(v.owner, Operation) else None
                 for v in op.operands]
        # Only the transposes back to NCHW move (down, to meet the next convolution's
        # transpose into NHWC); moving both kinds would undo each other forever.
        if {p for p in perms if p is not None} != {TO_NCHW}:
            return False
        perm = TO_NCHW
        # Operands not transposed alike (a residual add's graph input) are transposed
        # the other way, often onto a transpose that already exists.
        inverse = tuple(perm.index(i) for i in range(len(perm)))
        inputs = [v.owner.input if p == perm else _transpose_of(v, inverse, op)
                  for v, p in zip(op.operands, perms)]
        names = type(op).OPERAND_NAMES
        new = type(op).make(dict(zip(names, inputs)), properties=_options(op),
                            location=op.location)
        back = _transpose(new.results[0], perm, op)
    else:
        return False
    block.insert_ops_before([new, back], op)
    op.results[0].replace_all_uses_with(back.output)
    block.erase_op(op)
    return True

"""`webnn-upgrade`: rewrite a module of an older `webnn` version into the current one.

The parser runs it on every module stamped with an older `webnn.version` (see
`compiler/compat.py`), so every later stage sees the current op set only. It is a chain
of steps, one per version (`STEPS[1]` goes from 1 to 2; a `STEPS[2]` from 2 to 3 would
follow it); each step is a table from a legacy op class to a rule, and a rule is one of
a few kinds, so the table reads like the version log (`dialects/webnn/versions.py`):

* `retype(Current, rename=..., drop=..., fill=...)`: the same op under its current class,
  options renamed, dropped or filled with their old default (softmax's axis = 1);
* `fused(Current, padding=...)`: `autoPad` becomes explicit padding (read from the
  shapes), and a fused `activation` becomes a separate op on the result (one op -> two);
* a function for the shape-dependent rewrites (squeeze -> reshape, slice, matmul on
  vectors, symmetric pad, softplus steepness, argMin/argMax `selectLastIndex`).

Every op a rule creates takes the location of the op it replaces (xDSL does not carry
locations over); result types come from the new ops' own shape rules and must equal the
old op's. A construct with no current form (a recurrent activation other than relu,
sigmoid or tanh; symmetric or reflection padding as large as the dimension) is refused:
the pass raises `PassError` with every such problem at its op, and stamps nothing.

    // webnn.version = 1
    %y = webnn.conv2d %x, %w {autoPad = "same-upper", activation = "relu"} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    // becomes (webnn.version = 2), both ops at the conv2d's location
    %y = webnn.conv2d %x, %w {padding = [1, 1, 1, 1]} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
    %y_1 = webnn.relu %y : (tensor<1x1x4x4xf32>) -> tensor<1x1x4x4xf32>
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from xdsl.context import Context
from xdsl.dialects.builtin import (
    ArrayAttr,
    BytesAttr,
    DenseIntOrFPElementsAttr,
    FloatAttr,
    IntegerAttr,
    ModuleOp,
    StringAttr,
    f64,
    i64,
)
from xdsl.ir import Attribute, SSAValue
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import (
    PatternRewriter,
    PatternRewriteWalker,
    RewritePattern,
)

from dialects.webnn import CURRENT_VERSION, OPS_BY_NAME
from dialects.webnn.base import WebNNOp
from dialects.webnn.legacy import v1
from dialects.webnn.types import TensorSpec
from runtime.values import NUMPY_DTYPES

from .errors import PassError

STAMP = "webnn.version"
_OP = OPS_BY_NAME


class Refused(Exception):
    """A rule met a construct the target version cannot express (message: why)."""


# ============================================================================ building blocks
class Rewrite:
    """The ops one rule creates for one old op, all at the old op's location."""

    def __init__(self, old: WebNNOp, rewriter: PatternRewriter):
        self.old = old
        self.rewriter = rewriter
        self.ops: list[WebNNOp] = []

    def op(self, cls: type[WebNNOp], operands: dict[str, Any],
           properties: dict[str, Attribute] | None = None) -> WebNNOp:
        """A new `cls` op; its result types come from its own shape rule."""
        new = cls.make(operands, properties=properties, location=self.old.location)
        self.ops.append(new)
        return new

    def constant(self, value: float, like: SSAValue) -> SSAValue:
        """A scalar constant of `like`'s element type."""
        spec = TensorSpec.from_type(like.type).with_shape(())
        data = np.asarray(value, dtype=NUMPY_DTYPES[spec.dtype])
        attr = DenseIntOrFPElementsAttr(spec.to_type(), BytesAttr(data.tobytes()))
        new = _OP["constant"].build(result_types=[spec.to_type()],
                                    properties={"value": attr})
        new.location = self.old.location
        self.ops.append(new)
        return new.results[0]

    def finish(self, results: Sequence[SSAValue]) -> None:
        """Replace the old op by the new ones; `results` stand for its results."""
        for i, (old, new) in enumerate(zip(self.old.results, results)):
            if old.type != new.type:
                raise Refused(f"upgrade gives result #{i} type {new.type} instead of "
                              f"{old.type} (a bug in webnn-upgrade)")
        self.rewriter.replace(self.old, self.ops, list(results))


def operands_of(old: WebNNOp, cls: type[WebNNOp]) -> dict[str, Any]:
    """The old op's operands that `cls` has, by name."""
    return {n: v for n, v in old.operands_by_name().items() if n in cls.OPERAND_NAMES}


def options_of(old: WebNNOp, cls: type[WebNNOp], rename: dict[str, str] | None = None,
               drop: Sequence[str] = ()) -> dict[str, Attribute]:
    """The old op's stored options that `cls` has (after renaming), as attributes."""
    rename = rename or {}
    out = {}
    for name, attr in old.properties.items():
        if name in drop or name not in old.OPTION_MAP:
            continue
        new_name = rename.get(name, name)
        if new_name in cls.OPTION_MAP:
            out[new_name] = attr
    return out


def _ints(values: Sequence[int]) -> Attribute:
    return _OP["reshape"].OPTION_MAP["newShape"].to_attr(list(values))


Rule = Callable[[WebNNOp, Rewrite], None]


def retype(cls: type[WebNNOp], *, rename: dict[str, str] | None = None,
           drop: Sequence[str] = (), fill: dict[str, Any] | None = None) -> Rule:
    """Rule: the same op as `cls`, options renamed, dropped, and filled when absent."""
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls, rename, drop)
        for name, value in (fill or {}).items():
            props.setdefault(name, cls.OPTION_MAP[name].to_attr(value))
        rw.finish(rw.op(cls, operands_of(old, cls), props).results)
    return rule


def fused(cls: type[WebNNOp], *, rename: dict[str, str] | None = None) -> Rule:
    """Rule: `autoPad` -> explicit `padding`, fused `activation` -> a separate op."""
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls, rename, drop=("autoPad", "activation"))
        if "autoPad" in old.OPTION_MAP and old.opt("autoPad") != "explicit":
            props["padding"] = _ints(old.explicit_padding(old.args()))
        value = rw.op(cls, operands_of(old, cls), props).results[0]
        if "activation" in old.OPTION_MAP and old.opt("activation") is not None:
            value = activation(rw, old.opt("activation"), value)
        rw.finish([value])
    return rule


_SIMPLE_ACTIVATIONS = ("relu", "sigmoid", "tanh", "hardSwish", "softsign", "leakyRelu",
                       "elu", "hardSigmoid", "linear", "clamp")


def activation(rw: Rewrite, act: v1.FusedActivation, value: SSAValue) -> SSAValue:
    """The ops computing fused activation `act` on `value`; their result."""
    if act.name == "softplus":
        return softplus(rw, value, act.get("steepness"))
    assert act.name in _SIMPLE_ACTIVATIONS, act.name
    props = {k: FloatAttr(v, f64) for k, v in act.params}
    return rw.op(_OP[act.name], {"input": value}, props).results[0]


def softplus(rw: Rewrite, value: SSAValue, steepness: float) -> SSAValue:
    """`ln(1 + e**(s * x)) / s` = div(softplus(mul(x, s)), s); plain softplus for s = 1."""
    if steepness == 1.0:
        return rw.op(_OP["softplus"], {"input": value}).results[0]
    s = rw.constant(steepness, value)
    scaled = rw.op(_OP["mul"], {"a": value, "b": s}).results[0]
    soft = rw.op(_OP["softplus"], {"input": scaled}).results[0]
    return rw.op(_OP["div"], {"a": soft, "b": s}).results[0]


# ============================================================================ v1 -> v2 rules
def _softplus_v1(old: WebNNOp, rw: Rewrite) -> None:
    rw.finish([softplus(rw, old.input, old.opt("steepness"))])


def _squeeze_v1(old: WebNNOp, rw: Rewrite) -> None:
    shape = old.output.type.get_shape()
    rw.finish(rw.op(_OP["reshape"], {"input": old.input},
                    {"newShape": _ints(shape)}).results)


def _reshape_v1(old: WebNNOp, rw: Rewrite) -> None:
    shape = old.resolved_shape(old.args())
    rw.finish(rw.op(_OP["reshape"], {"input": old.input},
                    {"newShape": _ints(shape)}).results)


def _slice_v1(old: WebNNOp, rw: Rewrite) -> None:
    starts, sizes = old.window(old.args())
    rw.finish(rw.op(_OP["slice"], {"input": old.input},
                    {"starts": _ints(starts), "sizes": _ints(sizes)}).results)


def _matmul_v1(old: WebNNOp, rw: Rewrite) -> None:
    a, b = old.a, old.b
    shape_a, shape_b = a.type.get_shape(), b.type.get_shape()
    if len(shape_a) == 1:
        a = rw.op(_OP["reshape"], {"input": a}, {"newShape": _ints((1,) + shape_a)}).output
    if len(shape_b) == 1:
        b = rw.op(_OP["reshape"], {"input": b}, {"newShape": _ints(shape_b + (1,))}).output
    out = rw.op(_OP["matmul"], {"a": a, "b": b}).output
    if out.type != old.output.type:  # drop the dimensions the promotion added
        out = rw.op(_OP["reshape"], {"input": out},
                    {"newShape": _ints(old.output.type.get_shape())}).output
    rw.finish([out])


def _pad_v1(old: WebNNOp, rw: Rewrite) -> None:
    mode = old.opt("mode")
    shape = old.input.type.get_shape()
    begins, ends = old.opt("beginningPadding"), old.opt("endingPadding")
    # Version 2 reflects only by less than the dimension (#843); the symmetric emulation
    # mirrors at most the whole dimension (what numpy does beyond that is no spec's).
    for what, pads in (("beginningPadding", begins), ("endingPadding", ends)):
        for i, (pad, dim) in enumerate(zip(pads, shape)):
            if mode == "reflection" and pad >= dim:
                raise Refused(f'"reflection" padding {what}[{i}] = {pad} is not smaller '
                              f"than input dimension {i} of size {dim}, which version 2 "
                              "requires (2025-05, #843)")
            if mode == "symmetric" and pad > dim:
                raise Refused(f'"symmetric" padding {what}[{i}] = {pad} exceeds input '
                              f"dimension {i} of size {dim}: version 2 has no symmetric "
                              "mode (2025-05, #843) and the upgrade mirrors at most the "
                              "whole dimension")
    if mode != "symmetric":
        retype(_OP["pad"])(old, rw)
        return
    # Symmetric padding (the mirror image *with* the edge element) = reverse of the edge
    # slices, one dimension after the other, as numpy's "symmetric" does.
    value = old.input
    for axis, (begin, end) in enumerate(zip(begins, ends)):
        if not begin and not end:
            continue
        current = list(value.type.get_shape())
        parts = []
        for start, size in ((0, begin), (current[axis] - end, end)):
            if not size:
                parts.append(None)
                continue
            starts = [0] * len(current)
            sizes = list(current)
            starts[axis], sizes[axis] = start, size
            piece = rw.op(_OP["slice"], {"input": value},
                          {"starts": _ints(starts), "sizes": _ints(sizes)}).output
            parts.append(rw.op(_OP["reverse"], {"input": piece},
                               {"axes": _ints([axis])}).output)
        inputs = [p for p in (parts[0], value, parts[1]) if p is not None]
        value = rw.op(_OP["concat"], {"inputs": inputs},
                      {"axis": IntegerAttr(axis, i64)}).output
    rw.finish([value])


_RECURRENT_V2 = ("relu", "sigmoid", "tanh")


def _recurrent_v1(cls: type[WebNNOp]) -> Rule:
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls, drop=("activations",))
        acts = old.opt("activations")
        if acts is not None:
            for act in acts:
                if act.name not in _RECURRENT_V2 or act.params:
                    raise Refused(
                        f"activation {act} has no version 2 form: version 2 recurrent "
                        "activations are \"relu\", \"sigmoid\" and \"tanh\" without "
                        "options (2024-07, #718)")
            props["activations"] = ArrayAttr([StringAttr(a.name) for a in acts])
        rw.finish(rw.op(cls, operands_of(old, cls), props).results)
    return rule


def _arg_reduce_v1(cls: type[WebNNOp]) -> Rule:
    """argMin/argMax `{axes: [a], keepDimensions, selectLastIndex}` (2023-12, int64) ->
    `{axis = a, keepDimensions, outputDataType = "int64"}` (#724, #730). The last of tied
    extrema (`selectLastIndex`, gone in #722) is the first one along the reversed axis,
    counted from the end: `(dim - 1) - argMax(reverse(x, [a]), a)`, all in int64."""
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        axis = old.opt("axes")[0]
        props = options_of(old, cls, drop=("axes", "selectLastIndex"))
        props["axis"] = cls.OPTION_MAP["axis"].to_attr(axis)
        props["outputDataType"] = cls.OPTION_MAP["outputDataType"].to_attr("int64")
        value = old.input
        if old.opt("selectLastIndex"):
            value = rw.op(_OP["reverse"], {"input": value}, {"axes": _ints([axis])}).output
        index = rw.op(cls, {"input": value}, props).output
        if old.opt("selectLastIndex"):
            last = rw.constant(old.input.type.get_shape()[axis] - 1, index)
            index = rw.op(_OP["sub"], {"a": last, "b": index}).output
        rw.finish([index])
    return rule


_POOL = {"roundingType": "outputShapeRounding"}


@dataclass(frozen=True)
class Step:
    """The rules that take version `source` to version `source + 1`."""

    source: int
    rules: dict[type[WebNNOp], Rule] = field(default_factory=dict)

    @property
    def target(self) -> int:
        return self.source + 1


V1_TO_V2 = Step(1, {
    v1.Conv2dV1: fused(_OP["conv2d"]),                                   # #587, #664
    v1.ConvTranspose2dV1: fused(_OP["convTranspose2d"]),                 # #587, #664
    v1.AveragePool2dV1: fused(_OP["averagePool2d"], rename=_POOL),       # #587, #770
    v1.L2Pool2dV1: fused(_OP["l2Pool2d"], rename=_POOL),                 # #587, #770
    v1.MaxPool2dV1: fused(_OP["maxPool2d"], rename=_POOL),               # #587, #770
    v1.BatchNormalizationV1: fused(_OP["batchNormalization"]),           # #664
    v1.SoftmaxV1: retype(_OP["softmax"], fill={"axis": 1}),             # #649
    v1.SoftplusV1: _softplus_v1,                                         # #651
    v1.ClampV1: retype(_OP["clamp"]),                                   # #647, #650
    v1.MatmulV1: _matmul_v1,                                             # #523
    v1.SqueezeV1: _squeeze_v1,                                           # #478
    v1.ReshapeV1: _reshape_v1,                                           # #505
    v1.SliceV1: _slice_v1,                                               # "Simplify slice"
    v1.PadV1: _pad_v1,                                                   # #843, #647
    v1.Resample2dV1: retype(_OP["resample2d"]),                         # #752
    v1.GruV1: _recurrent_v1(_OP["gru"]),                                 # #718
    v1.GruCellV1: _recurrent_v1(_OP["gruCell"]),
    v1.LstmV1: _recurrent_v1(_OP["lstm"]),
    v1.LstmCellV1: _recurrent_v1(_OP["lstmCell"]),
    # 2023-12 forms the project counts as version 1 (versions.ADOPTED); `where` is the
    # same class in both versions (#719 renamed operands the IR spells positionally).
    v1.ArgMinV1: _arg_reduce_v1(_OP["argMin"]),                          # #722, #724, #730
    v1.ArgMaxV1: _arg_reduce_v1(_OP["argMax"]),                          # #722, #724, #730
    v1.NotV1: retype(_OP["logicalNot"]),                                 # #692
})
assert set(V1_TO_V2.rules) == set(v1.LEGACY.values()), "every v1 legacy op needs a rule"

#: source version -> the step to the next version, oldest first.
STEPS: dict[int, Step] = {1: V1_TO_V2}


# ============================================================================ the pass
class UpgradeOp(RewritePattern):
    """Apply a step's rule to one legacy op; record a refusal instead of failing."""

    def __init__(self, step: Step, problems: list):
        self.step = step
        self.problems = problems

    def match_and_rewrite(self, op, rewriter: PatternRewriter, /) -> None:
        rule = self.step.rules.get(type(op))
        if rule is None:
            return
        try:
            rule(op, Rewrite(op, rewriter))
        except Refused as why:
            self.problems.append(("error", f"'{op.name}' op {why}", op.location))


def version_of(module: ModuleOp) -> int:
    """The module's `webnn.version` (the current version when it has none)."""
    attr = module.attributes.get(STAMP)
    return attr.value.data if isinstance(attr, IntegerAttr) else CURRENT_VERSION


def upgrade(module: ModuleOp) -> None:
    """Upgrade `module` step by step to the current version and stamp it."""
    version = version_of(module)
    while version < CURRENT_VERSION:
        step = STEPS[version]
        problems: list[tuple[str, str, Attribute | None]] = []
        PatternRewriteWalker(UpgradeOp(step, problems), apply_recursively=False
                             ).rewrite_module(module)
        if problems:
            raise PassError(problems)
        version = step.target
        module.attributes[STAMP] = IntegerAttr(version, i64)


@dataclass(frozen=True)
class WebnnUpgradePass(ModulePass):
    """`webnn-upgrade`: rewrite an older `webnn.version` into the current op set."""

    name = "webnn-upgrade"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        upgrade(op)


__all__ = ["WebnnUpgradePass", "upgrade", "STEPS", "Step", "Rewrite", "retype", "fused",
           "Refused", "version_of"]

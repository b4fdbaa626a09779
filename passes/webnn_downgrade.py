"""`webnn-downgrade{target-version=N}`: write a current module as an older `webnn` version.

`webnn-opt --target-version=1` runs it last. It succeeds only when the graph uses nothing
newer than version N; otherwise it changes nothing and names, at its location, every op,
option value and data type that version N cannot express, with the version and spec
change that brought it (from the version log, `dialects/webnn/versions.py`):

    // webnn-opt --target-version=1
    %g = webnn.gelu %x : ...
    // error: 'webnn.gelu' op cannot be written as webnn version 1: gelu was added in
    //        version 2 (2024-04, #628)

The rewrite is the inverse of `webnn-upgrade`'s table for the ops whose spelling changed
(pools' `outputShapeRounding` -> `roundingType`, softmax loses its axis, recurrent
activations become activation objects, MLNumber values become floats, argMin/argMax
`axis` becomes `axes = [axis]`, logicalNot is `not` again); it does not re-fuse
activations (version 1 allowed fusion, never required it) nor rebuild `selectLastIndex`
(version 1 allowed it, never required it). argMin/argMax must return int64, version 1's
only index type; int32 indices (#730) are refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import FloatAttr, IntegerAttr, ModuleOp, f64, i64
from xdsl.ir import Attribute
from xdsl.passes import ModulePass
from xdsl.pattern_rewriter import PatternRewriter

from dialects.webnn import CURRENT_VERSION, OPS_BY_NAME
from dialects.webnn.base import WebNNOp
from dialects.webnn.legacy import v1
from dialects.webnn.shapes import fmt
from dialects.webnn.types import dtype_name
from dialects.webnn.versions import ADDED_DTYPES, ADDED_OPS, RENAMED_OPS

from .errors import PassError
from .webnn_upgrade import STAMP, Refused, Rewrite, operands_of, options_of, retype, version_of

_OP = OPS_BY_NAME
Problems = list[tuple[str, str, Attribute | None]]


# ============================================================================ v2 -> v1 checks
def _check_softmax(op: WebNNOp) -> str | None:
    rank = len(op.input.type.get_shape())
    if rank == 2 and op.opt("axis") == 1:
        return None
    return (f"axis {op.opt('axis')} on a rank-{rank} input: version 1 softmax takes a 2-D "
            "input and normalizes axis 1 (axis added in version 2: 2024-04, #649)")


def _check_slice(op: WebNNOp) -> str | None:
    strides = op.opt("strides")
    if strides is None or all(s == 1 for s in strides):
        return None
    return (f"option 'strides' {fmt(strides)} was added in version 2 (2025-03, #805)")


def _check_resample2d(op: WebNNOp) -> str | None:
    if tuple(op.opt("axes")) in v1.Resample2dV1.CONSECUTIVE:
        return None
    return (f"axes {fmt(op.opt('axes'))} are not consecutive: version 1 resamples "
            "[0, 1], [1, 2] or [2, 3] (any two axes since version 2: 2024-08, #752)")


def _not_float(*names: str) -> Callable[[WebNNOp], str | None]:
    """Version 1 spells these MLNumber options as floats: the value must survive that."""
    def check(op: WebNNOp) -> str | None:
        for name in names:
            value = op.opt(name)
            if isinstance(value, int) and float(value) != value:
                return (f"option '{name}' {value} is not exactly a float, as version 1 "
                        "stores it (MLNumber since version 2: 2024-07, #647)")
        return None
    return check


def _check_arg_reduce(op: WebNNOp) -> str | None:
    dtype = op.opt("outputDataType")
    if dtype == v1.INDEX_DTYPE:
        return None
    return (f'outputDataType "{dtype}": version 1 {op.name.removeprefix("webnn.")} '
            "returns int64 indices (outputDataType, default int32, added in version 2: "
            "2024-07, #730)")


CHECKS: dict[str, Callable[[WebNNOp], str | None]] = {
    "argMin": _check_arg_reduce,
    "argMax": _check_arg_reduce,
    "softmax": _check_softmax,
    "slice": _check_slice,
    "resample2d": _check_resample2d,
    "clamp": _not_float("minValue", "maxValue"),
    "pad": _not_float("value"),
}


def _dtype_problem(types, indices=()) -> str | None:
    """The first of `types` (then of `indices`, where int64 is fine) version 1 lacks."""
    checks = [(t, ()) for t in types] + [(t, (v1.INDEX_DTYPE,)) for t in indices]
    for t, allowed in checks:
        name = dtype_name(getattr(t, "element_type", None))
        if name in ADDED_DTYPES and name not in allowed:
            version, ref = ADDED_DTYPES[name]
            return f"data type {name} (added in version {version}: {ref})"
    return None


def v1_problems(module: ModuleOp) -> Problems:
    """Everything in `module` that webnn version 1 cannot express, each at its op."""
    problems: Problems = []

    def refuse(op, why: str) -> None:
        problems.append(("error", f"'{op.name}' op cannot be written as webnn version 1: "
                                  f"{why}", op.location))

    for op in module.walk():
        if isinstance(op, func.FuncOp):
            # A graph output may be int64 (argMin/argMax indices; other producers are
            # checked at their op).
            why = _dtype_problem(op.function_type.inputs.data,
                                 op.function_type.outputs.data)
            if why:
                refuse(op, f"its signature uses {why}")
            continue
        if not isinstance(op, WebNNOp):
            continue
        name = op.name.removeprefix("webnn.")
        if name not in v1.OPS and name not in RENAMED_OPS and name != "constant":
            version, ref = ADDED_OPS.get(name, (CURRENT_VERSION, "the current spec"))
            refuse(op, f"{name} was added in version {version} ({ref})")
            continue
        results = [r.type for r in op.results]
        if name in ("argMin", "argMax"):
            why = _dtype_problem([v.type for v in op.operands], results)
        else:
            why = _dtype_problem([*(v.type for v in op.operands), *results])
        why = why and f"it uses {why}"
        if why is None and name in CHECKS:
            why = CHECKS[name](op)
        if why:
            refuse(op, why)
    return problems


# ============================================================================ v2 -> v1 rules
def _floats(cls: type[WebNNOp], *names: str):
    """Rule: retype to `cls`, the MLNumber options `names` stored as floats."""
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls)
        for name in names:
            if name in props:
                props[name] = FloatAttr(float(old.opt(name)), f64)
        rw.finish(rw.op(cls, operands_of(old, cls), props).results)
    return rule


def _recurrent(cls: type[WebNNOp]):
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls, drop=("activations",))
        acts = old.opt("activations")
        if acts is not None:
            props["activations"] = cls.OPTION_MAP["activations"].to_attr(list(acts))
        rw.finish(rw.op(cls, operands_of(old, cls), props).results)
    return rule


def _arg_reduce(cls: type[WebNNOp]):
    """argMin/argMax `{axis, keepDimensions, outputDataType = "int64"}` -> `{axes =
    [axis], keepDimensions}` (selectLastIndex left at false: the current op's first index)."""
    def rule(old: WebNNOp, rw: Rewrite) -> None:
        props = options_of(old, cls, drop=("axis", "outputDataType"))
        props["axes"] = cls.OPTION_MAP["axes"].to_attr([old.opt("axis")])
        rw.finish(rw.op(cls, operands_of(old, cls), props).results)
    return rule


_POOL = {"outputShapeRounding": "roundingType"}

V2_TO_V1: dict[type[WebNNOp], Callable[[WebNNOp, Rewrite], None]] = {
    _OP["conv2d"]: retype(v1.Conv2dV1),
    _OP["convTranspose2d"]: retype(v1.ConvTranspose2dV1),
    _OP["averagePool2d"]: retype(v1.AveragePool2dV1, rename=_POOL),
    _OP["l2Pool2d"]: retype(v1.L2Pool2dV1, rename=_POOL),
    _OP["maxPool2d"]: retype(v1.MaxPool2dV1, rename=_POOL),
    _OP["batchNormalization"]: retype(v1.BatchNormalizationV1),
    _OP["softmax"]: retype(v1.SoftmaxV1, drop=("axis",)),
    _OP["softplus"]: retype(v1.SoftplusV1),
    _OP["clamp"]: _floats(v1.ClampV1, "minValue", "maxValue"),
    _OP["matmul"]: retype(v1.MatmulV1),
    _OP["reshape"]: retype(v1.ReshapeV1),
    _OP["slice"]: retype(v1.SliceV1, drop=("strides",)),
    _OP["pad"]: _floats(v1.PadV1, "value"),
    _OP["resample2d"]: retype(v1.Resample2dV1),
    _OP["gru"]: _recurrent(v1.GruV1),
    _OP["gruCell"]: _recurrent(v1.GruCellV1),
    _OP["lstm"]: _recurrent(v1.LstmV1),
    _OP["lstmCell"]: _recurrent(v1.LstmCellV1),
    _OP["argMin"]: _arg_reduce(v1.ArgMinV1),
    _OP["argMax"]: _arg_reduce(v1.ArgMaxV1),
    _OP["logicalNot"]: retype(v1.NotV1),
}
_V1_NAME = {f"webnn.{new}": f"webnn.{old}" for new, (old, _, _) in RENAMED_OPS.items()}
assert {_V1_NAME.get(cls.name, cls.name) for cls in V2_TO_V1} == {
    cls.name for cls in v1.LEGACY.values()} - {"webnn.squeeze"}, \
    "every changed v1 op needs a way back"


def target_problem(target: int) -> str | None:
    """Why this compiler cannot write version `target` (None when it can)."""
    if not 1 <= target <= CURRENT_VERSION:
        return (f"target version {target} is not a version this compiler writes "
                f"(1 to {CURRENT_VERSION})")
    return None


def downgrade(module: ModuleOp, target: int) -> None:
    """Rewrite `module` as version `target`, or raise PassError naming what cannot be."""
    version = version_of(module)
    problem = target_problem(target)
    if problem is not None:
        raise PassError([("error", problem, None)])
    if target >= version:
        return
    # Only one step exists so far: a version 3 would add a 3 -> 2 step before this one.
    problems = v1_problems(module)
    if problems:
        raise PassError(problems)
    for op in list(module.walk()):
        rule = V2_TO_V1.get(type(op))
        if rule is None:
            continue
        try:
            rule(op, Rewrite(op, PatternRewriter(op)))
        except Refused as why:
            problems.append(("error", f"'{op.name}' op {why}", op.location))
    if problems:
        raise PassError(problems)
    module.attributes[STAMP] = IntegerAttr(target, i64)


@dataclass(frozen=True)
class WebnnDowngradePass(ModulePass):
    """`webnn-downgrade{target-version=N}`: write the module as webnn version N."""

    name = "webnn-downgrade"
    target_version: int = 1

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        downgrade(op, self.target_version)


__all__ = ["WebnnDowngradePass", "downgrade", "v1_problems"]

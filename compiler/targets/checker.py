"""Will it run there? Checking a verified webnn graph against a target profile.

`check_graph(module, profile)` walks the graph once and reports, all at once and each at
its own location (the user's `.py` line for builder graphs):
* every op the target lacks, every operand or result whose data type or rank it refuses,
  in Chromium's own words ("Unsupported data type int64 for argument indices, must be one
  of [int32]"), prefixed with the op's label as Chromium does;
* graph inputs, constants and outputs against the top-level `input`/`constant`/`output`;
* every tensor larger than `maxTensorByteLength`;
* parameter rules (TFLite resamples only over axes [1, 2]);
* and, as a note, the rewrite that would make it run where one exists (int64 indices ->
  cast to int32; rank 6 element-wise op -> reshape to rank 5 and back; ...).

An unknown limit (a browser JSON without `rankRange` or `maxTensorByteLength`) is not
"unlimited": it is a warning when it matters, i.e. when the graph goes beyond what the
spec requires every implementation to support.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

import numpy as np
from xdsl.dialects import func
from xdsl.dialects.builtin import ModuleOp, StringAttr
from xdsl.ir import Attribute, Operation, SSAValue

from dialects.webnn import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.options import DataType
from dialects.webnn.types import ITEMSIZE, TensorSpec
from runtime.constants import from_bytes
from runtime.values import NUMPY_DTYPES

from ..diagnostics import Diagnostic, location_name, resolve
from .profile import Profile, TensorLimits
from .spec import member, result_members, same_as, spec_table

#: Casts that keep every value (or, for indices, every index of a tensor under 2**31
#: elements), in order of preference, for the "cast to" rewrite.
CAST_TO = {
    "int64": ("int32",), "uint64": ("int64", "uint32", "int32"), "uint32": ("int64", "int32"),
    "float16": ("float32",), "int8": ("int32", "float16", "float32"),
    "uint8": ("int32", "float16", "float32"), "int32": ("int64", "float32"),
    "float32": ("float16",),
}

#: Ops a target lacks that the spec's other ops compute exactly.
DECOMPOSITIONS = {
    "l2Pool2d": "compute sqrt(averagePool2d(mul(x, x)) * window height * window width) "
                "(the same without padding)",
}

#: The smallest `maxTensorByteLength` of Chromium's backends (INT32_MAX): a tensor above it
#: is worth a warning when a target does not say its limit.
SMALLEST_KNOWN_BYTE_LIMIT = 2**31 - 1


@dataclass
class Finding:
    """One problem: the diagnostic, what it is about (the op, or None for a graph input
    or output) and a short tag for the portability table."""

    diagnostic: Diagnostic
    op: Operation | None
    subject: str
    tag: str


def check_graph(module: ModuleOp, profile: Profile) -> list[Finding]:
    """Every problem of `module`'s graphs on `profile` (see the module docstring)."""
    findings: list[Finding] = []
    for fn in module.walk():
        if isinstance(fn, func.FuncOp) and fn.body.blocks:
            _Checker(profile, findings).graph(fn)
    return findings


class _Checker:
    def __init__(self, profile: Profile, findings: list[Finding]):
        self.profile = profile
        self.findings = findings
        #: Ops with a rank problem already reported: their results are not reported again
        #: as graph outputs.
        self.rank_reported: set[int] = set()
        self.required_top_rank = max(
            (row.required_ranks[1] for rows in spec_table().values() for row in rows.values()),
            default=0)

    # ------------------------------------------------------------------ reporting
    def report(self, severity: str, message: str, loc: Attribute | None, op, subject: str,
               tag: str, rewrite: str | None = None) -> None:
        position = resolve(loc)
        notes = [Diagnostic("note", f"rewrite: {rewrite}", position)] if rewrite else []
        diag = Diagnostic(severity, message, position, notes,
                          op=op.name if op is not None else None, target=self.profile.name)
        self.findings.append(Finding(diag, op, subject, tag))

    # ------------------------------------------------------------------ the graph
    def graph(self, fn: func.FuncOp) -> None:
        names = _names(fn.arg_attrs, len(fn.body.block.args), "input")
        for name, arg in zip(names, fn.body.block.args):
            self.top(arg, self.profile.input, f"input operand named '{name}'",
                     f"graph input '{name}'", arg.location, None, name)
        for op in fn.body.block.ops:
            if isinstance(op, ConstantOp):
                self.top(op.output, self.profile.constant, "constant", "constant",
                         op.location, op, "constant")
            elif isinstance(op, WebNNOp):
                self.op(op)
        ret = fn.body.block.last_op
        if isinstance(ret, func.ReturnOp):
            out_names = _names(fn.res_attrs, len(ret.operands), "output")
            for name, value in zip(out_names, ret.operands):
                owner = value.owner
                loc = owner.location if isinstance(owner, Operation) else ret.location
                self.top(value, self.profile.output, f"output operand named '{name}'",
                         f"graph output '{name}'", loc, None, name, output=True)

    def top(self, value: SSAValue, limits: TensorLimits | None, what: str, subject: str,
            loc, op, short: str, output: bool = False) -> None:
        """A graph input, constant or output against the top-level limits. An output's
        size, and a rank its op was already refused for, are not reported again."""
        spec = TensorSpec.from_type(value.type)
        if spec is None:
            return
        if not output:
            self.size(spec, loc, op, subject)
        if limits is None:
            return
        head = f"{subject} is not supported by {self.profile.name}: "
        if spec.dtype not in limits.data_types:
            self.report("error", head + _dtype_message(spec.dtype, what, limits), loc, op,
                        subject, spec.dtype, self.top_cast(value, spec, limits, subject, short))
        if output and id(value.owner) in self.rank_reported:
            return
        if limits.rank_range is None:
            if spec.rank > self.required_top_rank:
                self.report("warning", f"{subject} has rank {spec.rank}, which "
                            f"{self.profile.name} may not support: its limits for "
                            f"{what.split(' ')[0]} give no rankRange (unknown, not "
                            "unlimited)", loc, op, subject, f"rank {spec.rank}?")
        elif not _in(spec.rank, limits.rank_range):
            # Chromium names an output's rank problem "for output", without its name.
            self.report("error", head + _rank_message(spec.rank, "output" if output else what,
                                                      limits.rank_range),
                        loc, op, subject, f"rank {spec.rank}")

    def top_cast(self, value, spec, limits, subject, short) -> str | None:
        new = _cast_target(spec.dtype, limits.data_types)
        if new is None:
            return None
        if subject.startswith("graph input"):
            return f"declare input '{short}' as {new}"
        if subject.startswith("graph output"):
            return f"cast output '{short}' to {new} (webnn.cast) before returning it"
        owner = value.owner
        fits = _constant_fits(owner, new) if isinstance(owner, ConstantOp) else None
        if fits is False:
            return None
        return f"store the constant as {new}" + (" (its values fit)" if fits else
                                                 " if its values fit")

    def size(self, spec: TensorSpec, loc, op, subject: str) -> None:
        nbytes = spec.numel * ITEMSIZE[spec.dtype]
        limit = self.profile.max_tensor_byte_length
        if limit is None:
            if nbytes > SMALLEST_KNOWN_BYTE_LIMIT:
                self.report("warning", f"{subject} holds {nbytes} bytes, which "
                            f"{self.profile.name} may not support: it gives no "
                            "maxTensorByteLength (unknown, not unlimited)",
                            loc, op, subject, "size?")
        elif nbytes > limit:
            self.report("error", f"{subject} is not supported by {self.profile.name}: "
                        f"The tensor size {nbytes} exceeds the size limit {limit}",
                        loc, op, subject, "size")

    # ------------------------------------------------------------------ one op
    def op(self, op: WebNNOp) -> None:
        name = op.name.removeprefix("webnn.")
        subject = f"'{op.name}' op"
        label = location_name(op.location)
        prefix = f"[{label}] " if label else ""
        head = f"{subject} is not supported by {self.profile.name}: {prefix}"
        limits = self.profile.ops.get(name)
        for result in op.results:
            spec = TensorSpec.from_type(result.type)
            if spec is not None:
                self.size(spec, op.location, op, subject)
        if limits is None or not any(m.data_types for m in limits.values()):
            why = ("the backend implements no " + name + " (opSupportLimits() lists no data "
                   "types for it)") if limits is not None else (
                f"its opSupportLimits() has no '{name}' member")
            self.report("error", f"{head}{why}",
                        op.location, op, subject, "no op", DECOMPOSITIONS.get(name))
            return
        tensors: list[tuple[str, TensorSpec, bool]] = []
        for operand, value in op.operands_by_name().items():
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                if v is not None:
                    tensors.append((member(name, operand), TensorSpec.from_type(v.type), False))
        for m, result in zip(result_members(name, len(op.results)), op.results):
            tensors.append((m, TensorSpec.from_type(result.type), True))
        bad_types: dict[str, str] = {}
        bad_rank = False
        for m, spec, is_result in tensors:
            if spec is None:
                continue
            lim = limits.get(m)
            if lim is None:
                self.report("warning", f"{subject}: {self.profile.name} states no limits for "
                            f"argument {m}; it is not checked", op.location, op, subject,
                            f"{m}?")
                continue
            if spec.dtype not in lim.data_types and not (
                    bad_types.get(same_as(name, m) or "") == spec.dtype
                    or (is_result and spec.dtype in bad_types.values())
                    or bad_types.get(m) == spec.dtype):
                bad_types[m] = spec.dtype
                self.report("error", head + _dtype_message(spec.dtype, f"argument {m}", lim),
                            op.location, op, subject, spec.dtype,
                            self.cast_rewrite(op, m, spec.dtype, lim, is_result))
            if lim.rank_range is None:
                required = spec_table().get(name, {}).get(m)
                if (required is not None and spec.rank > required.required_ranks[1]
                        and not (is_result and bad_rank)):
                    bad_rank = True
                    self.rank_reported.add(id(op))
                    self.report("warning", f"{subject} argument {m} has rank {spec.rank}, "
                                f"which {self.profile.name} may not support: it gives no "
                                f"rankRange for {name}.{m} (unknown, not unlimited); the spec "
                                f"requires ranks up to {required.required_ranks[1]}",
                                op.location, op, subject, f"rank {spec.rank}?")
            elif not _in(spec.rank, lim.rank_range) and not (is_result and bad_rank):
                self.report("error", head + _rank_message(spec.rank, f"argument {m}",
                                                          lim.rank_range),
                            op.location, op, subject, f"rank {spec.rank}",
                            None if bad_rank else self.rank_rewrite(op, spec, lim.rank_range))
                bad_rank = True
                self.rank_reported.add(id(op))
        self.rules(op, name, subject, prefix)

    def cast_rewrite(self, op: WebNNOp, m: str, have: str, lim: TensorLimits,
                     is_result: bool) -> str | None:
        new = _cast_target(have, lim.data_types)
        if new is None:
            return None
        if is_result:  # a result's type is chosen by an option (argMin's outputDataType)
            chosen = [o for o in op.OPTIONS if isinstance(o, DataType) and new in o.values]
            if not chosen:
                return None
            return (f"set {chosen[0].name} = \"{new}\" (and cast the result to {have} "
                    "where it must stay that type)")
        text = f"cast {m} from {have} to {new} (webnn.cast) before the op"
        if m == "indices":
            text += "; indices into tensors of fewer than 2**31 elements fit in int32"
        elif any(TensorSpec.from_type(r.type).dtype == have for r in op.results):
            text += f", and the result back to {have}"
        return text

    def rank_rewrite(self, op: WebNNOp, spec: TensorSpec,
                     ranks: tuple[int, int]) -> str | None:
        """Element-wise ops see no shape: merge leading dimensions down to the limit."""
        high = ranks[1]
        if spec.rank <= high or high < 1 or not _elementwise(op):
            return None
        name = op.name.removeprefix("webnn.")
        operands = [(member(name, n), TensorSpec.from_type(v.type))
                    for n, v in op.operands_by_name().items() if isinstance(v, SSAValue)]
        if len({s.shape for _, s in operands if s.numel > 1}) > 1:
            return None  # broadcasting between different shapes: merging would break it
        cut = spec.rank - high + 1
        merged = [prod(spec.shape[:cut]), *spec.shape[cut:]]
        which = ", ".join(m for m, s in operands if s.shape == spec.shape)
        return (f"reshape {which} from {list(spec.shape)} to {merged} (rank {high}) before "
                "the op and the result back after it")

    def rules(self, op: WebNNOp, name: str, subject: str, prefix: str) -> None:
        rule = self.profile.rules.get(name)
        if not rule:
            return
        severity = rule.get("severity", "error")
        why = f" ({rule['note']})" if rule.get("note") else ""
        for param, allowed in rule.items():
            if param in ("source", "severity", "note") or param not in op.OPTION_MAP:
                continue
            value = op.opt(param)
            value = list(value) if isinstance(value, (tuple, list)) else value
            if value in allowed:
                continue
            want = " or ".join(str(a) for a in allowed)
            verb = "is not supported by" if severity == "error" else "may not be supported by"
            rewrite = None
            if name == "resample2d" and allowed == [[1, 2]] and value == [2, 3]:
                rewrite = ("transpose the input to channels-last (permutation [0, 2, 3, 1]), "
                           "resample over axes [1, 2], transpose back (permutation "
                           "[0, 3, 1, 2])")
            elif name == "resample2d" and allowed == [[2, 3]] and value == [1, 2]:
                rewrite = ("transpose the input to channels-first (permutation [0, 3, 1, 2]), "
                           "resample over axes [2, 3], transpose back (permutation "
                           "[0, 2, 3, 1])")
            self.report(severity, f"{subject} {verb} {self.profile.name}: {prefix}{param} "
                        f"{value} must be {want}{why}", op.location, op, subject,
                        f"{param} {value}", rewrite)


# ----------------------------------------------------------------------------- helpers
def _names(attrs, count: int, prefix: str) -> list[str]:
    out = []
    for i in range(count):
        name = f"{prefix}{i}"
        if attrs is not None and i < len(attrs.data):
            value = attrs.data[i].data.get("webnn.name")
            if isinstance(value, StringAttr):
                name = value.data
        out.append(name)
    return out


def _in(rank: int, ranks: tuple[int, int]) -> bool:
    return ranks[0] <= rank <= ranks[1]


def _dtype_message(dtype: str, what: str, limits: TensorLimits) -> str:
    # webnn_errors.cc: "Unsupported data type <t> for <what>, must be one of [<types>]."
    return (f"Unsupported data type {dtype} for {what}, must be one of "
            f"[{', '.join(limits.data_types)}]")


def _rank_message(rank: int, what: str, ranks: tuple[int, int]) -> str:
    # webnn_errors.cc: "Unsupported rank <r> for <what>, must be in range [<min>, <max>]."
    return f"Unsupported rank {rank} for {what}, must be in range [{ranks[0]}, {ranks[1]}]"


def _cast_target(have: str, allowed) -> str | None:
    return next((t for t in CAST_TO.get(have, ()) if t in allowed), None)


def _constant_fits(const: ConstantOp, dtype: str) -> bool | None:
    """Whether an inline constant's values survive a cast to `dtype` (None: data external)."""
    if const.value is None:
        return None
    spec = TensorSpec.from_type(const.output.type)
    data = from_bytes(bytes(const.value.data.data), spec.dtype, spec.shape)
    with np.errstate(all="ignore"):
        back = data.astype(NUMPY_DTYPES[dtype]).astype(data.dtype)
    return bool(np.array_equal(back, data, equal_nan=data.dtype.kind == "f"))


def _elementwise(op: WebNNOp) -> bool:
    """Ops whose every output element depends only on the same element of each input (the
    element-wise family and cast; softmax lives there too but works along an axis)."""
    return ((type(op).__module__.endswith(".ops.elementwise") or op.name == "webnn.cast")
            and "axis" not in op.OPTION_MAP)

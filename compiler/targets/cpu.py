"""The `cpu` profile: what this compiler's JIT accepts, derived from the compiler itself.

Nothing here is written by hand, so the profile stays true as the compiler grows:
* the ops are those of the lowering table (`convert-webnn-to-linalg` has a lowering for
  each; an op without one would fail to legalize);
* each operand's data types come from the op's own shape rule, the one the verifier runs:
  the op's template in `probes.mlir` is re-typed with every WebNN data type, operand by
  operand, and the rule says yes or no. Operands the rule ties together (binary `b` has
  `a`'s type) are re-typed together: when the rule rejects a type by naming another
  operand, that operand is re-typed too and the rule asked again. The result types of
  every accepted combination (and every value of a data-type option such as cast's
  `dataType`) make the `output` members;
* ranks are the spec's allowed ranks, which the shape rules enforce; where the spec sets
  no bound neither does the JIT (loops nest as deep as the rank), shown as `UNBOUNDED`;
* graph inputs, constants and outputs may be any WebNN data type of any rank, up to the
  dialect's tensor size limit.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from xdsl.utils.exceptions import VerifyException

from dialects.webnn import OPS_BY_NAME, WebNNOp
from dialects.webnn.options import DataType
from dialects.webnn.types import ALL, MAX_TENSOR_BYTES, TensorSpec

from .profile import Profile, TensorLimits
from .spec import allowed_ranks, member, result_members, spec_table

#: The largest `unsigned long`: a rank range this large means "no limit".
UNBOUNDED = 2**32 - 1

PROBES = Path(__file__).parent / "probes.mlir"


@cache
def cpu_profile() -> Profile:
    from passes.webnn_to_linalg import load_all

    lowered = load_all()
    templates = _templates()
    everything = TensorLimits(ALL, (0, UNBOUNDED), source="dialect",
                              row="dialects/webnn/types.py ELEMENT_TYPES")
    profile = Profile(
        name="cpu",
        title="this compiler's JIT (llvmlite, host CPU)",
        preferred_input_layout="nchw",
        max_tensor_byte_length=MAX_TENSOR_BYTES,
        input=everything, constant=everything, output=everything,
        sources={"dialect": "the webnn dialect's shape rules, probed with "
                            "compiler/targets/probes.mlir",
                 "lowering": "passes/webnn_to_linalg: the ops that have a lowering",
                 "S1": "the spec's allowed ranks (profiles/spec.json)"},
        notes=["every layout is read in place (no transposes); nchw is the spec default",
               f"rankRange max {UNBOUNDED} means no limit"])
    for name in lowered:
        template = templates.get(name)
        if template is None:
            continue  # an op without a template is not claimed (tests require one per op)
        probed = _probe(template)
        ops: dict[str, TensorLimits] = {}
        for operand, types in probed.items():
            low, high = allowed_ranks(name, operand) if operand in spec_table().get(name, {}) \
                else (0, None)
            ops[operand] = TensorLimits(tuple(t for t in ALL if t in types),
                                        (low, UNBOUNDED if high is None else high),
                                        source="dialect", row=f"probes.mlir @{name}")
        profile.ops[name] = ops
    return profile


@cache
def _templates() -> dict[str, WebNNOp]:
    from ..diagnostics import DiagnosticEngine
    from ..compat import parse

    diags = DiagnosticEngine()
    module = parse(PROBES.read_text(encoding="utf-8"), str(PROBES), diags)
    if module is None:
        raise RuntimeError(f"the probe templates do not parse:\n{diags.render_all()}")
    return {op.name.removeprefix("webnn."): op for op in module.walk()
            if isinstance(op, WebNNOp) and op.name != "webnn.constant"}


def _probe(op: WebNNOp) -> dict[str, set[str]]:
    """Limits member -> the data types the op's shape rule accepts there."""
    name = op.name.removeprefix("webnn.")
    cls = type(op)
    specs = {}
    for n, value in op.operands_by_name().items():
        if isinstance(value, tuple):
            specs[n] = tuple(TensorSpec.from_type(v.type) for v in value)
        else:
            specs[n] = None if value is None else TensorSpec.from_type(value.type)
    props = dict(op.properties)
    present = [n for n in cls.OPERAND_NAMES if specs.get(n) not in (None, ())]
    accepted: dict[str, set[str]] = {member(name, n): set() for n in present}
    outputs: dict[str, set[str]] = {}

    def record(results: list[TensorSpec]) -> None:
        for m, spec in zip(result_members(name, len(results)), results):
            outputs.setdefault(m, set()).add(spec.dtype)

    record(cls.infer_specs(cls.make_args(specs, props)))
    for operand in present:
        for dtype in ALL:
            results = _try(cls, specs, props, operand, dtype, present)
            if results is not None:
                accepted[member(name, operand)].add(dtype)
                record(results)
    for option in cls.OPTIONS:
        if isinstance(option, DataType):
            for value in option.values:
                trial = dict(props, **{option.name: option.to_attr(value)})
                try:
                    record(cls.infer_specs(cls.make_args(specs, trial)))
                except VerifyException:
                    pass
    for m, types in outputs.items():
        accepted.setdefault(m, set()).update(types)
    return accepted


def _try(cls, specs, props, operand, dtype, present):
    """Result specs when `operand` (and whatever the rule ties to it) can be `dtype`."""
    changed = {operand}
    while True:
        trial = dict(specs)
        for n in changed:
            value = specs[n]
            trial[n] = (tuple(s.with_dtype(dtype) for s in value) if isinstance(value, tuple)
                        else value.with_dtype(dtype))
        try:
            return cls.infer_specs(cls.make_args(trial, props))
        except VerifyException as err:
            named = {n for n in present
                     if re.search(rf"\b{re.escape(n)}\b", str(err))} - changed
            if not named:
                return None
            changed |= named


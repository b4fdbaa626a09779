"""`webnn-translate --emit=webnn-graph`: a webnn graph as the `.webnn` text format.

    webnn_graph "model" v1 {
      inputs { x: f32[1, 3, 8, 8]; }
      consts { w: f32[4, 3, 3, 3] @weights("w"); b: f32[4] @scalar(0.5); }
      nodes {
        conv = conv2d(x, w, bias=b, padding=[1, 1, 1, 1]);
        y = relu(conv);
      }
      outputs { y; }
    }

Operands go positionally (a variadic list as several names), optional operands and the
options the IR spells out as `key=value` with spec names, so the file reads back
(`compiler/frontends/webnn_graph.py`) into the same IR. Values keep their IR names where
the format allows; graph inputs and outputs keep their names. Constants whose elements
are all equal are `@scalar`, small ones `@bytes`, the rest `@weights` in the weights file
beside the output.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp

from ..diagnostics import CompileError
from ..frontends.webnn_graph import DTYPES
from ..interpret import constant_value
from . import common
from .common import INLINE_BYTES, Names, WeightsFile, graph_name, graph_ops, splat

#: WebNN data type -> the format's name for it.
FORMAT_DTYPES = {v: k for k, v in DTYPES.items()}
_NAME = re.compile(r"[A-Za-z_/$][A-Za-z0-9_./]*\Z")
#: Words the format's grammar reserves where a name may stand.
RESERVED = {"true", "false", "null"}


def valid_name(name: str) -> bool:
    return bool(_NAME.match(name)) and name not in RESERVED


def clean_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_./]", "_", name)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"_{cleaned}"


def literal(value, what: str) -> str:
    """An option value in the format's syntax (JSON-like; `what` names it in the error
    for a NaN or an infinity, which the format cannot write)."""
    def real(number: float) -> str:
        if not math.isfinite(number):
            raise CompileError(f"error: {what} is {number}, which the .webnn format cannot "
                               "write")
        return repr(number)
    return common.literal(value, "null", real)


def write_webnn_graph(module, output: Path | None) -> tuple[str, WeightsFile | None]:
    """(the `.webnn` text, the weights to write beside it) of a verified webnn module."""
    block = module.graph.body.block
    names = Names(valid_name, clean_name)
    weights = WeightsFile() if output is not None else None
    ret = block.last_op
    for arg, (name, _) in zip(block.args, module.inputs):
        names.claim(arg, name)
    aliases: list[tuple[str, str]] = []
    output_names = [name for name, _ in module.outputs]
    for name, value in zip(output_names, ret.operands):
        if value not in names.of and names.free(name):
            names.claim(value, name)
    consts, nodes = [], []
    for op in graph_ops(module, ".webnn"):
        if isinstance(op, ConstantOp):
            consts.append(_const(op, module, names, weights))
        else:
            nodes.append(_node(op, names))
    for name, value in zip(output_names, ret.operands):
        if names.of.get(value) != name:
            if not valid_name(name):
                raise CompileError(f"error: output name '{name}' is not a .webnn name")
            aliases.append((name, names.name(value)))
    lines = [f"webnn_graph {json.dumps(graph_name(module, output))} v1 {{", "  inputs {"]
    for arg, (name, spec) in zip(block.args, module.inputs):
        lines.append(f"    {names.of[arg]}: {_type(spec)};")
    lines.append("  }")
    if consts:
        lines += ["  consts {", *(f"    {c}" for c in consts), "  }"]
    lines += ["  nodes {", *(f"    {n}" for n in nodes),
              *(f"    {name} = {target};" for name, target in aliases), "  }"]
    lines.append("  outputs { " + " ".join(f"{n};" for n in output_names) + " }")
    lines.append("}")
    return "\n".join(lines) + "\n", weights


def _type(spec) -> str:
    return f"{FORMAT_DTYPES[spec.dtype]}[{', '.join(str(d) for d in spec.shape)}]"


def _const(op: ConstantOp, module, names: Names, weights: WeightsFile | None) -> str:
    from dialects.webnn.types import TensorSpec

    name = names.name(op.output)
    spec = TensorSpec.from_type(op.output.type)
    data = constant_value(op, module)
    head = f"{name}: {_type(spec)}"
    value = splat(data)
    if value is not None and (not isinstance(value, float) or math.isfinite(value)):
        return f"{head} @scalar({literal(value, 'constant')});"
    if weights is None or data.nbytes <= INLINE_BYTES:
        raw = data.astype(data.dtype.newbyteorder("<")).tobytes()
        return f"{head} @bytes([{', '.join(str(b) for b in raw)}]);"
    weights.add(name, data, spec.dtype)
    return f"{head} @weights({json.dumps(name)});"


def _node(op: WebNNOp, names: Names) -> str:
    args = []
    for operand in op.OPERAND_NAMES:
        value = op.operand(operand)
        if value is None:
            continue
        if operand in op.OPTIONAL_OPERANDS:
            args.append(f"{operand}={names.name(value)}")
        elif isinstance(value, tuple):
            args.extend(names.name(v) for v in value)
        else:
            args.append(names.name(value))
    kind = op.name.removeprefix("webnn.")
    for option in op.OPTIONS:
        if option.name in op.properties:
            args.append(f"{option.name}="
                        f"{literal(op.opt(option.name), f'{kind} option {option.name}')}")
    targets = [names.name(r) for r in op.results]
    target = targets[0] if not op.VARIADIC_RESULTS else "[" + ", ".join(targets) + "]"
    return f"{target} = {kind}({', '.join(args)});"


__all__ = ["write_webnn_graph", "valid_name"]

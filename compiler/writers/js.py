"""`webnn-translate --emit=js`: a webnn graph as an ES module of `MLGraphBuilder` calls.

    export async function buildGraph(builder, weights) {
      const x = builder.input("x", {dataType: "float32", shape: [1, 3, 8, 8]});
      const w = builder.constant({dataType: "float32", shape: [4, 3, 3, 3]}, weights["w"]);
      const conv = builder.conv2d(x, w, {padding: [1, 1, 1, 1], label: "conv"});
      return await builder.build({"y": builder.relu(conv)});
    }

Each op is one builder call in the spec's form: required operands and positional
arguments (`softmax(x, axis)`, `concat([a, b], axis)`, `split(x, splits, {...})`) in
order, then one options dictionary with the optional operands (`bias`, `c`, ...), the
options the IR spells out (camelCase spec names) and the op's `label` (its source
location's name). Large constants come from `weights`, an object mapping the keys of
the weights manifest written beside the module to ArrayBuffers (`weightsFromFile`
slices them out of the `.weights` file); small ones are inline typed arrays.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.types import TensorSpec

from ..diagnostics import location_name
from ..interpret import constant_value
from . import common
from .common import INLINE_BYTES, Names, WeightsFile, graph_name, graph_ops, splat

#: The typed array each data type is written with (float16 as its raw bits in an
#: ArrayBuffer, which every data type accepts).
TYPED_ARRAYS = {"float32": "Float32Array", "int32": "Int32Array", "uint32": "Uint32Array",
                "int64": "BigInt64Array", "uint64": "BigUint64Array", "int8": "Int8Array",
                "uint8": "Uint8Array", "float16": "Uint16Array"}
RESERVED = set("""break case catch class const continue debugger default delete do else
enum export extends false finally for function if import in instanceof new null return
super switch this throw true try typeof var void while with yield let static implements
interface package private protected public await arguments eval undefined NaN Infinity
builder weights""".split())
_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*\Z")


def valid_name(name: str) -> bool:
    return bool(_IDENT.match(name)) and name not in RESERVED


def clean_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_$]", "_", name)
    return cleaned if not cleaned[:1].isdigit() else f"_{cleaned}"


def literal(value) -> str:
    """An option value as a JavaScript literal (None is `undefined`)."""
    return common.literal(value, "undefined", _number)


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return repr(value)


HEADER = """\
// {name}: a WebNN graph, written by webnn-translate --emit=js.
// buildGraph(builder, weights) makes it with the MLGraphBuilder `builder` and returns
// the built MLGraph; `weights` maps the keys of {manifest} to ArrayBuffers.

/** The `weights` argument from the parsed manifest and the .weights file's bytes. */
export function weightsFromFile(manifest, buffer) {{
  const weights = {{}};
  for (const [key, t] of Object.entries(manifest.tensors)) {{
    weights[key] = buffer.slice(t.byteOffset, t.byteOffset + t.byteLength);
  }}
  return weights;
}}

export async function buildGraph(builder, weights) {{
"""


def write_js(module, output: Path | None) -> tuple[str, WeightsFile | None]:
    """(the ES module text, the weights to write beside it) of a verified webnn module."""
    block = module.graph.body.block
    names = Names(valid_name, clean_name)
    weights = WeightsFile() if output is not None else None
    manifest = f"{output.stem}.manifest.json" if output is not None else "no manifest"
    lines = []
    for arg, (name, spec) in zip(block.args, module.inputs):
        lines.append(f"  const {names.claim(arg, name)} = builder.input({json.dumps(name)}, "
                     f"{_descriptor(spec)});")
    ret = block.last_op
    for op in graph_ops(module, "JavaScript"):
        if isinstance(op, ConstantOp):
            lines.append(_constant(op, module, names, weights))
        else:
            lines.append(_call(op, names))
    outputs = ", ".join(f"{json.dumps(name)}: {names.name(value)}"
                        for (name, _), value in zip(module.outputs, ret.operands))
    lines.append(f"  return await builder.build({{{outputs}}});")
    text = HEADER.format(name=graph_name(module, output), manifest=manifest)
    return text + "\n".join(lines) + "\n}\n", weights


def _descriptor(spec: TensorSpec) -> str:
    return f"{{dataType: {json.dumps(spec.dtype)}, shape: {literal(list(spec.shape))}}}"


def _constant(op: ConstantOp, module, names: Names, weights: WeightsFile | None) -> str:
    spec = TensorSpec.from_type(op.output.type)
    data = constant_value(op, module)
    name = names.name(op.output)
    head = f"  const {name} = builder.constant({_descriptor(spec)}, "
    array = TYPED_ARRAYS[spec.dtype]
    value = splat(data)
    if spec.dtype == "float16":
        bits = data.view(np.uint16)
        source = _typed(array, bits, splat(bits)) + ".buffer"
    elif weights is None or data.nbytes <= INLINE_BYTES or value is not None:
        source = _typed(array, data, value)
    else:
        weights.add(name, data, spec.dtype)
        source = f"weights[{json.dumps(name)}]"
    return head + source + ");"


def _typed(array: str, data: np.ndarray, value) -> str:
    big = array.startswith("Big")

    def number(v):
        return f"{int(v)}n" if big else literal(v.item() if hasattr(v, "item") else v)

    if value is not None and data.size > 1:
        return f"new {array}({data.size}).fill({number(value)})"
    return f"new {array}([{', '.join(number(v) for v in data.reshape(-1))}])"


def _call(op: WebNNOp, names: Names) -> str:
    args, options = [], []
    for operand in op.OPERAND_NAMES:
        value = op.operand(operand)
        if operand in op.OPTIONAL_OPERANDS:
            if value is not None:
                options.append(f"{operand}: {names.name(value)}")
        elif isinstance(value, tuple):
            args.append("[" + ", ".join(names.name(v) for v in value) + "]")
        else:
            args.append(names.name(value))
    for option in op.OPTIONS:
        if option.positional:
            args.append(literal(op.opt(option.name)))
        elif option.name in op.properties:
            options.append(f"{option.name}: {literal(op.opt(option.name))}")
    label = location_name(op.location)
    if label:
        options.append(f"label: {json.dumps(label)}")
    if options:
        args.append("{" + ", ".join(options) + "}")
    results = [names.name(r) for r in op.results]
    target = "[" + ", ".join(results) + "]" if op.VARIADIC_RESULTS else results[0]
    return f"  const {target} = builder.{op.name.removeprefix('webnn.')}({', '.join(args)});"


__all__ = ["write_js"]

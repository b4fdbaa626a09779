"""A graph as a Graphviz picture (`webnn-translate --emit=dot`).

Inputs and outputs are ellipses, webnn ops boxes (other ops plain text), and each value
an edge labelled with its type.
"""

from __future__ import annotations

from dialects.webnn.base import WebNNOp

from .module import Module


def graph_dot(graph: Module) -> str:
    """The graph as Graphviz DOT: inputs, constants and ops as nodes, values as edges."""
    fn = graph.graph
    lines = ["digraph webnn {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];"]
    ids: dict = {}
    for (name, spec), arg in zip(graph.inputs, fn.body.block.args):
        ids[arg] = f"in_{len(ids)}"
        lines.append(f'  {ids[arg]} [shape=ellipse, label="{name}\\n{spec}"];')
    for n, op in enumerate(fn.body.block.ops):
        if op is fn.body.block.last_op:
            for (name, spec), v in zip(graph.outputs, op.operands):
                lines.append(f'  out_{name} [shape=ellipse, label="{name}\\n{spec}"];')
                lines.append(f"  {ids[v]} -> out_{name};")
            continue
        node = f"op_{n}"
        label = op.name.removeprefix("webnn.")
        shape = "box" if isinstance(op, WebNNOp) else "plain"
        lines.append(f'  {node} [shape={shape}, label="{label}"];')
        for v in op.operands:
            if v in ids:
                lines.append(f'  {ids[v]} -> {node} [label="{v.type}"];')
        for r in op.results:
            ids[r] = node
    lines.append("}")
    return "\n".join(lines) + "\n"


__all__ = ["graph_dot"]

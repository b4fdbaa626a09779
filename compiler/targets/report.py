"""What the check means for a whole graph: partitions, and portability across targets.

* `partition_report` says what would happen under partitioned execution, as ONNX Runtime's
  WebNN execution provider does it: the ops a backend supports run on it, every other op
  falls back to the CPU. Ops are taken in program order and a partition is a maximal run
  of consecutive ops on one device; a tensor crosses when it is made in one partition and
  used in another (constants are data, not ops: they go wherever they are used).
* `portability_table` is one row per graph element that some target refuses, one column
  per target: the question "will it run on every browser?" answered before any bug report.
"""

from __future__ import annotations

from dataclasses import replace

from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Operation

from dialects.webnn import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.types import ITEMSIZE, TensorSpec

from ..diagnostics import resolve
from .checker import Finding


def partition_report(module: ModuleOp, target: str, findings: list[Finding]) -> str:
    refused = {id(f.op) for f in findings
               if f.op is not None and f.diagnostic.severity == "error"}
    ops = [op for op in module.walk()
           if isinstance(op, WebNNOp) and not isinstance(op, ConstantOp)]
    partitions: list[tuple[str, list[Operation]]] = []
    where: dict[int, int] = {}
    for op in ops:
        device = "cpu" if id(op) in refused else target
        if not partitions or partitions[-1][0] != device:
            partitions.append((device, []))
        partitions[-1][1].append(op)
        where[id(op)] = len(partitions) - 1
    crossing: set = set()
    nbytes = 0
    for op in ops:
        for value in op.operands:
            owner = value.owner
            if not isinstance(owner, Operation) or id(owner) not in where:
                continue  # a graph input or a constant
            if where[id(owner)] != where[id(op)] and value not in crossing:
                crossing.add(value)
                spec = TensorSpec.from_type(value.type)
                nbytes += spec.numel * ITEMSIZE[spec.dtype] if spec else 0
    lines = [f"partition report for {target} (as ONNX Runtime's WebNN execution provider "
             f"runs a graph: ops {target} supports run on it, the others fall back to the "
             "CPU):"]
    width = max([len(target), 3])
    for i, (device, members) in enumerate(partitions, start=1):
        listed = ", ".join(f"{op.name.removeprefix('webnn.')} ({_where(op)})"
                           for op in members)
        count = f"{len(members)} op{'s' if len(members) != 1 else ''}"
        lines.append(f"  #{i} {device:<{width}}  {count}: {listed}")
    on_target = sum(1 for op in ops if id(op) not in refused)
    lines.append(f"  {len(ops)} ops: {on_target} on {target}, {len(ops) - on_target} on cpu; "
                 f"{len(partitions)} partition{'s' if len(partitions) != 1 else ''}; "
                 f"{len(crossing)} tensor{'s' if len(crossing) != 1 else ''} cross between "
                 f"partitions ({_bytes(nbytes)})")
    return "\n".join(lines) + "\n"


def portability_table(results: dict[str, list[Finding]]) -> str:
    """Rows: everything some target refuses or doubts; columns: the targets."""
    rows: dict[tuple, dict[str, set[str]]] = {}
    for target, findings in results.items():
        for f in findings:
            pos = f.diagnostic.position
            # A model file's nodes all sit at line 0: the node tells them apart.
            key = (pos.file if pos else "", pos.line if pos else 0, pos.column if pos else 0,
                   pos.node or "" if pos else "", f.subject, str(pos) if pos else "?")
            tag = f.tag if f.diagnostic.severity == "error" else f.tag.rstrip("?") + "?"
            rows.setdefault(key, {}).setdefault(target, set()).add(tag)
    targets = list(results)
    failed = {t for t, fs in results.items() if any(f.diagnostic.severity == "error"
                                                    for f in fs)}
    header = ["", "where", *targets]
    table = []
    for (*_, subject, where), cells in sorted(rows.items()):
        table.append([subject, where, *[", ".join(sorted(cells.get(t, ()))) or "ok"
                                         for t in targets]])
    table.append(["runs", "", *["no" if t in failed else "yes" for t in targets]])
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    out = ["portability: what each target refuses (ok = runs; a '?' = unknown limit)"]
    for r in [header, *table]:
        out.append("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(out) + "\n"


def _where(op: Operation) -> str:
    pos = resolve(op.location)
    if pos is None:
        return "?"
    if pos.line == 0:  # a node of a model file
        return str(replace(pos, file=pos.file.rsplit("/", 1)[-1]))
    return f"{pos.file.rsplit('/', 1)[-1]}:{pos.line}"


def _bytes(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


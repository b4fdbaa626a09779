"""What the writers share: unique names for values (`Names`), the weights file beside
the output (`WeightsFile`: `<stem>.weights` and `<stem>.manifest.json`, the webnn-graph
project's layout), the graph's name, and splat detection for compact constants."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from xdsl.ir import SSAValue

from dialects.webnn.base import WebNNOp

from ..builder import GRAPH_NAME_ATTR
from ..diagnostics import CompileError, DiagnosticEngine, location_name

#: Constants up to this many bytes are written inline.
INLINE_BYTES = 64
#: Each tensor of a weights file starts at a multiple of this (typed-array views).
ALIGN = 64


class Names:
    """Unique identifiers for the values of a graph, as close to their IR names as the
    target syntax allows (`valid` says what it allows)."""

    def __init__(self, valid: Callable[[str], bool], clean: Callable[[str], str]):
        self._valid = valid
        self._clean = clean
        self._taken: set[str] = set()
        self.of: dict[SSAValue, str] = {}

    def claim(self, value: SSAValue, wanted: str) -> str:
        name = wanted if self._valid(wanted) else self._clean(wanted)
        base, n = name, 1
        while name in self._taken or not self._valid(name):
            name, n = f"{base}_{n}", n + 1
        self._taken.add(name)
        self.of[value] = name
        return name

    def free(self, name: str) -> bool:
        """Whether `name` can still be claimed exactly as it is."""
        return self._valid(name) and name not in self._taken

    def name(self, value: SSAValue) -> str:
        """The value's identifier, chosen on first use."""
        if value not in self.of:
            owner = value.owner
            label = location_name(getattr(owner, "location", None))
            results = getattr(owner, "results", ())
            wanted = value.name_hint or (label if label and len(results) == 1 else None) \
                or f"v{len(self.of)}"
            self.claim(value, wanted)
        return self.of[value]


class WeightsFile:
    """The tensors of a `.weights` file and its manifest, appended as they come."""

    def __init__(self) -> None:
        self.blob = bytearray()
        self.tensors: dict[str, dict] = {}

    def add(self, key: str, data: np.ndarray, dtype: str) -> None:
        self.blob.extend(b"\0" * (-len(self.blob) % ALIGN))
        raw = np.ascontiguousarray(data).astype(data.dtype.newbyteorder("<")).tobytes()
        self.tensors[key] = {"dataType": dtype, "shape": list(data.shape),
                             "byteOffset": len(self.blob), "byteLength": len(raw)}
        self.blob.extend(raw)

    def save(self, output: Path) -> None:
        manifest = {"format": "wg-weights-manifest", "version": 1, "endianness": "little",
                    "tensors": self.tensors}
        stem = output.with_suffix("")
        Path(f"{stem}.manifest.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                                 encoding="utf-8")
        Path(f"{stem}.weights").write_bytes(bytes(self.blob))


def graph_name(module, output: Path | None) -> str:
    """The name the graph was imported with, else the output file's stem, else "graph"."""
    attr = module.op.attributes.get(GRAPH_NAME_ATTR)
    if attr is not None:
        return attr.data
    return output.stem if output is not None else "graph"


def splat(data: np.ndarray):
    """The one value every element of `data` holds (bit for bit), or None."""
    flat = np.ascontiguousarray(data).reshape(-1)
    if flat.size == 0 or flat.tobytes() != flat[:1].tobytes() * flat.size:
        return None
    return flat[0].item()


def graph_ops(module, form: str) -> Iterator[WebNNOp]:
    """The graph's ops before its return, in order; CompileError at the first one that is
    not a webnn op (only webnn graphs can be written as `form`)."""
    block = module.graph.body.block
    for op in block.ops:
        if op is block.last_op:
            return
        if not isinstance(op, WebNNOp):
            diags = DiagnosticEngine()
            diags.error(f"'{op.name}' is not a webnn op; only webnn graphs can be written "
                        f"as {form}", op.location)
            raise CompileError.from_engine(diags)
        yield op


def literal(value, null: str, real: Callable[[float], str]) -> str:
    """An option value as a JSON-like literal, as both formats write them: `null` stands
    for None, `real` writes a float (each format has its own way with NaN and infinity)."""
    if value is None:
        return null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return real(value)
    if isinstance(value, str):
        return json.dumps(value)
    return "[" + ", ".join(literal(v, null, real) for v in value) + "]"


__all__ = ["Names", "WeightsFile", "graph_name", "graph_ops", "literal", "splat",
           "INLINE_BYTES", "ALIGN"]

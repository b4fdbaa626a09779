"""Writers: a webnn graph in the WebNN ecosystem's other forms.

* `webnn_graph.py`: the `.webnn` text format (`webnn-translate --emit=webnn-graph`),
  read back by `compiler/frontends/webnn_graph.py`;
* `js.py`: an ES module whose `buildGraph(builder, weights)` makes the graph with
  `MLGraphBuilder` calls (`webnn-translate --emit=js`).

Both name values the same way (`Names`) and put large constants in a weights file
beside the output: `<stem>.weights` with its `<stem>.manifest.json`, the webnn-graph
project's layout. Written to stdout, every constant is inline.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from xdsl.ir import SSAValue

from ..diagnostics import location_name

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
    from ..frontends import GRAPH_NAME_ATTR

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


def write_graph(module, emit: str, output: str) -> None:
    """Write `module` as `emit` ("webnn-graph" or "js") to `output` ("-": stdout)."""
    import sys

    from ..driver import UsageError

    path = None if output == "-" else Path(output)
    source = module.source_path
    if path is not None and source is not None and source.suffix == ".webnn" and \
            (path.parent.resolve() / path.stem) == (source.parent.resolve() / source.stem):
        raise UsageError(f"writing '{output}' would overwrite the weights of the input "
                         f"'{source}' ({source.stem}.weights); choose another file name")
    if emit == "webnn-graph":
        from .webnn_graph import write_webnn_graph as write
    else:
        from .js import write_js as write
    text, weights = write(module, path)
    try:
        if path is None:
            sys.stdout.write(text)
            return
        path.write_text(text, encoding="utf-8")
        if weights is not None and weights.tensors:
            weights.save(path)
    except OSError as err:
        raise UsageError(f"could not write output file '{output}': {err.strerror}") from None


__all__ = ["Names", "WeightsFile", "write_graph", "graph_name", "splat", "INLINE_BYTES"]

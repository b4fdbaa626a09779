"""Frontends: graphs written in other formats become verified webnn modules.

* `onnx/`: ONNX models (`import_onnx`), each node converted to webnn ops through
  `WebNNOp.make`, located at the model file and node.
* `webnn_graph.py`: the `.webnn` text format of the webnn-graph project, parsed with lark,
  located at its lines and columns.

`import_path(path, dims=...)` picks the frontend by the file's suffix; the tools and
`compiler.parse`/`compiler.compile` call it for any path it claims (`claims(path)`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Module attribute keeping the imported graph's name (ONNX graph name, `.webnn` header),
#: so that writers can give it back.
GRAPH_NAME_ATTR = "webnn.graph_name"

#: File suffix -> the frontend module (under this package) that reads it.
SUFFIXES = {".onnx": "onnx", ".webnn": "webnn_graph"}


def claims(path: str | os.PathLike) -> bool:
    """Whether a frontend reads `path` (by its suffix), rather than the IR parser."""
    return os.path.splitext(os.fspath(path))[1].lower() in SUFFIXES


def import_path(path: str | os.PathLike, *, dims: Mapping[str, int] | None = None):
    """The verified `Module` of a model file in a frontend's format; raises CompileError."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if SUFFIXES.get(suffix) == "onnx":
        from .onnx import import_onnx
        return import_onnx(os.fspath(path), dims=dims)
    if SUFFIXES.get(suffix) == "webnn_graph":
        from .webnn_graph import import_webnn_graph
        return import_webnn_graph(os.fspath(path), dims=dims)
    raise ValueError(f"no frontend reads '{suffix}' files")


def parse_dims(items) -> dict[str, int]:
    """`--dim NAME=VALUE` arguments as a dict; ValueError naming the bad one."""
    dims: dict[str, int] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        try:
            size = int(value)
        except ValueError:
            size = 0
        if not sep or not name or size <= 0:
            raise ValueError(f"--dim takes NAME=SIZE with a positive SIZE, got '{item}'")
        dims[name] = size
    return dims


__all__ = ["SUFFIXES", "GRAPH_NAME_ATTR", "claims", "import_path", "parse_dims"]

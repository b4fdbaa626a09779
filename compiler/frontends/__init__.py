"""Frontends: graphs written in other formats become verified webnn modules.

* `onnx/`: ONNX models (`import_onnx`), each node converted to webnn ops through
  `WebNNOp.make`, located at the model file and node.
* `webnn_graph.py`: the `.webnn` text format of the webnn-graph project, parsed with lark,
  located at its lines and columns.

`import_path(path, dims=...)` picks the frontend by the file's suffix; `compiler.compile`
(`pipeline.load`) and the tools call it for any path it claims (`claims(path)`). The
frontends import this package's modules, never this file, so it may import them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

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


__all__ = ["SUFFIXES", "claims", "import_path"]

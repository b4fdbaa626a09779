"""The ONNX frontend: `import_onnx(model, dims=...)` -> a verified webnn `Module`.

    module = compiler.import_onnx("model.onnx", dims={"batch": 1})
    exe = compiler.compile(module)

`importer.py` walks the graph (folding what is known at import time); `ops/` holds the
conversion of each ONNX op, one module per family, registered in `node.CONVERTERS`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import onnx
from google.protobuf.message import DecodeError

from compiler.diagnostics import CompileError, DiagnosticEngine
from compiler.ir import verify
from compiler.module import Module
from compiler.source import UsageError, existing


def load_model(model, name: str | None = None) -> tuple[onnx.ModelProto, str, Path | None]:
    """(model, the file name diagnostics show, its path) from a path, bytes or a proto."""
    if isinstance(model, onnx.ModelProto):
        return model, name or "<onnx>", None
    if isinstance(model, (bytes, bytearray, memoryview)):
        try:
            return onnx.load_model_from_string(bytes(model)), name or "<onnx>", None
        except (DecodeError, ValueError, RuntimeError) as err:
            raise CompileError(f"{name or '<onnx>'}: error: not a valid ONNX model: "
                               f"{err}") from None
    if isinstance(model, (str, os.PathLike)):
        path = os.fspath(model)
        try:
            existing(path)
        except UsageError as err:
            raise CompileError(f"error: {err}") from None
        try:
            proto = onnx.load(path)
        except (DecodeError, ValueError, RuntimeError, OSError) as err:
            detail = str(err).strip().splitlines()[0] if str(err).strip() else repr(err)
            raise CompileError(f"{name or path}: error: not a valid ONNX model: "
                               f"{detail}") from None
        return proto, name or path, Path(path)
    raise TypeError(f"cannot import a {type(model).__name__}; pass a path, bytes or an "
                    "onnx.ModelProto")


def import_onnx(model, *, dims: Mapping[str, int] | None = None,
                name: str | None = None) -> Module:
    """The verified webnn graph of an ONNX model (a path, its bytes or a ModelProto).

    `dims` binds the symbolic dimensions of the inputs by name. Every op is located at
    its ONNX node (`name` overrides the file name shown). Raises `CompileError` listing
    every node WebNN cannot express, each with the reason.
    """
    from .importer import OnnxImporter

    proto, file, path = load_model(model, name)
    newest = onnx.defs.onnx_opset_version()
    for entry in proto.opset_import:
        if entry.domain in ("", "ai.onnx") and entry.version > newest:
            raise CompileError(f"{file}: error: the model uses ONNX opset {entry.version}; "
                               f"the installed onnx package knows opsets up to {newest}")
    op = OnnxImporter(proto, file, dims).run()
    diags = DiagnosticEngine()
    if not verify(op, diags):  # an importer bug: report it located, not as a crash
        raise CompileError.from_engine(diags)
    return Module(op, path)


__all__ = ["import_onnx", "load_model"]

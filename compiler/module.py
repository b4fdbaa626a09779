"""`Module`: a verified webnn graph in memory, and `parse()` that makes one from IR.

`str(module)` is the textual IR in the custom syntax *with* locations, so a graph saved
from Python keeps pointing at the Python lines that built it.
"""

from __future__ import annotations

import os
from pathlib import Path

from xdsl.dialects import func
from xdsl.dialects.builtin import ModuleOp

from dialects.webnn.types import TensorSpec

from .diagnostics import CompileError, DiagnosticEngine
from .driver import UsageError, print_module, read_source
from .ir import make_context, signature_names
from .ir import parse as parse_ir
from .ir import verify


class Module:
    """A webnn graph: the `builtin.module`, and the file it came from (if any)."""

    def __init__(self, op: ModuleOp, source_path: Path | None = None):
        self.op = op
        #: External constants (`file("w.npz", ...)`) resolve relative to this file.
        self.source_path = source_path

    def text(self, *, generic: bool = False, debuginfo: bool = True) -> str:
        return print_module(self.op, generic=generic, debuginfo=debuginfo)

    def __str__(self) -> str:
        return self.text()

    @property
    def graph(self) -> func.FuncOp:
        """The graph function: `@main` if present, else the first function."""
        funcs = [op for op in self.op.body.ops if isinstance(op, func.FuncOp)]
        if not funcs:
            raise CompileError.at("the module holds no graph function", self.op.location)
        return next((f for f in funcs if f.sym_name.data == "main"), funcs[0])

    @property
    def inputs(self) -> list[tuple[str, TensorSpec | None]]:
        g = self.graph
        names, _ = signature_names(g)
        return [(n, TensorSpec.from_type(t)) for n, t in zip(names, g.function_type.inputs.data)]

    @property
    def outputs(self) -> list[tuple[str, TensorSpec | None]]:
        g = self.graph
        _, names = signature_names(g)
        return [(n, TensorSpec.from_type(t)) for n, t in zip(names, g.function_type.outputs.data)]


def parse(source: str | os.PathLike, *, filename: str | None = None) -> Module:
    """Parse and verify IR text or an IR file; raise CompileError with every problem.

    `source` is a path (a `Path`, or a one-line string naming an existing file or ending
    in `.mlir`) or the IR text itself.
    """
    if not isinstance(source, (str, os.PathLike)):
        raise TypeError(f"parse takes IR text or a path, got {type(source).__name__}")
    path: Path | None = None
    if isinstance(source, os.PathLike) or (
            isinstance(source, str) and "\n" not in source
            and (source.endswith(".mlir") or os.path.isfile(source))):
        try:
            name, text = read_source(os.fspath(source))
        except UsageError as err:
            raise CompileError.at(str(err)) from None
        path = Path(os.fspath(source))
    else:
        name, text = filename or "<string>", str(source)
    diags = DiagnosticEngine()
    module = parse_ir(text, name, diags, make_context())
    if module is None or not verify(module, diags):
        raise CompileError.from_engine(diags)
    return Module(module, path)

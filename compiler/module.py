"""`Module`: a verified webnn graph in memory, and `parse()` that makes one from IR.

`str(module)` is the textual IR in the custom syntax *with* locations, so a graph saved
from Python keeps pointing at the Python lines that built it.
"""

from __future__ import annotations

import os
from pathlib import Path

from xdsl.dialects import func
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, FunctionType, ModuleOp, StringAttr
from xdsl.ir import SSAValue

from dialects.webnn.types import TensorSpec

from .compat import parse as parse_ir
from .diagnostics import CompileError, DiagnosticEngine, location_name
from .ir import make_context, signature_names, verify
from .source import UsageError, print_module, read_source


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


def load(src) -> Module:
    """A verified Module from IR text, an IR path, a Module or a builtin.module op (a
    model in another format goes through `frontends.load` first)."""
    if isinstance(src, Module):
        return src
    if isinstance(src, ModuleOp):
        diags = DiagnosticEngine()
        if not verify(src, diags):
            raise CompileError.from_engine(diags)
        return Module(src)
    if isinstance(src, (str, os.PathLike)):
        return parse(src)
    raise TypeError(f"cannot compile a {type(src).__name__}; pass IR text, a path, or a "
                    "Module")


def signature(module: Module) -> tuple[list, list]:
    """The graph's inputs and outputs as the runtime describes them (`TensorInfo`);
    CompileError for a value that is not a WebNN tensor."""
    # Imported here: reading a graph does not load the runtime (and LLVM).
    from runtime.executable import TensorInfo

    def infos(pairs):
        out = []
        for name, spec in pairs:
            if spec is None:
                raise CompileError.at(f"graph value '{name}' is not a WebNN tensor",
                                      module.graph.location)
            out.append(TensorInfo(name, spec.dtype, spec.shape))
        return out
    return infos(module.inputs), infos(module.outputs)


def named_values(module: Module) -> dict[str, SSAValue]:
    """Every value of the graph that has a name: inputs, outputs, SSA names, op labels."""
    graph = module.graph
    names: dict[str, SSAValue] = {}
    for (name, _), arg in zip(module.inputs, graph.body.block.args):
        names[name] = arg
    for op in graph.body.block.ops:
        label = location_name(op.location)
        for i, result in enumerate(op.results):
            if result.name_hint:
                names.setdefault(result.name_hint, result)
            if label:
                names.setdefault(label if len(op.results) == 1 else f"{label}.{i}", result)
    ret = graph.body.block.last_op
    for (name, _), value in zip(module.outputs, ret.operands):
        names[name] = value
    return names


def select_outputs(module: Module, names: tuple[str, ...]) -> Module:
    """A copy of the graph whose outputs are the named values; the unused rest is pruned."""
    clone = Module(module.op.clone(), module.source_path)
    available = named_values(clone)
    missing = [n for n in names if n not in available]
    if missing:
        raise ValueError(f"the graph has no value named '{missing[0]}'; named values are "
                         + ", ".join(sorted(available)))
    graph = clone.graph
    values = [available[n] for n in names]
    ret = graph.body.block.last_op
    new_ret = func.ReturnOp(*values)
    new_ret.location = ret.location
    graph.body.block.insert_op_before(new_ret, ret)
    ret.detach()
    ret.erase()
    graph.function_type = FunctionType.from_lists(
        list(graph.function_type.inputs.data), [v.type for v in values])
    graph.res_attrs = ArrayAttr([DictionaryAttr({"webnn.name": StringAttr(n)}) for n in names])
    _prune(graph)
    return clone


def _prune(graph: func.FuncOp) -> None:
    """Erase ops whose results are unused, last to first."""
    for op in reversed(list(graph.body.block.ops)):
        if op is graph.body.block.last_op:
            continue
        if all(not r.uses for r in op.results):
            op.detach()
            op.erase()


__all__ = ["Module", "parse", "load", "signature", "named_values", "select_outputs"]

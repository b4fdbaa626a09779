"""`webnn-translate --emit=STAGE`: a graph at any stage of the lowering.

`webnn` (the verified input, upgraded to the current version), each pipeline stage by
its short name (`EMIT_AFTER`), LLVM IR before and after LLVM's optimizer, assembly for
the host, the graph as a Graphviz picture (`dot`), or in the WebNN ecosystem's forms:
the `.webnn` text format (`webnn-graph`) and MLGraphBuilder JavaScript (`js`). The input
may also be a model a frontend reads (`.onnx`, `.webnn`).
"""

from __future__ import annotations

import argparse
import sys

from ..compat import parse
from ..diagnostics import CompileError, DiagnosticEngine
from ..dot import graph_dot
from ..frontends import claims
from ..ir import verify
from ..module import Module
from ..pipeline import load, lower, to_llvm_ir
from ..source import existing, print_module, read_source, source_path, write_output
from ..writers import write_graph
from .common import add_dim_argument, dims, main as run_tool

#: --emit stages after parsing: "webnn", each pipeline stage by its short name, then the
#: LLVM forms. (short name -> pipeline pass flag it stops after)
EMIT_AFTER = {"linalg": "convert-webnn-to-linalg", "buffers": "bufferize",
              "loops": "lower-affine", "llvm-dialect": "reconcile-unrealized-casts"}
#: The graph in the WebNN ecosystem's forms (`compiler/writers/`).
WRITERS = ("webnn-graph", "js")
EMITS = ("webnn", *EMIT_AFTER, "llvm", "llvm-opt", "asm", "dot", *WRITERS)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-translate",
        description="Print a webnn graph at any stage: IR, LLVM IR, assembly, a picture, "
                    "the .webnn format or MLGraphBuilder JavaScript.")
    ap.add_argument("input", nargs="?", default="-",
                    help="input .mlir file (default: stdin), or a model: .onnx, .webnn")
    ap.add_argument("--emit", choices=EMITS, default="llvm",
                    help="what to print (default: llvm)")
    ap.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    ap.add_argument("--print-debuginfo", action="store_true",
                    help="print op locations in IR stages")
    add_dim_argument(ap)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run_tool("webnn-translate", parser(), _translate, argv)


def _translate(args) -> int:
    if claims(args.input):  # a model in another format: import it
        try:
            graph = load(existing(args.input), dims=dims(args))
        except CompileError as err:
            print(str(err), file=sys.stderr)
            return 1
        module = graph.op
    else:
        name, text = read_source(args.input)
        diags = DiagnosticEngine()
        module = parse(text, name, diags)
        if module is None or not verify(module, diags):
            print(diags.render_all(), file=sys.stderr)
            return 1
        graph = Module(module, source_path(args.input))
    if args.emit in WRITERS:
        try:
            write_graph(graph, args.emit, args.output)
        except CompileError as err:
            print(str(err), file=sys.stderr)
            return 1
        return 0
    if args.emit == "webnn":
        write_output(args.output, print_module(module, debuginfo=args.print_debuginfo))
        return 0
    if args.emit == "dot":
        write_output(args.output, graph_dot(graph))
        return 0
    try:
        lower(module, until=EMIT_AFTER.get(args.emit), source=graph.source_path)
        if args.emit in EMIT_AFTER:
            write_output(args.output, print_module(module, debuginfo=args.print_debuginfo))
            return 0
        llvm_ir = str(to_llvm_ir(module).module)
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return 1
    from runtime.jit import assemble, optimize

    if args.emit == "llvm":
        write_output(args.output, llvm_ir)
    elif args.emit == "llvm-opt":
        write_output(args.output, optimize(llvm_ir))
    else:
        write_output(args.output, assemble(llvm_ir))
    return 0


__all__ = ["main", "parser", "EMITS", "EMIT_AFTER", "WRITERS"]

"""`webnn-translate --emit=STAGE`: a graph at any stage of the lowering.

`webnn` (the verified input, upgraded to the current version), each pipeline stage by
its short name (`EMIT_AFTER`), LLVM IR before and after LLVM's optimizer, assembly for
the host, the graph as a Graphviz picture (`dot`), or in the WebNN ecosystem's forms:
the `.webnn` text format (`webnn-graph`) and MLGraphBuilder JavaScript (`js`). The input
may also be a model a frontend reads (`.onnx`, `.webnn`). LLVM IR carries DWARF line
info; `--source-map FILE` maps every emitted line of a stage, LLVM IR or assembly back to
the original source (`sourcemap.py`).
"""

from __future__ import annotations

import argparse
import json
import os

from .. import sourcemap
from ..compat import parse
from ..diagnostics import CompileError, DiagnosticEngine
from ..dot import graph_dot
from ..frontends import claims, load
from ..ir import verify
from ..module import Module
from ..pipeline import lower, to_llvm_ir
from ..source import UsageError, existing, read_source, source_path, write_output
from ..writers import write_graph
from .common import (
    add_diagnostics_format,
    add_dim_argument,
    dims,
    main as run_tool,
    report_diagnostics,
)

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
    ap.add_argument("--source-map", metavar="FILE",
                    help="also write a Source Map v3 from the emitted lines to the original "
                         "ones (.py lines for builder graphs)")
    add_dim_argument(ap)
    add_diagnostics_format(ap)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run_tool("webnn-translate", parser(), _translate, argv)


def _translate(args) -> int:
    diags = DiagnosticEngine()
    try:
        return _translate_into(args, diags)
    finally:  # one report (one document for json/sarif), warnings included
        report_diagnostics(diags, args.diagnostics_format, "webnn-translate")


def _translate_into(args, diags: DiagnosticEngine) -> int:
    if args.source_map and args.emit in ("dot", *WRITERS):
        what = "draws a picture" if args.emit == "dot" else "writes the graph anew"
        raise UsageError(f"--source-map needs a textual stage; --emit={args.emit} {what}")
    if claims(args.input):  # a model in another format: import it
        try:
            graph = load(existing(args.input), dims=dims(args))
        except CompileError as err:
            diags.diagnostics.extend(err.diagnostics)
            return 1
        module = graph.op
    else:
        name, text = read_source(args.input)
        module = parse(text, name, diags)
        if module is None or not verify(module, diags):
            return 1
        graph = Module(module, source_path(args.input))
    if args.emit in WRITERS:
        try:
            write_graph(graph, args.emit, args.output)
        except CompileError as err:
            diags.diagnostics.extend(err.diagnostics)
            return 1
        return 0
    if args.emit == "dot":
        write_output(args.output, graph_dot(graph))
        return 0
    try:
        if args.emit != "webnn":
            lower(module, until=EMIT_AFTER.get(args.emit), source=graph.source_path)
        if args.emit == "webnn" or args.emit in EMIT_AFTER:
            out, source_map = sourcemap.print_mapped(module, debuginfo=args.print_debuginfo)
        else:
            from runtime.jit import assemble, optimize

            # Debug line info, so the LLVM IR, the assembly and any object built from them
            # point at the original lines.
            translation = to_llvm_ir(module, debug_info=True)
            out = translation.text
            if args.emit == "llvm-opt":
                out = optimize(out)
            elif args.emit == "asm":
                out = assemble(out)
            source_map = (sourcemap.map_assembly(out) if args.emit == "asm" else
                          sourcemap.map_llvm(out, translation.locations
                                             if args.emit == "llvm" else None))
    except CompileError as err:
        diags.diagnostics.extend(err.diagnostics)
        return 1
    write_output(args.output, out)
    if args.source_map:
        generated = "<stdout>" if args.output == "-" else os.path.basename(args.output)
        write_output(args.source_map,
                     json.dumps(source_map.to_json(generated, diags.sources)) + "\n")
    return 0


__all__ = ["main", "parser", "EMITS", "EMIT_AFTER", "WRITERS"]

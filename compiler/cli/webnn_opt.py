"""`webnn-opt`: parse, verify (all errors at once), run a pass pipeline, print.

With `--split-input-file` each `// -----` chunk is a separate compilation whose
diagnostics keep the line numbers of the whole file; with `--verify-diagnostics` the
`expected-error@+N {{...}}` annotations are checked against what was reported, as
mlir-opt does. As in mlir-opt, the IR is verified after every pass unless
`--no-verify-each` is given.

The target flags (`targets.py`) check a graph against a WebNN backend's limits instead of
transforming it: `--print-target`, `--check-target=NAME|FILE.json|all`, `--partition`.
The input may also be a model a frontend reads (`.onnx`, `.webnn`, `--dim` binding its
symbolic dimensions): it is imported, each op located at its node or line, then checked
or transformed like IR.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from xdsl.context import Context
from xdsl.dialects.builtin import ModuleOp

from passes import all_passes

from ..compat import parse
from ..diagnostics import CompileError, DiagnosticEngine
from ..frontends import claims, load
from ..ir import make_context, verify
from ..pass_runner import make_pass, parse_pipeline, run_passes
from ..source import (
    UsageError,
    existing,
    print_module,
    read_source,
    source_path,
    split_chunks,
    write_output,
)
from . import targets
from .common import (
    add_diagnostics_format,
    add_dim_argument,
    dims,
    main as run_tool,
    report_diagnostics,
)
from .verify_diagnostics import check_expectations


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-opt",
        description="Parse, verify and transform webnn IR, like mlir-opt.")
    ap.add_argument("input", nargs="?", default="-",
                    help="input .mlir file (default: stdin), or a model: .onnx, .webnn")
    ap.add_argument("-p", "--passes", default="", metavar="PIPELINE",
                    help="comma-separated pass pipeline, e.g. 'webnn-upgrade,canonicalize'")
    ap.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    ap.add_argument("--split-input-file", action="store_true",
                    help="treat each '// -----' chunk as a separate input")
    ap.add_argument("--verify-diagnostics", action="store_true",
                    help="check expected-error/warning/note annotations against the output")
    ap.add_argument("--print-debuginfo", action="store_true", help="print op locations")
    ap.add_argument("--print-op-generic", action="store_true",
                    help="print ops in the generic MLIR form")
    add_diagnostics_format(ap)
    ap.add_argument("--list-passes", action="store_true", help="list the pass flags and exit")
    ap.add_argument("--target-version", type=int, default=None, metavar="N",
                    help="write the result as webnn version N (an older op set); fails, "
                         "naming each op or option N cannot express, when the graph "
                         "uses anything newer")
    ap.add_argument("--verify-each", action=argparse.BooleanOptionalAction, default=True,
                    help="verify the IR after every pass (default: on, as in mlir-opt)")
    targets.add_arguments(ap)
    add_dim_argument(ap)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run_tool("webnn-opt", parser(), _opt, argv)


def _opt(args) -> int:
    if args.list_passes:
        print("\n".join(sorted(all_passes())))
        return 0
    if args.partition and not args.check_target:
        raise UsageError("--partition needs --check-target=NAME (the backend to partition for)")
    if args.print_target:
        write_output(args.output, targets.print_target(args.print_target))
        return 0
    if args.target_version is not None:
        # Imported here: the downgrade reads the legacy definitions, which a file of the
        # current version never loads otherwise.
        from passes.webnn_downgrade import target_problem

        problem = target_problem(args.target_version)
        if problem is not None:  # a flag value, known wrong before any input is read
            raise UsageError(problem)
    passes = parse_pipeline(args.passes)
    if args.target_version is not None:
        passes.append(make_pass("webnn-downgrade", target_version=args.target_version))
    ctx = make_context()
    outputs: list[str] = []
    reports: list[str] = []
    status = 0
    shown = DiagnosticEngine()  # every chunk's diagnostics, printed once at the end
    for name, chunk, module, diags in _inputs(args, shown, ctx):
        if module is not None:
            if args.check_target:
                ok, report = targets.check(module, args.check_target, diags,
                                           partition=args.partition,
                                           records=args.diagnostics_format != "text")
                reports.append(report)
                status |= 0 if ok or args.verify_diagnostics else 1
            else:
                run_passes(module, passes, diags, source=source_path(args.input),
                           verify_each=args.verify_each, ctx=ctx)
        if args.verify_diagnostics:
            problems = check_expectations(name, chunk, diags)
            shown.diagnostics.extend(problems)
            status |= 1 if problems else 0
        else:
            shown.diagnostics.extend(diags.diagnostics)
        if diags.has_errors:
            if not args.verify_diagnostics:
                status = 1
            continue
        outputs.append(print_module(module, generic=args.print_op_generic,
                                    debuginfo=args.print_debuginfo))
    # One report (one document for json and sarif), after every chunk.
    report_diagnostics(shown, "text" if args.verify_diagnostics else args.diagnostics_format,
                       "webnn-opt")
    if args.check_target:  # a check prints its findings, not the IR back
        write_output(args.output, "".join(reports))
        return status
    write_output(args.output, "// -----\n".join(outputs))
    return status


def _inputs(args, shown: DiagnosticEngine, ctx: Context
            ) -> Iterator[tuple[str, str | None, ModuleOp | None, DiagnosticEngine]]:
    """(file name, chunk text, the verified module or None, its diagnostics) of each
    compilation: every chunk of an IR file, or the one graph of a model a frontend reads
    (which has no chunks, nor annotations to verify)."""
    if claims(args.input):
        if args.split_input_file or args.verify_diagnostics:
            raise UsageError(f"--split-input-file and --verify-diagnostics read IR; "
                             f"'{args.input}' is a model (webnn-import turns it into IR)")
        diags = DiagnosticEngine(shown.sources)
        try:
            module = load(existing(args.input), dims=dims(args)).op
        except CompileError as err:
            diags.diagnostics.extend(err.diagnostics)
            module = None
        yield args.input, None, module, diags
        return
    name, text = read_source(args.input)
    for chunk in split_chunks(text, args.split_input_file):
        diags = DiagnosticEngine(shown.sources)
        module = parse(chunk, name, diags, ctx)
        yield name, chunk, module if module is not None and verify(module, diags) else None, \
            diags


__all__ = ["main", "parser"]

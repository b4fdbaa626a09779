"""`webnn-import`: a model in another format (.onnx, .webnn) -> webnn IR.

    webnn-import model.onnx -o model.mlir [--dim batch=1]

The IR keeps every op's location (the ONNX node, or the .webnn line), so diagnostics on
the written file still point into the model. With `-o FILE`, constants larger than
`--weights-threshold` bytes go to an .npz beside it (`model.npz` for `model.mlir`),
referenced as `file("model.npz", "key")`; written to stdout, everything stays inline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..diagnostics import CompileError
from ..frontends import SUFFIXES, claims, import_path
from ..source import UsageError, existing, print_module, write_output
from ..weights import DEFAULT_THRESHOLD, externalize
from .common import add_dim_argument, dims, integer, main as run_tool


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-import",
        description="Import a model (.onnx, .webnn) as webnn IR, weights in an .npz beside it.")
    ap.add_argument("input", help="the model: an ONNX file or a .webnn graph")
    ap.add_argument("-o", "--output", default="-", help="output .mlir file (default: stdout)")
    add_dim_argument(ap)
    ap.add_argument("--weights-threshold", type=integer(0), default=DEFAULT_THRESHOLD,
                    metavar="BYTES", help="constants larger than this go to the .npz "
                    f"beside the output (default {DEFAULT_THRESHOLD})")
    return ap


def main(argv: list[str] | None = None) -> int:
    return run_tool("webnn-import", parser(), _import, argv)


def _import(args) -> int:
    if not claims(args.input):
        raise UsageError(f"'{args.input}' is not a model this tool reads "
                         f"({', '.join(SUFFIXES)})")
    try:
        module = import_path(existing(args.input), dims=dims(args))
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return 1
    if args.output != "-":
        archive = Path(args.output).with_suffix(".npz")
        try:
            externalize(module, archive, args.weights_threshold)
        except OSError as err:
            raise UsageError(f"could not write '{archive}': {err.strerror}") from None
    write_output(args.output, print_module(module.op, debuginfo=True))
    return 0


__all__ = ["main", "parser"]

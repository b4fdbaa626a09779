"""`webnn-import`: a model in another format (.onnx, .webnn) -> webnn IR.

    webnn-import model.onnx -o model.mlir [--dim batch=1]

The IR keeps every op's location (the ONNX node, or the .webnn line), so diagnostics on
the written file still point into the model. With `-o FILE`, constants larger than
`--weights-threshold` bytes go to an .npz beside it (`model.npz` for `model.mlir`),
referenced as `file("model.npz", "key")`; written to stdout, everything stays inline.
Exit status: 0 success, 1 diagnostics, 2 usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..driver import UsageError, _guarded, _parse_args, print_module, write_output


def import_parser() -> argparse.ArgumentParser:
    from ..weights import DEFAULT_THRESHOLD

    ap = argparse.ArgumentParser(
        prog="webnn-import",
        description="Import a model (.onnx, .webnn) as webnn IR, weights in an .npz beside it.")
    ap.add_argument("input", help="the model: an ONNX file or a .webnn graph")
    ap.add_argument("-o", "--output", default="-", help="output .mlir file (default: stdout)")
    ap.add_argument("--dim", action="append", default=[], metavar="NAME=SIZE",
                    help="bind a symbolic input dimension (repeatable)")
    ap.add_argument("--weights-threshold", type=int, default=DEFAULT_THRESHOLD,
                    metavar="BYTES", help="constants larger than this go to the .npz "
                    f"beside the output (default {DEFAULT_THRESHOLD})")
    return ap


def import_main(argv: list[str] | None = None) -> int:
    args = _parse_args(import_parser(), argv)
    if isinstance(args, int):
        return args
    return _guarded("webnn-import", lambda: _import(args))


def _import(args) -> int:
    from . import claims, import_path, parse_dims
    from ..diagnostics import CompileError
    from ..weights import externalize

    if not claims(args.input):
        raise UsageError(f"'{args.input}' is not a model this tool reads (.onnx, .webnn)")
    if args.weights_threshold < 0:
        raise UsageError("--weights-threshold must not be negative")
    try:
        dims = parse_dims(args.dim)
    except ValueError as err:
        raise UsageError(str(err)) from None
    if not Path(args.input).is_file():
        raise UsageError(f"could not open input file '{args.input}': "
                         + ("it is a directory" if Path(args.input).is_dir()
                            else "no such file"))
    try:
        module = import_path(args.input, dims=dims)
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

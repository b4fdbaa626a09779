"""`webnn-run`: JIT-compile a graph and run it on .npy/.npz inputs or seeded random data.

Prints a summary of each result; `--compare` also runs the reference executor and reports
the largest error per output (exit 1 when one is out of tolerance), `--bench N` times
calls, `--timings` splits the compile time by stage, `-o` writes the results to an .npz.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from ..diagnostics import CompileError
from ..interpret import interpret
from .. import pipeline
from ..source import UsageError, existing
from .arrays import compare, feeds, summary
from .common import add_dim_argument, dims, integer, main as run_tool, tolerance


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-run",
        description="JIT-compile a webnn graph and run it on .npy/.npz or generated inputs.")
    ap.add_argument("input", help="the graph (.mlir, or a model: .onnx, .webnn)")
    ap.add_argument("--input", dest="feeds", action="append", default=[], metavar="NAME=FILE",
                    help="a graph input from a .npy file (repeatable)")
    ap.add_argument("--inputs", metavar="FILE.npz", help="graph inputs from an .npz, by name")
    ap.add_argument("--seed", type=integer(0), default=0,
                    help="seed of the random data for inputs not given (default 0)")
    ap.add_argument("--outputs", metavar="A,B", help="values to return: any named value")
    ap.add_argument("-o", "--output", metavar="FILE.npz", help="write the outputs to an .npz")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--interpret", action="store_true",
                      help="run the numpy reference executor instead of the JIT")
    mode.add_argument("--compare", action="store_true",
                      help="run both and report the largest error per output")
    ap.add_argument("--rtol", type=tolerance, default=1e-3,
                    help="--compare relative tolerance")
    ap.add_argument("--atol", type=tolerance, default=1e-5,
                    help="--compare absolute tolerance")
    ap.add_argument("--bench", type=integer(0), default=0, metavar="N",
                    help="also time N calls and print the median and minimum")
    ap.add_argument("--timings", action="store_true",
                    help="print the compile time of each stage")
    ap.add_argument("--threads", type=integer(1), default=None,
                    help="threads kernels may use")
    add_dim_argument(ap)
    return ap


def main(argv: list[str] | None = None) -> int:
    return run_tool("webnn-run", parser(), _run, argv)


def _run(args) -> int:
    try:
        module = pipeline.load(existing(args.input), dims=dims(args))
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return 1
    inputs = feeds(module, args.inputs, args.feeds, args.seed)
    outputs = args.outputs.split(",") if args.outputs else None
    try:
        if args.interpret:
            results = interpret(module, inputs, outputs)
            exe = None
        else:
            start = time.perf_counter()
            exe = pipeline.compile(module, threads=args.threads)
            compile_seconds = time.perf_counter() - start
            results = exe.run(inputs, outputs)
    except CompileError as err:
        print(str(err), file=sys.stderr)
        return 1
    except ValueError as err:
        raise UsageError(str(err)) from None
    status = 0
    if args.timings and exe is not None:
        print(f"compile: {compile_seconds * 1000:.1f} ms")
        for stage, seconds in exe.stats.items():
            print(f"  {stage:28s} {seconds * 1000:8.1f} ms")
    for name, value in results.items():
        print(summary(name, value))
    if args.compare:
        reference = interpret(module, inputs, outputs)
        print("comparison with the reference executor:")
        for name, value in results.items():
            ok, line = compare(name, value, reference[name], args.rtol, args.atol)
            print(line)
            status |= 0 if ok else 1
    if args.bench and exe is not None:
        times = []
        for _ in range(args.bench):
            start = time.perf_counter()
            exe.run(inputs, outputs)
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"bench: {args.bench} calls, median {times[len(times) // 2] * 1e3:.3f} ms, "
              f"min {times[0] * 1e3:.3f} ms")
    if args.output:
        try:
            np.savez(args.output, **results)
        except OSError as err:
            raise UsageError(f"could not write '{args.output}': {err.strerror}") from None
    return status


__all__ = ["main", "parser"]

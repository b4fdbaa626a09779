"""The shared driver of the command-line tools (`tools/` holds only thin mains).

`opt_main(argv)` is `webnn-opt`: parse, verify (all errors at once), run a pass pipeline,
print. With `--split-input-file` each `// -----` chunk is a separate compilation whose
diagnostics keep the line numbers of the whole file; with `--verify-diagnostics` the
`expected-error@+N {{...}}` annotations are checked against what was reported, as
mlir-opt does. Exit status: 0 success, 1 diagnostics, 2 usage or internal error. No
input, however malformed, produces a Python traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import sys
import traceback
from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp
from xdsl.printer import Printer

from dialects.webnn.options import did_you_mean

from .diagnostics import FORMATS, Diagnostic, DiagnosticEngine, Position
from .ir import make_context, parse, verify

SPLIT_MARKER = re.compile(r"^// -----.*$", re.MULTILINE)


class UsageError(Exception):
    """A command-line mistake: reported on one line, exit status 2."""


# ----------------------------------------------------------------------------- input
def read_source(path: str) -> tuple[str, str]:
    """(display name, text) of an input file or `-` for stdin; UsageError when unreadable."""
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            raise UsageError(f"could not open input file '{path}': no such file") from None
        except IsADirectoryError:
            raise UsageError(f"could not open input file '{path}': it is a directory") from None
        except OSError as err:
            raise UsageError(f"could not open input file '{path}': {err.strerror}") from None
        name = path
    try:
        return name, data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise UsageError(f"input file '{name}' is not valid UTF-8 (byte 0x{data[err.start]:02x} "
                         f"on line {line})") from None


def split_chunks(text: str, split: bool) -> list[str]:
    """The chunks of a file, each padded with newlines so line numbers stay global."""
    if not split:
        return [text]
    chunks = []
    start = 0
    for m in [*SPLIT_MARKER.finditer(text), None]:
        end = m.start() if m else len(text)
        chunks.append("\n" * text.count("\n", 0, start) + text[start:end])
        start = m.end() if m else len(text)
    return chunks


# ----------------------------------------------------------------------------- expected diagnostics
_EXPECTED = re.compile(
    r"expected-(error|warning|note|remark)(?:@([+-]\d+|above|below|unknown))?\s*\{\{(.*?)\}\}")


@dataclass
class Expectation:
    severity: str
    line: int | None  # None = @unknown
    text: str
    at: int  # line of the annotation itself
    column: int
    seen: bool = False


def expectations(chunk: str) -> list[Expectation]:
    out = []
    for number, line in enumerate(chunk.split("\n"), start=1):
        for m in _EXPECTED.finditer(line):
            where = m.group(2)
            if where is None:
                target: int | None = number
            elif where == "unknown":
                target = None
            elif where == "above":
                target = number - 1
            elif where == "below":
                target = number + 1
            else:
                target = number + int(where)
            out.append(Expectation(m.group(1), target, m.group(3), number, m.start() + 1))
    return out


def check_expectations(name: str, chunk: str, diags: DiagnosticEngine) -> list[Diagnostic]:
    """Problems (as error diagnostics) between what was expected and what was reported."""
    expected = expectations(chunk)
    problems: list[Diagnostic] = []
    reported = []
    for d in diags.diagnostics:
        reported.append(d)
        reported.extend(d.notes)
    for d in reported:
        line = d.position.line if d.position and d.position.file == name else None
        match = next((e for e in expected if not e.seen and e.severity == d.severity
                      and e.line == line and e.text in d.message), None)
        if match is None:
            problems.append(Diagnostic("error", f"unexpected {d.severity}: {d.message}",
                                       d.position))
        else:
            match.seen = True
    for e in expected:
        if not e.seen:
            problems.append(Diagnostic(
                "error", f"expected {e.severity} \"{e.text}\" was not produced",
                Position(name, e.at, e.column)))
    return problems


# ----------------------------------------------------------------------------- passes
def run_pipeline(spec: str, module: ModuleOp, ctx, diags: DiagnosticEngine,
                 source: str | None = None) -> bool:
    """Run a pass pipeline; report failures as diagnostics. True on success.

    A pass that crashes on valid IR, or leaves invalid IR, is a compiler bug: it leaves a
    reproducer (`reproducer.py`) beside `source`, the input file.
    """
    from xdsl.passes import PassPipeline

    from passes import PassError, all_passes

    from .reproducer import reproduce

    if not spec.strip():
        return True
    try:
        pipeline = PassPipeline.parse_spec(all_passes(), spec)
    except Exception as err:  # the spec is user input: any parse failure is a usage error
        unknown = re.search(r"Unrecognized passes: \['([^']+)'", str(err))
        hint = did_you_mean(unknown.group(1), all_passes()) if unknown else ""
        raise UsageError(f"invalid pass pipeline '{spec}': {err}{hint}") from None
    original = module.clone()
    done: list = []
    for p in pipeline.passes:
        try:
            p.apply(ctx, module)
        except PassError as err:
            for severity, message, loc in err.problems:
                diags.emit(severity, message, loc)
            return False
        except (RecursionError, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001 - any crash of a pass on valid IR is a bug
            diags.diagnostics.append(reproduce(original, _steps(done, ctx), p, err, source))
            return False
        if not verify(module, diags):
            diags.diagnostics.append(reproduce(
                original, _steps(done, ctx), p,
                ValueError("the IR it produced does not verify (see above)"), source))
            return False
        done.append(p)
    return True


def _steps(passes: list, ctx) -> list:
    return [lambda m, p=p: p.apply(ctx, m) for p in passes]


# ----------------------------------------------------------------------------- printing
#: How each byte appears inside a string literal (as xDSL's printer escapes it).
_ESCAPED = tuple("\\\\" if b == 0x5C else f"\\{b:02X}" if b < 0x20 or b > 0x7E or b == 0x22
                 else chr(b) for b in range(256))


class _Printer(Printer):
    """xDSL's printer, escaping a string literal in one go.

    xDSL prints string literals one byte per call; with locations, every op names its
    file, and that was a third of the time to print a large lowered module.
    """

    def print_bytes_literal(self, bytestring: bytes) -> None:
        self.print_string('"' + "".join(map(_ESCAPED.__getitem__, bytestring)) + '"')


def print_module(module: ModuleOp, *, generic: bool = False, debuginfo: bool = False) -> str:
    out = io.StringIO()
    _Printer(stream=out, print_generic_format=generic, print_debuginfo=debuginfo).print_op(module)
    out.write("\n")
    return out.getvalue()


# ----------------------------------------------------------------------------- webnn-opt
def opt_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-opt",
        description="Parse, verify and transform webnn IR, like mlir-opt.")
    ap.add_argument("input", nargs="?", default="-", help="input .mlir file (default: stdin)")
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
    from .targets.tool import add_arguments
    add_arguments(ap)
    return ap


def opt_main(argv: list[str] | None = None) -> int:
    args = _parse_args(opt_parser(), argv)
    if isinstance(args, int):
        return args
    return _guarded("webnn-opt", lambda: _opt(args))


def _opt(args) -> int:
    if args.list_passes:
        from passes import all_passes
        print("\n".join(sorted(all_passes())))
        return 0
    from .targets import tool as targets
    if args.partition and not args.check_target:
        raise UsageError("--partition needs --check-target=NAME (the backend to partition for)")
    if args.print_target:
        write_output(args.output, _target_call(targets.print_target, args.print_target))
        return 0
    if args.target_version is not None:
        from passes.webnn_downgrade import target_problem

        problem = target_problem(args.target_version)
        if problem is not None:  # a flag value, known wrong before any input is read
            raise UsageError(problem)
    name, text = read_source(args.input)
    ctx = make_context()
    outputs: list[str] = []
    reports: list[str] = []
    status = 0
    shown = DiagnosticEngine()  # every chunk's diagnostics, printed once at the end
    for chunk in split_chunks(text, args.split_input_file):
        diags = DiagnosticEngine(shown.sources)
        module = parse(chunk, name, diags, ctx)
        if module is not None and verify(module, diags) and args.check_target:
            ok, report = _target_call(targets.check, module, args.check_target, diags,
                                      partition=args.partition,
                                      records=args.diagnostics_format != "text")
            reports.append(report)
            status |= 0 if ok or args.verify_diagnostics else 1
        elif module is not None and not diags.has_errors:
            source = None if args.input == "-" else name
            if (run_pipeline(args.passes, module, ctx, diags, source)
                    and args.target_version is not None):
                run_pipeline(f"webnn-downgrade{{target-version={args.target_version}}}",
                             module, ctx, diags, source)
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
    report_diagnostics(shown, "text" if args.verify_diagnostics else args.diagnostics_format,
                       "webnn-opt")
    if args.check_target:  # a check prints its findings, not the IR back
        write_output(args.output, "".join(reports))
        return status
    write_output(args.output, "// -----\n".join(outputs))
    return status


def add_diagnostics_format(ap: argparse.ArgumentParser) -> None:
    """`--diagnostics-format`, the same on every tool."""
    ap.add_argument("--diagnostics-format", choices=FORMATS, default="text",
                    help="how diagnostics are printed on stderr: text (file:line:col, the "
                         "source line and a caret), json (an array of {file, line, column, "
                         "severity, op, message, target} records) or sarif (SARIF 2.1.0)")


def report_diagnostics(diags: DiagnosticEngine, fmt: str, tool: str) -> None:
    """Print diagnostics on stderr in the chosen format (json/sarif: even when empty, so a
    reader always gets a document)."""
    if diags.diagnostics or fmt != "text":
        print(diags.format(fmt, tool), file=sys.stderr)


def report_error(err, fmt: str, tool: str) -> int:
    """Print a CompileError's records; exit status 1."""
    diags = DiagnosticEngine()
    diags.diagnostics = list(err.diagnostics)
    report_diagnostics(diags, fmt, tool)
    return 1


def _target_call(fn, *args, **kwargs):
    """A target flag's work; a bad target name or profile file is a usage error."""
    from .targets import TargetError

    try:
        return fn(*args, **kwargs)
    except TargetError as err:
        raise UsageError(str(err)) from None


def write_output(path: str, text: str) -> None:
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as err:
        raise UsageError(f"could not write output file '{path}': {err.strerror}") from None


# ----------------------------------------------------------------------------- shared guards
def _parse_args(ap: argparse.ArgumentParser, argv):
    try:
        _, unknown = ap.parse_known_args(argv)
        flags = [a.split("=", 1)[0] for a in unknown if a.startswith("--")]
        if flags:  # name the flag that was probably meant (argparse only lists unknowns)
            hint = did_you_mean(flags[0], [o for o in ap._option_string_actions
                                           if o.startswith("--")])
            print(f"{ap.prog}: error: unrecognized argument '{flags[0]}'{hint}",
                  file=sys.stderr)
            return 2
        return ap.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def _guarded(tool: str, body) -> int:
    """Run a tool body; usage errors and internal errors become one clear message."""
    try:
        return body()
    except UsageError as err:
        print(f"{tool}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{tool}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`webnn-run ... | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except RecursionError:
        print(f"{tool}: error: input nests too deeply to process", file=sys.stderr)
        return 1
    except MemoryError:
        print(f"{tool}: error: out of memory while processing the input", file=sys.stderr)
        return 1
    except Exception as err:  # a compiler bug: say so plainly, keep the trace on request
        print(f"{tool}: internal error: {type(err).__name__}: {err}", file=sys.stderr)
        if os.environ.get("WEBNN_DEBUG"):
            traceback.print_exc()
        else:
            print(f"{tool}: set WEBNN_DEBUG=1 to see the compiler's stack trace",
                  file=sys.stderr)
        return 2


# ----------------------------------------------------------------------------- webnn-run
def _integer(minimum: int):
    """An argparse type: an integer >= `minimum` (anything else is a usage error)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected an integer, got '{text}'") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value
    return parse


def _tolerance(text: str) -> float:
    """An argparse type: a finite number >= 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got '{text}'") from None
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number >= 0, got {text}")
    return value


def run_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-run",
        description="JIT-compile a webnn graph and run it on .npy/.npz or generated inputs.")
    ap.add_argument("input", help="the graph (.mlir)")
    ap.add_argument("--input", dest="feeds", action="append", default=[], metavar="NAME=FILE",
                    help="a graph input from a .npy file (repeatable)")
    ap.add_argument("--inputs", metavar="FILE.npz", help="graph inputs from an .npz, by name")
    ap.add_argument("--seed", type=_integer(0), default=0,
                    help="seed of the random data for inputs not given (default 0)")
    ap.add_argument("--outputs", metavar="A,B", help="values to return: any named value")
    ap.add_argument("-o", "--output", metavar="FILE.npz", help="write the outputs to an .npz")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--interpret", action="store_true",
                      help="run the numpy reference executor instead of the JIT")
    mode.add_argument("--compare", action="store_true",
                      help="run both and report the largest error per output")
    ap.add_argument("--rtol", type=_tolerance, default=1e-3,
                    help="--compare relative tolerance")
    ap.add_argument("--atol", type=_tolerance, default=1e-5,
                    help="--compare absolute tolerance")
    ap.add_argument("--bench", type=_integer(0), default=0, metavar="N",
                    help="also time N calls and print the median and minimum")
    ap.add_argument("--timings", action="store_true",
                    help="print the compile time of each stage")
    ap.add_argument("--threads", type=_integer(1), default=None,
                    help="threads kernels may use")
    add_diagnostics_format(ap)
    return ap


def run_main(argv: list[str] | None = None) -> int:
    args = _parse_args(run_parser(), argv)
    if isinstance(args, int):
        return args
    return _guarded("webnn-run", lambda: _run(args))


def _run(args) -> int:
    import time

    import numpy as np

    from .diagnostics import CompileError
    from .interpret import interpret
    from .module import parse as parse_module
    from .pipeline import compile as compile_graph

    try:
        module = parse_module(_existing(args.input))
    except CompileError as err:
        return report_error(err, args.diagnostics_format, "webnn-run")
    feeds = _feeds(module, args)
    outputs = args.outputs.split(",") if args.outputs else None
    try:
        if args.interpret:
            results = interpret(module, feeds, outputs)
            exe = None
        else:
            start = time.perf_counter()
            exe = compile_graph(module, threads=args.threads)
            compile_seconds = time.perf_counter() - start
            results = exe.run(feeds, outputs)
    except CompileError as err:
        return report_error(err, args.diagnostics_format, "webnn-run")
    except ValueError as err:
        raise UsageError(str(err)) from None
    status = 0
    if args.timings and exe is not None:
        print(f"compile: {compile_seconds * 1000:.1f} ms")
        for stage, seconds in exe.stats.items():
            print(f"  {stage:28s} {seconds * 1000:8.1f} ms")
    for name, value in results.items():
        print(_summary(name, value))
    if args.compare:
        reference = interpret(module, feeds, outputs)
        print("comparison with the reference executor:")
        for name, value in results.items():
            ok, line = _compare(name, value, reference[name], args.rtol, args.atol)
            print(line)
            status |= 0 if ok else 1
    if args.bench and exe is not None:
        times = []
        for _ in range(args.bench):
            start = time.perf_counter()
            exe.run(feeds, outputs)
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


def _existing(path: str) -> str:
    if not os.path.isfile(path):
        read_source(path)  # raises the right UsageError (missing, directory, ...)
    return path


def _feeds(module, args) -> dict:
    import numpy as np

    from runtime.executable import NUMPY_DTYPES

    given: dict = {}
    if args.inputs:
        archive = _load(args.inputs, f"inputs from '{args.inputs}'")
        if not isinstance(archive, np.lib.npyio.NpzFile):
            raise UsageError(f"--inputs takes an .npz archive of named arrays, but "
                             f"'{args.inputs}' holds one array (use --input NAME=FILE.npy)")
        with archive:
            given.update({k: archive[k] for k in archive.files})
    for item in args.feeds:
        name, sep, path = item.partition("=")
        if not sep:
            raise UsageError(f"--input takes NAME=FILE.npy, got '{item}'")
        array = _load(path, f"input '{name}' from '{path}'")
        if isinstance(array, np.lib.npyio.NpzFile):
            array.close()
            raise UsageError(f"--input takes one array (.npy), but '{path}' is an .npz "
                             "archive (use --inputs FILE.npz)")
        given[name] = array
    rng = np.random.default_rng(args.seed)
    feeds = {}
    for name, spec in module.inputs:
        if name in given:
            feeds[name] = given.pop(name)
            continue
        dtype = np.dtype(NUMPY_DTYPES[spec.dtype])
        if dtype.kind == "f":
            feeds[name] = rng.uniform(-1, 1, spec.shape).astype(dtype)
        elif dtype.kind == "u":
            feeds[name] = rng.integers(0, 10, spec.shape).astype(dtype)
        else:
            feeds[name] = rng.integers(-5, 5, spec.shape).astype(dtype)
    if given:
        raise UsageError(f"the graph has no input named '{sorted(given)[0]}'; its inputs are "
                         + ", ".join(n for n, _ in module.inputs))
    return feeds


def _load(path: str, what: str):
    """np.load without pickles; an unreadable file is a usage error naming `what`."""
    import numpy as np

    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as err:
        raise UsageError(f"could not read {what}: {err}") from None


def _summary(name: str, value) -> str:
    import numpy as np

    head = f"{name}: {value.dtype}{list(value.shape)}"
    if value.size == 0:
        return head
    data = value.astype(np.float64)
    line = f"{head} min={data.min():.6g} max={data.max():.6g} mean={data.mean():.6g}"
    if value.size <= 16:
        line += "\n  " + np.array2string(value.reshape(-1), precision=6, max_line_width=100)
    return line


def _compare(name: str, actual, expected, rtol: float, atol: float) -> tuple[bool, str]:
    import numpy as np

    if actual.shape != expected.shape or actual.dtype != expected.dtype:
        return False, (f"  {name}: MISMATCH {actual.dtype}{list(actual.shape)} vs "
                       f"{expected.dtype}{list(expected.shape)}")
    a, e = actual.astype(np.float64), expected.astype(np.float64)
    # Equal values (equal infinities included) and NaN against NaN agree exactly;
    # inf - inf would otherwise count as a NaN error.
    same = (a == e) | (np.isnan(a) & np.isnan(e))
    with np.errstate(invalid="ignore"):
        diff = np.where(same, 0.0, np.abs(a - e))
    max_abs = float(np.nanmax(diff)) if diff.size else 0.0
    rel = diff / np.maximum(np.abs(e), 1e-30)
    max_rel = float(np.nanmax(np.where(diff <= atol, 0.0, rel))) if diff.size else 0.0
    ok = bool(np.all(same | (diff <= atol + rtol * np.abs(e))))
    verdict = "ok" if ok else "MISMATCH"
    return ok, f"  {name}: max abs error {max_abs:.3g}, max rel error {max_rel:.3g} ({verdict})"


# ----------------------------------------------------------------------------- webnn-translate
#: --emit stages after parsing: "webnn", each pipeline stage by its short name, then the
#: LLVM forms. (short name -> pipeline pass flag it stops after)
EMIT_AFTER = {"linalg": "convert-webnn-to-linalg", "buffers": "bufferize",
              "loops": "lower-affine", "llvm-dialect": "reconcile-unrealized-casts"}
EMITS = ("webnn", *EMIT_AFTER, "llvm", "llvm-opt", "asm", "dot")


def translate_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="webnn-translate",
        description="Print a webnn graph at any stage: IR, LLVM IR, assembly, or a picture.")
    ap.add_argument("input", nargs="?", default="-", help="input .mlir file (default: stdin)")
    ap.add_argument("--emit", choices=EMITS, default="llvm",
                    help="what to print (default: llvm)")
    ap.add_argument("-o", "--output", default="-", help="output file (default: stdout)")
    ap.add_argument("--print-debuginfo", action="store_true",
                    help="print op locations in IR stages")
    ap.add_argument("--source-map", metavar="FILE",
                    help="also write a Source Map v3 from the emitted lines to the original "
                         "ones (.py lines for builder graphs)")
    add_diagnostics_format(ap)
    return ap


def translate_main(argv: list[str] | None = None) -> int:
    args = _parse_args(translate_parser(), argv)
    if isinstance(args, int):
        return args
    return _guarded("webnn-translate", lambda: _translate(args))


def _translate(args) -> int:
    diags = DiagnosticEngine()
    try:
        return _translate_into(args, diags)
    finally:  # one report (one document for json/sarif), warnings included
        report_diagnostics(diags, args.diagnostics_format, "webnn-translate")


def _translate_into(args, diags: DiagnosticEngine) -> int:
    from .diagnostics import CompileError
    from .module import Module
    from .pipeline import lower
    from .translate import TranslationError, translate

    from . import sourcemap

    if args.source_map and args.emit == "dot":
        raise UsageError("--source-map needs a textual stage; --emit=dot draws a picture")
    name, text = read_source(args.input)
    module = parse(text, name, diags)
    if module is None or not verify(module, diags):
        return 1
    graph = Module(module, None if args.input == "-" else __import__("pathlib").Path(name))
    if args.emit == "dot":
        write_output(args.output, graph_dot(graph))
        return 0
    weights = str(graph.source_path.parent) if graph.source_path else "."
    try:
        if args.emit != "webnn":
            lower(module, until=EMIT_AFTER.get(args.emit), weights_dir=weights,
                  source=graph.source_path)
        if args.emit == "webnn" or args.emit in EMIT_AFTER:
            out, source_map = sourcemap.print_mapped(module, debuginfo=args.print_debuginfo)
        else:
            from runtime.jit import assemble, host_triple, optimize

            # Debug line info, so the LLVM IR, the assembly and any object built from them
            # point at the original lines.
            translation = translate(module, host_triple(), debug_info=True)
            out = str(translation.module)
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
    except TranslationError as err:
        diags.error(str(err), err.location)
        return 1
    write_output(args.output, out)
    if args.source_map:
        generated = "<stdout>" if args.output == "-" else os.path.basename(args.output)
        write_output(args.source_map,
                     json.dumps(source_map.to_json(generated, diags.sources)) + "\n")
    return 0


def graph_dot(graph) -> str:
    """The graph as Graphviz DOT: inputs, constants and ops as nodes, values as edges."""
    from dialects.webnn.base import WebNNOp

    fn = graph.graph
    lines = ["digraph webnn {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];"]
    ids: dict = {}
    for (name, spec), arg in zip(graph.inputs, fn.body.block.args):
        ids[arg] = f"in_{len(ids)}"
        lines.append(f'  {ids[arg]} [shape=ellipse, label="{name}\\n{spec}"];')
    for n, op in enumerate(fn.body.block.ops):
        if op is fn.body.block.last_op:
            for (name, spec), v in zip(graph.outputs, op.operands):
                lines.append(f'  out_{name} [shape=ellipse, label="{name}\\n{spec}"];')
                lines.append(f"  {ids[v]} -> out_{name};")
            continue
        node = f"op_{n}"
        label = op.name.removeprefix("webnn.")
        shape = "box" if isinstance(op, WebNNOp) else "plain"
        lines.append(f'  {node} [shape={shape}, label="{label}"];')
        for v in op.operands:
            if v in ids:
                lines.append(f'  {ids[v]} -> {node} [label="{v.type}"];')
        for r in op.results:
            ids[r] = node
    lines.append("}")
    return "\n".join(lines) + "\n"

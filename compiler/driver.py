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
import os
import re
import sys
import traceback
from dataclasses import dataclass

from xdsl.dialects.builtin import ModuleOp
from xdsl.printer import Printer

from .diagnostics import Diagnostic, DiagnosticEngine, Position
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
def run_pipeline(spec: str, module: ModuleOp, ctx, diags: DiagnosticEngine) -> bool:
    """Run a pass pipeline; report failures as diagnostics. True on success."""
    from xdsl.passes import PassPipeline
    from xdsl.utils.exceptions import PassFailedException

    from passes import PassError, all_passes

    if not spec.strip():
        return True
    try:
        pipeline = PassPipeline.parse_spec(all_passes(), spec)
    except Exception as err:  # the spec is user input: any parse failure is a usage error
        raise UsageError(f"invalid pass pipeline '{spec}': {err}") from None
    for p in pipeline.passes:
        try:
            p.apply(ctx, module)
        except PassError as err:
            for severity, message, loc in err.problems:
                diags.emit(severity, message, loc)
            return False
        except PassFailedException as err:
            diags.error(f"pass '{p.name}' failed: {err}")
            return False
        if not verify(module, diags):
            diags.error(f"IR is invalid after pass '{p.name}'")
            return False
    return True


# ----------------------------------------------------------------------------- printing
def print_module(module: ModuleOp, *, generic: bool = False, debuginfo: bool = False) -> str:
    out = io.StringIO()
    Printer(stream=out, print_generic_format=generic, print_debuginfo=debuginfo).print_op(module)
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
    ap.add_argument("--diagnostics-format", choices=("text", "json"), default="text")
    ap.add_argument("--list-passes", action="store_true", help="list the pass flags and exit")
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
    name, text = read_source(args.input)
    ctx = make_context()
    outputs: list[str] = []
    status = 0
    for chunk in split_chunks(text, args.split_input_file):
        diags = DiagnosticEngine()
        module = parse(chunk, name, diags, ctx)
        if module is not None and verify(module, diags):
            run_pipeline(args.passes, module, ctx, diags)
        if args.verify_diagnostics:
            problems = check_expectations(name, chunk, diags)
            shown = DiagnosticEngine(diags.sources)
            shown.diagnostics = problems
            if problems:
                print(shown.render_all(), file=sys.stderr)
                status = 1
        elif diags.diagnostics:
            out = diags.to_json() if args.diagnostics_format == "json" else diags.render_all()
            print(out, file=sys.stderr)
        if diags.has_errors:
            if not args.verify_diagnostics:
                status = 1
            continue
        outputs.append(print_module(module, generic=args.print_op_generic,
                                    debuginfo=args.print_debuginfo))
    write_output(args.output, "// -----\n".join(outputs))
    return status


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

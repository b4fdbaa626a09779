"""Every stage the tools print is IR that parses again, verifies, and prints the same.

For each lit input (each `// -----` chunk of a split file) that verifies, this prints
what `webnn-translate --emit=<stage>` prints for every MLIR stage (webnn, in the custom
and the generic form, linalg, buffers, loops, llvm-dialect) and what each of the file's
`webnn-opt -p PIPELINE` RUN lines prints, with locations, and reads each text back: it
must parse, verify, and print identically. A stage the pipeline refuses for an input
(located diagnostics, e.g. a hand-written lower-level module) is not printed by the
tools either; any other failure fails the test. Everything runs in-process.
"""

import itertools
import re
from pathlib import Path

import pytest

from compiler.compat import STAMP
from compiler.diagnostics import CompileError, DiagnosticEngine
from compiler.cli.webnn_translate import EMIT_AFTER
from compiler.compat import parse
from compiler.ir import make_context, verify
from compiler.pass_runner import parse_pipeline, run_passes
from compiler.pipeline import lower
from compiler.source import SPLIT_MARKER, print_module, split_chunks

LIT = Path(__file__).resolve().parent / "lit"
#: Every lit input that holds IR (a file such as --list-passes' test holds none).
FILES = sorted(p for p in LIT.rglob("*.mlir") if "Inputs" not in p.parts
               and re.search(r"^\s*(builtin\.module|func\.func|\"builtin\.module\")",
                             p.read_text(encoding="utf-8"), re.MULTILINE))
#: `-p PIPELINE` of a RUN line that expects webnn-opt to succeed (no `not`).
_PIPELINE = re.compile(r"RUN:\s*webnn-opt\b[^|]*?\s(?:-p|--passes)[ =]('[^']*'|[^\s|]+)")


def _parsed(text: str, name: str, diags: DiagnosticEngine):
    module = parse(text, name, diags, make_context())
    return module if module is not None and verify(module, diags) else None


def _problem(stage: str, line: int, module) -> str | None:
    """Why `module`, printed at `stage` for the chunk at `line`, does not read back."""
    generic = "generic" in stage
    text = print_module(module, generic=generic, debuginfo=True)
    diags = DiagnosticEngine()
    again = _parsed(text, f"<{stage}>", diags)
    if again is None:
        first = diags.render_all().splitlines()[0] if diags.diagnostics else "no diagnostic"
        return f"{stage} (chunk at line {line}) does not parse again: {first}"
    if module.attributes.get(STAMP) != again.attributes.get(STAMP):
        return None  # an older version is read and upgraded: not the same text, by design
    reprinted = print_module(again, generic=generic, debuginfo=True)
    if reprinted != text:
        first, second = next((a, b) for a, b in zip(text.splitlines() + [""],
                                                     reprinted.splitlines() + [""]) if a != b)
        return (f"{stage} (chunk at line {line}) prints differently once parsed again:\n"
                f"  printed:  {first.strip()}\n  reparsed: {second.strip()}")
    return None


def _stages(chunk: str, name: str, source: Path):
    """(stage, module) at each MLIR stage the tools print for one verified chunk."""
    module = _parsed(chunk, name, DiagnosticEngine())
    if module is None:
        return
    yield "webnn", module
    yield "webnn (generic)", module
    done = None
    for stage, flag in EMIT_AFTER.items():
        try:
            lower(module, after=done, until=flag, source=source)
        except CompileError:
            return  # refused with located diagnostics: nothing is printed
        done = flag
        yield stage, module


def _after_pipeline(chunk: str, name: str, spec: str, source: Path):
    """The module `webnn-opt -p spec` prints for the chunk (None when it reports errors)."""
    diags = DiagnosticEngine()
    ctx = make_context()
    module = parse(chunk, name, diags, ctx)
    if module is None or not verify(module, diags) or not run_passes(
            module, parse_pipeline(spec), diags, source=source, ctx=ctx):
        return None
    return module


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(LIT)) for p in FILES])
def test_every_printed_stage_parses_again(path):
    text = path.read_text(encoding="utf-8")
    name = str(path.relative_to(LIT))  # locations name the file: short is faster
    pipelines = sorted({m.group(1).strip("'") for m in _PIPELINE.finditer(text)})
    problems: list[str] = []
    verified = 0
    for chunk in split_chunks(text, bool(SPLIT_MARKER.search(text))):
        line = chunk.count("\n", 0, len(chunk) - len(chunk.lstrip("\n"))) + 1
        stages = _stages(chunk, name, path)
        first = next(stages, None)
        if first is None:
            continue  # an input that is meant not to verify
        verified += 1
        for stage, module in itertools.chain([first], stages):  # lazily: lowered in place
            problems.append(_problem(stage, line, module))
        for spec in pipelines:
            module = _after_pipeline(chunk, name, spec, path)
            if module is not None:
                problems.append(_problem(f"-p {spec}", line, module))
    problems = [p for p in problems if p is not None]
    assert not problems, "\n".join(problems)
    expects_errors = re.search(r"RUN:.*(--verify-diagnostics|\bnot\b)", text)
    assert verified or expects_errors, "no input of this file verifies, yet it expects none"

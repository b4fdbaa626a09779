"""Reproducers: a pass that fails on IR that verified leaves what is needed to replay it.

A stage of the compiler's pipeline failing on valid input is a compiler bug, and the one
file a bug report needs is the IR the stage was given. So the failure is reported as such,
the IR *just before the
failing pass* is saved with its locations (next to the input file, or in a temporary
folder for stdin and in-memory graphs), and the exact command that replays only that pass
is printed:

    error: stage 'bufferize' failed on input that verified (a compiler bug): IndexError: ...
    note: the IR it was given is saved in model.bufferize.repro.mlir
    note: replay the failing pass: webnn-opt model.bufferize.repro.mlir -p bufferize

or, for a pass of a `webnn-opt -p` pipeline:

    error: pass 'convert-linalg-to-loops' failed on input that verified:
      NotImplementedError: lowering for linalg.generic with tensor results not yet supported
    note: the IR it was given is saved in model.convert-linalg-to-loops.repro.mlir
    note: replay the failing pass: webnn-opt model.convert-linalg-to-loops.repro.mlir -p convert-linalg-to-loops

The IR before the pass is rebuilt only on failure, by replaying the earlier passes on a
copy of the pipeline's input: the success path pays for nothing but that one copy.
(A pass that reports located problems of the input itself, a `PassError`, is not a bug and
leaves no reproducer.)
"""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from .diagnostics import Diagnostic


def pass_spec(p: ModulePass) -> str:
    """How `-p` spells a pass with its options."""
    return str(p.pipeline_pass_spec())


def reproduce(original: ModuleOp, earlier: Sequence[Callable[[ModuleOp], None]],
              failing: ModulePass, err: BaseException, source: str | os.PathLike | None,
              what: str = "pass") -> Diagnostic:
    """The error diagnostic of `failing` (with the reproducer's place and command as
    notes), after rebuilding its input from `original` by re-running `earlier`.

    A `stage` of the compiler's own pipeline failing is a compiler bug and says so; a pass
    of a hand-written `-p` pipeline may simply have been given IR it does not take."""
    from .driver import print_module

    spec = pass_spec(failing)
    lines = str(err).strip().splitlines()
    detail = f"{type(err).__name__}: {lines[0]}" if lines else type(err).__name__
    bug = " (a compiler bug)" if what == "stage" else ""
    message = f"{what} '{failing.name}' failed on input that verified{bug}: {detail}"
    notes: list[Diagnostic] = []
    try:
        module = original.clone()
        for step in earlier:
            step(module)
        path = _save(print_module(module, debuginfo=True), failing.name, source)
    except Exception as again:  # noqa: BLE001 - the reproducer must not hide the error
        notes.append(Diagnostic("note", f"no reproducer could be saved: {again}"))
    else:
        notes.append(Diagnostic("note", f"the IR it was given is saved in {path}"))
        notes.append(Diagnostic("note", "replay the failing pass: webnn-opt "
                                f"{shlex.quote(str(path))} -p {shlex.quote(spec)}"))
    return Diagnostic("error", message, None, notes)


def _save(text: str, pass_name: str, source: str | os.PathLike | None) -> Path:
    """Write next to the input file when there is one we may write beside, else to a
    fresh temporary folder."""
    folder: Path | None = None
    stem = "graph"
    if source is not None and Path(source).is_file():
        folder, stem = Path(source).resolve().parent, Path(source).stem
        stem = stem.removesuffix(f".{pass_name}.repro")  # replaying one: the same file
        if not os.access(folder, os.W_OK):
            folder = None
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="webnn-reproducer-"))
    path = folder / f"{stem}.{pass_name}.repro.mlir"
    path.write_text(text, encoding="utf-8")
    return path

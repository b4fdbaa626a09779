"""Reproducers: a pass that fails on IR that verified leaves what is needed to replay it.

A stage of the compiler's pipeline failing on valid input is a compiler bug, and the one
file a bug report needs is the IR the stage was given. So the pass runner
(`pass_runner.py`, the only caller) reports the failure as such, saves the IR *just
before the failing pass* with its locations (next to the input file, or in a temporary
folder for stdin and in-memory graphs), and prints the exact command that replays only
that pass:

    model.mlir:3:5: error: stage 'bufferize' failed on input that verified (a compiler
      bug): IndexError: ...
    note: the IR it was given is saved in model.bufferize.repro.mlir
    note: replay the failing pass: webnn-opt model.bufferize.repro.mlir -p bufferize

The IR before the pass is rebuilt only on failure, by replaying the earlier passes on a
copy of the runner's input: the success path pays for nothing but that one copy.
(A pass that reports located problems of the input itself, a `PassError`, is not a bug and
leaves no reproducer.)
"""

from __future__ import annotations

import os
import shlex
import tempfile
from collections.abc import Callable
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp
from xdsl.passes import ModulePass

from .diagnostics import Diagnostic
from .source import print_module


def reproducer_notes(rebuild: Callable[[], ModuleOp], failing: ModulePass,
                     source: str | os.PathLike | None) -> list[Diagnostic]:
    """Notes naming the saved IR (`rebuild()`: the input of `failing`) and the command
    replaying `failing` on it; one note saying why when nothing could be saved."""
    try:
        path = _save(print_module(rebuild(), debuginfo=True), failing.name, source)
    except Exception as again:  # noqa: BLE001 - the reproducer must not hide the error
        return [Diagnostic("note", f"no reproducer could be saved: {again}")]
    spec = str(failing.pipeline_pass_spec())
    return [Diagnostic("note", f"the IR it was given is saved in {path}"),
            Diagnostic("note", "replay the failing pass: webnn-opt "
                               f"{shlex.quote(str(path))} -p {shlex.quote(spec)}")]


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


__all__ = ["reproducer_notes"]

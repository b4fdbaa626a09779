"""Diagnostics that point at the original source, like a web source map.

Every op carries a location: `loc("model.mlir":12:5)` from the parser, the Python call
site from the builder, a `FusedLoc` of all its parts after fusion. A diagnostic names an
op's location; rendering resolves it to the first concrete `file:line:col` inside and
prints, MLIR style:

    model.mlir:12:5: error: 'webnn.conv2d' op filter input channels 3 do not match ...
        %0 = webnn.conv2d %x, %w : (...) -> ...
        ^

Source lines come from the text the compiler parsed (registered in `SourceManager`), or
from the file on disk when it was not parsed here (a Python file, for builder locations).

A graph read from a binary model (an ONNX file) has no lines: each op is located at the
model node it came from, `node_location("model.onnx", "conv1", "Conv")`, which prints in
the IR as `loc("conv1"("Conv"("model.onnx":0:0)))` and in diagnostics as

    model.onnx: node 'conv1' (Conv): error: 'webnn.conv2d' op ...
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from xdsl.dialects.builtin import (
    CallSiteLoc,
    FileLineColLoc,
    FusedLoc,
    IntAttr,
    NameLoc,
    StringAttr,
)
from xdsl.ir import Attribute

SEVERITIES = ("error", "warning", "note", "remark")


@dataclass(frozen=True)
class Position:
    """A concrete place in a source file (1-based line and column)."""

    file: str
    line: int
    column: int
    #: In a file without lines (line 0): the graph node named, and its kind (op type).
    node: str | None = None
    kind: str | None = None

    def __str__(self) -> str:
        if self.line == 0:  # a binary model file: the node, if any, says where
            if self.node is None:
                return self.file
            kind = f" ({self.kind})" if self.kind else ""
            return f"{self.file}: node '{self.node}'{kind}"
        return f"{self.file}:{self.line}:{self.column}"


def location(position: Position, label: str | None = None) -> FileLineColLoc | NameLoc:
    """The location of `position` (file:line:col), named `label` (an op's label) if given:
    how the builder and the text frontends locate the ops they make."""
    where = FileLineColLoc(StringAttr(position.file), IntAttr(position.line),
                           IntAttr(position.column))
    return NameLoc(StringAttr(label), where) if label else where


def node_location(file: str, node: str, kind: str | None = None) -> NameLoc:
    """The location of node `node` (of op type `kind`) of a graph file without lines."""
    where = FileLineColLoc(StringAttr(file), IntAttr(0), IntAttr(0))
    if kind is not None:
        where = NameLoc(StringAttr(kind), where)
    return NameLoc(StringAttr(node), where)


def resolve(loc: Attribute | None) -> Position | None:
    """The first file:line:col inside a location (through names, fusions, call sites)."""
    if isinstance(loc, FileLineColLoc):
        return Position(loc.filename.data, loc.line.data, loc.column.data)
    if isinstance(loc, NameLoc):
        found = resolve(loc.location)
        if found is not None and found.line == 0 and found.kind is None:
            # A node of a graph file: the outer name is the node, an inner one its kind.
            if found.node is None:
                return replace(found, node=loc.desc.data)
            return replace(found, node=loc.desc.data, kind=found.node)
        return found
    if isinstance(loc, FusedLoc):
        for part in loc.locations.data:
            found = resolve(part)
            if found is not None:
                return found
        return None
    if isinstance(loc, CallSiteLoc):
        return resolve(loc.callee) or resolve(loc.caller)
    return None


def location_name(loc: Attribute | None) -> str | None:
    """The name of a NameLoc (a builder label), if any."""
    if isinstance(loc, NameLoc) and isinstance(loc.desc, StringAttr):
        return loc.desc.data
    return None


@dataclass
class Diagnostic:
    severity: str
    message: str
    position: Position | None = None
    notes: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict:
        out = {"severity": self.severity, "message": self.message}
        if self.position is not None:
            out.update(file=self.position.file, line=self.position.line,
                       column=self.position.column)
            if self.position.node is not None:
                out.update(node=self.position.node)
                if self.position.kind is not None:
                    out.update(kind=self.position.kind)
        if self.notes:
            out["notes"] = [n.to_json() for n in self.notes]
        return out


def first_line(message: object) -> str:
    """The first non-blank line of an error message (xDSL's run on for pages)."""
    lines = [line for line in str(message).strip().splitlines() if line.strip()]
    return lines[0].strip() if lines else "unknown error"


class SourceManager:
    """The texts the compiler has read, by file name, for source excerpts."""

    def __init__(self) -> None:
        self._texts: dict[str, list[str]] = {}

    def add(self, name: str, text: str) -> None:
        self._texts[name] = text.split("\n")

    def line(self, position: Position) -> str | None:
        if position.line < 1:
            return None  # a node of a binary model file: there is no line to show
        lines = self._texts.get(position.file)
        if lines is None:
            try:
                text = Path(position.file).read_text(encoding="utf-8", errors="replace")
            except (OSError, ValueError):
                return None
            lines = text.split("\n")
            self._texts[position.file] = lines
        if 1 <= position.line <= len(lines):
            return lines[position.line - 1].rstrip("\r")
        return None


class DiagnosticEngine:
    """Collects the diagnostics of one compilation; renders them as text or JSON."""

    def __init__(self, sources: SourceManager | None = None) -> None:
        self.sources = sources or SourceManager()
        self.diagnostics: list[Diagnostic] = []

    def emit(self, severity: str, message: str, loc: Attribute | Position | None = None,
             notes: list[Diagnostic] | None = None) -> Diagnostic:
        position = loc if isinstance(loc, Position) or loc is None else resolve(loc)
        diag = Diagnostic(severity, message, position, notes or [])
        self.diagnostics.append(diag)
        return diag

    def error(self, message: str, loc=None, notes=None) -> Diagnostic:
        return self.emit("error", message, loc, notes)

    def warning(self, message: str, loc=None, notes=None) -> Diagnostic:
        return self.emit("warning", message, loc, notes)

    @staticmethod
    def note(message: str, loc=None) -> Diagnostic:
        position = loc if isinstance(loc, Position) or loc is None else resolve(loc)
        return Diagnostic("note", message, position)

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)

    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def render(self, diag: Diagnostic) -> str:
        head = f"{diag.position}: " if diag.position else ""
        lines = [f"{head}{diag.severity}: {diag.message}"]
        if diag.position is not None:
            source = self.sources.line(diag.position)
            if source is not None:
                lines.append(source)
                # Keep tabs so the caret lines up under the column it points at.
                pad = "".join("\t" if c == "\t" else " "
                              for c in source[: max(diag.position.column - 1, 0)])
                lines.append(pad + "^")
        for note in diag.notes:
            lines.append(self.render(note))
        return "\n".join(lines)

    def render_all(self) -> str:
        return "\n".join(self.render(d) for d in self.diagnostics)

    def to_json(self) -> str:
        return json.dumps([d.to_json() for d in self.diagnostics], indent=2)


class CompileError(Exception):
    """A graph, IR file or builder call that breaks a rule; carries located diagnostics.

    `str(err)` is the rendered diagnostics, starting with `file:line:col: error: ...`.
    """

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None):
        super().__init__(message)
        self.diagnostics = diagnostics or []

    @classmethod
    def from_engine(cls, engine: DiagnosticEngine) -> CompileError:
        return cls(engine.render_all(), list(engine.diagnostics))

"""Source maps: from any generated form of a graph back to the lines that wrote it.

`webnn-translate --emit=<stage> --source-map FILE` writes a Source Map v3 (the format web
browsers and their devtools read: `version`, `file`, `sources`, `sourcesContent`, `names`,
and base64-VLQ `mappings`). Each generated line is mapped to the original position(s) of
the op printed there: the user's `.py` line for a builder graph, the `.mlir` line for IR.
A fused op maps to every part (one segment per part, at the same generated column); a
labelled op (`label="stem"`) carries its label as the segment's name. An op imported from
a model file without lines (ONNX) maps to the file's first line, named by its node; the
map holds no content for such a file.

How each form is mapped:
* IR stages (webnn, linalg, buffers, loops, llvm-dialect): the printer records where each
  op starts (`print_mapped`);
* LLVM IR: every instruction carries `!dbg` debug info (see `translate.py`), and the
  translation remembers every part of each `!DILocation` (`map_llvm`);
* optimized LLVM IR and assembly: what survives optimization, read back from the `!dbg`
  attachments or the `.loc` directives (first part of a fused location only, which is all
  DWARF line tables keep).

The positions come from the op locations themselves, carried through every stage, never
from chaining per-stage maps.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from xdsl.dialects.builtin import CallSiteLoc, FileLineColLoc, FusedLoc, ModuleOp, NameLoc
from xdsl.ir import Attribute, Operation

from .diagnostics import Position, SourceManager, location_name
from .source import Printer

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def vlq(value: int) -> str:
    """One number in base64 VLQ (sign in the lowest bit, 5 bits per digit)."""
    n = (-value << 1) | 1 if value < 0 else value << 1
    out = ""
    while True:
        digit = n & 31
        n >>= 5
        out += _B64[digit | (32 if n else 0)]
        if not n:
            return out


def vlq_decode(text: str) -> list[int]:
    """The numbers of one segment (for tests and readers of our maps)."""
    values, shift, n = [], 0, 0
    for ch in text:
        digit = _B64.index(ch)
        n |= (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(n >> 1) if n & 1 else n >> 1)
        shift, n = 0, 0
    return values


def parts(loc: Attribute | None, name: str | None = None) -> list[tuple[Position, str | None]]:
    """Every concrete position inside a location, with the label that names it (the
    outermost name: a node's, not its op type's, in `loc("conv1"("Conv"(...)))`)."""
    if isinstance(loc, FileLineColLoc):
        return [(Position(loc.filename.data, loc.line.data, loc.column.data), name)]
    if isinstance(loc, NameLoc):
        return parts(loc.location, name or location_name(loc))
    if isinstance(loc, FusedLoc):
        return [p for part in loc.locations.data for p in parts(part, name)]
    if isinstance(loc, CallSiteLoc):
        return parts(loc.callee, name) or parts(loc.caller, name)
    return []


@dataclass
class SourceMap:
    """Mappings being collected: generated (line, column) -> original positions."""

    segments: dict[int, list[tuple[int, Position, str | None]]] = field(default_factory=dict)

    def add(self, line: int, column: int, position: Position, name: str | None = None) -> None:
        """Map 0-based generated (line, column) to a 1-based original position."""
        self.segments.setdefault(line, []).append((column, position, name))

    def add_location(self, line: int, column: int, loc: Attribute | None) -> None:
        for position, name in parts(loc):
            self.add(line, column, position, name)

    def to_json(self, file: str, sources: SourceManager | None = None) -> dict:
        sources = sources or SourceManager()
        files: list[str] = []
        names: list[str] = []
        lines: list[str] = []
        lined: set[str] = set()  # files with lines (a model file's nodes are at line 0)
        previous = [0, 0, 0, 0]  # source index, source line, source column, name index
        for line in range(max(self.segments, default=-1) + 1):
            encoded, column = [], 0
            for gen_col, pos, name in sorted(self.segments.get(line, []),
                                             key=lambda s: s[0]):
                if pos.file not in files:
                    files.append(pos.file)
                if pos.line >= 1:
                    lined.add(pos.file)
                here = [files.index(pos.file), max(pos.line - 1, 0), max(pos.column - 1, 0)]
                fields = [gen_col - column, *(h - p for h, p in zip(here, previous))]
                column = gen_col
                previous[:3] = here
                if name is not None:
                    if name not in names:
                        names.append(name)
                    fields.append(names.index(name) - previous[3])
                    previous[3] = names.index(name)
                encoded.append("".join(vlq(v) for v in fields))
            lines.append(",".join(encoded))
        return {"version": 3, "file": file, "sources": files,
                "sourcesContent": [_content(f, sources) if f in lined else None
                                   for f in files],
                "names": names, "mappings": ";".join(lines)}


def _content(file: str, sources: SourceManager) -> str | None:
    lines = sources.lines(file)
    return None if lines is None else "\n".join(lines)


def decode(source_map: dict) -> list[list[tuple[int, str, int, int, str | None]]]:
    """Per generated line: (generated column, source, 1-based line, 1-based column, name)."""
    out = []
    state = [0, 0, 0, 0]
    for text in source_map["mappings"].split(";"):
        row, column = [], 0
        for segment in filter(None, text.split(",")):
            values = vlq_decode(segment)
            column += values[0]
            name = None
            if len(values) >= 4:
                for i in range(3):
                    state[i] += values[i + 1]
                if len(values) == 5:
                    state[3] += values[4]
                    name = source_map["names"][state[3]]
                row.append((column, source_map["sources"][state[0]], state[1] + 1,
                            state[2] + 1, name))
        out.append(row)
    return out


# ----------------------------------------------------------------------------- IR text
class _MappingPrinter(Printer):
    """The tools' printer (`source.print_module`'s), noting where each op starts."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.starts: list[tuple[int, int, Operation]] = []

    def print_op(self, op: Operation) -> None:
        self.starts.append((self._current_line, self._current_column, op))
        super().print_op(op)


def print_mapped(module: ModuleOp, *, generic: bool = False,
                 debuginfo: bool = False) -> tuple[str, SourceMap]:
    """The module's text (as `print_module` prints it) and the map of its lines."""
    out = io.StringIO()
    printer = _MappingPrinter(stream=out, print_generic_format=generic,
                              print_debuginfo=debuginfo)
    printer.print_op(module)
    out.write("\n")
    source_map = SourceMap()
    for line, column, op in printer.starts:
        source_map.add_location(line, column, op.location)
    return out.getvalue(), source_map


# ----------------------------------------------------------------------------- LLVM IR
_DBG = re.compile(r"!dbg !(\d+)")
_MD = re.compile(r"^!(\d+) = (?:distinct )?!(DILocation|DISubprogram|DIFile|DILexicalBlockFile)"
                 r"\((.*)\)\s*$", re.MULTILINE)
_FIELD = re.compile(r"(\w+): (\"(?:[^\"\\]|\\.)*\"|[^,]+)")


def map_llvm(text: str, locations: dict[str, list[tuple[Position, str | None]]] | None = None
             ) -> SourceMap:
    """Map LLVM IR lines by their `!dbg` attachments; `locations` (metadata number -> every
    part, from the translation) gives fused ops all their parts, else the `!DILocation`
    text gives the first."""
    metadata = {m.group(1): (m.group(2), dict(_FIELD.findall(m.group(3))))
                for m in _MD.finditer(text)}
    source_map = SourceMap()
    for number, line in enumerate(text.split("\n")):
        m = _DBG.search(line)
        if m is None:
            continue
        column = len(line) - len(line.lstrip())
        known = (locations or {}).get(m.group(1))
        if known:
            for position, name in known:
                source_map.add(number, column, position, name)
            continue
        position = _dilocation(m.group(1), metadata)
        if position is not None:
            source_map.add(number, column, position)
    return source_map


def _dilocation(ref: str, metadata: dict) -> Position | None:
    kind, fields = metadata.get(ref, (None, {}))
    if kind != "DILocation":
        return None
    file = _scope_file(fields.get("scope", "").lstrip("!"), metadata)
    if file is None:
        return None
    return Position(file, int(fields.get("line", 0)), int(fields.get("column", 0)))


def _scope_file(ref: str, metadata: dict) -> str | None:
    kind, fields = metadata.get(ref, (None, {}))
    if kind in ("DISubprogram", "DILexicalBlockFile"):
        ref = fields.get("file", "").lstrip("!")
        kind, fields = metadata.get(ref, (None, {}))
    if kind != "DIFile":
        return None
    name = json.loads(fields.get("filename", '""'))
    directory = json.loads(fields.get("directory", '""'))
    return str(Path(directory) / name) if directory and not Path(name).is_absolute() else name


# ----------------------------------------------------------------------------- assembly
_FILE = re.compile(r'^\s*\.file\s+(\d+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"((?:[^"\\]|\\.)*)")?')
_LOC = re.compile(r"^\s*\.loc\s+(\d+)\s+(\d+)\s+(\d+)")


def map_assembly(text: str) -> SourceMap:
    """Map assembly lines by the `.loc` directive in force (DWARF line table entries)."""
    files: dict[str, str] = {}
    source_map = SourceMap()
    current: Position | None = None
    for number, line in enumerate(text.split("\n")):
        m = _FILE.match(line)
        if m:
            directory, name = (m.group(2), m.group(3)) if m.group(3) else ("", m.group(2))
            files[m.group(1)] = str(Path(directory) / name) if directory else name
            continue
        m = _LOC.match(line)
        if m:
            file = files.get(m.group(1))
            # Line 0 marks code the compiler made up (no source line), as DWARF does.
            current = (Position(file, int(m.group(2)), int(m.group(3)))
                       if file and int(m.group(2)) > 0 else None)
            continue
        stripped = line.strip()
        if current is not None and stripped and not stripped.startswith((".", "#")) \
                and not stripped.endswith(":"):
            source_map.add(number, len(line) - len(line.lstrip()), current)
    return source_map

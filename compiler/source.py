"""Files in and out: reading IR sources, printing modules, writing outputs.

A leaf of the compiler package (it imports nothing of ours), so the parser, the Python
API and the command-line tools can all use it without importing one another. A file that
cannot be read or written is a `UsageError`: the tools report it on one line with exit
status 2, and `compiler.parse` turns it into a `CompileError`.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

from xdsl.dialects.builtin import ModuleOp
from xdsl.printer import Printer as XPrinter

#: The line that separates the chunks of a `--split-input-file` input, as in mlir-opt.
SPLIT_MARKER = re.compile(r"^// -----.*$", re.MULTILINE)


class UsageError(Exception):
    """A command-line mistake: reported on one line, exit status 2."""


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


def existing(path: str) -> str:
    """`path`, when it names a readable file; else the UsageError read_source raises."""
    if not os.path.isfile(path):
        read_source(path)  # raises the right UsageError (missing, directory, ...)
    return path


def source_path(path: str) -> Path | None:
    """The file an input argument names (None for `-`, stdin)."""
    return None if path == "-" else Path(path)


def weights_folder(source: str | os.PathLike | None) -> Path:
    """The folder that `file("w.npz", ...)` constants of an IR file resolve in.

    Weights live beside the IR file that names them; IR that came from no file (stdin,
    a string, a builder) resolves them in the current directory.
    """
    return Path(source).parent if source is not None else Path(".")


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


#: How each byte appears inside a string literal (as xDSL's printer escapes it).
_ESCAPED = tuple("\\\\" if b == 0x5C else f"\\{b:02X}" if b < 0x20 or b > 0x7E or b == 0x22
                 else chr(b) for b in range(256))


class Printer(XPrinter):
    """xDSL's printer, escaping a string literal in one go.

    xDSL prints string literals one byte per call; with locations, every op names its
    file, and that was a third of the time to print a large lowered module.
    """

    def print_bytes_literal(self, bytestring: bytes) -> None:
        self.print_string('"' + "".join(map(_ESCAPED.__getitem__, bytestring)) + '"')


def print_module(module: ModuleOp, *, generic: bool = False, debuginfo: bool = False) -> str:
    """The textual IR of a module (custom syntax unless `generic`), ending in a newline."""
    out = io.StringIO()
    Printer(stream=out, print_generic_format=generic, print_debuginfo=debuginfo).print_op(module)
    out.write("\n")
    return out.getvalue()


def write_output(path: str, text: str) -> None:
    """Write `text` to a file, or to stdout for `-`; UsageError when it cannot be written."""
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as err:
        raise UsageError(f"could not write output file '{path}': {err.strerror}") from None


__all__ = ["UsageError", "read_source", "existing", "source_path", "weights_folder",
           "split_chunks", "print_module", "write_output", "SPLIT_MARKER"]

"""Versions at the door: read the `webnn.version` stamp, parse with that version, upgrade.

`parse()` is the front door every consumer (the tools, the Python `compiler.parse`) reads
IR through, so each sees the current op set only. It takes three steps around the parser
(`ir.py`, which knows nothing of versions):

1. `read_stamp` scans the tokens for `webnn.version = N` before parsing (the parser
   needs to know which ops `webnn.conv2d` means before it reads the body; the generic
   form puts module attributes after the body). A version newer than this compiler's
   is refused at the stamp, naming both versions; so is a version that never existed.
2. The parser runs in a context whose `webnn` dialect is version N's
   (`dialects.webnn.legacy.dialect(N)` for an older one).
3. `after_parse` warns about a missing stamp (the module is read as, and stamped with,
   the current version); for an older version it verifies under that version's rules
   (every error, at its op) and runs `webnn-upgrade`, whose failures are located too.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import FileLineColLoc, IntegerAttr, ModuleOp, i64
from xdsl.utils.exceptions import ParseError, VerifyException
from xdsl.utils.lexer import Input
from xdsl.utils.mlir_lexer import MLIRTokenKind

from dialects.webnn import CURRENT_VERSION, legacy
from dialects.webnn.base import WebNNOp
from dialects.webnn.options import did_you_mean
from dialects.webnn.versions import SNAPSHOTS, unknown_op_hint

from .diagnostics import DiagnosticEngine, Position
from .ir import SafeLexer, make_context, parse_module, verify
from .pass_runner import make_pass, run_passes

#: The oldest version this compiler reads.
OLDEST_VERSION = min(SNAPSHOTS)
STAMP = "webnn.version"


@dataclass(frozen=True)
class Stamp:
    """What the scan found: the version (None = no usable stamp) and where it stands."""

    version: int | None
    position: Position | None = None


def parse(text: str, filename: str, diags: DiagnosticEngine, ctx: Context | None = None
          ) -> ModuleOp | None:
    """Parse a module of any version this compiler reads, as the current version; on
    failure report every problem, located, and return None.

    `ctx` (a context of the current op set, reused across the chunks of a file) serves
    current files; an older version's file gets a context of its own.
    """
    diags.sources.add(filename, text)
    stamp = read_stamp(text, filename, diags)
    if stamp is None:
        return None
    version = stamp.version or CURRENT_VERSION
    if version != CURRENT_VERSION:
        ctx = make_context(legacy.dialect(version))
    ctx = ctx or make_context()

    def unknown_op(name: str) -> str:
        if not name.startswith("webnn."):
            return ""
        short = name.removeprefix("webnn.")
        # An op of another version says which; else name the closest op of this one.
        known = [op.name.removeprefix("webnn.")
                 for op in ctx.get_optional_dialect("webnn").operations]
        return (f": the webnn dialect (version {version}) has no such op"
                + (unknown_op_hint(short, version)
                   or did_you_mean(short, known).replace("'", "'webnn.", 1)))

    module = parse_module(text, filename, diags, ctx, unknown_op)
    return None if module is None else after_parse(module, stamp, filename, diags)


def read_stamp(text: str, filename: str, diags: DiagnosticEngine) -> Stamp | None:
    """The module's stamp; None (after reporting an error) when the version is refused."""
    lexer = SafeLexer(Input(text, filename))
    key: Position | None = None   # where `webnn.version` stands, once seen
    expect = "key"                # then "=", then the value (an optional "-" first)
    negative = False
    while True:
        try:
            token = lexer.lex()
        except ParseError:
            return Stamp(None)  # malformed text: the parser reports it where it is
        kind = token.kind
        if kind is MLIRTokenKind.EOF:
            return Stamp(None)
        if expect == "key" or (expect == "=" and kind is not MLIRTokenKind.EQUAL):
            if (kind is MLIRTokenKind.BARE_IDENT and token.text == STAMP
                    or kind is MLIRTokenKind.STRING_LIT and token.text == f'"{STAMP}"'):
                where = token.span.get_location()
                key, expect = Position(filename, where.line, where.col), "="
            else:
                expect = "key"
            continue
        if expect == "=":
            expect = "value"
            continue
        if kind is MLIRTokenKind.MINUS and not negative:
            negative = True
            continue
        if kind is not MLIRTokenKind.INTEGER_LIT:
            return Stamp(None, key)  # not an integer: after_parse reports it
        try:
            version = int(token.text, 0)
        except ValueError:
            version = int(token.text)
        version = -version if negative else version
        return _checked(version, key, diags)


def _checked(version: int, position: Position | None, diags: DiagnosticEngine
             ) -> Stamp | None:
    if version > CURRENT_VERSION:
        diags.error(f"this file is webnn version {version}, which is newer than this "
                    f"compiler's version {CURRENT_VERSION}; read it with a newer "
                    "webnn-mlir", position)
        return None
    if version < OLDEST_VERSION:
        diags.error(f"webnn.version {version} is not a version of the webnn dialect; "
                    f"this compiler reads versions {OLDEST_VERSION} to "
                    f"{CURRENT_VERSION}", position)
        return None
    return Stamp(version, position)


def after_parse(module: ModuleOp, stamp: Stamp, filename: str, diags: DiagnosticEngine
                ) -> ModuleOp | None:
    """Check the stamp on the parsed module; verify and upgrade an older version."""
    attr = module.attributes.get(STAMP)
    if attr is None:
        if stamp.position is not None:
            diags.error(f"the {STAMP} stamp must be an attribute of the top-level module",
                        stamp.position)
            return None
        diags.warning(f"module has no {STAMP} stamp; reading it as version "
                      f"{CURRENT_VERSION}, the current version", _where(module, filename))
        module.attributes[STAMP] = IntegerAttr(CURRENT_VERSION, i64)
        return module
    if not isinstance(attr, IntegerAttr) or stamp.version != attr.value.data:
        diags.error(f"{STAMP} must be an integer such as {CURRENT_VERSION}, got {attr}",
                    stamp.position or _where(module, filename))
        return None
    if stamp.version == CURRENT_VERSION:
        return module
    return module if _upgrade(module, stamp.version, diags) else None


def _upgrade(module: ModuleOp, version: int, diags: DiagnosticEngine) -> bool:
    """Verify under `version`'s rules, then rewrite to the current version."""
    ok = verify(module, diags)
    check = legacy.module_check(version)
    for op in module.walk():
        if isinstance(op, (WebNNOp, func.FuncOp)):
            try:
                check(op)
            except VerifyException as err:
                ok = False
                diags.error(f"'{op.name}' op {err}", op.location)
    # The upgrade pass (and the legacy definitions it imports) loads only for old files.
    return ok and run_passes(module, [make_pass("webnn-upgrade")], diags)


def _where(module: ModuleOp, filename: str):
    """The module's location, or its first op's, or the top of the file."""
    if isinstance(module.location, FileLineColLoc):
        return module.location
    for op in module.body.ops:
        return op.location
    return Position(filename, 1, 1)


__all__ = ["parse", "Stamp", "read_stamp", "after_parse", "OLDEST_VERSION"]

"""Rewrites keep source locations: every op a pattern creates inherits the matched op's.

xDSL's pattern rewriter leaves the ops a pattern creates at `loc(unknown)`, so upstream
passes (convert-linalg-to-loops, convert-scf-to-cf, ...) would cut the thread from
machine code back to the source line. `install()` makes the rewriter's insertion hook
give every inserted op whose location is unknown (and any unknown op nested in it) the
location of the op being rewritten, as MLIR's rewriters do. Ops that already have a
location are never touched, so our own passes, which set locations themselves, are
unaffected. It is installed once, when the passes package is imported.

`install()` also makes an upstream failure name its op: when xDSL reports an error at an
op (a pattern that raised, a verifier that failed inside a pass), the exception records
that op's location, and `failure_location(err)` reads it back, so the pass runner can
report the failure at the source line instead of nowhere.
"""

from __future__ import annotations

from xdsl.dialects.builtin import ArrayAttr, FusedLoc, NoneAttr, UnknownLoc
from xdsl.ir import Attribute, Operation
from xdsl.pattern_rewriter import PatternRewriter

_installed = False


def inherit(op: Operation, loc: Attribute) -> None:
    """Give `op` and the ops nested in it `loc` wherever their location is unknown."""
    for inner in op.walk():
        if isinstance(inner.location, UnknownLoc):
            inner.location = loc


#: The attribute of an exception that holds the location of the op it was raised at.
_FAILED_AT = "_webnn_failed_at"


def failure_location(err: BaseException) -> Attribute | None:
    """The location of the op an upstream pass failed at (None if it did not say)."""
    return getattr(err, _FAILED_AT, None)


def install() -> None:
    global _installed
    if _installed:
        return
    original = PatternRewriter.handle_operation_insertion
    original_emit_error = Operation.emit_error

    def handle_operation_insertion(self: PatternRewriter, op: Operation) -> None:
        current = getattr(self, "_current_operation", None)
        if current is not None and not isinstance(current.location, UnknownLoc):
            inherit(op, current.location)
        original(self, op)

    def emit_error(self: Operation, message: str, underlying_error: Exception):
        # The innermost op is the one that failed: an enclosing op re-reporting the same
        # error (a nested verifier) must not overwrite it.
        if not hasattr(underlying_error, _FAILED_AT):
            setattr(underlying_error, _FAILED_AT, self.location)
        original_emit_error(self, message, underlying_error)

    PatternRewriter.handle_operation_insertion = handle_operation_insertion
    Operation.emit_error = emit_error
    _installed = True


def fused(*locations: Attribute) -> Attribute:
    """One location for an op made of several: a flat `FusedLoc` without repeats.

    Nested fusions flatten (fusing a fused op keeps one list of source lines), unknown
    parts are dropped, and a single remaining location is returned as it is.
    """
    parts: list[Attribute] = []
    for loc in locations:
        inner = loc.locations.data if isinstance(loc, FusedLoc) else (loc,)
        for part in inner:
            if not isinstance(part, UnknownLoc) and part not in parts:
                parts.append(part)
    if not parts:
        return UnknownLoc()
    if len(parts) == 1:
        return parts[0]
    return FusedLoc(ArrayAttr(parts), NoneAttr())

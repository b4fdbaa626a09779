"""Reading and checking IR: the context, a parser that locates every op, the verifier.

* `make_context()` knows `builtin`, `func` and `webnn` at once and every upstream xDSL
  dialect lazily (so lit tests of later stages can be written by hand).
* `LocatingParser` gives each op without an explicit `loc(...)` the location of its text
  (`FileLineColLoc(file, line, col)`), as mlir-opt does; function arguments (the graph's
  inputs) get the location of their function. Sizes are checked before a dense literal is
  expanded, so `dense<1.0> : tensor<4611686018427387904xf32>` is an error, not an OOM.
* `verify(module, diags)` checks every op and reports every error, not only the first.
* `parse` reads the `webnn.version` stamp first and parses with that version's ops; an
  older version is verified under its own rules and upgraded (`compat.py`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from math import prod

from xdsl.context import Context
from xdsl.dialects import builtin, func, get_all_dialects
from xdsl.dialects.builtin import (
    FileLineColLoc,
    IntAttr,
    ModuleOp,
    NameLoc,
    NoneAttr,
    StringAttr,
    UnknownLoc,
)
from xdsl.ir import Operation
from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError, VerifyException
from xdsl.parser.generic_parser import ParserState
from xdsl.utils.lexer import Input, Span
from xdsl.utils.mlir_lexer import MLIRLexer

from dialects.webnn import CURRENT_VERSION, WEBNN, legacy
from dialects.webnn.options import did_you_mean
from dialects.webnn.versions import unknown_op_hint
from dialects.webnn.types import ITEMSIZE, MAX_TENSOR_BYTES, TensorSpec, dtype_name, shape_problem

from . import compat
from .diagnostics import DiagnosticEngine, Position


_NOT_REGISTERED = re.compile(r"Operation (\S+) is not registered")


def make_context(version: int = CURRENT_VERSION) -> Context:
    """A context whose `webnn` ops are those of `version` (older ones: `legacy/`)."""
    ctx = Context()
    ctx.load_dialect(builtin.Builtin)
    ctx.load_dialect(func.Func)
    ctx.load_dialect(WEBNN if version == CURRENT_VERSION else legacy.dialect(version))
    for name, factory in get_all_dialects().items():
        if name not in ctx.registered_dialect_names:
            ctx.register_dialect(name, factory)
    return ctx


class _SafeLexer(MLIRLexer):
    """xDSL's lexer with a string-literal pattern that cannot backtrack exponentially.

    xDSL 0.74 matches string literals with `"(?:[^"...]+|escape)*"`: a `+` nested in a
    `*`, so an unterminated string on a long line takes exponential time (a mutated
    dense literal hangs the parser). The same language without the nested quantifier
    matches in linear time.
    """

    _unescaped_characters_regex = re.compile(
        r'"(?:[^"\\\n\v\f]|\\(?:["nt\\]|[0-9A-Fa-f]{2}))*"')


class LocatingParser(Parser):
    """xDSL's parser, plus source locations for every op and size checks on literals."""

    def __init__(self, ctx: Context, text: str, name: str, version: int = CURRENT_VERSION):
        #: The webnn version being read (for diagnostics).
        self.version = version
        # Parser.__init__ with our lexer (the state lexes the first token at once).
        super(Parser, self).__init__(ParserState(_SafeLexer(Input(text, name))), ctx)
        self.ssa_values = dict()
        self.blocks = dict()
        self.forward_block_references = defaultdict(list)
        self.forward_ssa_references = dict()

    def parse_operation(self) -> Operation:
        start = self.pos
        try:
            op = super().parse_operation()
        except ParseError as err:
            match = _NOT_REGISTERED.fullmatch(err.msg.strip())
            if match is None:
                raise
            name = match.group(1)
            hint = ""
            if name.startswith("webnn."):
                short = name.removeprefix("webnn.")
                dialect = self.ctx.get_optional_dialect("webnn")
                known = [op.name.removeprefix("webnn.") for op in dialect.operations] \
                    if dialect is not None else []
                hint = (f": the webnn dialect (version {self.version}) has no such op"
                        + (unknown_op_hint(short, self.version)
                           or did_you_mean(short, known).replace("'", "'webnn.", 1)))
            self.raise_error(f"unknown operation '{name}'{hint}", start,
                             self._find_after(start, name))
        if isinstance(op.location, UnknownLoc) or (
                isinstance(op.location, NameLoc)
                and isinstance(op.location.location, (NoneAttr, UnknownLoc))):
            # No location, or only a name (`loc("stem")`, a label): the op's text is where.
            where = Span(start, start, self.lexer.input).get_location()
            here = FileLineColLoc(StringAttr(where.file), IntAttr(where.line),
                                  IntAttr(where.col))
            op.location = (NameLoc(op.location.desc, here)
                           if isinstance(op.location, NameLoc) else here)
        if isinstance(op, func.FuncOp):
            for arg in op.body.blocks[0].args if op.body.blocks else ():
                if isinstance(arg.location, UnknownLoc):
                    arg.location = op.location
        for inner in op.walk():
            # What the parser adds by itself (an omitted scf.yield terminator) is where
            # the op that holds it is written.
            if isinstance(inner.location, UnknownLoc):
                inner.location = op.location
        return op

    def _find_after(self, start: int, name: str) -> int:
        """End position of `name` in the text after `start` (for an error span)."""
        found = self.lexer.input.content.find(name, start)
        return start + 1 if found < 0 else found + len(name)

    def parse_dense_int_or_fp_elements_attr(self, type):
        # xDSL compares the literal with its type only once the type is read, and reports
        # a mismatch at the token after it (often the next line): point at the literal.
        start = self.pos
        try:
            return super().parse_dense_int_or_fp_elements_attr(type)
        except ParseError as err:
            prefix = "Shape mismatch in dense literal. "
            if not err.msg.startswith(prefix):
                raise
            detail = err.msg.removeprefix(prefix).rstrip(".")
            keyword = self.lexer.input.content.rfind("dense", 0, start)
            at = keyword if keyword >= 0 and not self.lexer.input.content[
                keyword + len("dense"):start].strip() else start
            self.raise_error(f"dense literal does not match its type: "
                             f"{detail[:1].lower()}{detail[1:]}", at, start + 1)

    def _parse_dense_literal_type(self):
        pos = self.pos
        dense_type = super()._parse_dense_literal_type()
        shape = [d for d in dense_type.get_shape()]
        size = getattr(dense_type.element_type, "compile_time_size", 1)
        if any(d < 0 for d in shape) or prod(shape) * size > MAX_TENSOR_BYTES:
            self.raise_error(f"dense literal of type {dense_type} exceeds the limit of "
                             f"{MAX_TENSOR_BYTES} bytes", pos, self.pos)
        return dense_type


def parse(text: str, filename: str, diags: DiagnosticEngine, ctx: Context | None = None
          ) -> ModuleOp | None:
    """Parse a module; on failure report a located error and return None.

    The `webnn.version` stamp picks the op set; an older version is verified under its
    own rules and upgraded to the current one (`compat.py`).
    """
    diags.sources.add(filename, text)
    stamp = compat.read_stamp(text, filename, diags, _SafeLexer)
    if stamp is None:
        return None
    version = stamp.version or CURRENT_VERSION
    parser: LocatingParser | None = None
    try:
        if version != CURRENT_VERSION or ctx is None:
            ctx = make_context(version)
        parser = LocatingParser(ctx, text, filename, version)
        module = parser.parse_module()
        if isinstance(module.location, UnknownLoc):  # ops written without builtin.module
            first = next(iter(module.body.ops), None)
            module.location = first.location if first is not None else FileLineColLoc(
                StringAttr(filename), IntAttr(1), IntAttr(1))
    except ParseError as err:
        undefined = _undefined_value_use(parser, err)
        if undefined is not None:
            diags.error(*undefined)
        else:
            where = err.span.get_location()
            diags.error(_first_line(err.msg), Position(where.file, where.line, where.col))
    except (VerifyException, ValueError, OverflowError, MemoryError, TypeError,
            KeyError, IndexError, AssertionError) as err:
        # xDSL raises these from attribute/op constructors on malformed input; report
        # them where the parser stood instead of crashing.
        span = parser._current_token.span if parser is not None else None
        where = span.get_location() if span is not None else None
        diags.error(f"invalid IR: {_first_line(str(err))}",
                    Position(where.file, where.line, where.col) if where else
                    Position(filename, 1, 1))
    else:
        return compat.after_parse(module, stamp, filename, diags)
    return None


def _undefined_value_use(parser: LocatingParser | None, err: ParseError):
    """(message, location) at the first use of an undefined SSA value, if that is the error.

    xDSL reports undefined values at the end of the file; the first op using one is
    where a reader wants to look.
    """
    if parser is None or not err.msg.startswith("values used but not defined"):
        return None
    for name, refs in parser.forward_ssa_references.items():
        for value in refs.values():
            for use in value.uses:
                return f"use of undefined value '%{name}'", use.operation.location
    return None


def _first_line(message: str) -> str:
    lines = [line for line in str(message).strip().splitlines() if line.strip()]
    return lines[0].strip() if lines else "unknown error"


def verify(module: ModuleOp, diags: DiagnosticEngine) -> bool:
    """Verify every op; report each failure at its op's location. True when all pass."""
    ok = True
    for op in module.walk():
        try:
            op.verify_()
            if isinstance(op, func.FuncOp):
                _verify_graph_signature(op)
        except VerifyException as err:
            ok = False
            diags.error(f"'{op.name}' op {_first_line(str(err))}", op.location)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as err:
            ok = False
            diags.error(f"'{op.name}' op is malformed: {_first_line(str(err))}", op.location)
    return ok


def _verify_graph_signature(fn: func.FuncOp) -> None:
    """Graph inputs and outputs must be valid WebNN tensors (absurd sizes included)."""
    for kind, types in (("input", fn.function_type.inputs.data),
                        ("output", fn.function_type.outputs.data)):
        for i, t in enumerate(types):
            spec = TensorSpec.from_type(t)
            if spec is None:
                continue  # not a webnn graph signature; other checks apply elsewhere
            problem = shape_problem(spec.shape, spec.dtype)
            if problem is not None:
                raise VerifyException(f"graph {kind} #{i} of type {t} is invalid: {problem}")


__all__ = ["make_context", "parse", "verify", "LocatingParser", "ITEMSIZE", "dtype_name"]

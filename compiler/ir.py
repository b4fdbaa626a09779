"""Reading and checking IR: the context, a parser that locates every op, the verifier.

* `make_context()` knows `builtin`, `func` and `webnn` at once, and `llvmx` and every
  upstream xDSL dialect lazily (so every stage's output parses, and lit tests of later
  stages can be written by hand).
* `LocatingParser` gives each op without an explicit `loc(...)` the location of its text
  (`FileLineColLoc(file, line, col)`), as mlir-opt does; region arguments (the graph's
  inputs) get the location of their `%name`. Sizes are checked before a dense literal is
  expanded, so `dense<1.0> : tensor<4611686018427387904xf32>` is an error, not an OOM.
* `verify(module, diags)` checks every op and reports every error, not only the first.
* `parse_module` parses with the ops of the context it is given. It knows nothing of
  versions: `compat.parse`, the front door, reads the `webnn.version` stamp, picks the
  dialect of that version and calls it.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable
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
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Dialect, Operation
from xdsl.parser import Parser
from xdsl.utils.exceptions import ParseError, VerifyException
from xdsl.parser.generic_parser import ParserState
from xdsl.utils.lexer import Input, Token
from xdsl.utils.mlir_lexer import MLIRLexer, MLIRTokenKind, StringLiteral

from dialects.llvmx import LLVMX
from dialects.webnn import WEBNN
from dialects.webnn.types import MAX_TENSOR_BYTES, TensorSpec, shape_problem
from runtime.contract import ARENA_ARG

from .diagnostics import DiagnosticEngine, Position, first_line


_NOT_REGISTERED = re.compile(r"Operation (\S+) is not registered")


def make_context(webnn: Dialect | None = WEBNN) -> Context:
    """A context with `builtin`, `func` and the `webnn` dialect given (the current op set
    by default, an older version's from `dialects.webnn.legacy`, or None for none)."""
    ctx = Context()
    ctx.load_dialect(builtin.Builtin)
    ctx.load_dialect(func.Func)
    if webnn is not None:
        ctx.load_dialect(webnn)
    ctx.register_dialect(LLVMX.name, lambda: LLVMX)
    for name, factory in get_all_dialects().items():
        if name not in ctx.registered_dialect_names:
            ctx.register_dialect(name, factory)
    return ctx


class SafeLexer(MLIRLexer):
    """xDSL's lexer with a string-literal pattern that cannot backtrack exponentially.

    xDSL 0.74 matches string literals with `"(?:[^"...]+|escape)*"`: a `+` nested in a
    `*`, so an unterminated string on a long line takes exponential time (a mutated
    dense literal hangs the parser). The same language without the nested quantifier
    matches in linear time.
    """

    _unescaped_characters_regex = re.compile(
        r'"(?:[^"\\\n\v\f]|\\(?:["nt\\]|[0-9A-Fa-f]{2}))*"')

    #: The characters a string holds up to its end when it has no escape (a dense
    #: literal's hex): one character class, which `re` runs as a tight loop.
    _plain_run = re.compile(r'[^"\\\n\v\f]*')

    def _lex_string_literal(self, start_pos):
        # A plain string (no escapes) ends at the first quote. The alternation above costs
        # ~80 ns a character, seconds for a large model's hex weights; a single class scans
        # them at memory speed. Anything else (escapes, a missing quote) takes the full path.
        end = self._plain_run.match(self.input.content, start_pos + 1).end()
        if end < len(self.input.content) and self.input.content[end] == '"':
            self.pos = end + 1
            return Token(MLIRTokenKind.STRING_LIT, StringLiteral(start_pos, self.pos, self.input))
        return super()._lex_string_literal(start_pos)


class _ParenthesizedResults:
    """The parser as `linalg.generic`'s own parse sees it: `-> (t1, t2)` reads as `-> t1, t2`.

    xDSL 0.74 prints a generic with several results as `-> (t1, t2)`, as MLIR does, but
    reads only the bare `-> t1, t2`, so its own output (argMin/argMax lower to a generic
    with two results) did not parse again. Everything else goes to the real parser; the
    list of types right after the generic's `->` may be parenthesized.
    """

    def __init__(self, parser: Parser):
        self._parser = parser
        self._after_arrow = False

    def __getattr__(self, name: str):
        return getattr(self._parser, name)

    def parse_optional_punctuation(self, punctuation):
        found = self._parser.parse_optional_punctuation(punctuation)
        self._after_arrow = punctuation == "->" and found is not None
        return found

    def parse_comma_separated_list(self, delimiter, parse, context_msg=""):
        if (self._after_arrow and delimiter is Parser.Delimiter.NONE
                and self._parser._current_token.kind is MLIRTokenKind.L_PAREN):
            delimiter = Parser.Delimiter.PAREN
        self._after_arrow = False
        return self._parser.parse_comma_separated_list(delimiter, parse, context_msg)


def _read_generic_results() -> None:
    """Make `linalg.generic` read the result list it prints (see `_ParenthesizedResults`)."""
    parse = linalg.GenericOp.parse.__func__
    if getattr(parse, "reads_parenthesized_results", False):
        return

    def parse_generic(cls, parser):
        return parse(cls, _ParenthesizedResults(parser))

    parse_generic.reads_parenthesized_results = True
    linalg.GenericOp.parse = classmethod(parse_generic)


_read_generic_results()


#: What to add to "unknown operation 'x'" for an op name (say, which version lacks it).
UnknownOpHint = Callable[[str], str]


class LocatingParser(Parser):
    """xDSL's parser, plus source locations for every op and size checks on literals."""

    def __init__(self, ctx: Context, text: str, name: str,
                 unknown_op: UnknownOpHint | None = None):
        #: Explains an unknown op name (the version front door knows which op set it read).
        self.unknown_op = unknown_op
        # Parser.__init__ with our lexer (the state lexes the first token at once).
        super(Parser, self).__init__(ParserState(SafeLexer(Input(text, name))), ctx)
        self.ssa_values = dict()
        self.blocks = dict()
        self.forward_block_references = defaultdict(list)
        self.forward_ssa_references = dict()
        self._line_starts: list[int] | None = None

    def parse_operation(self) -> Operation:
        start = self.pos
        try:
            op = super().parse_operation()
        except ParseError as err:
            match = _NOT_REGISTERED.fullmatch(err.msg.strip())
            if match is None:
                raise
            name = match.group(1)
            hint = self.unknown_op(name) if self.unknown_op is not None else ""
            self.raise_error(f"unknown operation '{name}'{hint}", start,
                             self._find_after(start, name))
        if isinstance(op.location, UnknownLoc):
            op.location = self._location_at(start)
        elif isinstance(op.location, NameLoc) and isinstance(op.location.location,
                                                             (NoneAttr, UnknownLoc)):
            # Only a name (`loc("stem")`, a label): the op's text is where it is.
            op.location = NameLoc(op.location.desc, self._location_at(start))
        if isinstance(op, func.FuncOp):
            for arg in op.body.blocks[0].args if op.body.blocks else ():
                if isinstance(arg.location, UnknownLoc):
                    arg.location = op.location
        return op

    def parse_module(self, allow_implicit_module: bool = True) -> ModuleOp:
        module = super().parse_module(allow_implicit_module)
        if isinstance(module.location, UnknownLoc):
            # An implicit module (ops without `builtin.module {}`) starts with its first op.
            first = module.body.block.first_op if module.body.blocks else None
            module.location = first.location if first is not None else self._location_at(0)
        # Ops a parser makes without text of their own (the implicit `scf.yield` of a
        # loop written without one) stand where their parent op stands.
        for op in module.walk():
            if isinstance(op.location, UnknownLoc) and op.parent_op() is not None:
                op.location = op.parent_op().location
        return module

    def parse_optional_region(self, arguments=None):
        # Each named argument of a region (a graph input, above all) is located at its
        # own `%name`, so a diagnostic about one input points at that input.
        for arg in arguments or ():
            if arg.location is None:
                arg.location = self._location_at(arg.name.start)
        return super().parse_optional_region(arguments)

    def _location_at(self, pos: int) -> FileLineColLoc:
        """file:line:col of a position of the text.

        Line starts are found once: xDSL's `Span.get_location` counts the newlines from
        the start of the text on every call, quadratic in the size of a large module.
        """
        if self._line_starts is None:
            text = self.lexer.input.content
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
        line = bisect.bisect_right(self._line_starts, pos)
        return FileLineColLoc(StringAttr(self.lexer.input.name), IntAttr(line),
                              IntAttr(pos - self._line_starts[line - 1] + 1))

    def _find_after(self, start: int, name: str) -> int:
        """End position of `name` in the text after `start` (for an error span)."""
        found = self.lexer.input.content.find(name, start)
        return start + 1 if found < 0 else found + len(name)

    def parse_dense_int_or_fp_elements_attr(self, type):
        # xDSL checks the literal (its hex, its shape) only once the type is read, and reports
        # a mismatch at the token after it (often the next line): point at the literal.
        start = self.pos
        try:
            return super().parse_dense_int_or_fp_elements_attr(type)
        except ParseError as err:
            prefix = "Shape mismatch in dense literal. "
            if err.msg.startswith("Hex string in denseAttr is invalid"):
                self.raise_error("dense literal's hex string is invalid", start, start + 1)
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


def parse_module(text: str, filename: str, diags: DiagnosticEngine, ctx: Context | None = None,
                 unknown_op: UnknownOpHint | None = None) -> ModuleOp | None:
    """Parse a module with the ops `ctx` knows; on failure report a located error and
    return None. (`compat.parse` is the front door that reads versions.)"""
    diags.sources.add(filename, text)
    parser: LocatingParser | None = None
    try:
        parser = LocatingParser(ctx or make_context(), text, filename, unknown_op)
        module = parser.parse_module()
    except ParseError as err:
        undefined = _undefined_value_use(parser, err)
        if undefined is not None:
            diags.error(*undefined)
        else:
            where = err.span.get_location()
            diags.error(first_line(err.msg), Position(where.file, where.line, where.col))
    except (VerifyException, ValueError, OverflowError, MemoryError, TypeError,
            KeyError, IndexError, AssertionError) as err:
        # xDSL raises these from attribute/op constructors on malformed input; report
        # them where the parser stood instead of crashing.
        span = parser._current_token.span if parser is not None else None
        where = span.get_location() if span is not None else None
        diags.error(f"invalid IR: {first_line(str(err))}",
                    Position(where.file, where.line, where.col) if where else
                    Position(filename, 1, 1))
    else:
        return module
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


def verify(module: ModuleOp, diags: DiagnosticEngine) -> bool:
    """Verify every op; report each failure at its op's location. True when all pass."""
    ok = True
    for op in module.walk():
        try:
            op.verify_()
            if isinstance(op, linalg.IndexOp):
                _verify_linalg_index(op)
            if isinstance(op, func.FuncOp):
                _verify_graph_signature(op)
                for message, location in _duplicate_names(op):
                    ok = False
                    diags.error(f"'{op.name}' op {message}", location)
        except (RecursionError, MemoryError):
            raise  # the input is too big or deep to check at all (the tools say so)
        except Exception as err:  # noqa: BLE001 - an upstream verifier may raise anything
            ok = False
            # Some xDSL verifiers raise a bare `Exception` (memref.load with the wrong
            # number of indices): that is a verifier's message too.
            problem = (first_line(str(err)) if type(err) in (VerifyException, Exception)
                       else f"is malformed: {first_line(str(err))}")
            diags.error(f"'{op.name}' op {problem}", op.location)
    return ok


def _verify_linalg_index(op: linalg.IndexOp) -> None:
    """MLIR's rule, which xDSL 0.74 does not check: the dimension is a loop of the generic.

    Passes that renumber or bind loops look the dimension up and would crash on it.
    """
    dim = op.dim.value.data
    if dim < 0:
        raise VerifyException(f"dimension {dim} is negative")
    parent = op.parent_op()
    if isinstance(parent, linalg.GenericOp) and dim >= len(parent.iterator_types.data):
        raise VerifyException(f"dimension {dim} is not a loop of the enclosing linalg.generic, "
                              f"which has {len(parent.iterator_types.data)}")


def signature_names(fn: func.FuncOp) -> tuple[list[str], list[str]]:
    """The names of a graph's inputs and outputs: `webnn.name`, else `input<i>`/`output<i>`."""
    def names(count: int, attrs, prefix: str) -> list[str]:
        out = []
        for i in range(count):
            value = attrs.data[i].data.get("webnn.name") if (
                attrs is not None and i < len(attrs.data)) else None
            out.append(value.data if isinstance(value, StringAttr) else f"{prefix}{i}")
        return out
    return (names(len(fn.function_type.inputs.data), fn.arg_attrs, "input"),
            names(len(fn.function_type.outputs.data), fn.res_attrs, "output"))


def _duplicate_names(fn: func.FuncOp) -> list[tuple[str, object]]:
    """(message, location) for each graph input or output named like an earlier one.

    Inputs are fed and outputs returned by name: two inputs of one name would read one
    array, and of two outputs of one name one would be lost. An input is reported at its
    own location; an output at the function, whose signature declares its name. After
    bufferize the outputs and the arena are arguments too; that signature is made by
    the compiler from a checked one, so it is not checked again.
    """
    if fn.arg_attrs is not None and any(ARENA_ARG in a.data for a in fn.arg_attrs.data):
        return []
    inputs, outputs = signature_names(fn)
    args = fn.body.blocks[0].args if fn.body.blocks else ()
    problems = []
    for kind, names in (("input", inputs), ("output", outputs)):
        first: dict[str, int] = {}
        for i, name in enumerate(names):
            if name not in first:
                first[name] = i
                continue
            location = (args[i].location if kind == "input" and i < len(args)
                        and not isinstance(args[i].location, UnknownLoc) else fn.location)
            problems.append((f"graph {kind} #{i} is named '{name}' like graph {kind} "
                             f"#{first[name]}; graph {kind} names must be unique", location))
    return problems


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


__all__ = ["make_context", "parse_module", "verify", "signature_names", "LocatingParser",
           "SafeLexer"]

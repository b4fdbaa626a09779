"""The `.webnn` frontend: the webnn-graph text format (rustnn) -> a verified webnn module.

    webnn_graph "resnet_head" v1 {
      inputs  { x: f32[1, 2048]; }
      consts  { W: f32[2048, 1000] @weights("W"); b: f32[1000] @weights("b"); }
      nodes   { logits0 = matmul(x, W); logits = add(logits0, b);
                probs = softmax(logits, axis=1); }
      outputs { probs; }
    }

The grammar is `webnn_graph.lark` (parsed by lark, LALR). Calls name WebNN ops by their
spec names. Positional arguments fill, in order, the op's required operands (a variadic
one, as concat's `inputs`, takes all the operand names given, or one `[a, b]` list), its
positional options (`softmax(x, 1)`, `reshape(x, [2, 3])`), then its optional operands
(`conv2d(x, w, b)`: the bias, as webnn-graph's ONNX converter writes it); `key=value`
arguments name operands (`bias=b`) or options (`padding=[1, 1, 1, 1]`) by spec name.
`[a, b] = split(...)` binds every result; `y = x;` is another name for a value.

Constants: `@weights("key")` reads the tensor `key` from `<stem>.weights` (or
`model.weights`) beside the file, at the byte range its `<stem>.manifest.json` (or
`manifest.json`) gives; `@scalar(v)` fills the declared shape with v; `@bytes([...])`
holds the little-endian bytes. A constant without annotation is `@weights("<its name>")`.
`dyn("name", max)` dimensions of inputs are bound by `dims`.

Every op is located at its statement (`NameLoc` of the assigned name around the
line:column), every input at its declaration; syntax errors and the errors of each
statement are reported together, each at its line and column.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, SSAValue
from xdsl.utils.exceptions import VerifyException

from dialects.webnn import OPS_BY_NAME
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.options import OptionError
from dialects.webnn.types import TensorSpec, shape_problem
from runtime.values import NUMPY_DTYPES

from ..builder import constant_op, graph_module
from ..diagnostics import CompileError, DiagnosticEngine, Position, location
from ..ir import verify
from ..module import Module
from ..source import UsageError, read_source

#: The format's data type names -> WebNN data types.
DTYPES = {"f32": "float32", "f16": "float16", "i32": "int32", "u32": "uint32",
          "i64": "int64", "u64": "uint64", "i8": "int8", "u8": "uint8"}


@lru_cache(maxsize=1)
def parser() -> Lark:
    grammar = Path(__file__).with_name("webnn_graph.lark").read_text(encoding="utf-8")
    return Lark(grammar, start="graph", parser="lalr", propagate_positions=True)


def import_webnn_graph(source: str | os.PathLike, *, text: str | None = None,
                       dims: Mapping[str, int] | None = None) -> Module:
    """The verified module of a `.webnn` file (or of `text`, named `source`)."""
    path = Path(os.fspath(source))
    name = os.fspath(source)
    if text is None:
        try:
            _, text = read_source(name)
        except UsageError as err:
            raise CompileError(f"error: {err}") from None
        folder: Path | None = path.parent
    else:
        folder = None
    importer = _Importer(text, name, path, folder, dims or {})
    op = importer.run()
    diags = DiagnosticEngine(importer.diags.sources)
    if not verify(op, diags):
        raise CompileError.from_engine(diags)
    return Module(op, path if folder is not None else None)


class _Failed(Exception):
    """A statement could not be imported (already reported)."""


class _Importer:
    def __init__(self, text: str, name: str, path: Path, folder: Path | None,
                 dims: Mapping[str, int]):
        self.text = text
        self.name = name
        self.path = path
        self.folder = folder
        self.dims = dict(dims)
        self.diags = DiagnosticEngine()
        self.diags.sources.add(name, text)
        self.block = Block()
        self.values: dict[str, SSAValue] = {}
        self.failed: set[str] = set()
        self._weights: tuple[dict, bytes] | None = None

    # ------------------------------------------------------------------ errors, places
    def where(self, item) -> Position:
        if isinstance(item, Token):
            return Position(self.name, item.line or 1, item.column or 1)
        meta = item.meta
        return Position(self.name, getattr(meta, "line", 1), getattr(meta, "column", 1))

    def error(self, message: str, item) -> _Failed:
        self.diags.error(message, self.where(item))
        return _Failed()

    def loc(self, item, label: str | None = None):
        return location(self.where(item), label)

    # ------------------------------------------------------------------ the walk
    def run(self) -> ModuleOp:
        try:
            tree = parser().parse(self.text)
        except UnexpectedInput as err:
            self.diags.error(_syntax_message(err, self.text), Position(
                self.name, getattr(err, "line", 1) or 1, getattr(err, "column", 1) or 1))
            raise CompileError.from_engine(self.diags) from None
        graph_name = _unquote(tree.children[0])
        sections = [c for c in tree.children if isinstance(c, Tree)]
        input_names: list[str] = []
        outputs: dict[str, SSAValue] = {}
        for section in sections:
            if section.data == "inputs":
                for decl in section.children:
                    self._input(decl, input_names)
            elif section.data == "consts":
                for decl in section.children:
                    self._const(decl)
            elif section.data == "nodes":
                for stmt in section.children:
                    try:
                        self._stmt(stmt)
                    except _Failed:
                        pass
            elif section.data == "outputs":
                for item in section.children:
                    for token in item.children:
                        self._output(token, outputs)
        if not input_names and not self.diags.has_errors:
            self.diags.error("the graph declares no inputs; a WebNN graph needs one",
                             self.where(tree))
        if not outputs and not self.diags.has_errors:
            self.diags.error("the graph declares no outputs", self.where(tree))
        if self.diags.has_errors:
            raise CompileError.from_engine(self.diags)
        return graph_module(self.block, input_names, outputs, self.loc(tree),
                            name=graph_name)

    def _define(self, token: Token, value: SSAValue | None) -> None:
        name = str(token)
        if name in self.values or name in self.failed:
            raise self.error(f"'{name}' is defined twice", token)
        if value is None:
            self.failed.add(name)
            return
        self.values[name] = value
        cleaned = "".join(c if c.isalnum() or c in "_$." else "_" for c in name)
        if value.name_hint is None and SSAValue.is_valid_name(cleaned) \
                and not cleaned[0].isdigit():
            value.name_hint = cleaned

    def _lookup(self, token: Token) -> SSAValue:
        name = str(token)
        if name in self.failed:
            raise _Failed()
        if name not in self.values:
            raise self.error(f"'{name}' is not defined (inputs, consts and earlier "
                             "statements define names)", token)
        return self.values[name]

    # ------------------------------------------------------------------ declarations
    def _type(self, tree: Tree, constant: bool) -> TensorSpec | None:
        dtype_token, *dims = tree.children
        if str(dtype_token) not in DTYPES:
            self.error(f"data type {dtype_token} is not a WebNN data type this compiler "
                       "supports", dtype_token)
            return None
        shape = []
        for dim in dims:
            if dim is None:
                continue
            if dim.data == "static_dim":
                shape.append(int(dim.children[0]))
                continue
            name, limit = _unquote(dim.children[0]), int(dim.children[1])
            if constant:
                self.error("a constant's shape must be static", dim)
                return None
            if name not in self.dims:
                self.error(f"dimension '{name}' is dynamic and not bound; bind it with "
                           f"dims={{'{name}': SIZE}} (--dim {name}=SIZE)", dim)
                return None
            if self.dims[name] > limit:
                self.error(f"dimension '{name}' is bound to {self.dims[name]}, above its "
                           f"maximum {limit}", dim)
                return None
            shape.append(self.dims[name])
        dtype = DTYPES[str(dtype_token)]
        problem = shape_problem(shape, dtype)
        if problem is not None:
            self.error(f"shape {shape} is invalid: {problem}", tree)
            return None
        return TensorSpec(tuple(shape), dtype)

    def _input(self, decl: Tree, names: list[str]) -> None:
        token, type_tree = decl.children
        spec = self._type(type_tree, constant=False)
        if spec is None:
            self.failed.add(str(token))
            return
        arg = self.block.insert_arg(spec.to_type(), len(self.block.args),
                                    self.loc(token, str(token)))
        try:
            self._define(token, arg)
        except _Failed:
            return
        names.append(str(token))

    def _const(self, decl: Tree) -> None:
        token, type_tree, *annotations = decl.children
        spec = self._type(type_tree, constant=True)
        data = None
        if spec is not None:
            annotation = annotations[-1] if annotations else None
            try:
                data = self._const_data(token, spec, annotation)
            except _Failed:
                data = None
        if data is None:
            self.failed.add(str(token))
            return
        op = constant_op(data, self.loc(token, str(token)))
        self.block.add_op(op)
        try:
            self._define(token, op.output)
        except _Failed:
            pass

    def _const_data(self, token: Token, spec: TensorSpec, annotation) -> np.ndarray:
        dtype = np.dtype(NUMPY_DTYPES[spec.dtype])
        if annotation is None or annotation.data == "weights":
            key = _unquote(annotation.children[0]) if annotation is not None else str(token)
            return self._weight(key, spec, annotation if annotation is not None else token)
        if annotation.data == "scalar":
            number = _number(annotation.children[0])
            value = np.array(number, dtype=dtype)
            if dtype.kind != "f" and value != number:
                raise self.error(f"@scalar({annotation.children[0]}) does not fit "
                                 f"{spec.dtype}", annotation)
            return np.full(spec.shape, value, dtype=dtype)
        raw = [int(t) for t in annotation.children if t is not None]
        if any(b > 255 for b in raw):
            raise self.error("@bytes values must be bytes (0 to 255)", annotation)
        want = spec.numel * dtype.itemsize
        if len(raw) != want:
            raise self.error(f"@bytes holds {len(raw)} bytes but {spec.dtype}"
                             f"{list(spec.shape)} needs {want}", annotation)
        return np.frombuffer(bytes(raw), dtype=dtype.newbyteorder("<")) \
            .astype(dtype).reshape(spec.shape)

    def _weight(self, key: str, spec: TensorSpec, item) -> np.ndarray:
        manifest, blob = self._load_weights(item)
        entry = manifest.get(key)
        if not isinstance(entry, dict):
            raise self.error(f"the weights manifest has no tensor '{key}'", item)
        dtype = np.dtype(NUMPY_DTYPES[spec.dtype])
        declared = (entry.get("dataType"), list(entry.get("shape", [])))
        if declared[0] is not None and declared != (spec.dtype, list(spec.shape)):
            raise self.error(f"weights '{key}' are {declared[0]}{declared[1]} in the "
                             f"manifest, declared {spec.dtype}{list(spec.shape)}", item)
        try:
            start, length = int(entry["byteOffset"]), int(entry["byteLength"])
        except (KeyError, TypeError, ValueError):
            raise self.error(f"weights '{key}' have no byteOffset/byteLength in the "
                             "manifest", item) from None
        if length != spec.numel * dtype.itemsize or start < 0 or start + length > len(blob):
            raise self.error(f"weights '{key}' span bytes [{start}, {start + length}) of a "
                             f"{len(blob)}-byte weights file; {spec.dtype}"
                             f"{list(spec.shape)} needs {spec.numel * dtype.itemsize}",
                             item)
        return np.frombuffer(blob, dtype=dtype.newbyteorder("<"), count=spec.numel,
                             offset=start).astype(dtype).reshape(spec.shape)

    def _load_weights(self, item) -> tuple[dict, bytes]:
        if self._weights is not None:
            return self._weights
        folder = self.folder
        stem = self.path.stem
        manifests = [folder / f"{stem}.manifest.json", folder / "manifest.json"] \
            if folder else []
        blobs = [folder / f"{stem}.weights", folder / "model.weights"] if folder else []
        manifest_path = next((p for p in manifests if p.is_file()), None)
        blob_path = next((p for p in blobs if p.is_file()), None)
        if manifest_path is None or blob_path is None:
            raise self.error(f"@weights needs {stem}.manifest.json and {stem}.weights "
                             "beside the graph file", item)
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            tensors = manifest["tensors"]
            if not isinstance(tensors, dict):
                raise TypeError("'tensors' is not an object")
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise self.error(f"the weights manifest {manifest_path.name} is unusable: "
                             f"{err}", item) from None
        if manifest.get("endianness", "little") != "little":
            raise self.error("big-endian weights are not supported", item)
        self._weights = (tensors, blob_path.read_bytes())
        return self._weights

    # ------------------------------------------------------------------ statements
    def _stmt(self, stmt: Tree) -> None:
        target, expr = stmt.children
        targets = list(target.children)
        label = str(targets[0])
        try:
            results = self._expr(expr, label, stmt)
        except _Failed:
            for t in targets:
                self._define(t, None)
            raise
        problem = None
        if target.data == "single" and len(results) != 1:
            problem = self.error(f"'{expr.children[0]}' returns {len(results)} values; "
                                 "bind them with [a, b, ...] = ...", stmt)
        elif len(targets) != len(results):
            problem = self.error(f"{len(targets)} names for the {len(results)} values "
                                 f"'{expr.children[0]}' returns", target)
        if problem is not None:
            for t in targets:
                self._define(t, None)
            raise problem
        for token, value in zip(targets, results):
            self._define(token, value)

    def _expr(self, expr: Tree, label: str, stmt: Tree) -> list[SSAValue]:
        if expr.data == "alias":
            return [self._lookup(expr.children[0])]
        if expr.data == "literal_expr":
            raise self.error("a literal is not a value; declare it in consts (e.g. "
                             "@scalar(...))", expr)
        op_token, *args = expr.children
        op_cls = OPS_BY_NAME.get(str(op_token))
        if op_cls is None or op_cls is ConstantOp:
            raise self.error(f"'{op_token}' is not a WebNN op", op_token)
        operands, options = self._arguments(op_cls, [a for a in args if a is not None],
                                            expr)
        try:
            op = op_cls.make(operands, options, location=self.loc(stmt, label))
        except (OptionError, VerifyException) as err:
            raise self.error(f"'{op_cls.name}' op {err}", expr) from None
        self.block.add_op(op)
        return list(op.results)

    def _arguments(self, op_cls, args: list[Tree], call: Tree):
        required = [n for n in op_cls.OPERAND_NAMES if n not in op_cls.OPTIONAL_OPERANDS]
        optional = [n for n in op_cls.OPERAND_NAMES if n in op_cls.OPTIONAL_OPERANDS]
        positional_options = [o.name for o in op_cls.OPTIONS if o.positional]
        operands: dict[str, Any] = {}
        options: dict[str, Any] = {}
        refs = [a.children[0] for a in args if a.data == "positional"
                and _is_operand(a.children[0])]
        literals = [a.children[0] for a in args if a.data == "positional"
                    and not _is_operand(a.children[0])]
        for name in required:
            if name in op_cls.VARIADIC_OPERANDS:
                if len(refs) == 1 and refs[0].data == "array":
                    operands[name] = [self._lookup(v.children[0])
                                      for v in refs.pop(0).children if v is not None]
                else:
                    operands[name] = [self._lookup(r.children[0]) for r in refs]
                    refs = []
            elif refs:
                operands[name] = self._lookup(refs.pop(0).children[0])
        for name in optional:
            if refs:
                operands[name] = self._lookup(refs.pop(0).children[0])
        if refs:
            raise self.error(f"'{op_cls.name.removeprefix('webnn.')}' takes "
                             f"{len(op_cls.OPERAND_NAMES)} operands; "
                             f"'{refs[0].children[0]}' is one too many", refs[0])
        for name, literal in zip(positional_options, literals):
            options[name] = self._literal(literal)
        if len(literals) > len(positional_options):
            raise self.error("too many positional values", literals[len(positional_options)])
        for arg in args:
            if arg.data != "named":
                continue
            key, value = arg.children
            key_name = str(key)
            if key_name in operands or key_name in options:
                raise self.error(f"argument '{key_name}' is given twice", key)
            if key_name in op_cls.OPERAND_NAMES:
                if value.data == "null":
                    continue
                if value.data != "ref":
                    raise self.error(f"'{key_name}' is an operand; give it a name", value)
                operands[key_name] = self._lookup(value.children[0])
            elif key_name in op_cls.OPTION_MAP:
                options[key_name] = self._literal(value)
            else:
                known = ", ".join([*op_cls.OPERAND_NAMES, *op_cls.OPTION_MAP]) or "none"
                raise self.error(f"'{op_cls.name.removeprefix('webnn.')}' has no operand "
                                 f"or option '{key_name}' (it has: {known})", key)
        missing = [n for n in required if n not in operands]
        if missing:
            raise self.error(f"'{op_cls.name.removeprefix('webnn.')}' needs operand "
                             f"'{missing[0]}'", call)
        return operands, options

    def _literal(self, tree: Tree) -> Any:
        kind = tree.data
        if kind == "number":
            return _number(tree.children[0])
        if kind == "string":
            return _unquote(tree.children[0])
        if kind in ("true", "false"):
            return kind == "true"
        if kind == "null":
            return None
        if kind == "array":
            return [self._literal(v) for v in tree.children if v is not None]
        raise self.error(f"'{tree.children[0]}' names a value where a literal is expected",
                         tree)

    def _output(self, token: Token, outputs: dict[str, SSAValue]) -> None:
        name = str(token)
        try:
            value = self._lookup(token)
        except _Failed:
            return
        if name in outputs:
            self.error(f"output '{name}' is listed twice", token)
            return
        if value in self.block.args or isinstance(value.owner, ConstantOp) or any(
                value is v for v in outputs.values()):
            # A graph output is computed by an op: inputs and constants get a copy.
            op = OPS_BY_NAME["identity"].make({"input": value}, {},
                                              location=self.loc(token, name))
            self.block.add_op(op)
            value = op.results[0]
        outputs[name] = value


def _is_operand(value: Tree) -> bool:
    """A positional argument naming values (an operand) rather than a literal."""
    if value.data == "ref":
        return True
    return value.data == "array" and bool(value.children) and all(
        v is not None and v.data == "ref" for v in value.children)


def _number(token: Token) -> int | float:
    text = str(token)
    if any(c in text for c in ".eE"):
        return float(text)
    return int(text)


def _unquote(token: Token) -> str:
    return json.loads(str(token)) if str(token).startswith('"') else str(token)


def _syntax_message(err: UnexpectedInput, text: str) -> str:
    """A one-line message for a lark syntax error: what was found, what was expected."""
    if isinstance(err, UnexpectedEOF):
        return "unexpected end of file" + _expected(err.expected)
    if isinstance(err, UnexpectedToken):
        found = "end of file" if err.token.type == "$END" else f"'{err.token}'"
        return f"unexpected {found}" + _expected(err.accepts or err.expected)
    if isinstance(err, UnexpectedCharacters):
        char = text[err.pos_in_stream] if err.pos_in_stream < len(text) else ""
        return f"unexpected character '{char}'" + _expected(err.allowed)
    return "syntax error"


_TERMINAL_NAMES = {
    "NAME": "a name", "INT": "an integer", "NUMBER": "a number", "STRING": "a string",
    "DTYPE": "a data type (f32, i64, ...)", "QUANTIZED": "'@quantized'",
}
#: Where any value may stand, say so rather than list every kind of literal.
_LITERALS = {"LSQB", "TRUE", "FALSE", "NULL", "NUMBER", "INT", "STRING"}


def _expected(names) -> str:
    if not names:
        return ""
    grammar = parser()
    shown = []
    names = set(names)
    if _LITERALS <= names:
        names -= _LITERALS
        shown.append("a literal")
    for name in sorted(names):
        if name in _TERMINAL_NAMES:
            shown.append(_TERMINAL_NAMES[name])
            continue
        try:
            pattern = grammar.get_terminal(name).pattern
        except KeyError:
            continue
        if pattern.type == "str":
            shown.append(f"'{pattern.value}'")
    shown = sorted(set(shown))
    if not shown:
        return ""
    return "; expected " + (shown[0] if len(shown) == 1
                            else ", ".join(shown[:-1]) + " or " + shown[-1])


__all__ = ["import_webnn_graph", "parser", "DTYPES"]

"""`GraphBuilder`: WebNN's `MLGraphBuilder` in Python, recording call sites as locations.

    g = GraphBuilder()
    x = g.input("x", "float32", [1, 3, 32, 32])
    w = g.constant(np.zeros((8, 3, 3, 3), np.float32))
    y = g.conv2d(x, w, padding=[1, 1, 1, 1], label="stem")   # spec options as keywords
    a, b = g.split(y, 2, axis=1)                             # sequences come back as tuples
    module = g.build({"y": g.relu(a)})

One method per op, named as in the spec, taking the spec's positional operands and
arguments, and its options as keyword arguments with the spec's names. The op's shape
rule (the very one the verifier uses) runs at once, so a call that breaks a rule raises
`CompileError` starting with the caller's `file:line:col`, as WebNN throws at build time.
Each op is located at the Python line that called the builder (wrapped in a `NameLoc`
when a `label` is given).
"""

from __future__ import annotations

import inspect
import itertools
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from xdsl.dialects import func
from xdsl.dialects.builtin import (
    ArrayAttr,
    BytesAttr,
    DenseIntOrFPElementsAttr,
    DictionaryAttr,
    IntegerAttr,
    ModuleOp,
    StringAttr,
    i64,
)
from xdsl.ir import Block, Region, SSAValue
from xdsl.utils.exceptions import VerifyException

from dialects.webnn import CURRENT_VERSION, OPS_BY_NAME, WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.options import OptionError
from dialects.webnn.types import ELEMENT_TYPES, TensorSpec, shape_problem
from runtime.values import NUMPY_DTYPES, WEBNN_DTYPES, scalar

from .compat import STAMP
from .diagnostics import CompileError, DiagnosticEngine, Position, location
from .module import Module

#: Module attribute keeping an imported graph's name (the ONNX graph's, the `.webnn`
#: header's), so that the writers can give it back.
GRAPH_NAME_ATTR = "webnn.graph_name"


class Operand:
    """An `MLOperand`: one value of the graph being built."""

    __slots__ = ("builder", "value")

    def __init__(self, builder: GraphBuilder, value: SSAValue):
        self.builder = builder
        self.value = value

    @property
    def spec(self) -> TensorSpec:
        return TensorSpec.from_type(self.value.type)

    @property
    def dataType(self) -> str:  # noqa: N802 - the spec's attribute name
        return self.spec.dtype

    @property
    def shape(self) -> tuple[int, ...]:
        return self.spec.shape

    def __repr__(self) -> str:
        return f"Operand({self.dataType}, {list(self.shape)})"


def _caller_position() -> Position:
    """file:line:col of the first frame outside this module (the user's builder call)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename == __file__:
        frame = frame.f_back
    if frame is None:
        return Position("<unknown>", 0, 0)
    code = frame.f_code
    col = 0
    if frame.f_lasti >= 0:
        pos = next(itertools.islice(code.co_positions(), frame.f_lasti // 2, None), None)
        if pos is not None and pos[2] is not None:
            col = pos[2]
    return Position(code.co_filename, frame.f_lineno or 0, col + 1)


class GraphBuilder:
    """Builds one webnn graph; see the module docstring. `build()` may be called once."""

    def __init__(self) -> None:
        self._block = Block()
        self._input_names: list[str] = []
        self._constants: set[SSAValue] = set()
        self._built = False

    # ----------------------------------------------------------------- errors and places
    def _fail(self, position: Position, message: str) -> CompileError:
        diags = DiagnosticEngine()
        diags.error(message, position)
        return CompileError.from_engine(diags)

    def _check_open(self, position: Position) -> None:
        if self._built:
            raise self._fail(position, "the graph was already built; build() may be "
                             "called once per builder")

    # ----------------------------------------------------------------- inputs and constants
    def input(self, name: str, dataType: str | Mapping | None = None,  # noqa: N803
              shape: Sequence[int] | None = None) -> Operand:
        """A named graph input: `input(name, dataType, shape)` or `input(name, {dataType, shape})`."""
        position = _caller_position()
        self._check_open(position)
        if isinstance(dataType, Mapping):
            descriptor = dataType
            dataType, shape = descriptor.get("dataType"), descriptor.get("shape")
        if not isinstance(name, str) or not name:
            raise self._fail(position, f"input name must be a non-empty string, got {name!r}")
        if name in self._input_names:
            raise self._fail(position, f"duplicate input name '{name}'")
        spec = self._spec(position, dataType, shape, f"input '{name}'")
        arg = self._block.insert_arg(spec.to_type(), len(self._block.args),
                                     location(position, name))
        if SSAValue.is_valid_name(name):
            arg.name_hint = name  # prints as %name, like the graph's own input names
        self._input_names.append(name)
        return Operand(self, arg)

    def _spec(self, position, dataType, shape, what) -> TensorSpec:  # noqa: N803
        if dataType not in ELEMENT_TYPES:
            raise self._fail(position, f"{what} data type {dataType!r} is not one of "
                             + ", ".join(ELEMENT_TYPES))
        if shape is None or isinstance(shape, (str, bytes)) or not all(
                isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in shape):
            raise self._fail(position, f"{what} shape must be a list of integers, got {shape!r}")
        shape = tuple(int(d) for d in shape)
        problem = shape_problem(shape, dataType)
        if problem is not None:
            raise self._fail(position, f"{what} shape {list(shape)} is invalid: {problem}")
        return TensorSpec(shape, dataType)

    def constant(self, value: Any, data: Any = None) -> Operand:
        """A constant: `constant(ndarray)`, `constant(dataType, number)` (a scalar), or
        `constant({dataType, shape}, buffer)` as in the spec."""
        position = _caller_position()
        self._check_open(position)
        if isinstance(value, Mapping):
            spec = self._spec(position, value.get("dataType"), value.get("shape"), "constant")
            try:
                array = np.frombuffer(memoryview(data).cast("B"), dtype=NUMPY_DTYPES[spec.dtype])
            except (TypeError, ValueError) as err:
                raise self._fail(position, f"constant buffer is unusable: {err}") from None
            if array.size != spec.numel:
                raise self._fail(position, f"constant buffer holds {array.size} elements but "
                                 f"shape {list(spec.shape)} needs {spec.numel}")
            array = array.reshape(spec.shape)
        elif isinstance(value, str):
            if value not in NUMPY_DTYPES:
                raise self._fail(position, f"constant data type {value!r} is not one of "
                                 + ", ".join(NUMPY_DTYPES))
            if isinstance(data, np.ndarray) and data.ndim == 0:
                data = data[()]
            if isinstance(data, (np.ndarray, Sequence)) and not isinstance(data, str):
                raise self._fail(position, "constant(dataType, value) takes a scalar value")
            try:
                array = scalar(data, value, "constant value")
            except (TypeError, ValueError) as err:
                raise self._fail(position, str(err)) from None
        else:
            array = np.asarray(value)
            if array.dtype == np.float64:
                array = array.astype(np.float32)  # NumPy's default float is not WebNN's
            elif array.dtype == np.bool_:
                array = array.astype(np.uint8)
        dtype = WEBNN_DTYPES.get(array.dtype)
        if dtype is None:
            raise self._fail(position, f"constant numpy dtype {array.dtype} has no WebNN "
                             "data type")
        self._spec(position, dtype, array.shape, "constant")
        op = constant_op(array, location(position, None))
        self._block.add_op(op)
        self._constants.add(op.output)
        return Operand(self, op.output)

    # ----------------------------------------------------------------- ops
    def _apply(self, op_cls: type[WebNNOp], args: tuple, kwargs: dict) -> Operand | tuple:
        position = _caller_position()
        self._check_open(position)
        label = kwargs.pop("label", None)
        op_name = op_cls.name

        def fail(message: str) -> CompileError:
            return self._fail(position, f"'{op_name}' op {message}")

        required = [n for n in op_cls.OPERAND_NAMES if n not in op_cls.OPTIONAL_OPERANDS]
        positional_options = [o.name for o in op_cls.OPTIONS if o.positional]
        slots = required + positional_options
        if len(args) > len(slots):
            raise fail(f"takes {len(slots)} positional arguments ({', '.join(slots)}) "
                       f"but {len(args)} were given")
        given: dict[str, Any] = dict(zip(slots, args))
        for key, value in kwargs.items():
            if key in given:
                raise fail(f"got argument '{key}' twice")
            if key not in op_cls.OPERAND_NAMES and key not in op_cls.OPTION_MAP:
                raise fail(f"has no option '{key}'")
            given[key] = value
        missing = [n for n in slots if n not in given
                   and not (n in op_cls.OPTION_MAP and not op_cls.OPTION_MAP[n].required)]
        if missing:
            raise fail(f"missing argument '{missing[0]}'")

        operands: dict[str, Any] = {}
        for name in op_cls.OPERAND_NAMES:
            value = given.get(name)
            if name in op_cls.VARIADIC_OPERANDS:
                if isinstance(value, Operand) or not isinstance(value, Sequence) or not value:
                    raise fail(f"argument '{name}' must be a non-empty list of operands")
                operands[name] = [self._operand(v, name, fail) for v in value]
            elif value is not None:
                operands[name] = self._operand(value, name, fail)
        options = {o.name: given[o.name].tolist() if isinstance(given[o.name], np.ndarray)
                   else given[o.name] for o in op_cls.OPTIONS if o.name in given}
        try:
            op = op_cls.make(operands, options, location=location(position, label))
        except (OptionError, VerifyException) as err:
            raise fail(str(err)) from None
        if label and len(op.results) == 1 and SSAValue.is_valid_name(label):
            op.results[0].name_hint = label  # the IR then reads %conv1 = webnn.conv2d ...
        self._block.add_op(op)
        if op_cls.VARIADIC_RESULTS:
            return tuple(Operand(self, r) for r in op.results)
        return Operand(self, op.results[0])

    def _operand(self, value: Any, name: str, fail) -> SSAValue:
        if not isinstance(value, Operand):
            raise fail(f"argument '{name}' must be an Operand, got {type(value).__name__}")
        if value.builder is not self:
            raise fail(f"argument '{name}' comes from another GraphBuilder")
        return value.value

    # ----------------------------------------------------------------- build
    def build(self, outputs: Mapping[str, Operand]) -> Module:
        """The graph as a verified `Module` whose outputs are the named operands."""
        position = _caller_position()
        self._check_open(position)
        if not isinstance(outputs, Mapping) or not outputs:
            raise self._fail(position, "build() needs a non-empty {name: operand} mapping")
        values = []
        for name, operand in outputs.items():
            if not isinstance(name, str) or not name:
                raise self._fail(position, f"output name must be a non-empty string, got {name!r}")
            if not isinstance(operand, Operand) or operand.builder is not self:
                raise self._fail(position, f"output '{name}' is not an operand of this builder")
            if operand.value in self._constants or operand.value in self._block.args:
                raise self._fail(position, f"output '{name}' may not be a graph input or "
                                 "a constant")
            values.append(operand.value)
        self._built = True
        return Module(graph_module(self._block, self._input_names, dict(zip(outputs, values)),
                                   location(position, None)))


def constant_op(array: np.ndarray, location) -> ConstantOp:
    """A `webnn.constant` holding `array` inline (its dtype must be a WebNN one)."""
    spec = TensorSpec(tuple(array.shape), WEBNN_DTYPES[array.dtype])
    t = spec.to_type()
    data_attr = DenseIntOrFPElementsAttr(t, BytesAttr(np.ascontiguousarray(array).tobytes()))
    op = ConstantOp.build(result_types=[t], properties={"value": data_attr})
    op.location = location
    return op


def graph_module(block: Block, input_names: Sequence[str], outputs: Mapping[str, SSAValue],
                 location, name: str | None = None) -> ModuleOp:
    """The graph module around `block` (whose arguments are the inputs, in order): a
    `@main` function returning `outputs` by name, stamped with the current version, and
    with the graph's `name` (`GRAPH_NAME_ATTR`) if it has one. The builder and the
    frontends assemble their graphs with it."""
    ret = func.ReturnOp(*outputs.values())
    ret.location = location
    block.add_op(ret)
    arg_types = [a.type for a in block.args]
    fn = func.FuncOp("main", (arg_types, [v.type for v in outputs.values()]), Region(block),
                     arg_attrs=ArrayAttr([_named(n) for n in input_names]),
                     res_attrs=ArrayAttr([_named(n) for n in outputs]))
    fn.location = location
    attributes = {STAMP: IntegerAttr(CURRENT_VERSION, i64)}
    if name is not None:
        attributes[GRAPH_NAME_ATTR] = StringAttr(name)
    module = ModuleOp([fn], attributes=attributes)
    module.location = location
    return module


def _named(name: str) -> DictionaryAttr:
    return DictionaryAttr({"webnn.name": StringAttr(name)})


def _make_method(spec_name: str, op_cls: type[WebNNOp]):
    def method(self: GraphBuilder, *args, **kwargs):
        return self._apply(op_cls, args, kwargs)

    required = [n for n in op_cls.OPERAND_NAMES if n not in op_cls.OPTIONAL_OPERANDS]
    positional = [o.name for o in op_cls.OPTIONS if o.positional]
    keywords = [n for n in op_cls.OPERAND_NAMES if n in op_cls.OPTIONAL_OPERANDS]
    keywords += [f"{o.name}={o.default!r}" for o in op_cls.OPTIONS if not o.positional]
    signature = ", ".join(required + positional + (["*"] + keywords if keywords else []))
    method.__name__ = spec_name
    method.__qualname__ = f"GraphBuilder.{spec_name}"
    method.__doc__ = f"{spec_name}({signature}) -> `{op_cls.name}`\n\n{inspect.getdoc(op_cls) or ''}"
    return method


for _spec_name, _op_cls in OPS_BY_NAME.items():
    if _op_cls is not ConstantOp:
        setattr(GraphBuilder, _spec_name, _make_method(_spec_name, _op_cls))

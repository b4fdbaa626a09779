"""One ONNX node as a conversion function sees it, and the table of conversion functions.

A conversion function is registered for one or more ONNX op types with `@converts(...)`.
It takes a `Node` and returns the node's outputs in order, each one of

* a webnn value made with `node.op("conv2d", x, w, padding=[...])` (`WebNNOp.make`
  underneath: operands and options by their spec names, result types inferred, the op
  located at the ONNX node), or
* a numpy array: a value known when the graph is built (shape arithmetic), or
* None for an optional output the node does not ask for.

Anything WebNN cannot express is refused with `node.refuse(why)`; the importer reports
every refused node at once, each at its node.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from onnx import TensorProto, helper, numpy_helper
from xdsl.ir import SSAValue
from xdsl.utils.exceptions import VerifyException

from dialects.webnn import OPS_BY_NAME
from dialects.webnn.options import OptionError
from dialects.webnn.types import TensorSpec
from runtime.values import NUMPY_DTYPES, WEBNN_DTYPES

#: A value of the graph: a webnn value, or a numpy array known at import time.
Value = SSAValue | np.ndarray

#: ONNX op type -> conversion function.
CONVERTERS: dict[str, Callable[[Node], Sequence[Value | None]]] = {}


def converts(*op_types: str):
    """Register the decorated function as the conversion of these ONNX op types."""
    def register(fn):
        for op_type in op_types:
            if op_type in CONVERTERS:
                raise ValueError(f"ONNX op {op_type} is converted twice")
            CONVERTERS[op_type] = fn
        return fn
    return register


class Refused(Exception):
    """The node cannot be expressed in WebNN; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def onnx_type_name(elem_type: int) -> str:
    try:
        return TensorProto.DataType.Name(elem_type).lower()
    except ValueError:
        return f"#{elem_type} (not an ONNX data type)"


def webnn_dtype(array: np.ndarray) -> str | None:
    """The WebNN data type a numpy array becomes, None if there is none. Booleans become
    uint8 0/1, which is what WebNN's comparison and logical ops produce and take."""
    if array.dtype == np.bool_:
        return "uint8"
    return WEBNN_DTYPES.get(array.dtype)


def webnn_type_of(elem_type: int) -> str | None:
    """The WebNN data type of an ONNX element type (bool -> uint8, as `webnn_dtype`),
    None if WebNN has none."""
    try:
        dtype = helper.tensor_dtype_to_np_dtype(elem_type)
    except (KeyError, ValueError, TypeError):  # not an ONNX element type
        return None
    return webnn_dtype(np.empty(0, dtype))


def onnx_type_of(data_type: str) -> int:
    """The ONNX element type of a WebNN data type."""
    return helper.np_dtype_to_tensor_dtype(NUMPY_DTYPES[data_type])


def plain(value: Any) -> Any:
    """Option values as plain Python numbers and lists (numpy scalars and arrays out)."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


class Node:
    """One ONNX node being converted: its inputs, attributes, and a way to emit ops."""

    def __init__(self, importer, proto, name: str, location, opset: int):
        #: The `OnnxImporter` converting the graph (not imported here: it imports this).
        self.importer = importer
        self.proto = proto
        self.op_type: str = proto.op_type
        self.name = name
        self.loc = location
        #: The version of the default ONNX domain the model imports.
        self.opset = opset
        self.inputs: list[str] = list(proto.input)
        self.outputs: list[str] = list(proto.output)
        self._attrs = {a.name: a for a in proto.attribute}

    # ------------------------------------------------------------------ refusing
    def refuse(self, reason: str):
        raise Refused(reason)

    # ------------------------------------------------------------------ inputs
    def has(self, i: int) -> bool:
        """Whether optional input `i` is given."""
        return i < len(self.inputs) and self.inputs[i] != ""

    def count(self) -> int:
        """The number of inputs, absent trailing ones not counted."""
        return len(self.inputs)

    def value(self, i: int) -> Value:
        if not self.has(i):
            self.refuse(f"input {i} is required")
        return self.importer.values[self.inputs[i]]

    def is_const(self, i: int) -> bool:
        return self.has(i) and isinstance(self.importer.values[self.inputs[i]], np.ndarray)

    def tensor(self, i: int) -> SSAValue:
        """Input `i` as a webnn value (a constant is materialized once per ONNX name)."""
        value = self.value(i)
        if isinstance(value, np.ndarray):
            return self.importer.materialize(self.inputs[i], value, self)
        return value

    def const(self, i: int, what: str) -> np.ndarray:
        """Input `i`, which must be known when the graph is built (WebNN takes it as an
        option, not an operand)."""
        value = self.value(i)
        if not isinstance(value, np.ndarray):
            self.refuse(f"input '{what}' is computed at run time, but WebNN needs it when "
                        "the graph is built (only constant values can be folded)")
        return value

    def ints(self, i: int, what: str) -> list[int]:
        return [int(v) for v in np.asarray(self.const(i, what)).reshape(-1)]

    def spec(self, i: int) -> TensorSpec:
        value = self.value(i)
        if isinstance(value, np.ndarray):
            dtype = webnn_dtype(value)
            if dtype is None:
                self.refuse(f"input {i} has data type {value.dtype}, which WebNN lacks")
            return TensorSpec(tuple(value.shape), dtype)
        return TensorSpec.from_type(value.type)

    def shape(self, i: int) -> tuple[int, ...]:
        value = self.value(i)
        return tuple(value.shape) if isinstance(value, np.ndarray) else self.spec(i).shape

    def rank(self, i: int) -> int:
        return len(self.shape(i))

    def dtype(self, i: int) -> str:
        return self.spec(i).dtype

    # ------------------------------------------------------------------ attributes
    def has_attr(self, name: str) -> bool:
        return name in self._attrs

    def attr(self, name: str, default: Any = None) -> Any:
        """An attribute's value: ints, floats, str, lists of them, or a numpy array."""
        proto = self._attrs.get(name)
        if proto is None:
            return default
        value = helper.get_attribute_value(proto)
        if isinstance(value, bytes):
            return value.decode("utf-8", errors="replace")
        if isinstance(value, TensorProto):
            return numpy_helper.to_array(value)
        if isinstance(value, list):
            return [v.decode("utf-8", errors="replace") if isinstance(v, bytes) else v
                    for v in value]
        return value

    def axis(self, axis: int, rank: int, what: str = "axis") -> int:
        """A possibly negative ONNX axis as an index in [0, rank)."""
        if not -rank <= axis < max(rank, 1):
            self.refuse(f"{what} {axis} is out of range for rank {rank}")
        return axis + rank if axis < 0 else axis

    def wants(self, i: int) -> bool:
        """Whether output `i` is asked for."""
        return i < len(self.outputs) and self.outputs[i] != ""

    # ------------------------------------------------------------------ emitting
    def op(self, name: str, *args, **kwargs) -> SSAValue | tuple[SSAValue, ...]:
        """Append the webnn op `name` (its spec name) located at this node.

        Positional arguments are the op's required operands in order; keywords are its
        optional operands and options by spec name. Numpy arrays become constants. A
        broken spec rule refuses the node with the rule's message.
        """
        cls = OPS_BY_NAME[name]
        required = [n for n in cls.OPERAND_NAMES if n not in cls.OPTIONAL_OPERANDS]
        operands: dict[str, Any] = dict(zip(required, args))
        options: dict[str, Any] = {}
        for key, value in kwargs.items():
            if key in cls.OPERAND_NAMES:
                operands[key] = value
            elif value is not None:
                options[key] = plain(value)
        for key, value in operands.items():
            if isinstance(value, (list, tuple)):
                operands[key] = [self.constant(v) if isinstance(v, np.ndarray) else v
                                 for v in value]
            elif isinstance(value, np.ndarray):
                operands[key] = self.constant(value)
        try:
            op = cls.make(operands, options, location=self.loc)
        except (OptionError, VerifyException) as err:
            self.refuse(f"'{cls.name}' {err}")
        self.importer.block.add_op(op)
        if cls.VARIADIC_RESULTS:
            return tuple(op.results)
        return op.results[0]

    def constant(self, array: np.ndarray) -> SSAValue:
        """A webnn constant holding `array`, located at this node."""
        return self.importer.constant(np.asarray(array), self)

    def scalar(self, value: float | int, dtype: str) -> SSAValue:
        """A rank-0 constant of WebNN data type `dtype` (shared by equal scalars)."""
        return self.importer.scalar(value, dtype, self)

    def to_tensor(self, value: Value) -> SSAValue:
        return self.constant(value) if isinstance(value, np.ndarray) else value

    def spec_of(self, value: Value) -> TensorSpec:
        if isinstance(value, np.ndarray):
            return TensorSpec(tuple(value.shape), webnn_dtype(value) or "float32")
        return TensorSpec.from_type(value.type)

    def reshape(self, value: Value, shape: Sequence[int]) -> SSAValue:
        """`value` reshaped to `shape` (no op when it already has that shape)."""
        shape = tuple(int(d) for d in shape)
        if isinstance(value, np.ndarray):
            return self.constant(value.reshape(shape))
        if self.spec_of(value).shape == shape:
            return value
        return self.op("reshape", value, newShape=list(shape))

    def transpose(self, value: Value, permutation: Sequence[int]) -> SSAValue:
        permutation = [int(p) for p in permutation]
        if isinstance(value, np.ndarray):
            return self.constant(np.transpose(value, permutation))
        if permutation == list(range(len(permutation))):
            return value
        return self.op("transpose", value, permutation=permutation)

    def cast(self, value: Value, dtype: str) -> SSAValue:
        if isinstance(value, np.ndarray):
            return self.constant(value.astype(dtype))
        if self.spec_of(value).dtype == dtype:
            return value
        return self.op("cast", value, dataType=dtype)


__all__ = ["Node", "Refused", "converts", "CONVERTERS", "Value", "webnn_dtype",
           "webnn_type_of", "onnx_type_of", "plain", "onnx_type_name"]

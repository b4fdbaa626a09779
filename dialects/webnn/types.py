"""WebNN data types and the tensor descriptions that shape rules work on.

WebNN names its data types `float32`, `uint8`, ...; the IR spells them as MLIR builtin
element types (`f32`, `ui8`, ...). Shape rules never touch xDSL types directly: they see a
`TensorSpec` (a shape tuple and a WebNN data type name), which keeps them short and lets
the Python builder run the very same rules before any op exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import prod

from xdsl.dialects.builtin import (
    Float16Type,
    Float32Type,
    IntegerType,
    Signedness,
    TensorType,
)
from xdsl.ir import Attribute

#: WebNN data type name -> MLIR element type.
ELEMENT_TYPES: dict[str, Attribute] = {
    "float32": Float32Type(),
    "float16": Float16Type(),
    "int32": IntegerType(32),
    "uint32": IntegerType(32, Signedness.UNSIGNED),
    "int64": IntegerType(64),
    "uint64": IntegerType(64, Signedness.UNSIGNED),
    "int8": IntegerType(8),
    "uint8": IntegerType(8, Signedness.UNSIGNED),
}
_NAMES: dict[Attribute, str] = {t: n for n, t in ELEMENT_TYPES.items()}

#: Bytes per element, for size limits and the runtime.
ITEMSIZE = {"float32": 4, "float16": 2, "int32": 4, "uint32": 4, "int64": 8,
            "uint64": 8, "int8": 1, "uint8": 1}

# Type groups used by the op tables (the names of webnn-ops.md).
ALL = ("float32", "float16", "int32", "uint32", "int64", "uint64", "int8", "uint8")
FLOAT = ("float32", "float16")
SIGNED = ("float32", "float16", "int64", "int32", "int8")
SUMMABLE = ("float32", "float16", "int32", "uint32", "int64", "uint64")
INDEX = ("int32", "uint32", "int64")
QUANTIZED = ("uint8", "int8", "uint32", "int32")

#: A valid dimension is an integer > 0 that fits an `unsigned long`.
MAX_DIMENSION = 2**32 - 1
#: No tensor may hold more bytes than this (16 GiB): well past what this compiler's
#: targets can allocate, small enough that every size computation stays exact in int64.
MAX_TENSOR_BYTES = 2**34


def dtype_name(element_type: Attribute) -> str | None:
    """The WebNN data type name of an MLIR element type, or None if WebNN has none."""
    return _NAMES.get(element_type)


@dataclass(frozen=True)
class TensorSpec:
    """A statically shaped tensor as the shape rules see it."""

    shape: tuple[int, ...]
    dtype: str

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def numel(self) -> int:
        return prod(self.shape)

    def with_shape(self, shape) -> TensorSpec:
        return TensorSpec(tuple(shape), self.dtype)

    def with_dtype(self, dtype: str) -> TensorSpec:
        return TensorSpec(self.shape, dtype)

    def to_type(self) -> TensorType:
        return TensorType(ELEMENT_TYPES[self.dtype], self.shape)

    @staticmethod
    def from_type(t: Attribute) -> TensorSpec | None:
        """The spec of a ranked, static tensor of a WebNN type; None for anything else."""
        if not isinstance(t, TensorType):
            return None
        dtype = dtype_name(t.element_type)
        shape = t.get_shape()
        if dtype is None or any(d < 0 for d in shape):
            return None
        return TensorSpec(tuple(shape), dtype)

    def __str__(self) -> str:
        return str(self.to_type())


def shape_problem(shape, dtype: str) -> str | None:
    """Why `shape` is not a valid WebNN tensor shape, or None when it is."""
    for d in shape:
        if d <= 0:
            return f"dimension {d} is not a positive size"
        if d > MAX_DIMENSION:
            return f"dimension {d} exceeds the largest valid dimension {MAX_DIMENSION}"
    nbytes = prod(shape) * ITEMSIZE[dtype]
    if nbytes > MAX_TENSOR_BYTES:
        return (f"tensor of {prod(shape)} elements ({nbytes} bytes) exceeds the "
                f"limit of {MAX_TENSOR_BYTES} bytes")
    return None

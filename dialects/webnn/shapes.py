"""Checks and shape arithmetic shared by the shape rules of the `webnn` ops.

Each check raises a `VerifyException` whose message follows the diagnostic style: it
starts lowercase, names the operand or option, states the concrete values, and has no
trailing period. The verifier prefixes the op name (`'webnn.conv2d' op ...`).
"""

from __future__ import annotations

from collections.abc import Sequence

from xdsl.utils.exceptions import VerifyException

from .types import TensorSpec


def fail(message: str) -> VerifyException:
    return VerifyException(message)


def fmt(shape: Sequence[int]) -> str:
    return "[" + ", ".join(str(d) for d in shape) + "]"


def expect_dtype(spec: TensorSpec, allowed: Sequence[str], what: str = "input") -> None:
    if spec.dtype not in allowed:
        raise fail(f"{what} data type {spec.dtype} is not one of {', '.join(allowed)}")


def expect_same_dtype(spec: TensorSpec, ref: TensorSpec, what: str, ref_what: str = "input"
                      ) -> None:
    if spec.dtype != ref.dtype:
        raise fail(f"{what} data type {spec.dtype} does not match {ref_what} data type "
                   f"{ref.dtype}")


def expect_rank(spec: TensorSpec, rank: int | tuple[int, int | None], what: str = "input"
                ) -> None:
    """`rank` is an exact rank or an inclusive (low, high) range, high None = unbounded."""
    if isinstance(rank, int):
        if spec.rank != rank:
            raise fail(f"{what} rank {spec.rank} is not {rank}")
        return
    low, high = rank
    if spec.rank < low or (high is not None and spec.rank > high):
        bound = f"at least {low}" if high is None else f"in [{low}, {high}]"
        raise fail(f"{what} rank {spec.rank} is not {bound}")


def expect_shape(spec: TensorSpec, shape: Sequence[int], what: str) -> None:
    if spec.shape != tuple(shape):
        raise fail(f"{what} shape {fmt(spec.shape)} is not {fmt(shape)}")


def check_axis(axis: int, rank: int, what: str = "axis") -> int:
    if not 0 <= axis < rank:
        raise fail(f"{what} {axis} is out of range [0, {rank}) for rank {rank}")
    return axis


def check_axes(axes: Sequence[int], rank: int, what: str = "axes") -> tuple[int, ...]:
    for axis in axes:
        check_axis(axis, rank, f"{what} value")
    if len(set(axes)) != len(axes):
        raise fail(f"{what} {fmt(axes)} has duplicate values")
    return tuple(axes)


def check_length(values: Sequence, length: int, what: str) -> None:
    if len(values) != length:
        raise fail(f"{what} has {len(values)} values, expected {length}")


def check_positive(values: Sequence[int], what: str) -> None:
    for v in values:
        if v <= 0:
            raise fail(f"{what} {fmt(values)} must all be positive")


def check_non_negative(values: Sequence[int], what: str) -> None:
    for v in values:
        if v < 0:
            raise fail(f"{what} {fmt(values)} must not be negative")


def broadcast(a: Sequence[int], b: Sequence[int], what: str = "operand shapes") -> tuple[int, ...]:
    """Bidirectional (NumPy) broadcasting."""
    out = []
    for i in range(max(len(a), len(b))):
        x = a[len(a) - 1 - i] if i < len(a) else 1
        y = b[len(b) - 1 - i] if i < len(b) else 1
        if x != y and x != 1 and y != 1:
            raise fail(f"{what} {fmt(a)} and {fmt(b)} are not broadcastable")
        out.append(max(x, y))
    return tuple(reversed(out))


def unidirectional(source: Sequence[int], target: Sequence[int], what: str) -> None:
    """`source` must stretch to `target` without changing `target`."""
    if len(source) > len(target) or broadcast(source, target, what) != tuple(target):
        raise fail(f"{what} shape {fmt(source)} is not unidirectionally broadcastable "
                   f"to {fmt(target)}")

"""Ops made without the typed constructors' argument processing.

An xDSL typed constructor (`arith.AddiOp(a, b)`) goes through `irdl_op_init`, which
matches every argument against the op's definition: about two thirds of the cost of
making the op (13 of 20 us for an `arith.constant`, 28 of 47 us for an
`llvm.call_intrinsic`). The passes that make ops by the ten thousand (the kernels of
`vectorize-contractions`, the conversions to llvm) make them here instead: operands and
result types already flat, properties as the op stores them. Properties left out take
their defaults (`IRDLOperation.__post_init__`), as with the constructors; verifying the
IR (`WEBNN_VERIFY_EACH=1`, as the tests run) checks the rest. `make` builds the op as
`cls.create` would, only faster (`xdsl_internals.new_op`): 2.5 instead of 5.5 us.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import cache, lru_cache

from xdsl.dialects.builtin import UNKNOWN_LOC, DenseArrayBase, IntegerAttr, i32
from xdsl.ir import Attribute, Block, Operation, SSAValue

from .xdsl_internals import new_op


def make(cls: type[Operation], operands: Sequence[SSAValue] = (),
         result_types: Sequence[Attribute] = (),
         properties: Mapping[str, Attribute] | None = None,
         successors: Sequence[Block] = ()) -> Operation:
    """An op of `cls` at an unknown location, as `cls.create` makes it (through
    `xdsl_internals.new_op`, for speed); `properties` are copied (ops own theirs)."""
    return new_op(cls, operands, result_types, properties or {}, UNKNOWN_LOC, successors)


#: key -> (class, properties) of the op a typed constructor made for that key.
_TEMPLATES: dict[Hashable, tuple[type[Operation], dict[str, Attribute]]] = {}


def like(key: Hashable, build: Callable[[], Operation], operands: Sequence[SSAValue],
         result_types: Sequence[Attribute],
         overrides: Mapping[str, Attribute] | None = None) -> Operation:
    """An op of the class and properties `build()` (a typed constructor) gives for
    `key`, on `operands` with `result_types`. `build` runs the first time a key is seen
    only; the properties it chose must depend on nothing but `key` (its flags, its
    predicate, its alignment; not the operands) and `overrides`: properties that differ
    from op to op (a call's callee), which `build` sets too and which replace the
    template's values in place (the properties keep their order)."""
    template = _TEMPLATES.get(key)
    if template is None:
        op = build()
        _TEMPLATES[key] = (type(op), dict(op.properties))
        return op
    cls, properties = template
    if overrides:
        properties = {**properties, **overrides}
    return make(cls, operands, result_types, properties)


def branch(cls: type[Operation], dest: Block, args: Sequence[SSAValue]) -> Operation:
    """A branch to `dest` passing `args`: `cf.br` or `llvm.br` (the same operands and
    successor), as its typed constructor makes it."""
    return make(cls, tuple(args), (), None, (dest,))


def cond_branch(cls: type[Operation], cond: SSAValue, then: Block,
                then_args: Sequence[SSAValue], other: Block,
                other_args: Sequence[SSAValue]) -> Operation:
    """A conditional branch: `cf.cond_br` or `llvm.cond_br` (the same operand groups and
    successors), as its typed constructor makes it."""
    return make(cls, (cond, *then_args, *other_args), (),
                {"operandSegmentSizes": segment_sizes(1, len(then_args), len(other_args))},
                (then, other))


@lru_cache(maxsize=4096)
def integer(value: int, t: Attribute) -> IntegerAttr:
    """`IntegerAttr(value, t)`, made once per value and type and shared (attributes are
    immutable; making one checks its value, some microseconds). Bounded: a process that
    compiles many graphs meets many values."""
    return IntegerAttr(value, t)


@cache
def segment_sizes(*sizes: int) -> DenseArrayBase:
    """The `operandSegmentSizes` property of an op whose operand groups have `sizes`
    (attributes are immutable: one per shape is shared)."""
    return DenseArrayBase.from_list(i32, list(sizes))


__all__ = ["make", "like", "branch", "cond_branch", "integer", "segment_sizes"]

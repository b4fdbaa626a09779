"""The places the passes reach into xDSL's internals, for speed.

The conversions to llvm make, insert and rewire ops by the ten thousand (MobileNetV2:
some 20,000 ops made and inserted, 40,000 uses moved). Done through xDSL's public calls,
each costs a few microseconds of Python that has nothing to do in these cases; the
helpers here do the same with less, and leave exactly the objects the public calls
leave. They read and write fields of `Operation`, `Block`, `Use` and `SSAValue` that
xDSL (0.74, pinned in pyproject.toml) treats as private: `tests/test_xdsl_internals.py`
builds the same IR both ways and fails on any difference, so an xDSL upgrade that
changes those fields shows there first.

* `new_op` is `cls.create(...)` (`Operation.__init__` and `IRDLOperation.__post_init__`)
  without what those spend on the general case: the `operands` and `successors`
  setters first unlink the uses of an op that has none, generators build the tuples, and
  the default properties are found again for every op (2.5 of 5.5 us per op);
* `insert_ops_before` is `Block.insert_op_before` without its check that the op does
  not enclose the block, which walks up to the module and which an op without regions
  cannot fail (1.8 -> 0.4 us in a kernel's loop nest);
* `move_uses` is `SSAValue.replace_all_uses_with` without rebuilding each user's operand
  tuple through the `operands` view (an `OpOperands` per use, whose `__setitem__` slices
  the tuple twice through a Python `__getitem__`): a third of the time.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from xdsl.ir import Attribute, Block, Operation, OpResult, SSAValue, SSAValues, Use
from xdsl.irdl import IRDLOperation, OptionalDef


@cache
def _defaults(cls: type[Operation]
              ) -> tuple[tuple[tuple[str, Attribute], ...],
                         tuple[tuple[str, Attribute], ...]] | None:
    """The properties and attributes `IRDLOperation.__post_init__` gives an op of `cls`
    when it is not given them (those with a default, not optional), in its order; None
    when `cls` does not use that `__post_init__` as it is (then `new_op` calls
    `cls.create`)."""
    if not issubclass(cls, IRDLOperation) \
            or cls.__post_init__ is not IRDLOperation.__post_init__:
        return None
    op_def = cls.get_irdl_definition()

    def filled(defs) -> tuple[tuple[str, Attribute], ...]:
        return tuple((name, d.default_value) for name, d in defs.items()
                     if not isinstance(d, OptionalDef) and d.default_value is not None)
    return filled(op_def.properties), filled(op_def.attributes)


def new_op(cls: type[Operation], operands: Sequence[SSAValue],
           result_types: Sequence[Attribute], properties: Mapping[str, Attribute],
           location: Attribute, successors: Sequence[Block] = ()) -> Operation:
    """`cls.create(operands=..., result_types=..., properties=..., location=...,
    successors=...)`: the same op, with the same fields, its uses linked in the same
    order. `properties` are copied."""
    defaults = _defaults(cls)
    if defaults is None:
        return cls.create(operands=operands, result_types=result_types,
                          properties=properties, location=location, successors=successors)
    default_properties, default_attributes = defaults
    op = cls.__new__(cls)
    # The fields `Operation.__init__` sets, in its order (each value's new use goes to the
    # front of its use list, as `add_use` puts it).
    operands = SSAValues(operands)
    uses = tuple([Use(op, i) for i in range(len(operands))])
    for value, use in zip(operands, uses):
        value.add_use(use)
    op._operands = operands
    op._operand_uses = uses
    op.results = SSAValues([OpResult(t, op, i) for i, t in enumerate(result_types)])
    props = dict(properties)
    for name, value in default_properties:
        if name not in props:
            props[name] = value
    op.properties = props
    attrs: dict[str, Attribute] = {}
    for name, value in default_attributes:
        attrs[name] = value
    op.attributes = attrs
    op.location = location
    if successors:
        blocks = tuple(successors)
        successor_uses = tuple([Use(op, i) for i in range(len(blocks))])
        for block, use in zip(blocks, successor_uses):
            block.add_use(use)
        op._successors = blocks
        op._successor_uses = successor_uses
    else:
        op._successors = ()
        op._successor_uses = ()
    op.regions = ()
    return op


def insert_ops_before(ops: Sequence[Operation], anchor: Operation) -> None:
    """`anchor.parent.insert_op_before(op, anchor)` for each op of `ops`, in order.

    `Block.insert_op_before` first makes sure the new op does not contain the block
    (`is_ancestor`: a walk up every enclosing op, region and block to the module, deep
    in a kernel's loops); an op without regions cannot, so for those the links of the
    block's op list are set here directly (a fifth of the time).
    """
    block = anchor.parent
    if block is None:
        raise ValueError("Can't insert operation before operation not in current block")
    for op in ops:
        if op.regions:
            block.insert_op_before(op, anchor)
            continue
        if op.parent is not None:
            raise ValueError("Can't add to a block an operation already attached to a block.")
        op.parent = block
        prev = anchor._prev_op
        op._prev_op = prev
        op._next_op = anchor
        anchor._prev_op = op
        if prev is None:
            block._first_op = op
        else:
            prev._next_op = op


def move_uses(old: SSAValue, new: SSAValue) -> None:
    """`old.replace_all_uses_with(new)`: every use of `old` becomes a use of `new`.

    Each use (the user op and the operand's index) moves, in `old`'s order, to the front
    of `new`'s use list, as `add_use` puts it, so `new`'s list ends up as xDSL's own
    replacement leaves it; the user's operand tuple is rebuilt once per use.
    """
    if new is old:
        return
    use = old.first_use
    while use is not None:
        following = use._next_use
        user = use._operation
        operands = list(user._operands)
        operands[use._index] = new
        user._operands = SSAValues(operands)
        new.add_use(use)  # links `use` in front of `new`'s uses
        use = following
    old.first_use = None
    # As `replace_all_uses_with`: the new value takes the old one's name if it has none.
    if new.name_hint is None and old.name_hint is not None:
        new.name_hint = old.name_hint


__all__ = ["new_op", "insert_ops_before", "move_uses"]

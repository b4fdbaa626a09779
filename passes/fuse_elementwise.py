"""`fuse-elementwise`: an element-wise producer is computed inside its consumer.

On linalg on tensors, a `linalg.generic` P whose iterators are all parallel and whose
only result is read by exactly one other generic C is folded into C: C reads P's inputs
directly (P's input maps composed with the map through which C read P's result), and
C's body starts with a copy of P's scalar body. A chain like `relu(sigmoid(x * y + x))`
becomes one loop that reads x and y once and writes the result once, instead of four
loops with three intermediates in memory; a producer feeding a reduction (exp before a
sum) is computed on the fly by the reduction. The fused generic's location is a
`FusedLoc` of its parts, so diagnostics and debug info still name every source line.

Fusion happens on generics rather than on webnn ops because one rule then serves every
pair of element-wise ops (and every lowering that emits element-wise generics), where a
webnn-level pass would need a rule per op pair. A producer is not fused when the
consumer would evaluate it more than once per produced element (a broadcast read) unless
its body is trivially cheap.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, tensor
from xdsl.dialects.builtin import AffineMapAttr, IndexType, IntegerAttr, ModuleOp
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineMap
from xdsl.passes import ModulePass

from .locations import fused

#: A producer with at most this many body ops may be recomputed for broadcast reads.
CHEAP_BODY = 3


def _all_parallel(op: linalg.GenericOp) -> bool:
    return all("parallel" in str(it.data) for it in op.iterator_types.data)


def _injective(amap: AffineMap) -> bool:
    """Each result a distinct plain dimension, every dimension used: a permutation."""
    dims = [e.position for e in amap.results if isinstance(e, AffineDimExpr)]
    return len(dims) == len(amap.results) == amap.num_dims and len(set(dims)) == len(dims)


def _fusable(consumer: linalg.GenericOp, index: int) -> linalg.GenericOp | None:
    value = consumer.inputs[index]
    producer = value.owner
    if not isinstance(producer, linalg.GenericOp) or len(producer.results) != 1:
        return None
    if not value.has_one_use() or not _all_parallel(producer):
        return None
    if any(arg.uses for arg in producer.body.blocks[0].args[len(producer.inputs):]):
        return None  # the body reads its own output (an accumulator): not element-wise
    out_map = producer.indexing_maps.data[-1].data
    if out_map != AffineMap.identity(out_map.num_dims):
        return None
    read = consumer.indexing_maps.data[index].data
    body_size = sum(1 for _ in producer.body.walk()) - 1
    if not _injective(read) and body_size > CHEAP_BODY:
        return None
    for inner in producer.body.walk():
        if isinstance(inner, linalg.IndexOp):
            if not isinstance(read.results[inner.dim.value.data],
                              (AffineDimExpr, AffineConstantExpr)):
                return None
    # Loop bounds come from operand dimensions indexed by a bare loop variable: every
    # loop of the fused op must keep such an operand (a reversed or shifted read of
    # the producer's input would not give one).
    maps = [m.data for k, m in enumerate(consumer.indexing_maps.data) if k != index]
    maps += [m.data.compose(read) for m in producer.indexing_maps.data[:-1]]
    bare = {e.position for m in maps for e in m.results if isinstance(e, AffineDimExpr)}
    if len(bare) < read.num_dims:
        return None
    return producer


def _fuse(consumer: linalg.GenericOp, index: int, producer: linalg.GenericOp
          ) -> linalg.GenericOp:
    read = consumer.indexing_maps.data[index].data
    c_maps = [m.data for m in consumer.indexing_maps.data]
    p_in_maps = [m.data.compose(read) for m in producer.indexing_maps.data[:-1]]
    n_in = len(consumer.inputs)
    new_inputs = [*consumer.inputs[:index], *producer.inputs, *consumer.inputs[index + 1:]]
    new_maps = [*c_maps[:index], *p_in_maps, *c_maps[index + 1:n_in], *c_maps[n_in:]]

    c_block, p_block = consumer.body.blocks[0], producer.body.blocks[0]
    arg_types = [v.type.element_type for v in new_inputs] + \
                [a.type for a in c_block.args[n_in:]]
    block = Block(arg_types=arg_types)
    n_p = len(producer.inputs)
    loc = fused(producer.location, consumer.location)
    for arg in block.args:
        arg.location = loc
    p_args = block.args[index:index + n_p]
    mapping: dict[SSAValue, SSAValue] = dict(zip(p_block.args[:n_p], p_args))
    produced = None
    for op in p_block.ops:
        if isinstance(op, linalg.YieldOp):
            produced = mapping[op.operands[0]] if op.operands[0] in mapping else op.operands[0]
            continue
        if isinstance(op, linalg.IndexOp):
            # The producer's dimension k is the consumer's read expression k.
            expr = read.results[op.dim.value.data]
            new: Operation = (linalg.IndexOp(expr.position) if isinstance(expr, AffineDimExpr)
                              else arith.ConstantOp(IntegerAttr(expr.value, IndexType())))
        else:
            new = op.clone(value_mapper=mapping)
        new.location = op.location
        block.add_op(new)
        for old_r, new_r in zip(op.results, new.results):
            mapping[old_r] = new_r
    c_mapping: dict[SSAValue, SSAValue] = {}
    for i, arg in enumerate(c_block.args):
        if i < index:
            c_mapping[arg] = block.args[i]
        elif i == index:
            c_mapping[arg] = produced
        elif i < n_in:
            c_mapping[arg] = block.args[i - 1 + n_p]
        else:
            c_mapping[arg] = block.args[len(new_inputs) + (i - n_in)]
    for op in c_block.ops:
        block.add_op(op.clone(value_mapper=c_mapping))
    merged = linalg.GenericOp(new_inputs, list(consumer.outputs), Region(block),
                             [AffineMapAttr(m) for m in new_maps],
                             list(consumer.iterator_types.data),
                             [r.type for r in consumer.results])
    merged.location = loc
    consumer.parent.insert_op_before(merged, consumer)
    for old, new in zip(consumer.results, merged.results):
        old.replace_all_uses_with(new)
    consumer.detach()
    consumer.erase()
    init = producer.outputs[0]
    producer.detach()
    producer.erase()
    if isinstance(init.owner, tensor.EmptyOp) and not init.uses:
        owner = init.owner
        owner.detach()
        owner.erase()
    return merged


@dataclass(frozen=True)
class FuseElementwisePass(ModulePass):
    """Fuse element-wise producers into their single consumer (see module doc)."""

    name = "fuse-elementwise"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        changed = True
        while changed:
            changed = False
            for consumer in [o for o in op.walk() if isinstance(o, linalg.GenericOp)]:
                if consumer.parent is None:
                    continue
                for index in range(len(consumer.inputs)):
                    producer = _fusable(consumer, index)
                    if producer is not None:
                        _fuse(consumer, index, producer)
                        changed = True
                        break

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

Contractions (matrix products, convolutions; see `passes/contraction.py`) take their
element-wise consumers as an *epilogue*: `relu(conv(x) + b)`, a clamp, a residual add
become one generic whose body applies the consumer's ops to each finished sum (on the
last reduction step), so the kernel generator computes them on the block of results
while it is in registers; the product's result never goes to memory. A consumer is
taken when every op of its body has a vector form, it reads the sum where it writes
its result, and the fused op is still one the kernel generator takes. Producers are not
fused *into* a contraction's inputs: the kernel reads its operands as they are.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import arith, tensor
from xdsl.dialects.builtin import AffineMapAttr, FloatAttr, IndexType, IntegerAttr, ModuleOp
from xdsl.dialects.linalg import ops as linalg
from xdsl.ir import Block, Operation, Region, SSAValue
from xdsl.ir.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from xdsl.passes import ModulePass

from .contraction import (
    EPILOGUE_OPS,
    Contraction,
    Padded,
    analyze,
    first_iteration,
    last_iteration,
    padded_read,
    zero_padding,
)
from .locations import fused

#: A producer with at most this many body ops may be recomputed for broadcast reads.
CHEAP_BODY = 3


#: The analyses of this run of the pass, by op (None outside a run).
_ANALYSES: ContextVar[dict[Operation, Contraction | None] | None] = ContextVar(
    "fuse_elementwise_analyses", default=None)


def _analysis(op: Operation) -> Contraction | None:
    """`analyze(op)`, once per op in a run of the pass. The pass revisits every generic
    until nothing changes, and asks about each several times a visit; its rewrites make
    new ops and never change one, so an op's analysis holds for the whole run."""
    memo = _ANALYSES.get()
    if memo is None:
        return analyze(op)
    if op not in memo:
        memo[op] = analyze(op)
    return memo[op]


def _all_parallel(op: linalg.GenericOp) -> bool:
    return all("parallel" in str(it.data) for it in op.iterator_types.data)


def _injective(amap: AffineMap) -> bool:
    """Each result a distinct plain dimension, every dimension used: a permutation."""
    dims = [e.position for e in amap.results if isinstance(e, AffineDimExpr)]
    return len(dims) == len(amap.results) == amap.num_dims and len(set(dims)) == len(dims)


def _fusable(consumer: linalg.GenericOp, index: int) -> linalg.GenericOp | None:
    value = consumer.inputs[index]
    producer = value.owner
    if _analysis(consumer) is not None:
        return None  # a contraction reads its operands as they are (see module doc)
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


def _epilogue_of(consumer: linalg.GenericOp, index: int) -> linalg.GenericOp | None:
    """The contraction whose result `consumer` (element-wise) can take as its epilogue
    through input `index`, or None."""
    value = consumer.inputs[index]
    producer = value.owner
    if not isinstance(producer, linalg.GenericOp) or not value.has_one_use() or \
            _analysis(producer) is None or len(consumer.outputs) != 1:
        return None
    if not _all_parallel(consumer) or consumer.results[0].type != producer.results[0].type:
        return None
    block = consumer.body.blocks[0]
    if block.args[-1].uses:
        return None
    for op in block.ops:
        if isinstance(op, linalg.YieldOp):
            continue
        if isinstance(op, arith.ConstantOp) and isinstance(op.value, FloatAttr):
            continue
        if not isinstance(op, EPILOGUE_OPS):
            return None
    read = consumer.indexing_maps.data[index].data
    written = consumer.indexing_maps.data[-1].data
    if not _injective(read) or read != written:
        return None  # the sum must be read where the result is written
    return producer


def _without_constants(amap: AffineMap) -> AffineMap:
    """`amap` without its constant results (unit dimensions an op does not loop over)."""
    return AffineMap(amap.num_dims, 0, tuple(e for e in amap.results
                                             if not isinstance(e, AffineConstantExpr)))


def _through(read: AffineMap, p_out: AffineMap) -> AffineMap:
    """The map taking loops of an element-wise op that reads (or writes) the output of a
    contraction through `read` to the contraction's loops (`p_out`: its output map)."""
    to_producer: list[AffineExpr] = [AffineConstantExpr(0)] * read.num_dims
    for q, expr in enumerate(read.results):
        if isinstance(expr, AffineDimExpr):
            to_producer[expr.position] = p_out.results[q]
    return AffineMap(p_out.num_dims, 0, tuple(to_producer))


def _clone_into(block: Block, ops, mapping: dict[SSAValue, SSAValue]) -> None:
    for op in ops:
        new = op.clone(value_mapper=mapping)
        block.add_op(new)
        mapping.update(zip(op.results, new.results))


def _finish(block: Block, value: SSAValue, loc) -> None:
    y = linalg.YieldOp(value)
    y.location = loc
    block.add_op(y)


def _replace(old: list[linalg.GenericOp], result_of: linalg.GenericOp,
             merged: linalg.GenericOp) -> linalg.GenericOp | None:
    """Put `merged` in place of the ops in `old` (taking over `result_of`'s result), or
    drop it and return None when it is not a contraction the kernel generator takes."""
    if _analysis(merged) is None:
        merged.erase()
        return None
    result_of.parent.insert_op_before(merged, result_of)
    result_of.results[0].replace_all_uses_with(merged.results[0])
    inits = [o.outputs[0] for o in old]
    for op in old:
        op.detach()
        op.erase()
    for init in inits:
        if isinstance(init.owner, tensor.EmptyOp) and not init.uses:
            owner = init.owner
            owner.detach()
            owner.erase()
    return merged


def _fuse_epilogue(consumer: linalg.GenericOp, index: int, producer: linalg.GenericOp
                   ) -> linalg.GenericOp | None:
    """`producer` (a contraction) with `consumer`'s body as (more) epilogue; None, and
    nothing changed, if the result is not a contraction the kernel generator takes."""
    c = _analysis(producer)
    p_out = producer.indexing_maps.data[-1].data
    substitute = _through(consumer.indexing_maps.data[index].data, p_out)
    extras = [v for k, v in enumerate(consumer.inputs) if k != index]
    extra_maps = [m.data.compose(substitute)
                  for k, m in enumerate(consumer.indexing_maps.data[:len(consumer.inputs)])
                  if k != index]
    n_p = len(producer.inputs)
    p_block, c_block = producer.body.blocks[0], consumer.body.blocks[0]
    loc = fused(producer.location, consumer.location)
    block = Block(arg_types=[*[a.type for a in p_block.args[:n_p]],
                             *[v.type.element_type for v in extras], p_block.args[-1].type])
    for arg in block.args:
        arg.location = loc
    mapping: dict[SSAValue, SSAValue] = dict(zip(p_block.args[:n_p], block.args[:n_p]))
    mapping[p_block.args[-1]] = block.args[-1]
    final = p_block.last_op.operands[0].owner if c.epilogue is not None else None
    _clone_into(block, [o for o in p_block.ops
                        if not isinstance(o, linalg.YieldOp) and o is not final], mapping)
    total = mapping[c.sum]
    if final is None:
        cond = last_iteration(block, c.reductions, c.extents, loc)
        base = total
    else:
        cond, base = mapping[final.cond], mapping[c.epilogue.result]
    c_mapping: dict[SSAValue, SSAValue] = {c_block.args[index]: base}
    others = [a for k, a in enumerate(c_block.args[:len(consumer.inputs)]) if k != index]
    c_mapping.update(zip(others, block.args[n_p:n_p + len(extras)]))
    _clone_into(block, [o for o in c_block.ops if not isinstance(o, linalg.YieldOp)],
                c_mapping)
    result = c_mapping.get(c_block.last_op.operands[0], c_block.last_op.operands[0])
    select = arith.SelectOp(cond, result, total)
    select.location = loc
    block.add_op(select)
    _finish(block, select.result, loc)
    maps = [*producer.indexing_maps.data[:n_p], *[AffineMapAttr(m) for m in extra_maps],
            producer.indexing_maps.data[-1]]
    merged = linalg.GenericOp([*producer.inputs, *extras], list(producer.outputs),
                             Region(block), maps, list(producer.iterator_types.data),
                             [r.type for r in producer.results])
    merged.location = loc
    return _replace([consumer, producer], consumer, merged)


def _prologue_of(op: linalg.GenericOp) -> linalg.GenericOp | None:
    """The element-wise generic computing contraction `op`'s initial value, when the
    contraction can compute it itself (as its prologue)."""
    c = _analysis(op)
    if c is None or c.prologue is not None:
        return None
    init = op.outputs[0]
    producer = init.owner
    if not isinstance(producer, linalg.GenericOp) or len(producer.results) != 1 or \
            not init.has_one_use() or not _all_parallel(producer):
        return None
    block = producer.body.blocks[0]
    if block.args[-1].uses:
        return None
    for inner in block.ops:
        if isinstance(inner, linalg.YieldOp) or isinstance(inner, EPILOGUE_OPS) or \
                (isinstance(inner, arith.ConstantOp) and isinstance(inner.value, FloatAttr)):
            continue
        return None
    if not _injective(_without_constants(producer.indexing_maps.data[-1].data)):
        return None
    return producer


def _fuse_prologue(op: linalg.GenericOp, producer: linalg.GenericOp
                   ) -> linalg.GenericOp | None:
    """Contraction `op` computing its initial value itself (see module doc)."""
    c = _analysis(op)
    substitute = _through(producer.indexing_maps.data[-1].data, op.indexing_maps.data[-1].data)
    extras = list(producer.inputs)
    extra_maps = [m.data.compose(substitute)
                  for m in producer.indexing_maps.data[:len(producer.inputs)]]
    n = len(op.inputs)
    o_block, p_block = op.body.blocks[0], producer.body.blocks[0]
    loc = fused(op.location, producer.location)
    block = Block(arg_types=[*[a.type for a in o_block.args[:n]],
                             *[v.type.element_type for v in extras], o_block.args[-1].type])
    for arg in block.args:
        arg.location = loc
    first = first_iteration(block, c.reductions, loc)
    p_mapping: dict[SSAValue, SSAValue] = dict(zip(p_block.args[:len(extras)], block.args[n:-1]))
    _clone_into(block, [o for o in p_block.ops if not isinstance(o, linalg.YieldOp)],
                p_mapping)
    start = p_block.last_op.operands[0]
    select = arith.SelectOp(first, p_mapping.get(start, start), block.args[-1])
    select.location = loc
    block.add_op(select)
    mapping: dict[SSAValue, SSAValue] = dict(zip(o_block.args[:n], block.args[:n]))
    mapping[o_block.args[-1]] = select.result
    _clone_into(block, list(o_block.ops), mapping)
    init = producer.outputs[0]
    if not isinstance(init.owner, tensor.EmptyOp) or not init.has_one_use():
        empty = tensor.EmptyOp([], producer.results[0].type)
        empty.location = producer.location
        producer.parent.insert_op_before(empty, producer)
        init = empty.tensor
    maps = [*op.indexing_maps.data[:n], *[AffineMapAttr(m) for m in extra_maps],
            op.indexing_maps.data[-1]]
    merged = linalg.GenericOp([*op.inputs, *extras], [init], Region(block), maps,
                             list(op.iterator_types.data), [r.type for r in op.results])
    merged.location = loc
    return _replace([op, producer], op, merged)


def _padding_of(consumer: linalg.GenericOp, index: int) -> Padded | None:
    """The zero padding a contraction's product input `index` is, when the contraction
    can read the padded tensor's source itself (see module doc)."""
    value = consumer.inputs[index]
    producer = value.owner
    if not isinstance(producer, linalg.GenericOp) or not value.has_one_use():
        return None
    c = _analysis(consumer)
    if c is None or c.padded is not None or index not in (c.vec, c.bcast):
        return None
    return zero_padding(producer)


def _fuse_padding(consumer: linalg.GenericOp, index: int, padding: Padded
                  ) -> linalg.GenericOp | None:
    """`consumer` reading `padding`'s source through a guarded read instead of the
    padded copy; None, and nothing changed, if the kernel generator would not take it."""
    producer = consumer.inputs[index].owner
    read_map = consumer.indexing_maps.data[index].data
    exprs = padding.map.compose(read_map).results
    c_block = consumer.body.blocks[0]
    loc = fused(consumer.location, producer.location)
    keep = [k for k in range(len(consumer.inputs)) if k != index]
    block = Block(arg_types=[c_block.args[k].type for k in keep] + [c_block.args[-1].type])
    for arg in block.args:
        arg.location = loc
    value = padded_read(block, padding.source, exprs, set(padding.sizes), loc)
    mapping: dict[SSAValue, SSAValue] = {c_block.args[index]: value}
    mapping.update(zip([c_block.args[k] for k in keep], block.args[:len(keep)]))
    mapping[c_block.args[-1]] = block.args[-1]
    _clone_into(block, list(c_block.ops), mapping)
    maps = [consumer.indexing_maps.data[k] for k in keep] + [consumer.indexing_maps.data[-1]]
    merged = linalg.GenericOp([consumer.inputs[k] for k in keep], list(consumer.outputs),
                             Region(block), maps, list(consumer.iterator_types.data),
                             [r.type for r in consumer.results])
    merged.location = loc
    return _replace([consumer, producer], consumer, merged)


@dataclass(frozen=True)
class FuseElementwisePass(ModulePass):
    """Fuse element-wise producers into their single consumer (see module doc)."""

    name = "fuse-elementwise"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        token = _ANALYSES.set({})
        try:
            self._fuse_all(op)
        finally:
            _ANALYSES.reset(token)

    @staticmethod
    def _fuse_all(op: ModuleOp) -> None:
        changed = True
        while changed:
            changed = False
            for consumer in [o for o in op.walk() if isinstance(o, linalg.GenericOp)]:
                if consumer.parent is None:
                    continue
                producer = _prologue_of(consumer)
                if producer is not None and _fuse_prologue(consumer, producer) is not None:
                    changed = True
                    continue
                padded = next(((i, p) for i in range(len(consumer.inputs))
                               if (p := _padding_of(consumer, i)) is not None), None)
                if padded is not None and _fuse_padding(consumer, *padded) is not None:
                    changed = True
                    continue
                for index in range(len(consumer.inputs)):
                    producer = _fusable(consumer, index)
                    if producer is not None:
                        _fuse(consumer, index, producer)
                        changed = True
                        break
                    producer = _epilogue_of(consumer, index)
                    if producer is not None and \
                            _fuse_epilogue(consumer, index, producer) is not None:
                        changed = True
                        break

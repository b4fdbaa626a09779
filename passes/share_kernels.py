"""`share-kernels`: steps that do the same work on different buffers share one kernel.

A network repeats its layers: MobileNetV2 runs the same convolution shapes many times,
with other weights and other places in the arena. After `parallelize` each of those
layers is a step function whose body names its buffers directly (a view of the arena at
a constant byte offset, a weight global, a graph argument), so the bodies differ only in
those names and every copy would be lowered and compiled by LLVM again.

This pass runs right after `parallelize`, before any step's body grows into loops and
vector kernels (`vectorize-contractions` then generates each shared contraction once,
and packs the constant weights of each call; the generated kernels are ten times the
ops of the generics, so sharing first saves that work for every copy). It compares every
step's body with its buffers abstracted: the roots of the addresses it uses (a
`memref.get_global`, a `memref.view` of an argument at a constant offset, an argument
used directly) become parameters, numbered in order of first use and typed, and all else
(op names, properties, attributes, types, the use-def structure, regions and blocks) must
match exactly. Each group of two or more equal steps becomes

    func.func private @kernel_0(<one memref per root>, %begin: index, %end: index)
        attributes {webnn.shared_kernel}      // the body, once; located at every step
    func.func @step_7(<the graph's buffers>, %begin: index, %end: index) {
      %a = memref.view %arena[%c1024][] : ...   // this step's roots
      func.call @kernel_0(%a, ..., %begin, %end)
    }

so the step functions keep their contract with the runtime (`runtime/contract.py`) and
the kernel is lowered and compiled once. A kernel keeps its steps' `webnn.parallel_dim`,
so `bind-parallel-range` bounds its loop by its own range arguments (the steps' are now
used by the call, so it leaves them alone); `translate` marks it `noinline` so LLVM does not
copy it back into every caller. A step that is like no other is left as it is.

The kernel's pointer arguments are `noalias` like every step's (`convert-func-to-llvm`):
a step is shared only if its roots are pairwise disjoint (views of one argument at
non-overlapping byte ranges, distinct arguments, read-only globals). An argument is
marked `align 64` when it is aligned at every call site (the runtime's buffers, globals,
and views at offsets that are multiples of `ALIGNMENT`).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from xdsl.context import Context
from xdsl.dialects import arith, func, memref
from xdsl.dialects.builtin import (
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    IndexType,
    IntegerAttr,
    MemRefType,
    ModuleOp,
    UnitAttr,
    i64,
)
from xdsl.ir import Block, BlockArgument, Operation, Region, SSAValue
from xdsl.passes import ModulePass

from runtime.contract import ALIGNMENT, ARENA_ARG, OUTPUT_ARG, is_step

from .locations import fused
from .parallelize import PARALLEL_DIM_ATTR

#: Attribute of a kernel function that several steps call (`translate` makes it noinline).
SHARED_KERNEL_ATTR = "webnn.shared_kernel"
#: Kernel functions are named `kernel_0`, `kernel_1`, ...
KERNEL_PREFIX = "kernel_"


@dataclass
class _Body:
    """A step seen with its buffers abstracted: the structural key and the roots."""

    fn: func.FuncOp
    key: Hashable
    roots: list[SSAValue] = field(default_factory=list)
    #: root-defining ops (and offset constants only they use), which stay in the step
    skipped: set[Operation] = field(default_factory=set)


def _root_kind(value: SSAValue, entry: Block) -> str | None:
    """Whether `value` is the root of an address: 'arg', 'global', 'view' or None."""
    if isinstance(value, BlockArgument):
        if value.block is entry and isinstance(value.type, MemRefType):
            return "arg"
        return None
    owner = value.owner
    if isinstance(owner, memref.GetGlobalOp):
        return "global"
    if (isinstance(owner, memref.ViewOp) and not owner.sizes
            and isinstance(owner.source, BlockArgument) and owner.source.block is entry
            and isinstance(owner.byte_shift.owner, arith.ConstantOp)):
        return "view"
    return None


def _attrs_key(attrs: dict) -> tuple:
    return tuple(sorted(attrs.items(), key=lambda item: item[0]))


def _abstract(fn: func.FuncOp) -> _Body:
    """The step's structural key with its roots as numbered parameters."""
    entry = fn.body.blocks[0]
    body = _Body(fn, None)
    # Root-defining ops are the step's business, not the kernel's; so are the constant
    # offsets only they use.
    for op in fn.walk():
        if op is fn:
            continue
        if op.results and _root_kind(op.results[0], entry) in ("global", "view"):
            body.skipped.add(op)
    for op in list(body.skipped):
        for operand in op.operands:
            const = operand.owner
            if isinstance(const, arith.ConstantOp) and all(
                    use.operation in body.skipped for use in const.result.uses):
                body.skipped.add(const)
    numbers: dict[SSAValue, tuple] = {}
    begin, end = entry.args[-2], entry.args[-1]
    numbers[begin], numbers[end] = ("range", 0), ("range", 1)
    counter = [0]

    def number(value: SSAValue) -> tuple:
        known = numbers.get(value)
        if known is not None:
            return known
        if _root_kind(value, entry) is not None:
            # The type is part of the key: the kernel takes the first step's root types,
            # and a body whose loops run over its range arguments reads any shape alike.
            known = ("root", len(body.roots), value.type)
            body.roots.append(value)
        else:
            known = ("value", counter[0])
            counter[0] += 1
        numbers[value] = known
        return known

    def result(value: SSAValue) -> tuple:
        """A result defined here (not a root: root-defining ops are skipped)."""
        known = numbers.get(value)
        if known is None:  # not used before its definition (graph regions only)
            known = numbers[value] = ("value", counter[0])
            counter[0] += 1
        return known

    blocks: dict[Block, int] = {}

    def block_key(block: Block) -> tuple:
        # The entry block's arguments are the graph's buffers: roots by their uses.
        args = () if block is entry else tuple((number(a), a.type) for a in block.args)
        return (args, tuple(op_key(o) for o in block.ops if o not in body.skipped))

    def op_key(op: Operation) -> tuple:
        for region in op.regions:
            for block in region.blocks:
                blocks.setdefault(block, len(blocks))
        return (op.name, tuple(number(v) for v in op.operands),
                tuple((result(r), r.type) for r in op.results),
                _attrs_key(op.properties), _attrs_key(op.attributes),
                tuple(blocks.setdefault(s, len(blocks)) for s in op.successors),
                tuple(tuple(block_key(b) for b in region.blocks) for region in op.regions))

    body.key = (fn.attributes.get(PARALLEL_DIM_ATTR), tuple(a.type for a in entry.args[-2:]),
                block_key(entry))
    return body


#: Ops that may define a root (or its offset): left out of `_fingerprint`.
_ROOT_OPS = frozenset({"memref.get_global", "memref.view", "arith.constant"})


def _fingerprint(fn: func.FuncOp) -> tuple:
    """The names of a step's ops, roots aside: equal for steps `_abstract` finds equal."""
    return tuple(o.name for o in fn.walk() if o.name not in _ROOT_OPS)


def _extent(value: SSAValue, entry: Block, fn: func.FuncOp):
    """(base, first byte, end byte, aligned) of a root; end is None for a whole buffer."""
    kind = _root_kind(value, entry)
    if kind == "arg":
        attrs = fn.arg_attrs.data[value.index].data if fn.arg_attrs else {}
        return ("arg", value.index), 0, None, OUTPUT_ARG in attrs or ARENA_ARG in attrs
    owner = value.owner
    if kind == "global":
        return ("global", owner.name_.root_reference.data), 0, None, True
    source = owner.source
    attrs = fn.arg_attrs.data[source.index].data if fn.arg_attrs else {}
    offset = owner.byte_shift.owner.value.value.data
    size = _byte_size(value.type)
    aligned = (OUTPUT_ARG in attrs or ARENA_ARG in attrs) and offset % ALIGNMENT == 0
    return ("arg", source.index), offset, None if size is None else offset + size, aligned


def _byte_size(memref_type: MemRefType) -> int | None:
    width = getattr(memref_type.element_type, "bitwidth", None)
    if width is None or any(d < 0 for d in memref_type.get_shape()):
        return None
    count = 1
    for d in memref_type.get_shape():
        count *= d
    return count * ((width + 7) // 8)


def _disjoint(body: _Body) -> bool:
    """Whether no two roots may overlap, unless both are read-only globals."""
    entry = body.fn.body.blocks[0]
    spans = [_extent(v, entry, body.fn) for v in body.roots]
    for i, (base, lo, hi, _) in enumerate(spans):
        for other, olo, ohi, _ in spans[i + 1:]:
            if base != other or base[0] == "global" and base == other:
                continue
            if (hi is None or olo < hi) and (ohi is None or lo < ohi):
                return False
    return True


@dataclass(frozen=True)
class ShareKernelsPass(ModulePass):
    """Outline steps with equal bodies (up to their buffers) into one shared kernel."""

    name = "share-kernels"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        steps = [o for o in op.body.ops if isinstance(o, func.FuncOp) and o.body.blocks
                 and is_step(o.sym_name.data) and len(o.body.blocks) == 1]
        # A cheap first cut: only steps with the same ops (buffers aside) can be equal.
        rough: dict[tuple, list[func.FuncOp]] = {}
        for fn in steps:
            rough.setdefault(_fingerprint(fn), []).append(fn)
        groups: dict[Hashable, list[_Body]] = {}
        for similar in rough.values():
            if len(similar) < 2:
                continue
            for fn in similar:
                body = _abstract(fn)
                if _disjoint(body):
                    groups.setdefault(body.key, []).append(body)
        taken = {o.sym_name.data for o in op.body.ops if isinstance(o, func.FuncOp)}
        count = 0
        for members in groups.values():
            if len(members) < 2:
                continue
            while f"{KERNEL_PREFIX}{count}" in taken:
                count += 1
            name = f"{KERNEL_PREFIX}{count}"
            taken.add(name)
            kernel = _outline(members, name)
            op.body.block.insert_op_before(kernel, members[0].fn)


def _outline(members: list[_Body], name: str) -> func.FuncOp:
    """The shared kernel of `members` (made from the first's body); every member's body
    becomes a call of it."""
    first = members[0]
    types = [v.type for v in first.roots]
    where = fused(*(m.fn.location for m in members))
    kblock = Block(arg_types=[*types, IndexType(), IndexType()])
    for arg in kblock.args:
        arg.location = where
    kblock.args[-2].name_hint, kblock.args[-1].name_hint = "begin", "end"
    aligned = [all(_extent(m.roots[i], m.fn.body.blocks[0], m.fn)[3] for m in members)
               for i in range(len(types))]
    for m in members:
        calls = _call_ops(m, name)
        block = m.fn.body.blocks[0]
        if m is first:
            # Uses inside the body now read the kernel's arguments; the skipped root ops
            # (and the step's new body) keep reading the step's.
            keep = m.skipped | set(calls)

            def moved(use, keep=keep) -> bool:
                return use.operation not in keep
            for root, arg in zip(m.roots, kblock.args):
                root.replace_uses_with_if(arg, moved)
                arg.name_hint = None  # one step's buffer name would mislead the others
            for old, new in zip(block.args[-2:], kblock.args[-2:]):
                old.replace_uses_with_if(new, moved)
            for o in list(block.ops):
                o.detach()
                if o not in m.skipped:
                    kblock.add_op(o)
            _erase(m.skipped)
        else:
            _erase(list(block.ops))
        block.add_ops(calls)
    arg_attrs = [DictionaryAttr({"llvm.align": IntegerAttr(ALIGNMENT, i64)} if a else {})
                 for a in aligned]
    kernel = func.FuncOp(name, FunctionType.from_lists([*types, IndexType(), IndexType()], []),
                         Region(kblock), visibility="private",
                         arg_attrs=ArrayAttr([*arg_attrs, DictionaryAttr({}),
                                              DictionaryAttr({})]))
    kernel.attributes[SHARED_KERNEL_ATTR] = UnitAttr()
    if PARALLEL_DIM_ATTR in first.fn.attributes:  # for bind-parallel-range, which follows
        kernel.attributes[PARALLEL_DIM_ATTR] = first.fn.attributes[PARALLEL_DIM_ATTR]
    kernel.location = where
    return kernel


def _erase(ops) -> None:
    """Erase `ops` (detached or not), whatever still uses them: they are all dead."""
    for o in ops:
        if o.parent is not None:
            o.detach()
    for o in ops:
        o.erase(safe_erase=False)


def _call_ops(member: _Body, kernel: str) -> list[Operation]:
    """The new body of a step: its roots recomputed, the kernel's call, the return."""
    entry = member.fn.body.blocks[0]
    ops: list[Operation] = []
    mapping: dict[SSAValue, SSAValue] = {}
    operands = []
    loc = member.fn.location
    for root in member.roots:
        if isinstance(root, BlockArgument):
            operands.append(root)
            continue
        owner = root.owner
        for operand in owner.operands:
            if isinstance(operand.owner, arith.ConstantOp) and operand not in mapping:
                const = operand.owner.clone()
                const.location = loc
                ops.append(const)
                mapping[operand] = const.result
        clone = owner.clone(value_mapper=mapping)
        clone.location = loc
        ops.append(clone)
        operands.append(clone.results[0])
    call = func.CallOp(kernel, [*operands, entry.args[-2], entry.args[-1]], [])
    ret = func.ReturnOp()
    call.location = ret.location = loc
    return [*ops, call, ret]


__all__ = ["ShareKernelsPass", "SHARED_KERNEL_ATTR", "KERNEL_PREFIX"]

"""`build-spmd-entry`: the graph's multi-threaded entry, where every thread runs all steps.

After `convert-func-to-llvm` the graph function calls each step (`parallelize`) over its
full range. This pass moves that sequence into

    llvm.func @main_spmd(%args: !llvm.ptr, %tid: i64, %nthreads: i64, %sync: !llvm.ptr)

which every thread of a call runs (SPMD), with the graph's buffer pointers in the array
`%args` (inputs, outputs, arena: one signature for every graph, so one native worker loop
can run any of them). Following the schedule `parallelize` wrote on the steps:
* a split step runs on each thread's slice of its extent: units of `webnn.parallel_granule`
  iterations, thread t taking units [t * u / n, (t + 1) * u / n), so slices differ by at
  most one unit and never cut a granule;
* a step with `webnn.thread_slot = k` runs on thread k mod n only;
* a step marked `webnn.barrier` is preceded by `webnn_barrier(%sync, %nthreads)`
  (`passes/spmd.py`), which returns at once when the thread runs alone.

The graph function keeps its C signature `main(inputs..., outputs..., arena)` and becomes
`main_spmd` on one thread (tid 0 of 1), the single-threaded call. A step may be only
declared, with its schedule's attributes: `compile` lowers a large graph in parts
(`compiler.parts`) and the step is defined in another. Each step is compiled
once: steps defined here become internal (only `main_spmd` calls them) and are never inlined, nor is
`main_spmd` into `main`. Inlining would compile the graph twice over (once in each entry)
and make one function the size of the graph, where LLVM's time grows faster than
linearly; a call per step costs nanoseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import llvm
from xdsl.dialects.builtin import IntegerAttr, ModuleOp, UnitAttr, i64
from xdsl.passes import ModulePass

from runtime.contract import ARENA_SIZE_ATTR, PARALLEL_EXTENT_ATTR, SPMD_ENTRY, is_step

from .errors import PassError
from .parallelize import BARRIER_ATTR, PARALLEL_GRANULE_ATTR, THREAD_SLOT_ATTR
from .spmd import BARRIER_FN, PTR, Emitter, barrier_function, yield_declaration


def _int(fn: llvm.FuncOp, key: str, default: int | None = None) -> int | None:
    attr = fn.attributes.get(key)
    return attr.value.data if isinstance(attr, IntegerAttr) else default


@dataclass(frozen=True)
class BuildSPMDEntryPass(ModulePass):
    """Build `main_spmd` from the graph function's step calls; `main` calls it."""

    name = "build-spmd-entry"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        funcs = {f.sym_name.data: f for f in op.body.ops if isinstance(f, llvm.FuncOp)}
        graphs = [f for f in funcs.values() if ARENA_SIZE_ATTR in f.attributes]
        if not graphs:
            return
        if len(graphs) > 1 or SPMD_ENTRY in funcs:
            raise PassError([("error", "build-spmd-entry expects one graph function and "
                              f"no '{SPMD_ENTRY}'", graphs[-1].location)])
        graph = graphs[0]
        block = graph.body.blocks[0]
        calls = [o for o in block.ops if isinstance(o, llvm.CallOp)]
        steps = [funcs.get(c.callee.string_value()) for c in calls]
        ranges = [[_constant(v) for v in c.args[-2:]] for c in calls]
        others = [o for o in block.ops
                  if not isinstance(o, (llvm.CallOp, llvm.ConstantOp, llvm.ReturnOp))]
        # A step may be declared only: compiled in another part (`compiler.parts`).
        if len(graph.body.blocks) != 1 or others or any(
                s is None or not s.body.blocks and not is_step(s.sym_name.data)
                for s in steps):
            raise PassError([("error", "build-spmd-entry expects a graph function that only "
                              "calls steps", graph.location)])
        nargs = len(block.args)
        entry = _entry(graph, list(zip(steps, ranges)), nargs)
        barriers = any(BARRIER_ATTR in s.attributes for s in steps)
        module_ops = [entry] + ([barrier_function(graph.location),
                                 yield_declaration(graph.location)] if barriers else [])
        for new in module_ops:
            op.body.block.insert_op_before(new, graph)
        for step in steps:
            if step.body.blocks:  # not a step compiled in another part (`compiler.parts`)
                step.linkage = llvm.LinkageAttr("internal")
            step.no_inline = UnitAttr()
        _wrap(graph, nargs)


def _constant(value) -> int | None:
    owner = value.owner
    if isinstance(owner, llvm.ConstantOp) and isinstance(owner.value, IntegerAttr):
        return owner.value.value.data
    return None


def _entry(graph: llvm.FuncOp, steps: list[tuple[llvm.FuncOp, list]], nargs: int
           ) -> llvm.FuncOp:
    fn = Emitter.function(SPMD_ENTRY, [PTR, i64, i64, PTR], no_inline=True)
    e = Emitter(fn, graph.location)
    args, tid, n, sync = e.args
    for arg, name in zip(e.args, ("args", "tid", "nthreads", "sync")):
        arg.name_hint = name
    buffers = [e.load(e.op(llvm.GEPOp(args, [i], PTR)), PTR) for i in range(nargs)]
    for step, (first, last) in steps:
        e.location = step.location
        if BARRIER_ATTR in step.attributes:
            e.call(BARRIER_FN, sync, n)
        run, after = e.new_block(), e.new_block()
        extent = _int(step, PARALLEL_EXTENT_ATTR)
        if extent is not None:
            granule = _int(step, PARALLEL_GRANULE_ATTR, 1)
            units = -(-extent // granule)

            def bound(t):
                start = e.binary(llvm.UDivOp, e.binary(llvm.MulOp, t, e.const(units)), n)
                if granule > 1:
                    start = e.binary(llvm.MulOp, start, e.const(granule))
                full = e.const(extent)
                return e.select(e.icmp("ult", start, full), start, full)
            begin = bound(tid)
            end = bound(e.binary(llvm.AddOp, tid, e.const(1)))
            e.cond_br(e.icmp("ult", begin, end), run, [], after, [])
        else:
            if first is None or last is None:
                raise PassError([("error", "a step not split must be called over a constant "
                                  "range", step.location)])
            owner = e.binary(llvm.URemOp, e.const(_int(step, THREAD_SLOT_ATTR, 0)), n)
            mine = e.icmp("eq", owner, tid)
            begin, end = e.const(first), e.const(last)
            e.cond_br(mine, run, [], after, [])
        e.at(run)
        e.call(step.sym_name.data, *buffers, begin, end)
        e.br(after)
        e.at(after)
    e.location = graph.location
    e.ret()
    return fn


def _wrap(graph: llvm.FuncOp, nargs: int) -> None:
    """The graph function's body becomes `main_spmd(&its arguments, 0, 1, null)`."""
    block = graph.body.blocks[0]
    for o in reversed(list(block.ops)):
        o.detach()
        o.erase()
    e = Emitter(graph, graph.location)
    array = e.op(llvm.AllocaOp(e.const(nargs), PTR, alignment=8))
    for i, arg in enumerate(block.args):
        e.store(arg, e.op(llvm.GEPOp(array, [i], PTR)))
    null = e.op(llvm.ZeroOp.build(result_types=[PTR]))
    e.call(SPMD_ENTRY, array, e.const(0), e.const(1), null)
    e.ret()

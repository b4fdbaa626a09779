"""A graph's functions dealt into modules ("parts") that finish lowering one by one.

After `share-kernels` every function of a graph is final in its shape: the graph
function calls steps, a step may call a shared kernel, and nothing else crosses
functions (`vectorize-contractions` packs a kernel's constant operands at the calls of
that kernel, which are in the kernel's part). `compile` (`pipeline._kernel`) then deals the functions
into parts and takes each through the remaining stages and translation on its own, so
that LLVM compiles the first parts on other cores while Python lowers the next
(`runtime.jit.Compilation`): for MobileNetV2 that hides LLVM's second of work behind
the passes instead of waiting for it at the end.

A kernel goes into the part of the steps that call it, so it stays internal to one LLVM
module; the graph function goes into the first part, with a declaration of each step it
calls (carrying the step's attributes, which `build-spmd-entry` reads); each part takes
a copy of the constant globals its functions read. The parts' object files are loaded
into one engine, which links the graph function's calls to the steps.
"""

from __future__ import annotations

from xdsl.dialects import func, memref
from xdsl.dialects.builtin import ModuleOp
from xdsl.ir import Block, Operation, Region

from runtime.contract import ARENA_SIZE_ATTR


def split(module: ModuleOp, count: int) -> list[ModuleOp]:
    """`module`'s functions dealt into at most `count` new modules (`module` is left
    empty of functions): balanced by op count, largest first to the lightest part."""
    funcs = [o for o in module.body.ops if isinstance(o, func.FuncOp)]
    globals_ = {o.sym_name.data: o for o in module.body.ops if isinstance(o, memref.GlobalOp)}
    graph = next((f for f in funcs if ARENA_SIZE_ATTR in f.attributes), None)
    callees, sizes = {}, {}
    for fn in funcs:
        ops = list(fn.walk())
        sizes[fn.sym_name.data] = len(ops)
        callees[fn.sym_name.data] = [o for o in ops if isinstance(o, func.CallOp)]
    # Units: a kernel with every step that calls it (union-find); the graph alone.
    unit = {name: name for name in sizes}

    def root(name: str) -> str:
        while unit[name] != name:
            unit[name] = unit[unit[name]]
            name = unit[name]
        return name
    for fn in funcs:
        if fn is graph:
            continue
        for call in callees[fn.sym_name.data]:
            callee = call.callee.root_reference.data
            if callee in unit:
                unit[root(callee)] = root(fn.sym_name.data)
    units: dict[str, list[func.FuncOp]] = {}
    for fn in funcs:
        units.setdefault(root(fn.sym_name.data), []).append(fn)
    count = max(1, min(count, len(units)))
    parts = [_empty_like(module) for _ in range(count)]
    load = [0] * count
    # The graph's unit first, into the first part; the others largest first.
    order = sorted(units.values(), key=lambda u: (graph not in u,
                                                  -sum(sizes[f.sym_name.data] for f in u)))
    for members in order:
        i = 0 if graph in members else load.index(min(load))
        for fn in members:
            fn.detach()
            parts[i].body.block.add_op(fn)
            load[i] += sizes[fn.sym_name.data]
    if graph is not None:
        _declare_steps(graph, parts[0], {f.sym_name.data: f for f in funcs})
    for part in parts:
        _copy_globals(part, globals_)
    return [p for p in parts if any(isinstance(o, func.FuncOp) for o in p.body.ops)]


def _empty_like(module: ModuleOp) -> ModuleOp:
    part = ModuleOp(Region(Block()))
    for key, value in module.attributes.items():
        part.attributes[key] = value
    part.location = module.location
    return part


def _declare_steps(graph: func.FuncOp, part: ModuleOp, funcs: dict[str, func.FuncOp]) -> None:
    """A declaration, in the graph's part, of every function the graph calls that lives
    in another part, with its type, argument attributes and attributes."""
    here = {o.sym_name.data for o in part.body.ops if isinstance(o, func.FuncOp)}
    declared = set()
    for call in [o for o in graph.walk() if isinstance(o, func.CallOp)]:
        name = call.callee.root_reference.data
        if name in here or name in declared or name not in funcs:
            continue
        step = funcs[name]
        decl = func.FuncOp(name, step.function_type, Region(), visibility="private",
                           arg_attrs=step.arg_attrs)
        for key, value in step.attributes.items():
            decl.attributes[key] = value
        decl.location = step.location
        part.body.block.insert_op_before(decl, graph)
        declared.add(name)


def _copy_globals(part: ModuleOp, globals_: dict[str, memref.GlobalOp]) -> None:
    """Copies of the globals the part reads (the data is shared: attributes are
    immutable), ahead of its functions."""
    names = {o.name_.root_reference.data for o in part.walk()
             if isinstance(o, memref.GetGlobalOp)}
    first: Operation | None = part.body.block.first_op
    for name in sorted(names):
        if name in globals_:
            copy = globals_[name].clone()
            if first is None:
                part.body.block.add_op(copy)
            else:
                part.body.block.insert_op_before(copy, first)


__all__ = ["split"]

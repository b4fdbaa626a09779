"""Steps that do the same work on other buffers share one kernel (`share-kernels`).

A graph of repeated blocks (the same convolutions and element-wise ops with other
weights, reading and writing other places of the arena, the first block reading a graph
input and the last writing a graph output) must compile each distinct body once, and
compute what the reference executor computes, on one thread (the graph function calls
the steps) and on two (the runtime calls the steps' slices).
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from compiler import pipeline
from compiler.caching import cache_key
from compiler.interpret import interpret
from compiler.parts import split
from compiler.pipeline import lower, to_llvm_ir
from passes.parallelize import PARALLEL_DIM_ATTR
from passes.share_kernels import KERNEL_PREFIX, SHARED_KERNEL_ATTR
from runtime.cache import CACHE_DIR_ENV, CACHE_ENV, Cache
from runtime.contract import is_step

RNG = np.random.default_rng(9)
BLOCKS = 4


def _graph():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 8, 9, 11])
    y = x
    for _ in range(BLOCKS):
        w = g.constant(RNG.uniform(-0.3, 0.3, (8, 8, 3, 3)).astype(np.float32))
        b = g.constant(RNG.uniform(-0.1, 0.1, (8,)).astype(np.float32))
        z = g.relu(g.conv2d(y, w, bias=b, padding=[1, 1, 1, 1]))
        scale = g.constant(RNG.uniform(0.5, 1.5, (1, 8, 1, 1)).astype(np.float32))
        y = g.add(g.mul(z, scale), y)            # residual: reads the block's input too
    return g.build({"y": y}), {"x": RNG.uniform(-1, 1, (1, 8, 9, 11)).astype(np.float32)}


MODULE, FEEDS = _graph()


def _lowered(until: str = "share-kernels"):
    work = MODULE.op.clone()
    lower(work, until=until)
    return work


def test_repeated_blocks_share_their_kernels():
    work = _lowered()
    funcs = {o.sym_name.data: o for o in work.body.ops if o.name == "func.func"}
    kernels = [name for name in funcs if name.startswith(KERNEL_PREFIX)]
    steps = [name for name in funcs if is_step(name)]
    calls = {name: [o.callee.root_reference.data for o in funcs[name].walk()
                    if o.name == "func.call"] for name in steps}
    assert kernels, "no kernel was shared"
    assert all(SHARED_KERNEL_ATTR in funcs[k].attributes for k in kernels)
    # Every kernel has several callers, and the blocks after the first are all calls.
    callers = {k: [s for s in steps if calls[s] == [k]] for k in kernels}
    assert all(len(c) >= 2 for c in callers.values()), callers
    shared = sum(len(c) for c in callers.values())
    assert len(steps) - shared + len(kernels) < len(steps) * 0.6, (steps, callers)


def test_shared_kernels_are_noinline_in_llvm_ir():
    text = to_llvm_ir(_lowered("reconcile-unrealized-casts")).text
    kernels = [line for line in text.splitlines()
               if line.startswith("define") and f'@"{KERNEL_PREFIX}' in line]
    assert kernels and all("internal" in k and "noinline" in k for k in kernels)


@pytest.mark.parametrize("threads", [1, 2])
def test_shared_kernels_match_the_reference(threads):
    want = interpret(MODULE, FEEDS)["y"]
    got = compiler.compile(MODULE, threads=threads)(**FEEDS)["y"]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)


def test_a_shared_element_wise_kernel_runs_over_its_slice():
    """Element-wise steps are shared before their loops exist; `bind-parallel-range` then
    bounds the kernel's parallel loop by the kernel's own range arguments. (The graph is
    large enough for `parallelize` to split its steps: a smaller one runs each step whole,
    on a thread of its own.)"""
    g = compiler.GraphBuilder()
    a, b = g.input("a", "float32", [256, 2048]), g.input("b", "float32", [256, 2048])
    module = g.build({"y": g.sigmoid(a), "z": g.sigmoid(b)})
    work = module.op.clone()
    lower(work, until="bind-parallel-range")
    kernels = [o for o in work.body.ops if o.name == "func.func"
               and o.sym_name.data.startswith(KERNEL_PREFIX)]
    assert len(kernels) == 1 and PARALLEL_DIM_ATTR in kernels[0].attributes
    begin = kernels[0].body.blocks[0].args[-2]
    loops = [o for o in kernels[0].walk() if o.name == "scf.for"]
    assert any(loop.operands[0] is begin for loop in loops)
    feeds = {"a": RNG.uniform(-3, 3, (256, 2048)).astype(np.float32),
             "b": RNG.uniform(-3, 3, (256, 2048)).astype(np.float32)}
    got = compiler.compile(module, threads=2)(**feeds)
    np.testing.assert_allclose(got["y"], 1 / (1 + np.exp(-feeds["a"])), rtol=1e-5)
    np.testing.assert_allclose(got["z"], 1 / (1 + np.exp(-feeds["b"])), rtol=1e-5)


def test_a_graph_dealt_into_parts_keeps_kernels_with_their_steps():
    """After `share-kernels` a graph's functions are dealt into parts that finish
    lowering one by one (`compiler.parts`): every function lands in exactly one part, a
    kernel in the part of every step that calls it, the graph function in the first with
    a declaration (and the attributes) of each step it calls from another part, and each
    part with the globals its functions read."""
    work = _lowered(pipeline.SPLIT_AFTER)
    steps = {o.sym_name.data: o for o in work.body.ops if o.name == "func.func"}
    attrs = {name: dict(fn.attributes) for name, fn in steps.items()}
    parts = split(work, 3)  # two units: the graph function, and the kernel with its steps
    assert len(parts) == 2
    defined = [{o.sym_name.data: o for o in p.body.ops
                if o.name == "func.func" and o.body.blocks} for p in parts]
    assert sorted(n for d in defined for n in d) == sorted(steps)
    home = {name: i for i, d in enumerate(defined) for name in d}
    for i, d in enumerate(defined):
        for fn in d.values():
            for call in [o for o in fn.walk() if o.name == "func.call"]:
                callee = call.callee.root_reference.data
                if callee.startswith(KERNEL_PREFIX):
                    assert home[callee] == i, (fn.sym_name.data, callee)
        reads = {o.name_.root_reference.data for o in parts[i].walk()
                 if o.name == "memref.get_global"}
        held = {o.sym_name.data for o in parts[i].body.ops if o.name == "memref.global"}
        assert reads <= held
    declared = {o.sym_name.data: o for o in parts[0].body.ops
                if o.name == "func.func" and not o.body.blocks}
    assert declared and all(home[name] != 0 for name in declared)
    assert all(dict(o.attributes) == attrs[name] for name, o in declared.items())


@pytest.mark.parametrize("threads", [1, 2])
def test_a_graph_compiled_in_parts_matches_the_reference_and_caches(threads, monkeypatch,
                                                                      tmp_path):
    """The parts' object files are loaded into one engine, stored in one cache entry and
    loaded from it again."""
    monkeypatch.setattr(pipeline, "PART_OPS", 50)
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    want = interpret(MODULE, FEEDS)["y"]
    fresh = compiler.compile(MODULE, threads=threads)
    entry = Cache(tmp_path).load(cache_key(MODULE))
    assert entry is not None and entry.facts["objects"] > 1
    cached = compiler.compile(MODULE, threads=threads)
    assert set(cached.stats) == {"cache-load"}
    for exe in (fresh, cached):
        np.testing.assert_allclose(exe(**FEEDS)["y"], want, rtol=1e-5, atol=1e-5)

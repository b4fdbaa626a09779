"""LLVM compiles the parts of a large graph on threads of its own (`runtime.jit.Compilation`).

Each part is parsed into an LLVM context of its own and compiled with its own target
machine, on threads exempt from llvmlite's process-wide lock: the object code must be
exactly what compiling the same part alone gives, and every other thread must still take
the lock.
"""

from __future__ import annotations

import threading

import numpy as np

import compiler
from compiler import pipeline
from compiler.parts import split
from compiler.pipeline import lower, to_llvm_ir
from runtime import jit

RNG = np.random.default_rng(5)


def _graph():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 8, 12, 12])
    y = x
    for i in range(6):
        w = g.constant(RNG.uniform(-0.3, 0.3, (8 + i, y.shape[1], 3, 3)).astype(np.float32))
        y = g.relu(g.conv2d(y, w, padding=[1, 1, 1, 1]))
    return g.build({"y": y})


def _parts(count: int) -> list[str]:
    """The LLVM IR of the graph's parts (`compiler.parts`), as `compile` makes them."""
    work = _graph().op.clone()
    lower(work, until=pipeline.SPLIT_AFTER)
    texts = []
    for part in split(work, count):
        lower(part, after=pipeline.SPLIT_AFTER)
        texts.append(to_llvm_ir(part).text)
    return texts


def test_parts_compiled_on_threads_are_what_each_compiles_to_alone():
    texts = _parts(4)
    assert len(texts) == 4
    with jit.Compilation() as compilation:
        for text in texts:
            compilation.submit(text)
        together = compilation.result()
    alone = [jit.compile_object(text).objects[0] for text in texts]
    assert list(together.objects) == alone


def test_only_the_compiling_threads_are_exempt_from_the_lock():
    from llvmlite.binding import ffi

    jit._init()
    assert jit._EXEMPT is not None, "llvmlite's lock is not where the pinned llvmlite keeps it"
    texts = _parts(2)
    with ffi.lib._lock:  # this thread holds llvmlite's lock throughout
        got = []
        other = threading.Thread(target=lambda: got.append(ffi.lib._lock._lock.acquire(
            timeout=0.2)))
        other.start()
        other.join()
        assert got == [False]  # any other thread still waits for the lock
        objects = []

        def compile_parts():
            with jit.Compilation() as compilation:
                for text in texts:
                    compilation.submit(text)
                objects.extend(compilation.result().objects)
        done = threading.Thread(target=compile_parts, daemon=True)
        done.start()
        done.join(timeout=120)  # the compiling threads do not wait for the lock
        assert not done.is_alive() and len(objects) == 2
    assert not getattr(jit._EXEMPT.local, "exempt", False)


def test_a_graph_compiled_in_parts_on_threads_computes_what_it_does_in_one(monkeypatch):
    module = _graph()
    x = RNG.uniform(-1, 1, (1, 8, 12, 12)).astype(np.float32)
    one = compiler.compile(module, cache=False)(x=x)["y"]
    monkeypatch.setattr(pipeline, "PART_OPS", 40)
    exe = compiler.compile(module, cache=False)
    assert exe.stats["llvm-wait"] >= 0 and "llvm-opt" in exe.stats
    np.testing.assert_array_equal(exe(x=x)["y"], one)

"""Threads: SPMD calls give threads=1's results, the worker pool parks, stops and survives
fork, executables can be freed, small graphs never dispatch, `threads` is validated."""

import gc
import os
import signal
import threading
import time
import weakref

import numpy as np
import pytest

import compiler
from compiler.pipeline import thread_pool
from compiler.translate import translate
from passes.spmd import support_module
from runtime import executable, workers
from runtime.contract import IDLE

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "examples")


def many_steps():
    """A graph of ~30 steps: element-wise chains, reductions (init + accumulate), matrix
    products, a transpose, convolution, pooling, concat and slice, softmax, odd extents."""
    rng = np.random.default_rng(7)
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [37, 53])
    w = g.input("w", "float32", [53, 29])
    img = g.input("img", "float32", [2, 3, 17, 19])
    f = g.constant(rng.standard_normal((8, 3, 3, 3)).astype(np.float32))
    a = g.relu(g.add(x, g.mul(x, x)))
    m = g.matmul(a, w)
    s = g.softmax(m, 1)
    t = g.transpose(s)
    r = g.reduceSum(t, axes=[0])
    c = g.conv2d(img, f, padding=[1, 1, 1, 1])
    p = g.maxPool2d(g.sigmoid(c), windowDimensions=[2, 2], strides=[2, 2])
    cat = g.concat([x, a], 0)
    sl = g.slice(cat, [3, 2], [40, 30])
    module = g.build({"m": m, "s": s, "t": t, "r": r, "c": c, "p": p, "sl": sl,
                      "mean": g.reduceMean(c, axes=[0, 2, 3]), "e": g.exp(g.neg(sl))})
    feeds = {"x": rng.standard_normal((37, 53)).astype(np.float32),
             "w": rng.standard_normal((53, 29)).astype(np.float32),
             "img": rng.standard_normal((2, 3, 17, 19)).astype(np.float32)}
    return module, feeds


@pytest.mark.parametrize("threads", [2, 3, 4])
def test_many_steps_give_the_single_thread_results(split_everything, teams, threads):
    module, feeds = many_steps()
    expected = compiler.compile(module, threads=1)(**feeds)
    exe = compiler.compile(module, threads=threads)
    assert exe._kernel.parallel
    for _ in range(5):
        got = exe(**feeds)
        assert list(got) == list(expected)
        for name in expected:
            np.testing.assert_array_equal(got[name], expected[name], err_msg=name)
    # The calls ran on the whole team (a worker that parks at the very moment it is
    # claimed sits one call out).
    assert max(teams) == threads


def test_single_thread_results_match_the_reference(split_everything):
    from compiler.interpret import interpret
    module, feeds = many_steps()
    got = compiler.compile(module, threads=1)(**feeds)
    want = interpret(module, feeds)
    for name in want:
        np.testing.assert_allclose(got[name], want[name], rtol=1e-4, atol=1e-5, err_msg=name)


def test_concurrent_calls_of_a_threaded_executable(split_everything, teams):
    module, feeds = many_steps()
    exe = compiler.compile(module, threads=2)
    rng = np.random.default_rng(11)
    cases = [{k: (v + rng.standard_normal(v.shape)).astype(np.float32)
              for k, v in feeds.items()} for _ in range(6)]
    single = compiler.compile(module, threads=1)
    expected = [single(**c) for c in cases]
    results = [None] * len(cases)

    def work(i):
        for _ in range(15):
            results[i] = exe(**cases[i])
    pool = [threading.Thread(target=work, args=(i,)) for i in range(len(cases))]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    for got, want in zip(results, expected):
        for name in want:
            np.testing.assert_array_equal(got[name], want[name], err_msg=name)
    assert len(teams) == 15 * len(cases)


def _until(condition, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def test_idle_workers_park_and_freed_executables_are_released(split_everything):
    module, feeds = many_steps()
    expected = compiler.compile(module, threads=1)(**feeds)
    pool = thread_pool()
    pool.configure(spin=1000, yields=10)
    try:
        exe = compiler.compile(module, threads=3)
        exe(**feeds)
        assert pool.workers >= 2
        machine = weakref.ref(exe._kernel.machine)
        del exe
        gc.collect()
        assert machine() is None  # no worker keeps a graph's code alive
        assert _until(lambda: pool.parked() == pool.workers)
        # Parked workers wake up for the next call.
        again = compiler.compile(module, threads=3)
        for name, value in again(**feeds).items():
            np.testing.assert_array_equal(value, expected[name])
    finally:
        pool.configure(spin=workers.SPIN, yields=workers.YIELDS)


def test_shutdown_joins_the_workers_and_the_pool_starts_again(split_everything):
    module, feeds = many_steps()
    exe = compiler.compile(module, threads=3)
    expected = exe(**feeds)
    pool = thread_pool()
    pool.shutdown()
    assert pool.workers == 0
    assert not [t for t in threading.enumerate() if t.name.startswith("webnn-worker")]
    for name, value in exe(**feeds).items():
        np.testing.assert_array_equal(value, expected[name])
    assert pool.workers == 2


def test_a_forked_child_runs_threaded_calls(split_everything):
    module, feeds = many_steps()
    exe = compiler.compile(module, threads=2)
    expected = exe(**feeds)
    pid = os.fork()
    if pid == 0:  # the child: the parent's workers do not exist here
        status = 1
        try:
            signal.alarm(60)
            got = exe(**feeds)
            status = 0 if all(np.array_equal(got[k], expected[k]) for k in expected) else 3
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def test_small_graphs_run_on_the_calling_thread_only():
    exe = compiler.compile(os.path.join(EXAMPLES, "classifier.mlir"), threads=4)
    assert not exe._kernel.parallel


def test_large_graphs_split():
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 32, 64, 64])
    w = g.constant(np.ones((32, 32, 3, 3), np.float32))
    exe = compiler.compile(g.build({"y": g.relu(g.conv2d(x, w, padding=[1, 1, 1, 1]))}),
                           threads=2)
    assert exe._kernel.parallel


@pytest.mark.parametrize("triple, hint", [
    ("x86_64-unknown-linux-gnu", "llvm.x86.sse2.pause"),
    ("aarch64-unknown-linux-gnu", "llvm.aarch64.hint"),
    ("riscv64-unknown-linux-gnu", None),
])
def test_spin_hint_is_the_targets_instruction(triple, hint):
    text = translate(support_module(), triple).text
    hints = ("llvm.x86.sse2.pause", "llvm.aarch64.hint")
    assert [h for h in hints if h in text] == ([hint] if hint else [])
    assert "cmpxchg" in text and "load atomic" in text


def test_workers_that_do_not_answer_are_left_out(split_everything, teams, monkeypatch):
    module, feeds = many_steps()
    exe = compiler.compile(module, threads=3)
    expected = exe(**feeds)
    pool = thread_pool()
    layout = pool._layout
    pool.shutdown()
    # Idle-looking slots with no thread behind them: workers the OS never schedules.
    monkeypatch.setattr(pool, "_grow", lambda n: pool._state.__setitem__(layout.slots, n))
    monkeypatch.setattr(pool, "patience", 2000)
    try:
        got = exe(**feeds)
        assert teams[-1] == 1  # the caller alone, after a bounded wait
        assert [pool._state[layout.slot(k)] for k in (1, 2)] == [IDLE, IDLE]  # withdrawn
        for name in expected:
            np.testing.assert_array_equal(got[name], expected[name], err_msg=name)
    finally:
        monkeypatch.undo()
        pool.shutdown()


def test_calls_run_the_way_that_was_faster_and_probe_the_other(split_everything,
                                                                monkeypatch, teams):
    monkeypatch.setattr(executable, "ADAPTIVE", True)
    module, feeds = many_steps()
    kernel = compiler.compile(module, threads=2)._kernel
    args = [feeds[i.name] for i in kernel.inputs]

    def ways(calls, single=None, multi=None):
        """For each of `calls` calls: did it use the pool, given these past times?"""
        used = []
        for _ in range(calls):
            if single is not None:
                kernel._single, kernel._multi = single, multi
            before = len(teams)
            kernel(args)
            used.append(len(teams) > before)
        return used
    # The first calls alternate, PROBE_CALLS at a time: threads, alone, threads, alone.
    n = executable.PROBE_CALLS
    assert ways(executable.WARMUP) == ([True] * n + [False] * n) * (executable.WARMUP // (2 * n))

    def probes():
        return [(kernel._calls + 1 + i) % executable.PROBE < n
                for i in range(2 * executable.PROBE)]
    # Then the faster way, except PROBE_CALLS calls in every PROBE.
    expected = probes()
    assert ways(2 * executable.PROBE, single=1.0, multi=2.0) == expected
    expected = probes()
    assert ways(2 * executable.PROBE, single=2.0, multi=1.0) == [not p for p in expected]


def test_only_the_second_call_of_a_probe_is_timed(split_everything, monkeypatch):
    # The first call on the pool after calls alone pays for waking its workers; timing
    # it kept a kernel on one thread for good once it had run alone for a while.
    monkeypatch.setattr(executable, "ADAPTIVE", True)
    module, feeds = many_steps()
    kernel = compiler.compile(module, threads=2)._kernel
    args = [feeds[i.name] for i in kernel.inputs]
    for _ in range(executable.WARMUP):
        kernel(args)
    assert kernel._single is not None and kernel._multi is not None
    kernel._single, kernel._multi = 1.0, 5.0  # alone is faster: the next calls run alone
    while kernel._calls % executable.PROBE != executable.PROBE - 1:
        kernel(args)
    assert kernel._multi == 5.0  # calls alone leave the pool's time as it was
    kernel(args)  # the probe's first call, on the pool: not timed
    assert kernel._multi == 5.0
    kernel(args)  # its second: timed, and far faster than 5 s
    assert kernel._multi < 5.0


def test_call_times_take_a_faster_call_at_once_and_a_slower_one_gradually():
    assert executable._smooth(None, 3.0) == 3.0
    assert executable._smooth(2.0, 1.0) == 1.0
    assert executable._smooth(2.0, 4.0) == 2.0 + executable.SMOOTHING * 2.0

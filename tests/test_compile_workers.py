"""Compile workers (`compiler.compile_workers`): parts lowered in forked processes come back
whole, and whatever a worker fails to deliver is lowered by the compiling process.

The fake lowerings below record the process that ran them, so each test can tell a part
a worker lowered from one lowered here.
"""

import os
import sys
import time

import numpy as np
import pytest

from compiler import compile_workers
from compiler.compile_workers import Lowered, lower_parts, worker_count

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="compile workers fork, on Linux only")


def _run(count: int, n_workers: int, lower) -> dict[int, Lowered]:
    results: dict[int, Lowered] = {}

    def done(index: int, lowered: Lowered) -> None:
        assert index not in results, f"part {index} delivered twice"
        results[index] = lowered
    lower_parts(count, n_workers, lower, done)
    assert sorted(results) == list(range(count))
    return results


def _lowering(tmp_path, workers_to_wait_for: int = 1, in_worker=None):
    """A fake lowering recording who lowered each part. No part is done before
    this process and `workers_to_wait_for` workers have taken a part each (so each test knows the workers
    took part, however the machine schedules them); `in_worker(index)` is what a worker
    does first."""
    marks = tmp_path / "taken"
    marks.mkdir()

    def lower(index: int, worker: bool) -> Lowered:
        (marks / f"{os.getpid()}-{index}").touch()
        if worker and in_worker is not None:
            in_worker(index)
        # Every process waits, so that none takes every part before the others start.
        deadline = time.monotonic() + 20
        while (len({m.name.split("-")[0] for m in marks.iterdir()}) < workers_to_wait_for + 1
               and time.monotonic() < deadline):
            time.sleep(0.01)
        return Lowered(f"part {index} pid {os.getpid()} worker {worker}",
                       {f"c{index}": np.arange(index + 1, dtype=np.float32)},
                       {"translate": 0.5})
    return lower


def _pid(result: Lowered) -> str:
    return result.text.split(" pid ")[1].split()[0]


def test_workers_lower_parts_and_send_them_back(tmp_path):
    results = _run(5, 1, _lowering(tmp_path))
    here = {i for i, r in results.items() if _pid(r) == str(os.getpid())}
    assert here and len(here) < 5
    for i, r in results.items():
        assert r.text.endswith(f"worker {i not in here}")
        np.testing.assert_array_equal(r.constants[f"c{i}"], np.arange(i + 1))
        assert r.timings == {"translate": 0.5}


def test_two_workers_and_this_process_share_the_parts(tmp_path):
    results = _run(7, 2, _lowering(tmp_path, workers_to_wait_for=2))
    assert len({_pid(r) for r in results.values()}) == 3


def test_a_part_a_worker_fails_is_lowered_here(tmp_path):
    def fail(index: int):
        raise RuntimeError("a stage crashed")
    results = _run(4, 1, _lowering(tmp_path, in_worker=fail))
    assert all(r.text.endswith("worker False") for r in results.values())
    assert len({m.name.split("-")[0] for m in (tmp_path / "taken").iterdir()}) == 2, \
        "the worker took no part"


def test_a_worker_that_dies_leaves_its_parts_to_this_process(tmp_path):
    def die(index: int):
        os._exit(3)  # killed before sending anything
    results = _run(4, 1, _lowering(tmp_path, in_worker=die))
    assert all(r.text.endswith("worker False") for r in results.values())


def test_a_silent_worker_is_given_up(monkeypatch, tmp_path):
    monkeypatch.setattr(compile_workers, "MIN_PATIENCE", 0.5)
    monkeypatch.setattr(compile_workers, "PATIENCE", 1.0)

    def hang(index: int):
        time.sleep(60)  # hung: the parent must not wait for it
    start = time.monotonic()
    results = _run(3, 1, _lowering(tmp_path, in_worker=hang))
    assert time.monotonic() - start < 15
    assert all(r.text.endswith("worker False") for r in results.values())


def test_worker_count_follows_the_setting_and_the_parts(monkeypatch):
    monkeypatch.setenv(compile_workers.WORKERS_ENV, "3")
    assert worker_count(1) == 0  # nothing to share
    assert worker_count(2) == 1  # one part for this process, one for a worker
    assert worker_count(8) == 3
    monkeypatch.setenv(compile_workers.WORKERS_ENV, "0")
    assert worker_count(8) == 0
    monkeypatch.setenv(compile_workers.WORKERS_ENV, "many")
    assert worker_count(8) == 0  # a malformed setting means none, not a failure


def _blocks():
    """Four residual conv blocks: with small parts, a graph of several parts."""
    import compiler

    rng = np.random.default_rng(5)
    g = compiler.GraphBuilder()
    x = g.input("x", "float32", [1, 8, 9, 11])
    y = x
    for _ in range(4):
        w = g.constant(rng.uniform(-0.3, 0.3, (8, 8, 3, 3)).astype(np.float32))
        y = g.add(g.relu(g.conv2d(y, w, padding=[1, 1, 1, 1])), y)
    return g.build({"y": y}), {"x": rng.uniform(-1, 1, (1, 8, 9, 11)).astype(np.float32)}


def test_a_graph_compiles_to_the_same_code_with_and_without_workers(monkeypatch, tmp_path):
    """The parts' object files (as the cache stores them, in part order) and the results
    do not depend on which process lowered which part; with a worker, it lowered some."""
    import compiler
    from compiler import pipeline
    from compiler.caching import cache_key
    from compiler.interpret import interpret
    from runtime.cache import CACHE_DIR_ENV, CACHE_ENV, Cache

    graph, feeds = _blocks()
    monkeypatch.setattr(pipeline, "PART_OPS", 50)
    monkeypatch.delenv(CACHE_ENV, raising=False)
    translate = pipeline.to_llvm_ir
    record = tmp_path / "translated-by"

    def recording(module, **options):
        with open(record, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        deadline = time.monotonic() + 20
        while (os.environ[compile_workers.WORKERS_ENV] == "1" and time.monotonic() < deadline
               and len(set(record.read_text().split())) < 2):
            time.sleep(0.01)  # this process waits for the worker to take its part
        return translate(module, **options)
    monkeypatch.setattr(pipeline, "to_llvm_ir", recording)
    blobs, pids = [], []
    for setting in ("0", "1"):
        monkeypatch.setenv(compile_workers.WORKERS_ENV, setting)
        monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path / setting))
        record.write_text("")
        exe = compiler.compile(graph)
        np.testing.assert_allclose(exe(**feeds)["y"], interpret(graph, feeds)["y"],
                                   rtol=1e-5, atol=1e-5)
        blobs.append(Cache(tmp_path / setting).load(cache_key(graph)).blobs)
        pids.append(record.read_text().split())
    assert len(pids[0]) >= 2 and set(pids[0]) == {str(os.getpid())}
    assert len(pids[1]) == len(pids[0]) and len(set(pids[1])) == 2
    assert blobs[0] == blobs[1]


def test_a_weight_two_parts_pack_is_one_symbol(monkeypatch):
    """Two convolutions of other shapes read one (large, so external) weight: dealt into
    parts before `vectorize-contractions`, each part packs its own copy, under the same
    name for the same layout, and both read the right data."""
    import compiler
    from compiler import pipeline
    from compiler.interpret import interpret
    from compiler.parts import split

    rng = np.random.default_rng(6)
    g = compiler.GraphBuilder()
    a = g.input("a", "float32", [1, 16, 9, 11])
    b = g.input("b", "float32", [1, 16, 5, 6])
    w = g.constant(rng.uniform(-0.3, 0.3, (16, 16, 3, 3)).astype(np.float32))
    graph = g.build({"y": g.conv2d(a, w, padding=[1, 1, 1, 1]),
                     "z": g.conv2d(b, w, padding=[1, 1, 1, 1])})
    feeds = {"a": rng.uniform(-1, 1, (1, 16, 9, 11)).astype(np.float32),
             "b": rng.uniform(-1, 1, (1, 16, 5, 6)).astype(np.float32)}
    monkeypatch.setattr(pipeline, "PART_OPS", 1)
    work = graph.op.clone()
    pipeline.lower(work, until=pipeline.SPLIT_AFTER)
    assert len(split(work, 3)) == 3  # the graph, and each convolution alone
    want = interpret(graph, feeds)
    for setting in ("0", "1"):
        monkeypatch.setenv(compile_workers.WORKERS_ENV, setting)
        got = compiler.compile(graph, cache=False)(**feeds)
        for name in want:
            np.testing.assert_allclose(got[name], want[name], rtol=1e-5, atol=1e-5)

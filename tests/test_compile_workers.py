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

from compiler import compile_workers as workers
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


def _by_pid(index: int, in_worker: bool) -> Lowered:
    return Lowered(f"part {index} pid {os.getpid()} worker {in_worker}",
                   {f"c{index}": np.arange(index + 1, dtype=np.float32)},
                   {"translate": 0.5})


def test_workers_lower_their_share_and_send_it_back():
    results = _run(5, 1, _by_pid)
    here = f"pid {os.getpid()} worker False"
    assert [i for i, r in results.items() if here in r.text] == [0, 2, 4]
    for i in (1, 3):
        assert "worker True" in results[i].text and here not in results[i].text
        np.testing.assert_array_equal(results[i].constants[f"c{i}"], np.arange(i + 1))
        assert results[i].timings == {"translate": 0.5}


def test_two_workers_deal_the_parts_round_robin():
    results = _run(7, 2, _by_pid)
    pids = {i: r.text.split(" pid ")[1].split()[0] for i, r in results.items()}
    assert {pids[i] for i in (0, 3, 6)} == {str(os.getpid())}
    assert len({pids[1], pids[4], pids[2], pids[5]}) == 2
    assert pids[1] == pids[4] and pids[2] == pids[5] != pids[1]


def test_a_part_a_worker_fails_is_lowered_here():
    def lower(index: int, in_worker: bool) -> Lowered:
        if in_worker and index == 1:
            raise RuntimeError("a stage crashed")
        return _by_pid(index, in_worker)
    results = _run(4, 1, lower)
    assert "worker False" in results[1].text and "worker True" in results[3].text


def test_a_worker_that_dies_leaves_its_parts_to_this_process():
    def lower(index: int, in_worker: bool) -> Lowered:
        if in_worker:
            os._exit(3)  # killed before sending anything
        return _by_pid(index, in_worker)
    results = _run(4, 1, lower)
    assert all("worker False" in r.text for r in results.values())


def test_a_silent_worker_is_given_up(monkeypatch):
    monkeypatch.setattr(workers, "MIN_PATIENCE", 0.5)
    monkeypatch.setattr(workers, "PATIENCE", 1.0)

    def lower(index: int, in_worker: bool) -> Lowered:
        if in_worker:
            time.sleep(60)  # hung: the parent must not wait for it
        return _by_pid(index, in_worker)
    start = time.monotonic()
    results = _run(2, 1, lower)
    assert time.monotonic() - start < 10
    assert "worker False" in results[1].text


def test_worker_count_follows_the_setting_and_the_parts(monkeypatch):
    monkeypatch.setenv(workers.WORKERS_ENV, "3")
    assert worker_count(1) == 0  # nothing to share
    assert worker_count(2) == 1  # one part for this process, one for a worker
    assert worker_count(8) == 3
    monkeypatch.setenv(workers.WORKERS_ENV, "0")
    assert worker_count(8) == 0
    monkeypatch.setenv(workers.WORKERS_ENV, "many")
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
        return translate(module, **options)
    monkeypatch.setattr(pipeline, "to_llvm_ir", recording)
    blobs, pids = [], []
    for setting in ("0", "1"):
        monkeypatch.setenv(workers.WORKERS_ENV, setting)
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
        monkeypatch.setenv(workers.WORKERS_ENV, setting)
        got = compiler.compile(graph, cache=False)(**feeds)
        for name in want:
            np.testing.assert_allclose(got[name], want[name], rtol=1e-5, atol=1e-5)

"""The on-disk cache of compiled code (`runtime.cache`, keyed by `compiler.caching`).

A second compile of a graph loads the code the first stored (counted, not timed) and
computes exactly what a fresh compile computes; an entry that is corrupt, truncated,
stored under another key or of another layout is ignored and replaced; the switches
(`compile(cache=...)`, `WEBNN_CACHE`) are honoured; anything the code depends on (the
graph, its weights files, the vector target; with debug info, the op locations) is part
of the key. Every test uses its own cache folder.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

import compiler
import passes.target
from compiler.caching import cache_key
from runtime import cache
from runtime.cache import CACHE_DIR_ENV, CACHE_ENV, Cache, Entry

GRAPH = """
builtin.module attributes {webnn.version = 2} {
  func.func @main(%x: tensor<2x40xf32> {webnn.name = "x"})
      -> (tensor<2x40xf32> {webnn.name = "y"}) {
    %w = webnn.constant dense<%s> : tensor<40xf32>
    %0 = webnn.mul %x, %w : (tensor<2x40xf32>, tensor<40xf32>) -> tensor<2x40xf32>
    %1 = webnn.sigmoid %0 : (tensor<2x40xf32>) -> tensor<2x40xf32>
    func.return %1 : tensor<2x40xf32>
  }
}
"""
X = np.random.default_rng(3).uniform(-4, 4, (2, 40)).astype(np.float32)


def graph(scale: float = 1.5) -> str:
    return GRAPH.replace("%s", repr(scale))


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_DIR_ENV, str(tmp_path))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    return tmp_path


def entries(folder) -> list:
    return sorted(p.name for p in folder.iterdir())


def run(src, **options) -> np.ndarray:
    return compiler.compile(src, **options)(x=X)["y"]


def delta(before) -> dict:
    return {k: cache.counts[k] - before.get(k, 0) for k in ("hits", "misses", "rejected",
                                                          "stored")}


def test_second_compile_hits_and_computes_the_same(folder):
    fresh = run(graph(), cache=False)
    before = dict(cache.counts)
    first = run(graph())
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 0, "stored": 1}
    before = dict(cache.counts)
    exe = compiler.compile(graph())
    assert delta(before) == {"hits": 1, "misses": 0, "rejected": 0, "stored": 0}
    assert set(exe.stats) == {"cache-load"}  # no pass ran
    second = exe(x=X)["y"]
    assert np.array_equal(first, fresh) and np.array_equal(second, fresh)
    assert len(entries(folder)) == 1 and not any(n.startswith(".tmp") for n in entries(folder))


def test_an_other_graph_is_an_other_entry(folder):
    run(graph(1.5))
    before = dict(cache.counts)
    got = run(graph(2.5))
    assert delta(before)["misses"] == 1 and len(entries(folder)) == 2
    np.testing.assert_allclose(got, 1 / (1 + np.exp(-X * 2.5)), rtol=1e-6)


def test_a_large_constant_is_in_the_key_by_its_bytes():
    """A constant of more than `DIGEST_BYTES` is hashed, not printed, into the key: one
    element changed is an other key."""
    from compiler.caching import DIGEST_BYTES

    w = np.random.default_rng(4).uniform(-1, 1, (1000,)).astype(np.float32)
    assert w.nbytes > DIGEST_BYTES
    keys = set()
    for last in (0.25, 0.5):
        w[-1] = last
        g = compiler.GraphBuilder()
        keys.add(cache_key(g.build({"y": g.mul(g.input("x", "float32", [2, 1000]),
                                               g.constant(w.copy()))})))
    assert len(keys) == 2


def _only_entry(folder):
    (path,) = folder.iterdir()
    return path


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage"])
def test_a_corrupt_entry_is_recompiled_and_replaced(folder, damage):
    want = run(graph())
    path = _only_entry(folder)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x40
    elif damage == "truncate":
        data = data[:len(data) - 100]
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(os.urandom(len(data)))
    path.write_bytes(bytes(data))
    before = dict(cache.counts)
    assert np.array_equal(run(graph()), want)
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 1, "stored": 1}
    before = dict(cache.counts)
    assert np.array_equal(run(graph()), want)  # replaced by a good entry
    assert delta(before)["hits"] == 1


def test_an_entry_of_an_other_key_is_ignored(folder):
    other = run(graph(2.5))
    path = _only_entry(folder)
    key = cache_key(compiler.parse(graph(1.5)))
    # A whole, intact entry, renamed to where graph(1.5) looks: its header names 2.5's key.
    path.rename(Cache(folder).path(key))
    before = dict(cache.counts)
    got = run(graph(1.5))
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 1, "stored": 1}
    assert not np.array_equal(got, other)
    np.testing.assert_allclose(got, 1 / (1 + np.exp(-X * 1.5)), rtol=1e-6)


def test_an_entry_of_an_other_layout_is_ignored(folder):
    """Intact and under the right key, but without what the compiler needs."""
    key = cache_key(compiler.parse(graph()))
    Cache(folder).store(key, Entry({"entry": "main"}, {"object": b"\x7fELF"}))
    before = dict(cache.counts)
    np.testing.assert_allclose(run(graph()), 1 / (1 + np.exp(-X * 1.5)), rtol=1e-6)
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 1, "stored": 1}


def test_the_switches_are_honoured(folder, monkeypatch):
    before = dict(cache.counts)
    run(graph(), cache=False)
    assert entries(folder) == [] and delta(before) == dict.fromkeys(delta(before), 0)
    monkeypatch.setenv(CACHE_ENV, "0")
    run(graph())
    assert entries(folder) == [] and delta(before) == dict.fromkeys(delta(before), 0)
    run(graph(), cache=True)  # the argument wins over the environment
    assert len(entries(folder)) == 1 and delta(before)["stored"] == 1
    before = dict(cache.counts)
    assert "convert-webnn-to-linalg" in compiler.compile(graph(), cache=True,
                                                         verify_each=True).stats
    assert delta(before)["hits"] == 0  # verifying every stage means running them
    with pytest.raises(TypeError, match="cache must be True, False or None"):
        compiler.compile(graph(), cache="yes")


def test_an_unwritable_folder_only_costs_compile_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_DIR_ENV, str(blocker / "cache"))
    monkeypatch.delenv(CACHE_ENV, raising=False)
    before = dict(cache.counts)
    np.testing.assert_allclose(run(graph()), 1 / (1 + np.exp(-X * 1.5)), rtol=1e-6)
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 0, "stored": 0}


def test_the_vector_target_is_part_of_the_key(folder, monkeypatch):
    keys = set()
    for name in passes.target.TARGETS:
        monkeypatch.setattr(passes.target, "host_target",
                            lambda name=name: passes.target.TARGETS[name])
        keys.add(cache_key(compiler.parse(graph())))
    assert len(keys) == len(passes.target.TARGETS)


def test_debug_info_and_with_it_the_locations_are_part_of_the_key(folder):
    here, lower = compiler.parse(graph()), compiler.parse("\n" + graph())  # a line lower
    assert cache_key(here) == cache_key(lower)  # the code without debug info is the same
    assert cache_key(here, debug_info=True) != cache_key(lower, debug_info=True)
    assert cache_key(here, debug_info=True) != cache_key(here)
    plain = run(graph())
    before = dict(cache.counts)
    debug = run(graph(), debug_info=True)  # not the plain code from the cache
    assert delta(before) == {"hits": 0, "misses": 1, "rejected": 0, "stored": 1}
    before = dict(cache.counts)
    again = run(graph(), debug_info=True)
    assert delta(before) == {"hits": 1, "misses": 0, "rejected": 0, "stored": 0}
    assert np.array_equal(plain, debug) and np.array_equal(plain, again)


def test_weights_files_are_part_of_the_key(folder, tmp_path):
    ir = tmp_path / "g.mlir"
    ir.write_text(GRAPH.replace('dense<%s>', 'file("w.npz", "w")'))
    np.savez(tmp_path / "w.npz", w=np.full(40, 1.5, np.float32))
    first = run(ir)
    np.savez(tmp_path / "w.npz", w=np.full(40, -0.5, np.float32))
    before = dict(cache.counts)
    second = run(ir)
    assert delta(before)["misses"] == 1
    np.testing.assert_allclose(first, 1 / (1 + np.exp(-X * 1.5)), rtol=1e-6)
    np.testing.assert_allclose(second, 1 / (1 + np.exp(X * 0.5)), rtol=1e-6)
    (tmp_path / "w.npz").unlink()
    assert cache_key(compiler.parse(ir)) is None  # no key: compiles and reports the error
    with pytest.raises(compiler.CompileError, match="w.npz"):
        compiler.compile(ir)


def test_the_default_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_DIR_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.default_dir() == tmp_path / "webnn-mlir"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.default_dir() == tmp_path / ".cache" / "webnn-mlir"

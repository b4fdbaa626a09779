"""Transposes (`vectorize-transposes`) against NumPy, on shapes that hit every edge of
a tile: extents under, at and over the lanes, primes, a dimension of 1, batches,
permutations of three and four dimensions, on one thread and split on two and three
(slices that cut tiles), for each vector target's lanes (16, 8 and 4). A transpose is
a copy, so the results must be exact. Each case also checks that the tiled path was
taken, so it cannot pass by falling back to the loops."""

from __future__ import annotations

import numpy as np
import pytest

import compiler
import passes.target
from compiler.pipeline import lower
from passes.target import TARGETS
from passes.vectorize_transposes import analyze, transpose_rounds
from xdsl.dialects import vector
from xdsl.dialects.linalg import ops as linalg

RNG = np.random.default_rng(20261207)

#: (input shape, permutation)
CASES = [
    ((1, 32, 56, 56), (0, 2, 3, 1)),   # NCHW -> NHWC, whole tiles
    ((1, 56, 56, 32), (0, 3, 1, 2)),   # NHWC -> NCHW
    ((1, 3, 23, 29), (0, 2, 3, 1)),    # 3 channels: one partial tile of rows
    ((2, 17, 5, 7), (0, 2, 3, 1)),     # batch 2, every extent odd
    ((1, 7, 5, 40), (0, 3, 1, 2)),
    ((37, 53), (1, 0)),
    ((16, 16), (1, 0)),
    ((1, 100), (1, 0)),                # a dimension of 1: a copy, left alone
    ((5, 19, 33), (2, 1, 0)),
    ((3, 18, 31, 2), (3, 2, 1, 0)),
    ((45, 3), (1, 0)),                 # split along the output's rows: tails at run time
]


def _graph():
    g = compiler.GraphBuilder()
    feeds, outputs = {}, {}
    for i, (shape, perm) in enumerate(CASES):
        feeds[f"x{i}"] = RNG.uniform(-1, 1, shape).astype(np.float32)
        outputs[f"y{i}"] = g.transpose(g.input(f"x{i}", "float32", list(shape)),
                                       permutation=list(perm))
    return g.build(outputs), feeds


MODULE, FEEDS = _graph()


@pytest.fixture(params=["avx512", "avx2", "neon"])
def target(request, monkeypatch):
    chosen = TARGETS[request.param]
    monkeypatch.setattr(passes.target, "host_target", lambda: chosen)
    return chosen


def _check(got, label):
    for i, (shape, perm) in enumerate(CASES):
        np.testing.assert_array_equal(got[f"y{i}"], FEEDS[f"x{i}"].transpose(perm),
                                      err_msg=f"{shape} {perm} on {label}")


def test_transposes_match_numpy(target):
    _check(compiler.compile(MODULE, threads=1, cache=False)(**FEEDS), target.name)


@pytest.mark.parametrize("threads", [2, 3])
def test_split_transposes_match_numpy(target, split_everything, teams, threads):
    """Split across threads: slices cut tiles, so tile edges are known at run time only
    (the last case is split along the output's contiguous dimension)."""
    got = compiler.compile(MODULE, threads=threads, cache=False)(**FEEDS)
    assert teams == [threads]
    _check(got, f"{target.name}, {threads} threads")


def test_the_tiled_path_is_taken():
    """Every transpose but the one of a dimension of 1 (a plain copy) is tiled: no copy
    generic is left, and the tiles' shuffles are there."""
    work = MODULE.op.clone()
    lower(work, until="vectorize-contractions")
    copies = [o for o in work.walk() if isinstance(o, linalg.GenericOp)]
    assert sum(1 for o in copies if analyze(o) is not None) == len(CASES) - 1
    lower(work, after="vectorize-contractions", until="vectorize-transposes")
    assert [o for o in work.walk() if isinstance(o, linalg.GenericOp)
            and analyze(o) is not None] == []
    assert any(isinstance(o, vector.ShuffleOp) for o in work.walk())


@pytest.mark.parametrize("lanes", [4, 8, 16])
def test_the_shuffle_rounds_transpose(lanes):
    """The shuffle network alone, on NumPy: row c ends up holding column c."""
    rows = [np.arange(lanes) + lanes * r for r in range(lanes)]
    for pairs in transpose_rounds(lanes):
        new = list(rows)
        for lo, hi, low, high in pairs:
            both = np.concatenate([rows[lo], rows[hi]])
            new[lo], new[hi] = both[low], both[high]
        rows = new
    np.testing.assert_array_equal(np.array(rows), np.arange(lanes * lanes).reshape(
        lanes, lanes).T)

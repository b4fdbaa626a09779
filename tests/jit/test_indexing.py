"""JIT vs the numpy reference for gather*/scatter*, where WPT has no data.

Indices are runtime data, so every case feeds indices the shape rules cannot check:
negative ones (counting from the end), ones past either end (clamped), and the extremes
of each index type, which must neither crash nor read or write out of bounds. Scatters
also get duplicate indices (the last update in row-major order wins, as in the
reference), inputs that are intermediates (updated in place) and inputs that are still
needed afterwards (must not be clobbered).
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate
from tests.jit.against_reference import check, random

INDEX_TYPES = ("int32", "uint32", "int64")


def wild_indices(shape, dtype, dim, seed):
    """Indices over [-3 dim, 3 dim] (wrapped into uint32), with the type's extremes."""
    rng = np.random.default_rng(seed)
    values = rng.integers(-3 * dim, 3 * dim, shape, endpoint=True)
    flat = values.reshape(-1)
    info = np.iinfo(dtype)
    extremes = [info.min, info.max, -1, dim, -dim, -dim - 1]
    flat[:len(extremes)] = extremes[:flat.size]
    if dtype == "uint32":
        return (values % 2**32).astype(np.uint32)
    return values.astype(dtype)


@pytest.mark.parametrize("itype", INDEX_TYPES)
def test_gather_clamps_every_index(itype):
    x = random((5, 4, 3), "float32", seed=1)
    cases = []
    for axis in range(3):
        n = x.shape[axis]
        cases.append(("gather", {"input": x, "indices": wild_indices((2, 4), itype, n, axis)},
                      {"axis": axis}))
        cases.append(("gather", {"input": x, "indices": wild_indices((7,), itype, n, 10 + axis)},
                      {"axis": axis}))
    cases.append(("gather", {"input": x, "indices": np.array(-2, itype) if itype != "uint32"
                             else np.array(7, itype)}, {"axis": 1}))
    check(cases)


@pytest.mark.parametrize("itype", INDEX_TYPES)
def test_gather_elements_and_nd_clamp(itype):
    x = random((4, 5, 3), "int8", seed=2)
    cases = [("gatherElements",
              {"input": x, "indices": wild_indices(shape, itype, x.shape[axis], axis)},
              {"axis": axis})
             for axis, shape in [(0, (6, 5, 3)), (1, (4, 2, 3)), (2, (4, 5, 7))]]
    for k, lead in [(1, (3,)), (2, (2, 3)), (3, (4,))]:
        ids = np.stack([wild_indices(lead, itype, x.shape[j], 20 + j) for j in range(k)], -1)
        cases.append(("gatherND", {"input": x, "indices": ids}, {}))
    check(cases)


def test_gather_other_data_types():
    cases = []
    for i, dtype in enumerate(("float16", "int64", "uint64", "uint8")):
        x = random((6, 2), dtype, seed=30 + i)
        cases.append(("gather", {"input": x, "indices": wild_indices((3, 2), "int64", 6, i)}, {}))
    check(cases)


@pytest.mark.parametrize("itype", INDEX_TYPES)
def test_scatter_elements(itype):
    x = random((4, 5, 3), "float32", seed=3)
    cases = []
    for axis, shape in [(0, (2, 5, 3)), (1, (4, 3, 3)), (2, (4, 5, 2)), (0, (7, 5, 3))]:
        ids = wild_indices(shape, itype, x.shape[axis], seed=40 + axis)
        cases.append(("scatterElements", {"input": x, "indices": ids,
                                          "updates": random(shape, "float32", seed=50 + axis)},
                      {"axis": axis}))
    check(cases)


@pytest.mark.parametrize("itype", INDEX_TYPES)
def test_scatter_nd(itype):
    x = random((5, 4, 3), "int32", seed=4)
    cases = []
    for k, lead in [(1, (3,)), (1, (9,)), (2, (2, 3)), (3, (6,)), (2, (1,))]:
        ids = np.stack([wild_indices(lead, itype, x.shape[j], 60 + j) for j in range(k)], -1)
        updates = random(lead + x.shape[k:], "int32", seed=70 + k)
        cases.append(("scatterND", {"input": x, "indices": ids, "updates": updates}, {}))
    check(cases)


def test_scatter_nd_in_range_rows_like_a_kv_cache():
    x = random((2, 8, 4), "float16", seed=5)
    ids = np.array([[0, 3], [1, 7], [0, 3]], np.int64)  # a duplicate: the last one wins
    check([("scatterND", {"input": x, "indices": ids,
                          "updates": random((3, 4), "float16", seed=6)}, {})])


def test_scatter_updates_intermediates_without_clobbering_inputs():
    # s1 scatters into an intermediate that a later op still reads, s2 into the graph
    # input `x`, which a later op reads too: both must see the original values.
    x = random((4, 3), "float32", seed=7)
    ids = np.array([[1], [3]], np.int32)
    upd = random((2, 3), "float32", seed=8)
    g = compiler.GraphBuilder()
    xi, ii, ui = (g.input("x", "float32", (4, 3)), g.input("i", "int32", (2, 1)),
                  g.input("u", "float32", (2, 3)))
    doubled = g.add(xi, xi)
    s1 = g.scatterND(doubled, ii, ui)
    s2 = g.scatterElements(xi, g.expand(g.cast(ii, "int64"), [2, 3]), ui, axis=0)
    after = g.neg(xi)
    in_place = g.scatterND(g.mul(xi, xi), ii, ui)  # its input's only use: updated in place
    got = compiler.compile(g.build({"s1": s1, "s2": s2, "after": after, "twice": g.sub(doubled, xi),
                                    "in_place": in_place}))(x=x, i=ids, u=upd)
    np.testing.assert_array_equal(
        got["s1"], evaluate("scatterND", {"input": x + x, "indices": ids, "updates": upd})[0])
    np.testing.assert_array_equal(
        got["s2"], evaluate("scatterElements", {"input": x, "indices": np.repeat(ids, 3, 1),
                                                "updates": upd}, {"axis": 0})[0])
    np.testing.assert_array_equal(got["after"], -x)
    np.testing.assert_array_equal(got["twice"], x + x - x)
    np.testing.assert_array_equal(
        got["in_place"], evaluate("scatterND", {"input": x * x, "indices": ids, "updates": upd})[0])


def test_scatter_into_a_view_of_a_value_still_needed():
    # The scatter's input is a reshape (a view) of `r`, which a later op reads: the
    # scatter must write a copy, never `r`'s buffer.
    x = random((2, 6), "float32", seed=9)
    g = compiler.GraphBuilder()
    xi = g.input("x", "float32", (2, 6))
    r = g.relu(xi)
    s = g.scatterND(g.reshape(r, [4, 3]), g.constant(np.array([[0], [3]], np.int32)),
                    g.constant(np.full((2, 3), -7.0, np.float32)))
    later = g.neg(r)
    got = compiler.compile(g.build({"s": s, "later": later}))(x=x)
    want = np.maximum(x, 0).reshape(4, 3).copy()
    want[[0, 3]] = -7.0
    np.testing.assert_array_equal(got["s"], want)
    np.testing.assert_array_equal(got["later"], -np.maximum(x, 0))


def test_large_enough_to_run_on_several_threads():
    # Big steps are split across threads by an outer parallel dimension; the scatters'
    # reductions and the data-dependent reads must stay correct when they are.
    x = random((96, 128), "float32", seed=10)
    rows = wild_indices((40, 128), "int32", 96, seed=11)
    updates = random((40, 128), "float32", seed=12)
    tuples = wild_indices((50, 1), "int64", 96, seed=13)
    check([("gather", {"input": x, "indices": wild_indices((200,), "int64", 96, 14)}, {}),
           ("scatterElements", {"input": x, "indices": rows, "updates": updates}, {}),
           ("scatterND", {"input": x, "indices": tuples,
                          "updates": random((50, 128), "float32", seed=15)}, {})])

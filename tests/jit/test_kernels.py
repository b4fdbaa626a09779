"""Vector kernels (`vectorize-contractions`) against the reference executor, on shapes
that hit every edge of a register block.

Matrix products and convolutions with sizes of 1, primes and odd sizes (partial row
blocks, masked last columns, single reduction steps), constant operands (packed at
compile time) and run-time ones (packed per call when their rows alias in the cache), strides (deinterleaved vectors, their last lanes
masked), dilations, groups, depthwise (NCHW: rows share a filter scalar; NHWC: channel
vectors, rows share a filter vector), padding on one side, both layouts, and fused prologues (bias, gemm's `C`) and epilogues (relu, clamp,
residual add). Every case runs on one thread, and split on two and three (slices of
whole register blocks, the last one ragged) with the same bits as on one, and for each
vector target's block shapes (16, 8 and 4 lanes run
on any x86 CPU with AVX-512; the narrower ones are what AVX2 and NEON machines get).
Each test also checks that the kernel path was taken where it should be, so it cannot
pass by falling back to the scalar loops.
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
import passes.target
from passes import convert_to_nhwc, vectorize_contractions
from compiler.interpret import interpret
from compiler.pipeline import lower
from passes.contraction import analyze
from passes.parallelize import PARALLEL_DIM_ATTR, PARALLEL_GRANULE_ATTR
from passes.target import TARGETS
from runtime.contract import PARALLEL_EXTENT_ATTR
from xdsl.dialects import func, scf
from xdsl.dialects.linalg import ops as linalg

RNG = np.random.default_rng(20240611)


def _data(*shape: int) -> np.ndarray:
    return RNG.uniform(-1.0, 1.0, shape).astype(np.float32)


def _matmul_cases(g, feeds):
    """(name, value, terms in each sum, kernel expected) for matrix products."""
    out = []
    for i, (m, k, n) in enumerate([(1, 7, 5), (37, 29, 53), (31, 17, 16), (2, 3, 97),
                                   (61, 64, 33), (5, 1, 4), (29, 5, 200)]):
        a, b = f"mm{i}_a", f"mm{i}_b"
        feeds[a], feeds[b] = _data(m, k), _data(k, n)
        out.append((f"mm{i}", g.matmul(g.input(a, "float32", [m, k]),
                                       g.input(b, "float32", [k, n])), k, True))
    feeds["bmm_a"], feeds["bmm_b"] = _data(2, 3, 13, 11), _data(3, 11, 19)
    out.append(("bmm", g.matmul(g.input("bmm_a", "float32", [2, 3, 13, 11]),
                                g.input("bmm_b", "float32", [3, 11, 19])), 11, True))
    # gemm: C as the prologue, alpha and beta, transposes, constant operands.
    feeds["gm_a"], feeds["gm_c"] = _data(23, 19), _data(23, 37)
    gm_a = g.input("gm_a", "float32", [23, 19])
    gm_b = g.constant(_data(19, 37))
    out.append(("gemm_c", g.gemm(gm_a, gm_b, c=g.input("gm_c", "float32", [23, 37]),
                                 beta=0.5), 19, True))
    out.append(("gemm_alpha", g.gemm(gm_a, gm_b, c=g.constant(_data(37)), alpha=2.0,
                                     beta=-1.0), 19, True))
    feeds["gm_at"] = _data(19, 23)
    out.append(("gemm_at", g.gemm(g.input("gm_at", "float32", [19, 23]), gm_b,
                                  aTranspose=True), 19, True))
    feeds["fc_x"] = _data(3, 40)
    out.append(("fc", g.relu(g.gemm(g.input("fc_x", "float32", [3, 40]), g.constant(_data(21, 40)),
                                    c=g.constant(_data(21)), bTranspose=True)), 40, True))
    feeds["gm_bt"] = _data(37, 19)
    out.append(("gemm_bt", g.gemm(gm_a, g.input("gm_bt", "float32", [37, 19]),
                                  bTranspose=True), 19, False))
    # Rows of b 1 KiB apart: b is packed per call into panels, in two blocks of the sum
    # (the prologue on the first, the epilogue on the last); and in one.
    feeds["pk_a"], feeds["pk_b"], feeds["pk_c"] = _data(70, 600), _data(600, 256), _data(256)
    out.append(("packed", g.relu(g.gemm(g.input("pk_a", "float32", [70, 600]),
                                        g.input("pk_b", "float32", [600, 256]),
                                        c=g.input("pk_c", "float32", [256]))), 600, True))
    feeds["pk1_a"], feeds["pk1_b"] = _data(41, 30), _data(30, 512)
    out.append(("packed_one_block", g.matmul(g.input("pk1_a", "float32", [41, 30]),
                                             g.input("pk1_b", "float32", [30, 512])), 30, True))
    feeds["ca_b"] = _data(26, 45)
    out.append(("const_a", g.matmul(g.constant(_data(33, 26)),
                                    g.input("ca_b", "float32", [26, 45])), 26, True))
    # Epilogues: relu, clamp, residual add, a chain of them.
    feeds["ep_a"], feeds["ep_b"], feeds["ep_r"] = _data(17, 9), _data(9, 35), _data(17, 35)
    ep = g.matmul(g.input("ep_a", "float32", [17, 9]), g.input("ep_b", "float32", [9, 35]))
    residual = g.input("ep_r", "float32", [17, 35])
    out.append(("ep_chain", g.clamp(g.add(g.relu(ep), residual), minValue=0.25,
                                    maxValue=1.5), 9, True))
    return out


#: conv2d cases: (input nchw shape, filter oihw shape, options, bias, activation, kernel)
CONV = [
    ((1, 5, 9, 21), (7, 5, 3, 3), {"padding": [1, 1, 1, 1]}, True, "relu", True),
    ((1, 16, 7, 9), (24, 16, 1, 1), {}, True, "relu6", True),
    ((1, 1, 8, 19), (1, 1, 3, 3), {"padding": [1, 1, 1, 1]}, False, None, True),
    ((1, 3, 6, 20), (37, 3, 3, 3), {"padding": [0, 1, 2, 0]}, True, "relu", True),
    ((2, 4, 11, 13), (6, 4, 3, 3), {"dilations": [2, 1], "padding": [2, 2, 1, 1]}, True,
     None, True),
    ((1, 6, 10, 17), (4, 3, 3, 3), {"groups": 2, "padding": [1, 1, 1, 1]}, True, "relu",
     True),
    ((1, 8, 12, 23), (8, 1, 3, 3), {"groups": 8, "padding": [1, 1, 1, 1]}, True, "relu6",
     True),
    ((1, 4, 9, 30), (8, 1, 3, 3), {"groups": 4}, False, None, True),  # multiplier 2
    ((1, 3, 12, 14), (5, 3, 3, 3), {"strides": [2, 2], "padding": [1, 1, 1, 1]}, True,
     "relu", True),
    ((1, 6, 13, 41), (6, 1, 3, 3), {"strides": [2, 2], "groups": 6, "padding": [0, 1, 0, 1]},
     True, "relu6", True),  # depthwise, stride 2, padding on one side
    # Stride 2 whose padding on the right is never read: the padded read guards the
    # rows only, and the last vector's two parts are bounded by the lanes it needs.
    ((1, 8, 9, 9), (8, 1, 3, 3), {"strides": [2, 2], "groups": 8, "padding": [1, 0, 0, 1]},
     True, None, True),
    ((1, 3, 9, 9), (5, 3, 3, 3), {"strides": [2, 2], "padding": [1, 0, 0, 1]}, False, "relu",
     True),
    ((1, 4, 9, 70), (7, 4, 1, 1), {"strides": [1, 3]}, False, None, True),
    ((1, 2, 8, 21), (3, 2, 2, 2), {"strides": [1, 5]}, True, None, False),  # too strided
    ((1, 2, 1, 5), (3, 2, 1, 1), {}, True, None, True),
    # Weights beyond `WEIGHTS_IN_CACHE` (1.2 MB): the row blocks loop outermost.
    ((1, 128, 5, 7), (256, 128, 3, 3), {"padding": [1, 1, 1, 1]}, True, "relu", True),
]


def _conv_cases(g, feeds):
    out = []
    for i, (x_shape, w_shape, options, bias, act, kernel) in enumerate(CONV):
        name = f"conv{i}"
        feeds[name] = _data(*x_shape)
        y = g.conv2d(g.input(name, "float32", list(x_shape)), g.constant(_data(*w_shape)),
                     bias=g.constant(_data(w_shape[0])) if bias else None, **options)
        if act == "relu":
            y = g.relu(y)
        elif act == "relu6":
            y = g.clamp(y, minValue=0.0, maxValue=6.0)
        terms = w_shape[1] * w_shape[2] * w_shape[3]
        out.append((name, y, terms, kernel))
    # A residual block: 1x1 conv whose epilogue adds the block's input.
    feeds["res_x"] = _data(1, 12, 9, 18)
    x = g.input("res_x", "float32", [1, 12, 9, 18])
    y = g.conv2d(x, g.constant(_data(12, 12, 1, 1)), bias=g.constant(_data(12)))
    out.append(("residual", g.add(y, x), 12, True))
    # Run-time filter (nothing to pack); NHWC input with an HWIO filter (vectors over
    # the output channels, broadcasts of the input).
    feeds["rt_x"], feeds["rt_w"] = _data(1, 3, 8, 25), _data(10, 3, 3, 3)
    out.append(("runtime_filter", g.conv2d(g.input("rt_x", "float32", [1, 3, 8, 25]),
                                           g.input("rt_w", "float32", [10, 3, 3, 3])),
                 27, True))
    feeds["nhwc_x"] = _data(1, 7, 11, 5)
    out.append(("nhwc", g.relu(g.conv2d(g.input("nhwc_x", "float32", [1, 7, 11, 5]),
                                        g.constant(_data(3, 3, 5, 20)),
                                        bias=g.constant(_data(20)), inputLayout="nhwc",
                                        filterLayout="hwio", padding=[1, 1, 1, 1])),
                45, True))
    # NHWC depthwise: channels are the vectors (odd counts: a masked last vector), each
    # row of the block is an output pixel loading its own input vector, the filter
    # vector of the tap is shared; strides, dilations, padding on one side, both
    # filter layouts with the channels innermost. A channel multiplier (input channel
    # o // 2) has no unit-stride vector: scalar loops.
    for i, (x_shape, w_shape, layout, options, act, kernel) in enumerate([
            ((1, 9, 13, 20), (1, 3, 3, 20), "ihwo", {"padding": [1, 1, 1, 1]}, "relu6", True),
            ((1, 13, 11, 37), (1, 3, 3, 37), "ihwo",
             {"strides": [2, 2], "padding": [0, 1, 0, 1]}, "relu", True),
            ((2, 10, 9, 16), (3, 3, 1, 16), "hwio",
             {"dilations": [2, 2], "padding": [2, 2, 2, 1]}, None, True),
            ((1, 6, 7, 3), (1, 3, 3, 6), "ihwo", {"padding": [1, 1, 1, 1]}, None, False)]):
        name = f"nhwc_dw{i}"
        feeds[name] = _data(*x_shape)
        channels = x_shape[3]
        y = g.conv2d(g.input(name, "float32", list(x_shape)), g.constant(_data(*w_shape)),
                     bias=g.constant(_data(w_shape[layout.index("o")])), groups=channels,
                     inputLayout="nhwc", filterLayout=layout, **options)
        y = g.relu(y) if act == "relu" else g.clamp(y, minValue=0.0, maxValue=6.0) \
            if act == "relu6" else y
        out.append((name, y, 9, kernel))
    # convTranspose2d: a convolution over the spread input, the filter read backwards.
    feeds["ct_x"] = _data(1, 8, 10, 12)
    out.append(("conv_transpose", g.relu(g.convTranspose2d(
        g.input("ct_x", "float32", [1, 8, 10, 12]), g.constant(_data(8, 6, 3, 3)),
        bias=g.constant(_data(6)), strides=[2, 2], padding=[1, 1, 1, 1])), 72, True))
    # Big enough that two threads split it (slices start inside a row block).
    feeds["big_x"] = _data(1, 16, 33, 31)
    out.append(("big", g.relu(g.conv2d(g.input("big_x", "float32", [1, 16, 33, 31]),
                                       g.constant(_data(29, 16, 3, 3)),
                                       bias=g.constant(_data(29)), padding=[1, 1, 1, 1])),
                144, True))
    return out


def _graph():
    g = compiler.GraphBuilder()
    feeds: dict[str, np.ndarray] = {}
    cases = _matmul_cases(g, feeds) + _conv_cases(g, feeds)
    module = g.build({name: value for name, value, _, _ in cases})
    return module, feeds, cases


MODULE, FEEDS, CASES = _graph()
EXPECTED = interpret(MODULE, FEEDS)


def _contractions(until: str) -> list[linalg.GenericOp]:
    """The generics with a reduction left after the stage `until`."""
    work = MODULE.op.clone()
    lower(work, until=until)
    return [o for o in work.walk() if isinstance(o, linalg.GenericOp)
            and any("reduction" in str(it.data) for it in o.iterator_types.data)]


@pytest.fixture(autouse=True)
def layouts_as_written(monkeypatch):
    """Each case runs in the layout it is written in: the graph holds depthwise
    convolutions and enough work that `convert-to-nhwc` would run it all in NHWC."""
    monkeypatch.setattr(convert_to_nhwc, "MACS_PER_TRANSPOSED", float("inf"))


@pytest.fixture(params=["avx512", "avx2", "neon"])
def target(request, monkeypatch):
    chosen = passes.target.TARGETS[request.param]
    monkeypatch.setattr(passes.target, "host_target", lambda: chosen)
    return chosen


def _check(got, label: str) -> None:
    for name, _, terms, _ in CASES:
        np.testing.assert_allclose(got[name], EXPECTED[name], rtol=1e-5, atol=1e-6 * terms,
                                   err_msg=f"{name} on {label}")


def test_kernels_match_the_reference(target):
    _check(compiler.compile(MODULE, threads=1)(**FEEDS), f"{target.name}, one thread")


@pytest.mark.parametrize("threads", [2, 3])
def test_split_kernels_match_the_reference(target, split_everything, teams, threads):
    """Every step split (the cost model's thresholds at 0), run on the whole team: the
    same bits as one thread (slices are whole register blocks and never reorder a sum),
    and so the reference's values."""
    single = compiler.compile(MODULE, threads=1)(**FEEDS)
    got = compiler.compile(MODULE, threads=threads)(**FEEDS)
    assert teams == [threads]
    for name in single:
        np.testing.assert_array_equal(got[name], single[name], err_msg=f"{name} on "
                                      f"{target.name}, {threads} threads")
    _check(got, f"{target.name}, {threads} threads")


def _steps(until: str) -> dict[str, func.FuncOp]:
    work = MODULE.op.clone()
    lower(work, until=until)
    return {f.sym_name.data: f for f in work.body.ops
            if isinstance(f, func.FuncOp) and PARALLEL_EXTENT_ATTR in f.attributes}


@pytest.mark.parametrize("name", ["avx512", "avx2"])
def test_kernels_are_split_in_whole_register_blocks(name, split_everything, monkeypatch):
    """A split kernel's slices are whole blocks of its rows: the granule `parallelize`
    writes is the row step of the loop `vectorize-contractions` emits over the step's
    [begin, end) (so the plan and the kernel agree), or its whole blocks of columns, or
    the kernel is split along another loop, outside its blocks."""
    monkeypatch.setattr(passes.target, "host_target", lambda: TARGETS[name])
    split = _steps("parallelize")
    kernels = _steps("vectorize-contractions")
    by_rows = 0
    for sym, step in split.items():
        (op,) = [o for o in step.walk() if isinstance(o, linalg.GenericOp)]
        c = analyze(op)
        if c is None:
            continue
        dim = step.attributes[PARALLEL_DIM_ATTR].value.data
        granule = step.attributes.get(PARALLEL_GRANULE_ATTR)
        granule = granule.value.data if granule is not None else 1
        begin = kernels[sym].body.blocks[0].args[-2]
        loops = [o for o in kernels[sym].walk() if isinstance(o, scf.ForOp)
                 and o.lb is begin]
        steps = {o.step.owner.value.value.data for o in loops}
        if dim == c.r:
            by_rows += 1
            assert granule > 1 or c.extents[dim] < 4, sym
            assert granule in steps, (sym, granule, steps)
        elif dim == c.v:  # split in whole blocks of columns (no loop before has enough)
            assert granule % TARGETS[name].lanes == 0 and granule in steps, (sym, steps)
        else:
            assert granule == 1, sym
    assert by_rows >= 10  # the matrix products and most convolutions


def test_the_kernel_path_is_taken():
    """Every case meant for a kernel gets one (its contraction, with the epilogue fused,
    is replaced); the others stay scalar loops."""
    before = _contractions("parallelize")
    assert len(before) == len(CASES)
    kernels = sum(1 for op in before if analyze(op) is not None)
    assert kernels == sum(1 for *_, kernel in CASES if kernel)
    assert len(_contractions("vectorize-contractions")) == len(CASES) - kernels


@pytest.mark.parametrize("threads", [1, 2])
def test_row_blocks_outermost_match_the_reference(target, split_everything, threads,
                                                  monkeypatch):
    """Every kernel with outer loops takes its weights as too large for the cache
    (`WEIGHTS_IN_CACHE` = 0), so its row blocks loop outermost: the same values, on one
    thread and split."""
    def kernels() -> str:
        work = MODULE.op.clone()
        lower(work, until="vectorize-contractions")
        return str(work)
    # The stages up to the kernels do not depend on the thread count, so the one-thread
    # case alone lowers twice to see that the loop order changed somewhere.
    default = kernels() if threads == 1 else None
    monkeypatch.setattr(vectorize_contractions, "WEIGHTS_IN_CACHE", 0)
    if default is not None:
        assert kernels() != default
    got = compiler.compile(MODULE, threads=threads, cache=False)(**FEEDS)
    _check(got, f"{target.name}, row blocks outermost, {threads} thread(s)")

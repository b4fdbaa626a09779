"""JIT vs the numpy reference for batch/instance/layer normalization beyond WPT's data.

layerNormalization with unusual axes (unsorted, a single inner axis, the batch axis,
empty, all of them, rank 0 and rank 5) with scale/bias laid out in `axes` order;
instanceNormalization in both layouts with and without scale/bias; batchNormalization
on every channel axis; float16 throughout; and data with a large mean against a small
spread, where one-pass variance formulas fall apart.
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from runtime.reference import evaluate

TOL = {"float32": dict(rtol=1e-4, atol=1e-4), "float16": dict(rtol=4e-3, atol=4e-3)}


def random(shape, dtype, seed, low=-2.0, high=2.0):
    return np.random.default_rng(seed).uniform(low, high, shape).astype(dtype)


def run(op: str, arrays: dict[str, np.ndarray], positional: tuple[str, ...],
        options: dict) -> np.ndarray:
    """Compile `op` with every array a graph input; return its output."""
    g = compiler.GraphBuilder()
    values = {k: g.input(k, a.dtype.name, a.shape) for k, a in arrays.items()}
    args = [values[k] for k in positional]
    kwargs = {k: v for k, v in values.items() if k not in positional}
    out = getattr(g, op)(*args, **kwargs, **options)
    return compiler.compile(g.build({"out": out}))(**arrays)["out"]


def check(op: str, arrays: dict[str, np.ndarray], positional: tuple[str, ...],
          options: dict) -> None:
    got = run(op, arrays, positional, options)
    want = evaluate(op, arrays, options)[0]
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_allclose(got.astype(np.float64), want.astype(np.float64),
                               err_msg=f"{op} {options}", equal_nan=True,
                               **TOL[want.dtype.name])


# ---------------------------------------------------------------------------- layerNormalization
LAYER_AXES = [None, (2,), (0,), (2, 1), (0, 2), (1, 0, 2), ()]


@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("axes", LAYER_AXES, ids=str)
def test_layer_norm_axes(axes, dtype):
    shape = (2, 3, 4)
    x = random(shape, dtype, seed=1)
    used = tuple(range(1, 3)) if axes is None else axes
    param = tuple(shape[a] for a in used)  # scale/bias follow the axes' order
    arrays = {"input": x, "scale": random(param, dtype, 2), "bias": random(param, dtype, 3)}
    check("layerNormalization", arrays, ("input",),
          {} if axes is None else {"axes": list(axes)})


@pytest.mark.parametrize("which", ["scale", "bias", None])
def test_layer_norm_optional_operands(which):
    x = random((4, 6), "float32", seed=4)
    arrays = {"input": x}
    if which:
        arrays[which] = random((6,), "float32", seed=5)
    check("layerNormalization", arrays, ("input",), {"epsilon": 1e-3})


def test_layer_norm_rank0_and_rank5():
    check("layerNormalization", {"input": np.array(3.5, np.float32)}, ("input",), {})
    x = random((2, 1, 3, 2, 4), "float32", seed=6)
    check("layerNormalization", {"input": x, "scale": random((4, 2), "float32", 7)},
          ("input",), {"axes": [4, 3]})


def test_layer_norm_large_mean_small_spread():
    # mean 1e4, spread 1e-2: E[x^2] - E[x]^2 would lose every significant digit in f32.
    x = (1e4 + random((3, 64), "float32", seed=8, low=-1e-2, high=1e-2)).astype(np.float32)
    check("layerNormalization", {"input": x}, ("input",), {"epsilon": 1e-9})


# ---------------------------------------------------------------------------- instanceNormalization
@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("layout", ["nchw", "nhwc"])
@pytest.mark.parametrize("with_params", [False, True])
def test_instance_norm(layout, dtype, with_params):
    shape = (2, 3, 5, 4) if layout == "nchw" else (2, 5, 4, 3)
    arrays = {"input": random(shape, dtype, seed=9)}
    if with_params:
        arrays.update(scale=random((3,), dtype, 10), bias=random((3,), dtype, 11))
    check("instanceNormalization", arrays, ("input",), {"layout": layout, "epsilon": 1e-4})


# ---------------------------------------------------------------------------- batchNormalization
@pytest.mark.parametrize("dtype", ["float32", "float16"])
@pytest.mark.parametrize("axis", [0, 1, 2])
def test_batch_norm_every_axis(axis, dtype):
    shape = (3, 4, 5)
    c = shape[axis]
    arrays = {"input": random(shape, dtype, seed=12), "mean": random((c,), dtype, 13),
              "variance": random((c,), dtype, 14, low=0.1, high=2.0),
              "scale": random((c,), dtype, 15), "bias": random((c,), dtype, 16)}
    check("batchNormalization", arrays, ("input", "mean", "variance"),
          {"axis": axis, "epsilon": 1e-3})


def test_batch_norm_without_scale_or_bias():
    arrays = {"input": random((2, 3, 2, 2), "float32", seed=17),
              "mean": random((3,), "float32", 18),
              "variance": random((3,), "float32", 19, low=0.1, high=2.0)}
    check("batchNormalization", arrays, ("input", "mean", "variance"), {})

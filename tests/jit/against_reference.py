"""Compile several single-op cases into one graph and compare each with the reference.

A case is `(op, operands, options)` (plus an optional tolerance), with operands and
options named as in the spec, the way `runtime.reference.evaluate` and the builder's
keyword arguments both take them; a list of arrays is a variadic operand (concat's
`inputs`). Every operand becomes a graph input, so no value is known at compile time.
Results must match exactly (integers always) unless a case gives `rtol`/`atol`.
"""

from __future__ import annotations

import numpy as np

import compiler
from runtime.reference import evaluate


def random(shape, dtype, seed, low=None, high=None):
    """Seeded data: floats in [low, high), integers in [low, high] (default: the type)."""
    rng = np.random.default_rng(seed)
    if np.dtype(dtype).kind == "f":
        lo, hi = (-4.0, 4.0) if low is None else (low, high)
        return rng.uniform(lo, hi, shape).astype(dtype)
    info = np.iinfo(dtype)
    lo = info.min if low is None else low
    hi = info.max if high is None else high
    return rng.integers(lo, hi, shape, dtype=dtype, endpoint=True)


def _describe(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_describe(v) for v in value) + "]"
    return f"{value.dtype.name}{list(value.shape)}"


def check(cases: list[tuple]) -> None:
    """Run every case in one compiled graph and compare with the reference."""
    g = compiler.GraphBuilder()
    feeds: dict[str, np.ndarray] = {}
    outs, names = {}, []
    for i, (op, operands, options, *_tol) in enumerate(cases):
        args = {}
        for name, value in operands.items():
            arrays = value if isinstance(value, list) else [value]
            made = []
            for j, array in enumerate(arrays):
                key = f"c{i}_{name}{j}"
                feeds[key] = array
                made.append(g.input(key, array.dtype.name, array.shape))
            args[name] = made if isinstance(value, list) else made[0]
        result = getattr(g, op)(**args, **options)
        results = result if isinstance(result, tuple) else (result,)
        keys = [f"c{i}_out{k}" for k in range(len(results))]
        outs.update(zip(keys, results))
        names.append(keys)
    got = compiler.compile(g.build(outs))(**feeds)
    for (op, operands, options, *tol), keys in zip(cases, names):
        want = evaluate(op, operands, options)
        what = f"{op} {options} on " + ", ".join(
            f"{k}={_describe(v)}" for k, v in operands.items())
        assert len(want) == len(keys), what
        for key, expected in zip(keys, want):
            actual = got[key]
            assert actual.dtype == expected.dtype, what
            assert actual.shape == expected.shape, what
            if expected.dtype.kind == "f" and tol:
                np.testing.assert_allclose(actual.astype(np.float64),
                                           expected.astype(np.float64), equal_nan=True,
                                           err_msg=what, **tol[0])
            else:
                np.testing.assert_array_equal(actual, expected, err_msg=what)

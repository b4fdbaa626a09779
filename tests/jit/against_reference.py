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


def _structure(cases: list[tuple]) -> list:
    """What the graph of `cases` is made of: ops, options and operand types and shapes
    (every operand is a graph input, so the values are not part of it)."""
    def arrays(value):
        return [(a.dtype.name, a.shape) for a in (value if isinstance(value, list) else [value])]
    return [(op, repr(options), [(name, arrays(value)) for name, value in operands.items()])
            for op, operands, options, *_tol in cases]


def check(cases: list[tuple], *more: list[tuple]) -> None:
    """Run every case in one compiled graph and compare with the reference.

    `more` are further lists of cases with the same structure (ops, options, operand
    types and shapes) and other values: the same graph, compiled once, runs on each.
    Compiling (and verifying every stage of) a large graph costs far more than running it.
    """
    g = compiler.GraphBuilder()
    outs, names = {}, []
    for i, (op, operands, options, *_tol) in enumerate(cases):
        args = {}
        for name, value in operands.items():
            arrays = value if isinstance(value, list) else [value]
            made = [g.input(f"c{i}_{name}{j}", array.dtype.name, array.shape)
                    for j, array in enumerate(arrays)]
            args[name] = made if isinstance(value, list) else made[0]
        result = getattr(g, op)(**args, **options)
        results = result if isinstance(result, tuple) else (result,)
        keys = [f"c{i}_out{k}" for k in range(len(results))]
        outs.update(zip(keys, results))
        names.append(keys)
    exe = compiler.compile(g.build(outs))
    for n, each in enumerate((cases, *more)):
        assert _structure(each) == _structure(cases), "not the graph of the first cases"
        feeds = {f"c{i}_{name}{j}": array
                 for i, (_op, operands, *_rest) in enumerate(each)
                 for name, value in operands.items()
                 for j, array in enumerate(value if isinstance(value, list) else [value])}
        _compare(each, names, exe(**feeds), f" (values of case list {n})" if more else "")


def _compare(cases: list[tuple], names: list[list[str]], got: dict[str, np.ndarray],
             which: str) -> None:
    for (op, operands, options, *tol), keys in zip(cases, names):
        want = evaluate(op, operands, options)
        what = f"{op} {options} on " + ", ".join(
            f"{k}={_describe(v)}" for k, v in operands.items()) + which
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

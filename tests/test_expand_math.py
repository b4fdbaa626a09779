"""expand-math's exp/log/tanh polynomials: within 1 ulp of float64 references, specials kept.

The JIT computes these three functions with the polynomials of `passes/expand_math.py`
(so that loops vectorize); this checks them over their whole float32 range.
"""

import numpy as np
import pytest

import compiler

SPECIALS = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-40, 1e-45, 1.17549435e-38,
                     3.4e38, -3.4e38, 88.7, 88.8, -87.3, -103.0, -104.5], np.float32)


def run(op: str, x: np.ndarray) -> np.ndarray:
    g = compiler.GraphBuilder()
    value = g.input("x", "float32", [x.size])
    return compiler.compile(g.build({"y": getattr(g, op)(value)}))(x=x)["y"]


def ulps(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    same = (got == want) | (np.isnan(got) & np.isnan(want))
    diff = np.abs(got.view(np.int32).astype(np.int64) - want.view(np.int32).astype(np.int64))
    return np.where(same, 0, diff)


@pytest.mark.parametrize("op, reference, domain", [
    ("exp", np.exp, (-110.0, 100.0)),
    ("log", np.log, (0.0, 1e6)),
    ("tanh", np.tanh, (-20.0, 20.0)),
])
def test_polynomials_are_within_one_ulp(op, reference, domain):
    rng = np.random.default_rng(11)
    dense = np.linspace(*domain, 100_001, dtype=np.float32)
    spread = (rng.standard_normal(50_000) * 10).astype(np.float32)
    if op == "log":
        spread = np.abs(spread) * np.float32(10.0) ** rng.integers(-40, 38, 50_000).astype(np.float32)
    x = np.concatenate([dense, spread, SPECIALS]).astype(np.float32)
    got = run(op, x)
    with np.errstate(all="ignore"):
        want = reference(x.astype(np.float64)).astype(np.float32)
    assert int(ulps(got, want).max()) <= 1

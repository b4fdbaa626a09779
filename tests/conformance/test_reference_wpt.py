"""Every WPT WebNN conformance case, run on the numpy reference executor.

The reference is the oracle of the other suites, so it must itself pass WPT: each case's
operators are evaluated in order with `runtime.reference.evaluate` and the outputs are
judged with WPT's rules (`tests.conformance.wpt.judge`).
"""

from __future__ import annotations

import numpy as np
import pytest

from runtime.reference import SUPPORTED_OPS, evaluate
from tests.conformance.wpt import (
    Case,
    Operator,
    execute,
    graph_tolerance,
    judge,
    load_cases,
    operator_tolerance,
)

#: Cases the reference cannot pass because of a quirk in the data, by case id,
#: with the reason. Each is a strict xfail: if it starts passing, the suite fails.
XFAILS: dict[str, str] = {}

CASES = load_cases()


def test_case_count():
    assert len(CASES) == 1560
    assert len({c.id for c in CASES}) == len(CASES)


def test_every_wpt_operator_is_supported():
    assert {op.name for c in CASES for op in c.operators} <= SUPPORTED_OPS


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.id,
                 marks=[pytest.mark.xfail(strict=True, reason=XFAILS[c.id])]
                 if c.id in XFAILS else [])
    for c in CASES
])
def test_reference_passes_wpt(case):
    values = execute(case, evaluate)
    outputs = {name: values[name] for name in case.expected}
    assert judge(case, outputs) == []


# ------------------------------------------------------------ the judge itself

def _case(operators, expected, inputs=None, filled=frozenset()):
    return Case("synthetic", operators[0].name, "synthetic", inputs or {}, operators,
                expected, frozenset(filled))


def _op(name, operands=None, options=None, outputs=("out",)):
    return Operator(name, dict(operands or {}), dict(options or {}), list(outputs))


def _ulps(value, n, dtype=np.float32):
    """`value` moved n units in the last place (n > 0: away from zero)."""
    a = np.array([value], dtype)
    bits = a.view({2: np.int16, 4: np.int32}[a.itemsize])
    bits += n
    return a


def test_judge_ulp_bound_from_the_operator():
    # matmul with K = 3: bound 2 * 3 = 6 ULP.
    x = np.zeros((2, 3), np.float32)
    case = _case([_op("matmul", {"a": "x", "b": "y"})],
                 {"out": np.array([1.5, -2.0], np.float32)},
                 inputs={"x": (x, False), "y": (x.T.copy(), False)})
    ok = np.concatenate([_ulps(1.5, 6), _ulps(-2.0, -6)])
    assert judge(case, {"out": ok}) == []
    bad = np.concatenate([_ulps(1.5, 7), _ulps(-2.0, 7)])
    (problem,) = judge(case, {"out": bad})
    assert "2 of 2 elements outside ULP 6" in problem


def test_judge_exact_match_first_and_sign_rule():
    case = _case([_op("relu")], {"out": np.array([0.0, 1e-45], np.float32)})
    assert judge(case, {"out": np.array([-0.0, 1e-45], np.float32)}) == []  # -0 == +0
    assert judge(case, {"out": np.array([-1e-45, 1e-45], np.float32)}) != []


def test_judge_float16_rounds_expected_and_uses_16_bit_patterns():
    # add: 1 ULP. Expected decimals are rounded to half first (1/3 -> 0.33325195).
    case = _case([_op("add")], {"out": np.array([1 / 3], np.float64).astype(np.float16)})
    assert judge(case, {"out": _ulps(1 / 3, 1, np.float16)}) == []
    assert judge(case, {"out": _ulps(1 / 3, 2, np.float16)}) != []


def test_judge_atol_integer_exact_and_descriptors():
    tanh = _case([_op("tanh")], {"out": np.array([0.5], np.float32)})
    assert judge(tanh, {"out": np.array([0.5 + 0.0009], np.float32)}) == []
    assert "ATOL" in judge(tanh, {"out": np.array([0.5 + 0.0011], np.float32)})[0]
    ints = _case([_op("add")], {"out": np.array([7], np.int32)})
    assert judge(ints, {"out": np.array([8], np.int32)}) != []  # integers are exact
    assert "data type" in judge(ints, {"out": np.array([7], np.int64)})[0]
    assert "shape" in judge(ints, {"out": np.array([[7]], np.int32)})[0]
    assert "missing" in judge(ints, {})[0]


def test_judge_fill_compares_the_first_1000_elements():
    expected = np.broadcast_to(np.float32(2.0), (3000,))
    case = _case([_op("relu")], {"out": expected}, filled={"out"})
    actual = np.full(3000, 2.0, np.float32)
    actual[1000:] = 5.0  # beyond what WPT looks at
    assert judge(case, {"out": actual}) == []
    actual[999] = 5.0
    assert judge(case, {"out": actual}) != []


def test_graph_tolerance_sums_operators_and_formulas():
    x = np.zeros((1, 4, 5, 5), np.float32)
    w = np.zeros((3, 3, 2, 8), np.float32)  # hwio, groups 2: 3*3*(4/2)*2 = 36
    conv = _op("conv2d", {"input": "x", "filter": "w"},
               {"filterLayout": "hwio", "groups": 2}, ("c",))
    relu = _op("relu", {"input": "c"}, {}, ("r",))
    add = _op("add", {"a": "r", "b": "r"}, {}, ("out",))
    case = _case([conv, relu, add], {"out": np.zeros((1, 8, 3, 3), np.float32)},
                 inputs={"x": (x, False), "w": (w, True)})
    assert graph_tolerance(case, "float32") == ("ULP", 36 + 0 + 1)
    shapes = {"a": (3, 5), "c": (3, 4), "x": (2, 3, 4)}
    gemm = _op("gemm", {"a": "a", "b": "a", "c": "c"},
               {"aTranspose": True, "alpha": 2.0, "beta": 0.5})
    assert operator_tolerance(gemm, shapes, "float32") == ("ULP", 2 * 3 + 1 + 2)
    mean = _op("reduceMean", {"input": "x"}, {"axes": (0, 2)})
    assert operator_tolerance(mean, shapes, "float32") == ("ULP", 2 * 4 + 2)
    softmax = _op("softmax", {"input": "x"}, {"axis": 1})
    assert operator_tolerance(softmax, shapes, "float16") == ("ULP", 3 * 3 + 3)
    assert operator_tolerance(_op("exp"), shapes, "float16") == ("ULP", 1)
    assert operator_tolerance(_op("log"), shapes, "float16") == ("ATOL", 1 / 1024)

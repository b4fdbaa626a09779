"""JIT vs the numpy reference for the element-wise family, beyond WPT's data.

Softmax on every axis and at extreme values (the max shift, a masked -inf logit). The
other element-wise ops are compared at the edges of every data type in
`test_edge_values.py` and with WPT's data in `tests/conformance/`.
"""

from __future__ import annotations

import numpy as np
import pytest

from .against_reference import check, random

FLOAT_TOL = {"float32": dict(rtol=2e-5, atol=1e-6), "float16": dict(rtol=2e-3, atol=1e-3)}


@pytest.mark.parametrize("dtype", ["float32", "float16"])
def test_softmax_every_axis(dtype):
    x = random((2, 3, 4, 5), dtype, seed=8, low=-4.0, high=4.0)
    check([("softmax", {"input": x}, {"axis": axis}, FLOAT_TOL[dtype]) for axis in range(4)])


def test_softmax_is_stable():
    # Logits of 1e4 would overflow exp without the max shift; -inf is a masked logit.
    x = np.array([[1e4, 1e4 - 1, 1e4 - 2], [-1e4, 0.0, -np.inf], [5.0, 5.0, 5.0]], np.float32)
    check([("softmax", {"input": x}, {"axis": axis}, FLOAT_TOL["float32"]) for axis in (1, 0)])

"""Every WPT WebNN conformance case, compiled to native code and run through the JIT.

Each case becomes a graph through the Python builder (WPT's constants become
`constant()`, its other inputs graph inputs), is compiled with `compiler.compile`, run on
the case's data, and judged with WPT's rules. An op the cpu target cannot lower yet
must make compilation fail with a located "failed to legalize" error; such cases are
listed in `NOT_LOWERED` and run as strict xfails, so the list shrinks as lowerings land
and a case that starts passing fails the suite until it is removed.
"""

from __future__ import annotations

import numpy as np
import pytest

import compiler
from tests.conformance.wpt import Case, judge, load_cases

CASES = load_cases()

#: op name -> why the cpu target cannot run it yet (strict xfail for its cases).
NOT_LOWERED: dict[str, str] = {}


def build(case: Case) -> tuple[compiler.Module, dict[str, np.ndarray]]:
    """The case as a builder graph, and the arrays to feed its graph inputs."""
    g = compiler.GraphBuilder()
    values: dict[str, compiler.Operand] = {}
    feeds: dict[str, np.ndarray] = {}
    for name, (array, is_constant) in case.inputs.items():
        if is_constant:
            values[name] = g.constant(array)
        else:
            values[name] = g.input(name, array.dtype.name, array.shape)
            feeds[name] = array
    for op in case.operators:
        operands = {k: [values[n] for n in v] if isinstance(v, list) else values[v]
                    for k, v in op.operands.items()}
        options = {k: v for k, v in op.options.items() if v is not None}
        result = getattr(g, op.name)(**operands, **options)
        results = result if isinstance(result, tuple) else (result,)
        values.update(zip(op.outputs, results))
    return g.build({name: values[name] for name in case.expected}), feeds


def _blocked(case: Case) -> str | None:
    reasons = [NOT_LOWERED[op.name] for op in case.operators if op.name in NOT_LOWERED]
    return reasons[0] if reasons else None


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c.id, marks=[pytest.mark.xfail(strict=True, raises=compiler.CompileError,
                                                      reason=_blocked(c))]
                 if _blocked(c) else [])
    for c in CASES
])
def test_jit_passes_wpt(case):
    module, feeds = build(case)
    exe = compiler.compile(module)
    outputs = exe(**feeds)
    assert judge(case, outputs) == []

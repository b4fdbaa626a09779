"""Numpy reference executor for WebNN operators.

This module is the *oracle* of the test suites and the *fallback executor* of the
runtime: every one of the 95 `MLGraphBuilder` operator methods is implemented here
directly from the spec semantics (summarised in the project's WebNN op reference), in
plain numpy, with no dependence on the compiler (it imports only numpy and the standard
library, never xDSL). The WPT conformance data is checked against it, and compiled
kernels are checked against it where WPT has no data.

Entry point::

    evaluate(op, operands, options) -> list[np.ndarray]

* `op` is the spec method name ("conv2d", "reduceMean", "gatherND", ...).
* `operands` maps the spec's operand parameter names to arrays: `a`/`b` for binary,
  comparison and logical ops; `a` for logicalNot (isNaN/isInfinite accept `a` or
  `input`); `input` for the other single-input ops; `inputs` (a list) for concat;
  `condition`/`trueValue`/`falseValue` for where; operands passed in the spec's
  options dictionary (conv `bias`, gemm `c`, normalization `scale`/`bias`, recurrent
  `bias`/`recurrentBias`/`peepholeWeight`/`initialHiddenState`/`initialCellState`) are
  operands too. A missing key or None means "not given".
* `options` maps the spec's option names (camelCase) to Python values (int, float,
  bool, str, tuples); a missing key or None means the spec default. Positional
  non-operand arguments go here under their spec parameter names: softmax / argMin /
  argMax / cumulativeSum / concat `axis`, reshape / expand `newShape`, split `splits`
  (int or list), slice `starts` / `sizes`, tile `repetitions`, pad `beginningPadding` /
  `endingPadding`, cast `dataType` (a WebNN name), gru / lstm `steps` / `hiddenSize`,
  gruCell / lstmCell `hiddenSize`.
* The result is the list of output arrays in spec order: one for most ops; split gives
  one per piece; gru gives [hidden] (+ [sequence] with returnSequence); lstm gives
  [hidden, cell] (+ [sequence]); lstmCell gives [hidden, cell].

Numerics: float16 is never computed in half precision. Element-wise math on float16
runs in float32 and is rounded once to float16; accumulating ops (matmul, gemm, conv,
pooling, normalization, reductions, softmax, cumulativeSum, recurrent ops) run in
float64 for both float types; float32 transcendental functions run in float64. Every
result is rounded once to the output type, so the oracle is at least as accurate as
any implementation the WPT tolerances admit. Integer types stay integer end to end
(overflow wraps like C; integer div rounds toward zero; nothing goes through float64,
so int64/uint64 stay exact beyond 2**53).

Where the spec leaves a result open (out-of-range casts and MLNumber options, integer
overflow, NaN in quantization, the order of float32 activation arithmetic, resample2d's
float32 scales), this executor and the compiled kernels make the one choice written in
the op's docstring in the dialect, so that they agree bit for bit. Average pooling
excludes padded cells from the count; gather/scatter clamp out-of-range indices. The
one place the engines may still differ is an intermediate overflow in the float32 sums
of compiled matrix products, convolutions and recurrent ops (inf or NaN where this
float64 sum is finite): see docs/design-notes.md.

Invalid arguments raise `ValueError` (the builder would have thrown a TypeError).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .reference_ops import REGISTRY

__all__ = ["SUPPORTED_OPS", "evaluate"]

#: The operator methods implemented here: all 95 of the spec.
SUPPORTED_OPS: frozenset[str] = frozenset(REGISTRY)


def evaluate(op: str,
             operands: dict[str, np.ndarray | None | list[np.ndarray]],
             options: dict[str, Any] | None = None) -> list[np.ndarray]:
    """Run one WebNN operator on numpy arrays; see the module docstring."""
    impl = REGISTRY.get(op)
    if impl is None:
        raise ValueError(f"unknown WebNN operator {op!r}")
    ops = {k: v for k, v in operands.items() if v is not None}
    opts = {k: v for k, v in (options or {}).items() if v is not None}
    # Overflow to inf, NaN from log(-1), 0/0 and friends are legitimate IEEE results.
    with np.errstate(all="ignore"):
        return impl(ops, opts)

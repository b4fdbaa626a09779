"""Run a webnn graph on the numpy reference executor (the tests' oracle).

`interpret(module, inputs)` walks the graph function op by op and evaluates each op with
`runtime.reference.evaluate`, passing operands and options by their spec names (options
with their defaults filled in by the dialect). It is what `webnn-run --interpret` and
`--compare` use, and the fallback executor for what a target cannot run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from xdsl.dialects import func
from xdsl.ir import SSAValue

from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.types import TensorSpec
from runtime.constants import ConstantDataError, from_bytes, load_npz
from runtime.reference import evaluate

from .diagnostics import CompileError, DiagnosticEngine
from .module import Module, select_outputs, signature
from .source import weights_folder


def constant_value(op: ConstantOp, module: Module) -> np.ndarray:
    """The data of a webnn.constant (inline, or from its .npz beside the IR file);
    CompileError at the constant when its file does not hold what the IR declares."""
    spec = TensorSpec.from_type(op.output.type)
    if op.value is not None:
        return from_bytes(op.value.data.data, spec.dtype, spec.shape)
    try:
        return load_npz(weights_folder(module.source_path) / op.file.data, op.key.data,
                        spec.dtype, spec.shape)
    except ConstantDataError as err:
        diags = DiagnosticEngine()
        diags.error(f"'{op.name}' op {err}", op.location)
        raise CompileError.from_engine(diags) from None


def reference_op(op: WebNNOp, operands: dict, options: dict) -> list[np.ndarray]:
    """Evaluate one webnn op with the numpy reference executor."""
    return evaluate(op.name.removeprefix("webnn."), operands, options)


def run_function(fn: func.FuncOp, module: Module, inputs: Sequence[np.ndarray],
                 evaluate_op: Callable[[WebNNOp, dict, dict], list[np.ndarray]] = reference_op
                 ) -> list[np.ndarray]:
    """Evaluate a graph function on positional inputs; its results, in order.

    Each op gets its operands and options by spec name (defaults filled in) through
    `evaluate_op`, the reference executor unless a caller supplies another semantics
    (the v1 compatibility tests evaluate legacy ops by their v1 meaning).
    """
    values: dict[SSAValue, np.ndarray] = dict(zip(fn.body.blocks[0].args, inputs))
    for op in fn.body.blocks[0].ops:
        if isinstance(op, func.ReturnOp):
            return [values[v] for v in op.operands]
        if isinstance(op, ConstantOp):
            values[op.output] = constant_value(op, module)
            continue
        if not isinstance(op, WebNNOp):
            raise ValueError(f"cannot interpret '{op.name}'")
        operands = {name: [values[v] for v in value] if isinstance(value, tuple)
                    else None if value is None else values[value]
                    for name, value in op.operands_by_name().items()}
        options = {o.name: op.opt(o.name) for o in op.OPTIONS}
        values.update(zip(op.results, evaluate_op(op, operands, options), strict=True))
    raise ValueError("the graph function has no return")


def interpret(module: Module, inputs: Mapping[str, np.ndarray],
              outputs: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """Evaluate the graph on `inputs`; returns the graph outputs (or the named values)."""
    # Imported here: the reference executor alone does not load LLVM.
    from runtime.executable import check_inputs, output_names

    if outputs is not None:
        module = select_outputs(module, output_names(outputs))
    # The inputs the JIT would refuse are refused here too, with the same message.
    arrays = check_inputs(signature(module)[0], inputs)
    results = run_function(module.graph, module, arrays)
    return dict(zip((n for n, _ in module.outputs), results))


__all__ = ["interpret", "run_function", "reference_op", "constant_value"]

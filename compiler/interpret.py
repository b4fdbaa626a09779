"""Run a webnn graph on the numpy reference executor (the tests' oracle).

`interpret(module, inputs)` walks the graph function op by op and evaluates each op with
`runtime.reference.evaluate`, passing operands and options by their spec names (options
with their defaults filled in by the dialect). It is what `webnn-run --interpret` and
`--compare` use, and the fallback executor for what a target cannot run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from xdsl.dialects import func
from xdsl.ir import SSAValue

from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from runtime.reference import NUMPY_DTYPES, evaluate

from .module import Module


def constant_value(op: ConstantOp, module: Module) -> np.ndarray:
    """The data of a webnn.constant (inline, or from its .npz beside the IR file)."""
    from dialects.webnn.types import TensorSpec

    spec = TensorSpec.from_type(op.output.type)
    dtype = NUMPY_DTYPES[spec.dtype]
    if op.value is not None:
        return np.frombuffer(op.value.data.data, dtype=dtype).reshape(spec.shape)
    folder = module.source_path.parent if module.source_path else None
    path = (folder / op.file.data) if folder else op.file.data
    with np.load(path, allow_pickle=False) as archive:
        return np.asarray(archive[op.key.data], dtype=dtype).reshape(spec.shape)


def interpret(module: Module, inputs: Mapping[str, np.ndarray],
              outputs: Sequence[str] | None = None) -> dict[str, np.ndarray]:
    """Evaluate the graph on `inputs`; returns the graph outputs (or the named values)."""
    from .pipeline import select_outputs

    if outputs is not None:
        module = select_outputs(module, tuple(outputs))
    graph = module.graph
    values: dict[SSAValue, np.ndarray] = {}
    for (name, _), arg in zip(module.inputs, graph.body.block.args):
        if name not in inputs:
            raise ValueError(f"missing input '{name}'")
        values[arg] = np.asarray(inputs[name])
    for op in graph.body.block.ops:
        if isinstance(op, ConstantOp):
            values[op.output] = constant_value(op, module)
        elif isinstance(op, WebNNOp):
            operands = {}
            for name in op._OPERAND_NAMES:
                value = getattr(op, name)
                if name in op._VARIADIC_OPERANDS:
                    operands[name] = [values[v] for v in value]
                else:
                    operands[name] = None if value is None else values[value]
            options = {o.name: op.opt(o.name) for o in op.OPTIONS}
            results = evaluate(op.name.removeprefix("webnn."), operands, options)
            for result, array in zip(op.results, results, strict=True):
                values[result] = array
        elif isinstance(op, func.ReturnOp):
            names = [n for n, _ in module.outputs]
            return {n: values[v] for n, v in zip(names, op.operands)}
    raise ValueError("the graph function has no return")


__all__ = ["interpret", "constant_value"]

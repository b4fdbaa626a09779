"""The lowering table and what one lowering receives.

A lowering is a function `f(c: Call) -> SSAValue | list[SSAValue]` registered for a webnn
op name. `c.op` is the webnn op (its operands are already the lowered values of its
producers), `c.a` its `Args` (operand TensorSpecs and option values, read before
anything was lowered, so WebNN data types like uint8 are still known), `c.outs` the
result specs, and `c.em` an `Emitter` that places new ops before the op at its location.
A lowering that cannot handle some option value raises `Unsupported(reason)`.

A lowering may also decompose: `c.webnn("matmul", a=(value, spec), b=(value, spec))`
emits another webnn op on already-lowered values, at the same location, and lowers it at
once through this same table (how recurrent ops reuse matmul and the activations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xdsl.ir import SSAValue

from dialects.webnn.base import Args, WebNNOp
from dialects.webnn.types import TensorSpec

from .emitter import Emitter, tensor_type


@dataclass
class Call:
    em: Emitter
    op: WebNNOp
    a: Args
    outs: list[TensorSpec]

    def webnn(self, name: str, **arguments) -> list[tuple[SSAValue, TensorSpec]]:
        """Emit and immediately lower `webnn.<name>`; returns (value, spec) per result.

        Operands are given as `(lowered value, TensorSpec)` pairs (a list of pairs for a
        variadic operand), options as Python values, all by their spec names. The specs,
        not the lowered values' types, drive the shape rule: lowered integer tensors are
        signless, so `WebNNOp.make` (which reads value types) cannot be used here.
        """
        from dialects.webnn import OPS_BY_NAME

        op_cls = OPS_BY_NAME[name]
        operands, specs, properties = [], {}, {}
        for operand in op_cls.OPERAND_NAMES:
            given = arguments.pop(operand, None)
            if given is None:
                operands.append(None)
                specs[operand] = None
            elif isinstance(given, list):
                operands.append([v for v, _ in given])
                specs[operand] = tuple(s for _, s in given)
            else:
                operands.append(given[0])
                specs[operand] = given[1]
        for key, value in arguments.items():
            if value is not None:
                properties[key] = op_cls.OPTION_MAP[key].to_attr(value)
        a = op_cls.make_args(specs, properties)
        outs = op_cls.infer_specs(a)
        types = [tensor_type(s) for s in outs]
        op = op_cls.build(operands=operands,
                          result_types=[types] if op_cls.VARIADIC_RESULTS else types,
                          properties=properties)
        self.em.insert(op)
        results = LOWERINGS[name](Call(Emitter(op), op, a, outs))
        if not isinstance(results, (list, tuple)):
            results = [results]
        for old, new in zip(op.results, results, strict=True):
            old.replace_all_uses_with(new)
        op.detach()
        op.erase()
        return list(zip(results, outs))


Lowering = Callable[[Call], "SSAValue | list[SSAValue]"]

#: spec op name (e.g. "conv2d") -> lowering.
LOWERINGS: dict[str, Lowering] = {}


def lowering(name: str) -> Callable[[Lowering], Lowering]:
    def register(fn: Lowering) -> Lowering:
        if name in LOWERINGS:
            raise ValueError(f"two lowerings registered for webnn.{name}")
        LOWERINGS[name] = fn
        return fn
    return register

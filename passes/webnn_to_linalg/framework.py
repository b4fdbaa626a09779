"""The lowering table and what one lowering receives.

A lowering is a function `f(c: Call) -> SSAValue | list[SSAValue]` registered for a webnn
op name. `c.op` is the webnn op (its operands are already the lowered values of its
producers), `c.a` its `Args` (operand TensorSpecs and option values, read before
anything was lowered, so WebNN data types like uint8 are still known), `c.outs` the
result specs, and `c.em` an `Emitter` that places new ops before the op at its location.
A lowering that cannot handle some option value raises `Unsupported(reason)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xdsl.ir import SSAValue

from dialects.webnn.base import Args, WebNNOp
from dialects.webnn.types import TensorSpec

from .emitter import Emitter


@dataclass
class Call:
    em: Emitter
    op: WebNNOp
    a: Args
    outs: list[TensorSpec]


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

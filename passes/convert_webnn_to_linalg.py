"""`convert-webnn-to-linalg`: every webnn op becomes linalg on tensors.

    %y = webnn.relu %x : (tensor<4xf32>) -> tensor<4xf32>
becomes
    %e = tensor.empty() : tensor<4xf32>
    %y = linalg.generic {...} ins(%x) outs(%e) { ^bb0(%a: f32, %o: f32): ... maximumf ... }

The lowerings live in `passes/webnn_to_linalg/<family>.py`. The webnn dialect is illegal
after this pass: an op without a lowering, or with an option value its lowering cannot
handle, is reported at its own location as "failed to legalize operation 'webnn.x'",
every such op at once, and nothing is silently skipped. Graph signatures switch to
MLIR's signless integer types (`ui8` -> `i8`); the WebNN types stay known to the
lowerings through each op's `Args`, read before anything is rewritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xdsl.context import Context
from xdsl.dialects import func
from xdsl.dialects.builtin import FunctionType, ModuleOp
from xdsl.passes import ModulePass
from xdsl.rewriter import Rewriter

from dialects.webnn.base import WebNNOp
from dialects.webnn.ops.graph import ConstantOp
from dialects.webnn.types import TensorSpec
from runtime.constants import ConstantDataError, from_bytes, load_npz

from .errors import PassError
from .webnn_to_linalg import Call, load_all
from .webnn_to_linalg.emitter import ELEMENT, Emitter, Unsupported, tensor_type


@dataclass(frozen=True)
class ConvertWebNNToLinalgPass(ModulePass):
    """Lower every webnn op to linalg.generic (and tensor/arith) on tensors."""

    name = "convert-webnn-to-linalg"

    #: Folder that `file("x.npz", ...)` constants are relative to. The pass runner sets
    #: it to the IR file's folder when it is not given; run alone, the pass reads `.`.
    weights_dir: str | None = None

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        lowerings = load_all()
        problems: list[tuple[str, str, object]] = []
        for fn in [o for o in op.walk() if isinstance(o, func.FuncOp)]:
            todo = [(o, o.args(), [TensorSpec.from_type(r.type) for r in o.results])
                    for o in fn.walk() if isinstance(o, WebNNOp) and not isinstance(o, ConstantOp)]
            constants = [o for o in fn.walk() if isinstance(o, ConstantOp)]
            _lower_signature(fn)
            for const in constants:
                try:
                    self._lower_constant(const)
                except Unsupported as err:
                    problems.append(("error", f"'{const.name}' op {err}", const.location))
            for webnn_op, args, outs in todo:
                short = webnn_op.name.removeprefix("webnn.")
                lower = lowerings.get(short)
                if lower is None:
                    problems.append(("error", f"failed to legalize operation "
                                     f"'{webnn_op.name}': the cpu target has no lowering "
                                     "for it yet", webnn_op.location))
                    continue
                try:
                    results = lower(Call(Emitter(webnn_op), webnn_op, args, outs))
                except Unsupported as err:
                    problems.append(("error", f"failed to legalize operation "
                                     f"'{webnn_op.name}': {err}", webnn_op.location))
                    continue
                _replace(webnn_op, results)
        if problems:
            raise PassError(problems)

    def _lower_constant(self, const: ConstantOp) -> None:
        spec = TensorSpec.from_type(const.output.type)
        try:
            if const.value is not None:
                data = from_bytes(const.value.data.data, spec.dtype, spec.shape)
            else:
                data = load_npz(Path(self.weights_dir or ".") / const.file.data,
                                const.key.data, spec.dtype, spec.shape)
        except ConstantDataError as err:
            raise Unsupported(str(err)) from None
        _replace(const, [Emitter(const).constant(data, spec)])


def _lower_signature(fn: func.FuncOp) -> None:
    """Switch the graph's argument and result types to the lowered (signless) ones."""
    def lowered(t):
        spec = TensorSpec.from_type(t)
        return tensor_type(spec) if spec is not None else t

    if fn.body.blocks:
        for arg in list(fn.body.blocks[0].args):  # the entry block's are the signature
            loc = arg.location
            Rewriter.replace_value_with_new_type(arg, lowered(arg.type)).location = loc
    fn.function_type = FunctionType.from_lists(
        [lowered(t) for t in fn.function_type.inputs.data],
        [lowered(t) for t in fn.function_type.outputs.data])


def _replace(old, results) -> None:
    if not isinstance(results, (list, tuple)):
        results = [results]
    for result, new in zip(old.results, results, strict=True):
        result.replace_all_uses_with(new)
    old.detach()
    old.erase()


__all__ = ["ConvertWebNNToLinalgPass", "ELEMENT"]

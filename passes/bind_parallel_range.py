"""`bind-parallel-range`: a step's parallel loop runs over the step's [begin, end) range.

`parallelize` marks a step function with `webnn.parallel_dim = k`; once the generic has
become a loop nest (convert-linalg-to-loops emits one loop per dimension, outermost
first), the loop at depth k gets the step's two trailing arguments as its bounds, so each
thread's call covers only its slice. A step whose range arguments are already used has
been given its loops by a kernel generator (`vectorize-contractions`) that bounds the
parallel loop itself; it is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import func, scf
from xdsl.dialects.builtin import IntegerAttr, ModuleOp
from xdsl.passes import ModulePass

from .errors import PassError
from .parallelize import PARALLEL_DIM_ATTR


@dataclass(frozen=True)
class BindParallelRangePass(ModulePass):
    """Bound each marked step's parallel loop by the step's range arguments."""

    name = "bind-parallel-range"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            dim = fn.attributes.get(PARALLEL_DIM_ATTR)
            if not isinstance(dim, IntegerAttr) or not fn.body.blocks:
                continue  # not split, or declared here and compiled in another part
            block = fn.body.blocks[0]
            begin, end = block.args[-2], block.args[-1]
            if begin.uses or end.uses:
                continue  # already bounded (see module doc)
            loop = next((o for o in block.ops if isinstance(o, scf.ForOp)), None)
            for _ in range(dim.value.data):
                if loop is None:
                    break
                loop = next((o for o in loop.body.blocks[0].ops if isinstance(o, scf.ForOp)), None)
            if loop is None:
                raise PassError([("error", f"step '{fn.sym_name.data}' has no loop for its "
                                  f"parallel dimension {dim.value.data}", fn.location)])
            loop.operands[0] = begin
            loop.operands[1] = end

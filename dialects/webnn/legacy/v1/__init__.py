"""`webnn` version 1: the WebNN Candidate Recommendation of 2023-03-30 (60 ops), plus
four ops of 2023-12 (#478) in the forms the spec gave them then: argMin/argMax
`{axes, keepDimensions, selectLastIndex}` returning int64, `not`, and `where`.

The project's definition of version 1 names those 2023-12 forms (they lived only between
the CR 2023 and version 2, and files written for them must still be read); the version
log (`versions.py`, `ADOPTED`) records why and the PRs that later changed them.

Ops whose spelling or rules differ from the current version are declared here under
their version-1 names; the other 41 CR ops (and `where`, whose IR form never changed)
reuse the current classes. Each legacy `infer` states the version-1 rule, usually by
turning the version-1 options into current ones (explicit padding for `autoPad`, the
resolved `null` of reshape, ...) and asking the current rule, so a v1 op verifies
exactly when its upgrade does. The version log (`versions.py`) explains each difference
and the spelling of fused activations:

    %y = webnn.conv2d %x, %w {autoPad = "same-upper", activation = "clamp"(minValue = 0.0, maxValue = 6.0)} : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x5xf32>
    %s = webnn.squeeze %y {axes = [0]} : (tensor<1x4x5x5xf32>) -> tensor<4x5x5xf32>
    %p = webnn.softmax %m : (tensor<2x10xf32>) -> tensor<2x10xf32>
    %i = webnn.argMax %x {axes = [1], selectLastIndex = true} : (tensor<2x5xf32>) -> tensor<2xi64>

Version 1 has no uint64, int64 only as the indices argMin/argMax return, and no per-op
data type tables; `check_data_types` holds its data types, and the current per-op type
rules apply to v1 files (see the log).

The definitions live beside the current ones, one module per family of `ops/`
(`convolution`, `pooling`, ...) plus `common` (fused activations, nullable sizes, the
helpers that state a version 1 rule through the current one); this module assembles
them into version 1's `webnn` dialect.
"""

from __future__ import annotations

from xdsl.dialects import func
from xdsl.ir import Dialect, Operation
from xdsl.utils.exceptions import VerifyException

from ... import OPS_BY_NAME
from ...base import WebNNOp
from ...types import dtype_name
from .common import ACTIVATIONS, DTYPES, FusedActivation, as_current, same_padding
from .convolution import Conv2dV1, ConvTranspose2dV1
from .elementwise import ClampV1, NotV1, SoftmaxV1, SoftplusV1
from .matrix import MatmulV1
from .movement import PadV1, Resample2dV1, ReshapeV1, SliceV1, SqueezeV1
from .normalization import BatchNormalizationV1
from .pooling import AveragePool2dV1, L2Pool2dV1, MaxPool2dV1
from .recurrent import GruCellV1, GruV1, LstmCellV1, LstmV1
from .reduction import ArgMaxV1, ArgMinV1, ArgReduceV1

VERSION = 1

#: The 60 builder methods of the CR 2023 (besides input, constant, build).
OP_NAMES: tuple[str, ...] = (
    "add", "sub", "mul", "div", "max", "min", "pow",
    "abs", "ceil", "cos", "exp", "floor", "log", "neg", "sin", "tan",
    "relu", "sigmoid", "tanh", "clamp", "elu", "hardSigmoid", "hardSwish", "leakyRelu",
    "linear", "softplus", "softsign", "prelu", "softmax",
    "matmul", "gemm", "conv2d", "convTranspose2d",
    "averagePool2d", "l2Pool2d", "maxPool2d",
    "batchNormalization", "instanceNormalization",
    "reduceL1", "reduceL2", "reduceLogSum", "reduceLogSumExp", "reduceMax", "reduceMean",
    "reduceMin", "reduceProduct", "reduceSum", "reduceSumSquare",
    "concat", "reshape", "slice", "split", "squeeze", "transpose", "pad", "resample2d",
    "gru", "gruCell", "lstm", "lstmCell",
)

#: Ops of 2023-12 (#478) that the project counts as version 1, in their 2023-12 forms
#: (see `versions.ADOPTED`): 64 version 1 ops in all.
ADOPTED_OP_NAMES: tuple[str, ...] = ("argMin", "argMax", "not", "where")


# ============================================================================ the dialect
#: Version 1 op name (without `webnn.`) -> its legacy class, for the 19 CR ops that
#: changed and the three 2023-12 ops whose form changed (argMin, argMax, not).
LEGACY: dict[str, type[WebNNOp]] = {
    cls.name.removeprefix("webnn."): cls for cls in (
        Conv2dV1, ConvTranspose2dV1, AveragePool2dV1, L2Pool2dV1, MaxPool2dV1,
        BatchNormalizationV1, SoftmaxV1, SoftplusV1, ClampV1, MatmulV1, SqueezeV1,
        ReshapeV1, SliceV1, PadV1, Resample2dV1, GruV1, GruCellV1, LstmV1, LstmCellV1,
        ArgMinV1, ArgMaxV1, NotV1)
}

#: Every version 1 op name -> its class (legacy, or the unchanged current class).
OPS: dict[str, type[WebNNOp]] = {name: LEGACY.get(name) or OPS_BY_NAME[name]
                                  for name in OP_NAMES + ADOPTED_OP_NAMES}

DIALECT = Dialect("webnn", [*OPS.values(), OPS_BY_NAME["constant"]], [])


#: int64 in version 1: only the indices argMin/argMax return (2023-12, #478, which added
#: int64 with them), and so a graph output; no graph input, constant or other op has it.
INDEX_DTYPE = "int64"


def check_data_types(op: Operation) -> None:
    """Fail if an operand or result of `op` has a data type version 1 lacks."""
    typed = [("operand", [v.type for v in op.operands], DTYPES),
             ("result", [r.type for r in op.results],
              DTYPES + (INDEX_DTYPE,) if isinstance(op, ArgReduceV1) else DTYPES)]
    if isinstance(op, func.FuncOp):
        typed = [("graph input", list(op.function_type.inputs.data), DTYPES),
                 ("graph output", list(op.function_type.outputs.data),
                  DTYPES + (INDEX_DTYPE,))]
    for kind, types, allowed in typed:
        for i, type_ in enumerate(types):
            name = dtype_name(getattr(type_, "element_type", None))
            if name is not None and name not in allowed:
                only = (" except as the indices argMin/argMax return"
                        if name == INDEX_DTYPE else "")
                raise VerifyException(f"{kind} #{i} has data type {name}, which webnn "
                                      f"version 1 does not have (added in version 2: "
                                      f"2023-12, #478){only}")


__all__ = ["VERSION", "OP_NAMES", "ADOPTED_OP_NAMES", "OPS", "LEGACY", "DIALECT",
           "ACTIVATIONS", "INDEX_DTYPE", "FusedActivation", "check_data_types",
           "same_padding", "as_current"]

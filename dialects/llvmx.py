"""`llvmx`: the few LLVM instructions xDSL 0.74's `llvm` dialect lacks.

xDSL's llvm dialect has `sitofp` but not `uitofp`. Each op here is one LLVM instruction
with the same name and semantics; `compiler/translate.py` emits it next to xDSL's
translation of the rest of the llvm dialect. (Float-to-integer casts need no op here:
they lower to the saturating `llvm.fpto[su]i.sat` intrinsics, which never yield poison,
so a cast result can safely feed an index computation.)

    %f = llvmx.uitofp %x : i32 to f32
"""

from __future__ import annotations

from xdsl.ir import Attribute, Dialect, SSAValue
from xdsl.irdl import IRDLOperation, irdl_op_definition, operand_def, result_def


class _CastOp(IRDLOperation):
    arg = operand_def()
    res = result_def()
    assembly_format = "$arg attr-dict `:` type($arg) `to` type($res)"

    def __init__(self, arg: SSAValue, res_type: Attribute):
        super().__init__(operands=[arg], result_types=[res_type])


@irdl_op_definition
class UIToFPOp(_CastOp):
    """Unsigned integer to floating point (LLVM `uitofp`)."""

    name = "llvmx.uitofp"


LLVMX = Dialect("llvmx", [UIToFPOp], [])

#: op class -> llvmlite IRBuilder method name.
INSTRUCTIONS = {UIToFPOp: "uitofp"}

"""`convert-math-to-llvm`: math ops become LLVM intrinsics or C math library calls.

Ops LLVM has an intrinsic for (`exp`, `log`, `sqrt`, `sin`, `cos`, `floor`, `ceil`,
`fabs`, `pow`, `roundeven`, `fma`) become `llvm.call_intrinsic` with the type-mangled
name (`llvm.exp.f32`): xDSL's own math ops print unmangled names LLVM rejects. Ops
without an intrinsic (`tanh`, `erf`, `tan`) call the C library (`tanhf`, `erff`,
`tanf`), which the JIT resolves in the running process. xDSL 0.74 has no such pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import llvm, math
from xdsl.dialects.builtin import Float32Type, Float64Type, ModuleOp
from xdsl.ir import Operation
from xdsl.passes import ModulePass

from .convert_arith_to_llvm import suffix
from .errors import PassError
from .ir_edit import replace_op, walk_ops

_INTRINSICS = {
    math.ExpOp: "llvm.exp", math.LogOp: "llvm.log", math.SqrtOp: "llvm.sqrt",
    math.SinOp: "llvm.sin", math.CosOp: "llvm.cos", math.FloorOp: "llvm.floor",
    math.CeilOp: "llvm.ceil", math.AbsFOp: "llvm.fabs", math.PowFOp: "llvm.pow",
    math.RoundEvenOp: "llvm.roundeven", math.FmaOp: "llvm.fma", math.Exp2Op: "llvm.exp2",
    math.Log2Op: "llvm.log2", math.TruncOp: "llvm.trunc", math.RoundOp: "llvm.round",
    math.CopySignOp: "llvm.copysign",
}
#: math op -> C function name for (f32, f64).
_LIBM = {math.TanhOp: ("tanhf", "tanh"), math.ErfOp: ("erff", "erf"),
         math.TanOp: ("tanf", "tan"), math.Log1pOp: ("log1pf", "log1p"),
         math.ExpM1Op: ("expm1f", "expm1")}


@dataclass(frozen=True)
class ConvertMathToLLVMPass(ModulePass):
    """Lower the math dialect to LLVM intrinsics and libm calls (see module doc)."""

    name = "convert-math-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        needed: dict[str, tuple] = {}
        problems = []
        for o in walk_ops(op):
            if not o.name.startswith("math."):
                continue
            t = o.results[0].type
            if type(o) in _INTRINSICS:
                new: Operation = llvm.CallIntrinsicOp(f"{_INTRINSICS[type(o)]}.{suffix(t)}",
                                                      list(o.operands), [t])
            elif type(o) in _LIBM and isinstance(t, (Float32Type, Float64Type)):
                name = _LIBM[type(o)][0 if isinstance(t, Float32Type) else 1]
                # The declaration is located at the first call that needs it.
                needed.setdefault(name, (t, len(o.operands), o.location))
                new = llvm.CallOp(name, *o.operands, return_type=t)
            else:
                problems.append(("error", f"'{o.name}' on {t} cannot be lowered to llvm by "
                                 "this compiler", o.location))
                continue
            replace_op(o, [new], [new.results[0]])
        if problems:
            raise PassError(problems)
        for name, (t, arity, loc) in needed.items():
            decl = llvm.FuncOp(name, llvm.LLVMFunctionType([t] * arity, t),
                               linkage=llvm.LinkageAttr("external"))
            decl.location = loc
            op.body.block.add_op(decl)

"""`convert-func-to-llvm`: graph and step functions become C-callable `llvm.func`s.

Buffer arguments (already `!llvm.ptr` after convert-memref-to-llvm) are marked
`noalias`, the fact LLVM's vectorizer needs most (bufferize never passes one buffer
twice); outputs and the arena, which the runtime allocates, are also `align`ed as
`runtime/contract.py` promises. The graph function keeps its `webnn.*` attributes for
the runtime. xDSL 0.74 has no such pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from xdsl.context import Context
from xdsl.dialects import func, llvm
from xdsl.dialects.builtin import ArrayAttr, DictionaryAttr, IntegerAttr, ModuleOp, UnitAttr, i64
from xdsl.ir import Region
from xdsl.passes import ModulePass

from runtime.contract import ALIGNMENT, ARENA_ARG, OUTPUT_ARG

from .errors import PassError
from .ir_edit import replace_op, walk_ops


@dataclass(frozen=True)
class ConvertFuncToLLVMPass(ModulePass):
    """Lower func.func/func.return to llvm.func/llvm.return."""

    name = "convert-func-to-llvm"

    def apply(self, ctx: Context, op: ModuleOp) -> None:
        for fn in [o for o in op.body.ops if isinstance(o, func.FuncOp)]:
            if fn.function_type.outputs.data:
                raise PassError([("error", "convert-func-to-llvm expects bufferized graph "
                                  "functions (no results)", fn.location)])
            inputs = list(fn.function_type.inputs.data)
            args = fn.body.blocks[0].args if fn.body.blocks else ()
            problems = [("error", f"argument #{i} of type {t} has no LLVM type; the passes "
                         "before convert-func-to-llvm lower buffers to !llvm.ptr and index "
                         "to i64", args[i].location if i < len(args) else fn.location)
                        for i, t in enumerate(inputs) if not llvm.is_compatible_type(t)]
            if problems:
                raise PassError(problems)
            attrs = list(fn.arg_attrs.data) if fn.arg_attrs else [DictionaryAttr({})] * len(inputs)
            arg_attrs = []
            for t, a in zip(inputs, attrs):
                extra = {}
                if isinstance(t, llvm.LLVMPointerType):
                    extra = {"llvm.noalias": UnitAttr()}
                    # Only buffers the runtime allocates are known to be aligned; graph
                    # inputs are the caller's arrays, aligned to their element size only.
                    if OUTPUT_ARG in a.data or ARENA_ARG in a.data:
                        extra["llvm.align"] = IntegerAttr(ALIGNMENT, i64)
                arg_attrs.append(DictionaryAttr({**a.data, **extra}))
            body = Region()
            fn.body.move_blocks(body)
            new = llvm.FuncOp(fn.sym_name, llvm.LLVMFunctionType(inputs),
                              linkage=llvm.LinkageAttr("external"), body=body,
                              other_props={"arg_attrs": ArrayAttr(arg_attrs)})
            for key, value in fn.attributes.items():
                new.attributes[key] = value
            replace_op(fn, [new], ())
        for o in walk_ops(op):
            if type(o) is func.ReturnOp:
                new = llvm.ReturnOp()
            elif type(o) is func.CallOp and not o.results:
                new = llvm.CallOp(o.callee.root_reference.data, *o.arguments)
            else:
                continue
            replace_op(o, [new], ())

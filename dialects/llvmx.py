"""`llvmx`: the few LLVM instructions xDSL 0.74's `llvm` dialect lacks.

Each op here is one LLVM instruction (or intrinsic) with the same name and semantics;
`compiler/translate.py` writes it into the LLVM IR like the ops of the llvm dialect.

* `uitofp`: xDSL's llvm dialect has `sitofp` but not `uitofp`. (Float-to-integer casts
  need no op here: they lower to the saturating `llvm.fpto[su]i.sat` intrinsics, which
  never yield poison, so a cast result can safely feed an index computation.)
* Atomics, for the threads of one call to meet at barriers in generated code (xDSL
  translates `llvm.load`/`llvm.store` without their ordering and has no read-modify-write
  or compare-exchange): `load_atomic`, `store_atomic`, `atomicrmw`, `cmpxchg`, with
  LLVM's orderings spelled as in LLVM IR.
* `spin_hint`: tells the CPU the thread is spinning on a memory location (`pause` on
  x86, `yield` on AArch64, nothing elsewhere); the translator picks the instruction for
  the module's target.
* `call_indirect`: a call through a function pointer (xDSL cannot translate one), used
  by the worker loop that runs whichever compiled graph a call hands it.

    %f = llvmx.uitofp %x : i32 to f32
    %g = llvmx.load_atomic acquire %p : !llvm.ptr -> i64
    llvmx.store_atomic release %g, %p : i64, !llvm.ptr
    %old = llvmx.atomicrmw add acq_rel %p, %one : !llvm.ptr, i64
    %seen, %ok = llvmx.cmpxchg acq_rel acquire %p, %expected, %new : !llvm.ptr, i64
    llvmx.spin_hint
    llvmx.call_indirect %fn(%args, %tid) : !llvm.ptr, (!llvm.ptr, i64)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from xdsl.dialects.builtin import IntegerType, i1
from xdsl.dialects.llvm import LLVMPointerType
from xdsl.dialects.utils import EnumAttribute
from xdsl.ir import Attribute, Dialect, SpacedOpaqueSyntaxAttribute, SSAValue
from xdsl.irdl import (
    BaseAttr,
    IRDLOperation,
    VarConstraint,
    irdl_attr_definition,
    irdl_op_definition,
    operand_def,
    prop_def,
    result_def,
    var_operand_def,
)
from xdsl.utils.exceptions import VerifyException
from xdsl.utils.str_enum import StrEnum


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


class Ordering(StrEnum):
    """LLVM atomic orderings (LangRef "Atomic Memory Ordering Constraints")."""

    MONOTONIC = "monotonic"
    ACQUIRE = "acquire"
    RELEASE = "release"
    ACQ_REL = "acq_rel"
    SEQ_CST = "seq_cst"


@irdl_attr_definition
class OrderingAttr(EnumAttribute[Ordering], SpacedOpaqueSyntaxAttribute):
    """An atomic ordering, printed bare (`acquire`) in the ops below."""

    name = "llvmx.ordering"


class RMWKind(StrEnum):
    """The integer operations of LLVM's `atomicrmw`."""

    XCHG = "xchg"
    ADD = "add"
    SUB = "sub"
    AND = "and"
    OR = "or"
    XOR = "xor"
    MAX = "max"
    MIN = "min"
    UMAX = "umax"
    UMIN = "umin"


@irdl_attr_definition
class RMWKindAttr(EnumAttribute[RMWKind], SpacedOpaqueSyntaxAttribute):
    """The operation of an `atomicrmw`, printed bare (`add`)."""

    name = "llvmx.rmw"


def _ordering(value: Ordering | str) -> OrderingAttr:
    return OrderingAttr(Ordering(value))


def _refuse(op: IRDLOperation, ordering: OrderingAttr, refused: tuple[Ordering, ...],
            what: str) -> None:
    if ordering.data in refused:
        raise VerifyException(f"'{op.name}' cannot have {what} ordering "
                              f"'{ordering.data.value}'")


@irdl_op_definition
class LoadAtomicOp(IRDLOperation):
    """An atomic load (LLVM `load atomic`); release orderings are meaningless on it."""

    name = "llvmx.load_atomic"
    ordering = prop_def(OrderingAttr)
    ptr = operand_def(LLVMPointerType)
    res = result_def(IntegerType)
    assembly_format = "$ordering $ptr attr-dict `:` type($ptr) `->` type($res)"

    def __init__(self, ptr: SSAValue, res_type: Attribute, ordering: Ordering | str):
        super().__init__(operands=[ptr], result_types=[res_type],
                         properties={"ordering": _ordering(ordering)})

    def verify_(self) -> None:
        _refuse(self, self.ordering, (Ordering.RELEASE, Ordering.ACQ_REL), "the")


@irdl_op_definition
class StoreAtomicOp(IRDLOperation):
    """An atomic store (LLVM `store atomic`); acquire orderings are meaningless on it."""

    name = "llvmx.store_atomic"
    ordering = prop_def(OrderingAttr)
    value = operand_def(IntegerType)
    ptr = operand_def(LLVMPointerType)
    assembly_format = "$ordering $value `,` $ptr attr-dict `:` type($value) `,` type($ptr)"

    def __init__(self, value: SSAValue, ptr: SSAValue, ordering: Ordering | str):
        super().__init__(operands=[value, ptr], properties={"ordering": _ordering(ordering)})

    def verify_(self) -> None:
        _refuse(self, self.ordering, (Ordering.ACQUIRE, Ordering.ACQ_REL), "the")


@irdl_op_definition
class AtomicRMWOp(IRDLOperation):
    """`*ptr = *ptr <op> value` atomically; the result is the old value (LLVM `atomicrmw`)."""

    name = "llvmx.atomicrmw"
    T: ClassVar = VarConstraint("T", BaseAttr(IntegerType))
    op = prop_def(RMWKindAttr)
    ordering = prop_def(OrderingAttr)
    ptr = operand_def(LLVMPointerType)
    value = operand_def(T)
    res = result_def(T)
    assembly_format = ("$op $ordering $ptr `,` $value attr-dict `:` type($ptr) `,` "
                       "type($value)")

    def __init__(self, op: RMWKind | str, ptr: SSAValue, value: SSAValue,
                 ordering: Ordering | str):
        super().__init__(operands=[ptr, value], result_types=[SSAValue.get(value).type],
                         properties={"op": RMWKindAttr(RMWKind(op)),
                                     "ordering": _ordering(ordering)})


@irdl_op_definition
class CmpXchgOp(IRDLOperation):
    """If `*ptr == expected`, store `new`; returns the value seen and whether it stored
    (LLVM `cmpxchg`, the strong form). The failure ordering only loads."""

    name = "llvmx.cmpxchg"
    T: ClassVar = VarConstraint("T", BaseAttr(IntegerType))
    success = prop_def(OrderingAttr)
    failure = prop_def(OrderingAttr)
    ptr = operand_def(LLVMPointerType)
    expected = operand_def(T)
    new = operand_def(T)
    seen = result_def(T)
    ok = result_def(i1)
    assembly_format = ("$success $failure $ptr `,` $expected `,` $new attr-dict `:` "
                       "type($ptr) `,` type($new)")

    def __init__(self, ptr: SSAValue, expected: SSAValue, new: SSAValue,
                 success: Ordering | str, failure: Ordering | str):
        t = SSAValue.get(new).type
        super().__init__(operands=[ptr, expected, new], result_types=[t, i1],
                         properties={"success": _ordering(success),
                                     "failure": _ordering(failure)})

    def verify_(self) -> None:
        _refuse(self, self.failure, (Ordering.RELEASE, Ordering.ACQ_REL), "a failure")


@irdl_op_definition
class SpinHintOp(IRDLOperation):
    """The CPU's spin-wait hint (x86 `pause`, AArch64 `yield`; nothing elsewhere)."""

    name = "llvmx.spin_hint"
    assembly_format = "attr-dict"

    def __init__(self):
        super().__init__()


@irdl_op_definition
class CallIndirectOp(IRDLOperation):
    """A call of a void function through a pointer, with C calling convention."""

    name = "llvmx.call_indirect"
    callee = operand_def(LLVMPointerType)
    args = var_operand_def()
    assembly_format = ("$callee `(` $args `)` attr-dict `:` type($callee) `,` `(` type($args) "
                       "`)`")

    def __init__(self, callee: SSAValue, args: Sequence[SSAValue]):
        super().__init__(operands=[callee, list(args)])


LLVMX = Dialect("llvmx", [UIToFPOp, LoadAtomicOp, StoreAtomicOp, AtomicRMWOp, CmpXchgOp,
                          SpinHintOp, CallIndirectOp], [OrderingAttr, RMWKindAttr])

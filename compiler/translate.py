"""Translation of the `llvm` dialect to LLVM IR (llvmlite), wrapped for xDSL's gaps.

xDSL's translator (`xdsl.backend.llvm`) converts most llvm-dialect ops; this module
drives it op by op and adds what it lacks:
* `llvmx` ops (`uitofp`, atomics, the spin-wait hint, indirect calls), emitted with
  llvmlite's builder; the spin-wait hint becomes the instruction of the module's target;
* constants: a global larger than `EMBED_LIMIT` bytes is not written into the IR text
  (megabytes of weights as LLVM constant syntax would dominate compile time) but
  declared external; its bytes are returned so the JIT can map the symbol to memory the
  executable owns. Small constants stay embedded so LLVM can fold them;
* argument attributes (`noalias`, `align`) on every function, and a function's
  `internal` linkage and `no_inline` flag (a kernel several steps share, `share-kernels`,
  is both);
* with `debug_info=True`, DWARF line info: a `DISubprogram` per function and a
  `!DILocation` on every instruction, from the location its llvm-dialect op carried all
  the way from the source, so `perf`, `gdb` and the assembly's `.loc` lines point at the
  original `.py` or `.mlir` lines (a fused op at its first part; `locations` keeps every
  part of each `!DILocation` for source maps).
* `llvm.alloca` (a kernel's scratch buffer) yields an opaque pointer like every other
  (llvmlite's builder would make it a typed one, which vector stores then reject).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import llvmlite.ir as ir
import numpy as np
from llvmlite.ir import instructions
from xdsl.backend.llvm.convert_op import convert_op
from xdsl.backend.llvm.convert_type import convert_type
from xdsl.dialects import llvm
from xdsl.dialects.builtin import DenseIntOrFPElementsAttr, IntegerAttr, ModuleOp
from xdsl.ir import Block, SSAValue

from dialects import llvmx
from dialects.llvmx import INSTRUCTIONS
from passes.share_kernels import SHARED_KERNEL_ATTR
from runtime.contract import ALIGNMENT

from .diagnostics import Position, resolve

#: Globals up to this many bytes are embedded in the LLVM IR; larger ones are external.
EMBED_LIMIT = 4096

_ARG_FLAGS = {"llvm.noalias": "noalias",
              "llvm.nonnull": "nonnull", "llvm.noundef": "noundef"}


@dataclass
class Translation:
    """An LLVM module plus the external constants its globals must be mapped to."""

    module: ir.Module
    constants: dict[str, np.ndarray] = field(default_factory=dict)
    #: With debug info: `!DILocation` metadata number -> every (position, label) of its op.
    locations: dict[str, list] = field(default_factory=dict)


class TranslationError(Exception):
    """An llvm-dialect op this translator cannot emit; carries the op's location."""

    def __init__(self, message: str, location):
        super().__init__(message)
        self.location = location


def translate(module: ModuleOp, triple: str = "", *, debug_info: bool = False) -> Translation:
    out = Translation(ir.Module(name="webnn"))
    if triple:
        out.module.triple = triple
    debug = _Debug(out) if debug_info else None
    funcs = []
    for op in module.body.ops:
        if isinstance(op, llvm.GlobalOp):
            _global(op, out)
        elif isinstance(op, llvm.FuncOp):
            funcs.append((op, _declare(op, out.module)))
        else:
            raise TranslationError(f"'{op.name}' is not allowed at the top level of an "
                                   "llvm module", op.location)
    for op, fn in funcs:
        if op.body.blocks:
            _body(op, fn, out.module.triple, debug)
    return out


class _Debug:
    """DWARF line info for one LLVM module (see the module docstring)."""

    def __init__(self, out: Translation):
        self.out = out
        self.module = out.module
        self.files: dict[str, ir.DIValue] = {}
        self.unit = None
        self.subprogram = None
        self.scopes: dict[str, ir.DIValue] = {}

    def file(self, path: str):
        if path not in self.files:
            p = Path(path)
            self.files[path] = self.module.add_debug_info("DIFile", {
                "filename": p.name, "directory": str(p.parent) if str(p.parent) != "." else ""})
        return self.files[path]

    def function(self, fn: ir.Function, loc) -> None:
        """Open `fn`'s DISubprogram, in the file of its own location."""
        where = resolve(loc) or Position("<unknown>", 0, 0)
        file = self.file(where.file)
        if self.unit is None:
            self.unit = self.module.add_debug_info("DICompileUnit", {
                "language": ir.DIToken("DW_LANG_C99"), "file": file,
                "producer": "webnn-mlir", "isOptimized": True, "runtimeVersion": 0,
                "emissionKind": ir.DIToken("FullDebug")}, is_distinct=True)
            self.module.add_named_metadata("llvm.dbg.cu", self.unit)
            i32 = ir.IntType(32)
            for flag in (["Dwarf Version", 4], ["Debug Info Version", 3]):
                self.module.add_named_metadata("llvm.module.flags", self.module.add_metadata(
                    [i32(2), flag[0], i32(flag[1])]))
        kind = self.module.add_debug_info("DISubroutineType", {
            "types": self.module.add_metadata([])})
        self.subprogram = self.module.add_debug_info("DISubprogram", {
            "name": fn.name, "scope": file, "file": file, "line": where.line,
            "type": kind, "scopeLine": where.line, "unit": self.unit,
            "spFlags": ir.DIToken("DISPFlagDefinition | DISPFlagOptimized")},
            is_distinct=True)
        fn.set_metadata("dbg", self.subprogram)
        self.scopes = {where.file: self.subprogram}

    def location(self, loc):
        """The `!DILocation` of an op (its first concrete position), or None."""
        from .sourcemap import parts

        found = parts(loc)
        if not found:
            return None
        first = found[0][0]
        scope = self.scopes.get(first.file)
        if scope is None:  # another file than the function's: a lexical block file
            scope = self.module.add_debug_info("DILexicalBlockFile", {
                "scope": self.subprogram, "file": self.file(first.file), "discriminator": 0})
            self.scopes[first.file] = scope
        di = self.module.add_debug_info("DILocation", {
            "line": first.line, "column": first.column, "scope": scope})
        self.out.locations.setdefault(di.name, found)
        return di


def _global(op: llvm.GlobalOp, out: Translation) -> None:
    value = op.value
    if not isinstance(value, DenseIntOrFPElementsAttr):
        raise TranslationError("only dense constant globals are supported", op.location)
    data = bytes(value.data.data)
    gtype = ir.ArrayType(ir.IntType(8), len(data))
    gvar = ir.GlobalVariable(out.module, gtype, name=op.sym_name.data)
    gvar.align = ALIGNMENT
    gvar.global_constant = True
    if len(data) <= EMBED_LIMIT:
        gvar.linkage = "internal"
        gvar.initializer = ir.Constant(gtype, bytearray(data))
    else:
        gvar.linkage = "external"
        out.constants[op.sym_name.data] = np.frombuffer(data, dtype=np.uint8)


def _declare(op: llvm.FuncOp, module: ir.Module) -> ir.Function:
    ftype = op.function_type
    ret = convert_type(ftype.output)
    fn = ir.Function(module, ir.FunctionType(ret, [convert_type(t) for t in ftype.inputs]),
                     name=op.sym_name.data)
    if SHARED_KERNEL_ATTR in op.attributes:
        # Called by several steps: inlined, it would be optimized once per caller again.
        fn.linkage = "internal"
        fn.attributes.add("noinline")
    if op.arg_attrs is not None:
        for arg, attrs in zip(fn.args, op.arg_attrs.data):
            for key, value in attrs.data.items():
                if key in _ARG_FLAGS:
                    arg.add_attribute(_ARG_FLAGS[key])
                elif key == "llvm.align" and isinstance(value, IntegerAttr):
                    arg.attributes.align = value.value.data
    if op.body.blocks and op.linkage.linkage.data == "internal":
        fn.linkage = "internal"
    if op.no_inline is not None:
        fn.attributes.add("noinline")
    return fn


def _body(op: llvm.FuncOp, fn: ir.Function, triple: str, debug: _Debug | None = None) -> None:
    if debug is not None:
        debug.function(fn, op.location)
    blocks: dict[Block, ir.Block] = {}
    values: dict[SSAValue, ir.Value] = {}
    for i, block in enumerate(op.body.blocks):
        blocks[block] = fn.append_basic_block(name=f"bb{i}")
    for arg, llvm_arg in zip(op.body.blocks[0].args, fn.args):
        values[arg] = llvm_arg
    for block in list(op.body.blocks)[1:]:
        builder = ir.IRBuilder(blocks[block])
        for arg in block.args:
            values[arg] = builder.phi(convert_type(arg.type))
    for block in op.body.blocks:
        builder = ir.IRBuilder(blocks[block])
        if blocks[block].instructions:
            builder.position_after(blocks[block].instructions[-1])
        for inner in block.ops:
            if debug is not None:
                builder.debug_metadata = debug.location(inner.location)
            method = INSTRUCTIONS.get(type(inner))
            emit = _LLVMX.get(type(inner))
            try:
                if isinstance(inner, llvm.AllocaOp):
                    slot = builder.alloca(convert_type(inner.elem_type), size=values[inner.size])
                    slot.align = inner.alignment.value.data
                    slot.type = ir.PointerType()
                    values[inner.results[0]] = slot
                elif method is not None:
                    values[inner.results[0]] = getattr(builder, method)(
                        values[inner.operands[0]], convert_type(inner.results[0].type))
                elif emit is not None:
                    emit(inner, builder, values, triple)
                else:
                    convert_op(inner, builder, values, blocks)
            except (NotImplementedError, KeyError) as err:
                raise TranslationError(f"cannot translate '{inner.name}' to LLVM IR: {err}",
                                       inner.location) from None


def _natural_align(t: ir.Type) -> int:
    """Atomic accesses must be naturally aligned: the byte size of the integer."""
    return max(1, t.width // 8)


def _load_atomic(op: llvmx.LoadAtomicOp, builder: ir.IRBuilder, values, _triple) -> None:
    t = convert_type(op.res.type)
    values[op.res] = builder.load_atomic(values[op.ptr], op.ordering.data.value,
                                         _natural_align(t), typ=t)


def _store_atomic(op: llvmx.StoreAtomicOp, builder: ir.IRBuilder, values, _triple) -> None:
    value = values[op.value]
    # llvmlite's `store_atomic` compares the pointer's pointee type with the value's,
    # which opaque pointers do not have; the instruction itself is built directly.
    builder._insert(instructions.StoreAtomicInstr(  # noqa: SLF001
        builder.block, value, values[op.ptr], op.ordering.data.value,
        _natural_align(value.type)))


def _atomicrmw(op: llvmx.AtomicRMWOp, builder: ir.IRBuilder, values, _triple) -> None:
    values[op.res] = builder.atomic_rmw(op.op.data.value, values[op.ptr], values[op.value],
                                        op.ordering.data.value)


def _cmpxchg(op: llvmx.CmpXchgOp, builder: ir.IRBuilder, values, _triple) -> None:
    pair = builder.cmpxchg(values[op.ptr], values[op.expected], values[op.new],
                           op.success.data.value, op.failure.data.value)
    values[op.seen] = builder.extract_value(pair, 0)
    values[op.ok] = builder.extract_value(pair, 1)


def _spin_hint(op: llvmx.SpinHintOp, builder: ir.IRBuilder, values, triple: str) -> None:
    arch = triple.split("-")[0]
    module = builder.module
    if arch in ("x86_64", "i386", "i686"):
        builder.call(_intrinsic(module, "llvm.x86.sse2.pause", []), [])
    elif arch in ("aarch64", "arm64"):
        i32 = ir.IntType(32)
        builder.call(_intrinsic(module, "llvm.aarch64.hint", [i32]), [ir.Constant(i32, 1)])
    # Elsewhere a spin loop simply has no hint.


def _intrinsic(module: ir.Module, name: str, args: list[ir.Type]) -> ir.Function:
    if name in module.globals:
        return module.globals[name]
    return ir.Function(module, ir.FunctionType(ir.VoidType(), args), name=name)


def _call_indirect(op: llvmx.CallIndirectOp, builder: ir.IRBuilder, values, _triple) -> None:
    args = [values[a] for a in op.args]
    fnty = ir.FunctionType(ir.VoidType(), [a.type for a in args])
    # llvmlite takes the callee's signature from a typed pointer; with opaque pointers
    # the bitcast is a no-op LLVM folds away.
    callee = instructions.CastInstr(builder.block, "bitcast", values[op.callee],
                                    fnty.as_pointer())
    builder._insert(callee)  # noqa: SLF001 (IRBuilder.bitcast skips "ptr to ptr")
    builder.call(callee, args)


#: llvmx op class -> emitter(op, builder, values, target triple).
_LLVMX = {llvmx.LoadAtomicOp: _load_atomic, llvmx.StoreAtomicOp: _store_atomic,
          llvmx.AtomicRMWOp: _atomicrmw, llvmx.CmpXchgOp: _cmpxchg,
          llvmx.SpinHintOp: _spin_hint, llvmx.CallIndirectOp: _call_indirect}

"""Translation of the `llvm` dialect to LLVM IR text.

The translator walks an llvm-dialect module once and writes LLVM's textual IR directly:
each op appends its line(s) to a list that is joined at the end. (Building llvmlite's IR
objects and printing them cost several times as much, and left a large object graph
for the cyclic collector.) What it emits, beyond one instruction per llvm-dialect op:

* `llvmx` ops (`uitofp`, atomics, the spin-wait hint, indirect calls); the spin-wait
  hint becomes the instruction of the module's target (none on other targets);
* constants: a global larger than `EMBED_LIMIT` bytes is not written into the IR text
  (megabytes of weights as LLVM constant syntax would dominate compile time) but
  declared external; its bytes are returned so the JIT can map the symbol to memory the
  executable owns. Small constants stay embedded (internal, constant) so LLVM can fold
  them. Every global is aligned to `runtime.contract.ALIGNMENT`;
* argument attributes (`noalias`, `nonnull`, `noundef`, `align`) on every function, and
  a function's `internal` linkage and `no_inline` flag (a kernel several steps share,
  `share-kernels`, is both);
* with `debug_info=True`, DWARF line info: a `DISubprogram` per function and a
  `!DILocation` on every instruction, from the location its llvm-dialect op carried all
  the way from the source, so `perf`, `gdb` and the assembly's `.loc` lines point at the
  original `.py` or `.mlir` lines (a fused op at its first part; `locations` keeps every
  part of each `!DILocation` for source maps). A position in another file than its
  function's is scoped by a `DILexicalBlockFile`;
* a declaration for every intrinsic called (named with LLVM's type mangling, e.g.
  `llvm.fma.v8f32`), phi nodes for block arguments, fast-math and overflow flags.

Values are named `%v0`, `%v1`, ... per function; constants (`llvm.mlir.constant`,
`zero`, `undef`, `addressof`) emit no instruction but are written inline where used.
Floating-point constants use LLVM's exact hexadecimal forms (`float`/`double` as the
16-digit double, `half` as `0xH....`, `bfloat` as `0xR....`), so NaN payloads, signed
zeros and infinities survive bit for bit. Anything this translator does not support
raises `TranslationError` at the op's location.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from xdsl.dialects import llvm
from xdsl.dialects.builtin import (
    BFloat16Type,
    ComplexType,
    DenseIntOrFPElementsAttr,
    Float16Type,
    Float32Type,
    Float64Type,
    FloatAttr,
    FunctionType,
    IntAttr,
    IntegerAttr,
    IntegerType,
    ModuleOp,
    NoneType,
    TupleType,
    VectorType,
)
from xdsl.ir import Block, Operation, SSAValue

from dialects import llvmx
from passes.share_kernels import SHARED_KERNEL_ATTR
from runtime.contract import ALIGNMENT

from .diagnostics import Position, resolve

#: Globals up to this many bytes are embedded in the LLVM IR; larger ones are external.
EMBED_LIMIT = 4096

#: llvm-dialect argument attributes that are LLVM parameter attributes without a value.
_ARG_FLAGS = {"llvm.noalias": "noalias",
              "llvm.nonnull": "nonnull", "llvm.noundef": "noundef"}


@dataclass
class Translation:
    """LLVM IR text plus the external constants its globals must be mapped to."""

    text: str
    constants: dict[str, np.ndarray] = field(default_factory=dict)
    #: With debug info: `!DILocation` metadata number -> every (position, label) of its op.
    locations: dict[str, list] = field(default_factory=dict)


class TranslationError(Exception):
    """An llvm-dialect op this translator cannot emit; carries the op's location."""

    def __init__(self, message: str, location):
        super().__init__(message)
        self.location = location


class _Unsupported(Exception):
    """Something of an op (a type, an attribute, a flag) that has no translation here."""


def translate(module: ModuleOp, triple: str = "", *, debug_info: bool = False) -> Translation:
    """The LLVM IR of an llvm-dialect module, for target `triple` (default: none named)."""
    return _ModuleWriter(triple, debug_info).write(module)


# ----------------------------------------------------------------------------- names
def _quote(name: str) -> str:
    """A symbol name in LLVM's quoted form (valid whatever characters it has)."""
    if name.isascii() and name.isprintable() and '"' not in name and "\\" not in name:
        return f'"{name}"'
    return '"' + _escape(name) + '"'


#: Byte -> its spelling in an LLVM string: printable ASCII but `"` and `\\` as is, other
#: bytes as `\\XX`.
_BYTE_TEXT = [chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\{b:02X}"
              for b in range(256)]


def _escape(text: str | bytes) -> str:
    """The contents of an LLVM string literal holding `text` (UTF-8) or bytes."""
    data = text.encode() if isinstance(text, str) else text
    return "".join(map(_BYTE_TEXT.__getitem__, data))


# ----------------------------------------------------------------------------- types
_FLOAT_TYPES = {Float16Type: "half", BFloat16Type: "bfloat", Float32Type: "float",
                Float64Type: "double"}
#: Intrinsic name suffixes of the float types (LLVM's type mangling).
_FLOAT_SUFFIX = {Float16Type: "f16", BFloat16Type: "bf16", Float32Type: "f32",
                 Float64Type: "f64"}


def _type_text(t) -> str:
    """LLVM's spelling of an llvm-dialect (or builtin) type."""
    cls = type(t)
    if cls is IntegerType:
        return f"i{t.width.data}"
    if cls in _FLOAT_TYPES:
        return _FLOAT_TYPES[cls]
    if cls is llvm.LLVMPointerType:
        space = t.addr_space
        return f"ptr addrspace({space.data})" if isinstance(space, IntAttr) and space.data \
            else "ptr"
    if cls is VectorType:
        if t.get_num_scalable_dims() or t.get_num_dims() != 1:
            raise _Unsupported(f"only fixed one-dimensional vectors are supported, not {t}")
        return f"<{t.get_shape()[0]} x {_type_text(t.element_type)}>"
    if cls is llvm.LLVMArrayType:
        return f"[{t.size.data} x {_type_text(t.type)}]"
    if cls is llvm.LLVMStructType or cls is TupleType:
        return "{ " + ", ".join(_type_text(e) for e in t.types.data) + " }"
    if cls is ComplexType:
        element = _type_text(t.element_type)
        return f"{{ {element}, {element} }}"
    if cls is llvm.LLVMVoidType or cls is NoneType:
        return "void"
    if cls is llvm.LLVMFunctionType:
        params = [_type_text(p) for p in t.inputs.data] + (["..."] if t.is_variadic else [])
        return f"{_type_text(t.output)} ({', '.join(params)})"
    if cls is FunctionType:
        out = _type_text(t.outputs.data[0]) if t.outputs.data else "void"
        return f"{out} ({', '.join(_type_text(p) for p in t.inputs.data)})"
    raise _Unsupported(f"type {t} has no LLVM equivalent here")


def _suffix(t) -> str:
    """The mangling suffix of an overloaded intrinsic for type `t` (`f32`, `v8f32`...)."""
    cls = type(t)
    if cls in _FLOAT_SUFFIX:
        return _FLOAT_SUFFIX[cls]
    if cls is IntegerType:
        return f"i{t.width.data}"
    if cls is VectorType:
        return f"v{t.get_shape()[0]}{_suffix(t.element_type)}"
    if cls is llvm.LLVMPointerType:
        space = t.addr_space
        return f"p{space.data if isinstance(space, IntAttr) else 0}"
    raise _Unsupported(f"no intrinsic is overloaded on type {t}")


def _is_float(t) -> bool:
    """Whether `t` is a float type or a vector of floats (what fast-math flags need)."""
    return type(t) in _FLOAT_TYPES or (type(t) is VectorType
                                       and type(t.element_type) in _FLOAT_TYPES)


# ----------------------------------------------------------------------------- constants
_DOUBLE = struct.Struct("<d")
_U64 = struct.Struct("<Q")
_SINGLE = struct.Struct("<f")
_U32 = struct.Struct("<I")
_HALF = struct.Struct("<e")


def _f32_bits_text(bits: int) -> str:
    """An f32 given by its bits, in LLVM's notation: the double of the same value.

    A NaN's payload moves to the top of the double's significand (that is what LLVM
    truncates back); the quiet bit is part of the payload, so signaling NaNs survive.
    """
    if bits & 0x7F800000 == 0x7F800000:  # infinity or NaN: no arithmetic, only bits
        double = ((bits >> 31) << 63) | (0x7FF << 52) | ((bits & 0x7FFFFF) << 29)
    else:  # every finite f32 is a double exactly
        double = _U64.unpack(_DOUBLE.pack(_SINGLE.unpack(_U32.pack(bits))[0]))[0]
    return f"0x{double:016X}"


def _double_bits(value: float) -> int:
    return _U64.unpack(_DOUBLE.pack(value))[0]


def _f32_bits(value: float) -> int:
    """The f32 nearest a Python float, as bits (NaN: the payload's top bits)."""
    if math.isnan(value):
        bits = _double_bits(value)
        payload = (bits >> 29) & 0x7FFFFF or 0x400000  # a payload all in the low bits: quiet
        return ((bits >> 63) << 31) | 0x7F800000 | payload
    try:
        return _U32.unpack(_SINGLE.pack(value))[0]
    except OverflowError:
        raise _Unsupported(f"{value} is out of range for f32") from None


def _f16_bits(value: float) -> int:
    if math.isnan(value):
        bits = _double_bits(value)
        return ((bits >> 63) << 15) | 0x7C00 | ((bits >> 42) & 0x3FF or 0x200)
    try:
        return int.from_bytes(_HALF.pack(value), "little")
    except OverflowError:
        raise _Unsupported(f"{value} is out of range for f16") from None


def _bf16_bits(value: float) -> int:
    # Through f32 (24 significant bits, enough that rounding twice is rounding once),
    # then to the nearest even of its top 16 bits; a NaN keeps its payload's top bits.
    bits = _f32_bits(value)
    if bits & 0x7F800000 == 0x7F800000:
        top = bits >> 16
        return top if bits & 0x7FFFFF == 0 or top & 0x7F else top | 0x40
    return (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16


def _float_text(t, value: float) -> str:
    """A scalar float constant of type `t` in LLVM's exact hexadecimal notation."""
    cls = type(t)
    if cls is Float32Type:
        return _f32_bits_text(_f32_bits(value))
    if cls is Float64Type:
        return f"0x{_double_bits(value):016X}"
    if cls is Float16Type:
        return f"0xH{_f16_bits(value):04X}"
    if cls is BFloat16Type:
        return f"0xR{_bf16_bits(value):04X}"
    raise _Unsupported(f"float constant of type {t}")


def _int_text(t, value: int) -> str:
    """An integer constant; i1 as `true`/`false` (xDSL may hold true as 1 or -1)."""
    return ("true" if value else "false") if t.width.data == 1 else str(value)


def _dense_elements(element, data: bytes) -> list[str]:
    """The elements of a dense attribute's bytes, spelled as LLVM constants: floats
    straight from their bits (so every NaN keeps its payload), integers signed."""
    cls = type(element)
    if cls is Float32Type:
        return [_f32_bits_text(b) for b in np.frombuffer(data, "<u4").tolist()]
    if cls is Float64Type:
        return [f"0x{b:016X}" for b in np.frombuffer(data, "<u8").tolist()]
    if cls is Float16Type:
        return [f"0xH{b:04X}" for b in np.frombuffer(data, "<u2").tolist()]
    if cls is BFloat16Type:
        return [f"0xR{b:04X}" for b in np.frombuffer(data, "<u2").tolist()]
    if cls is IntegerType:
        width = element.width.data
        if width == 1:
            return ["true" if b else "false" for b in data]
        size = element.compile_time_size
        if size not in (1, 2, 4, 8):
            raise _Unsupported(f"dense constant of {element}")
        return [str(v) for v in np.frombuffer(data, f"<i{size}").tolist()]
    raise _Unsupported(f"dense constant of {element}")


# ----------------------------------------------------------------------------- module
class _ModuleWriter:
    """One module's text: globals, functions, intrinsic declarations, debug metadata."""

    def __init__(self, triple: str, debug_info: bool):
        self.triple = triple
        self.translation = Translation("")
        #: id(type attribute) -> (the attribute, kept alive so its id stays unique; text).
        self.type_texts: dict[int, tuple[object, str]] = {}
        #: Symbol -> function type of every llvm.func, for calls.
        self.signatures: dict[str, llvm.LLVMFunctionType] = {}
        #: Intrinsic name -> its declaration, for every intrinsic called.
        self.intrinsics: dict[str, str] = {}
        #: (element type text, bytes) -> text of a dense vector or array constant.
        self.dense_texts: dict[tuple[str, bytes], str] = {}
        self.debug = _Debug(self.translation) if debug_info else None

    def type(self, t) -> str:
        """`_type_text`, cached by attribute identity (hashing attributes is slow)."""
        found = self.type_texts.get(id(t))
        if found is None:
            found = self.type_texts[id(t)] = (t, _type_text(t))
        return found[1]

    def intrinsic(self, name: str, result: str, params: list[str]) -> str:
        """`@"name"`, declared (once) with this signature unless a function of the
        module has that name."""
        if name not in self.intrinsics and name not in self.signatures:
            self.intrinsics[name] = f"declare {result} @{_quote(name)}({', '.join(params)})"
        return "@" + _quote(name)

    def write(self, module: ModuleOp) -> Translation:
        out = ["; ModuleID = 'webnn'"]
        if self.triple:
            out.append(f'target triple = "{_escape(self.triple)}"')
        funcs = []
        for op in module.body.ops:
            if isinstance(op, llvm.GlobalOp):
                out.append(self.global_(op))
            elif isinstance(op, llvm.FuncOp):
                funcs.append(op)
                self.signatures[op.sym_name.data] = op.function_type
            else:
                raise TranslationError(f"'{op.name}' is not allowed at the top level of an "
                                       "llvm module", op.location)
        for op in funcs:
            try:
                header = self.header(op)
            except _Unsupported as err:
                raise TranslationError(f"cannot translate '{op.name}' to LLVM IR: {err}",
                                       op.location) from None
            if op.body.blocks:
                _FunctionWriter(self, op, out).write(header)
            else:
                out.append("declare " + header)
        out.extend(self.intrinsics.values())
        if self.debug is not None:
            out.extend(self.debug.metadata())
        out.append("")
        self.translation.text = "\n".join(out)
        return self.translation

    def global_(self, op: llvm.GlobalOp) -> str:
        value = op.value
        if not isinstance(value, DenseIntOrFPElementsAttr):
            raise TranslationError("only dense constant globals are supported", op.location)
        data = bytes(value.data.data)
        name = _quote(op.sym_name.data)
        if len(data) > EMBED_LIMIT:
            self.translation.constants[op.sym_name.data] = np.frombuffer(data, dtype=np.uint8)
            return f"@{name} = external constant [{len(data)} x i8], align {ALIGNMENT}"
        return (f'@{name} = internal constant [{len(data)} x i8] c"{_escape(data)}", '
                f"align {ALIGNMENT}")

    def header(self, op: llvm.FuncOp) -> str:
        """What follows `define`/`declare`: linkage, signature with argument names (for a
        definition) and attributes, and function attributes."""
        ftype = op.function_type
        defined = bool(op.body.blocks)
        arg_attrs = op.arg_attrs.data if op.arg_attrs is not None else ()
        params = []
        for i, t in enumerate(ftype.inputs.data):
            words = [self.type(t)]
            if i < len(arg_attrs):
                align = None
                for key, value in arg_attrs[i].data.items():
                    if key in _ARG_FLAGS:
                        words.append(_ARG_FLAGS[key])
                    elif key == "llvm.align" and isinstance(value, IntegerAttr):
                        align = value.value.data
                if align is not None:
                    words.append(f"align {align}")
            if defined:
                words.append(f"%v{i}")
            params.append(" ".join(words))
        if ftype.is_variadic:
            params.append("...")
        words = []
        # A kernel several steps share is internal (one part's) and never inlined:
        # inlined, it would be optimized once per caller again.
        if defined and (SHARED_KERNEL_ATTR in op.attributes
                        or op.linkage.linkage.data == "internal"):
            words.append("internal")
        cconv = op.CConv.cconv_name
        if cconv != "ccc":
            words.append(cconv)
        words.append(f"{self.type(ftype.output)} @{_quote(op.sym_name.data)}"
                     f"({', '.join(params)})")
        if SHARED_KERNEL_ATTR in op.attributes or op.no_inline is not None:
            words.append("noinline")
        return " ".join(words)


# ----------------------------------------------------------------------------- functions
class _FunctionWriter:
    """The body of one function: one emitter per op family (`_EMITTERS`).

    Each emitter appends its instruction lines (without newline) to `out`; a value an
    op defines gets a name (`%vN`, `define`) or, for a constant, its literal text.
    `refs` holds each value's operand text, `typed` the same with its type in front
    (`float %v3`), which is how most instructions take their operands. Both are keyed by
    `id(value)`: an SSAValue's own hash is a Python method, several times slower, and
    every value stays alive (in the module) while the function is written.
    """

    def __init__(self, module: _ModuleWriter, op: llvm.FuncOp, out: list[str]):
        self.module = module
        self.op = op
        self.out = out
        self.refs: dict[int, str] = {}
        self.typed: dict[int, str] = {}
        self.count = 0
        self.labels: dict[Block, str] = {}
        #: id(block argument) -> its phi's incoming `[ value, %label ]` entries.
        self.incoming: dict[int, list[str]] = {}
        self.label = ""  # of the block being written
        self.current: Operation = op  # the op being written, for errors

    # -- values
    def define(self, value: SSAValue) -> str:
        """Name the op result (or block argument) `value`; returns the name."""
        name = f"%v{self.count}"
        self.count += 1
        key = id(value)
        self.refs[key] = name
        self.typed[key] = f"{self.module.type(value.type)} {name}"
        return name

    def temporary(self) -> str:
        """A name for an LLVM value that is no op's result."""
        name = f"%v{self.count}"
        self.count += 1
        return name

    def constant(self, value: SSAValue, text: str) -> None:
        """`value` is a constant: written inline wherever it is used."""
        self.refs[id(value)] = text
        self.typed[id(value)] = f"{self.module.type(value.type)} {text}"

    # -- the function
    def write(self, header: str) -> None:
        """Append the function's definition to `out`; TranslationError at the op (or
        the function) that has no translation."""
        self.current = self.op
        try:
            self._write(header)
        except (_Unsupported, KeyError, IndexError, ValueError, OverflowError,
                struct.error) as err:
            if isinstance(err, KeyError):
                err = "a value or block is used where it is not defined"
            raise TranslationError(f"cannot translate '{self.current.name}' to LLVM IR: "
                                   f"{err}", self.current.location) from None

    def _write(self, header: str) -> None:
        op, out, module = self.op, self.out, self.module
        debug = module.debug
        blocks = list(op.body.blocks)
        for i, block in enumerate(blocks):
            self.labels[block] = f"bb{i}"
        for arg in blocks[0].args:  # the parameters: %v0, %v1, ... as in the header
            self.define(arg)
        # Block arguments become phis at the top of their block; their incoming values
        # are known only once every branch to the block is written.
        phis = []
        for block in blocks[1:]:
            for arg in block.args:
                self.define(arg)
                self.incoming[id(arg)] = []
        dbg = ""
        if debug is not None:
            dbg = " " + debug.function(op.sym_name.data, op.location)
        out.append(f"define {header}{dbg} {{")
        emitters = _EMITTERS
        for block in blocks:
            self.label = self.labels[block]
            out.append(self.label + ":")
            if block.args and block is not blocks[0]:
                phis.append((len(out), block))
                out.append("")  # the phis' place, filled in below
            for inner in block.ops:
                self.current = inner
                emit = emitters.get(type(inner))
                if emit is None:
                    raise _Unsupported("no translation for this op")
                start = len(out)
                emit(self, inner)
                if debug is not None and len(out) > start:
                    suffix = debug.location(inner.location)
                    if suffix:
                        for i in range(start, len(out)):
                            out[i] += suffix
        self.current = op
        for index, block in phis:
            out[index] = "\n".join(
                f"  {self.refs[id(arg)]} = phi {module.type(arg.type)} "
                f"{', '.join(self.incoming[id(arg)])}" for arg in block.args)
        out.append("}")

    def branch_to(self, block: Block, args) -> str:
        """The label of a successor, recording the values passed to its phis."""
        refs, incoming, here = self.refs, self.incoming, self.label
        for arg, value in zip(block.args, args):
            incoming[id(arg)].append(f"[ {refs[id(value)]}, %{here} ]")
        return self.labels[block]


# The emitters: (writer, op) -> None, appending instruction lines to writer.out. They
# read operands, results and properties positionally (`op.operands`, `op.results`,
# `op.properties`) where xDSL's named accessors would cost more than the rest of the
# emitter.

#: LLVM's order of the fast-math flags: xDSL holds them as a set, whose order changes
#: with the process's string hashing, and the text should not.
_FAST_MATH_ORDER = ("reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn")
_fast_math_texts: dict[frozenset, str] = {}


def _fast_math(op: Operation) -> str:
    """`" fast-math flags"` of an op (empty without), in LLVM's spelling."""
    flags = op.properties.get("fastmathFlags")
    if flags is None or not flags.data:
        return ""
    text = _fast_math_texts.get(flags.data)
    if text is None:
        names = {f.value for f in flags.data}
        text = _fast_math_texts[flags.data] = "".join(
            " " + name for name in _FAST_MATH_ORDER if name in names)
    return text


def _overflow(flags) -> str:
    """`" nuw nsw"` of an integer op's overflow flags (an int or an OverflowAttr)."""
    if isinstance(flags, IntegerAttr):  # bit 0: nsw, bit 1: nuw
        bits = flags.value.data
    else:
        bits = sum({"nsw": 1, "nuw": 2}[f.value] for f in flags.data)
    return (" nuw" if bits & 2 else "") + (" nsw" if bits & 1 else "")


#: Flags the arithmetic and cast ops carry, by property; an op has at most one kind.
_FLAG_WORDS = {"isExact": " exact", "isDisjoint": " disjoint", "nonNeg": " nneg"}


def _flags(op: Operation) -> str:
    """The instruction flags of an arithmetic op or a cast: fast-math, `nuw nsw`,
    `exact`, `disjoint` or `nneg` (empty without)."""
    props = op.properties
    if "fastmathFlags" in props:
        return _fast_math(op)
    if "overflowFlags" in props:
        return _overflow(props["overflowFlags"])
    return next((word for key, word in _FLAG_WORDS.items() if key in props), "")


_BINARY = {llvm.AddOp: "add", llvm.SubOp: "sub", llvm.MulOp: "mul",
           llvm.UDivOp: "udiv", llvm.SDivOp: "sdiv", llvm.URemOp: "urem",
           llvm.SRemOp: "srem", llvm.ShlOp: "shl", llvm.LShrOp: "lshr",
           llvm.AShrOp: "ashr", llvm.AndOp: "and", llvm.OrOp: "or", llvm.XOrOp: "xor",
           llvm.FAddOp: "fadd", llvm.FSubOp: "fsub", llvm.FMulOp: "fmul",
           llvm.FDivOp: "fdiv", llvm.FRemOp: "frem"}


def _binary(w: _FunctionWriter, op: Operation) -> None:
    """Integer and float arithmetic, with its flags: `add nuw nsw`, `udiv exact`,
    `or disjoint`, `fadd fast`."""
    lhs, rhs = op.operands
    (res,) = op.results
    name = w.define(res)
    w.out.append(f"  {name} = {_BINARY[type(op)]}{_flags(op)} {w.typed[id(lhs)]}, "
                 f"{w.refs[id(rhs)]}")


_ICMP = tuple(f.value for f in llvm.ICmpPredicateFlag)
_FCMP = tuple(f.value.lstrip("_") for f in llvm.FCmpPredicateFlag)  # `_false` -> false


def _compare(w: _FunctionWriter, op: Operation) -> None:
    lhs, rhs = op.operands
    (res,) = op.results
    predicate = op.properties["predicate"].value.data
    if type(op) is llvm.ICmpOp:
        what = f"icmp {_ICMP[predicate]}"
    else:
        what = f"fcmp{_fast_math(op)} {_FCMP[predicate]}"
    name = w.define(res)
    w.out.append(f"  {name} = {what} {w.typed[id(lhs)]}, {w.refs[id(rhs)]}")


_CASTS = {llvm.TruncOp: "trunc", llvm.ZExtOp: "zext", llvm.SExtOp: "sext",
          llvm.PtrToIntOp: "ptrtoint", llvm.IntToPtrOp: "inttoptr",
          llvm.BitcastOp: "bitcast", llvm.FPExtOp: "fpext", llvm.FPTruncOp: "fptrunc",
          llvm.SIToFPOp: "sitofp", llvmx.UIToFPOp: "uitofp"}


def _cast(w: _FunctionWriter, op: Operation) -> None:
    """`trunc nuw nsw`, `zext nneg` and the flagless casts."""
    (arg,) = op.operands
    (res,) = op.results
    name = w.define(res)
    w.out.append(f"  {name} = {_CASTS[type(op)]}{_flags(op)} {w.typed[id(arg)]} to "
                 f"{w.module.type(res.type)}")


def _intrinsic_call(w: _FunctionWriter, op: Operation, name: str, args: list[str],
                    params: list[str], flags: str = "") -> None:
    """A call of intrinsic `name`, declared with parameter types `params` and the op's
    result type (void without)."""
    module = w.module
    if op.results:
        (res,) = op.results
        ty = module.type(res.type)
        callee = module.intrinsic(name, ty, params)
        result = w.define(res)
        w.out.append(f"  {result} = call{flags} {ty} {callee}({', '.join(args)})")
    else:
        callee = module.intrinsic(name, "void", params)
        w.out.append(f"  call{flags} void {callee}({', '.join(args)})")


def _call_operands(w: _FunctionWriter, op: Operation) -> tuple[list[str], list[str]]:
    """The typed texts of an op's operands, and their types (an intrinsic's parameters)."""
    typed, type_ = w.typed, w.module.type
    values = op.operands
    return [typed[id(v)] for v in values], [type_(v.type) for v in values]


_MATH = {llvm.FAbsOp: "llvm.fabs", llvm.FExpOp: "llvm.exp", llvm.FCeilOp: "llvm.ceil",
         llvm.FSinOp: "llvm.sin", llvm.FFloorOp: "llvm.floor", llvm.FExp2Op: "llvm.exp2",
         llvm.FSqrtOp: "llvm.sqrt", llvm.FLogOp: "llvm.log", llvm.FCosOp: "llvm.cos",
         llvm.FLog2Op: "llvm.log2", llvm.FPowOp: "llvm.pow", llvm.VectorFMaxOp: "llvm.maxnum",
         llvm.VectorFMinOp: "llvm.minnum", llvm.FCopySignOp: "llvm.copysign",
         llvm.FMAOp: "llvm.fma", llvm.VectorReduceFAddOp: "llvm.vector.reduce.fadd",
         llvm.VectorReduceFMulOp: "llvm.vector.reduce.fmul"}


def _math(w: _FunctionWriter, op: Operation) -> None:
    """The `llvm.intr.*` float ops: overloaded intrinsics, named after their type (a
    reduction after its vector operand's)."""
    overload = op.operands[-1].type
    _intrinsic_call(w, op, f"{_MATH[type(op)]}.{_suffix(overload)}", *_call_operands(w, op),
                    _fast_math(op))


def _masked_store(w: _FunctionWriter, op: llvm.MaskedStoreOp) -> None:
    # The four-operand form (alignment as an i32 operand), which every LLVM reads (LLVM
    # 22 upgrades it to an `align` attribute on the pointer).
    args, params = _call_operands(w, op)
    value, ptr, _ = op.operands
    align = op.properties["alignment"].value.data
    _intrinsic_call(w, op, f"llvm.masked.store.{_suffix(value.type)}.{_suffix(ptr.type)}",
                    [*args[:2], f"i32 {align}", args[2]], [*params[:2], "i32", params[2]])


def _call_intrinsic(w: _FunctionWriter, op: llvm.CallIntrinsicOp) -> None:
    """`llvm.call_intrinsic`: the name is given, mangling included."""
    props = op.properties
    if len(props["op_bundle_sizes"]):
        raise _Unsupported("operand bundles are not supported")
    # Without bundles (verified: as many bundle operands as sizes) every operand is an
    # argument.
    flags = _fast_math(op) if op.results and _is_float(op.results[0].type) else ""
    _intrinsic_call(w, op, props["intrin"].data, *_call_operands(w, op), flags)


def _fneg(w: _FunctionWriter, op: llvm.FNegOp) -> None:
    (arg,) = op.operands
    name = w.define(op.results[0])
    w.out.append(f"  {name} = fneg{_fast_math(op)} {w.typed[id(arg)]}")


def _call(w: _FunctionWriter, op: llvm.CallOp) -> None:
    props = op.properties
    if len(props["op_bundle_sizes"]):
        raise _Unsupported("operand bundles are not supported")
    if op.callee is None:
        raise _Unsupported("indirect calls go through llvmx.call_indirect")
    callee = op.callee.string_value()
    signature = w.module.signatures.get(callee)
    if signature is None:
        raise _Unsupported(f"'{callee}' is not a function of this module")
    words = []
    tail = props["TailCallKind"].data.value
    if tail != "none":
        words.append(tail)
    words.append("call")
    if op.results and _is_float(op.results[0].type):
        flags = _fast_math(op)
        if flags:
            words.append(flags[1:])
    words.append(props["CConv"].cconv_name)
    # A variadic callee is named with its whole function type; others by return type.
    words.append(w.module.type(signature if signature.is_variadic else signature.output))
    typed = w.typed
    args = ", ".join(typed[id(a)] for a in op.operands)  # no bundles: all are arguments
    words.append(f"@{_quote(callee)}({args})")
    if op.results:
        name = w.define(op.results[0])
        w.out.append(f"  {name} = {' '.join(words)}")
    else:
        w.out.append(f"  {' '.join(words)}")


def _call_indirect(w: _FunctionWriter, op: llvmx.CallIndirectOp) -> None:
    # With opaque pointers the callee is just a `ptr`; the call names the return type.
    callee, *args = op.operands
    typed = w.typed
    w.out.append(f"  call void {w.refs[id(callee)]}({', '.join(typed[id(a)] for a in args)})")


def _inline_asm(w: _FunctionWriter, op: llvm.InlineAsmOp) -> None:
    words = ["asm"]
    if op.has_side_effects is not None:
        words.append("sideeffect")
    if op.is_align_stack is not None:
        words.append("alignstack")
    if op.asm_dialect is not None and op.asm_dialect.value.data == 1:
        words.append("inteldialect")
    asm = (f'{" ".join(words)} "{_escape(op.asm_string.data)}", '
           f'"{_escape(op.constraints.data)}"')
    typed = w.typed
    args = ", ".join(typed[id(a)] for a in op.operands)
    if op.results:
        (res,) = op.results
        ty = w.module.type(res.type)
        name = w.define(res)
        w.out.append(f"  {name} = call {ty} {asm}({args})")
    else:
        w.out.append(f"  call void {asm}({args})")


def _alignment(props: dict) -> str:
    align = props.get("alignment")
    return f", align {align.value.data}" if align is not None and align.value.data else ""


def _alloca(w: _FunctionWriter, op: llvm.AllocaOp) -> None:
    # The slot is an opaque `ptr`, like every pointer of the module.
    (size,) = op.operands
    props = op.properties
    name = w.define(op.results[0])
    w.out.append(f"  {name} = alloca {w.module.type(props['elem_type'])}, "
                 f"{w.typed[id(size)]}{_alignment(props)}")


_ORDERINGS = {1: "unordered", 2: "monotonic", 4: "acquire", 5: "release",
              6: "acq_rel", 7: "seq_cst"}  # MLIR's AtomicOrdering numbers (0: not atomic)


def _access(props: dict) -> tuple[str, str]:
    """The words of a load or store: (after the opcode: `atomic`, `volatile`; after the
    pointer: the atomic ordering, the alignment)."""
    volatile = " volatile" if "volatile_" in props else ""
    ordering = props.get("ordering")
    if ordering is None or not ordering.value.data:
        return volatile, _alignment(props)
    if ordering.value.data not in _ORDERINGS or "alignment" not in props:
        raise _Unsupported("an atomic access needs a known ordering and an alignment")
    return f" atomic{volatile}", f" {_ORDERINGS[ordering.value.data]}{_alignment(props)}"


def _load(w: _FunctionWriter, op: llvm.LoadOp) -> None:
    (ptr,) = op.operands
    (res,) = op.results
    before, after = _access(op.properties)
    name = w.define(res)
    w.out.append(f"  {name} = load{before} {w.module.type(res.type)}, {w.typed[id(ptr)]}"
                 f"{after}")


def _store(w: _FunctionWriter, op: llvm.StoreOp) -> None:
    value, ptr = op.operands
    before, after = _access(op.properties)
    w.out.append(f"  store{before} {w.typed[id(value)]}, {w.typed[id(ptr)]}{after}")


def _gep(w: _FunctionWriter, op: llvm.GEPOp) -> None:
    # Constant indices are i32 (what struct fields need); the others as typed.
    ptr, *dynamic = op.operands
    props = op.properties
    typed = w.typed
    dynamic = iter(dynamic)
    indices = ", ".join(typed[id(next(dynamic))] if i == llvm.GEP_USE_SSA_VAL else f"i32 {i}"
                        for i in props["rawConstantIndices"].get_values())
    flags = props["noWrapFlags"].value.data  # MLIR's GEPNoWrapFlags: 1 inbounds, 2 nusw, 4 nuw
    words = ""
    if "inbounds" in props or flags & 1:
        words += " inbounds"
    elif flags & 2:
        words += " nusw"
    if flags & 4:
        words += " nuw"
    name = w.define(op.results[0])
    w.out.append(f"  {name} = getelementptr{words} {w.module.type(props['elem_type'])}, "
                 f"{typed[id(ptr)]}, {indices}")


def _extractvalue(w: _FunctionWriter, op: llvm.ExtractValueOp) -> None:
    (container,) = op.operands
    position = ", ".join(map(str, op.properties["position"].get_values()))
    name = w.define(op.results[0])
    w.out.append(f"  {name} = extractvalue {w.typed[id(container)]}, {position}")


def _insertvalue(w: _FunctionWriter, op: llvm.InsertValueOp) -> None:
    container, value = op.operands
    position = ", ".join(map(str, op.properties["position"].get_values()))
    name = w.define(op.results[0])
    w.out.append(f"  {name} = insertvalue {w.typed[id(container)]}, {w.typed[id(value)]}, "
                 f"{position}")


def _insertelement(w: _FunctionWriter, op: llvm.InsertElementOp) -> None:
    vector, value, index = op.operands
    typed = w.typed
    name = w.define(op.results[0])
    w.out.append(f"  {name} = insertelement {typed[id(vector)]}, {typed[id(value)]}, "
                 f"{typed[id(index)]}")


def _shufflevector(w: _FunctionWriter, op: llvm.ShuffleVectorOp) -> None:
    # A negative mask element (MLIR's "undefined") is a poison lane in LLVM.
    v1, v2 = op.operands
    mask = op.properties["mask"].get_values()
    lanes = ", ".join(f"i32 {i}" if i >= 0 else "i32 poison" for i in mask)
    name = w.define(op.results[0])
    w.out.append(f"  {name} = shufflevector {w.typed[id(v1)]}, {w.typed[id(v2)]}, "
                 f"<{len(mask)} x i32> <{lanes}>")


def _select(w: _FunctionWriter, op: llvm.SelectOp) -> None:
    cond, lhs, rhs = op.operands
    (res,) = op.results
    flags = _fast_math(op) if _is_float(res.type) else ""
    typed = w.typed
    name = w.define(res)
    w.out.append(f"  {name} = select{flags} {typed[id(cond)]}, {typed[id(lhs)]}, "
                 f"{typed[id(rhs)]}")


def _br(w: _FunctionWriter, op: llvm.BrOp) -> None:
    (dest,) = op.successors
    w.out.append(f"  br label %{w.branch_to(dest, op.operands)}")


def _cond_br(w: _FunctionWriter, op: llvm.CondBrOp) -> None:
    then, other = op.successors
    then = w.branch_to(then, op.then_arguments)
    other = w.branch_to(other, op.else_arguments)
    w.out.append(f"  br {w.typed[id(op.operands[0])]}, label %{then}, label %{other}")


def _return(w: _FunctionWriter, op: llvm.ReturnOp) -> None:
    w.out.append(f"  ret {w.typed[id(op.operands[0])]}" if op.operands else "  ret void")


def _unreachable(w: _FunctionWriter, op: llvm.UnreachableOp) -> None:
    w.out.append("  unreachable")


def _constant(w: _FunctionWriter, op: llvm.ConstantOp) -> None:
    (res,) = op.results
    t = res.type
    value = op.properties["value"]
    scalar = None
    if isinstance(value, IntegerAttr):
        if type(t) is IntegerType:
            w.constant(res, _int_text(t, value.value.data))
            return
        if type(t) is VectorType and type(t.element_type) is IntegerType:
            scalar = _int_text(t.element_type, value.value.data)
    elif isinstance(value, FloatAttr):
        if type(t) in _FLOAT_TYPES:
            w.constant(res, _float_text(t, value.value.data))
            return
        if type(t) is VectorType and type(t.element_type) in _FLOAT_TYPES:
            scalar = _float_text(t.element_type, value.value.data)
    elif isinstance(value, DenseIntOrFPElementsAttr):
        w.constant(res, _dense(w.module, t, value))
        return
    if scalar is None:
        raise _Unsupported(f"a {value.name} constant of type {t}")
    # A scalar attribute of a vector type is a splat.
    element = w.module.type(t.element_type)
    w.constant(res, "<" + ", ".join([f"{element} {scalar}"] * t.get_shape()[0]) + ">")


def _dense(module: _ModuleWriter, t, value: DenseIntOrFPElementsAttr) -> str:
    """A vector or array constant, element by element (cached: kernels repeat them)."""
    if type(t) is VectorType:
        element_type, count, open_, close = t.element_type, t.get_shape()[0], "<", ">"
    elif type(t) is llvm.LLVMArrayType:
        element_type, count, open_, close = t.type, t.size.data, "[", "]"
    else:
        raise _Unsupported(f"dense constant of type {t}")
    element = module.type(element_type)
    data = bytes(value.data.data)
    key = (element, data)
    text = module.dense_texts.get(key)
    if text is None:
        values = _dense_elements(element_type, data)
        if len(values) == 1 and count != 1:
            values *= count
        if len(values) != count:
            raise _Unsupported(f"{len(values)} values for {count} elements")
        text = module.dense_texts[key] = \
            open_ + ", ".join(f"{element} {v}" for v in values) + close
    return text


def _zero(w: _FunctionWriter, op: llvm.ZeroOp) -> None:
    # `zeroinitializer` is the zero of every type, pointers and scalars included.
    w.constant(op.results[0], "zeroinitializer")


def _undef(w: _FunctionWriter, op: llvm.UndefOp) -> None:
    w.constant(op.results[0], "undef")


def _addressof(w: _FunctionWriter, op: llvm.AddressOfOp) -> None:
    w.constant(op.results[0], "@" + _quote(op.properties["global_name"].root_reference.data))


# -- llvmx: atomics (naturally aligned: the integer's byte size), the spin-wait hint

def _natural_align(t: IntegerType) -> int:
    return max(1, t.width.data // 8)


def _load_atomic(w: _FunctionWriter, op: llvmx.LoadAtomicOp) -> None:
    (ptr,) = op.operands
    (res,) = op.results
    name = w.define(res)
    w.out.append(f"  {name} = load atomic {w.module.type(res.type)}, {w.typed[id(ptr)]} "
                 f"{op.ordering.data.value}, align {_natural_align(res.type)}")


def _store_atomic(w: _FunctionWriter, op: llvmx.StoreAtomicOp) -> None:
    value, ptr = op.operands
    w.out.append(f"  store atomic {w.typed[id(value)]}, {w.typed[id(ptr)]} "
                 f"{op.ordering.data.value}, align {_natural_align(value.type)}")


def _atomicrmw(w: _FunctionWriter, op: llvmx.AtomicRMWOp) -> None:
    ptr, value = op.operands
    name = w.define(op.results[0])
    w.out.append(f"  {name} = atomicrmw {op.op.data.value} {w.typed[id(ptr)]}, "
                 f"{w.typed[id(value)]} {op.ordering.data.value}")


def _cmpxchg(w: _FunctionWriter, op: llvmx.CmpXchgOp) -> None:
    # LLVM's cmpxchg yields a { value, i1 } pair; the op's two results are its fields.
    ptr, expected, new = op.operands
    seen, ok = op.results
    typed = w.typed
    pair = w.temporary()
    w.out.append(f"  {pair} = cmpxchg {typed[id(ptr)]}, {typed[id(expected)]}, "
                 f"{typed[id(new)]} {op.success.data.value} {op.failure.data.value}")
    pair_type = f"{{ {w.module.type(seen.type)}, i1 }}"
    w.out.append(f"  {w.define(seen)} = extractvalue {pair_type} {pair}, 0")
    w.out.append(f"  {w.define(ok)} = extractvalue {pair_type} {pair}, 1")


def _spin_hint(w: _FunctionWriter, op: llvmx.SpinHintOp) -> None:
    arch = w.module.triple.split("-")[0]
    if arch in ("x86_64", "i386", "i686"):
        w.out.append(f"  call void {w.module.intrinsic('llvm.x86.sse2.pause', 'void', [])}()")
    elif arch in ("aarch64", "arm64"):  # hint #1 is `yield`
        callee = w.module.intrinsic("llvm.aarch64.hint", "void", ["i32"])
        w.out.append(f"  call void {callee}(i32 1)")
    # Elsewhere a spin loop simply has no hint.


#: op class -> emitter.
_EMITTERS = {
    **dict.fromkeys(_BINARY, _binary),
    llvm.ICmpOp: _compare, llvm.FCmpOp: _compare,
    **dict.fromkeys(_CASTS, _cast),
    **dict.fromkeys(_MATH, _math),
    llvm.MaskedStoreOp: _masked_store, llvm.CallIntrinsicOp: _call_intrinsic,
    llvm.FNegOp: _fneg,
    llvm.CallOp: _call, llvmx.CallIndirectOp: _call_indirect, llvm.InlineAsmOp: _inline_asm,
    llvm.AllocaOp: _alloca, llvm.LoadOp: _load, llvm.StoreOp: _store, llvm.GEPOp: _gep,
    llvm.ExtractValueOp: _extractvalue, llvm.InsertValueOp: _insertvalue,
    llvm.InsertElementOp: _insertelement, llvm.ShuffleVectorOp: _shufflevector,
    llvm.SelectOp: _select,
    llvm.BrOp: _br, llvm.CondBrOp: _cond_br, llvm.ReturnOp: _return,
    llvm.UnreachableOp: _unreachable,
    llvm.ConstantOp: _constant, llvm.ZeroOp: _zero, llvm.UndefOp: _undef,
    llvm.AddressOfOp: _addressof,
    llvmx.LoadAtomicOp: _load_atomic, llvmx.StoreAtomicOp: _store_atomic,
    llvmx.AtomicRMWOp: _atomicrmw, llvmx.CmpXchgOp: _cmpxchg, llvmx.SpinHintOp: _spin_hint,
}


# ----------------------------------------------------------------------------- debug info
class _Debug:
    """DWARF line info for one LLVM module (see the module docstring).

    Metadata nodes are numbered as they are made; equal nodes are made once (the
    `!DILocation` of ops at the same place, in the same scope, is one node)."""

    def __init__(self, translation: Translation):
        self.translation = translation
        self.nodes: list[str] = []
        self.unique: dict[str, str] = {}
        self.files: dict[str, str] = {}
        self.unit: str | None = None
        self.routine_type: str | None = None
        self.flags: list[str] = []
        #: For the current function: its DISubprogram, and scope per file.
        self.subprogram = ""
        self.scopes: dict[str, str] = {}
        #: For the current function: id(location) -> (location, `, !dbg !N` or "").
        self.suffixes: dict[int, tuple[object, str]] = {}

    def node(self, text: str, distinct: bool = False) -> str:
        """`!N` of a metadata node (one per distinct text unless `distinct`)."""
        if not distinct and text in self.unique:
            return self.unique[text]
        ref = f"!{len(self.nodes)}"
        self.nodes.append(f"{ref} = {'distinct ' if distinct else ''}{text}")
        if not distinct:
            self.unique[text] = ref
        return ref

    def file(self, path: str) -> str:
        if path not in self.files:
            p = Path(path)
            directory = str(p.parent) if str(p.parent) != "." else ""
            self.files[path] = self.node(f'!DIFile(directory: "{_escape(directory)}", '
                                         f'filename: "{_escape(p.name)}")')
        return self.files[path]

    def function(self, name: str, loc) -> str:
        """Open a function's DISubprogram, in the file of its own location; returns its
        attachment (`!dbg !N`)."""
        where = resolve(loc) or Position("<unknown>", 0, 0)
        file = self.file(where.file)
        if self.unit is None:
            self.unit = self.node(
                f"!DICompileUnit(emissionKind: FullDebug, file: {file}, isOptimized: true, "
                f'language: DW_LANG_C99, producer: "webnn-mlir", runtimeVersion: 0)',
                distinct=True)
            self.flags = [self.node('!{i32 2, !"Dwarf Version", i32 4}'),
                          self.node('!{i32 2, !"Debug Info Version", i32 3}')]
            self.routine_type = self.node(f"!DISubroutineType(types: {self.node('!{}')})")
        self.subprogram = self.node(
            f'!DISubprogram(file: {file}, line: {where.line}, name: "{_escape(name)}", '
            f"scope: {file}, scopeLine: {where.line}, "
            f"spFlags: DISPFlagDefinition | DISPFlagOptimized, type: {self.routine_type}, "
            f"unit: {self.unit})", distinct=True)
        self.scopes = {where.file: self.subprogram}
        self.suffixes = {}
        return f"!dbg {self.subprogram}"

    def location(self, loc) -> str:
        """`, !dbg !N` for an op's location (its first concrete position), or ""."""
        found = self.suffixes.get(id(loc))
        if found is None:
            found = self.suffixes[id(loc)] = (loc, self._location(loc))
        return found[1]

    def _location(self, loc) -> str:
        from .sourcemap import parts

        found = parts(loc)
        if not found:
            return ""
        first = found[0][0]
        scope = self.scopes.get(first.file)
        if scope is None:  # another file than the function's: a lexical block file
            scope = self.scopes[first.file] = self.node(
                f"!DILexicalBlockFile(discriminator: 0, file: {self.file(first.file)}, "
                f"scope: {self.subprogram})")
        ref = self.node(f"!DILocation(column: {first.column}, line: {first.line}, "
                        f"scope: {scope})")
        self.translation.locations.setdefault(ref[1:], found)
        return f", !dbg {ref}"

    def metadata(self) -> list[str]:
        if self.unit is None:
            return []
        return [f"!llvm.dbg.cu = !{{{self.unit}}}",
                f"!llvm.module.flags = !{{{', '.join(self.flags)}}}", *self.nodes]

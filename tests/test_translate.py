"""The llvm-dialect -> LLVM IR translator (compiler/translate.py): LLVM accepts what it
writes for every op family, constants keep their exact bits, and what it cannot
translate is a located TranslationError."""

import ctypes
import struct

import llvmlite.binding as llvm
import numpy as np
import pytest

from compiler.diagnostics import DiagnosticEngine, resolve
from compiler.ir import parse_module
from compiler.translate import EMBED_LIMIT, TranslationError, translate
from runtime import jit

X86 = "x86_64-unknown-linux-gnu"


def parse(text: str, name: str = "input.mlir"):
    diags = DiagnosticEngine()
    module = parse_module(text, name, diags)
    assert module is not None, diags.diagnostics
    return module


def verified(text: str):
    module = llvm.parse_assembly(text)
    module.verify()
    return module


# Every op family the translator knows, in one function LLVM must accept.
EVERY_FAMILY = """builtin.module {
  llvm.mlir.global internal constant @small(dense<[1, 2, 3, 4]> : tensor<4xi32>) {addr_space = 0 : i32} : !llvm.array<4 x i32>
  llvm.func @callee(f32, f32) -> f32
  llvm.func @f(%p: !llvm.ptr {llvm.noalias, llvm.align = 64 : i64}, %x: f32, %n: i64, %fp: !llvm.ptr) -> f32 {
    %c1 = llvm.mlir.constant(1 : i64) : i64
    %slot0 = llvm.alloca %c1 x !llvm.ptr {alignment = 8 : i64} : (i64) -> !llvm.ptr
    %a = "llvm.add"(%n, %c1) <{overflowFlags = 3 : i32}> : (i64, i64) -> i64
    %b = "llvm.udiv"(%a, %c1) <{isExact}> : (i64, i64) -> i64
    %o = "llvm.or"(%b, %c1) <{isDisjoint}> : (i64, i64) -> i64
    %t = "llvm.trunc"(%o) <{overflowFlags = #llvm.overflow<nuw>}> : (i64) -> i32
    %z = "llvm.zext"(%t) <{nonNeg}> : (i32) -> i64
    %cmp = llvm.icmp "ult" %z, %n : i64
    %y = llvm.fadd %x, %x {fastmathFlags = #llvm.fastmath<reassoc, contract>} : f32
    %always = llvm.fcmp "_true" %y, %x : f32
    %unordered = llvm.fcmp "uno" %y, %x : f32
    %abs = llvm.intr.fabs(%y) : (f32) -> f32
    %fma = llvm.intr.fma(%abs, %y, %x) : (f32, f32, f32) -> f32
    %max = llvm.call_intrinsic "llvm.maximum.f32"(%fma, %x) : (f32, f32) -> f32
    %max2 = llvm.call_intrinsic "llvm.maximum.f32"(%max, %x) : (f32, f32) -> f32
    %neg = llvm.fneg %max2 : f32
    %sel = llvm.select %cmp, %neg, %x : i1, f32
    %r = llvm.call @callee(%sel, %x) : (f32, f32) -> f32
    %u = llvm.mlir.undef : vector<4xf32>
    %zero = llvm.mlir.constant(dense<0.0> : vector<4xf32>) : vector<4xf32>
    %null = llvm.mlir.zero : !llvm.ptr
    llvm.store %null, %slot0 {alignment = 8 : i64} : !llvm.ptr, !llvm.ptr
    %i0 = llvm.mlir.constant(0 : i32) : i32
    %v = llvm.insertelement %r, %u[%i0 : i32] : vector<4xf32>
    %sh = llvm.shufflevector %v, %zero [0, -1, 1, 3] : vector<4xf32>
    %mask = llvm.mlir.constant(dense<[true, false, true, true]> : vector<4xi1>) : vector<4xi1>
    llvm.intr.masked.store %sh, %p, %mask {alignment = 4 : i32} : vector<4xf32>, vector<4xi1> into !llvm.ptr
    %red = "llvm.intr.vector.reduce.fadd"(%x, %sh) <{fastmathFlags = #llvm.fastmath<reassoc>}> : (f32, vector<4xf32>) -> f32
    %s0 = llvm.mlir.undef : !llvm.struct<(i64, f32)>
    %s1 = llvm.insertvalue %n, %s0[0] : !llvm.struct<(i64, f32)>
    %s2 = llvm.extractvalue %s1[0] : !llvm.struct<(i64, f32)>
    %slot = llvm.alloca %c1 x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr
    llvm.store %red, %slot {alignment = 4 : i64} : f32, !llvm.ptr
    %g = llvm.mlir.addressof @small : !llvm.ptr
    %gp = llvm.getelementptr inbounds %g[0, %s2] : (!llvm.ptr, i64) -> !llvm.ptr, !llvm.array<4 x i32>
    %gv = llvm.load %gp {alignment = 4 : i64} : !llvm.ptr -> i32
    %old = llvmx.atomicrmw add acq_rel %p, %n : !llvm.ptr, i64
    %seen, %ok = llvmx.cmpxchg acq_rel monotonic %p, %n, %old : !llvm.ptr, i64
    llvmx.store_atomic release %seen, %p : i64, !llvm.ptr
    %la = llvmx.load_atomic acquire %p : !llvm.ptr -> i64
    llvmx.spin_hint
    llvmx.call_indirect %fp(%p, %la) : !llvm.ptr, (!llvm.ptr, i64)
    %uf = llvmx.uitofp %gv : i32 to f32
    llvm.br ^loop(%c1 : i64)
  ^loop(%i: i64):
    %next = llvm.add %i, %c1 : i64
    %done = llvm.icmp "sge" %next, %n : i64
    llvm.cond_br %done, ^exit, ^loop(%next : i64)
  ^exit:
    llvm.return %uf : f32
  }
}
"""


def test_every_op_family_is_llvm_ir_llvm_accepts():
    text = translate(parse(EVERY_FAMILY), X86).text
    verified(text)
    # The flags and forms LLVM would otherwise have to guess or reject.
    for fragment in ("add nuw nsw i64", "udiv exact", "or disjoint", "trunc nuw",
                     "zext nneg", "fadd reassoc contract float", "fcmp true", "fcmp uno",
                     "call reassoc float @\"llvm.vector.reduce.fadd.v4f32\"",
                     "<4 x i32> <i32 0, i32 poison, i32 1, i32 3>",
                     "@\"llvm.masked.store.v4f32.p0\"", "phi i64 [ 1, %bb0 ]",
                     "cmpxchg ptr", "call void @\"llvm.x86.sse2.pause\"()",
                     "define float @\"f\"(ptr noalias align 64 %v0,"):
        assert fragment in text, fragment
    # Each intrinsic is declared once, however often it is called.
    assert text.count('declare float @"llvm.maximum.f32"(float, float)') == 1


def test_the_spin_hint_follows_the_target():
    module = parse(EVERY_FAMILY)
    assert "llvm.aarch64.hint" in translate(module, "aarch64-unknown-linux-gnu").text
    assert "hint" not in translate(module, "riscv64-unknown-linux-gnu").text.replace(
        "spin", "")


def _bits32(*words: int) -> bytes:
    return struct.pack(f"<{len(words)}I", *words)


def _bits16(*words: int) -> bytes:
    return struct.pack(f"<{len(words)}H", *words)


# Constants whose bits a careless translation (through Python or C floats) would change:
# signaling and payload-carrying NaNs, -0.0, infinities, subnormals, the largest finite.
F32 = _bits32(0x7F800001, 0xFFC12345, 0x80000000, 0xFF800000,
              0x00000001, 0x7F7FFFFF, 0x7FFFFFFF, 0x7F800000)
F16 = _bits16(0x7C01, 0xFE55, 0x8000, 0x0001, 0x7BFF, 0xFC00, 0x7E00, 0x3C00)
BF16 = _bits16(0x7F81, 0xFFC1, 0x8000, 0x0001, 0x7F7F, 0xFF80, 0x7FC0, 0x3F80)
# Scalar constants (xDSL keeps a scalar as a Python float: a double).
F64_SNAN, F64_NEG_ZERO = 0x7FF0000000000001, 0x8000000000000000
F32_QNAN = 0x7FC12345


def _store_all(stores: list[tuple[str, str, str]]) -> str:
    """An llvm function `f(out)` that stores each (value, type, byte offset)."""
    body = []
    for i, (value, ty, offset) in enumerate(stores):
        body += [f"    %c{i} = llvm.mlir.constant({value}) : {ty}",
                 f"    %p{i} = llvm.getelementptr %out[{offset}] : (!llvm.ptr) -> !llvm.ptr, i8",
                 f"    llvm.store %c{i}, %p{i} {{alignment = 1 : i64}} : {ty}, !llvm.ptr"]
    return ("builtin.module {\n  llvm.func @f(%out: !llvm.ptr) {\n" + "\n".join(body)
            + "\n    llvm.return\n  }\n}\n")


def test_special_float_constants_keep_their_bits_through_llvm():
    stores = [(f'dense<"0x{F32.hex()}"> : vector<8xf32>', "vector<8xf32>", "0"),
              (f'dense<"0x{F16.hex()}"> : vector<8xf16>', "vector<8xf16>", "32"),
              (f'dense<"0x{BF16.hex()}"> : vector<8xbf16>', "vector<8xbf16>", "48"),
              (f"0x{F64_SNAN:016X} : f64", "f64", "64"),
              (f"0x{F64_NEG_ZERO:016X} : f64", "f64", "72"),
              (f"0x{F32_QNAN:08X} : f32", "f32", "80"),
              ("-0.0 : f32", "f32", "84"),
              ("-0.0 : f16", "f16", "88"),
              ("1.5 : bf16", "bf16", "90")]
    text = translate(parse(_store_all(stores)), jit.host_triple()).text
    verified(text)
    machine = jit.load(jit.compile_object(text), {})
    out = np.zeros(96, np.uint8)
    ctypes.CFUNCTYPE(None, ctypes.c_void_p)(machine.address("f"))(out.ctypes.data)
    got = out.tobytes()
    assert got[0:32] == F32
    assert got[32:48] == F16
    assert got[48:64] == BF16
    assert got[64:80] == struct.pack("<QQ", F64_SNAN, F64_NEG_ZERO)
    assert got[80:88] == _bits32(F32_QNAN, 0x80000000)
    assert got[88:92] == _bits16(0x8000, 0x3FC0)


def test_large_globals_are_external_and_returned():
    data = np.arange(EMBED_LIMIT // 4 + 1, dtype=np.int32)
    values = ", ".join(map(str, data))
    text = f"""builtin.module {{
  llvm.mlir.global internal constant @big(dense<[{values}]> : tensor<{data.size}xi32>) {{addr_space = 0 : i32}} : !llvm.array<{data.size} x i32>
  llvm.mlir.global internal constant @tiny(dense<[7]> : tensor<1xi32>) {{addr_space = 0 : i32}} : !llvm.array<1 x i32>
}}
"""
    out = translate(parse(text))
    verified(out.text)
    assert list(out.constants) == ["big"]
    assert out.constants["big"].tobytes() == data.tobytes()
    assert f'@"big" = external constant [{data.nbytes} x i8], align 64' in out.text
    assert '@"tiny" = internal constant [4 x i8] c"\\07\\00\\00\\00", align 64' in out.text


@pytest.mark.parametrize("line, op", [
    ("%s = llvm.intr.stacksave : !llvm.ptr", "llvm.intr.stacksave"),  # no translation
    ("%s = llvm.mlir.constant(1.0 : f80) : f80", "llvm.mlir.constant"),  # no f80 here
])
def test_what_cannot_be_translated_is_an_error_at_its_op(line, op):
    text = ("builtin.module {\n  llvm.func @f() {\n"
            f"    {line}\n"
            "    llvm.return\n  }\n}\n")
    with pytest.raises(TranslationError, match=f"cannot translate '{op}'") as err:
        translate(parse(text, "bad.mlir"))
    where = resolve(err.value.location)
    assert (where.file, where.line, where.column) == ("bad.mlir", 3, 5)


def test_debug_info_scopes_positions_of_other_files():
    text = """builtin.module {
  llvm.func @f(%p: !llvm.ptr, %x: i64) {
    %y = llvm.add %x, %x : i64 loc("other.py":7:3)
    llvm.store %y, %p {alignment = 8 : i64} : i64, !llvm.ptr
    llvm.return
  } loc("graph.py":1:1)
}
"""
    out = translate(parse(text), X86, debug_info=True)
    verified(out.text)
    assert 'distinct !DISubprogram(file: !0, line: 1, name: "f"' in out.text
    assert "!DILexicalBlockFile(" in out.text and 'filename: "other.py"' in out.text
    # Every !dbg attachment names a DILocation whose parts the translation kept.
    attached = {line.rsplit("!dbg !", 1)[1] for line in out.text.splitlines()
                if line.startswith("  ") and "!dbg !" in line}
    assert attached and attached <= set(out.locations)
    positions = {p.line for parts in out.locations.values() for p, _ in parts}
    assert 7 in positions

"""One core's float32 peak, measured with a JIT-compiled loop of independent vector FMAs.

The vector width comes from the CPU features llvmlite reports (16 floats with AVX-512, 8
with AVX/AVX2, else 4); 12 independent accumulator chains hide the FMA latency. The result
is the denominator of the "% of peak" column in `bench/speed.py`.
Run: python bench/peak.py
"""

from __future__ import annotations

import ctypes
import time

import llvmlite.binding as llvm

CHAINS = 12


def vector_width() -> int:
    features = llvm.get_host_cpu_features()
    if features.get("avx512f"):
        return 16
    if features.get("avx") or features.get("avx2"):
        return 8
    return 4


def _kernel_ir(width: int) -> str:
    vec = f"<{width} x float>"
    phis = "\n".join(f"  %a{i} = phi {vec} [ zeroinitializer, %entry ], [ %n{i}, %loop ]"
                     for i in range(CHAINS))
    fmas = "\n".join(f"  %n{i} = call {vec} @llvm.fma.v{width}f32({vec} %a{i}, {vec} %x, "
                     f"{vec} %y)" for i in range(CHAINS))
    total = [f"%a{0}"]
    sums = []
    for i in range(1, CHAINS):
        sums.append(f"  %s{i} = fadd {vec} {total[-1]}, %n{i}")
        total.append(f"%s{i}")
    sums = "\n".join(s.replace("%a0", "%n0") for s in sums)
    return f"""
declare {vec} @llvm.fma.v{width}f32({vec}, {vec}, {vec})
define float @peak(i64 %iters, float %xs) {{
entry:
  %x0 = insertelement {vec} undef, float %xs, i32 0
  %x = shufflevector {vec} %x0, {vec} undef, <{width} x i32> zeroinitializer
  %y = fadd {vec} %x, %x
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
{phis}
{fmas}
  %i1 = add i64 %i, 1
  %done = icmp eq i64 %i1, %iters
  br i1 %done, label %exit, label %loop
exit:
{sums}
  %r = extractelement {vec} {total[-1].replace('%a0', '%n0')}, i32 0
  ret float %r
}}
"""


def measure(seconds: float = 0.3) -> float:
    """GFLOP/s of one core (best of a few timed runs)."""
    llvm.initialize_native_target()
    llvm.initialize_native_asmprinter()
    width = vector_width()
    module = llvm.parse_assembly(_kernel_ir(width))
    target = llvm.Target.from_triple(llvm.get_process_triple())
    tm = target.create_target_machine(cpu=llvm.get_host_cpu_name(),
                                      features=llvm.get_host_cpu_features().flatten(), opt=2)
    engine = llvm.create_mcjit_compiler(module, tm)
    engine.finalize_object()
    fn = ctypes.CFUNCTYPE(ctypes.c_float, ctypes.c_int64, ctypes.c_float)(
        engine.get_function_address("peak"))
    iters = 1 << 20
    best = 0.0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline or best == 0.0:
        start = time.perf_counter()
        fn(iters, 1e-9)
        elapsed = time.perf_counter() - start
        best = max(best, iters * CHAINS * width * 2 / elapsed / 1e9)
    return best


if __name__ == "__main__":
    print(f"{llvm.get_host_cpu_name()}: {vector_width()} floats per vector, "
          f"one core's float32 peak {measure():.1f} GFLOP/s")

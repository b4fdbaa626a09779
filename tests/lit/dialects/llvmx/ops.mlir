// RUN: webnn-opt %s | FileCheck %s
// RUN: webnn-opt %s | webnn-opt | FileCheck %s

// The llvmx ops print and parse back as written.
// CHECK: %g = llvmx.load_atomic acquire %p : !llvm.ptr -> i64
// CHECK: llvmx.store_atomic release %g, %p : i64, !llvm.ptr
// CHECK: %old = llvmx.atomicrmw add acq_rel %p, %g : !llvm.ptr, i64
// CHECK: %seen, %ok = llvmx.cmpxchg acq_rel monotonic %p, %g, %old : !llvm.ptr, i64
// CHECK: llvmx.spin_hint
// CHECK: llvmx.call_indirect %f(%p, %g) : !llvm.ptr, (!llvm.ptr, i64)
// CHECK: %u = llvmx.uitofp %g : i64 to f32
builtin.module attributes {webnn.version = 2} {
  func.func @f(%p: !llvm.ptr, %f: !llvm.ptr) {
    %g = llvmx.load_atomic acquire %p : !llvm.ptr -> i64
    llvmx.store_atomic release %g, %p : i64, !llvm.ptr
    %old = llvmx.atomicrmw add acq_rel %p, %g : !llvm.ptr, i64
    %seen, %ok = llvmx.cmpxchg acq_rel monotonic %p, %g, %old : !llvm.ptr, i64
    llvmx.spin_hint
    llvmx.call_indirect %f(%p, %g) : !llvm.ptr, (!llvm.ptr, i64)
    %u = llvmx.uitofp %g : i64 to f32
    func.return
  }
}

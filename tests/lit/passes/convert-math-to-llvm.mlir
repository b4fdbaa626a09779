// RUN: webnn-opt %s -p convert-math-to-llvm | FileCheck %s

// Intrinsics carry type-mangled names; functions without one call the C library.
// CHECK-LABEL: func.func @f
func.func @f(%x: f32) -> f32 {
  // CHECK: llvm.call_intrinsic "llvm.exp.f32"(%x) : (f32) -> f32
  %0 = math.exp %x : f32
  // CHECK: llvm.call @tanhf(%{{.*}}) : (f32) -> f32
  %1 = math.tanh %0 : f32
  // CHECK: llvm.call @erff
  %2 = math.erf %1 : f32
  func.return %2 : f32
}
// CHECK: llvm.func @tanhf(f32) -> f32
// CHECK: llvm.func @erff(f32) -> f32

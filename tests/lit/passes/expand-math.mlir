// RUN: webnn-opt %s -p expand-math | FileCheck %s

// exp becomes arithmetic: a floor for the range reduction, a polynomial, exponent bits.
// CHECK-LABEL: func.func @f
// CHECK-NOT: math.exp
// CHECK: math.floor
// CHECK: arith.bitcast %{{.*}} : f32 to i32
// CHECK: arith.shli
// CHECK: arith.bitcast %{{.*}} : i32 to f32
// f64 is left for convert-math-to-llvm.
// CHECK: math.exp %{{.*}} : f64
func.func @f(%x: f32, %y: f64) -> f32 {
  %0 = math.exp %x : f32
  %1 = math.exp %y : f64
  func.return %0 : f32
}

// RUN: webnn-opt %s -p convert-arith-to-llvm | FileCheck %s

// CHECK-LABEL: func.func @f
func.func @f(%a: f32, %b: f32, %i: i32, %j: i32, %n: index) -> f32 {
  // CHECK: llvm.fadd %a, %b : f32
  %0 = arith.addf %a, %b : f32
  // CHECK: llvm.call_intrinsic "llvm.maximum.f32"
  %1 = arith.maximumf %0, %b : f32
  // CHECK: %[[C:.*]] = llvm.icmp "slt" %i, %j : i32
  // CHECK: llvm.select %[[C]], %i, %j : i1, i32
  %2 = arith.minsi %i, %j : i32
  // CHECK: llvm.call_intrinsic "llvm.fptosi.sat.i32.f32"
  %3 = arith.fptosi %1 : f32 to i32
  // CHECK: llvmx.uitofp %{{.*}} : i32 to f32
  %4 = arith.uitofp %2 : i32 to f32
  // index becomes i64: an index_cast to i64 disappears
  // CHECK-NOT: index_cast
  // CHECK: %[[C4:.*]] = llvm.mlir.constant(4) : i64
  // CHECK: llvm.add %n, %[[C4]] : i64
  %c4 = arith.constant 4 : index
  %5 = arith.addi %n, %c4 : index
  %6 = arith.index_cast %5 : index to i64
  func.return %4 : f32
}

// f64 -> f16 goes through f32: the direct conversion needs a runtime library call.
// CHECK-LABEL: func.func @narrow
// CHECK: %[[W:.*]] = llvm.fptrunc %x : f64 to f32
// CHECK: llvm.fptrunc %[[W]] : f32 to f16
func.func @narrow(%x: f64) -> f16 {
  %0 = arith.truncf %x : f64 to f16
  func.return %0 : f16
}

// RUN: webnn-opt %s -p convert-vector-to-llvm | FileCheck %s
// RUN: webnn-opt %s -p convert-vector-to-llvm,convert-memref-to-llvm,convert-arith-to-llvm,convert-func-to-llvm,reconcile-unrealized-casts | FileCheck %s --check-prefix=LLVM

// Memory accesses address their element like memref accesses (one GEP on the element
// type) through the buffer's pointer, cast once where the buffer is defined; masked
// ones become llvm.masked.load/store; a broadcast is a splat; fma the intrinsic.
// CHECK-LABEL: func.func @kernel
// CHECK: %[[P:.*]] = builtin.unrealized_conversion_cast %m : memref<64xf32> to !llvm.ptr
// CHECK: %[[G:.*]] = llvm.getelementptr inbounds %[[P]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: llvm.load %[[G]] {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
// CHECK: llvm.insertelement %s, %{{.*}}[%{{.*}} : i32] : vector<16xf32>
// CHECK: llvm.shufflevector %{{.*}}, %{{.*}} [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] : vector<16xf32>
// CHECK: llvm.intr.fma(%{{.*}}, %{{.*}}, %{{.*}}) : (vector<16xf32>, vector<16xf32>, vector<16xf32>) -> vector<16xf32>
// CHECK: llvm.icmp "slt" %{{.*}}, %{{.*}} : vector<16xi32>
// CHECK: llvm.call_intrinsic "llvm.masked.load.v16f32.p0"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, i32, vector<16xi1>, vector<16xf32>) -> vector<16xf32>
// CHECK: llvm.shufflevector %{{.*}}, %{{.*}} [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30] : vector<16xf32>
// CHECK: llvm.intr.masked.store %{{.*}}, %{{.*}}, %{{.*}} {alignment = 4 : i32} : vector<16xf32>, vector<16xi1> into !llvm.ptr
// CHECK: llvm.store %{{.*}}, %{{.*}} {alignment = 4 : i64} : vector<16xf32>, !llvm.ptr
// A masked load whose lanes off may lie outside the buffer (a padded read) computes
// its address without `inbounds`.
// CHECK: %[[Q:.*]] = llvm.getelementptr %[[P]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK-NEXT: llvm.call_intrinsic "llvm.masked.load.v16f32.p0"(%[[Q]],
// CHECK-NOT: vector.

// Once buffers are pointers, the casts are between equal types and disappear.
// LLVM-LABEL: llvm.func @kernel
// LLVM-NOT: unrealized_conversion_cast
// LLVM: llvm.load %{{.*}} {alignment = 4 : i64} : !llvm.ptr -> vector<16xf32>
builtin.module attributes {webnn.version = 2} {
func.func @kernel(%m: memref<64xf32>, %s: f32, %i: index, %n: index) {
  %v = vector.load %m[%i] : memref<64xf32>, vector<16xf32>
  %b = vector.broadcast %s : f32 to vector<16xf32>
  %f = vector.fma %b, %v, %v : vector<16xf32>
  %k = vector.create_mask %n : vector<16xi1>
  %z = arith.constant dense<0.0> : vector<16xf32>
  %w = vector.maskedload %m[%i], %k, %z : memref<64xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  %d = vector.shuffle %f, %w [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30] : vector<16xf32>, vector<16xf32>
  vector.maskedstore %m[%i], %k, %d : memref<64xf32>, vector<16xi1>, vector<16xf32>
  vector.store %f, %m[%i] : memref<64xf32>, vector<16xf32>
  %o = vector.maskedload %m[%i], %k, %z {webnn.lanes_outside} : memref<64xf32>, vector<16xi1>, vector<16xf32> into vector<16xf32>
  func.return
}
}
